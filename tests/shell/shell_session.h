// Running `kg shell` from the tests: through a pipe (stdin from a file) and
// on a pseudo-terminal that tmux provides, on a store the test builds.
#ifndef KG_TESTS_SHELL_SHELL_SESSION_H_
#define KG_TESTS_SHELL_SHELL_SESSION_H_

#include <chrono>
#include <string>
#include <vector>

namespace kg::testing {

// `text` quoted for /bin/sh.
std::string ShellQuote(const std::string& text);

struct ProcessOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `kg <arguments>` with `input` as its stdin (a file, not a terminal),
// in the directory `scratch`, which also receives the input and output files.
ProcessOutput RunKg(const std::string& scratch, const std::string& arguments, const std::string& input);

// A command running on a tmux pseudo-terminal (200x50) of its own tmux
// server, so that parallel tests never share one. The server is killed at
// destruction.
class TerminalSession {
 public:
  // `command` is run by /bin/sh inside the terminal.
  TerminalSession(const std::string& socket_path, const std::string& command);
  ~TerminalSession();
  TerminalSession(const TerminalSession&) = delete;
  TerminalSession& operator=(const TerminalSession&) = delete;

  bool started() const { return started_; }
  void Type(const std::string& text);    // literally, as typed
  void Press(const std::string& key);    // a tmux key name: Enter, Tab, Up, C-c, C-d
  // The visible screen, one line per row, trailing blanks trimmed (so a
  // prompt "kg> " shows as "kg>").
  std::string Screen() const;

  // Polls the screen until it contains `text` (or the limit passes, which
  // means something is broken: the limit is generous, not a speed check).
  bool WaitFor(const std::string& text, std::chrono::seconds limit = std::chrono::seconds(60)) const;
  // Counts occurrences of `text` on the screen.
  size_t Count(const std::string& text) const;
  // Waits until `text` shows at least `count` times on the screen.
  bool WaitForCount(const std::string& text, size_t count, std::chrono::seconds limit = std::chrono::seconds(60)) const;
  // Polls until the command has exited and the session is gone.
  bool WaitForExit(std::chrono::seconds limit = std::chrono::seconds(60)) const;

 private:
  std::string Tmux(const std::string& arguments) const;
  std::string socket_;
  bool started_ = false;
};

}  // namespace kg::testing

#endif  // KG_TESTS_SHELL_SHELL_SESSION_H_
