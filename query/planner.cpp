#include "query/planner.h"

#include <algorithm>
#include <limits>
#include <set>

namespace kg::query {

namespace {

// How much a bound position narrows a lookup. Rough, but enough to put an
// entity-anchored pattern before a scan of a whole predicate.
constexpr double kSubjectSelectivity = 0.02;
constexpr double kObjectSelectivity = 0.05;
constexpr double kWhenSelectivity = 0.3;
// A pattern that shares no variable with what is bound multiplies rows.
constexpr double kCrossProductPenalty = 1e6;

bool IsBound(const BoundTerm& term, const std::set<int>& bound) {
  return !term.IsVariable() || bound.count(term.slot) > 0;
}

std::vector<int> SlotsOf(const BoundPattern& pattern) {
  std::vector<int> slots;
  for (const BoundTerm* term : {&pattern.subject, &pattern.predicate, &pattern.object}) {
    if (term->IsVariable()) slots.push_back(term->slot);
  }
  if (pattern.when && pattern.when->IsVariable()) slots.push_back(pattern.when->slot);
  return slots;
}

double Estimate(const BoundPattern& pattern, const std::set<int>& bound, const Statistics& statistics) {
  double claims = static_cast<double>(statistics.total_claims);
  if (!pattern.predicate.IsVariable()) {
    claims = 0;
    for (const auto& predicate : pattern.predicate.constants) {
      auto found = statistics.predicate_claims.find(predicate.value);
      if (found != statistics.predicate_claims.end()) claims += static_cast<double>(found->second);
    }
  } else if (bound.count(pattern.predicate.slot) && !statistics.predicate_claims.empty()) {
    claims /= static_cast<double>(statistics.predicate_claims.size());
  }
  if (IsBound(pattern.subject, bound)) claims *= kSubjectSelectivity;
  if (IsBound(pattern.object, bound)) claims *= kObjectSelectivity;
  if (pattern.when && IsBound(*pattern.when, bound)) claims *= kWhenSelectivity;
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

}  // namespace

Plan MakePlan(const BoundFind& find, const Statistics& statistics) {
  Plan plan;
  if (find.filter) SplitConjuncts(*find.filter, &plan.conjuncts);
  std::set<int> bound;
  // Provenance slots are bound by the first step, with its mention.
  auto bind_provenance = [&] {
    if (find.provenance.doc_slot >= 0) bound.insert(find.provenance.doc_slot);
    if (find.provenance.lang_slot >= 0) bound.insert(find.provenance.lang_slot);
  };
  std::vector<bool> placed(find.patterns.size(), false);
  std::vector<bool> filter_placed(plan.conjuncts.size(), false);
  for (size_t step = 0; step < find.patterns.size(); ++step) {
    size_t best = 0;
    double best_cost = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < find.patterns.size(); ++i) {
      if (placed[i]) continue;
      double cost = Estimate(find.patterns[i], bound, statistics);
      std::vector<int> slots = SlotsOf(find.patterns[i]);
      bool connected = std::any_of(slots.begin(), slots.end(), [&](int s) { return bound.count(s) > 0; });
      if (step > 0 && !connected) cost *= kCrossProductPenalty;
      if (cost < best_cost) {
        best_cost = cost;
        best = i;
      }
    }
    placed[best] = true;
    PlanStep planned{best, Estimate(find.patterns[best], bound, statistics), {}};
    for (int slot : SlotsOf(find.patterns[best])) bound.insert(slot);
    bind_provenance();
    for (size_t f = 0; f < plan.conjuncts.size(); ++f) {
      std::set<int> needed;
      CollectSlots(plan.conjuncts[f], &needed);
      bool ready = std::all_of(needed.begin(), needed.end(), [&](int s) { return bound.count(s) > 0; });
      if (!filter_placed[f] && ready) {
        filter_placed[f] = true;
        planned.filters.push_back(f);
      }
    }
    plan.steps.push_back(std::move(planned));
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
