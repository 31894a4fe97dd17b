#include "export/rdf_names.h"

#include <string_view>
#include <utility>

namespace kg::rdf {

namespace {

bool IsBlankId(const std::string& id) { return id.size() > 2 && id.starts_with("_:"); }

std::string KindName(TermKind kind) { return std::to_string(static_cast<int>(kind)); }

// The id or name that `iri` mints in `namespace_iri`, or the IRI itself.
std::string UnmintedIri(const std::string& namespace_iri, const std::string& iri) {
  if (iri.size() > namespace_iri.size() && iri.starts_with(namespace_iri)) {
    std::string_view segment = std::string_view(iri).substr(namespace_iri.size());
    if (segment.find('/') == std::string_view::npos) return DecodeIriSegment(segment);
  }
  return iri;
}

}  // namespace

RdfNames::RdfNames(std::string base_iri)
    : base_(std::move(base_iri)),
      predicates_(base_ + "prop/"),
      documents_(base_ + "doc/"),
      claims_(base_ + "claim/") {}

Node RdfNames::Minted(const std::string& namespace_iri, const std::string& id) const {
  if (IsBlankId(id)) return Node::Blank(id.substr(2));
  if (IsAbsoluteIri(id)) return Node::Iri(id);
  return Node::Iri(namespace_iri + EncodeIriSegment(id));
}

std::string RdfNames::Unminted(const std::string& namespace_iri, const Node& node) const {
  if (node.kind == Node::Kind::kBlank) return "_:" + node.value;
  return UnmintedIri(namespace_iri, node.value);
}

Node RdfNames::Entity(const std::string& id) const { return Minted(base_, id); }
Node RdfNames::Predicate(const std::string& name) const { return Minted(predicates_, name); }
Node RdfNames::Document(const std::string& id) const { return Minted(documents_, id); }

Node RdfNames::Claim(const kg::Claim& claim) const {
  const Term& s = claim.subject;
  const Term& o = claim.object;
  return Node::Iri(claims_ + StableHash({KindName(s.kind), s.value, s.unit, s.lang, claim.predicate,
                                         KindName(o.kind), o.value, o.unit, o.lang, claim.when}));
}

Node RdfNames::Mention(const Node& claim_node, const kg::Mention& m) const {
  return Node::Iri(claim_node.value + "/m/" +
                   StableHash({m.doc, std::to_string(m.sentence), std::to_string(m.start), std::to_string(m.end),
                               m.text, m.rule, m.attributed_to, BoundName(m.bound)}));
}

Node RdfNames::Selector(const Node& mention_node) const { return Node::Iri(mention_node.value + "/sel"); }

bool RdfNames::IsMintedEntity(const std::string& id) const { return !IsBlankId(id) && !IsAbsoluteIri(id); }
bool RdfNames::IsMintedPredicate(const std::string& name) const { return IsMintedEntity(name); }

std::string RdfNames::EntityId(const Node& node) const {
  // Only a single segment directly under the base is a minted entity:
  // "prop/x", "doc/x" and "claim/x" keep their full IRIs.
  return Unminted(base_, node);
}

// Straight from the IRI: a Node made of it was a copy for every triple read.
std::string RdfNames::PredicateName(const std::string& iri) const { return UnmintedIri(predicates_, iri); }
std::string RdfNames::DocumentId(const Node& node) const { return Unminted(documents_, node); }

std::optional<std::string> RdfNames::MintedEntityId(const std::string& iri) const {
  std::string id = EntityId(Node::Iri(iri));
  if (id == iri) return std::nullopt;
  return id;
}

std::optional<std::string> RdfNames::MintedPredicateName(const std::string& iri) const {
  std::string name = PredicateName(iri);
  if (name == iri) return std::nullopt;
  return name;
}

std::vector<Prefix> RdfNames::Prefixes() const {
  return {{"rdf", kRdf},      {"rdfs", kRdfs},      {"xsd", kXsd},        {"prov", kProv},
          {"dcterms", kDcterms}, {"oa", kOa},       {"kg", kKg},          {"", base_},
          {"p", predicates_}, {"doc", documents_},  {"claim", claims_}};
}

}  // namespace kg::rdf
