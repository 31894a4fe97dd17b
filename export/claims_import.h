// Loading claims JSON Lines (the contract of docs/claims.md) into a store,
// with their provenance: `kg import --format claims FILE.jsonl`. An outside
// extractor feeds the store this way, and export -> import -> export of
// claims is the identity.
#ifndef KG_EXPORT_CLAIMS_IMPORT_H_
#define KG_EXPORT_CLAIMS_IMPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kg/status.h"
#include "kg/store.h"

namespace kg {

struct ClaimsImportReport {
  uint64_t lines = 0;       // claim lines read
  uint64_t mentions = 0;    // statements written, one per source
  uint64_t documents = 0;   // documents written
  std::vector<std::string> problems;  // "FILE:LINE: message"
};

// Statements are grouped per document (the store replaces a document's
// mentions as a whole); a document the store already holds keeps its
// metadata. With strict, one bad line loads nothing.
Result<ClaimsImportReport> ImportClaimsJsonl(Store& store, const std::string& text, const std::string& name,
                                             bool strict);

}  // namespace kg

#endif  // KG_EXPORT_CLAIMS_IMPORT_H_
