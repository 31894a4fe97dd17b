// The shell's read-eval-print loop over an open store: statements and dot
// commands in, results out.
//
// On a terminal it shows a banner and prompts and reads through the line
// editor; from a pipe or file it runs every statement silently and reports
// failures on stderr. Either way a failed statement does not stop the rest.
#ifndef KG_SHELL_REPL_H_
#define KG_SHELL_REPL_H_

#include <istream>
#include <ostream>
#include <string>

#include "kg/store.h"
#include "shell/dot_commands.h"
#include "shell/result_format.h"
#include "shell/statement_splitter.h"

namespace kg::shell {

class LineEditor;

class Repl {
 public:
  // `colour`: whether `out` and `err` are terminals that may show colour.
  Repl(const Store& store, std::string db_path, std::ostream& out, std::ostream& err, bool colour);

  // A terminal session: banner, prompts, history, until .quit or Ctrl-D.
  void RunInteractive(LineEditor& editor);
  // Every statement of `in`, without prompts, until its end or .quit.
  void RunBatch(std::istream& in);

  // Whether any statement or command failed.
  bool failed() const { return failed_; }

 private:
  enum class Next { kContinue, kQuit };

  // Feeds one input line; runs what it completes.
  Next HandleLine(const std::string& line);
  void Remember(const std::string& entry);  // adds to the history on a terminal
  void RunStatement(const Statement& statement);
  Next RunDotCommand(const std::string& line, int line_number);
  void Report(const std::string& where, const Status& status);
  void PrintBanner();
  void PrintHelp();
  void PrintStats();

  const Store& store_;
  std::string db_path_;
  std::ostream& out_;
  std::ostream& err_;
  bool colour_;
  LineEditor* editor_ = nullptr;  // set on a terminal only
  StatementSplitter splitter_;
  ResultFormat format_ = ResultFormat::kTable;
  bool timer_ = false;
  bool failed_ = false;
};

}  // namespace kg::shell

#endif  // KG_SHELL_REPL_H_
