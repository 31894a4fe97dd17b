// kg import: RDF (N-Triples, N-Quads, Turtle) or claims JSON Lines into
// the store, with the file (and graph) as provenance; docs/rdf.md.
#include <iostream>

#include <unistd.h>

#include "export/claims_import.h"
#include "export/rdf_import.h"
#include "shell/cli.h"

namespace kg::cli {

namespace {

struct ImportArgs {
  std::string db;
  std::string format;  // "" = from the file's extension
  std::string base = ExportOptions{}.base_iri;
  bool strict = false;
  std::vector<std::string> files;
};

// "claims" or an RDF syntax, from --format or the extension.
bool FormatOf(const ImportArgs& args, const std::string& path, bool* claims, rdf::Syntax* syntax) {
  std::string name = args.format;
  if (name.empty()) {
    size_t dot = path.rfind('.');
    name = dot == std::string::npos ? "" : path.substr(dot + 1);
    if (name == "jsonl") name = "claims";
  }
  *claims = name == "claims";
  return *claims || rdf::ParseSyntaxName(name, syntax);
}

// Prints the problems and the summary; false when the file did not load.
bool Report(const std::string& path, const std::vector<std::string>& problems, bool strict, uint64_t read,
            uint64_t statements, uint64_t documents) {
  for (const std::string& problem : problems) std::cerr << "kg import: " << problem << "\n";
  if (strict && !problems.empty()) {
    std::cerr << "kg import: " << path << ": " << problems.size() << " problem(s); nothing loaded (--strict)\n";
    return false;
  }
  std::cout << path << ": " << read << " read, " << statements << " statements in " << documents << " documents";
  if (!problems.empty()) std::cout << ", " << problems.size() << " skipped";
  std::cout << "\n";
  return problems.empty();
}

// Progress of a large file on stderr, only when stderr is a terminal.
rdf::ImportProgress ProgressOnTerminal(const std::string& path) {
  if (!isatty(STDERR_FILENO)) return {};
  return [path](uint64_t done, uint64_t total, uint64_t triples) {
    const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    std::cerr << "\r" << path << ": " << triples << " triples read (" << percent << "%)" << (done >= total ? "\n" : "")
              << std::flush;
  };
}

bool ImportOne(Store& store, const ImportArgs& args, const std::string& path) {
  bool claims = false;
  rdf::Syntax syntax = rdf::Syntax::kNTriples;
  if (!FormatOf(args, path, &claims, &syntax)) {
    std::cerr << "kg import: " << path << ": unknown format (use --format nt, nq, ttl or claims)\n";
    SetExitCode(kExitUsage);
    return false;
  }
  if (claims) {
    std::string text;
    if (!rdf::ReadFileText(path, &text)) {
      std::cerr << "kg import: " << path << ": cannot read\n";
      return false;
    }
    auto report = ImportClaimsJsonl(store, text, path, args.strict);
    if (!report.ok()) {
      std::cerr << "kg import: " << report.status().ToString() << "\n";
      return false;
    }
    return Report(path, report->problems, args.strict, report->lines, report->mentions, report->documents);
  }
  rdf::ImportOptions options;
  options.syntax = syntax;
  options.base_iri = args.base;
  options.strict = args.strict;
  auto report = rdf::ImportRdfFile(store, path, options, ProgressOnTerminal(path));
  if (!report.ok()) {
    std::cerr << "kg import: " << report.status().ToString() << "\n";
    return false;
  }
  return Report(path, report->problems, args.strict, report->triples, report->claims, report->documents);
}

void Run(const ImportArgs& args) {
  auto store = OpenOrReport(args.db, false);
  if (!store) return;
  bool all_loaded = true;
  for (const std::string& path : args.files) all_loaded = ImportOne(*store, args, path) && all_loaded;
  if (!all_loaded && ExitCode() == kExitOk) SetExitCode(kExitFailed);
}

}  // namespace

void RegisterImportCommand(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand("import", "load RDF (.nt, .nq, .ttl) or claims JSON Lines (.jsonl)");
  AddDbOption(cmd, &args->db);
  cmd->add_option("--format", args->format, "nt, nq, ttl or claims (default: from the file extension)");
  cmd->add_option("--base", args->base, "base IRI the export minted its IRIs under")->capture_default_str();
  cmd->add_flag("--strict", args->strict, "load nothing from a file with a malformed statement");
  cmd->add_option("files", args->files, "files to load")->required();
  cmd->callback([args] { Run(*args); });
}

}  // namespace kg::cli
