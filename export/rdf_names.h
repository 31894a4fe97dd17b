// How kgstore names things in RDF, both ways: entity, predicate, document,
// claim and mention IRIs under a base IRI, and back from an IRI to the id it
// was minted from (the import needs the inverse to rebuild a store).
//
//   entity "Volcano Engine"   <base>Volcano%20Engine      (one path segment)
//   predicate "plans_capex"   <base>prop/plans_capex
//   document "000_9f48"       <base>doc/000_9f48
//   claim                     <base>claim/<hash of s, p, o, when>
//   mention                   <claim IRI>/m/<hash of the mention>, selector <mention>/sel
//
// Ids that are already absolute IRIs (from imported RDF) stay as they are;
// ids "_:label" are blank nodes.
#ifndef KG_EXPORT_RDF_NAMES_H_
#define KG_EXPORT_RDF_NAMES_H_

#include <optional>
#include <string>
#include <vector>

#include "export/rdf_terms.h"
#include "export/rdf_writer.h"
#include "kg/model.h"

namespace kg::rdf {

class RdfNames {
 public:
  explicit RdfNames(std::string base_iri);

  const std::string& base() const { return base_; }

  Node Entity(const std::string& id) const;
  Node Predicate(const std::string& name) const;
  Node Document(const std::string& id) const;
  Node Claim(const kg::Claim& claim) const;
  Node Mention(const Node& claim_node, const kg::Mention& mention) const;
  Node Selector(const Node& mention_node) const;

  // True when `id` gets an IRI minted under the base (not verbatim, not blank).
  bool IsMintedEntity(const std::string& id) const;
  bool IsMintedPredicate(const std::string& name) const;

  // The inverses. EntityId accepts any IRI or blank node.
  std::string EntityId(const Node& node) const;
  std::string PredicateName(const std::string& iri) const;
  std::string DocumentId(const Node& node) const;
  // The id of a minted entity IRI (one segment under the base), else nullopt.
  std::optional<std::string> MintedEntityId(const std::string& iri) const;
  std::optional<std::string> MintedPredicateName(const std::string& iri) const;

  // Prefixes for the Turtle family: the vocabularies and the base's parts.
  std::vector<Prefix> Prefixes() const;

 private:
  Node Minted(const std::string& namespace_iri, const std::string& id) const;
  std::string Unminted(const std::string& namespace_iri, const Node& node) const;

  std::string base_;
  std::string predicates_;  // <base>prop/
  std::string documents_;   // <base>doc/
  std::string claims_;      // <base>claim/
};

}  // namespace kg::rdf

#endif  // KG_EXPORT_RDF_NAMES_H_
