#include "ingest/batch.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

namespace kg::ingest {

namespace {

namespace fs = std::filesystem;

constexpr const char* kManifestName = "manifest.tsv";

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) {
    if (!field.empty() && field.back() == '\r') field.pop_back();
    fields.push_back(field);
  }
  return fields;
}

bool ValidDate(const std::string& date) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) if (i >= date.size() || !std::isdigit(static_cast<unsigned char>(date[i]))) return false;
    return true;
  };
  if (date.size() == 7) return digits(0, 4) && date[4] == '-' && digits(5, 2);
  if (date.size() == 10) return digits(0, 4) && date[4] == '-' && digits(5, 2) && date[7] == '-' && digits(8, 2);
  return false;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

InputFile PlainFile(const fs::path& path) {
  InputFile file;
  file.path = path.string();
  file.meta.id = path.stem().string();
  return file;
}

}  // namespace

Result<std::vector<InputFile>> ReadManifest(const std::string& manifest) {
  std::ifstream in(manifest);
  if (!in) return Status::IOError(manifest + ": cannot read the manifest");
  std::string line;
  if (!std::getline(in, line)) return Status::InvalidArgument(manifest + ": empty manifest");
  std::map<std::string, size_t> column;
  auto header = SplitTabs(line);
  for (size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  if (!column.count("path")) return Status::InvalidArgument(manifest + ":1: the header has no 'path' column");
  fs::path folder = fs::path(manifest).parent_path();
  std::vector<InputFile> files;
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line == "\r") continue;
    auto fields = SplitTabs(line);
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it != column.end() && it->second < fields.size() ? fields[it->second] : "";
    };
    std::string where = manifest + ":" + std::to_string(number);
    if (get("path").empty()) return Status::InvalidArgument(where + ": no path");
    InputFile file = PlainFile(folder / get("path"));
    if (!get("id").empty()) file.meta.id = get("id");
    file.meta.lang = get("lang");
    file.meta.published = get("published");
    file.meta.source = get("source");
    if (!file.meta.published.empty() && !ValidDate(file.meta.published)) {
      return Status::InvalidArgument(where + ": published must be YYYY-MM-DD or YYYY-MM, not '" + file.meta.published + "'");
    }
    files.push_back(std::move(file));
  }
  return files;
}

Result<std::vector<InputFile>> CollectInputs(const BatchOptions& options) {
  std::vector<InputFile> files;
  auto append = [&](Result<std::vector<InputFile>> more) -> Status {
    if (!more.ok()) return more.status();
    for (auto& f : *more) files.push_back(std::move(f));
    return Status::OK();
  };
  if (!options.published.empty() && !ValidDate(options.published)) {
    return Status::InvalidArgument("--published must be YYYY-MM-DD or YYYY-MM, not '" + options.published + "'");
  }
  if (!options.manifest.empty()) KG_RETURN_IF_ERROR(append(ReadManifest(options.manifest)));
  for (const auto& path : options.paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      if (fs::exists(fs::path(path) / kManifestName)) {
        KG_RETURN_IF_ERROR(append(ReadManifest((fs::path(path) / kManifestName).string())));
        continue;
      }
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(path, ec); it != fs::recursive_directory_iterator(); ++it) {
        if (it->is_regular_file() && it->path().filename().string()[0] != '.') found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      for (const auto& p : found) files.push_back(PlainFile(p));
    } else {
      files.push_back(PlainFile(path));  // a missing file fails when it is read, as one bad input
    }
  }
  if (!options.id.empty()) {
    if (files.size() != 1) return Status::InvalidArgument("--id needs exactly one input file");
    files[0].meta.id = options.id;
  }
  for (auto& f : files) {
    if (!options.lang.empty()) f.meta.lang = options.lang;
    if (f.meta.published.empty()) f.meta.published = options.published;
  }
  return files;
}

std::string BatchSummary::ToString() const {
  return fmt::format(
      "documents: {} new, {} unchanged, {} replaced, {} failed\n"
      "sentences: {}\nclaims: {} new, {} merged\nconflicts: {}\nseconds: {:.2f}\n{}",
      documents_new, documents_unchanged, documents_replaced, documents_failed, sentences, claims_new, claims_merged,
      conflicts, seconds, interrupted ? "interrupted: the remaining files were not ingested\n" : "");
}

namespace {

// Reads, extracts and writes one file (unsynced), counting into `summary`.
Status IngestOne(Store& store, const RuleExtractor& extractor, const InputFile& file, BatchSummary* summary) {
  auto text = ReadFile(file.path);
  if (!text.ok()) return text.status();
  ExtractStats stats;
  auto input = extractor.Extract(*text, file.meta, &stats);
  if (!input.ok()) return input.status();
  auto added = store.AddDocument(*input, WriteOptions{.sync = false});
  if (!added.ok()) return added.status();
  summary->sentences += stats.sentences;
  summary->claims_new += added->claims_new;
  summary->claims_merged += added->claims_merged;
  switch (added->outcome) {
    case AddOutcome::kNew: ++summary->documents_new; break;
    case AddOutcome::kUnchanged: ++summary->documents_unchanged; break;
    case AddOutcome::kReplaced: ++summary->documents_replaced; break;
  }
  return Status::OK();
}

}  // namespace

Result<BatchSummary> RunBatch(Store& store, const RuleExtractor& extractor, const std::vector<InputFile>& inputs,
                              const BatchProgress& progress, const std::atomic<bool>* stop) {
  auto started = std::chrono::steady_clock::now();
  for (const auto& [name, spec] : extractor.data().predicates()) KG_RETURN_IF_ERROR(store.DeclarePredicate(spec.info));
  BatchSummary summary;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (stop != nullptr && stop->load()) {
      summary.interrupted = true;
      break;
    }
    Status status = IngestOne(store, extractor, inputs[i], &summary);
    if (!status.ok()) ++summary.documents_failed;
    if (progress) progress(i + 1, inputs.size(), inputs[i].path, status);
  }
  KG_RETURN_IF_ERROR(store.Sync());
  auto conflicts = store.Conflicts(std::nullopt, std::nullopt);
  if (conflicts.ok()) summary.conflicts = conflicts->size();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace kg::ingest
