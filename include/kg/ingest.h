// Ingestion: articles in, claims with provenance out.
//
// Extraction is rule-based and data-driven: lexicons, cue words and patterns
// live in per-language data files (see docs/ingest.md), so a user extends
// them without recompiling.
#ifndef KG_INGEST_H_
#define KG_INGEST_H_

#include <memory>
#include <string>

#include "kg/model.h"
#include "kg/status.h"
#include "kg/store.h"

namespace kg {

// Where the rule data lives when no directory is given: $KG_RULES_DIR, then
// the installed share/kgstore/ingest, then the source tree of this build.
std::string DefaultRulesDir();

class Extractor {
 public:
  // Loads every data file under `rules_dir`; a malformed file is an
  // InvalidArgument naming the file and line.
  static Result<std::unique_ptr<Extractor>> Load(const std::string& rules_dir);
  virtual ~Extractor();

  // Extracts claims from one document's text. `meta.lang` may be empty: the
  // language is then detected. `meta.published` resolves relative times.
  // Fails (nothing extracted) on invalid UTF-8, binary data or an unknown
  // language, naming the byte offset where it applies.
  virtual Result<DocumentInput> Extract(const std::string& text, const Document& meta) const = 0;

 protected:
  Extractor() = default;
};

}  // namespace kg

#endif  // KG_INGEST_H_
