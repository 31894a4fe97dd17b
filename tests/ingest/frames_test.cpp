// Clause frames (ingest/frames.h): figures no relation rule reads, read from
// the clause around them whatever the order of subject, cue, figure and
// time. Sentences written for these tests, published 2025-12 ("next year"
// is 2026). Each structural class yields its claim with the frame named in
// the provenance; each guard, added to a sentence that gives a frame claim,
// takes it away.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "ingest/frames.h"
#include "ingest/rule_extractor.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

namespace fs = std::filesystem;

// "claim line <- rule" of every statement a frame made.
std::vector<std::string> FrameStatements(const DocumentInput& input) {
  std::vector<std::string> lines;
  for (const auto& st : input.statements) {
    if (IsFrameRule(st.mention.rule)) lines.push_back(ClaimLine(st.claim) + " <- " + st.mention.rule);
  }
  return lines;
}

class FramesTest : public RulesLoadedTest {
 protected:
  std::vector<std::string> Frames(const std::string& text, const std::string& lang) {
    return FrameStatements(Extract(text, lang));
  }
};

struct FrameCase {
  std::string lang, text;
  std::vector<std::string> expected;  // "claim <- rule"
};

const FrameCase kClasses[] = {
    // Distance: the agent, an aside with its own guard word, then cue, figure and time.
    {"en", "Halvard Systems, whose shares have doubled since March, plans to devote $900 million to data centres and servers in 2026.",
     {"Halvard Systems plans_capex USD 900m @2026 <- frame.en.plans_capex"}},
    {"en", "Halvard Systems, whose shares have doubled since March, put $1.4 billion into data centres last year.",
     {"Halvard Systems capex USD 1.4bn @2024 <- frame.en.capex"}},
    // Passive, figure first.
    {"en", "About €700 million will be invested by Kestrel Networks in new capacity in 2026.",
     {"Kestrel Networks plans_capex ≈ EUR 700m @2026 <- frame.en.plans_capex"}},
    {"en", "€300 million of five-year notes were issued by Kestrel Networks in May.",
     {"Kestrel Networks bond_issuance EUR 300m @2025 <- frame.en.bond_issuance"}},
    {"en", "An order for 6,000 B200 chips is being prepared by Vantora Cloud.",
     {"Vantora Cloud plans_order 6000 B200 <- frame.en.plans_order"}},
    // A verbless figure, then the sentence that says what it is.
    {"en", "£1.8 billion. That is what Vantora Cloud expects to pour into new halls next year.",
     {"Vantora Cloud plans_capex GBP 1.8bn @2026 <- frame.en.plans_capex"}},
    // The clause after a dash takes the subject of the clause before it.
    {"en", "Kestrel Networks intends to invest €1.2 billion in 2026 - an increase of about 40% on its spending this year.",
     {"Kestrel Networks capex_growth ≈ 40 percent @2026 <- frame.en.capex_growth"}},
    // A figure inside a relative aside, and the price of one product.
    {"en", "The plan, which was approved by the board but not yet published, means a 30% increase on what Kestrel Networks spends this year, with €900 million going into new halls in 2026.",
     {"Kestrel Networks capex_growth 30 percent @2026 <- frame.en.capex_growth",
      "Kestrel Networks plans_capex EUR 900m @2026 <- frame.en.plans_capex"}},
    {"en", "People familiar with the deal put the price of a single MI300X at roughly $15,000.",
     {"MI300X unit_price ≈ USD 15000 <- frame.en.unit_price"}},
    // The subject only in the sentence before; the product of the last order.
    {"en", "Vantora Cloud opened a second campus this year. Its assistant and the tools built on it now handle more than 90 billion tokens a day.",
     {"Vantora Cloud daily_tokens ≥ 90bn tokens @2025-12 <- frame.en.daily_tokens"}},
    {"en", "Halvard Systems has ordered 4,000 B200 chips. Industry sources put the figure at about $33,000 per GPU.",
     {"B200 unit_price ≈ USD 33000 <- frame.en.unit_price"}},
    {"it", "1,2 miliardi di euro. È la cifra che Vantora Cloud, la società con sede a Torino, intende investire l'anno prossimo in data center.",
     {"Vantora Cloud plans_capex EUR 1.2bn @2026 <- frame.it.plans_capex"}},
    {"it", "Circa 400 milioni di euro saranno investiti da Kestrel Networks nel 2026 in nuovi data center.",
     {"Kestrel Networks plans_capex ≈ EUR 400m @2026 <- frame.it.plans_capex"}},
    {"it", "Un ordine di 3.000 chip H200 è in preparazione da parte di Vantora Cloud.",
     {"Vantora Cloud plans_order 3000 H200 <- frame.it.plans_order"}},
    // A time after the figure with another amount between is that amount's: the figure takes the time before it.
    {"en", "In 2026 about €500 million will be invested by Kestrel Networks in new halls, after a 20% cut in 2025.",
     {"Kestrel Networks plans_capex ≈ EUR 500m @2026 <- frame.en.plans_capex"}},
    {"it", "Nel 2026 circa 400 milioni di euro saranno investiti da Corvo Reti in nuovi data center, dopo un taglio del 10% nel 2025.",
     {"Corvo Reti plans_capex ≈ EUR 400m @2026 <- frame.it.plans_capex"}},
    // A target or guidance beside the plan is the plan's figure for its own year (class target; this year's: class plan).
    {"en", "Kestrel Networks will invest £1 billion in data centres in 2027. For 2026 it kept its target of £750 million.",
     {"Kestrel Networks plans_capex GBP 750m @2026 <- frame.en.plans_capex"}},
    {"it", "Corvo Reti prevede investimenti per 400 milioni di euro nel 2027. Per quest'anno il gruppo conferma la guidance di 310 milioni di euro.",
     {"Corvo Reti plans_capex EUR 310m @2025 <- frame.it.plans_capex"}},
};

TEST_F(FramesTest, EachStructuralClassGivesItsClaimNamingTheFrame) {
  for (const auto& c : kClasses) {
    EXPECT_EQ(Frames(c.text, c.lang), c.expected) << c.text;
  }
}

// A sentence a frame reads, and the same sentence with a guard in its clause.
struct GuardCase {
  std::string lang, read, guarded;
};

const GuardCase kGuards[] = {
    // negation
    {"en", "About €700 million will be invested by Kestrel Networks in new capacity in 2026.",
     "About €700 million will not be invested by Kestrel Networks in new capacity in 2026."},
    // a conditional
    {"en", "About €700 million will be invested by Kestrel Networks in new capacity in 2026.",
     "About €700 million will be invested by Kestrel Networks in new capacity in 2026 if the permit comes."},
    // another measure than spending
    {"en", "Halvard Systems, whose shares have doubled since March, plans to devote $900 million to data centres in 2026.",
     "Halvard Systems, whose shares have doubled since March, plans to devote $900 million of revenue to data centres in 2026."},
    // analysts' forecast
    {"en", "About €700 million will be invested by Kestrel Networks in new capacity in 2026.",
     "About €700 million will be invested by Kestrel Networks in new capacity in 2026, analysts forecast."},
    // a government (the language's outsiders)
    {"en", "About €700 million will be invested by Kestrel Networks in new capacity in 2026.",
     "About €700 million will be invested by the government in new capacity in 2026."},
    // a spending verb on something else than capital
    {"en", "Halvard Systems, whose shares have doubled since March, put $1.4 billion into data centres last year.",
     "Halvard Systems, whose shares have doubled since March, put $1.4 billion into advertising last year."},
    // a compared figure without a time of its own
    {"en", "Vantora Cloud will put £1.8 billion into data centres next year, up from a planned £1.2 billion in 2025.",
     "Vantora Cloud will put £1.8 billion into data centres next year, up from a planned £1.2 billion two years earlier."},
    // a boundary: the growth after "while" is of revenue
    {"en", "Halvard Systems aims to spend $3 billion on servers in 2026, up 25 per cent on its outlay in 2025.",
     "Halvard Systems aims to spend $3 billion on servers in 2026, while its revenue is up 25 per cent."},
    // a sentence guard, in another clause of the sentence
    {"en", "An order for 6,000 B200 chips is being prepared by Vantora Cloud.",
     "An order for 6,000 B200 chips was being prepared by Vantora Cloud; it has since been cancelled."},
    {"it", "Circa 400 milioni di euro saranno investiti da Kestrel Networks nel 2026 in nuovi data center.",
     "Circa 400 milioni di euro non saranno investiti da Kestrel Networks nel 2026 in nuovi data center."},
    {"it", "Circa 400 milioni di euro saranno investiti da Kestrel Networks nel 2026 in nuovi data center.",
     "Circa 400 milioni di euro saranno investiti dalla Regione nel 2026 in nuovi data center."},
    {"it", "Un ordine di 3.000 chip H200 è in preparazione da parte di Vantora Cloud.",
     "Un ordine di 3.000 chip H200 è stato annullato da Vantora Cloud."},
};

TEST_F(FramesTest, EachGuardStopsAFrame) {
  for (const auto& g : kGuards) {
    std::vector<std::string> read = Frames(g.read, g.lang);
    EXPECT_FALSE(read.empty()) << "no frame read: " << g.read;
    std::vector<std::string> guarded = Frames(g.guarded, g.lang);
    for (const auto& line : read) {
      EXPECT_EQ(std::count(guarded.begin(), guarded.end(), line), 0) << g.guarded << ": " << line;
    }
  }
}

// The second figure of a comparison is the same subject's figure of the same kind at its own time
// (frames.h AddComparedCounterparts): the comparison word before it, or in Hindi the postposition after it.
TEST_F(FramesTest, TheSecondFigureOfAComparisonIsTheSubjectsAtItsOwnTime) {
  const FrameCase cases[] = {
      {"en", "Vantora Cloud said its assistant handled more than 50 billion tokens a day in October, against about 8 billion a day in March.",
       {"Vantora Cloud daily_tokens ≈ 8bn tokens @2025-03 <- frame.en.daily_tokens"}},
      {"it", "Vantora Cloud ha detto che il suo assistente elabora più di 70 miliardi di token al giorno a ottobre, contro i 25 miliardi di marzo.",
       {"Vantora Cloud daily_tokens ≥ 70bn tokens @2025-10 <- frame.it.daily_tokens",
        "Vantora Cloud daily_tokens 25bn tokens @2025-03 <- frame.it.daily_tokens"}},
      {"hi", "बाइटडांस ने कहा कि वह पिछले साल के 12,500 करोड़ रुपये के मुकाबले अगले साल डेटा सेंटरों पर 30,000 करोड़ रुपये खर्च करेगी।",
       {"ByteDance capex INR 125bn @2024 <- frame.hi.capex"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Frames(c.text, c.lang), c.expected) << c.text;
}

// A rival's figure in the comparison, an analysts' figure, or one without a time of its own (as fine as the
// first figure's) is no second figure: no frame states it.
TEST_F(FramesTest, ARivalsOrAnalystsFigureInTheComparisonIsNone) {
  struct NoFigure {
    std::string lang, text, figure;  // figure: as a claim line writes it
  };
  const NoFigure cases[] = {
      {"en", "Vantora Cloud said its assistant handled more than 50 billion tokens a day in October, against Orbis's 8 billion a day in March.", "8bn"},
      {"en", "Vantora Cloud said its assistant handled more than 50 billion tokens a day in October, against the 60 billion analysts had forecast for December.", "60bn"},
      {"en", "Vantora Cloud said its assistant handled more than 50 billion tokens a day in October, against about 8 billion a day earlier.", "8bn"},
      {"en", "Vantora Cloud said its assistant handled more than 50 billion tokens a day in October, up from 8 billion a year ago.", "8bn"},
      {"it", "Vantora Cloud ha detto che il suo assistente elabora più di 70 miliardi di token al giorno a ottobre, contro i 25 miliardi di Orbis a marzo.", "25bn"},
      {"hi", "बाइटडांस ने कहा कि वह पिछले साल गूगल के 12,500 करोड़ रुपये के मुकाबले अगले साल डेटा सेंटरों पर 30,000 करोड़ रुपये खर्च करेगी।", "125bn"},
  };
  for (const auto& c : cases) {
    for (const auto& line : Frames(c.text, c.lang)) EXPECT_EQ(line.find(" " + c.figure + " "), std::string::npos) << c.text << ": " << line;
  }
}

TEST_F(FramesTest, FiguresTheRulesReadAreLeftToThem) {
  DocumentInput input = Extract("Enel will invest €12 billion in its grids in 2026.", "en");
  ASSERT_EQ(input.statements.size(), 1u);
  EXPECT_EQ(ClaimLine(input.statements[0].claim), "Enel plans_capex EUR 12bn @2026");
  EXPECT_FALSE(IsFrameRule(input.statements[0].mention.rule)) << input.statements[0].mention.rule;
}

// A figure with no agent in its sentence goes to the company the text is about, but not to a
// name read once in a dateline: on a page whose company the tagger misses, that is the topic.
TEST_F(FramesTest, NoAgentTakesTheCompanyTheTextIsAboutButNotADatelineName) {
  const std::string figure = "Under the plan, ₹3,000 crore will be invested in new data centres in 2026.";
  EXPECT_EQ(Frames("Vantora Cloud opened a campus in Pune.\n" + figure, "en"),
            std::vector<std::string>{"Vantora Cloud plans_capex INR 30bn @2026 <- frame.en.plans_capex"});
  EXPECT_TRUE(Frames("Market desk | 1 March 2026 | 10:05 AM IST\nShares rose on the news.\n" + figure, "en").empty());
}

// "claim line" of every statement, frame's or rule's, of `text`.
std::vector<std::string> AllClaims(const DocumentInput& input) {
  std::vector<std::string> lines;
  for (const auto& st : input.statements) lines.push_back(ClaimLine(st.claim));
  return lines;
}

bool Holds(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// The date of a dateline in capitals is the page's: the plan it opens takes the time far after its
// figure, and its growth and the figure compared with it take their years from the plan.
TEST_F(FramesTest, ADatelineDateIsThePagesNotAFiguresTime) {
  const std::string plan =
      "Vantora Cloud plans to invest around 9.2 trillion won ($6.3 billion) in data centres built for artificial "
      "intelligence next year, three people familiar with the matter said.\n"
      "That would compare with roughly 6.5 trillion won the company is investing in those sites this year, an "
      "increase of about 42%.";
  std::vector<std::string> claims = AllClaims(Extract("SEOUL, Dec 3 (Wire) - " + plan, "en"));
  EXPECT_TRUE(Holds(claims, "Vantora Cloud plans_capex ≈ KRW 9.2tn @2026")) << ::testing::PrintToString(claims);
  EXPECT_TRUE(Holds(claims, "Vantora Cloud capex ≈ KRW 6.5tn @2025")) << ::testing::PrintToString(claims);
  EXPECT_TRUE(Holds(claims, "Vantora Cloud capex_growth ≈ 42 percent @2026")) << ::testing::PrintToString(claims);
  // Alone, the dateline's date dates nothing: the spending is not said to be of this month.
  claims = AllClaims(Extract("SEOUL, Dec 3 (Wire) - Vantora Cloud invested $1 billion in data centres.", "en"));
  EXPECT_TRUE(std::none_of(claims.begin(), claims.end(), [](const std::string& c) { return c.find(" @2025") != std::string::npos; }))
      << ::testing::PrintToString(claims);
  // A heading in lower case keeps its year, the figure's ("2026 capex - ...").
  claims = AllClaims(Extract("Vantora Cloud: 2026 capex - the group will invest $2 billion in data centres.", "en"));
  EXPECT_TRUE(Holds(claims, "Vantora Cloud plans_capex USD 2bn @2026")) << ::testing::PrintToString(claims);
}

// A bare amount after a sentence whose amount is converted in brackets is in the page's currency, the
// converted amount's, not the conversion's: as the next sentence's share, and beside a plan read from the
// conversion (here the plan's own amount goes to the fund of the aside).
TEST_F(FramesTest, ABareAmountTakesTheConvertedCurrencyNotTheConversions) {
  const std::pair<std::string, std::string> kCases[] = {
      {"Corvo Reti investirà 1,4 miliardi di euro nel 2026 (circa 1,6 miliardi di dollari). Circa 900 milioni, ha "
       "spiegato l'azienda, saranno destinati ai processori per l'intelligenza artificiale.",
       "Corvo Reti ai_processor_budget ≈ EUR 900m @2026"},
      {"Corvo Reti, controllata al 58% dal fondo Elbtal Capital, ha presentato ieri agli investitori un piano "
       "che porta la spesa in conto capitale a 4,2 miliardi di euro nel 2026 (circa 4,9 miliardi di dollari al "
       "cambio attuale). Si tratta di un balzo del 40 per cento rispetto ai 3 miliardi messi a budget per "
       "l'esercizio in corso.",
       "Corvo Reti capex EUR 3bn @2025"},
      // Without a conversion the amount before stays the plan's currency.
      {"Corvo Reti ha presentato un piano che porta la spesa in conto capitale a 4,9 miliardi di dollari nel 2026. "
       "Si tratta di un balzo del 40 per cento rispetto ai 3 miliardi messi a budget per l'esercizio in corso.",
       "Corvo Reti capex USD 3bn @2025"},
  };
  for (const auto& [text, expected] : kCases) {
    std::vector<std::string> claims = AllClaims(Extract(text, "it"));
    EXPECT_TRUE(Holds(claims, expected)) << text << "\n" << ::testing::PrintToString(claims);
  }
}

// Beside a plan, a bare amount with a spending participle right after it is a figure of its own, dated by
// the time after it ("i 310 milioni investiti l'anno scorso"); with another participle it is none.
TEST_F(FramesTest, ABareAmountSpentBesideAPlanTakesItsOwnTime) {
  const std::string plan =
      "Corvo Reti ha presentato un piano che porta la spesa in conto capitale a 500 milioni di euro nel 2026. "
      "Si tratta di un balzo del 25 per cento rispetto ai 400 milioni previsti per quest'anno, cifra che a sua "
      "volta superava i 310 milioni ";
  std::vector<std::string> spent = AllClaims(Extract(plan + "investiti l'anno scorso.", "it"));
  EXPECT_TRUE(Holds(spent, "Corvo Reti capex EUR 310m @2024")) << ::testing::PrintToString(spent);
  std::vector<std::string> earned = AllClaims(Extract(plan + "incassati l'anno scorso.", "it"));
  EXPECT_TRUE(std::none_of(earned.begin(), earned.end(), [](const std::string& c) { return c.find("310m") != std::string::npos; }))
      << ::testing::PrintToString(earned);
}

// The frames are data: a cue word added to a copy of frames.tsv is read
// without recompiling.
TEST(FramesData, ACueAddedToTheDataIsRead) {
  const std::string sentence = "Kestrel Networks will allot €650 million to new data centres in 2026.";
  std::string dir = TempDir("frames_data") + "/data";
  fs::copy(kRulesDir, dir, fs::copy_options::recursive);
  auto before = RuleExtractor::Create(dir);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  Document meta;
  meta.id = "doc";
  meta.lang = "en";
  meta.published = "2025-12";
  auto plain = (*before)->Extract(sentence, meta);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(FrameStatements(*plain).empty());

  WriteAll(dir + "/en/frames.tsv", ReadAll(dir + "/en/frames.tsv") + "cue\tallot*\tspend_verb\n");
  auto after = RuleExtractor::Create(dir);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  auto read = (*after)->Extract(sentence, meta);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(FrameStatements(*read),
            std::vector<std::string>{"Kestrel Networks plans_capex EUR 650m @2026 <- frame.en.plans_capex"});
}

// The rules and the frames share one negation guard (clauses.h): a `negation` word added to a
// copy of the lexicon stops a claim of each alike, with no rule or frame file touched.
TEST(NegationData, ANegationWordAddedToTheLexiconStopsRulesAndFramesAlike) {
  const std::string by_rule = "Kestrel Networks will hardly invest €650 million in data centres in 2026.";
  const std::string by_frame = "About €700 million will hardly be invested by Vantora Cloud in new data centres in 2026.";
  std::string dir = TempDir("negation_data") + "/data";
  fs::copy(kRulesDir, dir, fs::copy_options::recursive);
  Document meta;
  meta.id = "doc";
  meta.lang = "en";
  meta.published = "2025-12";
  auto statements = [&meta](const RuleExtractor& extractor, const std::string& text) {
    auto input = extractor.Extract(text, meta);
    std::vector<std::string> lines;
    if (!input.ok()) return lines;
    for (const auto& st : input->statements) lines.push_back(ClaimLine(st.claim) + " <- " + st.mention.rule);
    return lines;
  };
  auto before = RuleExtractor::Create(dir);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  std::vector<std::string> ruled = statements(**before, by_rule);
  std::vector<std::string> framed = statements(**before, by_frame);
  ASSERT_EQ(ruled.size(), 1u);
  EXPECT_FALSE(IsFrameRule(ruled[0].substr(ruled[0].find(" <- ") + 4))) << ruled[0];
  ASSERT_EQ(framed.size(), 1u);
  EXPECT_TRUE(IsFrameRule(framed[0].substr(framed[0].find(" <- ") + 4))) << framed[0];

  WriteAll(dir + "/en/lexicon.tsv", ReadAll(dir + "/en/lexicon.tsv") + "negation\thardly\n");
  auto after = RuleExtractor::Create(dir);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_TRUE(statements(**after, by_rule).empty());
  EXPECT_TRUE(statements(**after, by_frame).empty());
}

TEST(FramesData, AMalformedLineNamesTheFileAndLine) {
  std::string dir = TempDir("frames_bad") + "/data";
  fs::copy(kRulesDir, dir, fs::copy_options::recursive);
  WriteAll(dir + "/it/frames.tsv", ReadAll(dir + "/it/frames.tsv") + "cue\tsenza classe\n");
  auto loaded = RuleExtractor::Create(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().ToString().find("frames.tsv"), std::string::npos) << loaded.status().ToString();
}

}  // namespace
}  // namespace kg::ingest::testing
