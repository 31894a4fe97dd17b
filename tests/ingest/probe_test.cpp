// Generalisation guard: articles written for the tests (other companies,
// currencies, Indian numbering and phrasings than the seed corpus, in
// English, Italian and Hindi) are ingested with the rule data of this tree
// and scored against their expected claims by the shared score.py; so are
// the sample articles of examples/.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

const std::string kProbeDir = KG_SOURCE_DIR "/tests/ingest/probe";

// The score.py report (JSON) of the articles a manifest lists against
// their expected claims, or null when a step failed.
nlohmann::json ScoreArticles(const std::string& manifest, const std::string& expected) {
  std::string db = TempDir("probe") + "/db";
  std::string claims = TempDir("probe-export") + "/claims.jsonl";
  const std::string kg = KG_BINARY;
  std::string out, err;
  int code = RunCommand("KG_RULES_DIR=" + kRulesDir + " " + kg + " ingest --db " + db + " --manifest " + manifest,
                        &out, &err);
  EXPECT_EQ(code, 0) << out << err;
  EXPECT_NE(out.find(" 0 failed"), std::string::npos) << out;
  code = RunCommand(kg + " export --db " + db + " --format claims -o " + claims, nullptr, &err);
  EXPECT_EQ(code, 0) << err;
  code = RunCommand("python3 " KG_SHARED_DIR "/eval/score.py " + expected + " " + claims + " --json", &out, &err);
  EXPECT_EQ(code, 0) << err;
  if (code != 0) return nullptr;
  return nlohmann::json::parse(out, nullptr, false);
}

TEST(ProbeArticles, UnseenPhrasingsAreExtractedWithoutFalseClaims) {
  nlohmann::json score = ScoreArticles(kProbeDir + "/manifest.tsv", kProbeDir + "/expected.jsonl");
  ASSERT_TRUE(score.is_object()) << score.dump();
  ASSERT_TRUE(score.contains("precision"));
  EXPECT_GE(score["precision"].get<double>(), 0.95) << score["false_positives"].dump(1);
  EXPECT_GE(score["req_recall"].get<double>(), 0.95) << score["missed_required"].dump(1);
  EXPECT_GE(score["prov_recall"].get<double>(), 0.95) << score["provenance_missing"].dump(1);
  EXPECT_GE(score["bound_acc"].get<double>(), 0.95) << score["bound_errors"].dump(1);
  // A language or a kind of article may not fall out wholesale behind a good average.
  ASSERT_GE(score["prov_by_doc"].size(), 39u);
  for (const auto& [doc, pairs] : score["prov_by_doc"].items()) {
    EXPECT_GE(pairs["found"].get<int>() + 1, pairs["total"].get<int>()) << doc;
  }
}

// The sample articles the README ingests show exactly their claims: the
// Lumora figure in three languages, its conflicting report, and the
// traps of kaveri_en (an apposition's headquarters, another company's bonds).
TEST(SampleArticles, GiveExactlyTheClaimsTheyState) {
  nlohmann::json score = ScoreArticles(KG_SOURCE_DIR "/examples/manifest.tsv",
                                       KG_SOURCE_DIR "/tests/ingest/examples_expected.jsonl");
  ASSERT_TRUE(score.is_object()) << score.dump();
  ASSERT_TRUE(score.contains("precision"));
  EXPECT_EQ(score["precision"].get<double>(), 1.0) << score["false_positives"].dump(1);
  EXPECT_EQ(score["req_recall"].get<double>(), 1.0) << score["missed_required"].dump(1);
  EXPECT_EQ(score["prov_recall"].get<double>(), 1.0) << score["provenance_missing"].dump(1);
}

}  // namespace
}  // namespace kg::ingest::testing
