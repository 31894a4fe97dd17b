#include "shell/completion.h"

#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kg/query.h"
#include "shell_fixture.h"

namespace kg::shell {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Vocabulary SmallVocabulary() {
  Vocabulary vocabulary;
  vocabulary.keywords = {"FIND", "FILTER", "FROM", "WHERE", "DOCUMENTS"};
  vocabulary.predicates = {"plans_capex", "plans_order", "owns"};
  vocabulary.entities = {"ByteDance", "Volcano Engine", "बाइटडांस", "Pechino", "Planet Labs"};
  return vocabulary;
}

TEST(Completion, KeywordsInTheCaseTyped) {
  const Vocabulary vocabulary = SmallVocabulary();
  EXPECT_THAT(CompletionCandidates(vocabulary, "", "FI"), ElementsAre("FIND", "FILTER"));
  EXPECT_THAT(CompletionCandidates(vocabulary, "", "fi"), ElementsAre("find", "filter"));
  EXPECT_THAT(CompletionCandidates(vocabulary, "FIND ?x ", "WH"), ElementsAre("WHERE"));
}

TEST(Completion, PredicatesAndEntities) {
  const Vocabulary vocabulary = SmallVocabulary();
  EXPECT_THAT(CompletionCandidates(vocabulary, "FIND ?x WHERE ByteDance ", "plans_"),
              ElementsAre("plans_capex", "plans_order"));
  EXPECT_THAT(CompletionCandidates(vocabulary, "FIND ?x WHERE ", "byte"), ElementsAre("ByteDance"));
  EXPECT_THAT(CompletionCandidates(vocabulary, "FIND ?x WHERE ", "Pla"), ElementsAre("plans_capex", "plans_order", "\"Planet Labs\""));
  EXPECT_THAT(CompletionCandidates(vocabulary, "DESCRIBE ", "बाइ"), ElementsAre("बाइटडांस"));
}

TEST(Completion, NamesThatAreNotPlainWordsAreQuoted) {
  const Vocabulary vocabulary = SmallVocabulary();
  EXPECT_THAT(CompletionCandidates(vocabulary, "DESCRIBE ", "volc"), ElementsAre("\"Volcano Engine\""));
  EXPECT_THAT(CompletionCandidates(vocabulary, "DESCRIBE ", "\"Volc"), ElementsAre("\"Volcano Engine\""));
  EXPECT_THAT(CompletionCandidates(vocabulary, "DESCRIBE ", "\"Byte"), ElementsAre("\"ByteDance\""));
}

TEST(Completion, VariablesAndEmptyWordsGetNothing) {
  const Vocabulary vocabulary = SmallVocabulary();
  EXPECT_THAT(CompletionCandidates(vocabulary, "FIND ", "?x"), IsEmpty());
  EXPECT_THAT(CompletionCandidates(vocabulary, "FIND ?x WHERE ", "zzz"), IsEmpty());
}

TEST(Completion, DotCommandsAndTheirArguments) {
  const Vocabulary vocabulary = SmallVocabulary();
  EXPECT_THAT(CompletionCandidates(vocabulary, "", ".fo"), ElementsAre(".format"));
  EXPECT_THAT(CompletionCandidates(vocabulary, "  ", ".p"), ElementsAre(".predicates"));
  EXPECT_THAT(CompletionCandidates(vocabulary, ".format ", "j"), ElementsAre("json"));
  EXPECT_THAT(CompletionCandidates(vocabulary, ".timer ", ""), ElementsAre("on", "off"));
  EXPECT_THAT(CompletionCandidates(vocabulary, ".timer on ", ""), IsEmpty());
}

TEST(QuoteNameIfNeeded, FollowsTheLexersNameRule) {
  EXPECT_EQ(QuoteNameIfNeeded("ByteDance"), "ByteDance");
  EXPECT_EQ(QuoteNameIfNeeded("GPT-4o"), "GPT-4o");
  EXPECT_EQ(QuoteNameIfNeeded("Qwen2.5"), "Qwen2.5");
  EXPECT_EQ(QuoteNameIfNeeded("बाइटडांस"), "बाइटडांस");
  EXPECT_EQ(QuoteNameIfNeeded("Volcano Engine"), "\"Volcano Engine\"");
  EXPECT_EQ(QuoteNameIfNeeded("4Paradigm"), "\"4Paradigm\"");
  EXPECT_EQ(QuoteNameIfNeeded("end-"), "\"end-\"");
  EXPECT_EQ(QuoteNameIfNeeded("Where"), "\"Where\"");  // a keyword
  EXPECT_EQ(QuoteNameIfNeeded("say \"hi\""), "\"say \\\"hi\\\"\"");
}

using VocabularyTest = testing::ShellStoreTest;

TEST_F(VocabularyTest, ReadsKeywordsPredicatesEntitiesAndAliasesFromTheStore) {
  auto store = testing::OpenStore(db_, /*read_only=*/true);
  ASSERT_NE(store, nullptr);
  auto vocabulary = LoadVocabulary(*store);
  ASSERT_TRUE(vocabulary.ok()) << vocabulary.status().ToString();
  EXPECT_EQ(vocabulary->keywords, QueryKeywords());
  EXPECT_THAT(vocabulary->predicates, Contains("plans_capex"));
  EXPECT_THAT(vocabulary->entities, Contains("Umbrella Labs"));  // an object only
  EXPECT_THAT(vocabulary->entities, Contains("एक्मे"));           // an alias
  EXPECT_THAT(CompletionCandidates(*vocabulary, "DESCRIBE ", "एक्"), ElementsAre("एक्मे"));
}

TEST_F(VocabularyTest, StopsAtTheEntityLimit) {
  auto store = testing::OpenStore(db_, /*read_only=*/true);
  ASSERT_NE(store, nullptr);
  auto vocabulary = LoadVocabulary(*store, /*max_entities=*/2);
  ASSERT_TRUE(vocabulary.ok()) << vocabulary.status().ToString();
  std::set<std::string> canonical;
  for (const std::string& name : vocabulary->entities) {
    auto ids = store->ResolveEntity(name);
    ASSERT_TRUE(ids.ok());
    canonical.insert(ids->begin(), ids->end());
  }
  EXPECT_LE(canonical.size(), 2u);
}

}  // namespace
}  // namespace kg::shell
