// KGQL: kgstore's query language (grammar/KGQL.g4, docs/kgql.md).
//
//   auto result = kg::RunQuery(*store, "FIND ?x WHERE ?x competes_with Alibaba", {});
//
// Parsing, binding, planning and execution happen inside; a syntax error
// comes back as InvalidArgument whose message names the line and column and
// draws a caret under the place.
//
// To read a large answer without copying it, pass a RowVisitor instead:
// the rows stream to it as the executor finds them, their cells borrowed.
#ifndef KG_QUERY_H_
#define KG_QUERY_H_

#include <atomic>
#include <cstddef>
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
  // Appends ToString() to *out; no temporary string for a plain term.
  void AppendText(std::string* out) const;
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

// One row of a streamed result. Its cells are borrowed from the executor:
// valid only during the RowVisitor::Row call that hands them out (copy a
// Value to keep it).
class RowView {
 public:
  RowView(const Value* const* cells, size_t size) : cells_(cells), size_(size) {}
  size_t size() const { return size_; }
  const Value& operator[](size_t i) const { return *cells_[i]; }

 private:
  const Value* const* cells_;
  size_t size_;
};

// Receives a query's answer: the column names once, then each row in the
// order the collecting RunQuery would list it.
class RowVisitor {
 public:
  virtual ~RowVisitor() = default;
  virtual void Columns(const std::vector<std::string>& names) = 0;
  // Returning false stops the query; QueryInfo::stopped_by is then "visitor".
  virtual bool Row(const RowView& row) = 0;
};

// What a streamed query reports besides its rows.
struct QueryInfo {
  uint64_t rows = 0;  // rows handed to the visitor
  // As QueryResult::stopped_by, or "visitor" when the visitor stopped it.
  std::string stopped_by;
  // Runs of its first step's matches that it was cut into for the
  // threads of OpenOptions::query_threads; 0: it ran on one thread.
  uint64_t morsels = 0;
};

// Runs `text` and streams its rows to `visitor`. Errors and limits are as
// for the collecting RunQuery, which is this with a visitor that copies.
Result<QueryInfo> RunQuery(const Store& store, const std::string& text, const QueryOptions& options,
                           RowVisitor& visitor);

// Keywords of the language, for completion in the shell.
const std::vector<std::string>& QueryKeywords();

}  // namespace kg

#endif  // KG_QUERY_H_
