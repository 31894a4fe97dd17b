// Loading RDF: generic triples become claims whose provenance is the file
// (or graph) and line; kgstore's own export comes back as the store it
// was written from, so export -> import -> export is the identity.
#include "export/rdf_import.h"

#include <gtest/gtest.h>

#include "tests/rdf/rdf_fixture.h"
#include "tests/storage/test_util.h"

namespace kg::testing {
namespace {

using rdf::ImportOptions;
using rdf::Syntax;

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

class RdfImportTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> NewStore(const std::string& name) {
    auto store = OpenStore(dir_.Sub(name));
    EXPECT_NE(store, nullptr);
    return store;
  }
  rdf::ImportReport Import(Store& store, const std::string& text, const std::string& name, Syntax syntax,
                           bool strict = false) {
    ImportOptions options;
    options.syntax = syntax;
    options.strict = strict;
    auto report = rdf::ImportRdf(store, text, name, options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : rdf::ImportReport{};
  }
  static std::vector<ClaimRecord> About(const Store& store, const std::string& subject) {
    Pattern pattern;
    pattern.subject = Term::Entity(subject);
    return MatchAll(store, pattern);
  }

  TempDir dir_;
};

TEST_F(RdfImportTest, GenericTriplesBecomeClaimsWithLineProvenance) {
  auto store = NewStore("db");
  const std::string line3 = "<http://ex.org/a> <http://ex.org/p> \"ciao\"@it .";
  std::string text = "# people\n"
                     "<http://ex.org/a> <http://ex.org/knows> _:b1 .\n" +
                     line3 + "\n"
                     "<http://ex.org/a> <http://ex.org/n> \"42\"^^<" + kXsd + "integer> .\n"
                     "<http://ex.org/a> <http://ex.org/d> \"7.50\"^^<" + kXsd + "decimal> .\n"
                     "<http://ex.org/a> <http://ex.org/y> \"2024\"^^<" + kXsd + "gYear> .\n"
                     "<http://ex.org/a> <http://ex.org/ok> \"true\"^^<" + kXsd + "boolean> .\n"
                     "<http://ex.org/a> <http://ex.org/s> \"plain\" .\n";
  auto report = Import(*store, text, "/some/dir/people.nt", Syntax::kNTriples);
  EXPECT_TRUE(report.problems.empty());
  EXPECT_EQ(report.triples, 7u);
  EXPECT_EQ(report.documents, 1u);

  auto claims = About(*store, "http://ex.org/a");
  ASSERT_EQ(claims.size(), 7u);
  auto object_of = [&](const std::string& predicate) -> Term {
    for (const auto& record : claims) {
      if (record.claim.predicate == predicate) return record.claim.object;
    }
    ADD_FAILURE() << "no " << predicate;
    return Term{};
  };
  EXPECT_TRUE(object_of("http://ex.org/knows").SameAs(Term::Entity("_:b1")));
  EXPECT_TRUE(object_of("http://ex.org/p").SameAs(Term::Text("ciao", "it")));
  EXPECT_TRUE(object_of("http://ex.org/n").SameAs(Term::Quantity("42", kXsd + "integer")));
  EXPECT_TRUE(object_of("http://ex.org/d").SameAs(Term::Quantity("7.5", kXsd + "decimal")));
  EXPECT_TRUE(object_of("http://ex.org/y").SameAs(Term::Time("2024")));
  EXPECT_TRUE(object_of("http://ex.org/ok").SameAs(Term::Text("true", "^^" + kXsd + "boolean")));
  EXPECT_TRUE(object_of("http://ex.org/s").SameAs(Term::Text("plain", "")));

  for (const auto& record : claims) {
    ASSERT_EQ(record.mentions.size(), 1u);
    const Mention& mention = record.mentions[0];
    EXPECT_EQ(mention.doc, "people");
    if (record.claim.predicate == "http://ex.org/p") {
      EXPECT_EQ(mention.sentence, 3u);
      EXPECT_EQ(mention.text, "");  // not stored: the span points into the file named by the document
      EXPECT_EQ(text.substr(mention.start, mention.end - mention.start), line3);
      EXPECT_EQ(mention.rule, "rdf.nt");
    }
  }
  auto doc = store->GetDocument("people");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->source, "people.nt");
  EXPECT_EQ(doc->size, text.size());
}

TEST_F(RdfImportTest, EachNamedGraphIsADocument) {
  auto store = NewStore("db");
  Import(*store,
         "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> <http://ex.org/graph1> .\n"
         "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> <http://ex.org/graph2> .\n"
         "<http://ex.org/a> <http://ex.org/q> <http://ex.org/b> .\n",
         "g.nq", Syntax::kNQuads);
  Pattern pattern;
  pattern.predicate = "http://ex.org/p";
  auto records = MatchAll(*store, pattern);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].mentions.size(), 2u);
  std::set<std::string> docs = {records[0].mentions[0].doc, records[0].mentions[1].doc};
  EXPECT_EQ(docs, (std::set<std::string>{"http://ex.org/graph1", "http://ex.org/graph2"}));
  auto documents = store->Documents();
  ASSERT_TRUE(documents.ok());
  EXPECT_EQ(documents->size(), 3u);  // two graphs and the file's default graph
}

TEST_F(RdfImportTest, MalformedLinesAreReportedAndTheRestLoads) {
  const std::string text =
      "<http://ex.org/a> <http://ex.org/p> \"one\" .\n"
      "<http://ex.org/a> <http://ex.org/p> \"two .\n"
      "<http://ex.org/a> <http://ex.org/p> \"three\" .\n"
      "<http://ex.org/a> \"four\" .\n";
  auto store = NewStore("lenient");
  auto report = Import(*store, text, "bad.nt", Syntax::kNTriples);
  ASSERT_EQ(report.problems.size(), 2u);
  EXPECT_TRUE(report.problems[0].starts_with("bad.nt:2: ")) << report.problems[0];
  EXPECT_TRUE(report.problems[1].starts_with("bad.nt:4: ")) << report.problems[1];
  EXPECT_EQ(About(*store, "http://ex.org/a").size(), 2u);

  auto strict_store = NewStore("strict");
  auto strict = Import(*strict_store, text, "bad.nt", Syntax::kNTriples, true);
  EXPECT_EQ(strict.problems.size(), 2u);
  EXPECT_EQ(strict.documents, 0u);
  EXPECT_TRUE(About(*strict_store, "http://ex.org/a").empty());
  EXPECT_TRUE(strict_store->Documents()->empty());
}

TEST_F(RdfImportTest, TurtleFileLoads) {
  auto store = NewStore("db");
  auto report = Import(*store,
                       "@prefix ex: <http://ex.org/> .\n"
                       "ex:a ex:p \"x\" ;\n"
                       "     ex:q ex:b, ex:c .\n",
                       "small.ttl", Syntax::kTurtle);
  EXPECT_TRUE(report.problems.empty());
  auto claims = About(*store, "http://ex.org/a");
  ASSERT_EQ(claims.size(), 3u);
  for (const auto& record : claims) {
    EXPECT_EQ(record.mentions[0].rule, "rdf.ttl");
    EXPECT_EQ(record.mentions[0].sentence, record.claim.predicate == "http://ex.org/p" ? 2u : 3u);
  }
}

// export -> import into an empty store -> export: the same canonical
// N-Quads, whichever of the importable formats carried it.
TEST_F(RdfImportTest, OwnExportRoundTrips) {
  auto original = NewStore("original");
  BuildSampleStore(*original);
  const std::string expected = SortedLines(ExportText(*original, ExportFormat::kNQuads));
  for (auto [format, syntax, name] : {std::tuple{ExportFormat::kNQuads, Syntax::kNQuads, "nq"},
                                      std::tuple{ExportFormat::kNTriples, Syntax::kNTriples, "nt"},
                                      std::tuple{ExportFormat::kTurtle, Syntax::kTurtle, "ttl"}}) {
    auto copy = NewStore(std::string("copy-") + name);
    auto report = Import(*copy, ExportText(*original, format), std::string("export.") + name, syntax);
    EXPECT_TRUE(report.problems.empty()) << name << ": " << report.problems[0];
    EXPECT_EQ(SortedLines(ExportText(*copy, ExportFormat::kNQuads)), expected) << "via " << name;
    ExpectConsistent(*copy);
  }
}

TEST_F(RdfImportTest, GenericNQuadsRoundTripThroughTheirOwnClaimNodes) {
  auto first = NewStore("first");
  Import(*first,
         "<http://ex.org/a> <http://ex.org/p> \"x\\ny\"@en <http://ex.org/g> .\n"
         "_:n <http://ex.org/v> \"5\"^^<" + kXsd + "int> .\n",
         "generic.nq", Syntax::kNQuads);
  std::string once = ExportText(*first, ExportFormat::kNQuads);
  auto second = NewStore("second");
  Import(*second, once, "again.nq", Syntax::kNQuads);
  EXPECT_EQ(SortedLines(ExportText(*second, ExportFormat::kNQuads)), SortedLines(once));
  EXPECT_NE(once.find("<http://ex.org/a> <http://ex.org/p> \"x\\ny\"@en <http://ex.org/g> .\n"), std::string::npos);
  EXPECT_NE(once.find("_:n <http://ex.org/v> \"5\"^^<" + kXsd + "int> .\n"), std::string::npos);
}

}  // namespace
}  // namespace kg::testing
