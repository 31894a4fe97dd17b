// The serialisers: exact N-Triples / N-Quads lines, Turtle grouping and
// prefixes, TriG graph blocks and Turtle 1.2 triple terms.
#include "export/rdf_writer.h"

#include <sstream>

#include <gtest/gtest.h>

namespace kg::rdf {
namespace {

const std::string kEx = "http://example.org/";

Quad Q(Node s, Node p, Node o, Node g = Node::Iri("")) { return Quad{std::move(s), std::move(p), std::move(o), std::move(g)}; }

std::string WriteAll(ExportFormat format, const std::vector<Quad>& quads) {
  std::ostringstream out;
  auto writer = MakeRdfWriter(format, out, {{"ex", kEx}, {"xsd", kXsd}, {"rdf", kRdf}});
  for (const Quad& quad : quads) writer->Write(quad);
  writer->Finish();
  return out.str();
}

TEST(NTriplesWriter, WritesOneEscapedLinePerTriple) {
  std::string text = WriteAll(ExportFormat::kNTriples,
                              {Q(Node::Iri(kEx + "a b"), Node::Iri(kEx + "p"), Node::Literal("say \"hi\"\n", "", "en")),
                               Q(Node::Blank("x"), Node::Iri(kEx + "p"), Node::Literal("5", std::string(kXsd) + "decimal"))});
  EXPECT_EQ(text,
            "<http://example.org/a%20b> <http://example.org/p> \"say \\\"hi\\\"\\n\"@en .\n"
            "_:x <http://example.org/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n");
}

TEST(NQuadsWriter, AddsTheGraphOnlyOutsideTheDefaultGraph) {
  std::string text = WriteAll(ExportFormat::kNQuads,
                              {Q(Node::Iri(kEx + "a"), Node::Iri(kEx + "p"), Node::Literal("")),
                               Q(Node::Iri(kEx + "a"), Node::Iri(kEx + "p"), Node::Literal(""), Node::Iri(kEx + "g"))});
  EXPECT_EQ(text,
            "<http://example.org/a> <http://example.org/p> \"\" .\n"
            "<http://example.org/a> <http://example.org/p> \"\" <http://example.org/g> .\n");
}

TEST(TurtleWriter, GroupsBySubjectAndPredicateAndAbbreviates) {
  std::string text = WriteAll(ExportFormat::kTurtle,
                              {Q(Node::Iri(kEx + "a"), Node::Iri(std::string(kRdf) + "type"), Node::Iri(kEx + "T")),
                               Q(Node::Iri(kEx + "a"), Node::Iri(kEx + "p"), Node::Literal("1", std::string(kXsd) + "decimal")),
                               Q(Node::Iri(kEx + "a"), Node::Iri(kEx + "p"), Node::Literal("x", "", "hi")),
                               Q(Node::Iri(kEx + "b c"), Node::Iri(kEx + "p"), Node::Iri(kEx + "बीजिंग"))});
  EXPECT_EQ(text,
            "@prefix ex: <http://example.org/> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
            "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n\n"
            "ex:a a ex:T ;\n"
            "  ex:p \"1\"^^xsd:decimal,\n"
            "    \"x\"@hi .\n"
            "<http://example.org/b%20c> ex:p ex:बीजिंग .\n");
}

TEST(TurtleWriter, FallsBackToFullIrisForUnsafeLocalNames) {
  std::string text = WriteAll(ExportFormat::kTurtle, {Q(Node::Iri(kEx + "a/b"), Node::Iri(kEx + "p.q"), Node::Iri(kEx + "-x"))});
  EXPECT_NE(text.find("<http://example.org/a/b> <http://example.org/p.q> <http://example.org/-x> .\n"), std::string::npos);
}

TEST(TriGWriter, OpensAGraphBlockPerNamedGraphRun) {
  std::string text = WriteAll(ExportFormat::kTriG,
                              {Q(Node::Iri(kEx + "a"), Node::Iri(kEx + "p"), Node::Iri(kEx + "b")),
                               Q(Node::Iri(kEx + "a"), Node::Iri(kEx + "p"), Node::Iri(kEx + "b"), Node::Iri(kEx + "g1")),
                               Q(Node::Iri(kEx + "c"), Node::Iri(kEx + "p"), Node::Iri(kEx + "b"), Node::Iri(kEx + "g1")),
                               Q(Node::Iri(kEx + "a"), Node::Iri(kEx + "p"), Node::Iri(kEx + "b"))});
  std::string body = text.substr(text.find("\n\n") + 2);
  EXPECT_EQ(body,
            "ex:a ex:p ex:b .\n"
            "ex:g1 {\n"
            "  ex:a ex:p ex:b .\n"
            "  ex:c ex:p ex:b .\n"
            "}\n"
            "ex:a ex:p ex:b .\n");
}

TEST(Turtle12Writer, WritesTripleTerms) {
  Node triple = Node::TripleTerm(Node::Iri(kEx + "s"), Node::Iri(kEx + "p"), Node::Literal("o"));
  std::string text = WriteAll(ExportFormat::kTurtle12,
                              {Q(Node::Iri(kEx + "c"), Node::Iri(std::string(kRdf) + "reifies"), triple)});
  EXPECT_NE(text.find("ex:c rdf:reifies <<( ex:s ex:p \"o\" )>> .\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace kg::rdf
