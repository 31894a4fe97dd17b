// Cuts shell input into KGQL statements.
//
// Input arrives a line at a time (from the terminal or a file); a statement
// ends at a `;` that lies outside string literals and comments, so one
// line may hold several statements and one statement may span several lines.
// The splitter only needs the lexical rules of quotes and comments, not the
// grammar: the statement text is handed to kg::RunQuery unchanged.
#ifndef KG_SHELL_STATEMENT_SPLITTER_H_
#define KG_SHELL_STATEMENT_SPLITTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

struct Statement {
  std::string text;    // without the terminating `;`, trimmed
  int first_line = 0;  // 1-based input line of its first character
};

// Tells, character by character, whether text is code, inside a string
// literal ('...' or "...", backslash escapes, ending at the end of the line
// at the latest) or inside a comment (`--` or `#` to the end of the line),
// as KGQL's lexer (grammar/KGQL.g4) sees them. Feed every character in order.
class LexicalTracker {
 public:
  enum class Where { kCode, kString, kComment };
  // `next` is the character after `c` ('\n' at the end of a line).
  Where Step(char c, char next);

 private:
  enum class State { kCode, kSingleQuoted, kDoubleQuoted, kComment };
  State state_ = State::kCode;
  bool escaped_ = false;  // the previous character was a backslash in a string
};

class StatementSplitter {
 public:
  // Feeds one line of input (without its newline) and returns the
  // statements it completes, in order. Empty statements (`;;`) are skipped.
  std::vector<Statement> AddLine(std::string_view line);

  // True while an unfinished statement is buffered: the shell then shows
  // the continuation prompt. Whitespace and comments alone do not count.
  bool pending() const { return !Trimmed().empty(); }

  // At the end of input: the unterminated last statement, if any.
  std::optional<Statement> Finish();

  // Drops the unfinished statement (Ctrl-C); line numbering continues.
  void Reset();

  // Counts a line that is not KGQL (a dot command) and returns its number.
  int SkipLine() { return ++line_; }

 private:
  // The buffered statement without leading blanks and comments nor
  // trailing blanks; `skipped` receives how many bytes were cut in front.
  std::string_view Trimmed(size_t* skipped = nullptr) const;
  std::optional<Statement> TakeStatement();

  std::string buffer_;
  LexicalTracker lexer_;
  int line_ = 0;               // lines fed so far
  int buffer_first_line_ = 0;  // line where buffer_ begins
};

// The statement on one line, for history: newlines become spaces and
// comments are dropped, so that recalling it gives a runnable line.
std::string OneLine(std::string_view statement);

}  // namespace kg::shell

#endif  // KG_SHELL_STATEMENT_SPLITTER_H_
