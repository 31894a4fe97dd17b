#include "export/rdf_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <utility>

namespace kg::rdf {

bool ParseSyntaxName(std::string_view name, Syntax* syntax) {
  if (name == "nt" || name == "ntriples") {
    *syntax = Syntax::kNTriples;
  } else if (name == "nq" || name == "nquads") {
    *syntax = Syntax::kNQuads;
  } else if (name == "ttl" || name == "turtle") {
    *syntax = Syntax::kTurtle;
  } else {
    return false;
  }
  return true;
}

bool SyntaxFromFileName(std::string_view path, Syntax* syntax) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return false;
  return ParseSyntaxName(path.substr(dot + 1), syntax);
}

namespace {

const std::string kRdfNs = kRdf;
const std::string kXsdNs = kXsd;

// Thrown inside the reader only; ReadRdf turns it into a ReadError.
struct SyntaxError {
  size_t pos;
  std::string message;
};

// Bytes that stand for themselves inside <...>: not a control, space,
// <>"{}|^` nor the backslash that starts an escape.
constexpr std::array<bool, 256> kIriPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x21; c < 256; ++c) plain[c] = true;
  for (unsigned char c : std::string_view("<>\"{}|^`\\")) plain[c] = false;
  return plain;
}();

// Bytes a string's body stops at: either quote, the backslash of an escape
// and the line breaks a short string may not hold.
constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> stop{};
  for (unsigned char c : std::string_view("\"'\\\n\r")) stop[c] = true;
  return stop;
}();

bool IsNameStartAscii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Reader {
 public:
  Reader(std::string_view text, Syntax syntax, std::string base,
         const std::function<void(const ReadQuad&)>& on_quad)
      : text_(text), syntax_(syntax), base_(std::move(base)), on_quad_(on_quad) {
    line_starts_.push_back(0);
    const char* const end = text_.data() + text_.size();
    for (const char* at = text_.data(); at != end;) {
      const char* newline = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at)));
      if (newline == nullptr) break;
      at = newline + 1;
      line_starts_.push_back(static_cast<size_t>(at - text_.data()));
    }
  }

  std::vector<ReadError> Run() {
    if (syntax_ == Syntax::kTurtle) {
      RunTurtle();
    } else {
      RunLines();
    }
    return std::move(errors_);
  }

 private:
  // ---- driving ----

  void RunLines() {
    for (size_t line = 0; line < line_starts_.size(); ++line) {
      size_t start = line_starts_[line];
      size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] - 1 : text_.size();
      pos_ = start;
      limit_ = end;
      statement_start_ = start;
      line_ = static_cast<uint32_t>(line + 1);
      try {
        SkipBlanks();
        if (AtEnd()) continue;
        ParseLineStatement();
        Flush();
      } catch (const SyntaxError& error) {
        Fail(error);
      }
    }
  }

  void RunTurtle() {
    limit_ = text_.size();
    while (true) {
      try {
        SkipBlanks();
        if (AtEnd()) return;
        statement_start_ = pos_;
        ParseTurtleStatement();
        Flush();
      } catch (const SyntaxError& error) {
        Fail(error);
        Recover();
      }
    }
  }

  void Fail(const SyntaxError& error) {
    pending_.clear();
    errors_.push_back({LineOf(error.pos), error.message});
  }

  // Skips past the next "." that ends a line (outside the failed statement's
  // start), the most likely end of the broken statement.
  void Recover() {
    size_t from = std::max(pos_, statement_start_ + 1);
    for (size_t i = from; i < text_.size(); ++i) {
      if (text_[i] != '.') continue;
      size_t next = i + 1;
      while (next < text_.size() && (text_[next] == ' ' || text_[next] == '\t' || text_[next] == '\r')) ++next;
      if (next == text_.size() || text_[next] == '\n' || text_[next] == '#') {
        pos_ = next;
        return;
      }
    }
    pos_ = text_.size();
  }

  void Flush() {
    for (const ReadQuad& quad : pending_) on_quad_(quad);
    pending_.clear();
  }

  uint32_t LineOf(size_t pos) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
    return static_cast<uint32_t>(it - line_starts_.begin());
  }

  void Emit(Node subject, Node predicate, Node object, size_t object_pos) {
    ReadQuad quad;
    quad.quad = Quad{std::move(subject), std::move(predicate), std::move(object), graph_};
    quad.line = syntax_ == Syntax::kTurtle ? LineOf(object_pos) : line_;  // a line statement has one line
    quad.start = static_cast<uint32_t>(line_starts_[quad.line - 1]);
    size_t next = quad.line < line_starts_.size() ? line_starts_[quad.line] - 1 : text_.size();
    if (next > quad.start && text_[next - 1] == '\r') --next;
    quad.end = static_cast<uint32_t>(next);
    pending_.push_back(std::move(quad));
  }

  // ---- characters ----

  bool AtEnd() const { return pos_ >= limit_; }
  char Peek(size_t ahead = 0) const { return pos_ + ahead < limit_ ? text_[pos_ + ahead] : '\0'; }

  [[noreturn]] void Error(const std::string& message) const { throw SyntaxError{pos_, message}; }

  void Expect(char c) {
    if (Peek() != c) Error(std::string("expected '") + c + "'" + Found());
    ++pos_;
  }

  std::string Found() const {
    if (AtEnd()) return ", found end of " + std::string(syntax_ == Syntax::kTurtle ? "file" : "line");
    return ", found '" + std::string(1, Peek()) + "'";
  }

  void SkipBlanks() {
    while (!AtEnd()) {
      char c = Peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++pos_;
      } else if (c == '#') {
        while (!AtEnd() && Peek() != '\n') ++pos_;
      } else {
        return;
      }
    }
  }

  bool LooksAtKeyword(std::string_view word, bool case_insensitive) const {
    if (pos_ + word.size() > limit_) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      char a = text_[pos_ + i], b = word[i];
      if (case_insensitive && a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
      if (case_insensitive && b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
      if (a != b) return false;
    }
    char after = pos_ + word.size() < limit_ ? text_[pos_ + word.size()] : ' ';
    return !(IsNameStartAscii(after) || IsDigit(after) || after == '-' || after == ':');
  }

  // ---- N-Triples / N-Quads ----

  void ParseLineStatement() {
    graph_ = Node::Iri("");
    Node subject = ParseSubject();
    SkipBlanks();
    Node predicate = ParseIriRef();
    SkipBlanks();
    size_t object_pos = pos_;
    Node object = ParseObject();
    SkipBlanks();
    if (syntax_ == Syntax::kNQuads && Peek() != '.') {
      if (Peek() == '<') {
        graph_ = ParseIriRef();
      } else if (Peek() == '_') {
        graph_ = ParseBlankLabel();
      } else {
        Error("expected a graph name or '.'" + Found());
      }
      SkipBlanks();
    }
    Expect('.');
    SkipBlanks();
    if (!AtEnd()) Error("unexpected text after '.'");
    Emit(std::move(subject), std::move(predicate), std::move(object), object_pos);
  }

  // ---- Turtle ----

  void ParseTurtleStatement() {
    graph_ = Node::Iri("");
    if (Peek() == '@') {
      ++pos_;
      if (LooksAtKeyword("prefix", false)) {
        pos_ += 6;
        ParsePrefixBody(true);
      } else if (LooksAtKeyword("base", false)) {
        pos_ += 4;
        ParseBaseBody(true);
      } else {
        Error("unknown directive");
      }
      return;
    }
    if (LooksAtKeyword("PREFIX", true)) {
      pos_ += 6;
      ParsePrefixBody(false);
      return;
    }
    if (LooksAtKeyword("BASE", true)) {
      pos_ += 4;
      ParseBaseBody(false);
      return;
    }
    ParseTriples();
    SkipBlanks();
    Expect('.');
  }

  void ParsePrefixBody(bool needs_dot) {
    SkipBlanks();
    size_t start = pos_;
    while (!AtEnd() && Peek() != ':' && Peek() != ' ' && Peek() != '\t') ++pos_;
    std::string name(text_.substr(start, pos_ - start));
    Expect(':');
    SkipBlanks();
    prefixes_[name] = ParseIriRef().value;
    if (needs_dot) {
      SkipBlanks();
      Expect('.');
    }
  }

  void ParseBaseBody(bool needs_dot) {
    SkipBlanks();
    base_ = ParseIriRef().value;
    if (needs_dot) {
      SkipBlanks();
      Expect('.');
    }
  }

  void ParseTriples() {
    if (Peek() == '[') {
      Node subject = ParseBlankNodePropertyList();
      SkipBlanks();
      if (Peek() != '.') ParsePredicateObjectList(subject);
      return;
    }
    Node subject = Peek() == '(' ? ParseCollection() : ParseSubject();
    SkipBlanks();
    ParsePredicateObjectList(subject);
  }

  void ParsePredicateObjectList(const Node& subject) {
    while (true) {
      Node predicate = ParseVerb();
      SkipBlanks();
      ParseObjectList(subject, predicate);
      SkipBlanks();
      if (Peek() != ';') return;
      while (Peek() == ';') {
        ++pos_;
        SkipBlanks();
      }
      if (Peek() == '.' || Peek() == ']' || AtEnd()) return;
    }
  }

  void ParseObjectList(const Node& subject, const Node& predicate) {
    while (true) {
      size_t object_pos = pos_;
      Node object = ParseObject();
      Emit(subject, predicate, std::move(object), object_pos);
      SkipBlanks();
      if (Peek() != ',') return;
      ++pos_;
      SkipBlanks();
    }
  }

  Node ParseVerb() {
    if (Peek() == 'a' && LooksAtKeyword("a", false)) {
      ++pos_;
      return Node::Iri(kRdfNs + "type");
    }
    if (Peek() == '<') return ParseIriRef();
    return ParsePrefixedName();
  }

  Node ParseBlankNodePropertyList() {
    Expect('[');
    SkipBlanks();
    Node node = FreshBlank();
    if (Peek() != ']') {
      ParsePredicateObjectList(node);
      SkipBlanks();
    }
    Expect(']');
    return node;
  }

  Node ParseCollection() {
    Expect('(');
    SkipBlanks();
    Node head = Node::Iri(kRdfNs + "nil");
    Node previous;
    while (Peek() != ')') {
      if (AtEnd()) Error("unterminated collection");
      Node cell = FreshBlank();
      if (head.value == kRdfNs + "nil" && head.kind == Node::Kind::kIri) {
        head = cell;
      } else {
        Emit(previous, Node::Iri(kRdfNs + "rest"), cell, pos_);
      }
      size_t item_pos = pos_;
      Emit(cell, Node::Iri(kRdfNs + "first"), ParseObject(), item_pos);
      previous = cell;
      SkipBlanks();
    }
    ++pos_;
    if (head.kind == Node::Kind::kBlank) Emit(previous, Node::Iri(kRdfNs + "rest"), Node::Iri(kRdfNs + "nil"), pos_);
    return head;
  }

  Node FreshBlank() { return Node::Blank("genid" + std::to_string(++blank_counter_)); }

  // ---- terms shared by every syntax ----

  Node ParseSubject() {
    if (Peek() == '<') return ParseIriRef();
    if (Peek() == '_') return ParseBlankLabel();
    if (syntax_ == Syntax::kTurtle) return ParsePrefixedName();
    Error("expected an IRI or blank node as subject" + Found());
  }

  Node ParseObject() {
    char c = Peek();
    if (c == '<') return ParseIriRef();
    if (c == '_') return ParseBlankLabel();
    if (c == '"' || (c == '\'' && syntax_ == Syntax::kTurtle)) return ParseLiteral();
    if (syntax_ != Syntax::kTurtle) Error("expected an IRI, blank node or literal" + Found());
    if (c == '[') return ParseBlankNodePropertyList();
    if (c == '(') return ParseCollection();
    if (IsDigit(c) || c == '+' || c == '-' || c == '.') return ParseNumber();
    if (LooksAtKeyword("true", false) || LooksAtKeyword("false", false)) {
      bool value = Peek() == 't';
      pos_ += value ? 4 : 5;
      return Node::Literal(value ? "true" : "false", kXsdNs + "boolean");
    }
    return ParsePrefixedName();
  }

  Node ParseIriRef() {
    Expect('<');
    std::string iri;
    bool escaped = false;  // without escapes, every byte was checked as plain
    while (true) {
      // A run of plain characters is taken at once: most IRIs are one run.
      const size_t run = pos_;
      while (pos_ < limit_ && kIriPlain[static_cast<unsigned char>(text_[pos_])]) ++pos_;
      iri.append(text_.data() + run, pos_ - run);
      if (AtEnd()) Error("unterminated IRI");
      char c = Peek();
      if (c == '>') break;
      if (c == '\\') {
        AppendUtf8(ParseUnicodeEscape(), &iri);
        escaped = true;
        continue;
      }
      Error("character not allowed in an IRI" + Found());
    }
    ++pos_;
    if (syntax_ == Syntax::kTurtle) return Node::Iri(Resolve(iri));
    if (!(escaped ? IsAbsoluteIri(iri) : HasIriScheme(iri))) Error("relative IRI <" + iri + ">");
    return Node::Iri(std::move(iri));  // (a ?: between the two copied it)
  }

  char32_t ParseUnicodeEscape() {
    Expect('\\');
    size_t digits = Peek() == 'u' ? 4 : Peek() == 'U' ? 8 : 0;
    if (digits == 0) Error("expected \\u or \\U escape");
    ++pos_;
    char32_t cp = 0;
    for (size_t i = 0; i < digits; ++i) {
      char c = Peek();
      int value = IsDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (value < 0) Error("bad hex digit in escape");
      cp = cp * 16 + static_cast<char32_t>(value);
      ++pos_;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) Error("escape is not a Unicode scalar value");
    return cp;
  }

  Node ParseBlankLabel() {
    Expect('_');
    Expect(':');
    size_t start = pos_;
    while (!AtEnd()) {
      char c = Peek();
      if (IsNameStartAscii(c) || IsDigit(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80) {
        ++pos_;
      } else if (c == '.' && pos_ + 1 < limit_ && text_[pos_ + 1] != ' ' && text_[pos_ + 1] != '\n' &&
                 text_[pos_ + 1] != '\t' && text_[pos_ + 1] != '\r') {
        ++pos_;
      } else {
        break;
      }
    }
    if (pos_ == start) Error("empty blank node label");
    return Node::Blank(std::string(text_.substr(start, pos_ - start)));
  }

  Node ParseLiteral() {
    std::string lexical = ParseString();
    if (Peek() == '@') {
      ++pos_;
      size_t start = pos_;
      while (!AtEnd() && (IsNameStartAscii(Peek()) || IsDigit(Peek()) || Peek() == '-')) ++pos_;
      std::string lang(text_.substr(start, pos_ - start));
      if (!IsValidLangTag(lang)) Error("bad language tag '" + lang + "'");
      return Node::Literal(std::move(lexical), "", std::move(lang));
    }
    if (Peek() == '^' && Peek(1) == '^') {
      pos_ += 2;
      Node datatype = Peek() == '<' || syntax_ != Syntax::kTurtle ? ParseIriRef() : ParsePrefixedName();
      return Node::Literal(std::move(lexical), datatype.value);
    }
    return Node::Literal(std::move(lexical));
  }

  std::string ParseString() {
    char quote = Peek();
    bool long_form = syntax_ == Syntax::kTurtle && Peek(1) == quote && Peek(2) == quote;
    pos_ += long_form ? 3 : 1;
    std::string out;
    while (true) {
      if (AtEnd()) Error("unterminated string");
      char c = Peek();
      if (long_form && c == quote && Peek(1) == quote && Peek(2) == quote) {
        pos_ += 3;
        // A quote just before the closing three belongs to the string.
        while (Peek() == quote) {
          out.push_back(quote);
          ++pos_;
        }
        return out;
      }
      if (!long_form && c == quote) {
        ++pos_;
        return out;
      }
      if (!long_form && (c == '\n' || c == '\r')) Error("line break inside a string");
      if (c == '\\') {
        out += ParseStringEscape();
        continue;
      }
      // Up to the next character that may end the string or start an escape.
      const size_t run = pos_++;
      while (pos_ < limit_ && !kStringStop[static_cast<unsigned char>(text_[pos_])]) ++pos_;
      out.append(text_.data() + run, pos_ - run);
    }
  }

  std::string ParseStringEscape() {
    static const std::pair<char, char> kEchar[] = {{'t', '\t'}, {'b', '\b'}, {'n', '\n'}, {'r', '\r'},
                                                   {'f', '\f'}, {'"', '"'},  {'\'', '\''}, {'\\', '\\'}};
    for (auto [letter, value] : kEchar) {
      if (Peek(1) == letter) {
        pos_ += 2;
        return std::string(1, value);
      }
    }
    std::string out;
    AppendUtf8(ParseUnicodeEscape(), &out);
    return out;
  }

  Node ParseNumber() {
    size_t start = pos_;
    if (Peek() == '+' || Peek() == '-') ++pos_;
    bool digits = false, dot = false, exponent = false;
    while (IsDigit(Peek())) ++pos_, digits = true;
    if (Peek() == '.' && IsDigit(Peek(1))) {
      ++pos_;
      dot = true;
      while (IsDigit(Peek())) ++pos_, digits = true;
    }
    if (digits && (Peek() == 'e' || Peek() == 'E')) {
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!IsDigit(Peek())) Error("bad exponent");
      while (IsDigit(Peek())) ++pos_;
      exponent = true;
    }
    if (!digits) Error("expected a number" + Found());
    std::string lexical(text_.substr(start, pos_ - start));
    const char* type = exponent ? "double" : dot ? "decimal" : "integer";
    return Node::Literal(std::move(lexical), kXsdNs + type);
  }

  Node ParsePrefixedName() {
    size_t start = pos_;
    while (!AtEnd() && Peek() != ':') {
      char c = Peek();
      if (!(IsNameStartAscii(c) || IsDigit(c) || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80)) {
        Error("expected an IRI, prefixed name or literal" + Found());
      }
      ++pos_;
    }
    std::string prefix(text_.substr(start, pos_ - start));
    Expect(':');
    auto it = prefixes_.find(prefix);
    if (it == prefixes_.end()) Error("undeclared prefix '" + prefix + ":'");
    return Node::Iri(it->second + ParseLocalName());
  }

  std::string ParseLocalName() {
    std::string local;
    while (!AtEnd()) {
      char c = Peek();
      if (c == '\\') {
        local.push_back(Peek(1));
        pos_ += 2;
      } else if (c == '%' || c == ':' || c == '-' || c == '_' || IsNameStartAscii(c) || IsDigit(c) ||
                 static_cast<unsigned char>(c) >= 0x80) {
        local.push_back(c);
        ++pos_;
      } else if (c == '.' && !local.empty()) {
        // A dot is part of the name only when more name follows.
        char next = Peek(1);
        if (!(IsNameStartAscii(next) || IsDigit(next) || next == '-' || next == ':' || next == '%' ||
              static_cast<unsigned char>(next) >= 0x80)) {
          break;
        }
        local.push_back(c);
        ++pos_;
      } else {
        break;
      }
    }
    return local;
  }

  // Relative reference resolution, enough for the usual forms: "#frag",
  // "/path", "name" against the base's directory.
  std::string Resolve(const std::string& iri) const {
    if (IsAbsoluteIri(iri) || base_.empty()) return iri;
    if (iri.empty()) return base_;
    if (iri[0] == '#') return base_.substr(0, base_.find('#')) + iri;
    if (iri[0] == '/') {
      size_t scheme_end = base_.find("://");
      size_t path_start = scheme_end == std::string::npos ? std::string::npos : base_.find('/', scheme_end + 3);
      return (path_start == std::string::npos ? base_ : base_.substr(0, path_start)) + iri;
    }
    size_t slash = base_.rfind('/');
    return (slash == std::string::npos ? base_ : base_.substr(0, slash + 1)) + iri;
  }

  std::string_view text_;
  Syntax syntax_;
  std::string base_;
  const std::function<void(const ReadQuad&)>& on_quad_;
  std::vector<size_t> line_starts_;
  std::map<std::string, std::string> prefixes_;
  std::vector<ReadQuad> pending_;
  std::vector<ReadError> errors_;
  Node graph_ = Node::Iri("");
  size_t pos_ = 0;
  size_t limit_ = 0;
  size_t statement_start_ = 0;
  uint32_t line_ = 0;  // N-Triples and N-Quads: the line being read, 1-based
  uint64_t blank_counter_ = 0;
};

}  // namespace

namespace {

size_t SkipLineBlanks(std::string_view line, size_t at) {
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == '\r')) ++at;
  return at;
}

// An IRI of plain characters with a scheme, '<' at `*at`, as ParseIriRef
// accepts it; false for anything else.
bool ScanPlainIri(std::string_view line, size_t* at, std::string_view* iri) {
  if (*at >= line.size() || line[*at] != '<') return false;
  size_t end = *at + 1;
  while (end < line.size() && kIriPlain[static_cast<unsigned char>(line[end])]) ++end;
  if (end == line.size() || line[end] != '>') return false;
  *iri = line.substr(*at + 1, end - *at - 1);
  *at = end + 1;
  return HasIriScheme(*iri);
}

// A double-quoted literal without escapes and its tag or datatype, as
// ParseLiteral reads it; false for anything else.
bool ScanPlainLiteral(std::string_view line, size_t* at, SimpleTriple* triple) {
  size_t end = *at + 1;
  while (end < line.size() && line[end] != '"' && line[end] != '\\' && line[end] != '\r') ++end;
  if (end == line.size() || line[end] != '"') return false;
  triple->object = line.substr(*at + 1, end - *at - 1);
  triple->object_is_literal = true;
  *at = end + 1;
  if (*at < line.size() && line[*at] == '@') {
    const size_t start = ++*at;
    while (*at < line.size() && (IsNameStartAscii(line[*at]) || IsDigit(line[*at]) || line[*at] == '-')) ++*at;
    triple->lang = line.substr(start, *at - start);
    return IsValidLangTag(triple->lang);
  }
  if (line.substr(*at).starts_with("^^")) {
    *at += 2;
    return ScanPlainIri(line, at, &triple->datatype);
  }
  return true;
}

}  // namespace

LineShape ScanSimpleLine(std::string_view line, SimpleTriple* triple) {
  *triple = SimpleTriple();
  size_t at = SkipLineBlanks(line, 0);
  if (at == line.size() || line[at] == '#') return LineShape::kNothing;
  if (!ScanPlainIri(line, &at, &triple->subject)) return LineShape::kOther;
  at = SkipLineBlanks(line, at);
  if (!ScanPlainIri(line, &at, &triple->predicate)) return LineShape::kOther;
  at = SkipLineBlanks(line, at);
  if (at == line.size()) return LineShape::kOther;
  const bool object_read = line[at] == '"' ? ScanPlainLiteral(line, &at, triple) : ScanPlainIri(line, &at, &triple->object);
  if (!object_read) return LineShape::kOther;
  at = SkipLineBlanks(line, at);
  if (at == line.size() || line[at] != '.') return LineShape::kOther;
  return SkipLineBlanks(line, at + 1) == line.size() ? LineShape::kSimple : LineShape::kOther;
}

std::vector<ReadError> ReadRdf(std::string_view text, Syntax syntax, const std::string& base_iri,
                               const std::function<void(const ReadQuad&)>& on_quad) {
  return Reader(text, syntax, base_iri, on_quad).Run();
}

}  // namespace kg::rdf
