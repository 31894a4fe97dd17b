// NormalizeName: the one definition of "the same name" for aliases.
#include <gtest/gtest.h>

#include "storage/normalize.h"

namespace kg {
namespace {

TEST(NormalizeTest, AsciiFoldsToLowerCase) {
  EXPECT_EQ(NormalizeName("ByteDance"), "bytedance");
  EXPECT_EQ(NormalizeName("H200 @ 20,000$"), "h200 @ 20,000$");
  EXPECT_EQ(ToNfc("Plain ASCII"), "Plain ASCII");
}

TEST(NormalizeTest, FullCaseFoldingAndNfc) {
  EXPECT_EQ(NormalizeName("Straße"), "strasse");
  EXPECT_EQ(NormalizeName("ÉLAN"), "élan");
  // "e" + combining acute composes to one code point.
  EXPECT_EQ(NormalizeName("E\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(ToNfc("e\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(NormalizeName("बाइटडांस"), "बाइटडांस");
}

// The ASCII test reads eight bytes at a time: a non-ASCII byte is found in
// every position of a word and in the bytes after the last whole word.
TEST(NormalizeTest, NonAsciiIsFoundAnywhereInLongText) {
  for (size_t prefix = 0; prefix < 20; ++prefix) {
    const std::string ascii(prefix, 'a');
    EXPECT_EQ(ToNfc(ascii + "e\xCC\x81" + ascii), ascii + "\xC3\xA9" + ascii) << prefix;
    std::string text = ascii + "e\xCC\x81";
    MakeNfc(&text);
    EXPECT_EQ(text, ascii + "\xC3\xA9") << prefix;
  }
}

}  // namespace
}  // namespace kg
