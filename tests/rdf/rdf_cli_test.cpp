// `kg export` / `kg import` end to end through the built binary, and the
// export of the seed store (the articles of the shared corpus).
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "tests/rdf/rdf_fixture.h"
#include "tests/storage/test_util.h"

namespace kg::testing {
namespace {

const std::string kKg = KG_BINARY;

TEST(RdfCli, ImportReportsMalformedLinesWithFileAndLine) {
  TempDir dir;
  std::string file = dir.Sub("feed.nt");
  WriteFile(file,
            "<http://ex.org/a> <http://ex.org/p> \"ok\" .\n"
            "<http://ex.org/a> <http://ex.org/p> oops .\n");
  std::string output;
  int status = RunCommand(kKg + " import --db " + dir.Sub("db") + " " + file, &output);
  EXPECT_EQ(status, 1) << output;
  EXPECT_NE(output.find(file + ":2: "), std::string::npos) << output;
  EXPECT_NE(output.find("1 statements in 1 documents, 1 skipped"), std::string::npos) << output;

  status = RunCommand(kKg + " import --strict --db " + dir.Sub("strict") + " " + file, &output);
  EXPECT_EQ(status, 1);
  EXPECT_NE(output.find("nothing loaded"), std::string::npos) << output;
  RunCommand(kKg + " export --db " + dir.Sub("strict") + " --format nt", &output);
  EXPECT_EQ(output, "");
}

TEST(RdfCli, ExportWritesToAFileWithTheGivenBase) {
  TempDir dir;
  {
    auto store = OpenStore(dir.Sub("db"));
    BuildSampleStore(*store);
  }
  std::string output;
  ASSERT_EQ(RunCommand(kKg + " export --db " + dir.Sub("db") + " --format ttl --base http://example.org/kg/ -o " +
                           dir.Sub("out.ttl"),
                       &output),
            0)
      << output;
  ASSERT_EQ(RunCommand("rapper -c -i turtle " + dir.Sub("out.ttl"), &output), 0) << output;
  EXPECT_NE(output.find("returned"), std::string::npos);
  ASSERT_EQ(RunCommand("grep -c 'http://example.org/kg/' " + dir.Sub("out.ttl"), &output), 0);
}

// The seed store: ByteDance's 2026 capex of CNY 160bn is stated by five
// articles, so its claim node derives from five documents.
TEST(RdfCli, SeedStoreCapexClaimHasFiveSources) {
  TempDir dir;
  std::string output;
  ASSERT_EQ(RunCommand(kKg + " ingest --db " + dir.Sub("db") + " --manifest " KG_SHARED_DIR "/corpus/manifest.tsv", &output), 0)
      << output;
  ASSERT_EQ(RunCommand(kKg + " export --db " + dir.Sub("db") + " --format nt -o " + dir.Sub("seed.nt"), &output), 0) << output;
  ASSERT_EQ(RunCommand("grep -F '/prop/plans_capex> \"160000000000\"' " + dir.Sub("seed.nt"), &output), 0) << output;

  // The claim node whose rdf:object is that amount and whose time is 2026.
  ASSERT_EQ(RunCommand("cat " + dir.Sub("seed.nt"), &output), 0);
  std::regex object_line("(<[^>]+/claim/[0-9a-f]+>) <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> \"160000000000\"");
  std::set<std::string> nodes;
  for (std::sregex_iterator it(output.begin(), output.end(), object_line), end; it != end; ++it) nodes.insert((*it)[1]);
  std::string capex_node;
  for (const std::string& node : nodes) {
    if (output.find(node + " <https://kgstore.org/ns#when> \"2026\"") != std::string::npos &&
        output.find(node + " <https://kgstore.org/ns#unit> \"CNY\"") != std::string::npos) {
      capex_node = node;
    }
  }
  ASSERT_FALSE(capex_node.empty()) << "no claim node for CNY 160bn @2026";
  size_t sources = 0;
  std::string derived = capex_node + " <http://www.w3.org/ns/prov#wasDerivedFrom> ";
  for (size_t at = output.find(derived); at != std::string::npos; at = output.find(derived, at + 1)) ++sources;
  EXPECT_EQ(sources, 5u);

  std::string text;
  EXPECT_EQ(RunCommand("rapper -c -i ntriples " + dir.Sub("seed.nt"), &text), 0) << text;
}

}  // namespace
}  // namespace kg::testing
