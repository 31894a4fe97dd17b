#include "query/executor.h"

#include <algorithm>
#include <optional>

#include "query/filter.h"
#include "query/shaping.h"
#include "query/value.h"
#include "storage/normalize.h"

namespace kg::query {

bool Row::Bind(int slot, const Value& value) {
  if (bound[slot]) return SameValue(values[slot], value);
  values[slot] = value;
  bound[slot] = true;
  return true;
}

namespace {

// The terms a position may take under `row`: its constants, the value its
// variable is bound to, or nullopt (any).
std::optional<std::vector<Term>> Candidates(const BoundTerm& term, const Row& row) {
  if (!term.IsVariable()) return term.constants;
  if (!row.bound[term.slot]) return std::nullopt;
  const Value& value = row.values[term.slot];
  if (value.kind != Value::Kind::kTerm) return std::vector<Term>{};  // cannot match a claim
  return std::vector<Term>{value.term};
}

// The store's `when` for a time candidate; a null binding is "no time".
std::optional<std::vector<std::string>> WhenCandidates(const std::optional<BoundTerm>& when, const Row& row) {
  if (!when) return std::nullopt;
  if (when->IsVariable() && row.bound[when->slot] && row.values[when->slot].kind == Value::Kind::kNull) {
    return std::vector<std::string>{""};
  }
  auto terms = Candidates(*when, row);
  if (!terms) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& term : *terms) {
    if (term.kind == TermKind::kTime) out.push_back(term.value);
  }
  return out;
}

std::optional<std::vector<std::string>> PredicateCandidates(const BoundTerm& predicate, const Row& row) {
  auto terms = Candidates(predicate, row);
  if (!terms) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& term : *terms) {
    if (term.kind == TermKind::kPredicate) out.push_back(term.value);
  }
  return out;
}

// Every combination of candidates as a store pattern.
template <typename T, typename Fill>
std::vector<Pattern> Expand(const std::vector<Pattern>& patterns, const std::optional<std::vector<T>>& candidates,
                            Fill fill) {
  if (!candidates) return patterns;
  std::vector<Pattern> out;
  for (const auto& pattern : patterns) {
    for (const auto& candidate : *candidates) {
      Pattern expanded = pattern;
      fill(expanded, candidate);
      out.push_back(std::move(expanded));
    }
  }
  return out;
}

bool BindClaim(const BoundPattern& pattern, const Claim& claim, Row& row) {
  auto bind = [&row](const BoundTerm& term, const Value& value) { return !term.IsVariable() || row.Bind(term.slot, value); };
  if (!bind(pattern.subject, Value::OfTerm(claim.subject))) return false;
  if (!bind(pattern.predicate, Value::OfTerm(Term::Predicate(claim.predicate)))) return false;
  if (!bind(pattern.object, Value::OfTerm(claim.object))) return false;
  if (pattern.when) {
    Value when = claim.when.empty() ? Value::Null() : Value::OfTerm(Term::Time(claim.when));
    if (!bind(*pattern.when, when)) return false;
  }
  return true;
}

// Binds FROM / LANG for one mention; false when it does not qualify.
bool BindMention(const BoundProvenance& provenance, const Mention& mention, Row& row) {
  if (provenance.doc && mention.doc != *provenance.doc) return false;
  if (provenance.lang && NormalizeName(mention.lang) != *provenance.lang) return false;
  if (provenance.doc_slot >= 0 && !row.Bind(provenance.doc_slot, Value::OfString(mention.doc))) return false;
  if (provenance.lang_slot >= 0 && !row.Bind(provenance.lang_slot, Value::OfString(mention.lang))) return false;
  return true;
}

}  // namespace

bool ShowsBound(const BoundFind& find, const BoundPattern& pattern) {
  if (!pattern.object.IsVariable()) return false;
  return std::any_of(find.columns.begin(), find.columns.end(), [&](const OutputColumn& column) {
    return !column.is_count && column.slot == pattern.object.slot;
  });
}

Executor::Executor(const Store& store, const QueryOptions& options, std::set<std::string> symmetric)
    : store_(store), options_(options), symmetric_(std::move(symmetric)), stop_(options) {}

bool Executor::MatchPattern(const BoundPattern& pattern, const Row& row, bool with_mentions,
                            const std::function<bool(const ClaimRecord&, Row&)>& visit) {
  if (!MatchDirected(pattern, row, with_mentions, false, visit)) return false;
  bool symmetric = !pattern.predicate.IsVariable() &&
                   std::any_of(pattern.predicate.constants.begin(), pattern.predicate.constants.end(),
                               [&](const Term& p) { return symmetric_.count(p.value) > 0; });
  return !symmetric || MatchDirected(pattern, row, with_mentions, true, visit);
}

bool Executor::HasClaim(const Claim& claim) {
  Pattern exact{claim.subject, claim.predicate, claim.object, claim.when};
  exact.with_mentions = false;
  bool found = false;
  Status matched = store_.Match(exact, [&](const ClaimRecord&) {
    found = true;
    return false;
  });
  if (!matched.ok()) status_ = matched;
  return found;
}

bool Executor::MatchDirected(const BoundPattern& pattern, const Row& row, bool with_mentions, bool mirrored,
                             const std::function<bool(const ClaimRecord&, Row&)>& visit) {
  const BoundTerm& subject = mirrored ? pattern.object : pattern.subject;
  const BoundTerm& object = mirrored ? pattern.subject : pattern.object;
  Pattern any;
  any.with_mentions = with_mentions;
  std::vector<Pattern> lookups{any};
  lookups = Expand(lookups, Candidates(subject, row), [](Pattern& p, const Term& t) { p.subject = t; });
  lookups = Expand(lookups, PredicateCandidates(pattern.predicate, row),
                   [](Pattern& p, const std::string& name) { p.predicate = name; });
  lookups = Expand(lookups, Candidates(object, row), [](Pattern& p, const Term& t) { p.object = t; });
  lookups = Expand(lookups, WhenCandidates(pattern.when, row), [](Pattern& p, const std::string& w) { p.when = w; });
  for (const auto& lookup : lookups) {
    // Matches are collected first so that no store iterator stays open
    // while later steps run their own lookups.
    std::vector<ClaimRecord> records;
    Status matched = store_.Match(lookup, [&](const ClaimRecord& record) {
      records.push_back(record);
      return !Stopped();
    });
    if (!matched.ok()) {
      status_ = matched;
      return false;
    }
    for (const auto& record : records) {
      if (Stopped()) return false;
      Claim claim = record.claim;
      if (mirrored) {
        // b p a read as a p b, unless the store states a p b itself (then
        // the direct lookup has it already).
        std::swap(claim.subject, claim.object);
        if (claim.subject.SameAs(claim.object) || HasClaim(claim)) continue;
        if (!status_.ok()) return false;
      }
      Row extended = row;
      if (!BindClaim(pattern, claim, extended)) continue;
      if (!visit(record, extended)) return false;
    }
  }
  return !Stopped();
}

bool Executor::Step(const BoundFind& find, const Plan& plan, size_t step, const Row& row,
                    const std::function<bool(const Row&)>& emit) {
  if (step == plan.steps.size()) return emit(row);
  const PlanStep& planned = plan.steps[step];
  auto next = [&](const Row& extended) {
    for (size_t f : planned.filters) {
      if (!EvaluateFilter(plan.conjuncts[f], extended)) return true;
    }
    return Step(find, plan, step + 1, extended, emit);
  };
  const BoundPattern& pattern = find.patterns[planned.pattern];
  bool with_mentions = find.provenance.PerMention() || ShowsBound(find, pattern);
  return MatchPattern(pattern, row, with_mentions, [&](const ClaimRecord& record, Row& extended) {
    if (!find.provenance.PerMention()) return next(extended);
    for (const auto& mention : record.mentions) {
      Row with_mention = extended;
      if (!BindMention(find.provenance, mention, with_mention)) continue;
      if (!next(with_mention)) return false;
    }
    return true;
  });
}

Result<QueryInfo> Executor::RunFind(const BoundFind& find, const Plan& plan, RowVisitor& visitor) {
  ResultCollector collector(find, options_, visitor);
  Step(find, plan, 0, Row(find.slot_names.size()), [&](const Row& row) { return collector.AddSolution(row); });
  if (!status_.ok()) return status_;
  return collector.Finish(stop_.reason());
}

Result<QueryResult> Executor::RunSources(const BoundFind& find) {
  QueryResult result;
  result.columns = ColumnNames(find);
  for (const char* column : {"doc", "lang", "sentence", "span", "attributed_to", "text"}) {
    result.columns.push_back(column);
  }
  MatchPattern(find.patterns.front(), Row(find.slot_names.size()), true, [&](const ClaimRecord& record, Row& row) {
    for (const auto& mention : record.mentions) {
      Row with_mention = row;
      if (!BindMention(find.provenance, mention, with_mention)) continue;
      if (options_.max_rows > 0 && result.rows.size() >= options_.max_rows) {
        result.stopped_by = "max_rows";
        return false;
      }
      std::vector<Value> out = Project(find, with_mention);
      out.push_back(Value::OfString(mention.doc));
      out.push_back(Value::OfString(mention.lang));
      out.push_back(Value::OfNumber(mention.sentence));
      out.push_back(Value::OfString(std::to_string(mention.start) + "-" + std::to_string(mention.end)));
      out.push_back(Value::OfString(mention.attributed_to));
      out.push_back(Value::OfString(mention.text));
      result.rows.push_back(std::move(out));
    }
    return true;
  });
  if (!status_.ok()) return status_;
  if (stop_.stopped()) result.stopped_by = stop_.reason();
  return result;
}

}  // namespace kg::query
