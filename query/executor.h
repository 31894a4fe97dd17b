// Stage 4 of a query: runs a plan through Store::Match. Each step is a
// lookup with the variables bound so far; rows stream out unless grouping,
// DISTINCT or ORDER BY need them all. QueryOptions' caps stop the run and
// say so in stopped_by.
#ifndef KG_QUERY_EXECUTOR_H_
#define KG_QUERY_EXECUTOR_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kg/query.h"
#include "kg/store.h"
#include "query/binder.h"
#include "query/planner.h"
#include "query/row.h"
#include "query/stop_check.h"

namespace kg::query {

// Whether the pattern's object may reach the result as a value, where a
// quantity shows its bound (≈ CNY 160bn), which only mentions give. Joins,
// filters and counts ignore bounds, so other lookups skip the mentions.
bool ShowsBound(const BoundFind& find, const BoundPattern& pattern);

class Executor {
 public:
  // `symmetric`: predicates declared symmetric, matched both ways.
  Executor(const Store& store, const QueryOptions& options, std::set<std::string> symmetric = {});

  Result<QueryInfo> RunFind(const BoundFind& find, const Plan& plan, RowVisitor& visitor);
  // SOURCES OF: one row per mention of each matching claim.
  Result<QueryResult> RunSources(const BoundFind& find);

  // Matches one pattern under `row`; calls `visit` with each claim and the
  // row extended by its bindings. Returns false when stopped (by `visit`,
  // the StopCheck or a store error, kept in status()). Without
  // `with_mentions` records come without mentions and quantity bounds.
  bool MatchPattern(const BoundPattern& pattern, const Row& row, bool with_mentions,
                    const std::function<bool(const ClaimRecord&, Row&)>& visit);

  bool Stopped() { return stop_.Due(); }
  const Status& status() const { return status_; }

 private:
  // One direction of MatchPattern; `mirrored` swaps subject and object.
  bool MatchDirected(const BoundPattern& pattern, const Row& row, bool with_mentions, bool mirrored,
                     const std::function<bool(const ClaimRecord&, Row&)>& visit);
  bool HasClaim(const Claim& claim);
  bool Step(const BoundFind& find, const Plan& plan, size_t step, const Row& row,
            const std::function<bool(const Row&)>& emit);

  const Store& store_;
  QueryOptions options_;
  std::set<std::string> symmetric_;
  StopCheck stop_;
  Status status_;
};

}  // namespace kg::query

#endif  // KG_QUERY_EXECUTOR_H_
