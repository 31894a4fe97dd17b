// The last stage of FIND: solutions -> result rows. Projection, COUNT with
// GROUP BY, DISTINCT, ORDER BY, LIMIT and the row cap, in that order.
// Counting is incremental: a COUNT over millions of solutions keeps one
// entry per group, not the solutions.
#ifndef KG_QUERY_SHAPING_H_
#define KG_QUERY_SHAPING_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "kg/query.h"
#include "query/binder.h"
#include "query/row.h"

namespace kg::query {

// The output row of one solution (no counts): visible and hidden columns.
std::vector<Value> Project(const BoundFind& find, const Row& row);
// Its visible columns as cells borrowed from `row` (null where no slot).
void ProjectVisible(const BoundFind& find, const Row& row, std::vector<const Value*>* cells);

// The column names of FIND's result.
std::vector<std::string> ColumnNames(const BoundFind& find);

// Collects the solutions of a query that needs all of them before the
// first row can go out (counts, DISTINCT, ORDER BY).
class Shaper {
 public:
  explicit Shaper(const BoundFind& find) : find_(find) {}
  // `times`: the row stands for that many equal solutions (counts taken
  // from the store's statistics).
  void Add(const Row& row, int64_t times = 1);
  // The shaped rows (counted, DISTINCT, ordered), not yet cut at LIMIT;
  // their hidden columns follow the visible ones.
  std::vector<std::vector<Value>> Finish();

 private:
  struct Group {
    std::vector<Value> values;              // output row; counts filled by Finish
    std::vector<int64_t> counts;            // per output column
    std::vector<std::set<std::string>> seen;  // COUNT(DISTINCT) keys per column
  };
  Group& GroupOf(const Row& row);

  const BoundFind& find_;
  std::map<std::string, size_t> group_index_;
  std::vector<Group> groups_;
  std::vector<std::vector<Value>> rows_;  // without counts
};

// Hands a FIND's result from either executor to a RowVisitor: rows stream
// straight through unless counts, DISTINCT or ORDER BY need all solutions
// first. Applies LIMIT and QueryOptions::max_rows.
class ResultCollector {
 public:
  // Gives `visitor` the column names.
  ResultCollector(const BoundFind& find, const QueryOptions& options, RowVisitor& visitor);

  bool streaming() const { return streaming_; }
  // Streaming: one output row, its visible columns, borrowed for the
  // call. False when LIMIT, max_rows or the visitor say to stop.
  bool AddOutput(const RowView& visible);
  // A solution; streams it or hands it to the shaper. False to stop.
  bool AddSolution(const Row& row, int64_t times = 1);
  // Sends the shaped rows, if any; `stopped_by` ("timeout", "cancelled")
  // says why the solutions ended early, empty when they did not.
  QueryInfo Finish(const std::string& stopped_by);

 private:
  const BoundFind& find_;
  QueryOptions options_;
  RowVisitor& visitor_;
  bool streaming_;
  Shaper shaper_;
  QueryInfo info_;
  std::vector<const Value*> cells_;  // the row being sent
};

// Sends a result made whole (listings, EXPLAIN, SOURCES) to `visitor`.
QueryInfo Replay(const QueryResult& result, RowVisitor& visitor);

}  // namespace kg::query

#endif  // KG_QUERY_SHAPING_H_
