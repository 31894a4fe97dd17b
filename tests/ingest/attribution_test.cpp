// Whom a page attributes a statement to (attributed_to of the mention) and people who are never a
// claim's subject: attribution rules (ingest/data/<lang>/attribution.rules), unnamed sources and
// documents (lexicon `unnamed_source`), outlets named with their kind (tagger.cpp
// JoinOutletKindToName), roles beside names (name_kinds.cpp). Sentences written for these tests.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

class AttributionTest : public RulesLoadedTest {
 protected:
  // "subject | attributed_to" of every statement of sentence `sentence` of the page.
  std::set<std::string> Said(const std::string& text, const std::string& lang, uint32_t sentence = 0) {
    std::set<std::string> said;
    for (const auto& st : Extract(text, lang, "2026-03-01").statements) {
      if (st.mention.sentence == sentence) said.insert(st.claim.subject.value + " | " + st.mention.attributed_to);
    }
    return said;
  }

  void ExpectSaid(const std::string& text, const std::string& lang, const std::string& subject,
                  const std::string& source, uint32_t sentence = 0) {
    EXPECT_EQ(Said(text, lang, sentence), std::set<std::string>{subject + " | " + source}) << text;
  }
};

// A role before the name, a first name that is also a month's, the role opening the sentence, a
// role before commas around the name: the person says it, the company is the subject.
TEST_F(AttributionTest, PersonWithARoleIsTheSourceNeverTheSubject) {
  ExpectSaid("Chief financial officer Jun Park said Vantor Grid would spend $5 billion on new networks in 2027.",
             "en", "Vantor Grid", "Jun Park");
  ExpectSaid("At a conference, chief executive May Larsen said Vantor Grid will invest $4 billion in 2028.", "en",
             "Vantor Grid", "May Larsen");
  ExpectSaid("Strategist Tomas Berg of Kepler Cheuvreux said Vantor Grid plans to invest €3 billion in 2028.", "en",
             "Vantor Grid", "Tomas Berg");
  ExpectSaid("Vantor Grid's chief executive, Elena Ruiz, said the company will invest €6 billion in 2029.", "en",
             "Vantor Grid", "Elena Ruiz");
}

// In Devanagari, without capitals: the words between a role and "ने" are the person.
TEST_F(AttributionTest, HindiPersonAfterARole) {
  ExpectSaid("प्रवक्ता अनिल जोशी ने कहा कि Vantor Grid 2027 में ₹5,000 करोड़ का निवेश करेगी।", "hi", "Vantor Grid",
             "अनिल जोशी");
  ExpectSaid("कंपनी के सीईओ सुनील मेहरा ने बताया कि Vantor Grid 2030 में ₹4,000 करोड़ का निवेश करेगी।", "hi",
             "Vantor Grid", "सुनील मेहरा");
  // no name between the role and "ने": the company's own words
  ExpectSaid("कंपनी के प्रवक्ता ने कहा कि Vantor Grid 2031 में ₹6,000 करोड़ का निवेश करेगी।", "hi", "Vantor Grid", "");
}

TEST_F(AttributionTest, SpeakerAfterAQuote) {
  ExpectSaid("\"We plan to spend $2 billion on new networks in 2027,\" said Oskar Lind, chief technology officer of Vantor Grid.",
             "en", "Vantor Grid", "Oskar Lind");
  ExpectSaid("«Investiremo 2 miliardi di euro nel 2028 in nuove reti», ha detto Paola Greco, direttrice finanziaria di Vantor Grid.",
             "it", "Vantor Grid", "Paola Greco");
}

// A quotation of several sentences is the speaker's named where it closes (a title-case role before
// the name too); a quotation closed in its own sentence gives the next nothing, nor does one the
// paragraph leaves open.
TEST_F(AttributionTest, QuotationGoingOnIsItsSpeakers) {
  const std::string page =
      "\"Vantor Grid will spend $4 billion on new networks in 2027. We are fully funded for that,\" Chief "
      "Operating Officer Hanna Berg replied.\n"
      "\"We will order 1,500 B200 chips in 2027,\" said Hanna Berg. Vantor Grid will also spend $1 billion on data "
      "centres in 2028.\n"
      "\"Vantor Grid will spend $9 billion on new networks in 2030. Nobody knows more.\n";
  ExpectSaid(page, "en", "Vantor Grid", "Hanna Berg", 0);
  ExpectSaid(page, "en", "Vantor Grid", "Hanna Berg", 2);
  ExpectSaid(page, "en", "Vantor Grid", "", 3);
  ExpectSaid(page, "en", "Vantor Grid", "", 4);
  ExpectSaid("«Vantor Grid investirà 3 miliardi di euro nel 2028. Siamo pronti», ha detto Paola Greco, "
             "direttrice finanziaria di Vantor Grid.", "it",
             "Vantor Grid", "Paola Greco");
}

// A quotation running into the next paragraph, which opens with the quotation mark again (session 13): its
// speaker is named where it closes, or before it when the closing sentence names none. A next paragraph that
// does not reopen the quotation is the journalist's own words.
TEST_F(AttributionTest, QuotationRunningIntoTheNextParagraph) {
  const std::string named_before =
      "Chief financial officer Jun Park said: \"Vantor Grid will spend $5 billion on new networks in 2027.\n"
      "\"Vantor Grid will also order 1,500 B200 chips in 2028.\"\n";
  ExpectSaid(named_before, "en", "Vantor Grid", "Jun Park", 1);
  const std::string named_after =
      "\"Vantor Grid will spend $4 billion on new networks in 2027.\n"
      "\"Vantor Grid will also order 1,500 B200 chips in 2028,\" said Hanna Berg, chief operating officer of "
      "Vantor Grid.\n";
  ExpectSaid(named_after, "en", "Vantor Grid", "Hanna Berg", 0);
  const std::string not_reopened =
      "Chief financial officer Jun Park said: \"Vantor Grid will spend $5 billion on new networks in 2027.\n"
      "Vantor Grid will also order 1,500 B200 chips in 2028.\n";
  ExpectSaid(not_reopened, "en", "Vantor Grid", "", 1);
  const std::string italian =
      "Il direttore finanziario Luca Moretti ha detto: «Vantor Grid investirà 3 miliardi di euro nel 2028.\n"
      "«Vantor Grid ordinerà anche 2.500 chip H200 nel 2029».\n";
  ExpectSaid(italian, "it", "Vantor Grid", "Luca Moretti", 1);
}

// Unnamed people and documents without their owner: attributed to the head the lexicon gives them.
TEST_F(AttributionTest, UnnamedSourcesAndDocuments) {
  ExpectSaid("Vantor Grid plans to invest €8 billion in 2030, according to three people briefed on the talks.", "en",
             "Vantor Grid", "people familiar with the matter");
  ExpectSaid("Vantor Grid will spend $3 billion on data centres next year, a regulatory filing showed.", "en",
             "Vantor Grid", "filing");
  ExpectSaid("Vantor Grid will spend $7 billion on new networks in 2028, the statement said.", "en", "Vantor Grid",
             "statement");
  ExpectSaid("Vantor Grid investirà 5 miliardi di euro nel 2030, si legge nella nota.", "it", "Vantor Grid", "nota");
}

// "il quotidiano Les Echos": the outlet is the source, not whoever spoke in the sentence before; and
// "the newspaper" alone never points back to a person.
TEST_F(AttributionTest, OutletNamedWithItsKindAndNoLeakFromASpeaker) {
  const std::string page =
      "Il direttore finanziario Luca Moretti ha detto che Vantor Grid investirà 3 miliardi di euro nel 2028.\n"
      "Secondo il quotidiano Les Echos, Vantor Grid ordinerà 2.500 chip H200.\n"
      "Il quotidiano scrive che Vantor Grid ordinerà anche 1.000 chip B200.\n";
  ExpectSaid(page, "it", "Vantor Grid", "Luca Moretti", 0);
  ExpectSaid(page, "it", "Vantor Grid", "Les Echos", 1);
  EXPECT_EQ(Said(page, "it", 2).count("Vantor Grid | Luca Moretti"), 0u) << page;
  ExpectSaid("Vantor Grid will spend £1 billion on data centres in 2028, the newspaper Les Echos reported.", "en",
             "Vantor Grid", "Les Echos");
}

// Outlets and wire services the gazetteer names in every script pages write them in (session 13); an outlet
// whose name is a common phrase in a script ("आज तक", "until today") has no alias there.
TEST_F(AttributionTest, OutletsInEveryScript) {
  ExpectSaid("इकनॉमिक टाइम्स के मुताबिक Vantor Grid 2027 में ₹5,000 करोड़ का निवेश करेगी।", "hi", "Vantor Grid",
             "The Economic Times");
  ExpectSaid("एबीपी न्यूज की रिपोर्ट के अनुसार Vantor Grid 2028 में ₹4,000 करोड़ का निवेश करेगी।", "hi", "Vantor Grid",
             "ABP News");
  ExpectSaid("Secondo Teleborsa, Vantor Grid investirà 2 miliardi di euro nel 2028.", "it", "Vantor Grid", "Teleborsa");
  ExpectSaid("Vantor Grid will spend $3 billion on data centres in 2027, Semafor reported.", "en", "Vantor Grid",
             "Semafor");
  ExpectSaid("आज तक Vantor Grid ने 2025 में ₹3,000 करोड़ का निवेश किया है।", "hi", "Vantor Grid", "");
}

// Counter-examples: a claim's source stays in its sentence; a company's own words show none; a role
// word opening a company's name and a month after a role but before no name change nothing.
TEST_F(AttributionTest, NoLeakNoSelfNoFalsePeople) {
  const std::string page =
      "Chief executive Jun Park said Vantor Grid would spend $5 billion on new networks in 2027.\n"
      "Vantor Grid will also order 1,000 B200 chips in 2027.\n";
  ExpectSaid(page, "en", "Vantor Grid", "", 1);
  ExpectSaid("Vantor Grid said it will spend $2 billion on data centres in 2027.", "en", "Vantor Grid", "");
  ExpectSaid("Founder Data Systems will spend $2 billion on data centres in 2027.", "en", "Founder Data Systems", "");
  ExpectSaid("Vantor Grid, which named a new chief executive in May, will invest $6 billion in 2027.", "en",
             "Vantor Grid", "");
}

}  // namespace
}  // namespace kg::ingest::testing
