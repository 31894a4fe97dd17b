// What the store holds, as names: entities with their aliases, predicates
// with their claim counts and declarations. Read lazily, once per query,
// through the public Store API only.
#ifndef KG_QUERY_CATALOG_H_
#define KG_QUERY_CATALOG_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kg/store.h"

namespace kg::query {

class Catalog {
 public:
  explicit Catalog(const Store& store) : store_(store) {}

  const Store& store() const { return store_; }

  // Predicate name -> number of claims (0 for one only declared).
  Result<std::map<std::string, uint64_t>> PredicateCounts();
  Result<std::vector<PredicateInfo>> Declared();
  // Every claim in the store (the sum of the predicate counts).
  Result<uint64_t> TotalClaims();

  // Entity id -> its aliases as written; every entity that occurs as a
  // subject or object. Scans the store: for listings and error hints.
  Result<std::map<std::string, std::vector<Alias>>> Entities();

  // Every entity id and alias text, each with its entity id, for "did
  // you mean".
  Result<std::vector<std::pair<std::string, std::string>>> EntityNames();

 private:
  const Store& store_;
  std::optional<std::map<std::string, uint64_t>> predicate_counts_;
  std::optional<std::vector<PredicateInfo>> declared_;
  std::optional<std::map<std::string, std::vector<Alias>>> entities_;
};

}  // namespace kg::query

#endif  // KG_QUERY_CATALOG_H_
