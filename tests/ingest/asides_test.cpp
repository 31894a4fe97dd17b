// Subject asides (ingest/clauses.h SubjectAsides): a company named in a
// parenthesis, between dashes, in a comma aside after the subject's name or in
// a contrast that opens the sentence is not the subject of the figure after
// it, for the relation rules and the clause frames alike; the aside's own
// relation is still read. Sentences written for these tests, published
// 2026-09 (2027 is a plan).
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/rule_extractor.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

class AsidesTest : public RulesLoadedTest {
 protected:
  // "claim line" of every statement of `text`.
  std::vector<std::string> Claims(const std::string& text, const std::string& lang) {
    std::vector<std::string> lines;
    for (const auto& st : Extract(text, lang, "2026-09").statements) lines.push_back(ClaimLine(st.claim));
    return lines;
  }
};

struct AsideCase {
  std::string lang, text;
  std::string stated;        // the figure's claim, of the subject outside the aside
  std::string aside_company;  // the subject of no claim
};

// Each gave the figure to the aside's company before (the rule's match or the frame's agent starts there).
const AsideCase kAsides[] = {
    // a long parenthesis
    {"en", "Halvorsen Data (whose largest shareholder has for years been the Norwegian pension investor Fjordvik Capital Partners) plans to invest $700 million in data centres in 2027.",
     "Halvorsen Data plans_capex USD 700m @2027", "Fjordvik Capital Partners"},
    {"it", "Brenta Digitale (il cui capitale è controllato al 60% dal fondo veneto Adige Partners fin dalla sua nascita nel 2019) prevede di investire 2 miliardi di euro nel 2027.",
     "Brenta Digitale plans_capex EUR 2bn @2027", "Adige Partners"},
    {"hi", "भारती एयरटेल (जिसमें पिछले कई सालों से रिलायंस जियो के एक पुराने निवेशक की भी बड़ी हिस्सेदारी रही है) ने 2027 में 40,000 करोड़ रुपये के पूंजीगत व्यय की योजना बनाई है।",
     "Bharti Airtel plans_capex INR 400bn @2027", "Jio Platforms"},
    // between dashes
    {"en", "Halvorsen Data — in which the Norwegian pension investor Fjordvik Capital Partners has held a 40% stake since 2019 — will spend $800 million on new data centres in 2027.",
     "Halvorsen Data plans_capex USD 800m @2027", "Fjordvik Capital Partners"},
    // an apposition between commas
    {"it", "Brenta Digitale, l'operatore veneto di data center controllato al 60% dal fondo Adige Partners, ha presentato ieri un piano che porta la spesa in conto capitale a 2,1 miliardi di euro nel 2027.",
     "Brenta Digitale plans_capex EUR 2.1bn @2027", "Adige Partners"},
    // a contrast that opens the sentence: a rule's statement, a frame's
    {"en", "Halvorsen Data runs four data centres in Norway. Unlike its rival Orbis Compute, the company plans to invest $600 million in new halls in 2027.",
     "Halvorsen Data plans_capex USD 600m @2027", "Orbis Compute"},
    {"en", "Unlike its rival Orbis Compute, about $450 million will be invested in new halls in 2027 by Halvorsen Data.",
     "Halvorsen Data plans_capex ≈ USD 450m @2027", "Orbis Compute"},
    {"it", "A differenza della rivale Adige Partners, Brenta Digitale investirà 1,1 miliardi di euro nel 2027.",
     "Brenta Digitale plans_capex EUR 1.1bn @2027", "Adige Partners"},
    {"it", "A differenza della rivale Adige Partners, circa 900 milioni di euro saranno investiti nel 2027 da Brenta Digitale in nuovi data center.",
     "Brenta Digitale plans_capex ≈ EUR 900m @2027", "Adige Partners"},
    {"hi", "रिलायंस जियो के विपरीत, भारती एयरटेल ने 2027 में 40,000 करोड़ रुपये के पूंजीगत व्यय की योजना बनाई है।",
     "Bharti Airtel plans_capex INR 400bn @2027", "Jio Platforms"},
    {"hi", "रिलायंस जियो की तरह, भारती एयरटेल 2027 में 45,000 करोड़ रुपये निवेश करेगी।",
     "Bharti Airtel plans_capex INR 450bn @2027", "Jio Platforms"},
};

TEST_F(AsidesTest, ACompanyInAnAsideIsNotTheSubjectOfTheFigureAfterIt) {
  for (const auto& c : kAsides) {
    std::vector<std::string> claims = Claims(c.text, c.lang);
    EXPECT_NE(std::find(claims.begin(), claims.end(), c.stated), claims.end()) << c.text;
    for (const auto& line : claims) EXPECT_NE(line.rfind(c.aside_company + " plans_capex", 0), 0u) << line;
  }
}

// What the aside states of its own company stays its own.
TEST_F(AsidesTest, TheAsideKeepsItsOwnRelation) {
  auto claims = Claims("Ostara Cloud, controllata al 58% dal fondo Elbtal Capital, investirà 3 miliardi di euro nel 2027.", "it");
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Elbtal Capital owns Ostara Cloud"), claims.end());
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Ostara Cloud plans_capex EUR 3bn @2027"), claims.end());
  claims = Claims("Halvorsen Data, which competes with Orbis Compute, ordered 3,000 H200 chips.", "en");
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Halvorsen Data competes_with Orbis Compute"), claims.end());
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Halvorsen Data plans_order 3000 H200"), claims.end());
}

// A figure inside the contrast's company's own relative clause is that company's.
TEST_F(AsidesTest, AFigureInsideTheAsideIsItsCompanys) {
  auto claims = Claims("Unlike its rival Orbis Compute, which plans to invest $900 million in 2027, Halvorsen Data will keep its spending flat.", "en");
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Orbis Compute plans_capex USD 900m @2027"), claims.end());
  EXPECT_EQ(std::count_if(claims.begin(), claims.end(), [](const std::string& l) { return l.rfind("Halvorsen Data plans_capex", 0) == 0; }), 0);
}

}  // namespace
}  // namespace kg::ingest::testing
