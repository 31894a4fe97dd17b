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

#include <cstddef>
#include <cstdint>
#include <functional>
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
  // ImportRdfFile reads and parses a file in pieces of about this size.
  size_t chunk_bytes = 2 << 20;
};

struct ImportReport {
  uint64_t triples = 0;    // well-formed triples read
  uint64_t claims = 0;     // statements written (one per claim and mention)
  uint64_t documents = 0;  // documents written
  // "FILE:LINE: message", one per malformed statement or rejected term.
  std::vector<std::string> problems;
  bool bulk = false;  // written through the store's bulk loader
};

// `name` is the file name used in messages and for the file's document id
// (its name without directories and extension).
Result<ImportReport> ImportRdf(Store& store, const std::string& text, const std::string& name,
                               const ImportOptions& options);

// Called after each chunk of a file: bytes read, file size, triples so far.
using ImportProgress = std::function<void(uint64_t done, uint64_t total, uint64_t triples)>;

// Imports the file at `path`. An N-Triples or N-Quads file of plain data
// (no named graph, nothing of kgstore's own export vocabulary or base) is
// parsed in parallel chunks and written through the store's bulk loader,
// in bounded memory; any other file is read whole and goes through
// ImportRdf.
Result<ImportReport> ImportRdfFile(Store& store, const std::string& path, const ImportOptions& options,
                                   const ImportProgress& progress = {});

// The whole content of a file; false when it cannot be read.
bool ReadFileText(const std::string& path, std::string* text);

}  // namespace kg::rdf

#endif  // KG_EXPORT_RDF_IMPORT_H_
