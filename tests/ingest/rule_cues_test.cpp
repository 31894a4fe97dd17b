// Rule cues: the words read from a pattern that any match must contain.
// A wrong cue would silently drop claims, so the reader is tested on
// patterns and checked against every rule example.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "ingest/batch.h"
#include "ingest/clauses.h"
#include "ingest/rule_cues.h"
#include "ingest/tagger.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

using Cues = std::vector<Cue>;

TEST(PatternCues, LiteralWordsAndRequiredAlternatives) {
  EXPECT_EQ(PatternCues(R"(\b(?:plans?|budget\w*|wants? to)\b.{0,80}?x)"), (Cues{{"plan", "budget", "want"}}));
  EXPECT_EQ(PatternCues(R"(\s+owner\s+of\s+)"), (Cues{{"owner"}, {"of"}}));
  EXPECT_EQ(PatternCues("capital expenditure"), (Cues{{"capital expenditure"}}));
  EXPECT_EQ(PatternCues("spen(?:t|ds)"), (Cues{{"spent", "spends"}}));  // joined to the text before them
  EXPECT_EQ(PatternCues("spen(?:t|ds)?"), (Cues{{"spen"}}));            // optional: not joined
  EXPECT_EQ(PatternCues("(?:invest|spend)+"), (Cues{{"invest", "spend"}}));
  EXPECT_EQ(PatternCues("(?<o>(?:sold|bought))"), (Cues{{"sold", "bought"}}));
  EXPECT_EQ(PatternCues("ab{2}c"), (Cues{{"ab"}}));                    // the repeated letter ends the word
  EXPECT_EQ(PatternCues("उन्होंने\\s+कहा"), (Cues{{"उन्होंने"}, {"कहा"}}));
}

TEST(PatternCues, OptionalPartsGiveNoCue) {
  EXPECT_EQ(PatternCues("(?:has\\s+)?invested"), (Cues{{"invested"}}));
  EXPECT_EQ(PatternCues("(?:foo|bar)?x+"), Cues{});
  EXPECT_EQ(PatternCues("(?:foo|bar){0,2}"), Cues{});
  EXPECT_EQ(PatternCues("(?:foo|bar)*"), Cues{});
  EXPECT_EQ(PatternCues("colou?r"), (Cues{{"colo"}}));
  EXPECT_EQ(PatternCues("(?:foo|\\bx)"), Cues{});       // an alternative without a word
  EXPECT_EQ(PatternCues("(?=foo)bar"), (Cues{{"bar"}}));  // lookarounds consume nothing
  EXPECT_EQ(PatternCues("[^⟦]{0,20}(?:for|on)\\b"), (Cues{{"for", "on"}}));
}

TEST(PatternCues, TopLevelAlternativesGiveOneCueOfEach) {
  EXPECT_EQ(PatternCues("foo|bar"), (Cues{{"foo", "bar"}}));
  // Of an alternative's cues, the one with the longest shortest word: "on" is in every other sentence.
  EXPECT_EQ(PatternCues(R"(\bfrom\s+x|(?:on|for)\s+(?:dividends?|buybacks?)\b|\b(?:not|never)\s+\w+)"),
            (Cues{{"from", "dividend", "buyback", "not", "never"}}));
  EXPECT_EQ(PatternCues("योजना|बजट|योजना"), (Cues{{"योजना", "बजट"}}));  // each word once
}

TEST(PatternCues, UnknownSyntaxOrAnAlternativeWithoutCueGivesNoCue) {
  EXPECT_EQ(PatternCues("foo|\\d+"), Cues{});  // one alternative needs no word
  EXPECT_EQ(PatternCues("foo|"), Cues{});
  EXPECT_EQ(PatternCues("foo|(?i)bar"), Cues{});
  EXPECT_EQ(PatternCues("(?i)foo"), Cues{});
  EXPECT_EQ(PatternCues("(?i:foo)"), Cues{});
  EXPECT_EQ(PatternCues("\\Qfoo\\E"), Cues{});
  EXPECT_EQ(PatternCues("(foo"), Cues{});
  EXPECT_EQ(PatternCues("\\u0966bar"), (Cues{{"bar"}}));  // the escape's digits are no word
  EXPECT_EQ(PatternCues("\\p{Lu}ab"), (Cues{{"ab"}}));
}

// An alternative that starts otherwise than with a word gives its most selective cue.
TEST(PatternCues, AlternativesStartingWithAGroupGiveTheirOwnCue) {
  EXPECT_EQ(PatternCues("(?:foo|\\bbar)"), (Cues{{"foo", "bar"}}));
  EXPECT_EQ(PatternCues(R"(\s+(?:(?:is|was)\s+up against|(?:still\s+)?faces)\s+)"), (Cues{{"up against", "faces"}}));
  EXPECT_EQ(PatternCues(R"(\b(?:bought|(?:deal|contract)\s+(?:to buy|for))\b)"), (Cues{{"bought", "deal", "contract"}}));
  // A placeholder is the weakest cue of an alternative, however long.
  EXPECT_EQ(PatternCues("(?:put\\s+⟦(?:MONEY)#\\d+⟧\\s+into|capex)"), (Cues{{"into", "capex"}}));
}

// The placeholder types of captures are also cues of the rule data (RuleData::Compile).
TEST(PatternCues, PlaceholderGivesItsTypesWithTheBracket) {
  EXPECT_EQ(PatternCues("⟦(?:ORG|GROUP|UNK)#(?<s>\\d+)⟧\\s+said"), (Cues{{"⟦ORG", "⟦GROUP", "⟦UNK"}, {"said"}}));
  EXPECT_EQ(PatternCues("⟦(?:POSS)#\\d+⟧"), (Cues{{"⟦POSS"}}));
  EXPECT_EQ(PatternCues("(?:⟦(?:POSS)#\\d+⟧\\s+)?x"), Cues{});  // optional
}

TEST(OrderedCues, FollowTheTopLevelSequence) {
  EXPECT_EQ(OrderedCues(R"(⟦(?:ORG|GROUP)#(?<s>\d+)⟧.{0,80}?\b(?:plans?|will)\b.{0,80}?⟦(?:MONEY)#(?<o>\d+)⟧)"),
            (Cues{{"⟦ORG", "⟦GROUP"}, {"plan", "will"}, {"⟦MONEY#"}}));  // one type: the run goes on into it
  // Groups of one alternative are read inside, a repeated group for its first repetition.
  EXPECT_EQ(OrderedCues(R"((?:owner\s+of)\s+(?:(?:rivals|peers)\s+){1,3}x)"), (Cues{{"owner"}, {"of"}, {"rivals", "peers"}}));
  EXPECT_EQ(OrderedCues("(?<!not\\s)spen(?:t|ds)\\s+(?:about\\s+)?on"), (Cues{{"spent", "spends"}, {"on"}}));
}

TEST(OrderedCues, NoOrderForAlternationsOrUnknownSyntax) {
  EXPECT_EQ(OrderedCues("foo|bar"), Cues{});
  EXPECT_EQ(OrderedCues("(?i)foo.*bar"), Cues{});
  EXPECT_EQ(OrderedCues("(foo"), Cues{});
}

TEST(CuesInOrder, EachCueAfterTheEndOfThePrevious) {
  Cues cues = {{"⟦ORG", "⟦GROUP"}, {"plan", "will"}, {"⟦MONEY"}};
  EXPECT_TRUE(CuesInOrder(cues, "⟦ORG#0⟧ will spend ⟦MONEY#1⟧"));
  EXPECT_TRUE(CuesInOrder(cues, "⟦MONEY#0⟧, ⟦GROUP#1⟧ plans ⟦MONEY#2⟧"));
  EXPECT_FALSE(CuesInOrder(cues, "⟦MONEY#0⟧ is what ⟦ORG#1⟧ plans"));
  EXPECT_FALSE(CuesInOrder(cues, "⟦ORG#0⟧ spent ⟦MONEY#1⟧, it plans"));
  EXPECT_FALSE(CuesInOrder({{"ab"}, {"bc"}}, "abc"));  // the second starts before the first ends
  EXPECT_TRUE(CuesInOrder({{"ab"}, {"bc"}}, "abbc"));
  EXPECT_TRUE(CuesInOrder({}, "anything"));
}

TEST(DropImpliedCues, KeepsOnlyCuesNoOtherImplies) {
  Cues cues = {{"⟦ORG#", "⟦UNK#"}, {"said"}, {"⟦ORG", "⟦UNK"}, {"sa", "told"}, {"said"}};
  DropImpliedCues(&cues);
  EXPECT_EQ(cues, (Cues{{"⟦ORG#", "⟦UNK#"}, {"said"}}));
  Cues independent = {{"plan", "budget"}, {"capex"}};
  DropImpliedCues(&independent);
  EXPECT_EQ(independent, (Cues{{"plan", "budget"}, {"capex"}}));
}

TEST(CuesPresent, EveryCueNeedsOneOfItsWords) {
  Cues cues = {{"plan", "budget"}, {"capex"}};
  EXPECT_TRUE(CuesPresent(cues, "x budgets its capex"));
  EXPECT_FALSE(CuesPresent(cues, "x budgets its spending"));
  EXPECT_FALSE(CuesPresent(cues, "capex only"));
  EXPECT_TRUE(CuesPresent({}, "anything"));
}

TEST(CueIndex, FindsEveryWordWhereverItStarts) {
  CueIndex index;
  uint32_t plan = index.Add("plan");
  uint32_t plans = index.Add("plans");
  uint32_t capex = index.Add("capex");
  uint32_t hindi = index.Add("खर्च");
  EXPECT_EQ(index.Add("plan"), plan);
  CuePresence present = index.Present("its plans: capex खर्च");
  EXPECT_TRUE(present[plan]);
  EXPECT_TRUE(present[plans]);
  EXPECT_TRUE(present[capex]);
  EXPECT_TRUE(present[hindi]);
  present = index.Present("xplaNcape");
  EXPECT_FALSE(present[plan]);
  EXPECT_FALSE(present[capex]);
  CueIds cues = {index.AddCue({"plan", "capex"}), index.AddCue({"खर्च"})};
  EXPECT_EQ(cues[1], hindi);
  EXPECT_EQ(index.AddCue({"plan", "capex"}), cues[0]);
  EXPECT_TRUE(CuesPresent(cues, index.Present("plan खर्च")));
  EXPECT_TRUE(CuesPresent(cues, index.Present("capex खर्च")));
  EXPECT_FALSE(CuesPresent(cues, index.Present("plan")));
  EXPECT_FALSE(CuesPresent(cues, index.Present("खर्च pla")));
}

TEST(CueIndex, CueOfNewWordsIsPresentWithAnyOfThem) {
  CueIndex index;
  uint32_t cue = index.AddCue({"budget", "plan"});
  uint32_t plan = index.Add("plan");
  EXPECT_NE(cue, plan);
  CuePresence present = index.Present("a plan");
  EXPECT_TRUE(present[cue]);
  EXPECT_TRUE(present[plan]);
  EXPECT_TRUE(index.Present("budgets")[cue]);
  EXPECT_FALSE(index.Present("budge plaN")[cue]);
}

TEST(RuleCues, MostSelectiveCueIsAWordsLongestShortestWord) {
  EXPECT_EQ(MostSelectiveCue({{"⟦ORG#"}, {"on"}, {"dividend", "payout"}, {"plan"}}), 2u);
  EXPECT_EQ(MostSelectiveCue({{"⟦MONEY#"}, {"on"}}), 1u);
  EXPECT_EQ(MostSelectiveCue({{"⟦ORG#"}}), 0u);
}

TEST(CueIndex, AnyInFindsOneWordAnywhere) {
  CueIndex index;
  EXPECT_FALSE(index.AnyIn("ruled out"));
  index.Add("not");
  index.Add("ruled out");
  EXPECT_TRUE(index.AnyIn("it was ruled out"));
  EXPECT_TRUE(index.AnyIn("another"));
  EXPECT_FALSE(index.AnyIn("no tea, ruled ou"));
  index.Add("");
  EXPECT_TRUE(index.AnyIn("x"));
}

TEST(CueIndex, FindsOneByteWordsAndWordsAtTheEnd) {
  CueIndex index;
  uint32_t dollar = index.Add("$");
  uint32_t vs = index.Add("vs");
  EXPECT_TRUE(index.Present("cost $")[dollar]);
  EXPECT_TRUE(index.Present("$5")[dollar]);
  EXPECT_TRUE(index.Present("a vs")[vs]);
  EXPECT_FALSE(index.Present("a v")[vs]);
  EXPECT_FALSE(index.Present("5 s")[dollar]);
}

TEST(FirstBytePairs, AdmitsOnlyWhereAWordMayStart) {
  FirstBytePairs pairs;
  pairs.Add("plan");
  pairs.Add("%");
  EXPECT_TRUE(pairs.MayStartAt("a plan", 2));
  EXPECT_FALSE(pairs.MayStartAt("a plan", 3));
  EXPECT_FALSE(pairs.MayStartAt("pop", 0));
  EXPECT_FALSE(pairs.MayStartAt("ap", 1));  // "p" at the end cannot start "plan"
  EXPECT_TRUE(pairs.MayStartAt("5%", 1));   // a one-byte word, last in the text
  EXPECT_TRUE(pairs.MayStartAt("%x", 0));
}

TEST(FirstCharGuards, GoBeforeRequiredAlternationsOfLiterals) {
  EXPECT_EQ(WithFirstCharGuards(R"(\b(?:plans?|budget)\b)"), R"((?=[\x{62}\x{70}])\b(?:plans?|budget)\b)");
  EXPECT_EQ(WithFirstCharGuards(R"(x\s(?:ab|cd))"), R"(x\s(?=[\x{61}\x{63}])(?:ab|cd))");
  EXPECT_EQ(WithFirstCharGuards("(?<o>सौदा|खर्च)"), R"((?=[\x{916}\x{938}])(?<o>सौदा|खर्च))");
  EXPECT_EQ(WithFirstCharGuards("x(?:a(?:xy|zw)|b)+"), R"(x(?=[\x{61}\x{62}])(?:a(?=[\x{78}\x{7A}])(?:xy|zw)|b)+)");
  EXPECT_EQ(WithFirstCharGuards("(?:ab|cd){2,3}"), R"((?=[\x{61}\x{63}])(?:ab|cd){2,3})");
}

TEST(FirstCharGuards, LeaveWhatMayStartOtherwise) {
  for (const char* pattern : {"(?:foo|bar)?x", "(?:foo|bar)*", "(?:foo|bar){0,2}", "(?:s?foo|bar)", "(?:foo|\\dbar)",
                              "(?:foo|(?:bar))", "(?:foo|)", "(?:foo)", "foo|bar", "(?=foo|bar)x", "(?i)(?:foo|bar)",
                              "(?:x(?i)(?:foo|bar))", "(foo"}) {
    EXPECT_EQ(WithFirstCharGuards(pattern), pattern);
  }
}

bool Finds(const std::shared_ptr<const icu::RegexPattern>& pattern, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(text, status));
  return U_SUCCESS(status) && m->find(status);
}

// Whatever a rule's patterns match in an example sentence, its cues allow.
class RuleCuesSound : public ::testing::TestWithParam<std::string> {};

std::vector<TaggedSentence> TaggedExamples(const Language& lang) {
  RefDate ref = RefDate::Parse("2025-11-01");
  std::vector<TaggedSentence> tagged;
  for (const auto& example : lang.examples) tagged.push_back(TagSentence(example.sentence, lang, Data(), ref));
  return tagged;
}

TEST_P(RuleCuesSound, NoExampleMatchIsSkipped) {
  const Language* lang = Data().language(GetParam());
  ASSERT_NE(lang, nullptr);
  size_t matched = 0;
  for (const TaggedSentence& s : TaggedExamples(*lang)) {
    for (const auto& rule : lang->rules) {
      if (!Finds(rule.match, s.tagged) || (rule.require && !Finds(rule.require, s.tagged))) continue;
      ++matched;
      EXPECT_TRUE(CuesPresent(rule.cues, s.tagged_text)) << rule.name << " matches but its cues skip it: " << s.tagged_text;
      EXPECT_TRUE(CuesPresent(rule.cue_ids, lang->cues.Present(s.tagged_text))) << rule.name << " (index): " << s.tagged_text;
      EXPECT_TRUE(CuesInOrder(rule.match_order, s.tagged_text)) << rule.name << " (order): " << s.tagged_text;
    }
  }
  EXPECT_GT(matched, 0u);
}

// The one-pass test of MayBeNegated turns away no sentence in which a word search finds one.
TEST_P(RuleCuesSound, NegationWordsTurnAwayNoNegatedExample) {
  const Language* lang = Data().language(GetParam());
  ASSERT_NE(lang, nullptr);
  size_t negated = 0;
  for (const TaggedSentence& s : TaggedExamples(*lang)) {
    bool found = false;
    for (const auto* list : {&lang->denials, &lang->negations, &lang->negations_after_object}) {
      found = found || std::any_of(list->begin(), list->end(),
                                   [&s](const std::string& w) { return FindWord(s.view.text, w) != std::string::npos; });
    }
    negated += found ? 1 : 0;
    EXPECT_EQ(MayBeNegated(*lang, s.view.text), found) << s.view.text;
  }
  EXPECT_GT(negated, 0u);
}

// ApplyRelations tries the rules of the cues a sentence holds: each rule is under one cue of its own.
TEST_P(RuleCuesSound, EveryRuleIsIndexedOnceUnderOneOfItsCues) {
  const Language* lang = Data().language(GetParam());
  ASSERT_NE(lang, nullptr);
  std::vector<int> indexed(lang->rules.size(), 0);
  for (uint32_t rule : lang->uncued_rules) {
    ++indexed.at(rule);
    EXPECT_TRUE(lang->rules[rule].cue_ids.empty()) << lang->rules[rule].name;
  }
  for (const auto& [cue, rules] : lang->rules_by_cue) {
    for (uint32_t rule : rules) {
      ++indexed.at(rule);
      const CueIds& own = lang->rules[rule].cue_ids;
      EXPECT_NE(std::find(own.begin(), own.end(), cue), own.end()) << lang->rules[rule].name;
    }
  }
  EXPECT_EQ(std::count(indexed.begin(), indexed.end(), 1), static_cast<long>(indexed.size()));
  EXPECT_GT(lang->rules_by_cue.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Languages, RuleCuesSound, ::testing::Values("en", "it", "hi"));

// Calls `visit` with every line of the articles of `manifest`, tagged.
template <typename Visit>
void ForEachLine(const std::string& manifest, Visit visit) {
  auto inputs = ReadManifest(manifest);
  ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
  RefDate ref = RefDate::Parse("2025-11-01");
  for (const auto& input : *inputs) {
    const Language* lang = Data().language(input.meta.lang);
    ASSERT_NE(lang, nullptr) << input.path;
    std::istringstream lines(ReadAll(input.path));
    for (std::string line; std::getline(lines, line);) visit(*lang, TagSentence(line, *lang, Data(), ref));
  }
}

template <typename Visit>
void ForEachSeedLine(Visit visit) {
  ForEachLine(kCorpusDir + "/manifest.tsv", visit);
}

// Whatever a rule's `match` and `require` find in a line of the seed or the
// probe articles, its cues allow: a wrong cue would silently drop a claim.
TEST(MatchCuesSound, NoMatchInTheSeedOrProbeArticlesIsSkipped) {
  size_t found = 0;
  auto check = [&](const Language& lang, const TaggedSentence& s) {
    for (const auto& rule : lang.rules) {
      if (!Finds(rule.match, s.tagged) || (rule.require && !Finds(rule.require, s.tagged))) continue;
      ++found;
      EXPECT_TRUE(CuesPresent(rule.cue_ids, s.cues_present)) << rule.name << " matches but its cues skip it: " << s.tagged_text;
      EXPECT_TRUE(CuesInOrder(rule.match_order, s.tagged_text)) << rule.name << " matches out of its cues' order: " << s.tagged_text;
    }
  };
  ForEachSeedLine(check);
  ForEachLine(KG_SOURCE_DIR "/tests/ingest/probe/manifest.tsv", check);
  EXPECT_GT(found, 1000u);
}

// Most rules' matches are one sequence, whose cues' order turns sentences away.
TEST(MatchCuesSound, MostRulesHaveOrderedCues) {
  for (const char* code : {"en", "it", "hi"}) {
    const Language* lang = Data().language(code);
    ASSERT_NE(lang, nullptr);
    auto ordered = std::count_if(lang->rules.begin(), lang->rules.end(), [](const Rule& r) { return r.match_order.size() >= 2; });
    EXPECT_GT(ordered * 2, static_cast<long>(lang->rules.size())) << code;
  }
}

// Whatever a rule's `forbid` finds in a line of the seed or the probe
// articles, its cues allow: a wrong forbid cue would keep claims the rule
// means to drop.
TEST(ForbidCuesSound, NoForbidMatchInTheSeedOrProbeArticlesIsSkipped) {
  size_t found = 0, with_cues = 0;
  auto check = [&](const Language& lang, const TaggedSentence& s) {
    for (const auto& rule : lang.rules) {
      with_cues += !rule.forbid_cues.empty();
      if (!rule.forbid || !Finds(rule.forbid, s.tagged)) continue;
      ++found;
      EXPECT_TRUE(CuesPresent(rule.forbid_cue_ids, s.cues_present)) << rule.name << " forbid: " << s.tagged_text;
    }
  };
  ForEachSeedLine(check);
  ForEachLine(KG_SOURCE_DIR "/tests/ingest/probe/manifest.tsv", check);
  EXPECT_GT(found, 0u);
  EXPECT_GT(with_cues, 0u);
}

// A forbid pattern run as its top-level alternatives, each where its cues are
// present, finds a match in exactly the lines of the seed and probe
// articles where the whole pattern does.
TEST(ForbidParts, FindWhatTheWholePatternFinds) {
  EXPECT_EQ(TopLevelAlternatives("a|b(?:c|d)|[|]e"), (std::vector<std::string>{"a", "b(?:c|d)", "[|]e"}));
  EXPECT_TRUE(TopLevelAlternatives("b(?:c|d)").empty());
  size_t split = 0, found = 0;
  auto check = [&](const Language& lang, const TaggedSentence& s) {
    for (const auto& rule : lang.rules) {
      if (rule.forbid_parts.empty()) continue;
      ++split;
      bool whole = Finds(rule.forbid, s.tagged);
      found += whole;
      bool parts = std::any_of(rule.forbid_parts.begin(), rule.forbid_parts.end(), [&](const PatternPart& part) {
        return CuesPresent(part.cue_ids, s.cues_present) && Finds(part.pattern, s.tagged);
      });
      EXPECT_EQ(parts, whole) << rule.name << " forbid: " << s.tagged_text;
    }
  };
  ForEachSeedLine(check);
  ForEachLine(KG_SOURCE_DIR "/tests/ingest/probe/manifest.tsv", check);
  EXPECT_GT(split, 0u);
  EXPECT_GT(found, 0u);
}

// An alternative that refers to a group of another, or by number, is not
// run alone: the whole forbid is.
TEST(ForbidParts, NotSplitWhereAnAlternativeCannotStandAlone) {
  std::string dir = TempDir("forbid_parts") + "/data";
  std::filesystem::copy(kRulesDir, dir, std::filesystem::copy_options::recursive);
  WriteAll(dir + "/en/split.rules",
           "rule split.en.1 capex\n  match {s:ORG} spent {o:MONEY}\n  forbid opex|payroll\n"
           "rule split.en.2 capex\n  match {s:ORG} spent {o:MONEY}\n  forbid (opex)\\s+\\1|payroll\n"
           "rule split.en.3 capex\n  match {s:ORG} spent {o:MONEY}\n  forbid (?<x>opex)|\\k<x>\n");
  auto data = RuleData::Load(dir);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  std::map<std::string, size_t> parts;
  for (const auto& rule : (*data)->language("en")->rules) parts[rule.name] = rule.forbid_parts.size();
  EXPECT_EQ(parts["split.en.1"], 2u);
  EXPECT_EQ(parts["split.en.2"], 0u);
  EXPECT_EQ(parts["split.en.3"], 0u);
}

// Every match (and capture) of a rule's patterns, compiled with first-char
// guards, in the lines of the seed articles is one of the pattern as written.
std::vector<int32_t> AllMatches(const icu::RegexPattern& pattern, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(text, status));
  std::vector<int32_t> bounds;
  while (U_SUCCESS(status) && m->find(status)) {
    for (int32_t group = 0; group <= m->groupCount(); ++group) {
      bounds.push_back(m->start(group, status));
      bounds.push_back(m->end(group, status));
    }
  }
  return bounds;
}

TEST(FirstCharGuards, RulesMatchAsWrittenInTheSeedArticles) {
  const std::regex guard(R"(\(\?=\[(?:\\x\{[0-9A-F]+\})+\]\))");
  size_t guarded = 0, matches = 0;
  ForEachSeedLine([&](const Language& lang, const TaggedSentence& s) {
    for (const auto& rule : lang.rules) {
      for (const auto& pattern : {rule.match, rule.require, rule.forbid}) {
        if (!pattern) continue;
        std::string compiled;
        pattern->pattern().toUTF8String(compiled);
        std::string written = std::regex_replace(compiled, guard, "");
        if (written == compiled) continue;
        ++guarded;
        UErrorCode status = U_ZERO_ERROR;
        UParseError error;
        std::unique_ptr<icu::RegexPattern> plain(
            icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(written), 0, error, status));
        ASSERT_TRUE(U_SUCCESS(status)) << rule.name << ": " << written;
        std::vector<int32_t> expected = AllMatches(*plain, s.tagged);
        matches += !expected.empty();
        EXPECT_EQ(AllMatches(*pattern, s.tagged), expected) << rule.name << ": " << s.tagged_text;
      }
    }
  });
  EXPECT_GT(guarded, 0u);
  EXPECT_GT(matches, 0u);
}

}  // namespace
}  // namespace kg::ingest::testing
