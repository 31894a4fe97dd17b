// Key encodings: byte order must equal logical order, and every encoding
// must decode to what went in.
#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "storage/encoding.h"
#include "test_util.h"

namespace kg::storage {
namespace {

// Logical order of canonical decimals, written independently of the encoder:
// sign, then length of the whole part, then digits, then fraction digits.
int CompareMagnitude(const std::string& a, const std::string& b) {
  auto split = [](const std::string& s) {
    size_t point = s.find('.');
    return std::pair{s.substr(0, point), point == std::string::npos ? std::string() : s.substr(point + 1)};
  };
  auto [wa, fa] = split(a);
  auto [wb, fb] = split(b);
  if (wa.size() != wb.size()) return wa.size() < wb.size() ? -1 : 1;
  if (wa != wb) return wa < wb ? -1 : 1;
  size_t width = std::max(fa.size(), fb.size());
  fa.resize(width, '0');
  fb.resize(width, '0');
  return fa == fb ? 0 : (fa < fb ? -1 : 1);
}

int CompareDecimals(const std::string& a, const std::string& b) {
  bool na = a[0] == '-', nb = b[0] == '-';
  if (na != nb) return na ? -1 : 1;
  int magnitude = CompareMagnitude(na ? a.substr(1) : a, nb ? b.substr(1) : b);
  return na ? -magnitude : magnitude;
}

std::string RandomDecimal(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> digit(0, 9), whole_len(0, 14), frac_len(0, 6), coin(0, 3);
  std::string s = coin(rng) == 0 ? "-" : "";
  int w = whole_len(rng);
  for (int i = 0; i < w; ++i) s += static_cast<char>('0' + digit(rng));
  if (w == 0) s += "0";
  int f = frac_len(rng);
  if (f > 0) {
    s += ".";
    for (int i = 0; i < f; ++i) s += static_cast<char>('0' + digit(rng));
  }
  return s;
}

TEST(DecimalTest, CanonicalForms) {
  EXPECT_EQ(CanonicalDecimal("160000000000"), "160000000000");
  EXPECT_EQ(CanonicalDecimal("1.50"), "1.5");
  EXPECT_EQ(CanonicalDecimal("007"), "7");
  EXPECT_EQ(CanonicalDecimal("-0.00"), "0");
  EXPECT_EQ(CanonicalDecimal(".5"), "0.5");
  EXPECT_EQ(CanonicalDecimal("+3"), "3");
  EXPECT_EQ(CanonicalDecimal("-0.030"), "-0.03");
  EXPECT_EQ(CanonicalDecimal("100.000"), "100");
  for (const char* bad : {"", "-", "1.", ".", "1e9", "12,5", "1.2.3", "abc", " 1", "--1"}) {
    EXPECT_FALSE(CanonicalDecimal(bad).has_value()) << bad;
  }
}

TEST(DecimalTest, EncodedOrderEqualsNumericOrderAndRoundTrips) {
  std::mt19937_64 rng(42);
  std::vector<std::string> values = {"0", "1", "-1", "0.001", "-0.001", "10", "9.99", "1000000", "0.1", "0.10001"};
  for (int i = 0; i < 3000; ++i) values.push_back(*CanonicalDecimal(RandomDecimal(rng)));
  for (const std::string& v : values) {
    std::string encoded;
    PutOrderedDecimal(&encoded, v);
    encoded += "tail";
    std::string_view in = encoded;
    std::string decoded;
    ASSERT_TRUE(GetOrderedDecimal(&in, &decoded)) << v;
    EXPECT_EQ(decoded, v);
    EXPECT_EQ(in, "tail");  // self-delimiting
  }
  std::shuffle(values.begin(), values.end(), rng);
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    const std::string& a = values[i];
    const std::string& b = values[i + 1];
    std::string ea, eb;
    PutOrderedDecimal(&ea, a);
    PutOrderedDecimal(&eb, b);
    int logical = CompareDecimals(a, b);
    int bytes = ea.compare(eb);
    EXPECT_EQ(logical < 0, bytes < 0) << a << " vs " << b;
    EXPECT_EQ(logical == 0, bytes == 0) << a << " vs " << b;
  }
}

TEST(QuantityKeyTest, SortsByUnitThenValue) {
  std::mt19937_64 rng(7);
  std::vector<Term> terms;
  for (int i = 0; i < 500; ++i) {
    terms.push_back(*CanonicalTerm(Term::Quantity(RandomDecimal(rng), i % 3 == 0 ? "CNY" : (i % 3 == 1 ? "USD" : "H200"))));
  }
  std::sort(terms.begin(), terms.end(),
            [](const Term& a, const Term& b) { return TermValueKey(a) < TermValueKey(b); });
  for (size_t i = 0; i + 1 < terms.size(); ++i) {
    if (terms[i].unit != terms[i + 1].unit) {
      EXPECT_LT(terms[i].unit, terms[i + 1].unit);
      continue;
    }
    EXPECT_LE(CompareDecimals(terms[i].value, terms[i + 1].value), 0)
        << terms[i].value << " before " << terms[i + 1].value;
  }
}

TEST(TimeTest, IdsSortByTimeCoarserFirst) {
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int> year(1990, 2040), month(1, 12), day(1, 28), precision(0, 2);
  struct Logical {
    int y, m, d;
    std::string iso;
  };
  std::vector<Logical> times;
  for (int i = 0; i < 2000; ++i) {
    Logical t{year(rng), 0, 0, ""};
    int p = precision(rng);
    if (p >= 1) t.m = month(rng);
    if (p == 2) t.d = day(rng);
    char buffer[16];
    if (p == 0) std::snprintf(buffer, sizeof buffer, "%04d", t.y);
    if (p == 1) std::snprintf(buffer, sizeof buffer, "%04d-%02d", t.y, t.m);
    if (p == 2) std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", t.y, t.m, t.d);
    t.iso = buffer;
    times.push_back(t);
  }
  for (size_t i = 0; i + 1 < times.size(); ++i) {
    const Logical& a = times[i];
    const Logical& b = times[i + 1];
    auto ia = TimeId(a.iso), ib = TimeId(b.iso);
    ASSERT_TRUE(ia && ib) << a.iso << " " << b.iso;
    EXPECT_EQ(TimeString(*ia), a.iso);
    bool logical_less = std::tie(a.y, a.m, a.d) < std::tie(b.y, b.m, b.d);
    std::string ka, kb;
    PutBig64(&ka, *ia);
    PutBig64(&kb, *ib);
    EXPECT_EQ(logical_less, ka < kb) << a.iso << " vs " << b.iso;
  }
}
TEST(TimeTest, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "25", "2025-13", "2025-00", "2025-02-30", "2023-02-29", "2025-1", "2025/10", "2025-10-14T"}) {
    EXPECT_FALSE(TimeId(bad).has_value()) << bad;
  }
  EXPECT_TRUE(TimeId("2024-02-29").has_value());
}

TEST(OrderedStringTest, OrderAndRoundTripWithZeroBytes) {
  std::vector<std::string> values = {"", std::string("a\0", 2), "a", "ab", std::string("\0", 1), "b", "\xff"};
  std::sort(values.begin(), values.end());
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    std::string ea, eb;
    PutOrderedString(&ea, values[i]);
    PutOrderedString(&eb, values[i + 1]);
    EXPECT_LT(ea, eb);
    std::string_view in = ea;
    std::string back;
    ASSERT_TRUE(GetOrderedString(&in, &back));
    EXPECT_EQ(back, values[i]);
    EXPECT_TRUE(in.empty());
  }
}

TEST(TermCodingTest, EncodeDecodeRoundTripInManyScripts) {
  for (const Term& t : {Term::Entity("बाइटडांस"), Term::Entity("字节跳动"), Term::Entity("🚀 Rocket"),
                        Term::Text("नमस्ते दुनिया 😀", "hi"), Term::Quantity("-1.5", "𝔘nits"), Term::Time("2025-10")}) {
    auto canonical = CanonicalTerm(t);
    ASSERT_TRUE(canonical.ok());
    Term back;
    ASSERT_TRUE(DecodeTerm(EncodeTerm(*canonical), &back));
    EXPECT_TRUE(back.SameAs(*canonical)) << t.value;
  }
}

}  // namespace

namespace testing_dictionary {
using kg::testing::MakeDocument;
using kg::testing::MakeStatement;
using kg::testing::MatchAll;

TEST(DictionaryTest, StoreRoundTripsDevanagariCjkAndAstralCharacters) {
  kg::testing::TempDir dir;
  auto store = kg::testing::OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  const std::vector<std::string> names = {"बाइटडांस", "字节跳动", "🐉 Dragon Labs", "Ωmega"};
  DocumentInput doc = MakeDocument("scripts", "hi", "h");
  for (size_t i = 0; i < names.size(); ++i) {
    doc.statements.push_back(MakeStatement(Term::Entity(names[i]), "has_label",
                                           Term::Text(names[(i + 1) % names.size()] + " 🎉", "und"), "",
                                           static_cast<uint32_t>(i), "वाक्य " + names[i]));
  }
  ASSERT_TRUE(store->AddDocument(doc).ok());
  for (size_t i = 0; i < names.size(); ++i) {
    Pattern pattern;
    pattern.subject = Term::Entity(names[i]);
    auto claims = MatchAll(*store, pattern);
    ASSERT_EQ(claims.size(), 1u) << names[i];
    EXPECT_EQ(claims[0].claim.subject.value, names[i]);
    EXPECT_EQ(claims[0].claim.object.value, names[(i + 1) % names.size()] + " 🎉");
    EXPECT_EQ(claims[0].claim.object.lang, "und");
    EXPECT_EQ(claims[0].mentions[0].text, "वाक्य " + names[i]);
    Pattern by_object;
    by_object.object = claims[0].claim.object;
    EXPECT_EQ(MatchAll(*store, by_object).size(), 1u);
  }
  kg::testing::ExpectConsistent(*store);
}

TEST(DictionaryTest, MatchReturnsQuantitiesOfAPredicateInValueOrder) {
  kg::testing::TempDir dir;
  auto store = kg::testing::OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  const std::vector<std::string> values = {"1000", "-5", "0.25", "999.5", "0", "12", "-0.5", "1e", "3"};
  DocumentInput doc = MakeDocument("values", "en", "h");
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] == "1e") continue;
    doc.statements.push_back(MakeStatement(Term::Entity("E" + std::to_string(i)), "measure",
                                           Term::Quantity(values[i], "kg"), "", 0, "s"));
  }
  ASSERT_TRUE(store->AddDocument(doc).ok());
  Pattern pattern;
  pattern.predicate = "measure";
  std::vector<std::string> seen;
  for (const auto& r : MatchAll(*store, pattern)) seen.push_back(r.claim.object.value);
  EXPECT_EQ(seen, (std::vector<std::string>{"-5", "-0.5", "0", "0.25", "3", "12", "999.5", "1000"}));
}
}  // namespace testing_dictionary
}  // namespace kg::storage
