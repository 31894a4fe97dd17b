// Whole-word matching of rule phrase lists at a position (ingest/phrase_match.h), on folded text:
// a phrase ending in an apostrophe is glued to the next word, any other needs a word boundary.
#include "ingest/phrase_match.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg::ingest::testing {
namespace {

const std::vector<std::string> kOpeners = {"the", "a", "an", "l'", "la"};

TEST(PhraseMatch, WordAfterPhraseSkipsTheLongestOpenerAndNeedsABoundary) {
  EXPECT_EQ(WordAfterPhrase("x, an operator", 3, kOpeners), 6u);  // "an", not "a"
  EXPECT_EQ(WordAfterPhrase("x, l'operatore", 3, kOpeners), 5u);  // glued
  EXPECT_EQ(WordAfterPhrase("x, the  group", 3, kOpeners), 8u);   // past every space
  EXPECT_EQ(WordAfterPhrase("x, assistant", 3, kOpeners), std::string::npos);
  EXPECT_EQ(WordAfterPhrase("x, theatre", 3, kOpeners), std::string::npos);
}

TEST(PhraseMatch, PhraseBeforeTakesGluedOrSpacedOpenersOnly) {
  EXPECT_TRUE(PhraseBefore("the vela app", 4, kOpeners));
  EXPECT_TRUE(PhraseBefore("di l'operatore", 5, kOpeners));
  EXPECT_FALSE(PhraseBefore("bathe vela", 6, kOpeners));  // "the" inside a word
  EXPECT_FALSE(PhraseBefore("sola vela", 5, kOpeners));   // "la" inside "sola"
}

TEST(PhraseMatch, PhraseEndAndPhraseEndsAtNeedWholeWords) {
  EXPECT_EQ(PhraseEnd("the group", 0, kOpeners), 3u);
  EXPECT_EQ(PhraseEnd("theory", 0, kOpeners), std::string::npos);
  EXPECT_TRUE(PhraseEndsAt("buy the", 7, kOpeners));
  EXPECT_FALSE(PhraseEndsAt("soothe", 6, kOpeners));
  EXPECT_EQ(BackOverSpaces("a  b", 3), 1u);
}

}  // namespace
}  // namespace kg::ingest::testing
