// Line editing for the interactive shell, on libedit's readline interface:
// a prompt, editing keys, history kept in a file across sessions, Tab
// completion, and Ctrl-C that abandons the line being typed.
//
// libedit keeps its state in globals, so at most one LineEditor may exist
// at a time.
#ifndef KG_SHELL_LINE_EDITOR_H_
#define KG_SHELL_LINE_EDITOR_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

class LineEditor {
 public:
  // Words that may replace `word`; `line_before` is the line up to it.
  using Completer = std::function<std::vector<std::string>(std::string_view line_before, std::string_view word)>;

  // Loads the history from `history_path` ("" keeps none) and installs the
  // completer and the Ctrl-C handler.
  LineEditor(std::string history_path, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  enum class Outcome { kLine, kInterrupted, kEnd };
  // Shows `prompt` and reads one line into `line`: kInterrupted after
  // Ctrl-C (the line is dropped), kEnd after Ctrl-D on an empty line.
  Outcome ReadLine(const std::string& prompt, std::string* line);

  // Adds an entry to the history and saves the history file, so that a
  // session that ends abruptly keeps what was typed.
  void AddToHistory(const std::string& entry);

 private:
  std::string history_path_;
  std::string last_entry_;  // a statement repeated at once is kept once
};

// Where the history lives: $KG_HISTORY, else ~/.kg_history, else "".
std::string DefaultHistoryPath();

}  // namespace kg::shell

#endif  // KG_SHELL_LINE_EDITOR_H_
