// Stage 3 of a query: the order in which patterns are matched. The most
// selective pattern goes first (bound positions, the store's per-predicate
// claim counts); each later pattern receives the variables bound before it,
// so every step is an index prefix lookup. FILTER conjuncts run as soon as
// their variables are bound.
#ifndef KG_QUERY_PLANNER_H_
#define KG_QUERY_PLANNER_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "query/binder.h"

namespace kg::query {

struct Statistics {
  std::map<std::string, uint64_t> predicate_claims;
  uint64_t total_claims = 0;
  // Per pattern of the query: its matches with only its constants bound,
  // counted up to `count_cap` (there: at least that many), or negative
  // when unknown.
  std::vector<double> constant_matches;
  double count_cap = 0;
  // Predicates declared symmetric: their lookups also run mirrored, which
  // a searched list (PlanStep::searches_list) does not.
  std::set<std::string> symmetric;
};

struct PlanStep {
  size_t pattern = 0;      // index into BoundFind::patterns
  double estimate = 0;     // estimated matches per lookup
  // false: one index lookup per incoming row, with what it binds in the key
  // prefix. true: the pattern's matches are read once into a hash table on
  // the variables bound before, which each incoming row probes.
  bool hash_join = false;
  // With hash_join false, for a lookup whose subject varies under a constant
  // predicate and object (no time): the pattern's claims are read once
  // into a sorted list that each incoming row searches, instead of one
  // index lookup per row (chosen where the rows are many beside the list).
  bool searches_list = false;
  std::vector<size_t> filters;  // indices into Plan::conjuncts to apply after
};

struct Plan {
  std::vector<PlanStep> steps;
  std::vector<BoundFilter> conjuncts;  // FILTER split at its top-level ANDs
};

// The variables a FILTER condition reads.
std::set<int> FilterSlots(const BoundFilter& filter);

Plan MakePlan(const BoundFind& find, const Statistics& statistics);

// EXPLAIN: one line per step ("ByteDance plans_capex ?amt @2026").
std::string PatternText(const BoundPattern& pattern, const std::vector<std::string>& slot_names);

}  // namespace kg::query

#endif  // KG_QUERY_PLANNER_H_
