// Streaming RDF serialisers: N-Triples, N-Quads, Turtle, TriG and Turtle
// 1.2. Each triple is written as it arrives; the Turtle family only
// remembers the current graph, subject and predicate to group with ";"
// and ",", so memory stays flat whatever is written.
#ifndef KG_EXPORT_RDF_WRITER_H_
#define KG_EXPORT_RDF_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "export/rdf_terms.h"
#include "kg/export.h"

namespace kg::rdf {

struct Prefix {
  std::string name;       // "" for the empty prefix ":"
  std::string namespace_iri;
};

class RdfWriter {
 public:
  virtual ~RdfWriter() = default;
  // Quads outside the default graph are an error for triple formats; ask
  // HasGraphs() first.
  virtual void Write(const Quad& quad) = 0;
  // Closes what is open; call once at the end.
  virtual void Finish() = 0;
  virtual bool HasGraphs() const = 0;
};

// `format` is any RDF format (not kClaims). Turtle and TriG declare
// `prefixes` up front and abbreviate IRIs with them.
std::unique_ptr<RdfWriter> MakeRdfWriter(ExportFormat format, std::ostream& out,
                                         const std::vector<Prefix>& prefixes);

// One term in N-Triples / N-Quads syntax (shared by the line formats and
// by tests that build expected output).
std::string NTriplesNode(const Node& node);

}  // namespace kg::rdf

#endif  // KG_EXPORT_RDF_WRITER_H_
