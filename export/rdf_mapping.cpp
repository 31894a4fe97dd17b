#include "export/rdf_mapping.h"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "export/rdf_names.h"
#include "export/rdf_writer.h"

namespace kg::rdf {

std::string TimeDatatype(const std::string& iso) {
  auto digits = [&iso](size_t from, size_t count) {
    return std::all_of(iso.begin() + static_cast<long>(from), iso.begin() + static_cast<long>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (iso.size() == 4 && digits(0, 4)) return std::string(kXsd) + "gYear";
  if (iso.size() == 7 && digits(0, 4) && iso[4] == '-' && digits(5, 2)) return std::string(kXsd) + "gYearMonth";
  if (iso.size() == 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' && digits(8, 2)) {
    return std::string(kXsd) + "date";
  }
  return "";
}

bool IsWordUnit(const std::string& unit) { return unit == "tokens" || unit == "percent"; }

namespace {

bool SameClaim(const Claim& a, const Claim& b) {
  return a.subject.SameAs(b.subject) && a.predicate == b.predicate && a.object.SameAs(b.object) && a.when == b.when;
}

bool IsCurrencyCode(const std::string& unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Node Count(uint64_t value) { return Node::Literal(std::to_string(value), vocab::kCount); }
Node Plain(std::string text) { return Node::Literal(std::move(text)); }

// Remembers, for the last key asked about, the first claim a pattern
// matches: "is this record the first one with this subject?" costs one
// lookup per run of equal keys, whatever order Match visits claims in.
class FirstClaimCache {
 public:
  // `key` identifies the pattern; nullopt when the pattern matches nothing.
  template <typename Lookup>
  const std::optional<Claim>& Get(const std::string& key, Lookup lookup) {
    if (!valid_ || key != key_) {
      first_ = lookup();
      key_ = key;
      valid_ = true;
    }
    return first_;
  }

 private:
  bool valid_ = false;
  std::string key_;
  std::optional<Claim> first_;
};

class RdfExporter {
 public:
  RdfExporter(const Store& store, const ExportOptions& options, std::ostream& out)
      : store_(store),
        names_(options.base_iri),
        format_(options.format),
        writer_(MakeRdfWriter(options.format, out, names_.Prefixes())) {}

  Status Run() {
    if (!writer_) return Status::InvalidArgument("not an RDF format");
    KG_RETURN_IF_ERROR(WritePredicates());
    KG_RETURN_IF_ERROR(WriteDocuments());
    Status match = store_.Match(Pattern{}, [this](const ClaimRecord& record) {
      status_ = WriteClaim(record);
      return status_.ok();
    });
    KG_RETURN_IF_ERROR(status_);
    KG_RETURN_IF_ERROR(match);
    writer_->Finish();
    return Status::OK();
  }

 private:
  void Emit(const Node& s, const std::string& p, const Node& o) { Emit(s, Node::Iri(p), o); }
  void Emit(const Node& s, const Node& p, const Node& o, const Node& graph = Node::Iri("")) {
    writer_->Write(Quad{s, p, o, graph});
  }

  // ---- predicates and documents, written up front ----

  Status WritePredicates() {
    auto used = store_.Predicates();
    if (!used.ok()) return used.status();
    auto declared = store_.DeclaredPredicates();
    if (!declared.ok()) return declared.status();
    std::set<std::string> names;
    for (const auto& [name, count] : *used) names.insert(name);
    for (const PredicateInfo& info : *declared) names.insert(info.name);
    for (const std::string& name : names) {
      if (!names_.IsMintedPredicate(name)) continue;
      auto info = std::find_if(declared->begin(), declared->end(),
                               [&name](const PredicateInfo& i) { return i.name == name; });
      Node node = names_.Predicate(name);
      Emit(node, vocab::kType, Node::Iri(vocab::kProperty));
      bool described = info != declared->end() && !info->description.empty();
      // The English description where known, else the name itself, untagged.
      Emit(node, vocab::kLabel, described ? Node::Literal(info->description, "", "en") : Plain(name));
      if (info != declared->end() && info->single_valued) Emit(node, vocab::kSingleValued, Node::Literal("true", vocab::kBoolean));
      if (info != declared->end() && info->symmetric) Emit(node, vocab::kSymmetric, Node::Literal("true", vocab::kBoolean));
    }
    return Status::OK();
  }

  Status WriteDocuments() {
    auto documents = store_.Documents();
    if (!documents.ok()) return documents.status();
    for (const Document& doc : *documents) {
      Node node = names_.Document(doc.id);
      Emit(node, vocab::kType, Node::Iri(vocab::kProvEntity));
      if (!doc.lang.empty()) Emit(node, vocab::kLanguage, Plain(doc.lang));
      if (!doc.published.empty()) Emit(node, vocab::kIssued, TimeNode(doc.published));
      if (!doc.source.empty()) {
        Emit(node, vocab::kSource, IsAbsoluteIri(doc.source) ? Node::Iri(doc.source) : Plain(doc.source));
      }
      if (!doc.title.empty()) Emit(node, vocab::kTitle, Node::Literal(doc.title, "", LangOrEmpty(doc.lang)));
      if (!doc.content_hash.empty()) Emit(node, vocab::kContentHash, Plain(doc.content_hash));
      if (doc.size > 0) Emit(node, vocab::kSize, Count(doc.size));
    }
    return Status::OK();
  }

  // ---- terms ----

  static std::string LangOrEmpty(const std::string& lang) { return IsValidLangTag(lang) ? lang : ""; }

  static Node TimeNode(const std::string& iso) { return Node::Literal(iso, TimeDatatype(iso)); }

  Result<Node> TermNode(const Term& term) const {
    switch (term.kind) {
      case TermKind::kEntity:
        if (term.value.empty()) return Status::InvalidArgument("entity with an empty id");
        return names_.Entity(term.value);
      case TermKind::kPredicate:
        return names_.Predicate(term.value);
      case TermKind::kQuantity: {
        bool datatype_unit = term.unit.starts_with(kXsd);
        return Node::Literal(term.value, datatype_unit ? term.unit : vocab::kDecimal);
      }
      case TermKind::kTime:
        return TimeNode(term.value);
      case TermKind::kText:
        if (term.lang.starts_with(kDatatypeMark)) return Node::Literal(term.value, term.lang.substr(2));
        if (!term.lang.empty() && !IsValidLangTag(term.lang)) {
          return Status::InvalidArgument("text \"" + term.value + "\" has an invalid language tag '" + term.lang + "'");
        }
        return Node::Literal(term.value, "", term.lang);
    }
    return Status::InvalidArgument("unknown term kind");
  }

  Node UnitNode(const std::string& unit) const {
    if (IsCurrencyCode(unit)) return Plain(unit);
    if (IsWordUnit(unit)) return Node::Iri(std::string(kKg) + unit);
    return names_.Entity(unit);
  }

  // ---- entities: labels once, where the entity first appears ----

  void WriteEntity(const std::string& id) {
    if (!names_.IsMintedEntity(id)) return;
    Node node = names_.Entity(id);
    Emit(node, vocab::kLabel, Plain(id));
    auto aliases = store_.AliasesOf(id);
    if (!aliases.ok()) {
      status_ = aliases.status();
      return;
    }
    std::set<std::pair<std::string, std::string>> written = {{id, ""}};
    for (const Alias& alias : *aliases) {
      std::string lang = LangOrEmpty(alias.lang);
      if (written.insert({alias.text, lang}).second) Emit(node, vocab::kLabel, Node::Literal(alias.text, "", lang));
    }
  }

  std::optional<Claim> FirstMatch(Pattern pattern) const {
    pattern.with_mentions = false;
    std::optional<Claim> first;
    Status status = store_.Match(pattern, [&first](const ClaimRecord& record) {
      first = record.claim;
      return false;
    });
    return status.ok() ? first : std::nullopt;
  }

  bool FirstAsSubject(const Claim& claim) {
    const auto& first = subject_firsts_.Get(claim.subject.value, [&] {
      Pattern pattern;
      pattern.subject = claim.subject;
      return FirstMatch(pattern);
    });
    return first && SameClaim(*first, claim);
  }

  // An entity that is never a subject gets its labels with the first claim
  // that has it as object.
  bool FirstAsObjectOnly(const Claim& claim) {
    const auto& first = object_firsts_.Get(claim.object.value, [&]() -> std::optional<Claim> {
      Pattern as_subject;
      as_subject.subject = claim.object;
      if (FirstMatch(as_subject)) return std::nullopt;
      Pattern as_object;
      as_object.object = claim.object;
      return FirstMatch(as_object);
    });
    return first && SameClaim(*first, claim);
  }

  // ---- claims ----

  Status WriteClaim(const ClaimRecord& record) {
    const Claim& claim = record.claim;
    if (claim.subject.kind != TermKind::kEntity) {
      return Status::InvalidArgument("claim subject '" + claim.subject.ToString() + "' is not an entity; RDF needs an IRI");
    }
    auto subject = TermNode(claim.subject);
    if (!subject.ok()) return subject.status();
    auto object = TermNode(claim.object);
    if (!object.ok()) return object.status();
    Node predicate = names_.Predicate(claim.predicate);

    if (FirstAsSubject(claim)) WriteEntity(claim.subject.value);
    Emit(*subject, predicate, *object);
    if (claim.object.kind == TermKind::kEntity && FirstAsObjectOnly(claim)) WriteEntity(claim.object.value);
    KG_RETURN_IF_ERROR(status_);

    std::vector<std::string> docs;
    for (const Mention& mention : record.mentions) {
      if (std::find(docs.begin(), docs.end(), mention.doc) == docs.end()) docs.push_back(mention.doc);
    }
    if (writer_->HasGraphs()) {
      for (const std::string& doc : docs) Emit(*subject, predicate, *object, names_.Document(doc));
    }

    Node node = names_.Claim(claim);
    Emit(node, vocab::kType, Node::Iri(vocab::kClaim));
    if (format_ == ExportFormat::kTurtle12) {
      Emit(node, vocab::kReifies, Node::TripleTerm(*subject, predicate, *object));
    } else {
      Emit(node, vocab::kSubject, *subject);
      Emit(node, vocab::kPredicate, predicate);
      Emit(node, vocab::kObject, *object);
    }
    bool quantity = claim.object.kind == TermKind::kQuantity;
    if (quantity && !claim.object.unit.empty() && !claim.object.unit.starts_with(kXsd)) {
      Emit(node, vocab::kUnit, UnitNode(claim.object.unit));
    }
    if (quantity) Emit(node, vocab::kBound, Plain(BoundName(claim.object.bound)));
    if (!claim.when.empty()) Emit(node, vocab::kWhen, TimeNode(claim.when));
    for (const std::string& doc : docs) Emit(node, vocab::kDerivedFrom, names_.Document(doc));
    for (const Mention& mention : record.mentions) Emit(node, vocab::kMention, names_.Mention(node, mention));
    for (const Mention& mention : record.mentions) WriteMention(node, mention, quantity);
    return Status::OK();
  }

  void WriteMention(const Node& claim_node, const Mention& mention, bool quantity) {
    Node node = names_.Mention(claim_node, mention);
    Node selector = names_.Selector(node);
    Emit(node, vocab::kType, Node::Iri(vocab::kSpecificResource));
    Emit(node, vocab::kHasSource, names_.Document(mention.doc));
    Emit(node, vocab::kHasSelector, selector);
    Emit(node, vocab::kSentence, Count(mention.sentence));
    Emit(node, vocab::kText, Node::Literal(mention.text, "", LangOrEmpty(mention.lang)));
    if (!mention.rule.empty()) Emit(node, vocab::kRule, Plain(mention.rule));
    if (quantity) Emit(node, vocab::kBound, Plain(BoundName(mention.bound)));
    if (!mention.attributed_to.empty()) Emit(node, vocab::kAttributedTo, names_.Entity(mention.attributed_to));
    Emit(selector, vocab::kType, Node::Iri(vocab::kPositionSelector));
    Emit(selector, vocab::kStart, Count(mention.start));
    Emit(selector, vocab::kEnd, Count(mention.end));
  }

  const Store& store_;
  RdfNames names_;
  ExportFormat format_;
  std::unique_ptr<RdfWriter> writer_;
  Status status_;
  FirstClaimCache subject_firsts_;
  FirstClaimCache object_firsts_;
};

}  // namespace

Status ExportRdf(const Store& store, const ExportOptions& options, std::ostream& out) {
  if (!IsAbsoluteIri(options.base_iri)) {
    return Status::InvalidArgument("base IRI '" + options.base_iri + "' is not an absolute IRI (like https://example.org/id/)");
  }
  Status status = RdfExporter(store, options, out).Run();
  if (status.ok() && !out) return Status::IOError("writing the export failed");
  return status;
}

}  // namespace kg::rdf
