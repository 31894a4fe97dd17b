// KGQL: kgstore's query language (grammar/KGQL.g4, docs/kgql.md).
//
//   auto result = kg::RunQuery(*store, "FIND ?x WHERE ?x competes_with Alibaba", {});
//
// Parsing, binding, planning and execution happen inside; a syntax error
// comes back as InvalidArgument whose message names the line and column and
// draws a caret under the place.
#ifndef KG_QUERY_H_
#define KG_QUERY_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "kg/model.h"
#include "kg/status.h"
#include "kg/store.h"

namespace kg {

// One cell of a result row.
struct Value {
  enum class Kind { kNull, kTerm, kNumber, kString };
  Kind kind = Kind::kNull;
  Term term;          // kTerm: entity, quantity, time or text
  int64_t number = 0; // kNumber: counts, sentence numbers, offsets
  std::string text;   // kString: document ids, languages, rule names

  static Value Null() { return {}; }
  static Value OfTerm(Term t) { Value v; v.kind = Kind::kTerm; v.term = std::move(t); return v; }
  static Value OfNumber(int64_t n) { Value v; v.kind = Kind::kNumber; v.number = n; return v; }
  static Value OfString(std::string s) { Value v; v.kind = Kind::kString; v.text = std::move(s); return v; }
  // Plain text form, as a table cell shows it.
  std::string ToString() const;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  // Set when a limit stopped the query before it finished; says which.
  std::string stopped_by;
};

struct QueryOptions {
  uint64_t max_rows = 0;     // 0: no cap
  uint64_t timeout_ms = 0;   // 0: no limit
  // When set, the query stops soon after *cancel becomes true (another
  // thread or a signal handler sets it) with stopped_by "cancelled".
  const std::atomic<bool>* cancel = nullptr;
};

Result<QueryResult> RunQuery(const Store& store, const std::string& text, const QueryOptions& options);

// Keywords of the language, for completion in the shell.
const std::vector<std::string>& QueryKeywords();

}  // namespace kg

#endif  // KG_QUERY_H_
