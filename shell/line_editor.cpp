#include "shell/line_editor.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <iostream>

#include <editline/readline.h>

namespace kg::shell {

namespace {

constexpr int kHistoryEntries = 1000;

// Set by the SIGINT handler while a line is read; readline() then returns
// early because the handler is installed without SA_RESTART.
volatile std::sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }

// libedit calls back through plain functions: the active editor's state.
LineEditor::Completer* g_completer = nullptr;
std::vector<std::string> g_candidates;

// Characters that end a word for completion. Quotes are not among them so
// that `"Volc` completes to a quoted name.
char g_word_breaks[] = " \t\n(),;=<>{}[]";

// Byte length of the first `chars` characters of a multibyte string: libedit
// reports completion offsets in characters.
size_t BytesOfChars(const char* text, int chars) {
  std::mbstate_t state{};
  size_t bytes = 0;
  const size_t length = std::strlen(text);
  for (int i = 0; i < chars && bytes < length; ++i) {
    const size_t step = std::mbrtowc(nullptr, text + bytes, length - bytes, &state);
    if (step == 0 || step > length - bytes) return length;  // invalid or incomplete: stop
    bytes += step;
  }
  return bytes;
}

char* NextCandidate(const char*, int state) {
  static size_t next = 0;
  if (state == 0) next = 0;
  return next < g_candidates.size() ? strdup(g_candidates[next++].c_str()) : nullptr;
}

char** Complete(const char* word, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  if (g_completer == nullptr) return nullptr;
  const std::string_view line(rl_line_buffer == nullptr ? "" : rl_line_buffer);
  g_candidates = (*g_completer)(line.substr(0, BytesOfChars(line.data(), start)), word);
  if (g_candidates.empty()) return nullptr;
  return rl_completion_matches(word, NextCandidate);
}

}  // namespace

std::string DefaultHistoryPath() {
  if (const char* path = std::getenv("KG_HISTORY"); path != nullptr) return path;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.kg_history";
  }
  return "";
}

LineEditor::LineEditor(std::string history_path, Completer completer) : history_path_(std::move(history_path)) {
  g_completer = new Completer(std::move(completer));
  rl_readline_name = "kg";
  rl_catch_signals = 0;  // our handler, not libedit's, decides what Ctrl-C does
  rl_attempted_completion_function = Complete;
  rl_completer_word_break_characters = g_word_breaks;
  rl_basic_word_break_characters = g_word_breaks;  // the one libedit's rl_complete reads
  using_history();
  stifle_history(kHistoryEntries);
  if (!history_path_.empty()) read_history(history_path_.c_str());  // a missing file is a first session
}

LineEditor::~LineEditor() {
  delete g_completer;
  g_completer = nullptr;
  rl_attempted_completion_function = nullptr;
}

LineEditor::Outcome LineEditor::ReadLine(const std::string& prompt, std::string* line) {
  struct sigaction interrupt {}, previous {};
  interrupt.sa_handler = OnInterrupt;
  sigemptyset(&interrupt.sa_mask);
  interrupt.sa_flags = 0;  // no SA_RESTART: the read inside readline() must stop
  g_interrupted = 0;
  sigaction(SIGINT, &interrupt, &previous);
  char* raw = readline(prompt.c_str());
  // Outside reading, Ctrl-C has its usual effect again (it stops a long query).
  sigaction(SIGINT, &previous, nullptr);
  if (g_interrupted) {
    std::free(raw);
    return Outcome::kInterrupted;
  }
  if (raw == nullptr) return Outcome::kEnd;
  *line = raw;
  std::free(raw);
  return Outcome::kLine;
}

void LineEditor::AddToHistory(const std::string& entry) {
  if (entry.empty() || entry == last_entry_) return;
  last_entry_ = entry;
  add_history(entry.c_str());
  if (history_path_.empty()) return;
  if (write_history(history_path_.c_str()) != 0) {
    std::cerr << "kg: cannot save history to " << history_path_ << " (set KG_HISTORY to change where)\n";
    history_path_.clear();  // say it once
  }
}

}  // namespace kg::shell
