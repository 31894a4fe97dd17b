// Reading RDF text: N-Triples, N-Quads and Turtle into quads, each with the
// line it stands on (the line of its object) and that line's byte span. A malformed statement
// is reported with its line and skipped; reading goes on with the next.
//
// Turtle support: @prefix/@base and PREFIX/BASE, prefixed names (with
// escapes), relative IRIs, "a", ";" and ",", blank node labels, [] and
// [ p o ] blank nodes, collections ( ... ), short and long strings in both
// quotes, language tags, datatypes, and bare integers, decimals, doubles
// and booleans. Not supported: RDF 1.2 triple terms and annotations.
#ifndef KG_EXPORT_RDF_READER_H_
#define KG_EXPORT_RDF_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "export/rdf_terms.h"

namespace kg::rdf {

enum class Syntax { kNTriples, kNQuads, kTurtle };

// "nt", "nq", "ttl" (and "ntriples", "nquads", "turtle"); false otherwise.
bool ParseSyntaxName(std::string_view name, Syntax* syntax);
// By file extension: .nt, .nq, .ttl; false when it is none of them.
bool SyntaxFromFileName(std::string_view path, Syntax* syntax);

struct ReadQuad {
  Quad quad;
  uint32_t line = 0;   // 1-based line of the object
  uint32_t start = 0;  // byte span [start, end) of that line, without
  uint32_t end = 0;    //   its line break
};

struct ReadError {
  uint32_t line = 0;  // 1-based
  std::string message;
};

// Calls `on_quad` for every quad of every well-formed statement, in order,
// and returns one ReadError per malformed statement. `base_iri` resolves
// relative IRIs in Turtle.
std::vector<ReadError> ReadRdf(std::string_view text, Syntax syntax, const std::string& base_iri,
                               const std::function<void(const ReadQuad&)>& on_quad);

// One N-Triples line in its most common shape: `<iri> <iri> object .`
// with an IRI or a literal (plain, @lang or ^^<iri>) object, no escapes,
// no blank nodes, no comment after the dot. The spans point into the line.
struct SimpleTriple {
  std::string_view subject;
  std::string_view predicate;
  std::string_view object;  // an IRI, or a literal's lexical form
  std::string_view datatype;  // literals only; "" for none
  std::string_view lang;  // literals only
  bool object_is_literal = false;
};

enum class LineShape {
  kNothing,  // blank or a comment
  kSimple,  // *triple holds the statement
  kOther,  // anything else: ReadRdf reads it (or reports it)
};

// What a line (without its line break) holds, in the shape ReadRdf would
// read the same line into: kSimple only when ReadRdf would give exactly
// that triple. Copies nothing.
LineShape ScanSimpleLine(std::string_view line, SimpleTriple* triple);

}  // namespace kg::rdf

#endif  // KG_EXPORT_RDF_READER_H_
