// Rendering a kg::QueryResult (or a streamed one) for people and programs: an aligned table
// (display width measured with ICU, so Devanagari and CJK line up), JSON
// ({"columns":[...],"rows":[[...]]}, terms as the claims export encodes
// them) or CSV (RFC 4180). Shared by `kg query` and the interactive shell.
#ifndef KG_SHELL_RESULT_FORMAT_H_
#define KG_SHELL_RESULT_FORMAT_H_

#include <memory>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "kg/query.h"

namespace kg::shell {

enum class ResultFormat { kTable, kJson, kCsv };

// "table", "json", "csv" and back; false for anything else.
const char* ResultFormatName(ResultFormat format);
bool ParseResultFormat(const std::string& name, ResultFormat* format);

// Writes `result` to `out`. `colour` adds ANSI styling to tables only.
void PrintResult(const QueryResult& result, ResultFormat format, bool colour, std::ostream& out);

// Prints rows as a streamed query hands them out, so a large JSON or CSV
// answer is never held in memory whole; Finish closes the output (JSON's
// brackets and its "stopped_by"). Row returns false once `out` fails.
class RowPrinter : public RowVisitor {
 public:
  virtual void Finish(const std::string& stopped_by) = 0;
};

// A printer for JSON or CSV; null for the table, whose column widths need
// every row first.
std::unique_ptr<RowPrinter> StreamingPrinter(ResultFormat format, std::ostream& out);

// One cell as JSON: entity and quantity objects as in the claims export,
// times and predicates as strings, counts as numbers, null as null.
nlohmann::json ValueToJson(const Value& value);

}  // namespace kg::shell

#endif  // KG_SHELL_RESULT_FORMAT_H_
