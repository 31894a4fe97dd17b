// Loading RDF into a store (`kg import FILE.nt|.nq|.ttl`), docs/rdf.md.
//
// What kgstore's own export wrote comes back as it was: claim nodes become
// claims with their mentions, document nodes documents, predicate nodes
// declarations, language-tagged labels of entities aliases. Every other
// triple becomes a claim of its own whose provenance is the file (or, in
// N-Quads, its graph): one document per file or graph, one mention per
// triple with the line number as sentence and the statement's byte span.
#ifndef KG_EXPORT_RDF_IMPORT_H_
#define KG_EXPORT_RDF_IMPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "export/rdf_reader.h"
#include "kg/export.h"
#include "kg/status.h"
#include "kg/store.h"

namespace kg::rdf {

struct ImportOptions {
  Syntax syntax = Syntax::kNTriples;
  // The base the export minted IRIs under; its IRIs turn back into ids.
  std::string base_iri = ExportOptions{}.base_iri;
  // With strict, one malformed statement loads nothing.
  bool strict = false;
};

struct ImportReport {
  uint64_t triples = 0;    // well-formed triples read
  uint64_t claims = 0;     // statements written (one per claim and mention)
  uint64_t documents = 0;  // documents written
  // "FILE:LINE: message", one per malformed statement or rejected term.
  std::vector<std::string> problems;
};

// `name` is the file name used in messages and for the file's document id
// (its name without directories and extension).
Result<ImportReport> ImportRdf(Store& store, const std::string& text, const std::string& name,
                               const ImportOptions& options);

}  // namespace kg::rdf

#endif  // KG_EXPORT_RDF_IMPORT_H_
