// The shortcuts of extraction's text path give what the long way gives:
// NFC checked in UTF-8 instead of converted, and one sentence splitter run
// over all the lines of a document instead of one per line.
#include <gtest/gtest.h>

#include "ingest/batch.h"
#include "ingest/clutter.h"
#include "ingest/sentences.h"
#include "ingest/text_check.h"
#include "storage/normalize.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

TEST(ArticleNfc, KeepsNfcTextAndComposesTheRest) {
  EXPECT_EQ(ArticleNfc("plain ascii"), "plain ascii");
  EXPECT_EQ(ArticleNfc("caff\xC3\xA8 और कहा"), "caff\xC3\xA8 और कहा");   // already NFC
  EXPECT_EQ(ArticleNfc("caffe\xCC\x80"), "caff\xC3\xA8");                    // e + combining grave
  EXPECT_EQ(ArticleNfc("\xE0\xA4\x95\xE0\xA4\xBC"), "\xE0\xA4\x95\xE0\xA4\xBC");  // क + nukta stays: excluded from composition
  EXPECT_EQ(ArticleNfc("\xEF\xAC\x81"), ToNfc("\xEF\xAC\x81"));            // the ﬁ ligature: NFC keeps it
}

std::vector<Span> LineByLine(const SentenceSplitter& splitter, std::string_view text, const std::vector<Span>& lines) {
  std::vector<Span> out;
  for (const Span& line : lines) {
    for (const Span& s : splitter.Split(text, line)) out.push_back(s);
  }
  return out;
}

bool SameSpans(const std::vector<Span>& a, const std::vector<Span>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end) return false;
  }
  return true;
}

TEST(SentenceSplitter, AllLinesAtOnceSplitLikeOneLineAtATime) {
  auto splitter = SentenceSplitter::Create("en", {"U.S."});
  ASSERT_TRUE(splitter.ok());
  // A line ending in an abbreviation is not joined to the next line's sentence.
  std::string text = "Prices rose in the U.S.\nPresident Smith spoke. Then he left.";
  std::vector<Span> lines = {{0, 23}, {24, text.size()}};
  std::vector<Span> together = splitter->Split(text, lines);
  ASSERT_EQ(together.size(), 3u);
  EXPECT_EQ(text.substr(together[0].start, together[0].end - together[0].start), "Prices rose in the U.S.");
  EXPECT_TRUE(SameSpans(together, LineByLine(*splitter, text, lines)));
}

TEST(SentenceSplitter, SeedArticlesSplitAlikeEitherWay) {
  auto inputs = ReadManifest(kCorpusDir + "/manifest.tsv");
  ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
  size_t sentences = 0;
  for (const auto& input : *inputs) {
    const Language* lang = Data().language(input.meta.lang);
    ASSERT_NE(lang, nullptr) << input.path;
    auto splitter = SentenceSplitter::Create(lang->locale, lang->abbreviations);
    ASSERT_TRUE(splitter.ok());
    std::string text = ArticleNfc(ReadAll(input.path));
    std::vector<Span> lines = ContentLines(text, *lang);
    std::vector<Span> together = splitter->Split(text, lines);
    EXPECT_TRUE(SameSpans(together, LineByLine(*splitter, text, lines))) << input.path;
    sentences += together.size();
  }
  EXPECT_GT(sentences, 100u);
}

}  // namespace
}  // namespace kg::ingest::testing
