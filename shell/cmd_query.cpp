// kg query: run one KGQL statement against a store opened read-only and
// print the result as a table, JSON or CSV. Errors go to stderr with a
// non-zero exit status.
#include <iostream>
#include <iterator>
#include <memory>
#include <unistd.h>

#include "kg/query.h"
#include "shell/cli.h"
#include "shell/result_format.h"

namespace kg::cli {

namespace {

struct QueryArgs {
  std::string db;
  std::string format = "table";
  std::string text;
  uint64_t max_rows = 0;
  uint64_t timeout_ms = 0;
  bool colour = false;
};

void ReportQueryError(const Status& status) {
  std::cerr << "kg query: " << status.message() << "\n";
  SetExitCode(kExitFailed);
}

// A table's column widths need every row, so it is collected first.
void PrintTable(const Store& store, const std::string& text, const QueryOptions& options, bool colour) {
  auto result = RunQuery(store, text, options);
  if (!result.ok()) return ReportQueryError(result.status());
  shell::PrintResult(*result, shell::ResultFormat::kTable, colour, std::cout);
}

// JSON and CSV are written row by row as the query yields them: a large
// answer is never held whole in memory.
void Stream(const Store& store, const std::string& text, const QueryOptions& options, shell::ResultFormat format) {
  auto printer = shell::StreamingPrinter(format, std::cout);
  auto info = RunQuery(store, text, options, *printer);
  if (!info.ok()) return ReportQueryError(info.status());
  if (info->stopped_by == "visitor") {
    std::cerr << "kg query: writing the result failed after " << info->rows << " rows\n";
    SetExitCode(kExitFailed);
    return;
  }
  printer->Finish(info->stopped_by);
  if (!info->stopped_by.empty()) {
    std::cerr << "kg query: stopped by " << info->stopped_by << "; the result is incomplete\n";
  }
}

void RunQueryCommand(const QueryArgs& args) {
  shell::ResultFormat format;
  if (!shell::ParseResultFormat(args.format, &format)) {
    std::cerr << "kg query: unknown format '" << args.format << "' (table, json or csv)\n";
    SetExitCode(kExitUsage);
    return;
  }
  std::string text = args.text;
  if (text.empty() || text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});
  auto store = OpenOrReport(args.db, /*read_only=*/true);
  if (!store) return;
  QueryOptions options;
  options.max_rows = args.max_rows;
  options.timeout_ms = args.timeout_ms;
  if (format == shell::ResultFormat::kTable) {
    PrintTable(*store, text, options, args.colour && isatty(STDOUT_FILENO));
  } else {
    Stream(*store, text, options, format);
  }
}

}  // namespace

void RegisterQueryCommand(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "run a KGQL query (docs/kgql.md); '-' or nothing reads it from stdin");
  AddDbOption(cmd, &args->db);
  cmd->add_option("--format", args->format, "table, json or csv")->capture_default_str();
  cmd->add_option("--max-rows", args->max_rows, "stop after this many rows (0: no cap)");
  cmd->add_option("--timeout-ms", args->timeout_ms, "stop after this many milliseconds (0: no limit)");
  cmd->add_flag("--color,--colour", args->colour, "colour the table when writing to a terminal");
  cmd->add_option("query", args->text, "the query");
  cmd->callback([args] { RunQueryCommand(*args); });
}

}  // namespace kg::cli
