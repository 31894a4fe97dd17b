// Shared by the RDF tests: a small store written through the Store API
// with the hard cases (quotes, newlines, Devanagari, emoji, spaces in ids,
// an empty literal), the number of triples the mapping must produce for a
// store, computed from the store alone, and helpers to run the exports and
// outside parsers.
#ifndef KG_TESTS_RDF_RDF_FIXTURE_H_
#define KG_TESTS_RDF_RDF_FIXTURE_H_

#include <cstdint>
#include <string>

#include "kg/export.h"
#include "kg/store.h"

namespace kg::testing {

// Fills an empty store with the sample documents, claims and aliases.
void BuildSampleStore(Store& store);

// Triples (for N-Quads and TriG: quads, counting each named-graph copy)
// that docs/rdf.md says the export of `store` in `format` holds.
uint64_t ExpectedStatementCount(const Store& store, ExportFormat format);

// The export of `store` as text; fails the test on an error.
std::string ExportText(const Store& store, ExportFormat format,
                       const std::string& base = ExportOptions{}.base_iri);

// The lines of `text`, sorted, empty ones dropped: canonical N-Quads.
std::string SortedLines(const std::string& text);

// Runs a shell command; returns its exit status and sets *output to its
// standard output and error together.
int RunCommand(const std::string& command, std::string* output);

// Writes `text` to `path`.
void WriteFile(const std::string& path, const std::string& text);

}  // namespace kg::testing

#endif  // KG_TESTS_RDF_RDF_FIXTURE_H_
