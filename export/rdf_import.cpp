#include "export/rdf_import.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "export/rdf_mapping.h"
#include "export/rdf_names.h"
#include "export/rdf_writer.h"
#include "storage/encoding.h"

namespace kg::rdf {

namespace {

bool IsPlainDecimal(const std::string& text) {
  size_t i = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
  size_t digits = 0, dot = std::string::npos;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      ++digits;
    } else if (text[i] == '.' && dot == std::string::npos) {
      dot = i;
    } else {
      return false;
    }
  }
  return digits > 0 && dot != text.size() - 1;
}

bool IsNumericDatatype(const std::string& datatype) {
  static const std::set<std::string> kNumeric = {
      "decimal", "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
      "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"};
  return datatype.starts_with(kXsd) && kNumeric.count(datatype.substr(std::string_view(kXsd).size())) > 0;
}

std::string StemOf(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// Turns RDF back into claims, documents, aliases and predicate declarations.
class RdfImporter {
 public:
  RdfImporter(Store& store, const std::string& text, const std::string& name, const ImportOptions& options)
      : store_(store), text_(text), name_(name), options_(options), names_(options.base_iri) {}

  Result<ImportReport> Run() {
    for (const ReadError& error : ReadRdf(text_, options_.syntax, options_.base_iri,
                                          [this](const ReadQuad& quad) { quads_.push_back(quad); })) {
      Problem(error.line, error.message);
    }
    report_.triples = quads_.size();
    if (options_.strict && !report_.problems.empty()) return report_;
    Index();
    ReadPredicates();
    ReadDocuments();
    ReadClaims();
    ReadLabels();
    ReadGenericTriples();
    if (options_.strict && !report_.problems.empty()) return report_;
    return Write();
  }

 private:
  using Objects = std::vector<const Node*>;

  void Problem(uint32_t line, const std::string& message) {
    report_.problems.push_back(name_ + ":" + std::to_string(line) + ": " + message);
  }

  // ---- the quads, by subject ----

  void Index() {
    consumed_.assign(quads_.size(), false);
    for (size_t i = 0; i < quads_.size(); ++i) {
      if (quads_[i].quad.InDefaultGraph()) by_subject_[NTriplesNode(quads_[i].quad.subject)].push_back(i);
    }
  }

  const std::vector<size_t>& QuadsAbout(const Node& subject) const {
    static const std::vector<size_t> kNone;
    auto it = by_subject_.find(NTriplesNode(subject));
    return it == by_subject_.end() ? kNone : it->second;
  }

  Objects ObjectsOf(const Node& subject, const std::string& predicate) const {
    Objects objects;
    for (size_t i : QuadsAbout(subject)) {
      if (quads_[i].quad.predicate.value == predicate) objects.push_back(&quads_[i].quad.object);
    }
    return objects;
  }

  const Node* ObjectOf(const Node& subject, const std::string& predicate) const {
    Objects objects = ObjectsOf(subject, predicate);
    return objects.empty() ? nullptr : objects.front();
  }

  std::string LexicalOf(const Node& subject, const std::string& predicate) const {
    const Node* node = ObjectOf(subject, predicate);
    return node ? node->value : "";
  }

  bool HasType(const Node& subject, const std::string& type) const {
    Objects types = ObjectsOf(subject, vocab::kType);
    return std::any_of(types.begin(), types.end(), [&](const Node* node) { return node->value == type; });
  }

  void ConsumeAbout(const Node& subject) {
    for (size_t i : QuadsAbout(subject)) consumed_[i] = true;
  }

  // Subjects with rdf:type `type`, each once, in file order.
  std::vector<Node> SubjectsOfType(const std::string& type) const {
    std::vector<Node> subjects;
    for (const ReadQuad& read : quads_) {
      const Quad& q = read.quad;
      if (q.InDefaultGraph() && q.predicate.value == vocab::kType && q.object.value == type &&
          q.object.kind == Node::Kind::kIri) {
        subjects.push_back(q.subject);
      }
    }
    return subjects;
  }

  // ---- terms ----

  Term TermOf(const Node& node) const {
    if (node.kind != Node::Kind::kLiteral) return Term::Entity(names_.EntityId(node));
    if (!node.lang.empty()) return Term::Text(node.value, node.lang);
    if (node.datatype.empty() || node.datatype == std::string(kXsd) + "string") return Term::Text(node.value, "");
    Term typed = Term::Text(node.value, std::string(kDatatypeMark) + node.datatype);
    if (IsNumericDatatype(node.datatype) && IsPlainDecimal(node.value)) {
      typed = Term::Quantity(node.value, node.datatype);
    } else if (!TimeDatatype(node.value).empty() && TimeDatatype(node.value) == node.datatype) {
      typed = Term::Time(node.value);
    }
    // A time like "2025-13" has the shape but is no time: keep it as text.
    if (!storage::CanonicalTerm(typed).ok()) return Term::Text(node.value, std::string(kDatatypeMark) + node.datatype);
    return typed;
  }

  std::string UnitOf(const Node& node) const {
    if (node.kind == Node::Kind::kLiteral) return node.value;
    std::string_view kg_ns = kKg;
    if (node.value.starts_with(kg_ns) && IsWordUnit(node.value.substr(kg_ns.size()))) {
      return node.value.substr(kg_ns.size());
    }
    return names_.EntityId(node);
  }

  // ---- what the export wrote ----

  void ReadPredicates() {
    for (const Node& node : SubjectsOfType(vocab::kProperty)) {
      auto name = names_.MintedPredicateName(node.value);
      if (!name) continue;
      PredicateInfo info;
      info.name = *name;
      for (const Node* label : ObjectsOf(node, vocab::kLabel)) {
        if (!label->lang.empty()) info.description = label->value;  // the name itself is untagged
      }
      info.single_valued = LexicalOf(node, vocab::kSingleValued) == "true";
      info.symmetric = LexicalOf(node, vocab::kSymmetric) == "true";
      predicates_.push_back(std::move(info));
      ConsumeAbout(node);
    }
  }

  void ReadDocuments() {
    std::set<std::string> sources;
    for (const ReadQuad& read : quads_) {
      if (read.quad.predicate.value == vocab::kHasSource) sources.insert(NTriplesNode(read.quad.object));
    }
    for (const Node& node : SubjectsOfType(vocab::kProvEntity)) {
      bool minted = node.kind == Node::Kind::kIri && names_.DocumentId(node) != node.value;
      if (!minted && sources.count(NTriplesNode(node)) == 0) continue;
      Document doc;
      doc.id = names_.DocumentId(node);
      doc.lang = LexicalOf(node, vocab::kLanguage);
      doc.published = LexicalOf(node, vocab::kIssued);
      doc.source = LexicalOf(node, vocab::kSource);
      doc.title = LexicalOf(node, vocab::kTitle);
      doc.content_hash = LexicalOf(node, vocab::kContentHash);
      std::string size = LexicalOf(node, vocab::kSize);
      doc.size = IsPlainDecimal(size) ? std::stoull(size) : 0;
      DocumentFor(doc.id).document = std::move(doc);
      ConsumeAbout(node);
    }
  }

  DocumentInput& DocumentFor(const std::string& id) {
    DocumentInput& input = docs_[id];
    input.document.id = id;
    return input;
  }

  void ReadClaims() {
    for (const Node& node : SubjectsOfType(vocab::kClaim)) {
      const Node* s = ObjectOf(node, vocab::kSubject);
      const Node* p = ObjectOf(node, vocab::kPredicate);
      const Node* o = ObjectOf(node, vocab::kObject);
      if (!s || !p || !o || p->kind != Node::Kind::kIri) continue;  // not ours: left to the generic path
      Claim claim;
      claim.subject = TermOf(*s);
      claim.predicate = names_.PredicateName(p->value);
      claim.object = TermOf(*o);
      if (const Node* unit = ObjectOf(node, vocab::kUnit); unit && claim.object.kind == TermKind::kQuantity) {
        claim.object.unit = UnitOf(*unit);
      }
      ParseBound(LexicalOf(node, vocab::kBound), &claim.object.bound);
      claim.when = LexicalOf(node, vocab::kWhen);
      ConsumeAbout(node);
      direct_.insert(NTriplesNode(*s) + " " + NTriplesNode(*p) + " " + NTriplesNode(*o));
      Objects mentions = ObjectsOf(node, vocab::kMention);
      for (const Node* mention : mentions) AddMention(claim, *mention);
      if (mentions.empty()) AddToFileDocument(claim, FirstQuadAbout(node));
    }
  }

  void AddMention(const Claim& claim, const Node& node) {
    Mention mention;
    const Node* source = ObjectOf(node, vocab::kHasSource);
    const Node* selector = ObjectOf(node, vocab::kHasSelector);
    if (source) mention.doc = names_.DocumentId(*source);
    auto number = [this](const Node& about, const std::string& predicate) -> uint32_t {
      std::string lexical = LexicalOf(about, predicate);
      return IsPlainDecimal(lexical) ? static_cast<uint32_t>(std::stoul(lexical)) : 0;
    };
    mention.sentence = number(node, vocab::kSentence);
    if (selector) {
      mention.start = number(*selector, vocab::kStart);
      mention.end = number(*selector, vocab::kEnd);
      ConsumeAbout(*selector);
    }
    mention.text = LexicalOf(node, vocab::kText);
    mention.rule = LexicalOf(node, vocab::kRule);
    if (const Node* agent = ObjectOf(node, vocab::kAttributedTo)) mention.attributed_to = names_.EntityId(*agent);
    mention.bound = claim.object.bound;
    ParseBound(LexicalOf(node, vocab::kBound), &mention.bound);
    ConsumeAbout(node);
    const ReadQuad& where = FirstQuadAbout(node);
    if (mention.doc.empty()) {
      AddToFileDocument(claim, where);
      return;
    }
    std::string doc = mention.doc;  // not mention.doc itself: the mention moves into the call
    AddStatement(doc, claim, std::move(mention), where.line);
  }

  // The first statement about a node its type says exists.
  const ReadQuad& FirstQuadAbout(const Node& node) const {
    static const ReadQuad kNowhere;
    const auto& about = QuadsAbout(node);
    return about.empty() ? kNowhere : quads_[about.front()];
  }

  // Labels of minted entities: the untagged one equal to the id is the
  // canonical name; every other is an alias.
  void ReadLabels() {
    for (size_t i = 0; i < quads_.size(); ++i) {
      const Quad& q = quads_[i].quad;
      if (consumed_[i] || !q.InDefaultGraph() || q.predicate.value != vocab::kLabel ||
          q.object.kind != Node::Kind::kLiteral || q.subject.kind != Node::Kind::kIri || IsDirect(q)) {
        continue;
      }
      auto id = names_.MintedEntityId(q.subject.value);
      if (!id) continue;
      consumed_[i] = true;
      if (q.object.value == *id && q.object.lang.empty()) continue;
      aliases_.push_back(Alias{q.object.value, *id, q.object.lang});
    }
  }

  // ---- everything else: one claim per triple ----

  bool IsDirect(const Quad& q) const {
    return direct_.count(NTriplesNode(q.subject) + " " + NTriplesNode(q.predicate) + " " + NTriplesNode(q.object)) > 0;
  }

  void ReadGenericTriples() {
    for (size_t i = 0; i < quads_.size(); ++i) {
      const ReadQuad& read = quads_[i];
      if (consumed_[i] || IsDirect(read.quad)) continue;
      Claim claim;
      claim.subject = TermOf(read.quad.subject);
      claim.predicate = names_.PredicateName(read.quad.predicate.value);
      claim.object = TermOf(read.quad.object);
      if (read.quad.InDefaultGraph()) {
        AddToFileDocument(claim, read);
      } else {
        AddStatement(names_.DocumentId(read.quad.graph), claim, LineMention(read), read.line);
      }
    }
  }

  Mention LineMention(const ReadQuad& read) const {
    Mention mention;
    mention.sentence = read.line;
    mention.start = read.start;
    mention.end = read.end;
    mention.text = text_.substr(read.start, read.end - read.start);
    mention.rule = std::string("rdf.") + (options_.syntax == Syntax::kTurtle ? "ttl" : options_.syntax == Syntax::kNQuads ? "nq" : "nt");
    return mention;
  }

  void AddToFileDocument(const Claim& claim, const ReadQuad& where) {
    std::string id = StemOf(name_);
    DocumentInput& input = DocumentFor(id);
    if (input.document.size == 0) {
      input.document.source = std::filesystem::path(name_).filename().string();
      input.document.size = text_.size();
      input.document.content_hash = StableHash({text_});
    }
    Mention mention = LineMention(where);
    mention.bound = claim.object.bound;
    AddStatement(id, claim, std::move(mention), where.line);
  }

  void AddStatement(const std::string& doc, const Claim& claim, Mention mention, uint32_t line) {
    for (const Term* term : {&claim.subject, &claim.object}) {
      if (auto canonical = storage::CanonicalTerm(*term); !canonical.ok()) {
        Problem(line, canonical.status().message());
        return;
      }
    }
    if (claim.predicate.empty()) {
      Problem(line, "empty predicate");
      return;
    }
    if (!claim.when.empty() && TimeDatatype(claim.when).empty()) {
      Problem(line, "not a time: \"" + claim.when + "\"");
      return;
    }
    mention.doc = doc;
    // The mention carries the bound: a bound on the object term would be
    // given to every exact mention by the store.
    Claim stated = claim;
    stated.object.bound = Bound::kExact;
    DocumentFor(doc).statements.push_back({std::move(stated), std::move(mention)});
  }

  // ---- writing ----

  Result<ImportReport> Write() {
    for (const PredicateInfo& info : predicates_) KG_RETURN_IF_ERROR(store_.DeclarePredicate(info));
    if (!aliases_.empty()) KG_RETURN_IF_ERROR(store_.AddAliases(aliases_));
    for (auto& [id, input] : docs_) {
      for (auto& statement : input.statements) statement.mention.lang = input.document.lang;
      auto added = store_.AddDocument(input);
      if (!added.ok()) {
        if (added.status().code() != Status::Code::kInvalidArgument) return added.status();
        return Status::InvalidArgument(name_ + ": document " + id + ": " + added.status().message());
      }
      ++report_.documents;
      report_.claims += input.statements.size();
    }
    return report_;
  }

  Store& store_;
  const std::string& text_;
  const std::string& name_;
  const ImportOptions& options_;
  RdfNames names_;
  ImportReport report_;
  std::vector<ReadQuad> quads_;
  std::vector<bool> consumed_;
  std::unordered_map<std::string, std::vector<size_t>> by_subject_;
  std::set<std::string> direct_;  // "s p o" of the claims claim nodes describe
  std::map<std::string, DocumentInput> docs_;
  std::vector<Alias> aliases_;
  std::vector<PredicateInfo> predicates_;
};

}  // namespace

Result<ImportReport> ImportRdf(Store& store, const std::string& text, const std::string& name,
                               const ImportOptions& options) {
  return RdfImporter(store, text, name, options).Run();
}

}  // namespace kg::rdf
