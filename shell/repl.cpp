#include "shell/repl.h"

#include <chrono>

#include <fmt/format.h>

#include "kg/query.h"
#include "shell/interrupt.h"
#include "shell/line_editor.h"

namespace kg::shell {

namespace {

constexpr const char* kPrompt = "kg> ";
constexpr const char* kContinuationPrompt = "...> ";
constexpr const char* kRed = "\033[31m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";

// What `.docs` and `.predicates` run: the query language already lists them.
constexpr const char* kDocumentsStatement = "DOCUMENTS";
constexpr const char* kPredicatesStatement = "PREDICATES";

}  // namespace

Repl::Repl(const Store& store, std::string db_path, std::ostream& out, std::ostream& err, bool colour)
    : store_(store), db_path_(std::move(db_path)), out_(out), err_(err), colour_(colour) {}

void Repl::RunInteractive(LineEditor& editor) {
  editor_ = &editor;
  PrintBanner();
  for (;;) {
    std::string line;
    const auto outcome = editor.ReadLine(splitter_.pending() ? kContinuationPrompt : kPrompt, &line);
    if (outcome == LineEditor::Outcome::kEnd) break;
    if (outcome == LineEditor::Outcome::kInterrupted) {
      splitter_.Reset();  // Ctrl-C abandons the statement being typed
      out_ << "\n";
      continue;
    }
    if (HandleLine(line) == Next::kQuit) return;
  }
  out_ << "\n";  // Ctrl-D leaves; an unfinished statement is dropped, not run
}

void Repl::RunBatch(std::istream& in) {
  editor_ = nullptr;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // files written on Windows
    if (HandleLine(line) == Next::kQuit) return;
  }
  // The last statement may lack its `;` when the input ends.
  if (auto statement = splitter_.Finish()) RunStatement(*statement);
}

Repl::Next Repl::HandleLine(const std::string& line) {
  if (!splitter_.pending() && IsDotCommand(line)) {
    Remember(line);
    return RunDotCommand(line, splitter_.SkipLine());
  }
  for (const Statement& statement : splitter_.AddLine(line)) {
    Remember(OneLine(statement.text) + ";");
    RunStatement(statement);
  }
  return Next::kContinue;
}

// Before running: a statement that never returns is still in the history.
void Repl::Remember(const std::string& entry) {
  if (editor_ != nullptr) editor_->AddToHistory(entry);
}

void Repl::RunStatement(const Statement& statement) {
  const auto start = std::chrono::steady_clock::now();
  // Ctrl-C stops the statement, not the shell: it prints what it has.
  InterruptScope interrupt;
  QueryOptions options;
  options.cancel = interrupt.flag();
  auto result = RunQuery(store_, statement.text, options);
  if (!result.ok()) {
    Report(fmt::format("statement at line {}", statement.first_line), result.status());
    return;
  }
  PrintResult(*result, format_, colour_, out_);
  if (timer_) {
    const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    out_ << fmt::format("Run time: {:.3f} ms\n", elapsed.count());
  }
  out_.flush();
}

Repl::Next Repl::RunDotCommand(const std::string& line, int line_number) {
  auto command = ParseDotCommand(line);
  if (!command.ok()) {
    Report(fmt::format("line {}", line_number), command.status());
    return Next::kContinue;
  }
  switch (command->kind) {
    case DotCommandKind::kHelp:
      PrintHelp();
      break;
    case DotCommandKind::kStats:
      PrintStats();
      break;
    case DotCommandKind::kDocs:
      RunStatement(Statement{kDocumentsStatement, line_number});
      break;
    case DotCommandKind::kPredicates:
      RunStatement(Statement{kPredicatesStatement, line_number});
      break;
    case DotCommandKind::kFormat:
      if (command->argument.empty()) {
        out_ << "format: " << ResultFormatName(format_) << "\n";
      } else {
        ParseResultFormat(command->argument, &format_);  // the parser accepted only known names
      }
      break;
    case DotCommandKind::kTimer:
      if (command->argument.empty()) {
        out_ << "timer: " << (timer_ ? "on" : "off") << "\n";
      } else {
        timer_ = command->argument == "on";
      }
      break;
    case DotCommandKind::kQuit:
      return Next::kQuit;
  }
  out_.flush();
  return Next::kContinue;
}

void Repl::Report(const std::string& where, const Status& status) {
  failed_ = true;
  out_.flush();  // keep results and errors in input order on a shared terminal
  const std::string message = status.code() == Status::Code::kInvalidArgument ? status.message() : status.ToString();
  if (editor_ != nullptr) {
    err_ << (colour_ ? kRed : "") << "Error: " << (colour_ ? kReset : "") << message << "\n";
  } else {
    err_ << "kg: " << where << ": " << message << "\n";
  }
  err_.flush();
}

void Repl::PrintBanner() {
  auto stats = store_.GetStats();
  const std::string counts =
      stats.ok() ? fmt::format("{} documents, {} claims, {} entities", stats->documents, stats->claims, stats->entities)
                 : "counts unavailable: " + stats.status().message();
  out_ << (colour_ ? kBold : "") << "kg shell" << (colour_ ? kReset : "") << ": store " << db_path_ << " (" << counts
       << ", read-only)\n"
       << "Enter KGQL statements ending with ';'. Type .help for help, .quit or Ctrl-D to leave.\n";
}

void Repl::PrintHelp() {
  out_ << "Statements (end each with ';', they may span lines):\n"
          "  FIND ?x WHERE ?x competes_with Alibaba;     claims matching patterns\n"
          "  SOURCES OF ByteDance plans_capex ?amount;   the mentions behind claims\n"
          "  CONFLICTS;  DESCRIBE ByteDance;  ENTITIES LIKE 'Byte';  PREDICATES;  DOCUMENTS;\n"
          "  EXPLAIN FIND ...;                           how a query would run\n"
          "See docs/kgql.md for the whole language. Tab completes keywords, predicates and names.\n"
          "Commands:\n";
  for (const DotCommandSpec& spec : DotCommandSpecs()) {
    if (*spec.help == '\0') continue;
    std::string usage = std::string(".") + spec.name;
    for (size_t i = 0; i < spec.arguments.size(); ++i) usage += (i == 0 ? " " : "|") + std::string(spec.arguments[i]);
    out_ << fmt::format("  {:<24}{}\n", usage, spec.help);
  }
}

void Repl::PrintStats() {
  auto stats = store_.GetStats();
  if (!stats.ok()) {
    Report(".stats", stats.status());
    return;
  }
  QueryResult table;
  table.columns = {"statistic", "value"};
  const std::pair<const char*, uint64_t> rows[] = {
      {"documents", stats->documents}, {"claims", stats->claims},         {"mentions", stats->mentions},
      {"entities", stats->entities},   {"predicates", stats->predicates}, {"aliases", stats->aliases},
      {"terms", stats->terms},         {"disk_bytes", stats->disk_bytes}, {"format_version", stats->format_version},
  };
  for (const auto& [name, value] : rows) {
    table.rows.push_back({Value::OfString(name), Value::OfNumber(static_cast<int64_t>(value))});
  }
  PrintResult(table, format_, colour_, out_);
}

}  // namespace kg::shell
