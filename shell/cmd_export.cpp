// kg export: the store's claims as JSON Lines (or, once available, RDF).
#include <fstream>
#include <iostream>

#include "kg/export.h"
#include "shell/cli.h"

namespace kg::cli {

namespace {

struct ExportArgs {
  std::string db;
  std::string format = "claims";
  std::string output;
  std::string base = ExportOptions{}.base_iri;
};

void Run(const ExportArgs& args) {
  ExportOptions options;
  options.base_iri = args.base;
  if (!ParseExportFormat(args.format, &options.format)) {
    std::cerr << "kg export: unknown format '" << args.format << "' (claims, nt, ttl, nq, trig, ttl12)\n";
    SetExitCode(kExitUsage);
    return;
  }
  auto store = OpenOrReport(args.db, true);
  if (!store) return;
  std::ofstream file;
  if (!args.output.empty()) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "kg export: cannot write " << args.output << "\n";
      SetExitCode(kExitFailed);
      return;
    }
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  Status status = Export(*store, options, out);
  out.flush();
  if (!status.ok() || !out) {
    std::cerr << "kg export: " << (status.ok() ? "write failed" : status.ToString()) << "\n";
    SetExitCode(kExitFailed);
  }
}

}  // namespace

void RegisterExportCommand(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "write the store's claims (JSON Lines) or RDF");
  AddDbOption(cmd, &args->db);
  cmd->add_option("--format", args->format, "claims, nt, ttl, nq, trig or ttl12")->capture_default_str();
  cmd->add_option("-o,--output", args->output, "output file (default: standard output)");
  cmd->add_option("--base", args->base, "base IRI of the RDF formats' minted IRIs")->capture_default_str();
  cmd->callback([args] { Run(*args); });
}

}  // namespace kg::cli
