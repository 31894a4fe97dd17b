// Anaphors across sentences (ingest/salience.h): "the group", "l'operatore",
// "इस कंपनी" point to the company the previous sentence stated a figure of,
// and back to the document's own company further on. Sentences written for
// these tests, in each language.
#include <gtest/gtest.h>

#include <map>

#include "ingest/rule_extractor.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

class SalienceTest : public RulesLoadedTest {
 protected:
  // The subjects of the statements `predicate` of a quantity in `unit`.
  std::set<std::string> Subjects(const std::string& text, const std::string& lang, const std::string& predicate,
                                 const std::string& unit) {
    std::set<std::string> subjects;
    for (const auto& st : Extract(text, lang, "2026-03-01").statements) {
      if (st.claim.predicate == predicate && st.claim.object.unit == unit) subjects.insert(st.claim.subject.value);
    }
    return subjects;
  }

  // The claims "subject predicate object" of `predicate` in `text`.
  std::set<std::string> ClaimsOf(const std::string& text, const std::string& lang, const std::string& predicate) {
    std::set<std::string> claims;
    for (const auto& st : Extract(text, lang, "2026-03-01").statements) {
      if (st.claim.predicate == predicate) claims.insert(st.claim.subject.value + " " + predicate + " " + st.claim.object.value);
    }
    return claims;
  }

  // A page whose order of `product` is stated of `subject` alone.
  struct OrderCase {
    std::string lang, text, product, subject;
  };
  void ExpectOrderedBy(const std::vector<OrderCase>& cases) {
    for (const auto& c : cases) {
      EXPECT_EQ(Subjects(c.text, c.lang, "plans_order", c.product), std::set<std::string>{c.subject}) << c.text;
    }
  }
};

using Names = std::set<std::string>;

// A page in each language: the second company's figure makes it the group
// of the next sentence (`other` ordered H200 chips); two sentences on,
// "the company" is the document's own again (`own` ordered MI300X chips).
struct AnaphorPage {
  std::string lang, text, other, own;
};

const AnaphorPage kPages[] = {
    {"en",
     "Orbis Telecom will spend $4 billion on data centres in 2026, the company said on Monday.\n"
     "Orbis Telecom has also ordered 10,000 B200 chips from Nvidia.\n"
     "Separately, Swedish operator Kallio Networks said it would invest €200 million in AI data centres this year.\n"
     "The telecom group has ordered 1,500 H200 chips from Nvidia.\n"
     "Analysts expect prices to fall next year.\n"
     "The company has ordered 3,000 MI300X accelerators from AMD, Orbis Telecom's chief executive said.\n",
     "Kallio Networks", "Orbis Telecom"},
    {"it",
     "Orbis Telecom investirà 4 miliardi di dollari nel 2026 in nuovi data center.\n"
     "Orbis Telecom ha anche ordinato 10.000 chip B200 di Nvidia.\n"
     "Intanto Fastweb ha annunciato che investirà 300 milioni di euro nel 2026.\n"
     "L'operatore ha ordinato 1.200 chip H200 di Nvidia per il suo supercomputer.\n"
     "Gli analisti si aspettano un calo dei prezzi.\n"
     "La società ha ordinato 3.000 acceleratori MI300X di AMD, ha detto l'amministratore delegato di Orbis Telecom.\n",
     "Fastweb", "Orbis Telecom"},
    {"hi",
     "विप्रो ने कहा कि वह 2026 में 2,000 करोड़ रुपये का निवेश करेगी।\n"
     "विप्रो ने एनवीडिया से 5,000 B200 चिप्स खरीदने का सौदा किया है।\n"
     "इस बीच, सिफी ने कहा कि वह इस साल 600 करोड़ रुपये का निवेश करेगी।\n"
     "इस कंपनी ने 900 H200 चिप्स खरीदने का सौदा भी किया है।\n"
     "बाजार में मांग बनी हुई है।\n"
     "कंपनी ने 2,500 MI300X चिप्स खरीदने का सौदा भी किया है।\n",
     "Sify Technologies", "Wipro"},
};

TEST_F(SalienceTest, AnaphorAfterAnotherCompanysFigure) {
  for (const auto& page : kPages) {
    EXPECT_EQ(Subjects(page.text, page.lang, "plans_order", "H200"), Names{page.other}) << page.lang;
    EXPECT_EQ(Subjects(page.text, page.lang, "plans_order", "MI300X"), Names{page.own}) << page.lang;
  }
  // "Swedish" is no name: the plan is Kallio's
  EXPECT_EQ(Subjects(kPages[0].text, "en", "plans_capex", "EUR"), Names{"Kallio Networks"});
}

// A chip's maker, named before the chip, is not whom the next sentence is
// about: only figures of a named company move the anaphors.
TEST_F(SalienceTest, MakerOfAChipIsNoAntecedent) {
  std::string text =
      "Orbis Telecom plans to spend $2 billion in 2026.\n"
      "Orbis Telecom said most of its new servers will run on Nvidia B200 chips.\n"
      "The company has ordered 6,000 B200 chips.\n";
  EXPECT_EQ(Subjects(text, "en", "plans_order", "B200"), Names{"Orbis Telecom"});
}

// "La società che fa capo a X": a sentence that names the company of the
// previous one describes someone else with its anaphor.
TEST_F(SalienceTest, SentenceNamingTheCompanyPointsElsewhere) {
  std::string text =
      "Orbis Cloud investirà 900 milioni di euro nel 2026, ha detto l'azienda.\n"
      "Orbis Cloud gestisce sei centri dati.\n"
      "Vantis, proprietaria di Orbis Cloud, ha investito 2 miliardi di euro nel 2025.\n"
      "L'azienda controllata da Vantis ha ordinato 800 chip H200 di Nvidia.\n";
  EXPECT_EQ(Subjects(text, "it", "plans_order", "H200"), Names{"Orbis Cloud"});
}

// A rule without a subject states the document's company, never in a
// sentence about a government (lexicon `outsider`): the budget of the same
// words with the company's own figure stays.
TEST_F(SalienceTest, SubjectlessBudgetIsNotTheGovernments) {
  struct Case {
    std::string lang, company_budget, government_budget;
  };
  const Case cases[] = {
      {"en", "Orbis Telecom will spend $2 billion in 2026. Of that sum, $500 million will go on AI processors.\n",
       "Orbis Telecom will spend $2 billion in 2026. The Dutch government has promised $3 billion for research, "
       "part of which will go on processors.\n"},
      {"it", "Orbis Telecom investirà 2 miliardi di euro nel 2026. Di questa somma, 500 milioni di euro saranno destinati a processori.\n",
       "Orbis Telecom investirà 2 miliardi di euro nel 2026. Il governo ha stanziato 3 miliardi di euro, e 500 milioni di euro "
       "saranno destinati a processori.\n"},
      {"hi", "विप्रो ने कहा कि वह 2026 में 2,000 करोड़ रुपये का निवेश करेगी। इसमें से 500 करोड़ रुपये एआई चिप्स पर खर्च किए जाएंगे।\n",
       "विप्रो ने कहा कि वह 2026 में 2,000 करोड़ रुपये का निवेश करेगी। सरकार की योजना के तहत 500 करोड़ रुपये एआई चिप्स पर खर्च किए जाएंगे।\n"},
  };
  for (const auto& c : cases) {
    std::string currency = c.lang == "hi" ? "INR" : c.lang == "it" ? "EUR" : "USD";
    EXPECT_EQ(Subjects(c.company_budget, c.lang, "ai_processor_budget", currency).size(), 1u) << c.company_budget;
    EXPECT_TRUE(Subjects(c.government_budget, c.lang, "ai_processor_budget", currency).empty()) << c.government_budget;
  }
}

// A short sentence that names one company as its subject and nothing else
// makes it the antecedent ("Anche Fastweb accelera."); a company named
// further in ("Analysts at Jefferies said ...") does not.
TEST_F(SalienceTest, SentenceNamingOnlyACompany) {
  std::string text =
      "Orbis Telecom investirà 2 miliardi di euro nel 2026.\n"
      "Orbis Telecom ha comprato 900 GPU H100.\n"
      "Anche Vantis Cloud accelera.\n"
      "La società ha comprato 1.200 chip H200.\n";
  EXPECT_EQ(Subjects(text, "it", "plans_order", "H200"), Names{"Vantis Cloud"});
  std::string analysts =
      "Orbis Telecom will spend $2 billion in 2026.\n"
      "Orbis Telecom has ordered 900 H100 chips.\n"
      "Analysts at Jefferies said the plan looked bold.\n"
      "The company has ordered 1,200 H200 chips.\n";
  EXPECT_EQ(Subjects(analysts, "en", "plans_order", "H200"), Names{"Orbis Telecom"});
}

// The document's company is never its supplier: when the buyer's name is
// not read, "इस कंपनी" must not become the chip maker named only as the seller
// ("एनवीडिया से ...") or before its chip.
TEST_F(SalienceTest, SupplierIsNeverTheTopic) {
  std::string text =
      "वैंटिस रोबोटिक्स ने मंगलवार को अपनी नई रणनीति पेश की।\n"
      "समूह 2027 में 3,000 करोड़ रुपये का निवेश करेगा।\n"
      "इस कंपनी ने एनवीडिया से 5,000 H200 चिप्स खरीदने का सौदा किया है।\n";
  EXPECT_EQ(Subjects(text, "hi", "plans_order", "H200").count("Nvidia"), 0u);
  EXPECT_EQ(Subjects(text, "hi", "plans_capex", "INR").count("Nvidia"), 0u);
}

// A model's daily tokens or a chip's price is a figure of a product: "the
// group" after it is still the company ("Il gruppo si confronta con ..."
// once named the model Webuild had just described).
TEST_F(SalienceTest, ProductsFigureIsNoAntecedent) {
  std::string text =
      "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
      "The Lumora Atlas model now processes more than 3 billion tokens a day.\n"
      "The group has ordered 1,200 H200 chips from Nvidia.\n";
  EXPECT_EQ(Subjects(text, "en", "daily_tokens", "tokens"), Names{"Lumora Atlas"});
  EXPECT_EQ(Subjects(text, "en", "plans_order", "H200"), Names{"Orbis Telecom"});
}

// A sentence whose subject is a company, after a fronted place or time ("Over
// in Oslo, Kallio Networks has opened ..."), is about that company even when
// it names others further in: the next "the start-up" is Kallio's. A company
// further in ("Analysts at Jefferies said Kallio ...") or named as a maker
// before its chip ("In Taiwan, Nvidia B200 chips ...") moves nothing.
TEST_F(SalienceTest, CompanyLeadingAfterAFrontedPhrase) {
  ExpectOrderedBy({
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Over in Oslo, Kallio Networks has opened its books to investors from Microsoft.\n"
       "The start-up has ordered 1,200 H200 chips.\n",
       "H200", "Kallio Networks"},
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Some 3,000 kilometres south, Vantis Cloud is riding a different wave.\n"
       "The company has ordered 900 MI300X accelerators.\n",
       "MI300X", "Vantis Cloud"},
      {"it",
       "Orbis Telecom investirà 2 miliardi di euro nel 2026.\n"
       "A Torino, intanto, Vantis Cloud ha presentato i conti ai soci di Microsoft.\n"
       "La società ha ordinato 1.200 chip H200.\n",
       "H200", "Vantis Cloud"},
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Analysts at Jefferies said Kallio Networks looked cheap.\n"
       "The company has ordered 1,200 H200 chips.\n",
       "H200", "Orbis Telecom"},
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "In Taiwan, Nvidia B200 chips are still hard to find.\n"
       "The company has ordered 1,200 H200 chips.\n",
       "H200", "Orbis Telecom"},
  });
}

// Inside a paragraph, a sentence that names no company keeps the one the
// paragraph is about ("Kallio plans to invest $300m. Most of that sum goes on
// Nvidia hardware. The company has ordered ..."); a new paragraph, or a
// sentence naming another company, ends it.
TEST_F(SalienceTest, ParagraphKeepsItsCompany) {
  ExpectOrderedBy({
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Kallio Networks plans to invest $300 million this year. Most of that sum goes on Nvidia hardware. "
       "The company has ordered 1,500 H200 chips.\n",
       "H200", "Kallio Networks"},
      {"it",
       "Orbis Telecom investirà 2 miliardi di euro nel 2026.\n"
       "Vantis Cloud investirà 300 milioni di euro quest'anno. Gran parte della somma andrà in server. "
       "La società ha ordinato 1.500 chip H200.\n",
       "H200", "Vantis Cloud"},
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Kallio Networks plans to invest $300 million this year. Analysts at Jefferies doubt the plan. "
       "The company has ordered 1,500 H200 chips.\n",
       "H200", "Orbis Telecom"},
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Kallio Networks plans to invest $300 million this year. Most of that sum goes on servers.\n"
       "The company has ordered 1,500 H200 chips.\n",
       "H200", "Orbis Telecom"},
  });
}

// An interview: the answers ("We will spend ...", "investiremo ...") are the
// interviewee's company, named in the headline and the standfirst; a company
// the questions name ("And Nvidia?", "Everyone talks about Nvidia.") is never
// the page's company nor the answer's subject. Neither is the company's model,
// named more often than the company ("the Vela family of models", questions
// set in bold: "**How big is Kallio now?**"), nor its town ("The Abeokuta
// start-up": the town of a description is a town on the whole page).
TEST_F(SalienceTest, InterviewAnswersAreTheIntervieweesCompany) {
  struct Case {
    std::string lang, text, currency, product, company;
  };
  const Case cases[] = {
      {"en",
       "Q&A: Kallio Networks boss on chips, rivals and Nvidia\n"
       "Lena Berg runs Kallio Networks from a converted mill.\n"
       "How much will you spend next year? And what about Nvidia?\n"
       "\"We will spend $400 million in 2027. We have ordered 2,000 MI300X chips from AMD.\"\n"
       "Everyone talks about Nvidia. Will you buy from Nvidia?\n"
       "\"Not this year.\"\n",
       "USD", "MI300X", "Kallio Networks"},
      {"it",
       "Rossi (Vantis Cloud): «Investiremo 500 milioni di euro nel 2027»\n"
       "La fondatrice del gruppo torinese spiega il piano. «Nvidia? Per ora no»\n"
       "Anna Rossi guida Vantis Cloud dal 2019.\n"
       "Quanto spenderete? E con Nvidia?\n"
       "«Nel 2027 investiremo 500 milioni di euro. Abbiamo ordinato 2.000 chip MI300X.»\n"
       "Quali chip? In Europa tutti parlano di Nvidia.\n"
       "«Non compreremo GPU Nvidia.»\n",
       "EUR", "MI300X", "Vantis Cloud"},
      {"en",
       "INTERVIEW\n"
       "\"We are not a chatbot company\": Kallio Networks' Lena Berg on chips and rivals\n"
       "Lena Berg co-founded Kallio Networks in 2021. The company builds the Vela family of models.\n"
       "**How big is Kallio now?**\n"
       "Customers send most of their traffic through Vela. Vela now answers in six languages.\n"
       "**What does the budget look like?**\n"
       "Our capital spending next year will come to around $60 million. We've ordered 2,000 H200s from Nvidia.\n",
       "USD", "H200", "Kallio Networks"},
      {"en",
       "Q&A: Orbis Compute's founder on tokens and GPUs\n"
       "Marit Dahl started Orbis Compute in 2022. The start-up runs the Fjord chat app.\n"
       "**Who uses Fjord?**\n"
       "Fjord has two million users. Most of them found Fjord through schools.\n"
       "**And the hardware?**\n"
       "We will spend $45 million on capital projects in 2027. We have ordered 1,000 H200 chips.\n",
       "USD", "H200", "Orbis Compute"},
      {"en",
       "INTERVIEW\n"
       "\"Power is the hard part\": Halvard Systems' Femi Bello on growth\n"
       "The Abeokuta start-up behind the Oru models has grown fast. Femi Bello co-founded Halvard Systems in 2022 "
       "with two colleagues from an Abeokuta bank.\n"
       "**Where do you train?**\n"
       "Mostly in an Abeokuta facility. The racks we can get in Abeokuta are small.\n"
       "**What does the budget look like?**\n"
       "Our capital spending next year will come to around $30 million. We've ordered 500 H200s from Nvidia.\n",
       "USD", "H200", "Halvard Systems"},
      {"it",
       "INTERVISTA\n"
       "Rossi (Vantis Cloud): «Non siamo un'azienda di chatbot»\n"
       "La fondatrice Anna Rossi ha creato Vantis Cloud nel 2020. La società sviluppa la famiglia di modelli Brezza.\n"
       "**Quanto è grande Vantis oggi?**\n"
       "I clienti usano soprattutto Brezza. Brezza ora risponde in sei lingue.\n"
       "**E gli investimenti?**\n"
       "Nel 2027 investiremo 60 milioni di euro. Abbiamo ordinato 2.000 GPU H200 da Nvidia.\n",
       "EUR", "H200", "Vantis Cloud"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Subjects(c.text, c.lang, "plans_capex", c.currency), Names{c.company}) << c.text;
    EXPECT_EQ(Subjects(c.text, c.lang, "plans_order", c.product), Names{c.company}) << c.text;
  }
}

// Italian answers speak in the first person plural ("abbiamo comprato",
// "investiremo"): the verb's person is the interviewee's company, as "we" is
// in English. The question lines' company (Nvidia) is never the subject.
TEST_F(SalienceTest, ItalianFirstPersonAnswersAreTheCompanys) {
  std::string text =
      "Bianchi (Corvo Reti): «Investiremo 300 milioni di euro nel 2027»\n"
      "Marta Bianchi guida Corvo Reti da Genova dal 2018.\n"
      "Avete fatto acquisizioni? Si parla di Nvidia.\n"
      "«L'anno scorso abbiamo comprato Lumora Cloud, una piccola società di Pisa.»\n"
      "E il debito?\n"
      "«A marzo abbiamo collocato un bond da 200 milioni di euro.»\n"
      "E i chip?\n"
      "«Abbiamo ordinato 1.500 chip H200.»\n";
  std::map<std::string, std::string> subject_of;  // predicate -> subjects
  for (const auto& st : Extract(text, "it", "2026-09-15").statements) subject_of[st.claim.predicate] += st.claim.subject.value + ";";
  EXPECT_EQ(subject_of["owns"], "Corvo Reti;");
  EXPECT_EQ(subject_of["bond_issuance"], "Corvo Reti;");
  EXPECT_EQ(subject_of["plans_order"], "Corvo Reti;");
  EXPECT_EQ(subject_of["plans_capex"], "Corvo Reti;");
}

// The supplier of an order ("an order ... from the American chipmaker AMD",
// "con il produttore Nvidia per ...") is never its buyer, with an article and
// a description between the preposition and the name; a company that leads
// its own sentence still orders.
TEST_F(SalienceTest, SupplierAfterADescriptionIsNoBuyer) {
  const OrderCase cases[] = {  // `subject`: the supplier, never the buyer
      {"en",
       "Kallio Networks will spend $300 million in 2027.\n"
       "At the heart of the plan is an order for 2,000 MI300X accelerators from the American chipmaker AMD, "
       "which the company expects in March.\n",
       "MI300X", "AMD"},
      {"en",
       "Kallio Networks will spend $300 million in 2027.\n"
       "Most of it pays for an order of 1,000 H200 chips placed with the US group Nvidia in May.\n",
       "H200", "Nvidia"},
      {"it",
       "Corvo Reti investirà 300 milioni di euro nel 2027.\n"
       "Il cuore del piano è un ordine di 1.000 chip H200 firmato con il produttore americano Nvidia.\n",
       "H200", "Nvidia"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Subjects(c.text, c.lang, "plans_order", c.product).count(c.subject), 0u) << c.text;
  }
  EXPECT_EQ(Subjects("Nvidia will spend $2 billion on data centres in 2027.\n", "en", "plans_capex", "USD"), Names{"Nvidia"});
  // the price of "each" after it is still the ordered chip's
  std::string priced = cases[0].text + "Industry sources put the price of each at about $25,000.\n";
  EXPECT_EQ(Subjects(priced, "en", "unit_price", "USD"), Names{"MI300X"});
}

// A street or a university named by a word of its own ("Kilimani Road", "Aalto
// University of Technology", "Via Tortona") is a place, never the subject of
// the figure after it.
TEST_F(SalienceTest, StreetOrUniversityIsNoSubject) {
  EXPECT_EQ(Subjects("Kallio Networks, the operator whose white-walled campus off Kilimani Road has become a familiar "
                     "sight for motorists heading to the airport, will spend $400 million in 2027 on new capacity.\n",
                     "en", "plans_capex", "USD"),
            Names{"Kallio Networks"});
  EXPECT_EQ(Subjects("Kallio Networks, the group whose tower on Harbour Street has become a landmark, will spend $400 "
                     "million in 2027.\n",
                     "en", "plans_capex", "USD"),
            Names{"Kallio Networks"});
  EXPECT_EQ(Subjects("Kallio Networks said its model, developed with researchers at the Aalto University of "
                     "Technology, handled 4 billion tokens a day in August.\n",
                     "en", "daily_tokens", "tokens")
                .count("Aalto University"),
            0u);
  EXPECT_EQ(Subjects("Corvo Reti, la società il cui campus in Via Tortona è ormai noto a tutti, investirà 300 milioni di "
                     "euro nel 2027.\n",
                     "it", "plans_capex", "EUR"),
            Names{"Corvo Reti"});
}

// A description by kind ("the Denver-based GPU cloud", "the data-centre
// operator") is the company the sentence before was about; in the same
// paragraph it holds over a sentence that names no company.
TEST_F(SalienceTest, DescriptionByKindIsTheCompanyBefore) {
  std::string text =
      "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
      "Kallio Compute is the only one of the three that rents out chips. The Denver-based GPU cloud plans capital "
      "expenditure of $700 million this year.\n"
      "Most of that sum goes on Nvidia hardware. The company has 4,000 GB300 superchips on order.\n";
  EXPECT_EQ(Subjects(text, "en", "plans_capex", "USD"), (Names{"Orbis Telecom", "Kallio Compute"}));
  EXPECT_EQ(Subjects(text, "en", "plans_order", "GB300"), Names{"Kallio Compute"});
}

// A one-word unknown name between an article and "unit/subsidiary of X" is the unit's place, never a company:
// no buyer, no owner (session 13). A company the gazetteer knows keeps its reading.
TEST_F(SalienceTest, PlaceBeforeAUnitOfACompanyIsNoCompany) {
  std::string unit_ordered = "The Aberdeen unit of Orbis Telecom ordered 400 H200 chips in March.\n";
  EXPECT_EQ(Subjects(unit_ordered, "en", "plans_order", "H200").count("Aberdeen"), 0u);
  std::string unit_described = "Castlegate Energy, the Tromso subsidiary of Orbis Telecom, hired 40 engineers.\n";
  EXPECT_EQ(ClaimsOf(unit_described, "en", "owns"), Names{"Orbis Telecom owns Castlegate Energy"});
  std::string known_unit = "The Google unit of Alphabet ordered 400 H200 chips in March.\n";
  EXPECT_EQ(Subjects(known_unit, "en", "plans_order", "H200"), Names{"Google"});
}

// A fact box's line without a subject ("- In programma un ordine di ...") is
// the page's company's: its capitalised first word is no name.
TEST_F(SalienceTest, FactBoxLineIsThePagesCompanys) {
  std::string text =
      "Orbis Telecom investirà 3,5 miliardi di euro nel 2027, ha detto la società.\n"
      "Cosa sapere\n"
      "- In programma un ordine di 8.000 chip B300 di Nvidia.\n"
      "- In arrivo anche un nuovo modello linguistico.\n";
  EXPECT_EQ(Subjects(text, "it", "plans_order", "B300"), Names{"Orbis Telecom"});
}

// A company named in the headline and never again: the body's "the company", "la società", "कंपनी" is it.
// A first line that is a site's name or a menu is no headline (written before the change; all failed on main).
TEST_F(SalienceTest, HeadlineNamesTheBodysCompany) {
  EXPECT_EQ(Subjects("Halvard Systems doubles down on AI\n\nThe company plans to spend $600 million in 2026.\n", "en",
                     "plans_capex", "USD"),
            Names{"Halvard Systems"});
  EXPECT_EQ(Subjects("Corvo Reti punta sul cloud\n\nLa società investirà 400 milioni di euro nel 2026.\n", "it",
                     "plans_capex", "EUR"),
            Names{"Corvo Reti"});
  EXPECT_EQ(Subjects("सिफी का बड़ा दांव\n\nकंपनी 2026 में 3,000 करोड़ रुपये खर्च करेगी।\n", "hi", "plans_capex", "INR"),
            Names{"Sify Technologies"});
  EXPECT_EQ(Subjects("Home | Markets | Halvard Systems\n\nThe company plans to spend $600 million in 2026.\n", "en",
                     "plans_capex", "USD"),
            Names{});
  EXPECT_EQ(Subjects("Halvard Systems\n\nThe company plans to spend $600 million in 2026.\n", "en", "plans_capex", "USD"),
            Names{});
}

// A fact box's label or an interviewer's question about the company's home, answered by a place alone on
// its line or the next one (written before the change; all failed on main).
TEST_F(SalienceTest, HomeLabelsAreThePagesCompanys) {
  struct Case {
    std::string lang, text, home;
  };
  const Case cases[] = {
      {"en", "Halvard Systems plans to spend $600 million in 2026.\nHeadquarters: Lyon\nFounded: 2019\n", "Lyon"},
      {"en", "Halvard Systems plans to spend $600 million in 2026.\nWhere is the company based?\nIn Lyon.\n", "Lyon"},
      {"it", "Corvo Reti investirà 400 milioni di euro nel 2026.\nSede: Torino\nDipendenti: 900\n", "Turin"},
      {"it", "Corvo Reti investirà 400 milioni di euro nel 2026.\nIl quartier generale? Torino.\n", "Turin"},
      {"hi", "विप्रो 2026 में 1,500 करोड़ रुपये खर्च करेगी।\nमुख्यालय: बेंगलुरु\n", "Bengaluru"},
      // towns the gazetteer does not know, first in the answer (written after the change, from two dev pages' shapes)
      {"en", "Halvard Systems plans to spend $600 million in 2026.\nFACT FILE\nHeadquarters: Nairobi (Mombasa Road campus)\n",
       "Nairobi"},
      {"it", "Corvo Reti investirà 400 milioni di euro nel 2026. Il quartier generale? Ivrea, in un ex stabilimento "
             "riconvertito, anche se c'è un piccolo ufficio a Milano.\n", "Ivrea"},
  };
  for (const auto& c : cases) {
    std::set<std::string> homes;
    for (const auto& st : Extract(c.text, c.lang, "2026-03-01").statements) {
      if (st.claim.predicate == "headquartered_in") homes.insert(st.claim.subject.value + " " + st.claim.object.value);
    }
    std::string company = c.lang == "en" ? "Halvard Systems" : c.lang == "it" ? "Corvo Reti" : "Wipro";
    EXPECT_EQ(homes, Names{company + " " + c.home}) << c.text;
  }
  // An answer that is more than a place, or a label of something else, gives no home.
  for (const std::string text : {"Halvard Systems plans to spend $600 million in 2026.\nWhere is it based? Lyon and Paris "
                                 "both have offices, and Orbis Telecom is in Lyon too.\n",
                                 "Halvard Systems plans to spend $600 million in 2026.\nFounded: Lyon, 2019\n",
                                 "Halvard Systems plans to spend $600 million in 2026.\nHeadquarters: moving soon\n"}) {
    for (const auto& st : Extract(text, "en", "2026-03-01").statements) EXPECT_NE(st.claim.predicate, "headquartered_in") << text;
  }
}

// A one-word unknown name the page always writes with a version ("Saaga 2") is a model, not the page's
// company, even when named more often than its maker (written after the change, from a dev page's shape).
TEST_F(SalienceTest, NameAlwaysWithAVersionIsAModel) {
  ExpectOrderedBy({{"it",
                    "Saaga 2 è qui: il modello estone che parla 24 lingue\n"
                    "Tutti parlano di Saaga 2, presentato oggi da Tessaro AI, la startup fondata nel 2023.\n"
                    "Saaga 2 costa poco. La società ha ordinato 2.000 chip H200.\n",
                    "H200", "Tessaro AI"},
                   // a company written once without a version stays a company
                   {"en", "Kestrel 2 is here.\nOn Monday Kestrel said it has ordered 500 B200 chips. Kestrel 2 runs in Lyon.\n",
                    "B200", "Kestrel"}});
}

// "its" is the company of its own sentence or of the one before, when that one names a company, even
// one named as an object ("Few had heard of Kallio Labs. Now its model Brisa ..."), not the page's
// company of another paragraph; with no company there it stays the page's (written before the change).
TEST_F(SalienceTest, PossessiveIsTheCompanyJustNamed) {
  const std::string page_en = "Orbis Telecom will spend $2 billion on data centres in 2026. Orbis Telecom has ordered 900 H100 chips.\n";
  EXPECT_EQ(ClaimsOf(page_en + "Few investors outside Lyon had heard of Kallio Labs a year ago. Now its open-weight "
                                      "model Brisa leads the download charts.\n", "en", "develops"),
            Names{"Kallio Labs develops Brisa"});
  EXPECT_EQ(ClaimsOf(page_en + "The market for small models has changed.\nIts open-weight model Brisa leads the "
                                      "download charts.\n", "en", "develops"),
            Names{"Orbis Telecom develops Brisa"});
  const std::string page_it = "Orbis Telecom investirà 2 miliardi di euro nel 2026. Orbis Telecom ha ordinato 900 GPU H100.\n";
  EXPECT_EQ(ClaimsOf(page_it + "Un anno fa nessuno fuori da Lione conosceva Kallio Labs. Oggi il suo modello Brisa "
                                      "guida le classifiche dei download.\n", "it", "develops"),
            Names{"Kallio Labs develops Brisa"});
}

// A description's head noun says which of the companies just named it is: "the unit" the one the page
// says is owned; "the group", "il gruppo", "समूह" its owner (written before the change; an Italian case
// of "la controllata" went with that ref, see the lexicon).
TEST_F(SalienceTest, DescriptionHeadPicksTheCompanyByRole) {
  ExpectOrderedBy({
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Most of the new capacity will be run by Vantis Cloud, the cloud subsidiary Orbis Telecom set up in 2019. The unit "
       "has ordered 1,200 H200 chips from Nvidia.\n",
       "H200", "Vantis Cloud"},
      {"en",
       "Vantis Cloud plans to spend $300 million in 2026.\n"
       "Vantis Cloud, a unit of Orbis Telecom, has ordered 900 H100 chips. The group has ordered 1,200 H200 chips from "
       "Nvidia.\n",
       "H200", "Orbis Telecom"},
      {"it",
       "Vantis Cloud investirà 300 milioni di euro nel 2026.\n"
       "Vantis Cloud, controllata da Orbis Telecom, ha ordinato 900 GPU H100. Il gruppo ha ordinato 1.200 chip H200 di "
       "Nvidia.\n",
       "H200", "Orbis Telecom"},
      // no owner named: "the group" stays the company just named
      {"en",
       "Orbis Telecom will spend $2 billion on data centres in 2026.\n"
       "Vantis Cloud has ordered 900 H100 chips. The group has ordered 1,200 H200 chips from Nvidia.\n",
       "H200", "Vantis Cloud"},
  });
  // a unit or parent word in apposition, or with its own "of X", describes a name: the owns rules still read it
  EXPECT_EQ(ClaimsOf("Vantis Cloud, the unit of Orbis Telecom, has ordered 900 H100 chips.\n", "en", "owns"),
            Names{"Orbis Telecom owns Vantis Cloud"});
  EXPECT_EQ(ClaimsOf("Orbis Telecom, the parent of Vantis Cloud, has ordered 900 H100 chips.\n", "en", "owns"),
            Names{"Orbis Telecom owns Vantis Cloud"});
}

// A product the page names more often than its maker is never the page's company: "the company", "la
// società", "कंपनी" and the figures without a subject stay the maker's. Written before the change; the
// first case failed on main ("il suo chatbot multilingue Brisa": an adjective after the product word), the
// others passed and guard the same reading (a product word right before the name, an apposition).
TEST_F(SalienceTest, ProductNamedMostIsNoCompany) {
  struct Case {
    std::string lang, text, currency, maker;
  };
  const Case cases[] = {
      {"it",
       "Orbis Telecom ha lanciato il suo chatbot multilingue Brisa.\nBrisa è gratuito. Brisa conta 3 milioni di "
       "utenti. Brisa risponde in 20 lingue.\nLa società investirà 300 milioni di euro nel 2027.\n",
       "EUR", "Orbis Telecom"},
      {"en",
       "Orbis Telecom has launched its multilingual chatbot Brisa.\nBrisa answers in 20 languages. Brisa is free. "
       "Brisa has 3 million users.\nThe company plans to spend $300 million in 2027.\n",
       "USD", "Orbis Telecom"},
      {"it",
       "Brisa, l'assistente che parla venti lingue, è di Orbis Telecom.\nOgni giorno usano Brisa 3 milioni di persone. "
       "In Italia Brisa ha superato ChatGPT.\nLa società investirà 300 milioni di euro nel 2027.\n",
       "EUR", "Orbis Telecom"},
      {"hi",
       "विप्रो ने अपना नया चैटबॉट बोधि पेश किया।\nउपयोगकर्ताओं को बोधि पसंद है। कई बैंक बोधि का इस्तेमाल करते हैं।\n"
       "कंपनी 2027 में 500 करोड़ रुपये का निवेश करेगी।\n",
       "INR", "Wipro"},
  };
  for (const auto& c : cases) EXPECT_EQ(Subjects(c.text, c.lang, "plans_capex", c.currency), Names{c.maker}) << c.text;
  // a company named after a product word and a company noun stays a company ("the chip start-up Kallio Labs")
  EXPECT_EQ(Subjects("The chip start-up Kallio Labs plans to spend $300 million in 2027.\nKallio Labs has 40 staff. "
                     "Kallio Labs is based in Oslo.\nThe company has ordered 900 H100 chips.\n", "en", "plans_order", "H100"),
            Names{"Kallio Labs"});
}

// The first person of a quote is the company its speaker was named with in the sentence before ("Anna
// Berg, chief executive of Kallio Networks, ... \"We will spend ...\""), not the page's company; an
// analyst's firm is no speaker's company (written before the change).
TEST_F(SalienceTest, FirstPersonAfterTheSpeakersCompany) {
  EXPECT_EQ(Subjects("Orbis Telecom will spend $2 billion on data centres in 2026. Orbis Telecom has ordered 900 H100 chips.\n"
                     "Anna Berg, chief executive of Kallio Networks, presented the plan in Oslo on Monday. \"We will spend "
                     "$300 million on data centres in 2027,\" she said.\n",
                     "en", "plans_capex", "USD"),
            (Names{"Orbis Telecom", "Kallio Networks"}));
  EXPECT_EQ(Subjects("Orbis Telecom investirà 2 miliardi di euro nel 2026. Orbis Telecom ha ordinato 900 GPU H100.\n"
                     "Marco Rossi, amministratore delegato di Vantis Cloud, ha presentato il piano martedì a Torino. "
                     "«Investiremo 300 milioni di euro nel 2027», ha detto.\n",
                     "it", "plans_capex", "EUR"),
            (Names{"Orbis Telecom", "Vantis Cloud"}));
  EXPECT_EQ(Subjects("Orbis Telecom will spend $2 billion on data centres in 2026. Orbis Telecom has ordered 900 H100 chips.\n"
                     "Anna Berg, an analyst at Jefferies, presented her notes in Oslo on Monday. \"We will spend "
                     "$300 million on data centres in 2027,\" the company's chief executive said.\n",
                     "en", "plans_capex", "USD").count("Jefferies"),
            0u);
}

}  // namespace
}  // namespace kg::ingest::testing
