// kg ingest's work, as a library: which files (paths, folders, manifests),
// with which metadata, extracted and written one document at a time, bad
// files reported and skipped, and a summary at the end.
#ifndef KG_INGEST_BATCH_H_
#define KG_INGEST_BATCH_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "ingest/rule_extractor.h"
#include "kg/store.h"

namespace kg::ingest {

struct InputFile {
  std::string path;
  Document meta;  // id, lang (may be empty: detected), published, source
};

struct BatchOptions {
  std::vector<std::string> paths;  // files and folders
  std::string manifest;            // a manifest file, or ""
  std::string lang;                // forces the language of every file
  std::string published;           // YYYY-MM-DD or YYYY-MM, for files without a manifest date
  std::string id;                  // the id of the single file given
};

// Reads a manifest: a TSV with a header naming its columns (id, path, lang,
// published, source; others ignored); paths are relative to its folder.
Result<std::vector<InputFile>> ReadManifest(const std::string& manifest);

// Every input the options name, in a stable order.
Result<std::vector<InputFile>> CollectInputs(const BatchOptions& options);

struct BatchSummary {
  uint64_t documents_new = 0, documents_unchanged = 0, documents_replaced = 0, documents_failed = 0;
  uint64_t sentences = 0, claims_new = 0, claims_merged = 0, conflicts = 0;
  bool interrupted = false;  // stopped early: the files after the last one reported were not read
  double seconds = 0;
  std::string ToString() const;
};

// Called after each file: index (1-based), total, path, error ("" when fine).
using BatchProgress = std::function<void(size_t, size_t, const std::string&, const Status&)>;

// Declares the rule data's predicates, then ingests every input; a failed
// file is reported through `progress` and nothing of it is written.
// Group commit: each document is one atomic but unsynced write, and the
// store is synced once at the end (also after failed files, and when
// `stop` becomes true, which ends the run after the current document). A
// power loss may lose the last documents; re-running the ingest redoes them.
Result<BatchSummary> RunBatch(Store& store, const RuleExtractor& extractor, const std::vector<InputFile>& inputs,
                              const BatchProgress& progress, const std::atomic<bool>* stop = nullptr);

}  // namespace kg::ingest

#endif  // KG_INGEST_BATCH_H_
