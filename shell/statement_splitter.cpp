#include "shell/statement_splitter.h"

#include <algorithm>

namespace kg::shell {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

LexicalTracker::Where LexicalTracker::Step(char c, char next) {
  switch (state_) {
    case State::kComment:
      if (c != '\n') return Where::kComment;
      state_ = State::kCode;
      return Where::kCode;
    case State::kCode:
      if ((c == '-' && next == '-') || c == '#') {
        state_ = State::kComment;
        return Where::kComment;
      }
      if (c == '\'') state_ = State::kSingleQuoted;
      if (c == '"') state_ = State::kDoubleQuoted;
      return state_ == State::kCode ? Where::kCode : Where::kString;
    case State::kSingleQuoted:
    case State::kDoubleQuoted:
      break;
  }
  const char quote = state_ == State::kSingleQuoted ? '\'' : '"';
  if (c == '\n') {
    // KGQL strings never span lines: an unclosed one ends here, so that a
    // `;` on a later line still ends the statement (and the parser reports it).
    state_ = State::kCode;
    escaped_ = false;
    return Where::kCode;
  }
  if (escaped_) {
    escaped_ = false;
  } else if (c == '\\') {
    escaped_ = true;
  } else if (c == quote) {
    state_ = State::kCode;
  }
  return Where::kString;
}

std::vector<Statement> StatementSplitter::AddLine(std::string_view line) {
  ++line_;
  if (buffer_.empty()) buffer_first_line_ = line_;
  std::vector<Statement> done;
  for (size_t i = 0; i <= line.size(); ++i) {
    const char c = i < line.size() ? line[i] : '\n';
    const char next = i + 1 < line.size() ? line[i + 1] : '\n';
    if (lexer_.Step(c, next) == LexicalTracker::Where::kCode && c == ';') {
      if (auto statement = TakeStatement()) done.push_back(std::move(*statement));
      buffer_.clear();
      buffer_first_line_ = line_;
      continue;
    }
    buffer_ += c;
  }
  return done;
}

std::optional<Statement> StatementSplitter::Finish() {
  auto statement = TakeStatement();
  Reset();
  return statement;
}

void StatementSplitter::Reset() {
  buffer_.clear();
  lexer_ = LexicalTracker();
}

std::string_view StatementSplitter::Trimmed(size_t* skipped) const {
  // Leading comments are skipped with the blanks around them.
  LexicalTracker lexer;
  size_t begin = 0;
  for (; begin < buffer_.size(); ++begin) {
    const char next = begin + 1 < buffer_.size() ? buffer_[begin + 1] : '\n';
    const auto where = lexer.Step(buffer_[begin], next);
    if (where == LexicalTracker::Where::kComment) continue;
    if (where == LexicalTracker::Where::kString || !IsBlank(buffer_[begin])) break;
  }
  size_t end = buffer_.size();
  while (end > begin && IsBlank(buffer_[end - 1])) --end;
  if (skipped != nullptr) *skipped = begin;
  return std::string_view(buffer_).substr(begin, end - begin);
}

std::optional<Statement> StatementSplitter::TakeStatement() {
  size_t skipped = 0;
  const std::string_view text = Trimmed(&skipped);
  if (text.empty()) return std::nullopt;
  const auto newlines = std::count(buffer_.begin(), buffer_.begin() + static_cast<long>(skipped), '\n');
  return Statement{std::string(text), buffer_first_line_ + static_cast<int>(newlines)};
}

std::string OneLine(std::string_view statement) {
  LexicalTracker lexer;
  std::string line;
  for (size_t i = 0; i < statement.size(); ++i) {
    const char c = statement[i];
    const char next = i + 1 < statement.size() ? statement[i + 1] : '\n';
    const auto where = lexer.Step(c, next);
    if (where == LexicalTracker::Where::kComment) continue;
    const bool blank = where == LexicalTracker::Where::kCode && IsBlank(c);
    if (blank && (line.empty() || line.back() == ' ')) continue;  // collapse runs of blanks
    line += blank ? ' ' : c;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

}  // namespace kg::shell
