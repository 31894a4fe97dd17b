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
  // Appends the shaped rows to `result`, cut at LIMIT and `max_rows`.
  void Finish(uint64_t max_rows, QueryResult* result);

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

// Gathers a FIND's result from either executor: rows stream straight into
// the result unless counts, DISTINCT or ORDER BY need all solutions first.
class ResultCollector {
 public:
  ResultCollector(const BoundFind& find, const QueryOptions& options);

  bool streaming() const { return streaming_; }
  // Streaming: one output row (its visible columns). False when LIMIT or
  // max_rows say to stop.
  bool AddOutput(std::vector<Value> visible);
  // A solution; streams it or hands it to the shaper. False to stop.
  bool AddSolution(const Row& row, int64_t times = 1);
  // The result; `stopped_by` ("timeout", "cancelled") says why the
  // solutions ended early, empty when they did not.
  QueryResult Finish(const std::string& stopped_by);

 private:
  const BoundFind& find_;
  QueryOptions options_;
  bool streaming_;
  Shaper shaper_;
  QueryResult result_;
};

}  // namespace kg::query

#endif  // KG_QUERY_SHAPING_H_
