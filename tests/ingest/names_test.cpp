// Names of companies the gazetteer does not know, and capitalised words that
// are no company (ingest/tagger.cpp, name_kinds.cpp). Pages written for these
// tests, in English and Italian; each checks who the page's figures belong to.
#include <gtest/gtest.h>

#include <set>

#include "ingest/rule_extractor.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

class NamesTest : public RulesLoadedTest {
 protected:
  // Every claim of the page, as "subject predicate object".
  std::set<std::string> Claims(const std::string& text, const std::string& lang) {
    std::set<std::string> claims;
    for (const auto& st : Extract(text, lang, "2026-03-01").statements) claims.insert(ClaimLine(st.claim));
    return claims;
  }

  std::set<std::string> Subjects(const std::string& text, const std::string& lang) {
    std::set<std::string> subjects;
    for (const auto& st : Extract(text, lang, "2026-03-01").statements) {
      if (st.claim.predicate != "makes") subjects.insert(st.claim.subject.value);  // a chip's maker, named beside it
    }
    return subjects;
  }

  // Every claim of `text` (a chip's maker aside) has `subject` for subject, and there is one at least.
  void ExpectOnlySubject(const std::string& text, const std::string& lang, const std::string& subject) {
    EXPECT_EQ(Subjects(text, lang), std::set<std::string>{subject}) << text;
  }

  // No claim of `text` names `name`, as subject or object.
  void ExpectNeverNamed(const std::string& text, const std::string& lang, const std::string& name) {
    for (const auto& st : Extract(text, lang, "2026-03-01").statements) {
      EXPECT_NE(st.claim.subject.value, name) << ClaimLine(st.claim) << "\n" << text;
      EXPECT_NE(st.claim.object.value, name) << ClaimLine(st.claim) << "\n" << text;
    }
  }
};

// A company named in full once, with an industry word ("Datacenter", "Compute", "Cloud"), and
// otherwise by its first word, also in the headline before it; a product named after it
// ("X Cloud, una piattaforma") is no second full name that leaves the short one unread.
TEST_F(NamesTest, ShortNameOfACompanyWithAnIndustryWord) {
  ExpectOnlySubject(
      "Data center, Nuvolari accelera: 300 milioni per il campus di Rho\n"
      "Nuvolari Datacenter investirà 300 milioni di euro nel 2027 in nuovi data center, ha detto la società.\n"
      "Dal 2022 gestisce Nuvolari Cloud, una piattaforma per banche e assicurazioni.\n"
      "Nuvolari ha ordinato 2.000 chip H200 di Nvidia, con consegne nel 2027.\n",
      "it", "Nuvolari Datacenter");
  ExpectOnlySubject(
      "Brightwater bets big on AI with $400 million plan\n"
      "Brightwater Compute will invest $400 million in new data centres in 2027, the company said.\n"
      "It also runs Brightwater Cloud, a platform that banks use for their models.\n"
      "Brightwater has ordered 2,000 H200 chips from Nvidia for delivery next year.\n",
      "en", "Brightwater Compute");
  ExpectOnlySubject(
      "Orsetta Systems plans to spend $250 million on new servers in 2027, its chief executive said.\n"
      "Analysts said the plan was ambitious for a company of its size.\n"
      "Orsetta has ordered 1,200 MI355X accelerators from AMD.\n",
      "en", "Orsetta Systems");
  ExpectOnlySubject(
      "Ferralba Labs spenderà 80 milioni di euro nel 2027 in nuovi server.\n"
      "Gli analisti giudicano il piano ambizioso.\n"
      "Ferralba ha ordinato 500 acceleratori MI355X di AMD.\n",
      "it", "Ferralba Labs");
}

// Two companies that share a first word and are both named in full leave the word alone to neither.
TEST_F(NamesTest, ShortNameSharedByTwoCompaniesStaysApart) {
  std::set<std::string> subjects = Subjects(
      "Orsetta Systems will spend $250 million on new servers in 2027, its chief executive said.\n"
      "Orsetta Digital, a separate company owned by the same family, will spend $40 million in 2027.\n"
      "Orsetta has ordered 1,200 MI355X accelerators from AMD.\n",
      "en");
  EXPECT_TRUE(subjects.count("Orsetta Systems")) << ::testing::PrintToString(subjects);
  EXPECT_TRUE(subjects.count("Orsetta Digital")) << ::testing::PrintToString(subjects);
  EXPECT_FALSE(subjects.count("Orsetta") && subjects.size() == 1);
}

// A capitalised word joined to a lower-case word by hyphens is an adjective, no name:
// "Swedish-language", "GPU-as-a-service", "Nvidia-powered".
TEST_F(NamesTest, HyphenatedAdjectiveIsNoName) {
  ExpectNeverNamed("Telvara develops Saga, a Swedish-language model for banks, and plans to spend SEK 2 billion in 2027.",
                   "en", "Swedish-language");
  ExpectNeverNamed("Pennine Compute operates a GPU-as-a-service platform in Leeds.", "en", "GPU-as-a-service");
  ExpectNeverNamed("Kestrel Networks develops a Portuguese-language model that now handles 900 billion tokens a day.",
                   "en", "Portuguese-language");
  ExpectNeverNamed("Kestrel Networks develops a Japanese-language AI model for insurers.", "en",
                   "Japanese-language AI");
  ExpectNeverNamed("Corvo Reti gestisce una piattaforma GPU-as-a-service a Milano.", "it", "GPU-as-a-service");
  // in apposition to the product's name, or in a quote the next sentence's anaphor may follow
  ExpectNeverNamed("Kestrel Networks said its Danish-language model, Tove, handled about 30 billion tokens a day in May.",
                   "en", "Danish-language");
  ExpectNeverNamed("Lumora, the group's GPU-as-a-service platform, processed an average of 2 billion tokens a day in May.",
                   "en", "GPU-as-a-service");
  ExpectNeverNamed("\"We are building for the next decade of Korean-language AI,\" the chief executive said.\n"
                   "Most of the capacity will serve Hanul, the Korean-language model developed by Kestrel Networks.\n",
                   "en", "Korean-language AI");
  // a name with a hyphen and capitals or digits stays one
  EXPECT_TRUE(Claims("Lumora Cloud develops Orvo-3, a model for lawyers.", "en").count("Lumora Cloud develops Orvo-3"));
}

// A school or university someone left, named by its kind alone, is no company: the anaphor
// after it is the page's company.
TEST_F(NamesTest, InstitutionNamedByItsKindIsNoCompany) {
  const std::string it_plan = "Corvo Reti investirà 900 milioni di euro nel 2027 in nuovi data center.\n";
  std::set<std::string> it_claims =
      Claims(it_plan + "Nata nel 2014 da tre ricercatori usciti dal Politecnico, la società ha sede a Bologna.\n", "it");
  EXPECT_TRUE(it_claims.count("Corvo Reti headquartered_in Bologna")) << ::testing::PrintToString(it_claims);
  ExpectNeverNamed(it_plan + "Nata nel 2014 da tre ricercatori usciti dal Politecnico, la società ha sede a Bologna.\n",
                   "it", "Politecnico");
  ExpectNeverNamed(it_plan + "Fondata da due professori dell'Università, l'azienda ha sede a Bologna.\n", "it",
                   "Università");
  const std::string en_plan = "Kestrel Networks will spend $2 billion on data centres in 2027.\n";
  ExpectNeverNamed(en_plan + "Founded by two researchers who left the University, the company is headquartered in Leeds.\n",
                   "en", "University");
}

// Datelines and agency bylines before the first sentence are no company.
TEST_F(NamesTest, DatelineIsNoCompany) {
  ExpectOnlySubject("LONDON (Wire) - Kestrel Networks will spend $2 billion on data centres in 2027.\n", "en",
                    "Kestrel Networks");
  ExpectOnlySubject("MILANO, 12 SET (Agenzia) - Corvo Reti investirà 900 milioni di euro nel 2027 in nuovi data center.\n",
                    "it", "Corvo Reti");
  ExpectOnlySubject("TORINO. Corvo Reti investirà 900 milioni di euro nel 2027 in nuovi data center.\n", "it",
                    "Corvo Reti");
}

// A model's or chip's version (and size) is part of its name: a release is its own product, and
// writers name it so ("Llama 3.3 70B", not "Llama 3"); an unknown one-word name the page always
// writes with a version keeps it too. A figure after a name is no version.
TEST_F(NamesTest, ModelNameKeepsItsVersionAndSize) {
  EXPECT_EQ(Claims("Orbis AI develops Aster 3, a model for lawyers.\nAster 3 lags behind Llama 3.3 70B in maths.\n"
                   "Aster 3 trails Claude Opus 4 on reasoning tests.\n",
                   "en"),
            (std::set<std::string>{"Aster 3 lags_behind Llama 3.3 70B", "Aster 3 lags_behind Claude Opus 4"}));
  EXPECT_EQ(Claims("La società Kestrel ha ordinato 20 acceleratori Gaudi 3.\n", "it"),
            std::set<std::string>{"Kestrel plans_order 20 Gaudi 3"});
  EXPECT_EQ(Claims("Kestrel Compute ordered 12 H200 in May; Kestrel Compute plans 2 billion dollars of capex in 2027.\n", "en"),
            (std::set<std::string>{"Kestrel Compute plans_order 12 H200", "Kestrel Compute plans_capex USD 2bn @2027"}));
}

// A company the gazetteer does not know, named in full once and otherwise by a first word it shares
// with its unit ("Halvor" of "Halvor Energia" and "Halvor Digitale"): those short mentions count for
// the page's company, so a known rival named three times further down is not what "il gruppo" means.
TEST_F(NamesTest, ShortNameSharedWithAUnitCountsForThePagesCompany) {
  EXPECT_EQ(Claims("Halvor scommette sui data center\n"
                   "Quasi 900 milioni di euro entro il 2027. È la cifra che Halvor Energia ha messo sul tavolo ieri.\n"
                   "Il piano sarà gestito da Halvor Digitale, la società che il gruppo controlla al 70%.\n"
                   "Per Halvor è il progetto più grande della sua storia.\n"
                   "Il mercato in cui Halvor entra non è vuoto: la concorrenza arriva da Enel.\n"
                   "Enel ha aperto un campus a Genova lo scorso anno. Enel non ha commentato.\n",
                   "it"),
            std::set<std::string>{"Halvor Energia owns Halvor Digitale"});
}

// An unknown name ranked against a known product right after it is a product too, so it can lag
// behind or overtake one; a place where a product overtook another is not.
TEST_F(NamesTest, NameRankedAgainstAKnownProductIsAProduct) {
  EXPECT_EQ(Claims("Vltava Labs released Rusalka in May.\nRusalka still trails OpenAI's GPT-5 on coding tests.\n", "en"),
            (std::set<std::string>{"OpenAI develops GPT-5", "Rusalka lags_behind GPT-5"}));
  EXPECT_EQ(Claims("A luglio Brisa ha superato ChatGPT per numero di download.\n"
                   "Brisa resta indietro rispetto a GPT-5 nei test di matematica.\n",
                   "it"),
            (std::set<std::string>{"Brisa overtook ChatGPT", "Brisa lags_behind GPT-5"}));
  for (const auto& claim : Claims("Kaja, un'app di chat, in Estonia e Lettonia ha superato Gemini per numero di download.\n", "it")) {
    EXPECT_EQ(claim.find("Lettonia"), std::string::npos) << claim;
    EXPECT_EQ(claim.find("Estonia"), std::string::npos) << claim;
  }
}

// A name of two words or more that ends in AI or a company form is one name, also where a verb
// follows AI or the form is written in lower case or with dots; a noun after AI is what AI
// describes, no part of the name.
TEST_F(NamesTest, NameEndingInAIOrACompanyFormIsOneName) {
  ExpectOnlySubject("Tarvik AI will invest $300 million in new data centres in 2027.\n", "en", "Tarvik AI");
  ExpectOnlySubject("Tarvik AI raised its 2027 budget: it will spend $300 million on servers in 2027.\n", "en", "Tarvik AI");
  ExpectOnlySubject("Tarvik AI investirà 300 milioni di euro nel 2027 in nuovi data center.\n", "it", "Tarvik AI");
  ExpectOnlySubject("Brenvale plc will invest $300 million in new data centres in 2027, the company said.\n", "en",
                    "Brenvale");
  ExpectOnlySubject("Brenvale S.p.A. investirà 300 milioni di euro nel 2027 in nuovi data center.\n", "it", "Brenvale");
  ExpectOnlySubject("The Lumora AI platform is used by banks.\n"
                    "Lumora will invest $50 million in new servers in 2027, the company said.\n",
                    "en", "Lumora");
}

// A noun that says what kind of company the name after it is makes it a company, though it ends
// in a person's role ("pension manager"); capitalised at a sentence's start it is no part of the
// name. A person's role alone still makes a person.
TEST_F(NamesTest, DescriptorBeforeANameMakesItACompany) {
  ExpectOnlySubject("The pension manager Calloway Brook will put $150 million into a data centre campus in 2027, it said.\n"
                    "Calloway Brook has ordered 1,000 MI355X accelerators from AMD.\n",
                    "en", "Calloway Brook");
  ExpectOnlySubject("Asset manager Halloway Reach will put $90 million into data centres in 2027.\n", "en",
                    "Halloway Reach");
  ExpectOnlySubject("Multiutility Ostrava Reti ha ordinato 300 chip H200 di Nvidia.\n", "it", "Ostrava Reti");
  ExpectOnlySubject("Fund manager Hugh Lambert said Lumora Cloud will spend $80 million on servers in 2027.\n", "en",
                    "Lumora Cloud");
}

// A contrast or a preposition that opens a sentence is no part of the name after it.
TEST_F(NamesTest, OpeningContrastWordIsNoPartOfAName) {
  const char* like = "Like Quarrow Robotics, Mirela Holdings has ordered 3,000 H200 chips from Nvidia.\n";
  ExpectNeverNamed(like, "en", "Like Quarrow Robotics");
  ExpectOnlySubject(like, "en", "Mirela Holdings");
  ExpectNeverNamed("Against Orvane Compute, Pellinor Data will spend $200 million on servers in 2027.\n", "en",
                   "Against Orvane Compute");
}

// A name after its owner's product word and a word describing the product ("il suo chatbot
// multilingue X") is the product: the town of the company's apposition is the company's, not the
// product's. A trade word after a product word ("the platform provider X") leaves a company.
TEST_F(NamesTest, NameAfterOwnersProductWordAndAModifierIsAProduct) {
  std::set<std::string> claims =
      Claims("Orvane AI, la società di Torino nota per il suo chatbot multilingue Sibilla, investirà 50 milioni di euro "
             "nel 2027 in nuovi server.\n",
             "it");
  EXPECT_TRUE(claims.count("Orvane AI headquartered_in Turin")) << ::testing::PrintToString(claims);
  ExpectNeverNamed("Orvane AI, la società di Torino nota per il suo chatbot multilingue Sibilla, investirà 50 milioni "
                   "di euro nel 2027 in nuovi server.\n",
                   "it", "Sibilla");
  ExpectOnlySubject("Sibilla's maker said the platform provider Castellan will spend $40 million on servers in 2027.\n",
                    "en", "Castellan");
}

// Scripts without capitals: a company-type word after an unknown word makes both one name, and a
// descriptor before a word and the agent marker after it make the word a company's name; an
// adjective before such a word ("ग्रीन एनर्जी") is left alone.
// A name after a product word is the product ("the inference platform Fjord"), unless a relation verb
// follows it: then it is the subject of a relative clause on that word, the company that runs the
// product ("the sovereign cloud platform Calderon runs for ministries"), and the page's figures stay its.
TEST_F(NamesTest, NameBeforeARelationVerbAfterAProductWordIsTheCompany) {
  ExpectOnlySubject(
      "Calderon Networks will spend £2.6bn on its networks next year, the telecoms group said.\n"
      "The bright spot was Skyvale, the sovereign cloud platform Calderon runs for ministries.\n"
      "Calderon expects capital expenditure of roughly £2.2bn this year.\n",
      "en", "Calderon Networks");
}

// A sentence's capitalised first word, unknown and used nowhere else, is a name when an apposition
// describes it as a company ("Telvana, the Madrid-based telecoms group that ..."): the anaphor in it is
// Telvana, not the page's company. An adverb before a plain anaphor ("Meanwhile, the telecoms group
// said ...") stays no name.
TEST_F(NamesTest, FirstWordDescribedByAnAppositionIsAName) {
  const std::string page =
      "Calderon Networks will spend £2.6bn on its networks next year, the telecoms group said.\n"
      "Telvana, the Madrid-based telecoms group that holds a 24 per cent stake in Calderon, may sell.\n"
      "Meanwhile, the telecoms group said it expects capital expenditure of roughly £2.2bn this year.\n";
  std::set<std::string> claims = Claims(page, "en");
  EXPECT_TRUE(claims.count("Telvana headquartered_in Madrid")) << ::testing::PrintToString(claims);
  EXPECT_FALSE(claims.count("Calderon Networks headquartered_in Madrid")) << ::testing::PrintToString(claims);
  ExpectNeverNamed(page, "en", "Meanwhile");
}

// "Halden Ridge Computing (HRC)": a bracketed acronym of the name's initials
// is that name on the whole page; an acronym of other letters names another.
TEST_F(NamesTest, BracketedAcronymOfTheInitialsIsTheName) {
  ExpectOnlySubject(
      "Halden Ridge Computing (HRC) will spend $900 million on data centres in 2027, the company said.\n"
      "HRC has also ordered 3,000 B200 chips for delivery next year.\n",
      "en", "Halden Ridge Computing");
  ExpectOnlySubject(
      "Società Ligure Reti (SLR) investirà 400 milioni di euro nel 2027, ha detto la società.\n"
      "SLR ha inoltre ordinato 1.500 chip H200.\n",
      "it", "Società Ligure Reti");
  std::set<std::string> subjects = Subjects(
      "Halden Ridge Computing (HRX) will spend $900 million on data centres in 2027, the company said.\n"
      "HRX has also ordered 3,000 B200 chips for delivery next year.\n",
      "en");
  EXPECT_TRUE(subjects.count("HRX")) << ::testing::PrintToString(subjects);
}

TEST_F(NamesTest, HindiNameByItsCompanyWordOrDescriptor) {
  ExpectOnlySubject("तारविक लैब्स ने 2027 में 300 करोड़ रुपये के पूंजीगत व्यय की योजना बनाई है।\n", "hi", "तारविक लैब्स");
  ExpectOnlySubject("ब्रेनवेल रोबोटिक्स ने 2027 में 200 करोड़ रुपये के पूंजीगत व्यय की योजना बनाई है।\n", "hi",
                    "ब्रेनवेल रोबोटिक्स");
  std::set<std::string> subjects = Subjects(
      "माइक्रोसॉफ्ट इस साल डेटा सेंटरों पर 80 अरब डॉलर खर्च करेगी।\n"
      "स्टार्टअप तारविक ने 2027 में 300 करोड़ रुपये के पूंजीगत व्यय की योजना बनाई है।\n",
      "hi");
  EXPECT_TRUE(subjects.count("तारविक")) << ::testing::PrintToString(subjects);
  ExpectNeverNamed("ग्रीन एनर्जी पर कंपनी 2027 में 300 करोड़ रुपये खर्च करेगी।\n", "hi", "ग्रीन एनर्जी");
}

// An unknown name in a company's possessive right after a ranking verb is the product ranked, not
// its owner; a known product keeps its owner, who develops it.
TEST_F(NamesTest, UnknownNameInAnOwnersPossessiveIsTheProductRanked) {
  std::set<std::string> claims =
      Claims("Kalju AI has ordered 500 H200 chips from Nvidia; its model Saaga overtook Google's Gemma in March.\n", "en");
  EXPECT_TRUE(claims.count("Saaga overtook Gemma")) << ::testing::PrintToString(claims);
  EXPECT_FALSE(claims.count("Saaga overtook Google")) << ::testing::PrintToString(claims);
  claims = Claims("Vltava Labs released Rusalka in May.\nRusalka overtook Google's Gemma in downloads in June.\n", "en");
  EXPECT_TRUE(claims.count("Rusalka overtook Gemma")) << ::testing::PrintToString(claims);
  claims = Claims("Kalju AI said its chatbot Saaga now trails Mistral's Le Chat in Estonia.\n", "en");
  EXPECT_TRUE(claims.count("Mistral AI develops Le Chat")) << ::testing::PrintToString(claims);
}

}  // namespace
}  // namespace kg::ingest::testing
