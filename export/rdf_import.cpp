#include "export/rdf_import.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <future>
#include <memory>
#include <sstream>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "export/rdf_mapping.h"
#include "export/rdf_names.h"
#include "export/rdf_writer.h"
#include "storage/bulk_load.h"
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

bool IsNumericDatatype(std::string_view datatype) {
  static const std::set<std::string, std::less<>> kNumeric = {
      "decimal", "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
      "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"};
  return datatype.starts_with(kXsd) && kNumeric.count(datatype.substr(std::string_view(kXsd).size())) > 0;
}

std::string StemOf(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// A literal as a term: a text (with its language), a quantity (numeric
// datatypes) or a time (date datatypes); any other datatype makes a text
// marked with it.
Term TermOfLiteral(std::string value, std::string_view datatype, std::string_view lang) {
  if (!lang.empty()) return Term::Text(std::move(value), std::string(lang));
  if (datatype.empty() || datatype == kXsdString) return Term::Text(std::move(value), "");
  Term typed;
  if (IsNumericDatatype(datatype) && IsPlainDecimal(value)) {
    typed = Term::Quantity(value, std::string(datatype));
  } else if (const std::string time_type = TimeDatatype(value); !time_type.empty() && time_type == datatype) {
    typed = Term::Time(value);
  }
  // A time like "2025-13" has the shape but is no time: keep it as text.
  if (typed.value.empty() || !storage::CanonicalTerm(typed).ok()) {
    return Term::Text(std::move(value), std::string(kDatatypeMark) + std::string(datatype));
  }
  return typed;
}

// An RDF node as a term: IRIs and blank nodes are entities; literals as
// TermOfLiteral makes them.
Term TermOfNode(const Node& node, const RdfNames& names) {
  if (node.kind != Node::Kind::kLiteral) return Term::Entity(names.EntityId(node));
  return TermOfLiteral(node.value, node.datatype, node.lang);
}

// The provenance of a plain triple: its line and that line's byte span in
// the file (the line itself is not stored: the file is named by the
// document's source). A quad read from a piece of the file is placed by the
// lines and bytes before that piece.
Mention LineMentionOf(const ReadQuad& read, Syntax syntax, uint32_t lines_before = 0, uint32_t bytes_before = 0) {
  Mention mention;
  mention.sentence = read.line + lines_before;
  mention.start = read.start + bytes_before;
  mention.end = read.end + bytes_before;
  mention.rule = std::string("rdf.") + (syntax == Syntax::kTurtle ? "ttl" : syntax == Syntax::kNQuads ? "nq" : "nt");
  return mention;
}

// The document of a file's plain triples, named after the file.
Document FileDocument(const std::string& name, uint64_t size, std::string content_hash) {
  Document doc;
  doc.id = StemOf(name);
  doc.source = std::filesystem::path(name).filename().string();
  doc.size = size;
  doc.content_hash = std::move(content_hash);
  return doc;
}

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

  Term TermOf(const Node& node) const { return TermOfNode(node, names_); }

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

  Mention LineMention(const ReadQuad& read) const { return LineMentionOf(read, options_.syntax); }

  void AddToFileDocument(const Claim& claim, const ReadQuad& where) {
    std::string id = StemOf(name_);
    DocumentInput& input = DocumentFor(id);
    if (input.document.size == 0) {
      const Document file = FileDocument(name_, text_.size(), StableHash({text_}));
      input.document.source = file.source;
      input.document.size = file.size;
      input.document.content_hash = file.content_hash;
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

// ---- plain N-Triples and N-Quads files: the bulk path ----

constexpr size_t kChunksInFlight = 2;

// Whole lines of a file and where they start in it.
struct Chunk {
  std::string text;
  uint64_t offset = 0;
  uint32_t first_line = 1;
  uint32_t line_breaks = 0;  // in text
};

// With memchr, which is vectorised: std::count went a byte at a time.
uint32_t CountLineBreaks(std::string_view text) {
  uint32_t count = 0;
  for (const char* at = text.data(), *end = at + text.size();
       (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at)))) != nullptr; ++at) {
    ++count;
  }
  return count;
}

// Reads a file in chunks that end at a line break, hashing them as they come.
class ChunkReader {
 public:
  ChunkReader(const std::string& path, size_t chunk_bytes) : in_(path, std::ios::binary), chunk_bytes_(chunk_bytes) {}
  bool good() const { return !in_.bad() && in_.is_open(); }

  // False at the end of the file.
  bool Next(Chunk* chunk) {
    std::string text = std::move(carry_);
    carry_.clear();
    size_t line_end = std::string::npos;
    while (in_ && line_end == std::string::npos) {
      const size_t old = text.size();
      text.resize(old + chunk_bytes_);
      in_.read(text.data() + old, static_cast<std::streamsize>(chunk_bytes_));
      text.resize(old + static_cast<size_t>(in_.gcount()));
      line_end = text.rfind('\n');
    }
    if (in_ && line_end != std::string::npos) {
      carry_ = text.substr(line_end + 1);
      text.resize(line_end + 1);
    }
    if (text.empty()) return false;
    hasher_.Add(text);
    chunk->offset = offset_;
    chunk->first_line = line_;
    chunk->line_breaks = CountLineBreaks(text);
    offset_ += text.size();
    line_ += chunk->line_breaks;
    chunk->text = std::move(text);
    return true;
  }

  // StableHash({file}), once Next returned false.
  std::string ContentHash() const {
    StableHasher whole = hasher_;
    whole.EndPart();
    return whole.Hex();
  }

 private:
  std::ifstream in_;
  StableHasher hasher_;
  size_t chunk_bytes_;
  std::string carry_;
  uint64_t offset_ = 0;
  uint32_t line_ = 1;
};

// A chunk's statements, parsed and prepared for the loader on a worker
// thread (the loader's own thread is the bottleneck of a bulk import).
struct ParsedChunk {
  std::vector<storage::PreparedStatement> prepared;
  std::vector<uint32_t> lines;  // the line of each prepared statement
  std::vector<ReadError> errors;  // with lines in the file: malformed, or refused by PrepareStatement
  Status failure;  // PrepareStatement failed for another reason than the statement
  uint64_t triples = 0;
  bool plain = true;  // false: kgstore's own vocabulary or a named graph
};

// True when an IRI (or a literal's datatype) names nothing of kgstore's
// own export: neither its vocabulary nor the base its IRIs are minted under.
bool IsPlainIri(std::string_view iri, const RdfNames& names) {
  return !iri.starts_with(kKg) && !iri.starts_with(names.base());
}

// True when a quad is plain data: the generic path of RdfImporter would
// make it a claim of its own (no named graph, nothing of kgstore's export).
bool IsPlainQuad(const Quad& q, const RdfNames& names) {
  if (!q.InDefaultGraph() || q.predicate.value == vocab::kHasSource) return false;
  for (const Node* node : {&q.subject, &q.predicate, &q.object}) {
    if (!IsPlainIri(node->kind == Node::Kind::kLiteral ? node->datatype : node->value, names)) return false;
  }
  return true;
}

bool IsPlainTriple(const SimpleTriple& t, const RdfNames& names) {
  return t.predicate != vocab::kHasSource && IsPlainIri(t.subject, names) && IsPlainIri(t.predicate, names) &&
         IsPlainIri(t.object_is_literal ? t.datatype : t.object, names);
}

// The statements of one chunk: lines of the common shape are read straight
// from the text (ScanSimpleLine: no nodes, one copy of each term's text),
// runs of other lines by ReadRdf.
class ChunkParser {
 public:
  ChunkParser(const Chunk& chunk, const ImportOptions& options, const RdfNames& names)
      : chunk_(chunk), options_(options), names_(names) {}

  ParsedChunk Run() {
    const size_t lines = size_t{chunk_.line_breaks} + 1;
    out_.prepared.reserve(lines);
    out_.lines.reserve(lines);
    const std::string_view text = chunk_.text;
    SimpleTriple triple;
    uint32_t line = 1;
    for (size_t start = 0;; ++line) {  // the last line may be empty (after the last break)
      const size_t newline = text.find('\n', start);
      const size_t end = newline == std::string_view::npos ? text.size() : newline;
      const LineShape shape = ScanSimpleLine(text.substr(start, end - start), &triple);
      if (shape == LineShape::kOther) {
        if (!other_) other_ = OtherLines{start, line};
      } else {
        ReadOtherLines(start);
        if (shape == LineShape::kSimple) AddSimple(triple, line, start, end);
      }
      if (newline == std::string_view::npos) break;
      start = newline + 1;
    }
    ReadOtherLines(text.size());
    for (ReadError& error : out_.errors) error.line += chunk_.first_line - 1;
    out_.errors.insert(out_.errors.end(), refused_.begin(), refused_.end());
    return std::move(out_);
  }

 private:
  // A run of lines ScanSimpleLine left to ReadRdf: where it starts.
  struct OtherLines {
    size_t start;
    uint32_t line;  // in the chunk, 1-based
  };

  void AddSimple(const SimpleTriple& t, uint32_t line, size_t start, size_t end) {
    ++out_.triples;
    if (!out_.plain || !(out_.plain = IsPlainTriple(t, names_))) return;
    if (end > start && chunk_.text[end - 1] == '\r') --end;
    ReadQuad where;
    where.line = line;
    where.start = static_cast<uint32_t>(start);
    where.end = static_cast<uint32_t>(end);
    Term object = t.object_is_literal ? TermOfLiteral(std::string(t.object), t.datatype, t.lang)
                                      : Term::Entity(std::string(t.object));
    Add(Term::Entity(std::string(t.subject)), std::string(t.predicate), std::move(object),
        LineMentionOf(where, options_.syntax, chunk_.first_line - 1, static_cast<uint32_t>(chunk_.offset)));
  }

  // The pending run of other lines, up to `end`, through ReadRdf.
  void ReadOtherLines(size_t end) {
    if (!other_) return;
    const OtherLines run = *other_;
    other_.reset();
    const uint32_t lines_before = chunk_.first_line - 1 + run.line - 1;
    const auto bytes_before = static_cast<uint32_t>(chunk_.offset + run.start);
    auto on_quad = [&](const ReadQuad& read) {
      ++out_.triples;
      if (!out_.plain || !(out_.plain = IsPlainQuad(read.quad, names_))) return;
      Add(TermOfNode(read.quad.subject, names_), names_.PredicateName(read.quad.predicate.value),
          TermOfNode(read.quad.object, names_), LineMentionOf(read, options_.syntax, lines_before, bytes_before));
    };
    for (ReadError& error : ReadRdf(chunk_.text.substr(run.start, end - run.start), options_.syntax, options_.base_iri, on_quad)) {
      error.line += run.line - 1;
      out_.errors.push_back(std::move(error));
    }
  }

  void Add(Term subject, std::string predicate, Term object, Mention mention) {
    DocumentInput::Statement statement;
    statement.claim.subject = std::move(subject);
    statement.claim.predicate = std::move(predicate);
    statement.claim.object = std::move(object);
    statement.mention = std::move(mention);
    const uint32_t line = statement.mention.sentence;
    statement.mention.bound = statement.claim.object.bound;
    statement.claim.object.bound = Bound::kExact;
    const Status prepared = storage::PrepareStatement(std::move(statement), &out_.prepared.emplace_back());
    if (prepared.ok()) {
      out_.lines.push_back(line);
      return;
    }
    out_.prepared.pop_back();
    if (prepared.code() == Status::Code::kInvalidArgument) {
      refused_.push_back(ReadError{line, prepared.message()});
    } else if (out_.failure.ok()) {
      out_.failure = prepared;
    }
  }

  const Chunk& chunk_;
  const ImportOptions& options_;
  const RdfNames& names_;
  ParsedChunk out_;
  std::vector<ReadError> refused_;
  std::optional<OtherLines> other_;
};

// Streams a plain file into one bulk load; nullopt when a statement turns
// out not to be plain (the caller then takes the general path).
class BulkFileImport {
 public:
  BulkFileImport(Store& store, const std::string& path, const ImportOptions& options, const ImportProgress& progress)
      : store_(store), path_(path), options_(options), progress_(progress), names_(options.base_iri) {}

  Result<std::optional<ImportReport>> Run() {
    std::error_code error;
    const uint64_t size = std::filesystem::file_size(path_, error);
    ChunkReader reader(path_, std::max<size_t>(options_.chunk_bytes, 1));
    if (error || !reader.good()) return Status::NotFound(path_ + ": cannot read");
    // The content hash is taken as the chunks are read and given to the
    // loader before Finish.
    auto loader = store_.BeginBulkLoad(FileDocument(path_, size, ""), BulkLoadOptions{});
    if (!loader.ok()) return loader.status();
    auto* sink = dynamic_cast<storage::PreparedStatementSink*>(loader->get());
    if (sink == nullptr) return Status::NotSupported("the store's bulk loader takes no prepared statements");
    std::deque<std::pair<uint64_t, std::future<ParsedChunk>>> pending;  // (bytes read so far, parse)
    uint64_t bytes = 0;
    bool more = true;
    auto start_parsing = [&] {
      while (more && pending.size() < kChunksInFlight) {
        auto chunk = std::make_shared<Chunk>();
        more = reader.Next(chunk.get());
        if (!more) break;
        bytes += chunk->text.size();
        pending.emplace_back(bytes, std::async(std::launch::async, [this, chunk] {
                               return ChunkParser(*chunk, options_, names_).Run();
                             }));
      }
    };
    start_parsing();
    while (!pending.empty()) {
      ParsedChunk parsed = pending.front().second.get();
      const uint64_t done = pending.front().first;
      pending.pop_front();
      // The next chunk starts before this one is loaded: parsing costs
      // about twice the loader's work per chunk, so two chunks parse while
      // the loader's thread works.
      start_parsing();
      if (!parsed.plain) return std::optional<ImportReport>();
      KG_RETURN_IF_ERROR(Load(*sink, parsed));
      Dispose(std::move(parsed));
      if (progress_) progress_(done, size, report_.triples);
    }
    if (options_.strict && !report_.problems.empty()) {
      report_.claims = 0;  // nothing is written
      return std::optional<ImportReport>(report_);
    }
    sink->SetContentHash(reader.ContentHash());
    auto finished = (*loader)->Finish();
    if (!finished.ok()) return finished.status();
    report_.documents = 1;
    report_.bulk = true;
    return std::optional<ImportReport>(report_);
  }

 private:
  Status Load(storage::PreparedStatementSink& sink, ParsedChunk& parsed) {
    report_.triples += parsed.triples;
    for (const ReadError& error : parsed.errors) Problem(error.line, error.message);
    KG_RETURN_IF_ERROR(parsed.failure);
    const size_t count = parsed.prepared.size();
    constexpr size_t kPrefetchAhead = 8;  // statements: enough to hide a cache miss
    for (size_t i = 0; i < count; ++i) {
      if (i + kPrefetchAhead < count) sink.Prefetch(parsed.prepared[i + kPrefetchAhead]);
      Status added = sink.AddPrepared(parsed.prepared[i]);
      if (added.ok()) {
        ++report_.claims;
      } else if (added.code() == Status::Code::kInvalidArgument) {
        Problem(parsed.lines[i], added.message());
      } else {
        return added;
      }
    }
    return Status::OK();
  }

  void Problem(uint32_t line, const std::string& message) {
    report_.problems.push_back(path_ + ":" + std::to_string(line) + ": " + message);
  }

  // Frees a loaded chunk on another thread: freeing its many strings was a
  // noticeable part of the loading thread's time. (Waits for the previous one.)
  void Dispose(ParsedChunk chunk) {
    disposal_ = std::async(std::launch::async, [done = std::move(chunk)]() mutable { done = ParsedChunk(); });
  }

  Store& store_;
  const std::string& path_;
  const ImportOptions& options_;
  const ImportProgress& progress_;
  RdfNames names_;
  ImportReport report_;
  std::future<void> disposal_;
};

}  // namespace

Result<ImportReport> ImportRdf(Store& store, const std::string& text, const std::string& name,
                               const ImportOptions& options) {
  return RdfImporter(store, text, name, options).Run();
}

bool ReadFileText(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *text = buffer.str();
  return !in.bad();
}

Result<ImportReport> ImportRdfFile(Store& store, const std::string& path, const ImportOptions& options,
                                   const ImportProgress& progress) {
  if (options.syntax != Syntax::kTurtle) {
    auto bulk = BulkFileImport(store, path, options, progress).Run();
    if (!bulk.ok()) return bulk.status();
    if (bulk->has_value()) return std::move(**bulk);
  }
  std::string text;
  if (!ReadFileText(path, &text)) return Status::NotFound(path + ": cannot read");
  return ImportRdf(store, text, path, options);
}

}  // namespace kg::rdf
