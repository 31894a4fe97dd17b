// Reading N-Triples, N-Quads and Turtle: terms, escapes, line numbers of
// malformed statements, and what the writers write reads back unchanged.
#include "export/rdf_reader.h"

#include <sstream>

#include <gtest/gtest.h>

#include "export/rdf_writer.h"

namespace kg::rdf {
namespace {

const std::string kEx = "http://example.org/";

struct ReadOutcome {
  std::vector<ReadQuad> quads;
  std::vector<ReadError> errors;
};

ReadOutcome Read(const std::string& text, Syntax syntax) {
  ReadOutcome outcome;
  outcome.errors = ReadRdf(text, syntax, "http://example.org/base/doc", [&](const ReadQuad& q) { outcome.quads.push_back(q); });
  return outcome;
}

TEST(NTriplesReader, ReadsTermsWithEscapesAndSpans) {
  std::string line1 = "<http://example.org/a> <http://example.org/p> \"tab\\there \\u00E9 \\U0001F600\"@en .";
  std::string line2 = "_:b1 <http://example.org/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .";
  auto outcome = Read(line1 + "\n# comment\n\n" + line2 + "\n", Syntax::kNTriples);
  ASSERT_TRUE(outcome.errors.empty());
  ASSERT_EQ(outcome.quads.size(), 2u);
  EXPECT_EQ(outcome.quads[0].quad.object, Node::Literal("tab\there é 😀", "", "en"));
  EXPECT_EQ(outcome.quads[0].line, 1u);
  EXPECT_EQ(outcome.quads[0].start, 0u);
  EXPECT_EQ(outcome.quads[0].end, line1.size());
  EXPECT_EQ(outcome.quads[1].quad.subject, Node::Blank("b1"));
  EXPECT_EQ(outcome.quads[1].quad.object.datatype, std::string(kXsd) + "integer");
  EXPECT_EQ(outcome.quads[1].line, 4u);
  EXPECT_TRUE(outcome.quads[1].quad.InDefaultGraph());
}

TEST(NTriplesReader, ReportsMalformedLinesAndKeepsTheRest) {
  auto outcome = Read(
      "<http://example.org/a> <http://example.org/p> \"ok\" .\n"
      "<http://example.org/a> <http://example.org/p> \"unterminated .\n"
      "<relative> <http://example.org/p> \"x\" .\n"
      "<http://example.org/a> <http://example.org/p> \"x\"\n"
      "<http://example.org/b> <http://example.org/p> \"ok\" .\n",
      Syntax::kNTriples);
  ASSERT_EQ(outcome.quads.size(), 2u);
  ASSERT_EQ(outcome.errors.size(), 3u);
  EXPECT_EQ(outcome.errors[0].line, 2u);
  EXPECT_EQ(outcome.errors[1].line, 3u);
  EXPECT_EQ(outcome.errors[2].line, 4u);
  EXPECT_NE(outcome.errors[0].message.find("unterminated"), std::string::npos);
}

// ScanSimpleLine takes a line only when ReadRdf reads that line into the
// same one triple (or into nothing): every other line is left to ReadRdf.
TEST(SimpleLineScan, AgreesWithTheReaderOrLeavesTheLineToIt) {
  const std::string xsd = kXsd;
  const std::vector<std::pair<std::string, LineShape>> lines = {
      {"<http://e.org/a> <http://e.org/p> <http://e.org/b> .", LineShape::kSimple},
      {"  <http://e.org/a>\t<http://e.org/p>   \"x y\"@en-GB .  \r", LineShape::kSimple},
      {"<http://e.org/a><http://e.org/p>\"tight\".", LineShape::kSimple},
      {"<http://e.org/a> <http://e.org/p> \"it's\" .", LineShape::kSimple},
      {"<http://e.org/a> <http://e.org/p> \"\" .", LineShape::kSimple},
      {"<http://e.org/caf\xC3\xA9> <http://e.org/p> \"Cafe\xCC\x81\" .", LineShape::kSimple},
      {"<http://e.org/a> <http://e.org/p> \"5\"^^<" + xsd + "integer> .", LineShape::kSimple},
      {"", LineShape::kNothing},
      {"   \r", LineShape::kNothing},
      {"# a comment", LineShape::kNothing},
      {"  # an indented comment", LineShape::kNothing},
      {"<http://e.org/a> <http://e.org/p> \"caf\\u00E9\" .", LineShape::kOther},
      {"<http://e.org/\\u00E9> <http://e.org/p> \"x\" .", LineShape::kOther},
      {"_:b1 <http://e.org/p> \"blank\" .", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> _:b2 .", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> \"x\"@en_GB .", LineShape::kOther},
      {"<relative> <http://e.org/p> \"x\" .", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> \"unterminated .", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> \"x\"", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> \"x\" . # trailing", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> \"x\" . extra", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> \"x\"^^ <" + xsd + "integer> .", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> \"a\rb\" .", LineShape::kOther},
      {"<http://e.org/a> <http://e.org/p> <http://e.org/b> <http://e.org/g> .", LineShape::kOther},
      {"<http://e.org/a b> <http://e.org/p> <http://e.org/b> .", LineShape::kOther},
  };
  for (const auto& [line, expected] : lines) {
    SimpleTriple triple;
    EXPECT_EQ(ScanSimpleLine(line, &triple), expected) << line;
    auto outcome = Read(line, Syntax::kNTriples);
    if (expected == LineShape::kNothing) {
      EXPECT_TRUE(outcome.quads.empty() && outcome.errors.empty()) << line;
    }
    if (expected != LineShape::kSimple) continue;
    ASSERT_EQ(outcome.quads.size(), 1u) << line;
    const Quad& q = outcome.quads[0].quad;
    EXPECT_EQ(q.subject, Node::Iri(std::string(triple.subject))) << line;
    EXPECT_EQ(q.predicate, Node::Iri(std::string(triple.predicate))) << line;
    const Node object = triple.object_is_literal ? Node::Literal(std::string(triple.object), std::string(triple.datatype),
                                                                 std::string(triple.lang))
                                                 : Node::Iri(std::string(triple.object));
    EXPECT_EQ(q.object, object) << line;
  }
}

TEST(NQuadsReader, ReadsTheGraph) {
  auto outcome = Read("<http://example.org/a> <http://example.org/p> <http://example.org/b> <http://example.org/g> .\n"
                      "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n",
                      Syntax::kNQuads);
  ASSERT_TRUE(outcome.errors.empty());
  ASSERT_EQ(outcome.quads.size(), 2u);
  EXPECT_EQ(outcome.quads[0].quad.graph, Node::Iri(kEx + "g"));
  EXPECT_TRUE(outcome.quads[1].quad.InDefaultGraph());
}

TEST(TurtleReader, ReadsCommonForms) {
  auto outcome = Read(
      "@prefix ex: <http://example.org/> .\n"
      "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
      "ex:a a ex:T ;\n"
      "  ex:n 42, -1.5, 2e3, true ;\n"
      "  ex:s \"\"\"two\n\"lines\"\"\"\"\", 'single'@it, \"d\"^^xsd:date ;\n"
      "  ex:r <rel>, ex:x\\.y ;\n"
      "  ex:b [ ex:p \"in\" ], ( ex:l1 ex:l2 ) .\n",
      Syntax::kTurtle);
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors[0].message << " line " << outcome.errors[0].line;
  std::vector<Node> objects;
  for (const auto& q : outcome.quads) objects.push_back(q.quad.object);
  auto has = [&](const Node& node) { return std::find(objects.begin(), objects.end(), node) != objects.end(); };
  EXPECT_TRUE(has(Node::Iri(kEx + "T")));
  EXPECT_TRUE(has(Node::Literal("42", std::string(kXsd) + "integer")));
  EXPECT_TRUE(has(Node::Literal("-1.5", std::string(kXsd) + "decimal")));
  EXPECT_TRUE(has(Node::Literal("2e3", std::string(kXsd) + "double")));
  EXPECT_TRUE(has(Node::Literal("true", std::string(kXsd) + "boolean")));
  EXPECT_TRUE(has(Node::Literal("two\n\"lines\"\"")));
  EXPECT_TRUE(has(Node::Literal("single", "", "it")));
  EXPECT_TRUE(has(Node::Literal("d", std::string(kXsd) + "date")));
  EXPECT_TRUE(has(Node::Iri("http://example.org/base/rel")));
  EXPECT_TRUE(has(Node::Iri(kEx + "x.y")));
  EXPECT_TRUE(has(Node::Literal("in")));
  EXPECT_TRUE(has(Node::Iri(kEx + "l2")));
  EXPECT_TRUE(has(Node::Iri(std::string(kRdf) + "nil")));
  // 1 type + 4 numbers + 3 strings + 2 IRIs + 2 for ex:b + 1 inside [] + 2 rdf:first + 2 rdf:rest
  EXPECT_EQ(outcome.quads.size(), 17u);
  EXPECT_EQ(outcome.quads.back().line, 8u);  // the long string spans lines 5-6
}

TEST(TurtleReader, SkipsABrokenStatementAndReadsTheNext) {
  auto outcome = Read(
      "@prefix ex: <http://example.org/> .\n"
      "ex:a ex:p undeclared:x .\n"
      "ex:a ex:p ex:ok .\n",
      Syntax::kTurtle);
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].line, 2u);
  EXPECT_NE(outcome.errors[0].message.find("undeclared"), std::string::npos);
  ASSERT_EQ(outcome.quads.size(), 1u);
  EXPECT_EQ(outcome.quads[0].quad.object, Node::Iri(kEx + "ok"));
}

// What each writer writes, the reader reads back term for term.
TEST(WriterReaderRoundTrip, HardStringsSurvive) {
  const std::vector<std::string> hard = {"quote \" and backslash \\", "line\nbreak\r\n", "tab\there",
                                         "देवनागरी लिपि", "emoji 😀🚀", ""};
  std::vector<Quad> quads;
  for (size_t i = 0; i < hard.size(); ++i) {
    quads.push_back(Quad{Node::Iri(kEx + "with space " + std::to_string(i)), Node::Iri(kEx + "p"),
                         Node::Literal(hard[i], "", i % 2 ? "hi" : ""), Node::Iri("")});
  }
  for (auto [format, syntax] : {std::pair{ExportFormat::kNTriples, Syntax::kNTriples},
                                std::pair{ExportFormat::kNQuads, Syntax::kNQuads},
                                std::pair{ExportFormat::kTurtle, Syntax::kTurtle}}) {
    std::ostringstream out;
    auto writer = MakeRdfWriter(format, out, {{"ex", kEx}});
    for (const Quad& q : quads) writer->Write(q);
    writer->Finish();
    auto outcome = Read(out.str(), syntax);
    ASSERT_TRUE(outcome.errors.empty()) << out.str();
    ASSERT_EQ(outcome.quads.size(), quads.size());
    for (size_t i = 0; i < quads.size(); ++i) {
      EXPECT_EQ(outcome.quads[i].quad.object, quads[i].object);
      EXPECT_EQ(outcome.quads[i].quad.subject.value, kEx + "with%20space%20" + std::to_string(i));
    }
  }
}

}  // namespace
}  // namespace kg::rdf
