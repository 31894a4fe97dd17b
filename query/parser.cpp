#include "query/parser.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <set>

#include <unicode/utf8.h>

#include "KGQLLexer.h"
#include "KGQLParser.h"
#include "antlr4-runtime.h"
#include "query/ast_builder.h"
#include "query/error.h"

namespace kg::query {

namespace {

using P = kgql::KGQLParser;

// How a token type reads in an error message.
std::string TokenDescription(const antlr4::dfa::Vocabulary& vocabulary, size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of query";
    case P::VAR: return "a ?variable";
    case P::NAME: return "a name";
    case P::STRING: return "a quoted string";
    case P::NUMBER: return "a number";
    case P::DATE: return "a date";
    case P::CURRENCY_SYMBOL: return "an amount";
    default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (!literal.empty()) return literal;
  return vocabulary.getSymbolicName(type);  // keywords: FIND, WHERE, ...
}

// Keyword tokens that the grammar also accepts as names: listing them
// beside "a name" would only confuse.
bool IsKeywordName(size_t type) {
  static const std::set<size_t> kNames = {P::AS,        P::ASC,      P::DESC,       P::BY,       P::OF,
                                          P::LIKE,      P::LANG,     P::COUNT,      P::GROUP,    P::ORDER,
                                          P::LIMIT,     P::SOURCES,  P::CONFLICTS,  P::DESCRIBE, P::ENTITIES,
                                          P::PREDICATES, P::DOCUMENTS, P::EXPLAIN};
  return kNames.count(type) > 0;
}

std::string ExpectedList(antlr4::Parser* parser) {
  const auto& vocabulary = parser->getVocabulary();
  std::vector<ssize_t> types = parser->getExpectedTokens().toList();
  bool takes_name = std::find(types.begin(), types.end(), static_cast<ssize_t>(P::NAME)) != types.end();
  std::vector<std::string> names;
  for (ssize_t type : types) {
    if (takes_name && IsKeywordName(static_cast<size_t>(type))) continue;
    std::string description = TokenDescription(vocabulary, static_cast<size_t>(type));
    if (std::find(names.begin(), names.end(), description) == names.end()) names.push_back(description);
  }
  if (names.empty()) return "";
  const size_t kShown = 8;
  std::string out = "; expected ";
  for (size_t i = 0; i < names.size() && i < kShown; ++i) {
    if (i > 0) out += i + 1 == std::min(names.size(), kShown) && names.size() <= kShown ? " or " : ", ";
    out += names[i];
  }
  if (names.size() > kShown) out += ", ...";
  return out;
}

std::string Unexpected(const antlr4::Token* token) {
  if (token == nullptr) return "syntax error";
  if (token->getType() == antlr4::Token::EOF) return "unexpected end of query";
  std::string text = token->getText();
  if (token->getType() == P::UNEXPECTED_CHAR) {
    if (text == "\"" || text == "'") return "unterminated string";
    return "unexpected character '" + text + "'";
  }
  return "unexpected '" + text + "'";
}

// Keeps the first error only, in our words rather than ANTLR's.
class FirstErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t column,
                   const std::string& /*antlr_message*/, std::exception_ptr /*e*/) override {
    if (error_) return;
    Error error;
    error.pos = SourcePos{line, column + 1};
    error.message = Unexpected(offending);
    if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) error.expected = ExpectedList(parser);
    error_ = std::move(error);
  }

  struct Error {
    SourcePos pos;
    std::string message;
    std::string expected;
  };
  const std::optional<Error>& error() const { return error_; }

 private:
  std::optional<Error> error_;
};

// The byte offset of the first invalid UTF-8 sequence, or -1.
int64_t InvalidUtf8Offset(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int64_t length = static_cast<int64_t>(text.size());
  for (int64_t i = 0; i < length;) {
    int64_t start = i;
    UChar32 c;
    if (length - i > INT32_MAX) return -1;
    int32_t offset = 0;
    int32_t remaining = static_cast<int32_t>(std::min<int64_t>(length - i, 8));
    U8_NEXT(bytes + i, offset, remaining, c);
    if (c < 0) return start;
    i += offset;
  }
  return -1;
}

// Nesting and operator chains are bounded before parsing: the parser,
// the tree and every later stage recurse over them.
constexpr int kMaxNesting = 64;
constexpr int kMaxOperators = 256;

Status CheckComplexity(const std::string& text, antlr4::CommonTokenStream& tokens) {
  int depth = 0;
  int operators = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    size_t type = token->getType();
    if (token->getText() == "(") ++depth;
    if (token->getText() == ")") --depth;
    if (type == P::AND || type == P::OR || type == P::NOT) ++operators;
    if (depth > kMaxNesting || operators > kMaxOperators) {
      return ErrorAt(text, SourcePos{token->getLine(), token->getCharPositionInLine() + 1},
                     depth > kMaxNesting ? "parentheses nested too deep (at most " + std::to_string(kMaxNesting) + ")"
                                         : "too many AND, OR and NOT (at most " + std::to_string(kMaxOperators) + ")");
    }
  }
  return Status::OK();
}

Result<Statement> ParseValid(const std::string& text) {
  antlr4::ANTLRInputStream input(text);
  kgql::KGQLLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  KG_RETURN_IF_ERROR(CheckComplexity(text, tokens));
  P parser(&tokens);
  parser.removeErrorListeners();
  FirstErrorListener listener;
  parser.addErrorListener(&listener);
  P::QueryContext* tree = parser.query();
  if (const auto& error = listener.error()) return ErrorAt(text, error->pos, error->message, error->expected);
  try {
    return BuildStatement(tree);
  } catch (const QueryError& e) {
    return ErrorAt(text, e.pos, e.what(), e.suffix);
  }
}

}  // namespace

Result<Statement> Parse(const std::string& text) {
  if (int64_t bad = InvalidUtf8Offset(text); bad >= 0) {
    return Status::InvalidArgument("the query is not valid UTF-8 (byte " + std::to_string(bad) + ")");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return Status::InvalidArgument("empty query");
  try {
    return ParseValid(text);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("cannot parse the query: ") + e.what());
  }
}

}  // namespace kg::query
