// Quantity and time corpora (tests/ingest/corpus/*.tsv), Duckling style:
// each line is a phrase and what it must (or must not) be read as.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "ingest/quantity.h"
#include "ingest/tagger.h"
#include "storage/normalize.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

const std::string kCorpus = KG_SOURCE_DIR "/tests/ingest/corpus/";

struct Line {
  int number = 0;
  std::vector<std::string> fields;
};

std::vector<Line> ReadCorpus(const std::string& name) {
  std::ifstream in(kCorpus + name);
  EXPECT_TRUE(in) << "missing corpus " << name;
  std::vector<Line> lines;
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (text.empty() || text[0] == '#') continue;
    Line line{number, {}};
    std::istringstream fields(text);
    for (std::string f; std::getline(fields, f, '\t');) line.fields.push_back(f);
    lines.push_back(line);
  }
  return lines;
}

class QuantityCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(QuantityCorpus, EveryLineReadsAsWritten) {
  const Language* lang = Data().language(GetParam());
  ASSERT_NE(lang, nullptr);
  auto lines = ReadCorpus("quantities." + GetParam() + ".tsv");
  EXPECT_GE(lines.size(), 30u) << "a corpus needs 30 cases or more";
  for (const auto& line : lines) {
    const std::string& text = line.fields[0];
    std::string nfc = ToNfc(text);
    // Through the tagger, as the pipeline reads it (names win over digits).
    TaggedSentence s = TagSentence(nfc, *lang, Data(), RefDate::Parse("2025-12"));
    std::vector<const Tag*> found;
    for (const auto& tag : s.tags) {
      if (IsQuantityType(tag.type)) found.push_back(&tag);
    }
    SCOPED_TRACE("line " + std::to_string(line.number) + ": " + text);
    ASSERT_GE(line.fields.size(), 2u);
    if (line.fields[1] == "none") {
      EXPECT_TRUE(found.empty()) << "read a quantity " << (found.empty() ? "" : found[0]->quantity.value);
      continue;
    }
    ASSERT_EQ(line.fields.size(), 5u);
    ASSERT_FALSE(found.empty());
    const QuantityMention& q = found[0]->quantity;
    EXPECT_EQ(found[0]->type, line.fields[1]);
    EXPECT_EQ(q.value, line.fields[2]);
    EXPECT_EQ(q.unit, line.fields[3]);
    EXPECT_STREQ(BoundName(q.bound), line.fields[4].c_str());
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, QuantityCorpus, ::testing::Values("en", "it", "hi"));

class TimeCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(TimeCorpus, EveryLineResolvesAsWritten) {
  const Language* lang = Data().language(GetParam());
  ASSERT_NE(lang, nullptr);
  auto lines = ReadCorpus("times." + GetParam() + ".tsv");
  EXPECT_GE(lines.size(), 30u);
  RefDate ref;
  for (const auto& line : lines) {
    ASSERT_EQ(line.fields.size(), 2u) << "line " << line.number;
    if (line.fields[0] == "@published") {
      ref = RefDate::Parse(line.fields[1]);
      continue;
    }
    SCOPED_TRACE("line " + std::to_string(line.number) + ": " + line.fields[0]);
    std::string nfc = ToNfc(line.fields[0]);
    TaggedSentence s = TagSentence(nfc, *lang, Data(), ref);
    std::string got = "none";
    for (const auto& tag : s.tags) {
      if (tag.type == "TIME") { got = tag.id; break; }
    }
    EXPECT_EQ(got, line.fields[1]);
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, TimeCorpus, ::testing::Values("en", "it", "hi"));

// Mention corpus (mentions.*.tsv): a short text (sentences split at " | "),
// tagged and read document-wide as the pipeline does; a name written in it
// and the type of its tag, or "none": no mention is written as that name.
class MentionCorpus : public ::testing::TestWithParam<std::string> {};

std::string WrittenAs(const TaggedSentence& s, const Tag& tag) {
  size_t from = s.view.SourceOffset(tag.start), to = s.view.SourceOffset(tag.end);
  return std::string(s.view.source.substr(from, to - from));
}

TEST_P(MentionCorpus, EveryNameTaggedAsWritten) {
  const Language* lang = Data().language(GetParam());
  ASSERT_NE(lang, nullptr);
  auto lines = ReadCorpus("mentions." + GetParam() + ".tsv");
  EXPECT_FALSE(lines.empty());
  for (const auto& line : lines) {
    ASSERT_EQ(line.fields.size(), 3u) << "line " << line.number;
    std::vector<std::string> nfc_sentences;  // kept alive: the views point into them
    for (size_t from = 0; from <= line.fields[0].size();) {
      size_t bar = line.fields[0].find(" | ", from);
      nfc_sentences.push_back(ToNfc(line.fields[0].substr(from, bar == std::string::npos ? bar : bar - from)));
      from = bar == std::string::npos ? std::string::npos : bar + 3;
    }
    RefDate ref = RefDate::Parse("2026-03");
    std::vector<TaggedSentence> sentences;
    for (const auto& nfc : nfc_sentences) sentences.push_back(TagSentence(nfc, *lang, Data(), ref));
    ReadDocumentWide(*lang, Data(), ref, &sentences);
    std::string type = "none", tagged;
    for (const auto& s : sentences) {
      tagged += s.tagged_text + " | ";
      for (const auto& tag : s.tags) {
        if (WrittenAs(s, tag) == line.fields[1]) type = tag.type;
      }
    }
    EXPECT_EQ(type, line.fields[2]) << "line " << line.number << ": " << line.fields[1] << " in " << tagged;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, MentionCorpus, ::testing::Values("en", "it", "hi"));

// Currencies from ICU (icu_currencies.cpp): names, plurals and regional
// symbols in each language; nothing shared, nothing that is a word or an entity.
TEST(IcuCurrencies, EveryCurrencyByNameSymbolAndCode) {
  auto code = [](const PhraseTable& table, const std::string& written) {
    const Phrase* phrase = table.Find(FoldPhrase(written));
    return phrase == nullptr ? std::string("none") : phrase->value;
  };
  const Language& en = *Data().language("en");
  EXPECT_EQ(code(en.currencies_after, "Kenyan shillings"), "KES");
  EXPECT_EQ(code(en.currencies_after, "Egyptian pounds"), "EGP");
  EXPECT_EQ(code(en.currencies_after, "pounds"), "GBP");     // the hand lexicon's
  EXPECT_EQ(code(en.currencies_before, "Ksh"), "KES");       // en_KE's symbol
  EXPECT_EQ(code(en.currencies_before, "₦"), "NGN");
  EXPECT_EQ(code(en.currencies_before, "GH₵"), "GHS");
  EXPECT_EQ(code(en.currencies_before, "KES"), "KES");
  EXPECT_EQ(code(en.currencies_before, "kr"), "none");       // four currencies write it
  EXPECT_EQ(code(en.currencies_before, "R"), "none");        // a letter
  EXPECT_EQ(code(en.currencies_before, "AMD"), "none");      // the chip maker, not the dram
  EXPECT_EQ(code(Data().language("it")->currencies_after, "scellini kenioti"), "KES");
  EXPECT_EQ(code(Data().language("it")->currencies_after, "naire nigeriane"), "NGN");
  EXPECT_EQ(code(Data().language("hi")->currencies_after, "केन्याई शिलिंग"), "KES");
}

TEST(ParseNumber, WholeTokenOrNothing) {
  const Language& it = *Data().language("it");
  const Language& en = *Data().language("en");
  EXPECT_EQ(ParseNumber("20.000", it).value_or("?"), "20000");
  EXPECT_EQ(ParseNumber("1,7", it).value_or("?"), "1.7");
  EXPECT_EQ(ParseNumber("12.34", en).value_or("?"), "12.34");
  EXPECT_EQ(ParseNumber("1,00,000", en).value_or("?"), "100000");
  EXPECT_FALSE(ParseNumber("1,2,3", en).has_value());
  EXPECT_FALSE(ParseNumber("1.234,5.6", it).has_value());
}

TEST(ShiftDecimal, ExactDecimalStrings) {
  EXPECT_EQ(ShiftDecimal("1.7", 12), "1700000000000");
  EXPECT_EQ(ShiftDecimal("2.4", 12), "2400000000000");
  EXPECT_EQ(ShiftDecimal("0.5", 6), "500000");
  EXPECT_EQ(ShiftDecimal("2.34", 0), "2.34");
  EXPECT_EQ(ShiftDecimal("007", 0), "7");
}

}  // namespace
}  // namespace kg::ingest::testing
