#include "shell_session.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace kg::testing {

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(50);

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int ExitCodeOf(int status) {
  if (status == -1) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Runs a /bin/sh command and returns its stdout (stderr is dropped).
std::string Capture(const std::string& command, int* exit_code) {
  std::string output;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) {
    *exit_code = -1;
    return output;
  }
  char chunk[4096];
  for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0;) output.append(chunk, n);
  *exit_code = ExitCodeOf(pclose(pipe));
  return output;
}

}  // namespace

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

ProcessOutput RunKg(const std::string& scratch, const std::string& arguments, const std::string& input) {
  const std::string in = scratch + "/stdin.kgql", out = scratch + "/stdout.txt", err = scratch + "/stderr.txt";
  std::ofstream(in, std::ios::binary) << input;
  const std::string command = "cd " + ShellQuote(scratch) + " && " + ShellQuote(KG_BINARY) + " " + arguments + " < " + ShellQuote(in) + " > " +
                              ShellQuote(out) + " 2> " + ShellQuote(err);
  ProcessOutput result;
  result.exit_code = ExitCodeOf(std::system(command.c_str()));
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

TerminalSession::TerminalSession(const std::string& socket_path, const std::string& command)
    : socket_(socket_path) {
  int exit_code = 0;
  Capture("tmux -S " + ShellQuote(socket_) + " -f /dev/null new-session -d -x 200 -y 50 " + ShellQuote(command),
          &exit_code);
  started_ = exit_code == 0;
}

TerminalSession::~TerminalSession() {
  int exit_code = 0;
  Capture("tmux -S " + ShellQuote(socket_) + " kill-server", &exit_code);
}

std::string TerminalSession::Tmux(const std::string& arguments) const {
  int exit_code = 0;
  return Capture("tmux -S " + ShellQuote(socket_) + " " + arguments, &exit_code);
}

void TerminalSession::Type(const std::string& text) {
  // tmux reads a `;` that ends an argument as a command separator: semicolons
  // go as hex key codes, the rest literally.
  size_t start = 0;
  for (size_t semicolon; (semicolon = text.find(';', start)) != std::string::npos; start = semicolon + 1) {
    if (semicolon > start) Tmux("send-keys -l " + ShellQuote(text.substr(start, semicolon - start)));
    Tmux("send-keys -H 3b");
  }
  if (start < text.size()) Tmux("send-keys -l " + ShellQuote(text.substr(start)));
}

void TerminalSession::Press(const std::string& key) { Tmux("send-keys " + key); }

std::string TerminalSession::Screen() const { return Tmux("capture-pane -p"); }

bool TerminalSession::WaitFor(const std::string& text, std::chrono::seconds limit) const {
  return WaitForCount(text, 1, limit);
}

bool TerminalSession::WaitForCount(const std::string& text, size_t count, std::chrono::seconds limit) const {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (Count(text) >= count) return true;
    std::this_thread::sleep_for(kPollInterval);
  }
  return false;
}

size_t TerminalSession::Count(const std::string& text) const {
  const std::string screen = Screen();
  size_t count = 0;
  for (size_t at = screen.find(text); at != std::string::npos; at = screen.find(text, at + text.size())) ++count;
  return count;
}

bool TerminalSession::WaitForExit(std::chrono::seconds limit) const {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int exit_code = 0;
    Capture("tmux -S " + ShellQuote(socket_) + " has-session", &exit_code);
    if (exit_code != 0) return true;
    std::this_thread::sleep_for(kPollInterval);
  }
  return false;
}

}  // namespace kg::testing
