#include "query/catalog.h"

#include <set>

namespace kg::query {

Result<std::vector<PredicateInfo>> Catalog::Declared() {
  if (!declared_) {
    auto declared = store_.DeclaredPredicates();
    if (!declared.ok()) return declared.status();
    declared_ = std::move(declared).value();
  }
  return *declared_;
}

Result<std::map<std::string, uint64_t>> Catalog::PredicateCounts() {
  if (!predicate_counts_) {
    auto counts = store_.Predicates();
    if (!counts.ok()) return counts.status();
    auto declared = Declared();
    if (!declared.ok()) return declared.status();
    std::map<std::string, uint64_t> merged(counts->begin(), counts->end());
    for (const auto& info : *declared) merged.emplace(info.name, 0);
    predicate_counts_ = std::move(merged);
  }
  return *predicate_counts_;
}

Result<uint64_t> Catalog::TotalClaims() {
  auto counts = PredicateCounts();
  if (!counts.ok()) return counts.status();
  uint64_t total = 0;
  for (const auto& [name, count] : *counts) total += count;
  return total;
}

Result<std::map<std::string, std::vector<Alias>>> Catalog::Entities() {
  if (entities_) return *entities_;
  std::set<std::string> ids;
  Pattern everything;
  everything.with_mentions = false;  // only the terms are needed
  Status scanned = store_.Match(everything, [&](const ClaimRecord& record) {
    if (record.claim.subject.kind == TermKind::kEntity) ids.insert(record.claim.subject.value);
    if (record.claim.object.kind == TermKind::kEntity) ids.insert(record.claim.object.value);
    return true;
  });
  if (!scanned.ok()) return scanned;
  std::map<std::string, std::vector<Alias>> entities;
  for (const auto& id : ids) {
    auto aliases = store_.AliasesOf(id);
    if (!aliases.ok()) return aliases.status();
    entities.emplace(id, std::move(aliases).value());
  }
  entities_ = std::move(entities);
  return *entities_;
}

Result<std::vector<std::pair<std::string, std::string>>> Catalog::EntityNames() {
  auto entities = Entities();
  if (!entities.ok()) return entities.status();
  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& [id, aliases] : *entities) {
    names.emplace_back(id, id);
    for (const auto& alias : aliases) names.emplace_back(alias.text, id);
  }
  return names;
}

}  // namespace kg::query
