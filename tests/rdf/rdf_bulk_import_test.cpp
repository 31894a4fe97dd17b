// Importing a file (rdf::ImportRdfFile): plain N-Triples and default-graph
// N-Quads go through the store's bulk loader in parsed chunks and give the
// same store as the general path; anything else (named graphs, kgstore's
// own export) takes the general path.
#include <random>

#include <gtest/gtest.h>

#include "export/rdf_import.h"
#include "tests/rdf/rdf_fixture.h"
#include "tests/storage/test_util.h"

namespace kg::testing {
namespace {

using rdf::ImportOptions;
using rdf::Syntax;

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

// Triples of every term shape, repeats (merged claims), comments, blank
// lines and, when asked, one malformed line.
std::string PlainTriples(int lines, bool with_bad_line) {
  std::mt19937 rng(77);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  std::string text = "# made up for the test\n\n";
  for (int i = 0; i < lines; ++i) {
    std::string s = "<http://ex.org/e" + std::to_string(pick(60)) + ">";
    std::string p = "<http://ex.org/p" + std::to_string(pick(6)) + ">";
    std::string o;
    switch (pick(7)) {
      case 0: o = "<http://ex.org/e" + std::to_string(pick(60)) + ">"; break;
      case 1: o = "_:b" + std::to_string(pick(10)); break;
      case 2: o = "\"" + std::to_string(pick(500)) + "\"^^<" + kXsd + "integer>"; break;
      case 3: o = "\"" + std::to_string(pick(50)) + ".50\"^^<" + kXsd + "decimal>"; break;
      case 4: o = "\"20" + std::to_string(10 + pick(15)) + "\"^^<" + kXsd + "gYear>"; break;
      case 5: o = "\"città " + std::to_string(pick(30)) + "\"@it"; break;
      default: o = "\"plain " + std::to_string(pick(30)) + "\""; break;
    }
    text += s + " " + p + " " + o + " .\n";
    if (with_bad_line && i == lines / 2) text += "<http://ex.org/broken> <http://ex.org/p> .\n";
  }
  return text;
}

class RdfBulkImportTest : public ::testing::Test {
 protected:
  // Imports `text` both ways: the general path from memory into "general",
  // the file path (small chunks) into "file"; returns the file's report.
  rdf::ImportReport ImportBothWays(const std::string& text, const std::string& file_name, Syntax syntax,
                                   bool strict = false) {
    ImportOptions options;
    options.syntax = syntax;
    options.strict = strict;
    options.chunk_bytes = 4096;
    const std::string path = dir_.Sub(file_name);
    WriteFile(path, text);
    auto general = rdf::ImportRdf(*general_, text, path, options);
    EXPECT_TRUE(general.ok()) << general.status().ToString();
    auto file = rdf::ImportRdfFile(*file_, path, options);
    EXPECT_TRUE(file.ok()) << file.status().ToString();
    if (!general.ok() || !file.ok()) return {};
    EXPECT_EQ(file->triples, general->triples);
    EXPECT_EQ(file->claims, general->claims);
    EXPECT_EQ(file->problems, general->problems);
    return *file;
  }

  void ExpectSameStores() {
    const std::string general = SortedLines(ExportText(*general_, ExportFormat::kNQuads));
    EXPECT_FALSE(general.empty());
    EXPECT_EQ(SortedLines(ExportText(*file_, ExportFormat::kNQuads)), general);
    ExpectConsistent(*file_);
  }

  TempDir dir_;
  std::unique_ptr<Store> general_ = OpenStore(dir_.Sub("general"));
  std::unique_ptr<Store> file_ = OpenStore(dir_.Sub("file"));
};

TEST_F(RdfBulkImportTest, PlainNTriplesLoadInBulkAsTheGeneralPathLoadsThem) {
  const std::string text = PlainTriples(3000, /*with_bad_line=*/true);
  auto report = ImportBothWays(text, "plain.nt", Syntax::kNTriples);
  EXPECT_TRUE(report.bulk);
  EXPECT_EQ(report.triples, 3000u);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("plain.nt:1504:"), std::string::npos) << report.problems[0];
  ExpectSameStores();
  // Unchanged: nothing changes; changed: the file's document is replaced.
  ImportBothWays(text, "plain.nt", Syntax::kNTriples);
  ExpectSameStores();
  auto replaced = ImportBothWays(PlainTriples(2000, false), "plain.nt", Syntax::kNTriples);
  EXPECT_TRUE(replaced.bulk);
  ExpectSameStores();
  // A second file adds to the bulk-loaded store.
  ImportBothWays(PlainTriples(500, false), "more.nt", Syntax::kNTriples);
  ExpectSameStores();
}

// Lines the bulk path reads straight from the text, interleaved with lines
// it leaves to the full reader (escapes, blank nodes, CRLF, comments after
// the dot, malformed ones): the same statements, spans and problems.
TEST_F(RdfBulkImportTest, SimpleAndOtherLinesInterleavedLoadAsTheGeneralPathLoadsThem) {
  const std::vector<std::string> others = {
      "<http://ex.org/e1> <http://ex.org/p1> \"caf\\u00E9\" .",
      "_:b1 <http://ex.org/p2> \"blank\" .",
      "<http://ex.org/e2> <http://ex.org/p1> \"x\" . # trailing comment",
      "<http://ex.org/e3> <http://ex.org/p1> \"bad tag\"@en_GB .",
      "<relative> <http://ex.org/p1> \"x\" .",
      "<http://ex.org/e4> <http://ex.org/p3> \"CRLF\" .\r",
  };
  std::string text;
  for (int i = 0; i < 600; ++i) {
    text += "<http://ex.org/e" + std::to_string(i % 40) + "> <http://ex.org/p" + std::to_string(i % 3) + "> \"v" +
            std::to_string(i % 70) + "\"" + (i % 2 ? "@en" : "") + " .\n";
    if (i % 7 == 0) text += others[(i / 7) % others.size()] + "\n";
    if (i % 11 == 0) text += others[(i / 11) % others.size()] + "\n" + others[(i / 11 + 1) % others.size()] + "\n";
  }
  text += "<http://ex.org/last> <http://ex.org/p1> \"no line break\" .";
  auto report = ImportBothWays(text, "mixed.nt", Syntax::kNTriples);
  EXPECT_TRUE(report.bulk);
  EXPECT_FALSE(report.problems.empty());
  ExpectSameStores();
}

TEST_F(RdfBulkImportTest, StrictFileWithABadLineLoadsNothing) {
  auto report = ImportBothWays(PlainTriples(300, true), "bad.nt", Syntax::kNTriples, /*strict=*/true);
  EXPECT_EQ(report.problems.size(), 1u);
  auto stats = file_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->claims, 0u);
  EXPECT_EQ(stats->documents, 0u);
}

TEST_F(RdfBulkImportTest, NamedGraphsAndOwnExportTakeTheGeneralPath) {
  const std::string quads = "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
                            "<http://ex.org/a> <http://ex.org/p> <http://ex.org/c> <http://ex.org/g1> .\n";
  auto report = ImportBothWays(quads, "graphs.nq", Syntax::kNQuads);
  EXPECT_FALSE(report.bulk);
  ExpectSameStores();

  const std::string own = ExportText(*general_, ExportFormat::kNTriples);
  auto own_report = ImportBothWays(own, "own.nt", Syntax::kNTriples);
  EXPECT_FALSE(own_report.bulk);
  ExpectSameStores();
}

TEST_F(RdfBulkImportTest, DefaultGraphNQuadsLoadInBulk) {
  std::string quads;
  for (int i = 0; i < 200; ++i) {
    quads += "<http://ex.org/s" + std::to_string(i % 17) + "> <http://ex.org/q> \"" + std::to_string(i) + "\" .\n";
  }
  auto report = ImportBothWays(quads, "default.nq", Syntax::kNQuads);
  EXPECT_TRUE(report.bulk);
  ExpectSameStores();
}

}  // namespace
}  // namespace kg::testing
