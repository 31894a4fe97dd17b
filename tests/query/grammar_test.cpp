// The grammar: inputs it accepts, inputs it rejects and where it says the
// error is. Parsing only: no store involved.
#include <gtest/gtest.h>

#include <variant>

#include "query/literal.h"
#include "query/parser.h"

namespace kg::query {
namespace {

const char* const kAccepted[] = {
    // The contract forms.
    "FIND ?amt ?when WHERE ByteDance plans_capex ?amt @ ?when",
    "FIND ?org ?n WHERE ?org plans_order ?n FILTER ?n >= 1000 H200",
    "FIND ?x WHERE ?x competes_with Alibaba",
    "FIND ?p ?o WHERE \"Volcano Engine\" ?p ?o",
    "FIND ?a ?c WHERE ?a develops ?b, ?b overtook ?c",
    "FIND ?amt ?doc ?lang WHERE ByteDance plans_capex ?amt @2026 FROM ?doc LANG ?lang",
    "FIND ?amt COUNT(DISTINCT ?doc) AS sources WHERE ByteDance plans_capex ?amt @2026 FROM ?doc GROUP BY ?amt "
    "ORDER BY sources DESC",
    "FIND ?s ?p ?o WHERE ?s ?p ?o FROM \"002_3d0abd305cf3f02e\" LIMIT 20",
    "FIND ?org ?amt WHERE ?org capex ?amt @2025 FILTER ?amt > CNY 100bn",
    "SOURCES OF ByteDance plans_capex CNY 160bn @2026",
    "CONFLICTS",
    "CONFLICTS OF ByteDance plans_capex",
    "DESCRIBE ByteDance",
    "ENTITIES LIKE \"Doub\"",
    "PREDICATES",
    // Case, spacing, scripts, comments, terminators.
    "find ?x where ?x Competes_With alibaba",
    "FiNd ?x WhErE ?x competes_with Alibaba LiMiT 3;",
    "FIND ?x\n  WHERE ?x competes_with Alibaba -- a comment\n  LIMIT 3",
    "FIND ?x WHERE ?x competes_with \"बाइटडांस\"",
    "FIND ?x WHERE ?x competes_with बाइटडांस",
    "FIND ?x WHERE 'Volcano Engine' competes_with ?x",
    // Quantities and times.
    "FIND ?x WHERE ?x plans_capex RMB160bn",
    "FIND ?x WHERE ?x plans_capex $23bn",
    "FIND ?x WHERE ?x plans_capex $ 23 billion",
    "FIND ?x WHERE ?x plans_capex USD 23bn @2026",
    "FIND ?x WHERE ?x plans_capex €5m",
    "FIND ?x WHERE ?x plans_capex £5.5bn",
    "FIND ?x WHERE ?x plans_capex ₹1tn",
    "FIND ?x WHERE ?x plans_order 20000 H200",
    "FIND ?x WHERE ?x daily_tokens 30tn tokens @2025-10",
    "FIND ?x WHERE ?x capex_growth 7 percent @2025-10-14",
    "FIND ?x WHERE ?x capex_growth 7%",
    "FIND ?x WHERE ?x capex 160bn CNY",
    // Filters.
    "FIND ?a WHERE ?x capex ?a @ ?w FILTER ?w >= 2025 AND (?a < USD 5bn OR NOT ?a = CNY 1tn)",
    "FIND ?a WHERE ?x capex ?a FILTER ?a != ?a",
    "FIND ?a WHERE ?x capex ?a FILTER ?a <> CNY 1bn && ?x = Acme || ?x = \"Globex\"",
    "FIND ?a WHERE ?x capex ?a FROM ?d FILTER ?d = \"d1\"",
    // Aggregates and the rest.
    "FIND COUNT(*) WHERE ?s ?p ?o",
    "FIND ?p COUNT(?s) WHERE ?s ?p ?o GROUP BY ?p ORDER BY ?p ASC, count_s DESC",
    "FIND DISTINCT ?s WHERE ?s ?p ?o",
    "FIND * WHERE ?s ?p ?o LANG hi",
    "EXPLAIN FIND ?a ?c WHERE ?a develops ?b, ?b overtook ?c",
    "SOURCES OF ?s plans_capex ?o FROM ?doc",
    "CONFLICTS OF ByteDance",
    "ENTITIES",
    "ENTITIES LIKE Doub",
    "DOCUMENTS",
    // Keywords that are also names where a name is expected.
    "FIND ?x WHERE ?x sources Count",
};

TEST(GrammarTest, Accepts) {
  for (const char* query : kAccepted) {
    auto parsed = Parse(query);
    EXPECT_TRUE(parsed.ok()) << query << "\n" << parsed.status().message();
  }
}

struct Rejected {
  const char* query;
  size_t line;
  size_t column;
  const char* fragment;  // the message must contain it
};

const Rejected kRejected[] = {
    {"FIND ?x WHER ?x competes_with Alibaba", 1, 9, "expected"},
    {"FIND WHERE ?x competes_with Alibaba", 1, 6, "unexpected 'WHERE'"},
    {"FIND ?x WHERE ?x competes_with", 1, 31, "unexpected end of query"},
    {"FIND ?x WHERE ?x competes_with Alibaba LIMIT", 1, 45, "a number"},
    {"FIND ?x WHERE ?x competes_with Alibaba LIMIT 2.5", 1, 46, "whole number"},
    {"FIND ?x WHERE ?x competes_with Alibaba extra", 1, 40, "unexpected 'extra'"},
    {"FIND ?x\nWHERE ?x competes_with Alibaba\nFILTER ?x >", 3, 12, "unexpected end of query"},
    {"FIND ?x WHERE ?x competes_with \"Alibaba", 1, 32, "unterminated string"},
    {"FIND ?x WHERE ?x competes_with Alibaba ^", 1, 40, "unexpected character '^'"},
    {"FIND ?x WHERE ?x capex ?a @20261", 1, 28, "invalid time"},
    {"FIND ?x WHERE ?x capex ?a @2025-13", 1, 28, "invalid date"},
    {"FIND ?x WHERE ?x capex Foo 5bn", 1, 24, "is not a currency"},
    {"FIND ?x WHERE ?x capex ?a FILTER (?a > CNY 5bn", 1, 47, "expected"},
    {"FIND ?x WHERE ?x ?p", 1, 20, "unexpected end of query"},
    {"SOURCES ByteDance plans_capex ?x", 1, 9, "OF"},
    {"CONFLICTS OF", 1, 13, "end of query"},
    {"DESCRIBE", 1, 9, "end of query"},
    {"PREDICATES ?x", 1, 12, "unexpected '?x'"},
    {"HELLO", 1, 1, "unexpected 'HELLO'"},
    {"FIND ?x WHERE\n\t?x  बाइटडांस", 2, 14, "end of query"},
    {"FIND COUNT(?x WHERE ?x p ?y", 1, 15, "')'"},
};

void ExpectRejectedAt(const Rejected& r) {
  auto parsed = Parse(r.query);
  ASSERT_FALSE(parsed.ok()) << r.query;
  const std::string& message = parsed.status().message();
  std::string position = "(line " + std::to_string(r.line) + ", column " + std::to_string(r.column) + ")";
  EXPECT_NE(message.find(position), std::string::npos) << r.query << "\n" << message;
  EXPECT_NE(message.find(r.fragment), std::string::npos) << r.query << "\n" << message;
  EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument);
}

TEST(GrammarTest, RejectsWithPosition) {
  for (const auto& r : kRejected) ExpectRejectedAt(r);
}

TEST(GrammarTest, CaretSitsUnderTheError) {
  auto parsed = Parse("FIND ?x WHER ?x competes_with Alibaba");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("\n  FIND ?x WHER ?x competes_with Alibaba\n          ^"), std::string::npos)
      << parsed.status().message();
}

TEST(GrammarTest, CaretCountsDisplayWidth) {
  // The vowel sign and the anusvara of बाइटडांस: the sign U+093E takes a
  // column, the non-spacing anusvara none (7 columns for 8 code points);
  // each CJK character takes two.
  auto hindi = Parse("FIND ?x WHERE ?x बाइटडांस ^");
  ASSERT_FALSE(hindi.ok());
  EXPECT_NE(hindi.status().message().find("(line 1, column 27)"), std::string::npos);
  EXPECT_NE(hindi.status().message().find("\n" + std::string(2 + 17 + 7 + 1, ' ') + "^"), std::string::npos)
      << hindi.status().message();
  auto chinese = Parse("FIND ?x WHERE ?x 字节跳动 ^");
  ASSERT_FALSE(chinese.ok());
  EXPECT_NE(chinese.status().message().find("(line 1, column 23)"), std::string::npos);
  EXPECT_NE(chinese.status().message().find("\n" + std::string(2 + 17 + 8 + 1, ' ') + "^"), std::string::npos)
      << chinese.status().message();
}

// Names beyond ASCII: the lexer tests \p{L} / \p{M} / \p{N} by predicate
// (query/name_classes.h), so these pin what the Unicode sets accepted.
const FindQuery& FindOf(const Result<Statement>& parsed) { return std::get<FindQuery>(parsed.value()); }

TEST(GrammarTest, NamesInOtherScriptsAreOneToken) {
  // Vowel signs and the virama (\p{M}) inside, a Devanagari digit after '-'.
  auto hindi = Parse("FIND ?x WHERE ?x competes_with क्षेत्रीय-२");
  ASSERT_TRUE(hindi.ok()) << hindi.status().message();
  EXPECT_EQ(FindOf(hindi).patterns[0].object.kind, TermExpr::Kind::kName);
  EXPECT_EQ(FindOf(hindi).patterns[0].object.text, "क्षेत्रीय-२");

  auto italian = Parse("FIND ?città WHERE ?città sede_di Università_Bocconi");
  ASSERT_TRUE(italian.ok()) << italian.status().message();
  EXPECT_EQ(FindOf(italian).items[0].variable, "città");
  EXPECT_EQ(FindOf(italian).patterns[0].predicate.text, "sede_di");
  EXPECT_EQ(FindOf(italian).patterns[0].object.text, "Università_Bocconi");
}

TEST(GrammarTest, OtherCharactersBeyondAsciiKeepTheirTokens) {
  // A currency symbol right after a name is an amount, not part of the name.
  auto amount = Parse("FIND ?x WHERE ?x plans_capex ?a FILTER ?a > Perché€5m");
  ASSERT_FALSE(amount.ok());
  EXPECT_NE(amount.status().message().find("(line 1, column 51)"), std::string::npos) << amount.status().message();
  EXPECT_NE(amount.status().message().find("unexpected '€'"), std::string::npos) << amount.status().message();
  // No-break and ideographic spaces separate names as before.
  auto spaced = Parse("FIND ?x WHERE Città\u00A0sede_di\u3000?x");
  ASSERT_TRUE(spaced.ok()) << spaced.status().message();
  EXPECT_EQ(FindOf(spaced).patterns[0].subject.text, "Città");
  EXPECT_EQ(FindOf(spaced).patterns[0].predicate.text, "sede_di");
}

const Rejected kRejectedNames[] = {
    {"FIND ?x WHERE ?x competes_with Byte😀Dance", 1, 36, "unexpected character '😀'"},
    {"FIND ?x WHERE ?x competes_with बाइट😀डांस", 1, 36, "unexpected character '😀'"},
    {"FIND ?x WHERE ?x competes_with Byte\u200BDance", 1, 36, "unexpected character '\u200B'"},  // zero width space
    {"FIND ?x WHERE ?x competes_with ९a", 1, 32, "unexpected character '९'"},  // a digit cannot open a name
    {"FIND ?x WHERE ?x competes_with \u093Ea", 1, 32, "unexpected character '\u093E'"},  // nor a vowel sign
    {"FIND ?x😀 WHERE ?x p b", 1, 8, "unexpected character '😀'"},
    {"FIND ?x WHERE ?x competes_with Byte\u00A0Dance", 1, 37, "unexpected 'Dance'"},  // a space between names
};

TEST(GrammarTest, NameWithCharacterOutsideTheClassesIsAnError) {
  for (const auto& r : kRejectedNames) ExpectRejectedAt(r);
}

TEST(GrammarTest, EmptyAndInvalidInput) {
  EXPECT_FALSE(Parse("").ok());
  EXPECT_FALSE(Parse("  \n ").ok());
  auto bad = Parse(std::string("FIND ?x WHERE ?x p \xff"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not valid UTF-8 (byte 19)"), std::string::npos) << bad.status().message();
}

TEST(GrammarTest, LiteralsAreCanonical) {
  auto parsed = Parse("FIND ?x WHERE ?x p RMB160bn, ?x q $23bn, ?x r 1.6tn yuan, ?x s 20000 H200, ?x t 7%, ?x u 3 million EUR");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const auto& patterns = std::get<FindQuery>(*parsed).patterns;
  ASSERT_EQ(patterns.size(), 6u);
  auto object = [&](size_t i) { return patterns[i].object.decimal + " " + patterns[i].object.unit; };
  EXPECT_EQ(object(0), "160000000000 CNY");
  EXPECT_EQ(object(1), "23000000000 USD");
  EXPECT_EQ(object(2), "1600000000000 CNY");
  EXPECT_EQ(object(3), "20000 H200");
  EXPECT_EQ(object(4), "7 percent");
  EXPECT_EQ(object(5), "3000000 EUR");
}

TEST(LiteralTest, ScaledDecimal) {
  EXPECT_EQ(ScaledDecimal("160bn"), "160000000000");
  EXPECT_EQ(ScaledDecimal("1.6tn"), "1600000000000");
  EXPECT_EQ(ScaledDecimal("1.23456k"), "1234.56");
  EXPECT_EQ(ScaledDecimal("007.50"), "7.5");
  EXPECT_EQ(ScaledDecimal("3", "Million"), "3000000");
  EXPECT_EQ(ScaledDecimal("5bn", "million"), std::nullopt);
  EXPECT_EQ(ScaledDecimal("5xy"), std::nullopt);
}

TEST(LiteralTest, CompareDecimal) {
  EXPECT_LT(CompareDecimal("99", "100"), 0);
  EXPECT_EQ(CompareDecimal("1.50", "1.5"), 0);
  EXPECT_GT(CompareDecimal("1.51", "1.5"), 0);
  EXPECT_LT(CompareDecimal("-3", "2"), 0);
  EXPECT_GT(CompareDecimal("-3", "-4"), 0);
  EXPECT_EQ(CompareDecimal("0", "0.0"), 0);
}

TEST(LiteralTest, Units) {
  EXPECT_EQ(KnownUnit("RMB"), "CNY");
  EXPECT_EQ(KnownUnit("yuan"), "CNY");
  EXPECT_EQ(KnownUnit("$"), "USD");
  EXPECT_EQ(KnownUnit("€"), "EUR");
  EXPECT_EQ(KnownUnit("£"), "GBP");
  EXPECT_EQ(KnownUnit("₹"), "INR");
  EXPECT_EQ(KnownUnit("%"), "percent");
  EXPECT_EQ(KnownUnit("H200"), std::nullopt);
  EXPECT_EQ(CurrencyCode("JPY"), "JPY");
  EXPECT_EQ(CurrencyCode("tokens"), std::nullopt);
  EXPECT_FALSE(SplitGluedQuantity("RTX4090").has_value());
  EXPECT_FALSE(SplitGluedQuantity("H200").has_value());
}

}  // namespace
}  // namespace kg::query
