// The mapping of docs/rdf.md, checked on the N-Triples of a small store:
// one claim's node with unit, bound, time and provenance; labels and
// aliases; predicate and document descriptions; named graphs; triple terms.
#include <gtest/gtest.h>

#include "export/rdf_mapping.h"
#include "tests/rdf/rdf_fixture.h"
#include "tests/storage/test_util.h"

namespace kg::testing {
namespace {

const std::string kId = "<https://kgstore.org/id/";

class RdfExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    BuildSampleStore(*store_);
    nt_ = ExportText(*store_, ExportFormat::kNTriples);
  }
  bool Has(const std::string& line) const { return nt_.find(line + " .\n") != std::string::npos; }
  // The claim node of ByteDance's 2026 capex, read off its rdf:subject line.
  std::string CapexNode() const {
    size_t at = nt_.find("<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> \"160000000000\"");
    EXPECT_NE(at, std::string::npos);
    size_t line_start = nt_.rfind('\n', at) + 1;
    return nt_.substr(line_start, nt_.find(' ', line_start) - line_start);
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::string nt_;
};

TEST_F(RdfExportTest, WritesTheDirectTripleWithADecimal) {
  EXPECT_TRUE(Has(kId + "ByteDance> " + kId + "prop/plans_capex> \"160000000000\"^^<http://www.w3.org/2001/XMLSchema#decimal>"));
  EXPECT_TRUE(Has(kId + "ByteDance> " + kId + "prop/headquartered_in> " + kId + "Beijing>"));
}

TEST_F(RdfExportTest, ClaimNodeCarriesUnitBoundTimeAndSources) {
  std::string node = CapexNode();
  EXPECT_TRUE(node.starts_with(kId + "claim/")) << node;
  EXPECT_TRUE(Has(node + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://kgstore.org/ns#Claim>"));
  EXPECT_TRUE(Has(node + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> " + kId + "ByteDance>"));
  EXPECT_TRUE(Has(node + " <https://kgstore.org/ns#unit> \"CNY\""));
  EXPECT_TRUE(Has(node + " <https://kgstore.org/ns#bound> \"approx\""));  // two of three mentions say "about"
  EXPECT_TRUE(Has(node + " <https://kgstore.org/ns#when> \"2026\"^^<http://www.w3.org/2001/XMLSchema#gYear>"));
  for (const char* doc : {"doc-en", "doc%20hi%2F1", "doc-it"}) {
    EXPECT_TRUE(Has(node + " <http://www.w3.org/ns/prov#wasDerivedFrom> " + kId + "doc/" + doc + ">")) << doc;
  }
}

TEST_F(RdfExportTest, MentionsHaveTextPositionsAndAttribution) {
  std::string node = CapexNode();
  std::string mention_prefix = node.substr(0, node.size() - 1) + "/m/";
  size_t count = 0;
  for (size_t at = nt_.find("\n" + mention_prefix); at != std::string::npos; at = nt_.find("\n" + mention_prefix, at + 1)) {
    if (nt_.compare(nt_.find(' ', at) + 1, 50, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ") == 0) ++count;
  }
  EXPECT_EQ(count, 6u);  // three mentions, three selectors
  EXPECT_NE(nt_.find("<http://www.w3.org/ns/prov#wasAttributedTo> " + kId + "Financial%20Times> .\n"), std::string::npos);
  EXPECT_NE(nt_.find("<http://www.w3.org/ns/oa#start> \"10\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .\n"), std::string::npos);
  EXPECT_NE(nt_.find("<http://www.w3.org/ns/oa#end> \"50\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .\n"), std::string::npos);
  EXPECT_NE(nt_.find("<https://kgstore.org/ns#unit> <https://kgstore.org/ns#tokens> .\n"), std::string::npos);
  EXPECT_NE(nt_.find("<https://kgstore.org/ns#unit> " + kId + "H200> .\n"), std::string::npos);
}

TEST_F(RdfExportTest, EntitiesHaveTheirNameAndTaggedAliases) {
  const std::string label = " <http://www.w3.org/2000/01/rdf-schema#label> ";
  EXPECT_TRUE(Has(kId + "Beijing>" + label + "\"Beijing\""));
  EXPECT_TRUE(Has(kId + "Beijing>" + label + "\"Pechino\"@it"));
  EXPECT_TRUE(Has(kId + "Beijing>" + label + "\"बीजिंग\"@hi"));
  EXPECT_TRUE(Has(kId + "Volcano%20Engine>" + label + "\"Volcano Engine\""));
  EXPECT_TRUE(Has(kId + "Odd%20%22name%22%20%5C%20with%09tab%0Aand%20newline%20😀>" + label +
                  "\"Odd \\\"name\\\" \\\\ with\\ttab\\nand newline 😀\""));
}

TEST_F(RdfExportTest, PredicatesAndDocumentsAreDescribed) {
  const std::string label = " <http://www.w3.org/2000/01/rdf-schema#label> ";
  EXPECT_TRUE(Has(kId + "prop/plans_capex>" + label + "\"plans capital expenditure\"@en"));
  EXPECT_TRUE(Has(kId + "prop/has%20note>" + label + "\"has note\""));
  EXPECT_TRUE(Has(kId + "prop/headquartered_in> <https://kgstore.org/ns#singleValued> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"));
  std::string doc = kId + "doc/doc-en> ";
  EXPECT_TRUE(Has(doc + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/prov#Entity>"));
  EXPECT_TRUE(Has(doc + "<http://purl.org/dc/terms/language> \"en\""));
  EXPECT_TRUE(Has(doc + "<http://purl.org/dc/terms/issued> \"2025-12\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"));
  EXPECT_TRUE(Has(doc + "<http://purl.org/dc/terms/source> <https://news.example.org/a?x=1>"));
  EXPECT_TRUE(Has(doc + "<http://purl.org/dc/terms/title> \"Capex \\\"plans\\\" for 2026\"@en"));
}

TEST_F(RdfExportTest, EachDocumentGraphHoldsTheTriplesItStates) {
  std::string nq = ExportText(*store_, ExportFormat::kNQuads);
  std::string triple = kId + "Volcano%20Engine> " + kId + "prop/competes_with> " + kId + "Alibaba>";
  EXPECT_NE(nq.find(triple + " .\n"), std::string::npos);
  EXPECT_NE(nq.find(triple + " " + kId + "doc/doc-it> .\n"), std::string::npos);
  EXPECT_EQ(nq.find(triple + " " + kId + "doc/doc-en> .\n"), std::string::npos);
}

TEST_F(RdfExportTest, Turtle12ReifiesATripleTerm) {
  std::string ttl = ExportText(*store_, ExportFormat::kTurtle12);
  EXPECT_NE(ttl.find("rdf:reifies <<( :ByteDance p:plans_capex \"160000000000\"^^xsd:decimal )>>"), std::string::npos);
  EXPECT_EQ(ttl.find("rdf:subject"), std::string::npos);
}

TEST_F(RdfExportTest, BaseIriIsHonoured) {
  std::string nt = ExportText(*store_, ExportFormat::kNTriples, "http://example.org/kg/");
  EXPECT_NE(nt.find("<http://example.org/kg/ByteDance> <http://example.org/kg/prop/plans_capex>"), std::string::npos);
  EXPECT_EQ(nt.find("https://kgstore.org/id/"), std::string::npos);
}

TEST_F(RdfExportTest, EveryStatementIsWrittenOnce) {
  std::string sorted = SortedLines(nt_);
  size_t lines = std::count(sorted.begin(), sorted.end(), '\n');
  EXPECT_EQ(lines, ExpectedStatementCount(*store_, ExportFormat::kNTriples));
  std::istringstream in(sorted);
  std::string previous, line;
  while (std::getline(in, line)) {
    EXPECT_NE(line, previous);
    previous = line;
  }
}

}  // namespace
}  // namespace kg::testing
