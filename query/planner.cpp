#include "query/planner.h"

#include <algorithm>
#include <limits>

#include "storage/id_scan.h"

namespace kg::query {

namespace {

// How much a bound position narrows a lookup. Rough, but enough to put an
// entity-anchored pattern before a scan of a whole predicate.
constexpr double kSubjectSelectivity = 0.02;
constexpr double kObjectSelectivity = 0.05;
constexpr double kWhenSelectivity = 0.3;
// A subject has few values per predicate: a bound subject caps a lookup,
// to one when the object is fixed too.
constexpr double kSubjectFanOut = 2;
// A pattern that shares no variable with what is bound multiplies rows.
constexpr double kCrossProductPenalty = 1e6;
// An index seek costs about as much as reading this many keys in a row,
// and putting a match into a hash table as reading this many.
constexpr double kSeekCost = 10;
constexpr double kHashBuildCost = 3;
// The most claims a step reads into a list to search (16 bytes each).
constexpr double kMaxListClaims = 1 << 20;
// Fewer incoming rows than this are always looked up: a table would save
// a handful of seeks at most.
constexpr double kMinRowsToHash = 16;

bool IsBoundVariable(const BoundTerm& term, const std::set<int>& bound) {
  return term.IsVariable() && bound.count(term.slot) > 0;
}

std::vector<int> SlotsOf(const BoundPattern& pattern) {
  std::vector<int> slots;
  for (const BoundTerm* term : {&pattern.subject, &pattern.predicate, &pattern.object}) {
    if (term->IsVariable()) slots.push_back(term->slot);
  }
  if (pattern.when && pattern.when->IsVariable()) slots.push_back(pattern.when->slot);
  return slots;
}

size_t Constants(const BoundPattern& pattern) {
  size_t constants = 0;
  for (const BoundTerm* term : {&pattern.subject, &pattern.predicate, &pattern.object}) constants += !term->IsVariable();
  return constants + (pattern.when && !pattern.when->IsVariable());
}

// Matches of pattern `index` with only its constants bound.
double ConstantMatches(size_t index, const BoundPattern& pattern, const Statistics& statistics) {
  double counted = index < statistics.constant_matches.size() ? statistics.constant_matches[index] : -1;
  if (counted >= 0 && counted < statistics.count_cap) return std::max(counted, 1.0);
  double claims = static_cast<double>(statistics.total_claims);
  if (!pattern.predicate.IsVariable()) {
    claims = 0;
    for (const auto& predicate : pattern.predicate.constants) {
      auto found = statistics.predicate_claims.find(predicate.value);
      if (found != statistics.predicate_claims.end()) claims += static_cast<double>(found->second);
    }
  }
  if (!pattern.subject.IsVariable()) claims *= kSubjectSelectivity;
  if (!pattern.object.IsVariable()) claims *= kObjectSelectivity;
  if (pattern.when && !pattern.when->IsVariable()) claims *= kWhenSelectivity;
  return std::max({claims, counted, 1.0});
}

// Matches per lookup once the variables in `bound` have values.
double Estimate(size_t index, const BoundPattern& pattern, const std::set<int>& bound, const Statistics& statistics) {
  double claims = ConstantMatches(index, pattern, statistics);
  if (IsBoundVariable(pattern.predicate, bound) && !statistics.predicate_claims.empty()) {
    claims /= static_cast<double>(statistics.predicate_claims.size());
  }
  if (IsBoundVariable(pattern.subject, bound)) {
    claims = std::min(claims * kSubjectSelectivity, pattern.object.IsVariable() ? kSubjectFanOut : 1.0);
  }
  if (IsBoundVariable(pattern.object, bound)) claims *= kObjectSelectivity;
  if (pattern.when && IsBoundVariable(*pattern.when, bound)) claims *= kWhenSelectivity;
  return std::max(claims, 1.0);
}

void CollectSlots(const BoundFilter& filter, std::set<int>* slots) {
  for (const auto& child : filter.children) CollectSlots(child, slots);
  if (filter.left.slot >= 0) slots->insert(filter.left.slot);
  if (filter.right.slot >= 0) slots->insert(filter.right.slot);
}

void SplitConjuncts(const BoundFilter& filter, std::vector<BoundFilter>* out) {
  if (filter.kind == FilterExpr::Kind::kAnd) {
    for (const auto& child : filter.children) SplitConjuncts(child, out);
  } else {
    out->push_back(filter);
  }
}

// The patterns in order: each time the one with the fewest matches per
// lookup among those sharing a variable with what is bound.
std::vector<size_t> GreedyOrder(const BoundFind& find, const Statistics& statistics) {
  std::vector<size_t> order;
  std::set<int> bound;
  std::vector<bool> placed(find.patterns.size(), false);
  for (size_t step = 0; step < find.patterns.size(); ++step) {
    size_t best = 0;
    double best_cost = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < find.patterns.size(); ++i) {
      if (placed[i]) continue;
      double cost = Estimate(i, find.patterns[i], bound, statistics);
      std::vector<int> slots = SlotsOf(find.patterns[i]);
      bool connected = std::any_of(slots.begin(), slots.end(), [&](int s) { return bound.count(s) > 0; });
      if (step > 0 && !connected) cost *= kCrossProductPenalty;
      // On a tie the pattern with more constants: its estimate is firmer.
      if (cost < best_cost || (cost == best_cost && Constants(find.patterns[i]) > Constants(find.patterns[best]))) {
        best_cost = cost;
        best = i;
      }
    }
    placed[best] = true;
    order.push_back(best);
    for (int slot : SlotsOf(find.patterns[best])) bound.insert(slot);
  }
  return order;
}

bool SingleConstant(const BoundTerm& term) { return !term.IsVariable() && term.constants.size() == 1; }

// The variable whose values the first step's matches come in ascending
// order of: the first variable after the constants in the index ordering
// that serves the lookup (storage::ChooseAccess). Later steps keep that
// order (each expands its incoming rows in place). -1 when alternative
// constants make several lookups.
int SortedSlot(const BoundPattern& pattern) {
  const BoundTerm* when = pattern.when ? &*pattern.when : nullptr;
  storage::IdPattern constants;  // which positions are bound, not their values
  for (const BoundTerm* term : {&pattern.subject, &pattern.predicate, &pattern.object, when}) {
    if (term != nullptr && !term->IsVariable() && !SingleConstant(*term)) return -1;
  }
  if (!pattern.subject.IsVariable()) constants.subject = 1;
  if (!pattern.predicate.IsVariable()) constants.predicate = 1;
  if (!pattern.object.IsVariable()) constants.object = "";
  if (when != nullptr && !when->IsVariable()) constants.when = 1;
  const BoundTerm* s = &pattern.subject;
  const BoundTerm* p = &pattern.predicate;
  const BoundTerm* o = &pattern.object;
  std::vector<const BoundTerm*> key_order;
  switch (storage::ChooseAccess(constants).index) {
    case storage::kPos: key_order = {p, o, s, when}; break;
    case storage::kOsp: key_order = {o, s, p, when}; break;
    case storage::kWps: key_order = {when, p, s, o}; break;
    default: key_order = {s, p, o, when}; break;
  }
  for (const BoundTerm* term : key_order) {
    if (term != nullptr && term->IsVariable()) return term->slot;
  }
  return -1;
}

// A lookup whose subject is the variable the rows are sorted by, under a
// constant predicate and object: successive lookups move forward through
// one stretch of the pos index (storage::IdPattern::subject_varies), so
// all of them together read at most the pattern's matches once.
bool WalksForward(const BoundPattern& pattern, int sorted_slot) {
  return sorted_slot >= 0 && pattern.subject.slot == sorted_slot && SingleConstant(pattern.predicate) &&
         SingleConstant(pattern.object);
}

// Steps with estimates and join methods for patterns in `order`.
std::vector<PlanStep> StepsFor(const BoundFind& find, const std::vector<size_t>& order, const Statistics& statistics) {
  std::vector<PlanStep> steps;
  std::set<int> bound;
  double rows = 1;
  const int sorted_slot = order.empty() ? -1 : SortedSlot(find.patterns[order.front()]);
  for (size_t i : order) {
    const BoundPattern& pattern = find.patterns[i];
    PlanStep step{i, Estimate(i, pattern, bound, statistics), false, false, {}};
    if (!steps.empty()) {
      const double seeks = rows * (kSeekCost + step.estimate);
      const double walk = ConstantMatches(i, pattern, statistics) + rows;
      const bool walks = WalksForward(pattern, sorted_slot) && walk < seeks;
      const double lookups = walks ? walk : seeks;
      double hashed = ConstantMatches(i, pattern, statistics) * kHashBuildCost + rows;
      step.hash_join = rows >= kMinRowsToHash && hashed < lookups;
      // Reading the whole list costs what the walk costs, without a lookup per row.
      const bool symmetric = std::any_of(pattern.predicate.constants.begin(), pattern.predicate.constants.end(),
                                         [&](const Term& p) { return statistics.symmetric.count(p.value) > 0; });
      step.searches_list =
          walks && !step.hash_join && !pattern.when && !symmetric && walk - rows <= kMaxListClaims;
    }
    rows *= step.estimate;
    for (int slot : SlotsOf(pattern)) bound.insert(slot);
    steps.push_back(step);
  }
  return steps;
}

}  // namespace

std::set<int> FilterSlots(const BoundFilter& filter) {
  std::set<int> slots;
  CollectSlots(filter, &slots);
  return slots;
}

Plan MakePlan(const BoundFind& find, const Statistics& statistics) {
  Plan plan;
  if (find.filter) SplitConjuncts(*find.filter, &plan.conjuncts);
  std::vector<size_t> order = GreedyOrder(find, statistics);
  plan.steps = StepsFor(find, order, statistics);
  // A hash join builds its table from the second pattern: let the bigger
  // of the first two stream and the smaller be the table.
  if (plan.steps.size() >= 2 && plan.steps[1].hash_join &&
      ConstantMatches(order[1], find.patterns[order[1]], statistics) >
          ConstantMatches(order[0], find.patterns[order[0]], statistics)) {
    std::swap(order[0], order[1]);
    plan.steps = StepsFor(find, order, statistics);
  }
  // Each FILTER conjunct runs as soon as its variables are bound.
  std::set<int> bound;
  auto bind_provenance = [&] {
    if (find.provenance.doc_slot >= 0) bound.insert(find.provenance.doc_slot);
    if (find.provenance.lang_slot >= 0) bound.insert(find.provenance.lang_slot);
  };
  std::vector<bool> filter_placed(plan.conjuncts.size(), false);
  for (PlanStep& step : plan.steps) {
    for (int slot : SlotsOf(find.patterns[step.pattern])) bound.insert(slot);
    bind_provenance();  // bound by the first step, with its mention
    for (size_t f = 0; f < plan.conjuncts.size(); ++f) {
      std::set<int> needed = FilterSlots(plan.conjuncts[f]);
      bool ready = std::all_of(needed.begin(), needed.end(), [&](int s) { return bound.count(s) > 0; });
      if (!filter_placed[f] && ready) {
        filter_placed[f] = true;
        step.filters.push_back(f);
      }
    }
  }
  return plan;
}

std::string PatternText(const BoundPattern& pattern, const std::vector<std::string>& slot_names) {
  auto text = [&](const BoundTerm& term) {
    if (term.IsVariable()) return "?" + slot_names[term.slot];
    std::string out;
    for (const auto& constant : term.constants) out += (out.empty() ? "" : "|") + constant.ToString();
    return out;
  };
  std::string out = text(pattern.subject) + " " + text(pattern.predicate) + " " + text(pattern.object);
  if (pattern.when) out += " @" + text(*pattern.when);
  return out;
}

}  // namespace kg::query
