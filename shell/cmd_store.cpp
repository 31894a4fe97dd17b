// kg stats | check | docs | remove: looking after the store itself.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "shell/cli.h"

namespace kg::cli {

namespace {

// Prints a failed Status the way every kg command does and sets the exit code.
void ReportFailure(const std::string& db, const Status& status) {
  fmt::print(stderr, "kg: {}: {}\n", db, status.ToString());
  SetExitCode(kExitFailed);
}

void RunStats(const std::string& db) {
  auto store = OpenOrReport(db, /*read_only=*/true);
  if (!store) return;
  auto stats = store->GetStats();
  if (!stats.ok()) return ReportFailure(db, stats.status());
  auto predicates = store->Predicates();
  if (!predicates.ok()) return ReportFailure(db, predicates.status());
  const std::pair<const char*, uint64_t> rows[] = {
      {"documents", stats->documents}, {"claims", stats->claims},         {"mentions", stats->mentions},
      {"terms", stats->terms},         {"entities", stats->entities},     {"predicates", stats->predicates},
      {"aliases", stats->aliases},     {"disk bytes", stats->disk_bytes}, {"format version", stats->format_version}};
  for (auto [name, value] : rows) fmt::print("{:<16}{}\n", name, value);
  if (predicates->empty()) return;
  fmt::print("\nclaims per predicate\n");
  for (const auto& [name, count] : *predicates) fmt::print("  {:<24}{}\n", name, count);
}

void RunCheck(const std::string& db) {
  auto store = OpenOrReport(db, /*read_only=*/true);
  if (!store) return;
  auto report = store->Check();
  if (!report.ok()) return ReportFailure(db, report.status());
  if (report->ok()) {
    fmt::print("ok: {} entries checked, no problems\n", report->entries_checked);
    return;
  }
  for (const std::string& problem : report->problems) fmt::print("problem: {}\n", problem);
  fmt::print("{} problems in {} entries checked\n", report->problems.size(), report->entries_checked);
  SetExitCode(kExitFailed);
}

void RunDocs(const std::string& db) {
  auto store = OpenOrReport(db, /*read_only=*/true);
  if (!store) return;
  auto documents = store->Documents();
  if (!documents.ok()) return ReportFailure(db, documents.status());
  fmt::print("{:<28} {:<5} {:<11} {:>9}  {}\n", "id", "lang", "published", "bytes", "title");
  for (const Document& d : *documents) {
    fmt::print("{:<28} {:<5} {:<11} {:>9}  {}\n", d.id, d.lang, d.published, d.size, d.title);
  }
  fmt::print("{} documents\n", documents->size());
}

void RunRemove(const std::string& db, const std::string& doc_id) {
  auto store = OpenOrReport(db, /*read_only=*/false);
  if (!store) return;
  Status status = store->RemoveDocument(doc_id);
  if (!status.ok()) return ReportFailure(db, status);
  fmt::print("removed {}\n", doc_id);
}

}  // namespace

void RegisterStoreCommands(CLI::App& app) {
  // The options outlive parsing: the callbacks run after it.
  auto db = std::make_shared<std::string>();
  auto doc_id = std::make_shared<std::string>();

  CLI::App* stats = app.add_subcommand("stats", "Counts of documents, claims, terms; claims per predicate");
  AddDbOption(stats, db.get());
  stats->callback([db] { RunStats(*db); });

  CLI::App* check = app.add_subcommand("check", "Verify every index entry against the claims; exit 1 on problems");
  AddDbOption(check, db.get());
  check->callback([db] { RunCheck(*db); });

  CLI::App* docs = app.add_subcommand("docs", "List the stored documents");
  AddDbOption(docs, db.get());
  docs->callback([db] { RunDocs(*db); });

  CLI::App* remove = app.add_subcommand("remove", "Remove a document and retract its claims");
  AddDbOption(remove, db.get());
  remove->add_option("doc_id", *doc_id, "id of the document to remove")->required();
  remove->callback([db, doc_id] { RunRemove(*db, *doc_id); });
}

}  // namespace kg::cli
