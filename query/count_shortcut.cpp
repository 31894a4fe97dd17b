#include "query/count_shortcut.h"

#include <algorithm>

#include "query/error.h"
#include "query/shaping.h"

namespace kg::query {

namespace {

// One pattern whose subject and object (and time, if any) are variables
// of their own: every claim of the predicate matches exactly once. A
// symmetric predicate matches both ways and is counted by scanning.
bool CountsEveryClaim(const BoundFind& find, const std::set<std::string>& symmetric) {
  if (find.patterns.size() != 1 || find.filter || find.provenance.PerMention()) return false;
  const BoundPattern& p = find.patterns.front();
  std::set<int> slots;
  for (const BoundTerm* term : {&p.subject, &p.object}) {
    if (!term->IsVariable() || !slots.insert(term->slot).second) return false;
  }
  if (p.when && (!p.when->IsVariable() || !slots.insert(p.when->slot).second)) return false;
  if (p.predicate.IsVariable()) return slots.insert(p.predicate.slot).second;
  return std::none_of(p.predicate.constants.begin(), p.predicate.constants.end(),
                      [&](const Term& name) { return symmetric.count(name.value) > 0; });
}

// Counts that every match adds one to, COUNT(*) and COUNT(?p), grouped
// at most by the predicate.
bool CountsOnlyMatches(const BoundFind& find) {
  const BoundPattern& p = find.patterns.front();
  for (const auto& column : find.columns) {
    if (column.is_count && (column.distinct || (column.slot >= 0 && column.slot != p.predicate.slot))) return false;
    if (!column.is_count && column.slot != p.predicate.slot) return false;
  }
  return std::all_of(find.group_slots.begin(), find.group_slots.end(), [&](int slot) {
    return p.predicate.IsVariable() && slot == p.predicate.slot;
  });
}

}  // namespace

std::optional<QueryInfo> CountFromStatistics(const BoundFind& find, Catalog& catalog,
                                             const std::set<std::string>& symmetric, const QueryOptions& options,
                                             RowVisitor& visitor) {
  if (!find.aggregate || !CountsEveryClaim(find, symmetric) || !CountsOnlyMatches(find)) return std::nullopt;
  const BoundPattern& pattern = find.patterns.front();
  auto counts = ValueOrThrow(catalog.PredicateCounts());
  ResultCollector collector(find, options, visitor);
  const bool per_predicate = !find.group_slots.empty();
  int64_t total = 0;
  for (const auto& entry : counts) {
    const std::string& name = entry.first;  // not a structured binding: lambdas capture it
    const uint64_t count = entry.second;
    bool wanted = pattern.predicate.IsVariable() ||
                  std::any_of(pattern.predicate.constants.begin(), pattern.predicate.constants.end(),
                              [&](const Term& constant) { return constant.value == name; });
    if (!wanted || count == 0) continue;
    if (!per_predicate) {
      total += static_cast<int64_t>(count);
      continue;
    }
    Row row(find.slot_names.size());
    row.Bind(pattern.predicate.slot, Value::OfTerm(Term::Predicate(name)));
    collector.AddSolution(row, static_cast<int64_t>(count));
  }
  // The rows of one group count as one, with their number as its count.
  if (!per_predicate && total > 0) collector.AddSolution(Row(find.slot_names.size()), total);
  return collector.Finish(/*stopped_by=*/"");  // read from the counts: nothing to stop
}

}  // namespace kg::query
