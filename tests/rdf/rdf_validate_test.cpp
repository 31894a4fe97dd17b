// Every export format, read by two independent parsers (serdi, rapper,
// rdflib; n3 for Turtle 1.2), holds exactly the statements the store says
// it should, and the Turtle family carries the same statements as the line
// formats.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/rdf/rdf_fixture.h"
#include "tests/storage/test_util.h"

namespace kg::testing {
namespace {

struct Parsed {
  bool ok = false;
  uint64_t count = 0;
  std::string output;  // what the parser printed, for failure messages
};

uint64_t LineCount(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// serdi converts to N-Triples / N-Quads; we count what it wrote.
Parsed Serdi(const std::string& syntax, const std::string& file, std::string* converted = nullptr) {
  Parsed parsed;
  std::string out_syntax = syntax == "nquads" || syntax == "trig" ? "nquads" : "ntriples";
  int status = RunCommand("serdi -i " + syntax + " -o " + out_syntax + " '" + file + "' > '" + file + ".serdi'", &parsed.output);
  parsed.ok = status == 0 && parsed.output.empty();
  std::string text = ReadFile(file + ".serdi");
  parsed.count = LineCount(text);
  if (converted) *converted = SortedLines(text);
  return parsed;
}

Parsed Rapper(const std::string& syntax, const std::string& file) {
  Parsed parsed;
  int status = RunCommand("rapper -c -i " + syntax + " '" + file + "'", &parsed.output);
  std::smatch match;
  bool counted = std::regex_search(parsed.output, match, std::regex("Parsing returned (\\d+) (triple|statement)"));
  parsed.ok = status == 0 && counted && parsed.output.find("Error") == std::string::npos &&
              parsed.output.find("Warning") == std::string::npos;
  if (counted) parsed.count = std::stoull(match[1]);
  return parsed;
}

Parsed Rdflib(const std::string& syntax, const std::string& file) {
  Parsed parsed;
  std::string script =
      "import rdflib,sys\n"
      "ds=rdflib.Dataset()\n"
      "ds.parse(sys.argv[2], format=sys.argv[1])\n"
      "print(len(list(ds.quads((None,None,None,None)))))\n";
  int status = RunCommand("/usr/bin/python3 -c '" + script + "' " + syntax + " '" + file + "'", &parsed.output);
  std::smatch match;
  parsed.ok = status == 0 && std::regex_match(parsed.output, match, std::regex("(\\d+)\n"));
  if (parsed.ok) parsed.count = std::stoull(match[1]);
  return parsed;
}

// n3 from npm, installed into the build tree on first use.
Parsed N3(const std::string& file, std::string* converted) {
  Parsed parsed;
  std::string dir = KG_RDF_NODE_DIR;
  if (!std::filesystem::exists(dir + "/node_modules/n3/package.json")) {
    int status = RunCommand("npm install --no-audit --no-fund --silent --prefix '" + dir + "' n3@2", &parsed.output);
    if (status != 0) return parsed;
  }
  int status = RunCommand("node " KG_SOURCE_DIR "/tests/rdf/n3_to_nquads.js '" + dir + "/node_modules/n3' '" + file +
                              "' > '" + file + ".n3'",
                          &parsed.output);
  std::string text = ReadFile(file + ".n3");
  parsed.ok = status == 0;
  parsed.count = LineCount(text);
  *converted = text;
  return parsed;
}

class RdfValidateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.Sub("db"));
    ASSERT_NE(store_, nullptr);
    BuildSampleStore(*store_);
  }
  std::string Write(ExportFormat format, const std::string& name) {
    std::string path = dir_.Sub(name);
    WriteFile(path, ExportText(*store_, format));
    return path;
  }
  void ExpectCount(const Parsed& parsed, uint64_t expected, const std::string& who) {
    EXPECT_TRUE(parsed.ok) << who << ":\n" << parsed.output;
    EXPECT_EQ(parsed.count, expected) << who;
  }

  // serdi, rapper and rdflib each read `format`'s export to the expected count.
  std::string ExpectThreeParsersAgree(ExportFormat format, const std::string& name, const std::string& serdi_syntax,
                                      const std::string& rdflib_syntax) {
    std::string file = Write(format, name);
    uint64_t expected = ExpectedStatementCount(*store_, format);
    std::string converted;
    ExpectCount(Serdi(serdi_syntax, file, &converted), expected, "serdi");
    ExpectCount(Rapper(serdi_syntax, file), expected, "rapper");
    ExpectCount(Rdflib(rdflib_syntax, file), expected, "rdflib");
    return converted;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(RdfValidateTest, NTriples) { ExpectThreeParsersAgree(ExportFormat::kNTriples, "out.nt", "ntriples", "nt"); }

TEST_F(RdfValidateTest, NQuads) { ExpectThreeParsersAgree(ExportFormat::kNQuads, "out.nq", "nquads", "nquads"); }

// Turtle and TriG also carry exactly the statements of the line formats.
TEST_F(RdfValidateTest, Turtle) {
  EXPECT_EQ(ExpectThreeParsersAgree(ExportFormat::kTurtle, "out.ttl", "turtle", "turtle"),
            ExpectThreeParsersAgree(ExportFormat::kNTriples, "same.nt", "ntriples", "nt"));
}

TEST_F(RdfValidateTest, TriG) {
  EXPECT_EQ(ExpectThreeParsersAgree(ExportFormat::kTriG, "out.trig", "trig", "trig"),
            ExpectThreeParsersAgree(ExportFormat::kNQuads, "same.nq", "nquads", "nquads"));
}

TEST_F(RdfValidateTest, Turtle12) {
  std::string file = Write(ExportFormat::kTurtle12, "out12.ttl");
  std::string converted;
  Parsed parsed = N3(file, &converted);
  ExpectCount(parsed, ExpectedStatementCount(*store_, ExportFormat::kTurtle12), "n3");
  EXPECT_NE(converted.find("<https://kgstore.org/id/ByteDance> <https://kgstore.org/id/prop/plans_capex>"), std::string::npos);
  EXPECT_NE(converted.find("देवनागरी 😀"), std::string::npos);
  // n3 also reads the RDF 1.1 Turtle export to the same count as serdi.
  std::string plain;
  ExpectCount(N3(Write(ExportFormat::kTurtle, "out.ttl"), &plain), ExpectedStatementCount(*store_, ExportFormat::kTurtle), "n3 (ttl)");
}

}  // namespace
}  // namespace kg::testing
