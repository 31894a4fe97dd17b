// The text rules of RDF terms: IRI segments, literal escapes, language
// tags, blank node labels and the stable hash behind minted IRIs.
#include "export/rdf_terms.h"

#include <gtest/gtest.h>

namespace kg::rdf {
namespace {

TEST(EncodeIriSegment, KeepsLettersOfAnyScriptAndEncodesDelimiters) {
  EXPECT_EQ(EncodeIriSegment("Volcano Engine"), "Volcano%20Engine");
  EXPECT_EQ(EncodeIriSegment("बीजिंग"), "बीजिंग");
  EXPECT_EQ(EncodeIriSegment("Pechino"), "Pechino");
  EXPECT_EQ(EncodeIriSegment("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
  EXPECT_EQ(EncodeIriSegment("q\"<>{}|^`\\"), "q%22%3C%3E%7B%7D%7C%5E%60%5C");
  EXPECT_EQ(EncodeIriSegment("AT&T's (co)"), "AT&T's%20(co)");
}

TEST(EncodeIriSegment, EncodesInvalidUtf8AndNonCharactersByByte) {
  EXPECT_EQ(EncodeIriSegment(std::string("a\xFF" "b")), "a%FFb");
  EXPECT_EQ(EncodeIriSegment("\xC2\x85"), "%C2%85");  // U+0085, a C1 control
}

TEST(DecodeIriSegment, InvertsEncoding) {
  for (const char* text : {"Volcano Engine", "a/b?c#d%e", "😀 x", "100%", "%zz"}) {
    EXPECT_EQ(DecodeIriSegment(EncodeIriSegment(text)), text);
  }
  EXPECT_EQ(DecodeIriSegment("100%"), "100%");
}

TEST(SanitizeIri, EncodesOnlyWhatIriRefForbids) {
  EXPECT_EQ(SanitizeIri("http://x/a b"), "http://x/a%20b");
  EXPECT_EQ(SanitizeIri("http://x/ü?q=1#f"), "http://x/ü?q=1#f");
}

TEST(IsAbsoluteIri, NeedsASchemeAndNoSpaces) {
  EXPECT_TRUE(IsAbsoluteIri("http://example.org/x"));
  EXPECT_TRUE(IsAbsoluteIri("urn:isbn:123"));
  EXPECT_FALSE(IsAbsoluteIri("ByteDance"));
  EXPECT_FALSE(IsAbsoluteIri("Mission: Impossible"));
  EXPECT_FALSE(IsAbsoluteIri("1http:x"));
  EXPECT_FALSE(IsAbsoluteIri("http:"));
}

TEST(EscapeLiteral, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(EscapeLiteral("say \"hi\"\\"), "say \\\"hi\\\"\\\\");
  EXPECT_EQ(EscapeLiteral("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(EscapeLiteral(std::string("\x01", 1)), "\\u0001");
  EXPECT_EQ(EscapeLiteral("नमस्ते 😀"), "नमस्ते 😀");
  EXPECT_EQ(EscapeLiteral(""), "");
  EXPECT_EQ(EscapeLiteral("bad\xC3"), "bad\xEF\xBF\xBD");
}

TEST(IsValidLangTag, AcceptsBcp47Shapes) {
  EXPECT_TRUE(IsValidLangTag("en"));
  EXPECT_TRUE(IsValidLangTag("hi-Latn-IN"));
  EXPECT_FALSE(IsValidLangTag(""));
  EXPECT_FALSE(IsValidLangTag("e n"));
  EXPECT_FALSE(IsValidLangTag("en-"));
  EXPECT_FALSE(IsValidLangTag("1en"));
}

TEST(SanitizeBlankLabel, KeepsSafeCharactersOnly) {
  EXPECT_EQ(SanitizeBlankLabel("b12_x"), "b12_x");
  EXPECT_EQ(SanitizeBlankLabel("a-b"), "ax2Db");
  EXPECT_EQ(SanitizeBlankLabel(""), "b");
}

TEST(StableHash, IsFixedAndSeparatesParts) {
  EXPECT_EQ(StableHash({"ByteDance", "plans_capex"}), StableHash({"ByteDance", "plans_capex"}));
  EXPECT_NE(StableHash({"ab", "c"}), StableHash({"a", "bc"}));
  EXPECT_EQ(StableHash({}).size(), 16u);
  // Pinned: minted claim IRIs must not change between releases.
  EXPECT_EQ(StableHash({"ByteDance", "plans_capex"}), "cd5bfbb63ba3d5d0");
}

TEST(Utf8, DecodesAndEncodesEveryLength) {
  for (char32_t cp : {U'a', U'é', U'ब', U'😀'}) {
    std::string text;
    AppendUtf8(cp, &text);
    char32_t back = 0;
    EXPECT_EQ(DecodeUtf8(text, 0, &back), text.size());
    EXPECT_EQ(back, cp);
  }
  char32_t ignored = 0;
  EXPECT_EQ(DecodeUtf8("\xC0\x80", 0, &ignored), 0u);      // overlong
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0, &ignored), 0u);  // surrogate
}

}  // namespace
}  // namespace kg::rdf
