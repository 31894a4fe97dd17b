// Every "example" and "counter" line of the rule files is a test: the
// sentence must yield the listed claims; a counter, no claim of its rule's
// predicate but those it lists after "=>" (the sentence may hold another true
// fact: "X, which runs WeChat, ..." is a counter for a wrong operator of
// WeChat, and X operates it). An attribution rule's counter yields no claim.
#include <gtest/gtest.h>

#include "ingest/rule_extractor.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

class RuleExamples : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleExamples, EachExampleYieldsItsClaims) {
  auto extractor = RuleExtractor::Create(kRulesDir);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const Language* lang = (*extractor)->data().language(GetParam());
  ASSERT_NE(lang, nullptr);
  EXPECT_GE(lang->examples.size(), 10u) << "each language's rules need examples";
  for (const auto& example : lang->examples) {
    SCOPED_TRACE(example.file + ":" + std::to_string(example.line) + ": " + example.sentence);
    Document meta;
    meta.id = "example";
    meta.lang = GetParam();
    meta.published = "2025-12";
    auto input = (*extractor)->Extract(example.sentence, meta);
    ASSERT_TRUE(input.ok()) << input.status().ToString();
    std::vector<std::string> got;
    for (const auto& st : input->statements) {
      bool attribution_rule = example.predicate.front() == '@';
      bool counted = !example.negative || attribution_rule || st.claim.predicate == example.predicate;
      bool allowed = example.negative && std::find(example.expected.begin(), example.expected.end(),
                                                   ClaimLine(st.claim)) != example.expected.end();
      if (counted && !allowed) got.push_back(ClaimLine(st.claim));
    }
    if (example.negative) {
      EXPECT_TRUE(got.empty()) << "got: " << ::testing::PrintToString(got);
      continue;
    }
    for (const auto& expected : example.expected) {
      EXPECT_NE(std::find(got.begin(), got.end(), expected), got.end())
          << "missing: " << expected << "\ngot: " << ::testing::PrintToString(got);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, RuleExamples, ::testing::Values("en", "it", "hi"));

}  // namespace
}  // namespace kg::ingest::testing
