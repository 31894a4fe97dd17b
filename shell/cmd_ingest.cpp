// kg ingest: articles (files, folders, manifests) into the store.
#include <unistd.h>

#include <iostream>

#include "ingest/batch.h"
#include "shell/cli.h"
#include "shell/interrupt.h"

namespace kg::cli {

namespace {

struct IngestArgs {
  std::string db;
  ingest::BatchOptions batch;
  std::string rules;
};

// A progress bar on a terminal; errors always, one line per bad file.
void Report(size_t done, size_t total, const std::string& path, const Status& status, bool bar) {
  if (bar) std::cerr << "\r\033[K";
  if (!status.ok()) std::cerr << "kg: " << path << ": " << status.message() << "\n";
  if (bar && done < total) {
    constexpr size_t kWidth = 30;
    size_t filled = total == 0 ? kWidth : done * kWidth / total;
    std::cerr << "[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] " << done << "/" << total
              << std::flush;
  }
}

void Run(const IngestArgs& args) {
  if (args.batch.paths.empty() && args.batch.manifest.empty()) {
    std::cerr << "kg ingest: give files, folders or --manifest FILE.tsv\n";
    SetExitCode(kExitUsage);
    return;
  }
  auto inputs = ingest::CollectInputs(args.batch);
  if (!inputs.ok()) {
    std::cerr << "kg ingest: " << inputs.status().message() << "\n";
    SetExitCode(kExitUsage);
    return;
  }
  auto extractor = ingest::RuleExtractor::Create(args.rules.empty() ? DefaultRulesDir() : args.rules);
  if (!extractor.ok()) {
    std::cerr << "kg ingest: rule data: " << extractor.status().message() << "\n";
    SetExitCode(kExitUsage);
    return;
  }
  auto store = OpenOrReport(args.db, false);
  if (!store) return;
  bool bar = isatty(STDERR_FILENO) && inputs->size() > 1;
  // Ctrl-C ends the run after the current document; what was written is
  // then synced, so the store keeps every document ingested so far.
  shell::InterruptScope interrupt;
  auto summary = ingest::RunBatch(
      *store, **extractor, *inputs,
      [bar](size_t done, size_t total, const std::string& path, const Status& status) { Report(done, total, path, status, bar); },
      interrupt.flag());
  if (!summary.ok()) {
    std::cerr << "kg ingest: " << summary.status().ToString() << "\n";
    SetExitCode(kExitFailed);
    return;
  }
  std::cout << summary->ToString();
  if (summary->documents_failed > 0 || summary->interrupted) SetExitCode(kExitFailed);
}

}  // namespace

void RegisterIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "extract claims from articles into the store");
  AddDbOption(cmd, &args->db);
  cmd->add_option("paths", args->batch.paths, "files and folders (a folder with a manifest.tsv uses it)");
  cmd->add_option("--manifest", args->batch.manifest, "TSV manifest: id, path, lang, published, source");
  cmd->add_option("--lang", args->batch.lang, "language of every file: en, it, hi (default: detected)");
  cmd->add_option("--published", args->batch.published, "publication date YYYY-MM-DD or YYYY-MM");
  cmd->add_option("--id", args->batch.id, "document id of the single file given");
  cmd->add_option("--rules", args->rules, "rule data directory (default: $KG_RULES_DIR or the installed data)");
  cmd->callback([args] { Run(*args); });
}

}  // namespace kg::cli
