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

}  // namespace
}  // namespace kg
