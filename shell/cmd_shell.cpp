// kg shell [--db DIR], and `kg` alone: the interactive KGQL shell on a
// terminal, a statement runner when stdin is a pipe or a file.
#include <langinfo.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

#include "shell/cli.h"
#include "shell/completion.h"
#include "shell/line_editor.h"
#include "shell/repl.h"

namespace kg::cli {

namespace {

// libedit decodes keystrokes with the locale's character set: under LANG=C a
// Devanagari or accented letter would arrive as several garbage characters.
void EnsureUtf8Input() {
  if (std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return;
  for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
    if (std::setlocale(LC_CTYPE, name) != nullptr) return;
  }
}

bool ColourWanted() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr && term != nullptr &&
         std::strcmp(term, "dumb") != 0;
}

// Names are read from the store at the first Tab, not at start-up, so that
// opening the shell on a large store stays quick.
shell::LineEditor::Completer MakeCompleter(const Store& store) {
  auto vocabulary = std::make_shared<std::optional<shell::Vocabulary>>();
  return [&store, vocabulary](std::string_view line_before, std::string_view word) {
    if (!vocabulary->has_value()) {
      auto loaded = shell::LoadVocabulary(store);
      *vocabulary = loaded.ok() ? std::move(loaded).value() : shell::Vocabulary{QueryKeywords(), {}, {}};
    }
    return shell::CompletionCandidates(**vocabulary, line_before, word);
  };
}

int RunShell(const std::string& db) {
  const bool interactive = isatty(STDIN_FILENO);
  if (interactive) EnsureUtf8Input();
  std::error_code error;
  if (!std::filesystem::exists(db, error)) {
    std::cerr << "kg: no store at " << db << ": load articles with `kg ingest --db " << db
              << " ...` first, or name another store with --db DIR\n";
    return kExitUsage;
  }
  // Read-only: the shell only reads, and so may run beside a writer.
  std::unique_ptr<Store> store = OpenOrReport(db, /*read_only=*/true);
  if (store == nullptr) return kExitUsage;
  shell::Repl repl(*store, db, std::cout, std::cerr, ColourWanted());
  if (!interactive) {
    repl.RunBatch(std::cin);
    return repl.failed() ? kExitFailed : kExitOk;
  }
  shell::LineEditor editor(shell::DefaultHistoryPath(), MakeCompleter(*store));
  repl.RunInteractive(editor);
  return kExitOk;
}

}  // namespace

void RegisterShellCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "shell", "interactive KGQL shell; with a pipe or file on stdin, runs its statements and exits");
  static std::string db;
  AddDbOption(cmd, &db);
  cmd->callback([] { SetExitCode(RunShell(db)); });
}

int RunDefaultShell() { return RunShell(kDefaultDb); }

}  // namespace kg::cli
