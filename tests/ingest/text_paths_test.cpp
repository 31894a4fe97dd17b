// The shortcuts of extraction's text path give what the long way gives:
// NFC checked in UTF-8 instead of converted, and one sentence splitter run
// over all the lines of a document instead of one per line.
#include <gtest/gtest.h>

#include "ingest/batch.h"
#include "ingest/clutter.h"
#include "ingest/sentences.h"
#include "ingest/text_check.h"
#include "ingest/text_view.h"
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

// The inline decoding of two- and three-byte sequences agrees with ICU's
// U8_NEXT and U8_PREV on every such byte sequence, broken ones and cut-off
// ends included.
TEST(CodePointBefore, DecodesLikeU8Prev) {
  auto expect_like_icu = [](const std::string& text) {
    auto i = static_cast<int32_t>(text.size());
    UChar32 c = 0;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
    ASSERT_EQ(CodePointBefore(text, text.size()), c < 0 ? 0xFFFDu : static_cast<uint32_t>(c))
        << std::hex << static_cast<int>(text[0] & 0xFF) << " " << static_cast<int>(text[1] & 0xFF);
  };
  for (int first = 0x00; first <= 0xFF; ++first) {
    for (int second = 0x00; second <= 0xFF; ++second) {
      std::string two = {static_cast<char>(first), static_cast<char>(second)};
      for (int last : {0x80, 0x95, 0xA6, 0xBF}) {
        expect_like_icu(two + static_cast<char>(last));
        expect_like_icu("x" + two.substr(1) + static_cast<char>(last));
      }
    }
  }
}

TEST(CodePointAt, DecodesLikeU8Next) {
  auto expect_like_icu = [](const std::string& text) {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    size_t length = 0;
    uint32_t decoded = CodePointAt(text, 0, &length);
    ASSERT_EQ(decoded, c < 0 ? 0xFFFDu : static_cast<uint32_t>(c)) << std::hex << static_cast<int>(text[0] & 0xFF);
    ASSERT_EQ(length, static_cast<size_t>(i));
  };
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second = 0; second <= 0xFF; ++second) {
      std::string two = {static_cast<char>(lead), static_cast<char>(second)};
      expect_like_icu(two);
      expect_like_icu(two.substr(0, 1));
      for (int third : {0x00, 0x41, 0x80, 0x9F, 0xA6, 0xBF, 0xC0}) expect_like_icu(two + static_cast<char>(third));
    }
  }
}

// The view folds ASCII a run at a time; each byte's origin is still the source byte of its
// code point: capitals, a Latin accent, Devanagari with a dropped nukta,
// a Devanagari digit, curly quotes and a broken byte.
TEST(MakeView, FoldsEachCodePointAndKeepsItsOrigin) {
  const std::string source =
      "\xC3\x88NEL Spa \xE0\xA4\x96\xE0\xA4\xBC\xE0\xA4\xB0 \xE0\xA5\xAF \xE2\x80\x9C" "AI\xE2\x80\x9D \xFF";
  TextView view = MakeView(source);
  EXPECT_EQ(view.text, "\xC3\xA8nel spa \xE0\xA4\x96\xE0\xA4\xB0 9 \"ai\" \xEF\xBF\xBD");
  std::vector<uint32_t> origin = {0,  0,  2,  3,  4,  5,  6,  7,  8,  9,  10, 10, 10, 16,
                                  16, 16, 19, 20, 23, 24, 27, 28, 29, 32, 33, 33, 33, 34};
  EXPECT_EQ(view.origin, origin);
  EXPECT_EQ(FoldText(source), view.text);
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
