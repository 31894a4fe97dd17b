// The stages of the pipeline on text written for these tests: sentence
// splitting, the clutter filter, language detection, input checks, rule
// families with attribution and groups, and rule data extended by a user.
#include <filesystem>

#include <gtest/gtest.h>

#include "ingest/clutter.h"
#include "ingest/rule_extractor.h"
#include "ingest/sentences.h"
#include "ingest/tagger.h"
#include "ingest/text_check.h"
#include "storage/normalize.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

std::vector<std::string> SplitAll(const std::string& lang, const std::string& text) {
  auto splitter = SentenceSplitter::Create(lang, Data().language(lang)->abbreviations);
  EXPECT_TRUE(splitter.ok());
  std::vector<std::string> out;
  for (const Span& s : splitter->Split(text, Span{0, text.size()})) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST(Sentences, HindiEndsAtDanda) {
  auto s = SplitAll("hi", "कंपनी ने नया बजट बनाया। निवेशक खुश हैं। क्या यह जारी रहेगा?");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "कंपनी ने नया बजट बनाया।");
  EXPECT_EQ(s[1], "निवेशक खुश हैं।");
}

TEST(Sentences, EnglishKeepsAbbreviations) {
  auto s = SplitAll("en", "The U.S. President spoke on Monday. Markets rose.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "Markets rose.");
}

std::vector<std::string> KeptLines(const std::string& text, const Language& lang) {
  std::vector<std::string> kept;
  for (const Span& line : ContentLines(text, lang)) kept.push_back(text.substr(line.start, line.end - line.start));
  return kept;
}

// The lines of a page, each ended by a newline.
std::string PageOf(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// The lines ContentLines keeps of `page` are exactly `kept`.
void ExpectKept(const std::string& lang, const std::vector<std::string>& page, const std::vector<std::string>& kept) {
  EXPECT_EQ(KeptLines(PageOf(page), *Data().language(lang)), kept);
}

TEST(Clutter, KeepsArticleDropsPageFurniture) {
  const Language& en = *Data().language("en");
  std::string text =
      "Home\nMarkets\nSign up for our newsletter today and get more\n"
      "Orbis Telecom plans to spend $3 billion on new towers in 2026, its chief executive said.\n"
      "Short heading without a stop\n"
      "(Earlier report: something else happened)\n"
      "Editor/Jane\n"
      "The company expects demand to keep growing next year.\n"
      "You May Also Like\n"
      "Another company raised $9 billion in a deal that was announced.\n";
  std::vector<std::string> kept = KeptLines(text, en);
  ASSERT_EQ(kept.size(), 2u) << ::testing::PrintToString(kept);
  EXPECT_EQ(kept[1], "The company expects demand to keep growing next year.");
}

// The page's first line, when it reads as a headline (three words or more, one in lower case), stays even
// when short: it may be the only line that names the company. A label of the company's home stays too
// ("Headquarters: Lyon"); other short lines and a first line that is a name, a link or a breadcrumb still go.
TEST(Clutter, HeadlineAndHomeLabelStay) {
  const Language& en = *Data().language("en");
  std::vector<std::string> kept = KeptLines(
      "Halvard Systems doubles down on AI\nBy Jane Roe\nThe company plans to spend $600 million in 2026.\n"
      "Headquarters: Lyon\nFounded: 2019\n",
      en);
  EXPECT_EQ(kept, (std::vector<std::string>{"Halvard Systems doubles down on AI",
                                            "The company plans to spend $600 million in 2026.", "Headquarters: Lyon"}));
  for (const std::string first : {"Halvard Systems", "Skip to main content", "THE COMPUTE LEDGER", "Home > Tech > Halvard Systems",
                                  "News › Cloud › Halvard Systems"}) {
    kept = KeptLines(first + "\nBy Jane Roe\nThe company plans to spend $600 million in 2026.\n", en);
    EXPECT_EQ(kept, (std::vector<std::string>{"The company plans to spend $600 million in 2026."})) << first;
  }
  const Language& it = *Data().language("it");
  kept = KeptLines("Corvo Reti punta sul cloud\nLa società investirà 400 milioni di euro nel 2026.\nSede: Torino\n", it);
  EXPECT_EQ(kept.size(), 3u) << ::testing::PrintToString(kept);
}

TEST(Clutter, TeaserCutShortIsDropped) {
  const Language& en = *Data().language("en");
  std::string text = "Shares of a retailer fell sharply this week after the company warned that sales would...\n";
  EXPECT_TRUE(ContentLines(text, en).empty());
}

// A teaser for another page names another company's order or price ("pays between $30,000 and
// $35,000 for each H100"): its line goes, the article around it stays.
TEST(Clutter, TeaserLinksToOtherPagesGo) {
  const std::vector<std::string> en_page = {
      "Kestrel Networks will buy 2,000 H200 chips in 2026.",
      "Read more: Why Lumora Cloud pays between $30,000 and $35,000 for each H100",
      "Related: Vantora Cloud orders 5,000 B300s from Nvidia",
      "Each chip costs about $31,000, the company said."};
  ExpectKept("en", en_page, {en_page.front(), en_page.back()});
  const std::vector<std::string> it_page = {
      "Corvo Reti comprerà 2.000 GPU H200 nel 2026.",
      "Potrebbe interessarti: Fastweb ordina 3.000 chip B300 da Nvidia",
      "Correlati: quanto costa una GPU H100",
      "Ciascuna costa circa 30.000 euro."};
  ExpectKept("it", it_page, {it_page.front(), it_page.back()});
}

TEST(Clutter, HindiTeaserInsideArticleGoesArticleResumes) {
  const std::vector<std::string> page = {
      "वेलटेक पावर ने इस साल नए संयंत्र पर 800 करोड़ रुपये खर्च करने की योजना बनाई है।",
      "इसे भी पढ़ें: सरस्वती स्टील जुटाएगी 1,100 करोड़ रुपये, तीन नए कारखाने लगाएगी",
      "ये भी पढ़ें",
      "रत्नाकर सीमेंट के मुनाफ़े में 12% की छलांग, शेयर 6% तक उछला",
      "गोदावरी फूड्स ने 450 करोड़ रुपये के बॉन्ड जारी किए, निवेशकों की भारी मांग",
      "कंपनी के चेयरमैन ने कहा कि संयंत्र अगले साल तक तैयार हो जाएगा।"};
  // the inline teaser and the titles under the heading go; the sentence after them ends the block
  ExpectKept("hi", page, {page.front(), page.back()});
}

// A navigation bar ("Home | Cronaca | Economia | ..."): its items are section names, never companies.
TEST(Clutter, NavigationBarGoes) {
  const std::vector<std::string> it_page = {
      "Prima pagina | Cronaca | Politica | Economia | Sport | Spettacoli | Abbonati",
      "Corvo Reti investirà 900 milioni di euro nel 2027 in nuovi data center, ha detto la società."};
  ExpectKept("it", it_page, {it_page.back()});
  const std::vector<std::string> en_page = {
      "Home | World | Business | Markets | Technology | Opinion | Subscribe | Sign in",
      "Kestrel Networks will spend $2 billion on data centres in 2027, the company said."};
  ExpectKept("en", en_page, {en_page.back()});
  // a sentence that holds a bar character stays
  const std::vector<std::string> prose = {"Kestrel Networks | the Leeds operator | will spend $2 billion on data centres in 2027."};
  ExpectKept("en", prose, prose);
}

// A "read also" heading inside the article: the titles under it go, and the article resumes after
// them; at the page's end, or with the next line a sentence of its own, it ends the article as before.
TEST(Clutter, ReadAlsoHeadingInsideTheArticle) {
  const std::vector<std::string> it_page = {
      "Corvo Reti investirà 900 milioni di euro nel 2027 in nuovi data center in Lombardia e in Piemonte.",
      "LEGGI ANCHE",
      "Brescia, la fiera chiude l'anno con 8 milioni di utile",
      "Bergamo, l'aeroporto punta a 20 milioni di passeggeri",
      "Chip e intelligenza artificiale",
      "Di quei 900 milioni, circa 300 saranno destinati all'acquisto di processori grafici, ha spiegato la società.",
      "I lavori del nuovo campus partiranno in primavera.",
      "Articoli correlati",
      "- Monza, il nuovo ospedale costerà 250 milioni",
      "- Como, chiude lo storico lanificio"};
  ExpectKept("it", it_page, {it_page[0], it_page[5], it_page[6]});
  const std::vector<std::string> en_page = {
      "Kestrel Networks will spend $2 billion on data centres in 2027, the company said on Monday.",
      "Read More",
      "Harbour Bank posts record profit of $400 million",
      "Why chip prices keep rising",
      "The company also said it had ordered 4,000 H200 chips from Nvidia for its new site in Leeds.",
      "Each chip cost about $30,000, according to two people familiar with the deal.",
      "Related Stories",
      "Lumora Cloud raises $300 million",
      "Orvane Systems buys a rival"};
  ExpectKept("en", en_page, {en_page[0], en_page[4], en_page[5]});
  // teasers that alternate a title and its summary: the page's tail
  const std::vector<std::string> tail = {
      "Kestrel Networks will spend $2 billion on data centres in 2027, the company said on Monday.",
      "Most Popular",
      "Lumora Cloud raises $300 million",
      "The Paris start-up said on Tuesday it would spend the money on 5,000 new chips from Nvidia.",
      "Orvane Systems buys a rival",
      "The deal values the smaller company at about $900 million, people familiar with it said."};
  ExpectKept("en", tail, {tail[0]});
}

TEST(Language, DetectedFromScriptAndFrequentWords) {
  EXPECT_EQ(DetectLanguage("The company said that it will spend more on data centres in the coming year.", Data()), "en");
  EXPECT_EQ(DetectLanguage("La società ha detto che spenderà di più per i centri dati nel prossimo anno.", Data()), "it");
  EXPECT_EQ(DetectLanguage("कंपनी ने कहा कि वह अगले साल डेटा सेंटर पर अधिक खर्च करेगी।", Data()), "hi");
  EXPECT_EQ(DetectLanguage("Компания заявила, что потратит больше на центры обработки данных.", Data()), "");
}

TEST(CheckText, NamesTheProblemAndOffset) {
  EXPECT_FALSE(CheckText("").ok());
  EXPECT_FALSE(CheckText(" \n\t").ok());
  Status bad = CheckText(std::string("Good start \xC3\x28 then junk"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("byte offset 11"), std::string::npos) << bad.message();
  Status binary = CheckText(std::string("ab\0cd", 5));
  EXPECT_NE(binary.message().find("byte offset 2"), std::string::npos) << binary.message();
  EXPECT_FALSE(CheckText(std::string(kMaxLineBytes + 10, 'a')).ok());
  EXPECT_TRUE(CheckText("A normal line.\nAnother one.\n").ok());
}

using ExtractorTest = RulesLoadedTest;

TEST_F(ExtractorTest, AttributionAndSpans) {
  std::string text = "Markets were calm on the day.\nAccording to Reuters, Orbis Telecom plans to spend $3 billion in capital expenditure in 2026.\n";
  DocumentInput input = Extract(text);
  EXPECT_EQ(input.document.lang, "en");
  ASSERT_EQ(input.statements.size(), 1u);
  const auto& st = input.statements[0];
  EXPECT_EQ(st.claim.subject.value, "Orbis Telecom");
  EXPECT_EQ(st.claim.predicate, "plans_capex");
  EXPECT_EQ(st.claim.object.value, "3000000000");
  EXPECT_EQ(st.claim.when, "2026");
  EXPECT_EQ(st.mention.attributed_to, "Reuters");
  EXPECT_EQ(st.mention.sentence, 1u);
  EXPECT_EQ(text.substr(st.mention.start, st.mention.end - st.mention.start), st.mention.text);
  EXPECT_EQ(st.mention.rule, "plans_capex.en.1");
}

// The matchers an extraction leaves (reset to its last sentence) serve the
// next document as new ones would, in another language in between too.
TEST_F(ExtractorTest, MatchersKeptFromDocumentToDocument) {
  std::string english = "According to Reuters, Orbis Telecom plans to spend $3 billion in capital expenditure in 2026.\n";
  DocumentInput first = Extract(english);
  ASSERT_EQ(first.statements.size(), 1u);
  Extract("Secondo Reuters, Orbis Telecom prevede di investire 3 miliardi di dollari nel 2026.\n", "it");
  DocumentInput again = Extract(english);
  ASSERT_EQ(again.statements.size(), 1u);
  EXPECT_EQ(again.statements[0].claim.object.value, first.statements[0].claim.object.value);
  EXPECT_EQ(again.statements[0].mention.rule, first.statements[0].mention.rule);
  EXPECT_EQ(again.statements[0].mention.attributed_to, "Reuters");
}

TEST(RuleMatcherPool, HandsBackTheMatchersGivenBack) {
  RuleMatcherPool pool;
  std::unique_ptr<RuleMatchers> first = pool.Take();
  RuleMatchers* kept = first.get();
  std::unique_ptr<RuleMatchers> second = pool.Take();  // a second extraction at the same time gets its own
  EXPECT_NE(second.get(), kept);
  pool.Give(std::move(first));
  EXPECT_EQ(pool.Take().get(), kept);
}

TEST_F(ExtractorTest, GroupSubjectIsNotSplitIntoCompanies) {
  DocumentInput input = Extract("Microsoft, Alphabet, Amazon and Meta have together spent more than $300 billion this year.");
  ASSERT_EQ(input.statements.size(), 1u);
  EXPECT_EQ(input.statements[0].claim.subject.value, "Microsoft, Alphabet, Amazon and Meta");
  EXPECT_EQ(input.statements[0].claim.object.bound, Bound::kAtLeast);
  EXPECT_EQ(input.statements[0].claim.when, "2025");
}

bool HasSubject(const DocumentInput& input, const std::string& subject) {
  for (const auto& st : input.statements) {
    if (st.claim.subject.value == subject) return true;
  }
  return false;
}

TEST_F(ExtractorTest, UnknownNameHeadingAListOfUnknownNames) {
  DocumentInput input = Extract("Waymo, Cruise and Zoox compete with Tesla in driverless taxis.");
  EXPECT_TRUE(HasSubject(input, "Waymo, Cruise and Zoox"));
  EXPECT_FALSE(HasSubject(input, "Cruise"));
}

TEST_F(ExtractorTest, AdverbBeforeAListOfKnownCompaniesIsNoName) {
  DocumentInput input = Extract("Separately, Alphabet and Meta plan to spend $10 billion in capital expenditure in 2026.");
  ASSERT_FALSE(input.statements.empty());
  for (const auto& st : input.statements) EXPECT_EQ(st.claim.subject.value.find("Separately"), std::string::npos);
}

TEST_F(ExtractorTest, SentenceInitialWordIsANameWhenTheDocumentUsesItAsOne) {
  DocumentInput alone = Extract("Lumora competes with Zoox in several cities.");
  EXPECT_FALSE(HasSubject(alone, "Lumora"));  // one capitalised word could be any word
  DocumentInput input = Extract("Lumora competes with Zoox in several cities.\nInvestors backed Lumora with fresh money last spring.");
  ASSERT_TRUE(HasSubject(input, "Lumora"));
  EXPECT_EQ(input.statements[0].claim.predicate, "competes_with");
  EXPECT_EQ(input.statements[0].claim.object.value, "Zoox");
}

TEST_F(ExtractorTest, AmountInTwoCurrenciesGivesTwoClaims) {
  DocumentInput input = Extract("Helios Grid plans to invest about €2 billion ($2.2 billion) in 2027.");
  ASSERT_EQ(input.statements.size(), 2u);
  EXPECT_EQ(input.statements[0].claim.object.unit, "EUR");
  EXPECT_EQ(input.statements[1].claim.object.unit, "USD");
  EXPECT_EQ(input.statements[1].claim.when, "2027");
}

TEST_F(ExtractorTest, UndatedRestatementTakesTheOnlyDateTheDocumentGivesIt) {
  const std::string headline = "Helios Grid plans to invest €2 billion in new plants, it said on Monday.\n";
  DocumentInput input = Extract(headline + "Helios Grid plans to invest €2 billion in new plants in 2027, the company said.");
  ASSERT_EQ(input.statements.size(), 2u);
  EXPECT_EQ(input.statements[0].claim.when, "2027");
  EXPECT_EQ(input.statements[1].claim.when, "2027");

  DocumentInput two_dates = Extract(headline + "Helios Grid plans to invest €2 billion in new plants in 2027.\n" +
                                    "Helios Grid plans to invest €2 billion in new plants in 2028.");
  ASSERT_EQ(two_dates.statements.size(), 3u);
  EXPECT_EQ(two_dates.statements[0].claim.when, "");
}

// A record since a year ("its first since 2021", "il primo dal 2021") names where a comparison
// starts: the bond is dated by the month it was sold in, not by that year.
TEST_F(ExtractorTest, YearOfARecordSinceIsNoDateOfTheStatement) {
  for (const auto& [lang, text] : std::vector<std::pair<std::string, std::string>>{
           {"en", "Orbis Telecom tapped the debt markets in September, raising €900m through a euro bond, its first since 2021."},
           {"it", "Orbis Telecom ha collocato a settembre un bond da 900 milioni di euro, il primo dal 2021."}}) {
    DocumentInput input = Extract(text, lang, "2026-10-20");
    ASSERT_EQ(input.statements.size(), 1u) << text;
    EXPECT_EQ(input.statements[0].claim.predicate, "bond_issuance") << text;
    EXPECT_EQ(input.statements[0].claim.when, "2026") << text;
  }
}

TEST_F(ExtractorTest, ComparisonIsNotABound) {
  DocumentInput input =
      Extract("Helios Grid ने 2027 में पूंजीगत व्यय में €4 बिलियन खर्च करने की योजना बनाई है, जो इस साल Helios Grid द्वारा लगाए गए €3 बिलियन से अधिक है।");
  bool found = false;
  for (const auto& st : input.statements) {
    if (st.claim.predicate == "capex") {
      found = true;
      EXPECT_EQ(st.claim.object.value, "3000000000");
      EXPECT_EQ(st.claim.object.bound, Bound::kExact);
      EXPECT_EQ(st.claim.when, "2025");
    }
  }
  EXPECT_TRUE(found);
}

bool HasClaim(const DocumentInput& input, const std::string& line) {
  for (const auto& st : input.statements) {
    const Claim& c = st.claim;
    if (c.subject.value + " " + c.predicate + " " + c.object.ToString() + (c.when.empty() ? "" : " @" + c.when) == line) {
      return true;
    }
  }
  return false;
}

TEST_F(ExtractorTest, YenSignIsTheYenOnlyInADocumentAboutJapan) {
  const std::string plan = "Orbis Telecom plans to spend ¥300 billion on capital expenditure in 2026.";
  EXPECT_TRUE(HasClaim(Extract(plan), "Orbis Telecom plans_capex CNY 300bn @2026"));
  DocumentInput japan = Extract(plan + "\nThe group also runs a chain of hotels across Japan.");
  EXPECT_TRUE(HasClaim(japan, "Orbis Telecom plans_capex JPY 300bn @2026"));
  EXPECT_FALSE(HasClaim(japan, "Orbis Telecom plans_capex CNY 300bn @2026"));
}

// A company missing from the gazetteer, named in Devanagari.
const std::string kHindiPlanOfAnUnknownCompany = "सुवर्णा इंडस्ट्रीज अगले साल नए संयंत्रों पर ₹5,000 करोड़ खर्च करेगी।\n";

TEST_F(ExtractorTest, UnknownDevanagariNameEndsWithACompanyWordAndIsKnownByItsFirstWord) {
  DocumentInput input = Extract(kHindiPlanOfAnUnknownCompany + "सुवर्णा ने जनवरी में ₹1,000 करोड़ के बॉन्ड जारी किए।", "hi");
  EXPECT_TRUE(HasClaim(input, "सुवर्णा इंडस्ट्रीज plans_capex INR 50bn @2026"));
  EXPECT_TRUE(HasClaim(input, "सुवर्णा इंडस्ट्रीज bond_issuance INR 10bn @2026"));
}

// People (people.cpp): a name the page writes as a person's is never a
// subject, so a sentence without one states the company's figure, not theirs.
void ExpectFigureOfCompanyNotPerson(const DocumentInput& input, const std::string& claim, const std::string& person) {
  EXPECT_TRUE(HasClaim(input, claim)) << claim;
  EXPECT_FALSE(HasSubject(input, person)) << person;
}

TEST_F(ExtractorTest, SurnameAloneAfterFirstNameAndSurnameIsAPerson) {
  ExpectFigureOfCompanyNotPerson(
      Extract("Kestrel Networks will spend $2 billion on data centres in 2027, the company said.\n"
              "When Maria Okonjo walks visitors through the unfinished hall, she points at the empty floor.\n"
              "The order for the new servers was confirmed by Okonjo.\n"
              "Okonjo said demand was rising fast.\n"
              "Some $800 million of the 2027 plan is set aside for accelerators.\n"),
      "Kestrel Networks ai_processor_budget ≈ USD 800m @2027", "Okonjo");
}

TEST_F(ExtractorTest, TitleOrRoleMakesAPerson) {
  ExpectFigureOfCompanyNotPerson(
      Extract("Helios Grid plans to invest €1.5 billion in new data centres in 2027.\n"
              "Mr Vandermeer said the plan was approved by the board.\n"
              "About €600 million of the plan will go to graphics processors in 2027, Vandermeer said.\n"),
      "Helios Grid ai_processor_budget ≈ EUR 600m @2027", "Vandermeer");
  ExpectFigureOfCompanyNotPerson(
      Extract("Corvo Reti investirà 900 milioni di euro in nuovi data center nel 2027.\n"
              "Lo ha spiegato l'amministratore delegato Chiara Bellandi durante la presentazione del piano.\n"
              "Circa 300 milioni del piano saranno destinati ai processori grafici nel 2027, ha detto Bellandi.\n",
              "it"),
      "Corvo Reti ai_processor_budget ≈ EUR 300m @2027", "Bellandi");
  ExpectFigureOfCompanyNotPerson(
      Extract("सुवर्णा इंडस्ट्रीज अगले साल नए डेटा सेंटरों पर ₹3,000 करोड़ खर्च करेगी।\n"
              "कंपनी के प्रवक्ता विनोद ने कहा कि मांग तेजी से बढ़ रही है।\n"
              "विनोद ने बताया कि ऑर्डर जल्द दिया जाएगा।\n"
              "विनोद ने कहा कि बोर्ड ने योजना को मंजूरी दे दी है।\n"
              "इसमें से ₹1,000 करोड़ एआई चिप्स पर खर्च किए जाएंगे।\n",
              "hi"),
      "सुवर्णा इंडस्ट्रीज plans_capex INR 30bn @2026", "विनोद");
}

// A role in the words after a company says who leads it: the company stays one.
TEST_F(ExtractorTest, CompanyLedByAPersonStaysACompany) {
  EXPECT_TRUE(HasClaim(Extract("Kestrel Networks, led by chief executive Jane Doe, will spend $2 billion on data centres in 2027.\n"),
                       "Kestrel Networks plans_capex USD 2bn @2027"));
  EXPECT_TRUE(HasClaim(Extract("Corvo Reti, guidata dall'amministratore delegato Chiara Bellandi, investirà 900 milioni di "
                               "euro nel 2027.\n",
                               "it"),
                       "Corvo Reti plans_capex EUR 900m @2027"));
}

// A name the page writes after a product word ("the model X") is a product in the whole page
// (name_kinds.cpp): the subject of overtook and lags_behind, in each language.
TEST_F(ExtractorTest, NameAfterAProductWordIsAProductInThePage) {
  EXPECT_TRUE(HasClaim(Extract("Kestrel Networks released the model Orvo-3 last spring. "
                               "In downloads, Orvo-3 has overtaken Lumo-2 in India.\n"),
                       "Orvo-3 overtook Lumo-2"));
  EXPECT_TRUE(HasClaim(Extract("Orbis Telecom trains the model Sela-4 on Spanish text. "
                               "On coding benchmarks Sela-4 still lags behind Qwen.\n"),
                       "Sela-4 lags_behind Qwen"));
  EXPECT_TRUE(HasClaim(Extract("Corvo Reti ha presentato il modello Trama-2 a marzo. Nei download Trama-2 ha superato Lumo-2.\n",
                               "it"),
                       "Trama-2 overtook Lumo-2"));
  DocumentInput hindi = Extract("सुवर्णा इंडस्ट्रीज का नया मॉडल Varta-2 पिछले महीने आया। "
                                "डाउनलोड में Varta-2 ने Lumo-2 को पीछे छोड़ दिया है।\n",
                                "hi");
  EXPECT_TRUE(HasClaim(hindi, "Varta-2 overtook Lumo-2"));
  EXPECT_TRUE(HasClaim(hindi, "सुवर्णा इंडस्ट्रीज develops Varta-2"));
}

// Unnamed sources (lexicon `unnamed_source`) are whom the statement is attributed to.
std::string AttributionOf(const DocumentInput& input, const std::string& claim) {
  for (const auto& st : input.statements) {
    if (ClaimLine(st.claim) == claim) return st.mention.attributed_to;
  }
  return "(no claim " + claim + ")";
}

TEST_F(ExtractorTest, UnnamedSourcesAreAttributed) {
  EXPECT_EQ(AttributionOf(Extract("Orbis Telecom will spend $4 billion on data centres next year, "
                                  "people familiar with the matter said.\n"),
                          "Orbis Telecom plans_capex USD 4bn @2026"),
            "people familiar with the matter");
  EXPECT_EQ(AttributionOf(Extract("According to officials, Kestrel Networks will spend $5 billion on new networks in 2027.\n"),
                          "Kestrel Networks plans_capex USD 5bn @2027"),
            "officials");
  EXPECT_EQ(AttributionOf(Extract("Corvo Reti investirà 700 milioni di euro nel 2027, secondo fonti vicine al dossier.\n", "it"),
                          "Corvo Reti plans_capex EUR 700m @2027"),
            "fonti vicine al dossier");
  EXPECT_EQ(AttributionOf(Extract("सूत्रों के मुताबिक, सुवर्णा इंडस्ट्रीज अगले साल नए संयंत्रों पर ₹5,000 करोड़ खर्च करेगी।\n", "hi"),
                          "सुवर्णा इंडस्ट्रीज plans_capex INR 50bn @2026"),
            "सूत्र");
  // The company's own document: its claim, attributed to nobody else.
  DocumentInput filing = Extract("Helios Grid leads the market. Orbis Telecom, by contrast, spent $2 billion on new networks "
                                 "in 2025, according to its annual report.\n");
  EXPECT_EQ(AttributionOf(filing, "Orbis Telecom capex USD 2bn @2025"), "");
}

// An analyst's forecast is no claim: neither of the analyst's firm nor of the company.
TEST_F(ExtractorTest, AnalystForecastIsNoClaim) {
  DocumentInput input = Extract(
      "Orbis Telecom has ordered 3,000 H200 chips for its new campus.\n"
      "Jefferies analyst Tom Reyes, who forecasts Orbis Telecom's capex will top $5 billion in 2028, rates the shares a buy.\n"
      "Barclays strategist Ana Lind, who expects Orbis Telecom to invest $4 billion in 2027, is more cautious.\n");
  EXPECT_TRUE(HasClaim(input, "Orbis Telecom plans_order 3000 H200"));
  EXPECT_FALSE(HasSubject(input, "Jefferies"));
  EXPECT_FALSE(HasSubject(input, "Barclays"));
  EXPECT_FALSE(HasClaim(input, "Orbis Telecom plans_capex USD 5bn @2028"));
  EXPECT_FALSE(HasClaim(input, "Orbis Telecom plans_capex USD 4bn @2027"));
}

TEST_F(ExtractorTest, HindiAdverbBeforeARivalListIsNoRival) {
  // "पहले से जमी" (already established) describes the rivals; "पहले" is no name.
  DocumentInput input = Extract("भारत के क्लाउड बाज़ार में Orbis Cloud की टक्कर पहले से जमी Amazon Web Services, Microsoft Azure और Google Cloud से होगी।", "hi");
  for (const auto& st : input.statements) {
    EXPECT_NE(st.claim.subject.value, "पहले");
    EXPECT_NE(st.claim.object.value, "पहले");
  }
}

TEST_F(ExtractorTest, HindiWordStartingSentencesIsTheCompanyWhenNoOrganisationIsNamedAsOften) {
  const std::string article =
      "तारामंडल का मुख्यालय पुणे में है।\n"
      "तारामंडल ने जनवरी में ₹1,000 करोड़ के बॉन्ड जारी किए।";
  EXPECT_TRUE(HasClaim(Extract(article, "hi"), "तारामंडल bond_issuance INR 10bn @2026"));
  EXPECT_TRUE(HasClaim(Extract(article + "\nतारामंडल का मुकाबला विप्रो से है।", "hi"), "तारामंडल competes_with Wipro"));
  const std::string wipro_twice = "\nविप्रो ने भी निवेश बढ़ाया।\nविप्रो का मुख्यालय बेंगलुरु में है।";
  EXPECT_FALSE(HasSubject(Extract(article + wipro_twice, "hi"), "तारामंडल"));
  // A common noun is never such a name.
  EXPECT_TRUE(Extract("सरकार अगले साल सड़कों पर ₹5,000 करोड़ खर्च करेगी।\nसरकार ने जनवरी में ₹1,000 करोड़ के बॉन्ड जारी किए।", "hi")
                  .statements.empty());
}

// The view drops the nukta so that both spellings match; the name's id is the page's own spelling.
TEST_F(ExtractorTest, HindiNameFoundByItsUseKeepsItsNukta) {
  const std::string article =
      "फ़ारलिंक का मुख्यालय जयपुर में है।\n"
      "फ़ारलिंक ने जनवरी में ₹800 करोड़ के बॉन्ड जारी किए।\n"
      "सूरजगढ़ ने अगले साल ₹2,000 करोड़ के पूंजीगत निवेश की योजना बनाई है।\n"
      "सूरजगढ़ का मुख्यालय कोटा में है।";
  DocumentInput result = Extract(article, "hi");
  EXPECT_TRUE(HasClaim(result, "फ़ारलिंक bond_issuance INR 8bn @2026"));
  EXPECT_TRUE(HasSubject(result, "सूरजगढ़"));
  EXPECT_FALSE(HasSubject(result, "फारलिंक"));
  EXPECT_FALSE(HasSubject(result, "सूरजगढ"));
}

TEST_F(ExtractorTest, HindiAnaphorBeforeANameMarkedAsObjectIsTheSubject) {
  DocumentInput input = Extract(kHindiPlanOfAnUnknownCompany + "कंपनी वेदांता से प्रतिस्पर्धा करती है।", "hi");
  EXPECT_TRUE(HasClaim(input, "सुवर्णा इंडस्ट्रीज competes_with Vedanta"));
  // Without a case marker the name is in apposition: "the company Vedanta".
  DocumentInput apposition = Extract("कंपनी वेदांता ने अगले साल ₹5,000 करोड़ खर्च करने की योजना बनाई है।", "hi");
  EXPECT_TRUE(HasClaim(apposition, "Vedanta plans_capex INR 50bn @2026"));
}

TEST_F(ExtractorTest, ListOfThreeRivalsGivesOneClaimEach) {
  DocumentInput input = Extract("Orbis Telecom competes with Vodafone, Telefonica and Iliad in several markets.");
  EXPECT_TRUE(HasClaim(input, "Orbis Telecom competes_with Vodafone"));
  EXPECT_TRUE(HasClaim(input, "Orbis Telecom competes_with Telefónica"));
  EXPECT_TRUE(HasClaim(input, "Orbis Telecom competes_with Iliad"));
  for (const auto& st : input.statements) EXPECT_EQ(st.claim.object.value.find(','), std::string::npos);
}

// DeepSeek is a MODEL in the gazetteer, and a lab its rivals compete with.
TEST_F(ExtractorTest, RivalListMixesCompaniesAndModels) {
  DocumentInput hindi = Extract("Orbis Telecom का सीधा मुकाबला ओपनएआई, एंथ्रोपिक और डीपसीक से है।", "hi");
  for (const char* rival : {"OpenAI", "Anthropic", "DeepSeek"}) {
    EXPECT_TRUE(HasClaim(hindi, std::string("Orbis Telecom competes_with ") + rival)) << rival;
  }
  DocumentInput english = Extract("Orbis Telecom competes with OpenAI, DeepSeek and Anthropic.");
  EXPECT_TRUE(HasClaim(english, "Orbis Telecom competes_with DeepSeek"));
  EXPECT_TRUE(HasClaim(english, "Orbis Telecom competes_with Anthropic"));
  DocumentInput one = Extract("Orbis Telecom का सीधा मुकाबला डीपसीक से है।", "hi");
  EXPECT_TRUE(HasClaim(one, "Orbis Telecom competes_with DeepSeek"));
  EXPECT_FALSE(HasClaim(one, "Orbis Telecom develops DeepSeek"));
}

TEST_F(ExtractorTest, PriceInTheSentenceAfterAnOrderIsThePriceOfItsProduct) {
  DocumentInput input = Extract("Orbis Telecom has ordered 2,000 Nvidia H100 chips.\nEach chip cost about $25,000.");
  EXPECT_TRUE(HasClaim(input, "Orbis Telecom plans_order 2000 H100"));
  EXPECT_TRUE(HasClaim(input, "Nvidia makes H100"));
  EXPECT_TRUE(HasClaim(input, "H100 unit_price ≈ USD 25000"));
  // Two sentences later, or with no order before, "the chip" is no product.
  EXPECT_TRUE(Extract("Each chip cost about $25,000.", "en").statements.empty());
  DocumentInput far = Extract("Orbis Telecom has ordered 2,000 Nvidia H100 chips.\nThe order is large.\nEach chip cost about $25,000.");
  EXPECT_FALSE(HasClaim(far, "H100 unit_price ≈ USD 25000"));
}

TEST_F(ExtractorTest, WordThatStartsSeveralSentencesAndIsNeverLowerCaseIsAName) {
  DocumentInput input = Extract("Velmora will invest $2 billion in new plants in 2026.\nVelmora competes with Micron in memory chips.");
  EXPECT_TRUE(HasClaim(input, "Velmora plans_capex USD 2bn @2026"));
  EXPECT_TRUE(HasClaim(input, "Velmora competes_with Micron"));
  DocumentInput common = Extract("Analysts expect Micron to compete with Samsung.\nAnalysts say demand is strong.\nMost analysts agree.");
  EXPECT_FALSE(HasSubject(common, "Analysts"));
}

TEST(Quantities, RangeIsALowerAndAnUpperBound) {
  TaggedSentence s = TagSentence("The plan costs between €7 billion and €7.5 billion.", *Data().language("en"), Data(),
                                 RefDate::Parse("2025-12"));
  ASSERT_EQ(s.tags.size(), 2u);
  EXPECT_EQ(s.tags[0].quantity.bound, Bound::kAtLeast);
  EXPECT_EQ(s.tags[1].quantity.bound, Bound::kAtMost);
  EXPECT_EQ(s.tags[1].quantity.value, "7500000000");
}

// "3.500 miliardi di won (circa 2,2 miliardi di euro), contro i 2.800 miliardi": a bare amount
// is in the text's currency, not in that of an equivalent in brackets.
TEST(Quantities, BareAmountTakesTheCurrencyOfTheTextNotOfTheBracketedEquivalent) {
  struct Case {
    const char* lang;
    const char* text;
    const char* unit;
  };
  for (const Case& c : {Case{"it", "Spenderà 3.500 miliardi di won (circa 2,2 miliardi di euro), contro i 2.800 miliardi di quest'anno.", "KRW"},
                        Case{"it", "Investirà 40 miliardi di corone svedesi (3,5 miliardi di euro) dopo i 30 miliardi del 2025.", "SEK"},
                        Case{"en", "It will spend 900 billion won (about $650 million), up from 700 billion last year.", "KRW"},
                        Case{"en", "Capex reaches 12 billion rand ($660 million) after 9 billion in 2025.", "ZAR"},
                        Case{"en", "Spending rises to €4 billion from 3 billion.", "EUR"}}) {
    TaggedSentence s = TagSentence(ToNfc(c.text), *Data().language(c.lang), Data(), RefDate::Parse("2026-03"));
    SCOPED_TRACE(c.text);
    ASSERT_FALSE(s.tags.empty());
    const Tag* last = nullptr;
    for (const auto& tag : s.tags) if (tag.type == "MONEY") last = &tag;
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->quantity.unit, c.unit);
  }
}

// A relative day ("ieri", "yesterday") dates a claim by the publication day: the day before the 1st of January
// is in the year before; a publication date without a day leaves it undated.
TEST(Times, RelativeDayIsDatedFromThePublicationDay) {
  auto time_of = [](const char* lang, const char* text, const char* published) {
    TaggedSentence s = TagSentence(text, *Data().language(lang), Data(), RefDate::Parse(published));
    for (const Tag& tag : s.tags) {
      if (tag.type == "TIME") return tag.id;
    }
    return std::string();
  };
  EXPECT_EQ(time_of("it", "Orbis Energia ha collocato ieri un bond da 700 milioni di euro.", "2027-01-01"), "2026-12");
  EXPECT_EQ(time_of("en", "Orbis Energy sold a $700 million bond yesterday.", "2026-05-20"), "2026-05");
  EXPECT_EQ(time_of("en", "Orbis Energy sold a $700 million bond yesterday.", "2026-05"), "");
}

TEST_F(ExtractorTest, UnknownLanguageIsAnError) {
  Document meta;
  meta.id = "x";
  meta.lang = "fr";
  auto input = extractor_->Extract("Le groupe a annoncé un plan.", meta);
  ASSERT_FALSE(input.ok());
  EXPECT_NE(input.status().message().find("unknown language"), std::string::npos);
}

// A user adds a predicate and its cue words as data, without recompiling.
TEST(UserData, NewPredicateFromADataFile) {
  namespace fs = std::filesystem;
  std::string dir = TempDir("userdata") + "/data";
  fs::copy(kRulesDir, dir, fs::copy_options::recursive);
  WriteAll(dir + "/predicates.tsv", ReadAll(dir + "/predicates.tsv") + "partners_with\tnone\tno\tyes\tworks in partnership with\n");
  WriteAll(dir + "/en/partners.rules",
           "rule partners_with.en.1 partners_with\n"
           "  match {s:COMPANY}\\s+(?:has\\s+)?(?:partnered|teamed up)\\s+with\\s+{o:COMPANY}\n");
  auto extractor = RuleExtractor::Create(dir);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Document meta;
  meta.id = "d";
  meta.lang = "en";
  auto input = (*extractor)->Extract("Infosys has partnered with Nvidia on new tools.", meta);
  ASSERT_TRUE(input.ok());
  ASSERT_EQ(input->statements.size(), 1u);
  EXPECT_EQ(input->statements[0].claim.predicate, "partners_with");
  EXPECT_EQ(input->statements[0].claim.object.value, "Nvidia");
  EXPECT_EQ(input->statements[0].mention.rule, "partners_with.en.1");
  EXPECT_TRUE((*extractor)->data().predicate("partners_with")->info.symmetric);
}

TEST(UserData, MalformedFileNamesFileAndLine) {
  namespace fs = std::filesystem;
  std::string dir = TempDir("baddata") + "/data";
  fs::copy(kRulesDir, dir, fs::copy_options::recursive);
  WriteAll(dir + "/en/broken.rules", "rule broken.en.1 no_such_predicate\n  match {o:MONEY}\n");
  auto extractor = Extractor::Load(dir);
  ASSERT_FALSE(extractor.ok());
  EXPECT_NE(extractor.status().message().find("broken.rules:1"), std::string::npos) << extractor.status().message();
}

// A relative time the resolver could not read is refused when the data
// loads, with its file and line, not when an article uses it.
TEST(UserData, BadRelativeTimeNamesFileAndLine) {
  namespace fs = std::filesystem;
  for (const char* line : {"time\tnext budget year\tfiscal+1\tapril\n", "time\tlater on\tyear+soon\n"}) {
    std::string dir = TempDir("badtime") + "/data";
    fs::copy(kRulesDir, dir, fs::copy_options::recursive);
    WriteAll(dir + "/en/lexicon.tsv", ReadAll(dir + "/en/lexicon.tsv") + line);
    auto extractor = Extractor::Load(dir);
    ASSERT_FALSE(extractor.ok()) << line;
    EXPECT_NE(extractor.status().message().find("lexicon.tsv:"), std::string::npos) << extractor.status().message();
  }
}

// A second `forbid` once replaced the first without a word: two helpers'
// edits to one rule lost a list of forbidden words. Now the load refuses it.
TEST(UserData, ARuleKeyGivenTwiceNamesFileAndLine) {
  namespace fs = std::filesystem;
  std::string dir = TempDir("twice") + "/data";
  fs::copy(kRulesDir, dir, fs::copy_options::recursive);
  WriteAll(dir + "/en/twice.rules",
           "rule twice.en.1 capex\n  match {s:ORG} spent {o:MONEY}\n  forbid opex\n  forbid payroll\n");
  auto extractor = Extractor::Load(dir);
  ASSERT_FALSE(extractor.ok());
  EXPECT_NE(extractor.status().message().find("twice.rules:4"), std::string::npos) << extractor.status().message();
  EXPECT_NE(extractor.status().message().find("given twice"), std::string::npos) << extractor.status().message();
}

}  // namespace
}  // namespace kg::ingest::testing

namespace kg::ingest::testing {
namespace {

TEST(Sentences, TextWithoutPunctuationIsCutIntoBoundedPieces) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "word ";
  auto pieces = SplitAll("en", text);
  ASSERT_GT(pieces.size(), 1u);
  size_t total = 0;
  for (const auto& piece : pieces) {
    EXPECT_LE(piece.size(), kMaxSentenceBytes);
    total += piece.size();
  }
  EXPECT_GT(total, text.size() - pieces.size() * 2);
}

}  // namespace
}  // namespace kg::ingest::testing
