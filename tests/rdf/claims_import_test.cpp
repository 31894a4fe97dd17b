// Claims JSON Lines in: an outside extractor's claims land with their
// provenance, bad lines are named, and export -> import -> export of claims
// is the identity.
#include "export/claims_import.h"

#include <sstream>

#include <gtest/gtest.h>

#include "tests/rdf/rdf_fixture.h"
#include "tests/storage/test_util.h"

namespace kg::testing {
namespace {

std::string ClaimsOf(const Store& store) {
  std::ostringstream out;
  ExportOptions options;
  options.format = ExportFormat::kClaims;
  Status status = Export(store, options, out);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return out.str();
}

TEST(ClaimsImport, ExportImportExportIsTheIdentity) {
  TempDir dir;
  auto original = OpenStore(dir.Sub("original"));
  BuildSampleStore(*original);
  std::string once = ClaimsOf(*original);
  ASSERT_FALSE(once.empty());

  auto copy = OpenStore(dir.Sub("copy"));
  auto report = ImportClaimsJsonl(*copy, once, "claims.jsonl", false);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->problems.empty()) << report->problems[0];
  EXPECT_EQ(report->documents, 3u);
  EXPECT_EQ(ClaimsOf(*copy), once);
  ExpectConsistent(*copy);
}

TEST(ClaimsImport, AnOutsideExtractorsClaimsLoadWithProvenance) {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  const std::string line =
      R"({"s":"Acme","p":"plans_capex","o":{"type":"quantity","value":"5e0","unit":"USD","bound":"exact"},"sources":[{"doc":"x"}]})" "\n"
      R"({"s":"Acme","p":"plans_capex","o":{"type":"quantity","value":"2500000","unit":"USD","bound":"approx"},"when":"2026",)"
      R"("sources":[{"doc":"memo-7","lang":"en","sentence":3,"start":40,"end":90,"text":"Acme will spend about $2.5m.","rule":"ext.1","bound":"approx"}]})" "\n"
      "not json\n"
      R"({"s":"Acme","p":"owns","o":{"type":"entity","id":"Widget"}})" "\n";
  auto report = ImportClaimsJsonl(*store, line, "feed.jsonl", false);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->problems.size(), 3u);
  EXPECT_TRUE(report->problems[0].starts_with("feed.jsonl:1: ")) << report->problems[0];
  EXPECT_TRUE(report->problems[1].starts_with("feed.jsonl:3: not a JSON object"));
  EXPECT_TRUE(report->problems[2].starts_with("feed.jsonl:4: missing \"sources\""));

  auto records = MatchAll(*store, Pattern{Term::Entity("Acme"), std::nullopt, std::nullopt, std::nullopt});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].claim.when, "2026");
  ASSERT_EQ(records[0].mentions.size(), 1u);
  const Mention& mention = records[0].mentions[0];
  EXPECT_EQ(mention.doc, "memo-7");
  EXPECT_EQ(mention.lang, "en");
  EXPECT_EQ(mention.sentence, 3u);
  EXPECT_EQ(mention.start, 40u);
  EXPECT_EQ(mention.end, 90u);
  EXPECT_EQ(mention.rule, "ext.1");
  EXPECT_EQ(mention.bound, Bound::kApprox);
}

TEST(ClaimsImport, StrictLoadsNothingFromABadFile) {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  auto report = ImportClaimsJsonl(*store,
                                  R"({"s":"A","p":"owns","o":{"type":"entity","id":"B"},"sources":[{"doc":"d"}]})" "\n"
                                  R"({"s":"A","p":"owns","o":{"type":"colour","id":"B"},"sources":[{"doc":"d"}]})" "\n",
                                  "bad.jsonl", true);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_NE(report->problems[0].find("unknown term type \"colour\""), std::string::npos);
  EXPECT_EQ(report->documents, 0u);
  EXPECT_TRUE(store->Documents()->empty());
}

}  // namespace
}  // namespace kg::testing
