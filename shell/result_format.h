// Rendering a kg::QueryResult for people and programs: an aligned table
// (display width measured with ICU, so Devanagari and CJK line up), JSON
// ({"columns":[...],"rows":[[...]]}, terms as the claims export encodes
// them) or CSV (RFC 4180). Shared by `kg query` and the interactive shell.
#ifndef KG_SHELL_RESULT_FORMAT_H_
#define KG_SHELL_RESULT_FORMAT_H_

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

// One cell as JSON: entity and quantity objects as in the claims export,
// times and predicates as strings, counts as numbers, null as null.
nlohmann::json ValueToJson(const Value& value);

}  // namespace kg::shell

#endif  // KG_SHELL_RESULT_FORMAT_H_
