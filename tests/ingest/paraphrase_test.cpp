// Paraphrase tables (tests/ingest/paraphrase/<lang>.txt): for each
// predicate, the many ways news writes it, and sentences that must not give
// it. Journalists write one fact a dozen ways; rules tuned on one writer's
// sentences miss the others, so the tables are written per predicate, not
// per article. File format:
//
//   ## <predicate>                      the predicate of the lines below
//   example <sentence> => <claim> ; ... must yield these claims, and no other
//                                       claim of the predicate
//   counter <sentence>                  must yield no claim at all
//   counter <sentence> => <claim> ; ... must yield exactly these claims
//   ... || gap: <reason>                a known miss: reported, not failed
//
// The test prints, per language and predicate, how many lines pass (gaps
// included), and fails once listing every failing line that is not a gap.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ingest/rule_extractor.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

const std::string kParaphraseDir = KG_SOURCE_DIR "/tests/ingest/paraphrase";

struct ParaphraseLine {
  int line = 0;
  std::string predicate;
  bool counter = false;
  std::string sentence;
  std::vector<std::string> claims;
  std::string gap;  // why the line is a known miss; empty when it must pass
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Splits "a ; b ; c" into its trimmed parts.
std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t next = s.find(" ; ", pos);
    std::string part = Trim(s.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (!part.empty()) out.push_back(part);
    if (next == std::string::npos) break;
    pos = next + 3;
  }
  return out;
}

// Reads one table; a malformed line fails the test with its number.
std::vector<ParaphraseLine> ReadTable(const std::string& path) {
  std::vector<ParaphraseLine> lines;
  std::ifstream in(path);
  std::string text, predicate;
  for (int number = 1; std::getline(in, text); ++number) {
    text = Trim(text);
    if (text.empty() || (text[0] == '#' && text.rfind("##", 0) != 0)) continue;
    if (text.rfind("## ", 0) == 0) {
      predicate = Trim(text.substr(3));
      continue;
    }
    ParaphraseLine line;
    line.line = number;
    line.predicate = predicate;
    size_t gap = text.find(" || gap:");
    if (gap != std::string::npos) {
      line.gap = Trim(text.substr(gap + 8));
      text = Trim(text.substr(0, gap));
    }
    line.counter = text.rfind("counter ", 0) == 0;
    if (!line.counter && text.rfind("example ", 0) != 0) {
      ADD_FAILURE() << path << ":" << number << ": expected 'example', 'counter' or '## predicate'";
      continue;
    }
    std::string body = Trim(text.substr(8));
    size_t arrow = body.find(" => ");
    line.sentence = Trim(body.substr(0, arrow));
    if (arrow != std::string::npos) line.claims = SplitList(body.substr(arrow + 4));
    if (predicate.empty() || line.sentence.empty() || (!line.counter && line.claims.empty()))
      ADD_FAILURE() << path << ":" << number << ": a line needs a predicate section, a sentence and, "
                    << "for an example, its claims";
    lines.push_back(std::move(line));
  }
  return lines;
}

bool HasPredicate(const std::string& claim, const std::string& predicate) {
  return claim.find(" " + predicate + " ") != std::string::npos;
}

// Empty when the line passes, else what went wrong.
std::string Check(const ParaphraseLine& line, const std::vector<std::string>& got) {
  std::ostringstream why;
  if (line.counter) {
    std::vector<std::string> want = line.claims;
    std::sort(want.begin(), want.end());
    if (got != want) why << "want " << ::testing::PrintToString(want);
  } else {
    for (const auto& claim : line.claims)
      if (std::find(got.begin(), got.end(), claim) == got.end()) why << "missing: " << claim << "; ";
    for (const auto& claim : got)
      if (HasPredicate(claim, line.predicate) &&
          std::find(line.claims.begin(), line.claims.end(), claim) == line.claims.end())
        why << "false: " << claim << "; ";
  }
  if (why.tellp() > 0) why << " got " << ::testing::PrintToString(got);
  return why.str();
}

struct Tally {
  int examples = 0, examples_passed = 0, counters = 0, counters_passed = 0, gaps = 0;
};

class Paraphrases : public ::testing::TestWithParam<std::string> {};

TEST_P(Paraphrases, EachPredicateReadsItsParaphrases) {
  const std::string& lang = GetParam();
  const std::string path = kParaphraseDir + "/" + lang + ".txt";
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  static auto extractor = RuleExtractor::Create(kRulesDir);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  std::map<std::string, Tally> tallies;
  std::ostringstream failures;
  int failing = 0;
  for (const auto& line : ReadTable(path)) {
    Document meta;
    meta.id = "paraphrase";
    meta.lang = lang;
    meta.published = "2025-12";
    auto input = (*extractor)->Extract(line.sentence, meta);
    ASSERT_TRUE(input.ok()) << input.status().ToString();
    std::vector<std::string> got;
    for (const auto& st : input->statements) got.push_back(ClaimLine(st.claim));
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    std::string why = Check(line, got);
    Tally& tally = tallies[line.predicate];
    (line.counter ? tally.counters : tally.examples)++;
    if (why.empty()) (line.counter ? tally.counters_passed : tally.examples_passed)++;
    if (!line.gap.empty()) tally.gaps++;
    if (!why.empty() && line.gap.empty()) {
      ++failing;
      failures << path << ":" << line.line << ": " << line.sentence << "\n    " << why << "\n";
    }
  }
  std::ostringstream table;
  table << lang << ": predicate, examples passing, counters passing, known gaps\n";
  for (const auto& [predicate, t] : tallies)
    table << "  " << predicate << "  " << t.examples_passed << "/" << t.examples << "  " << t.counters_passed
          << "/" << t.counters << "  gaps " << t.gaps << "\n";
  std::cout << table.str();
  EXPECT_EQ(failing, 0) << failing << " failing lines (not marked as gaps):\n" << failures.str();
}

INSTANTIATE_TEST_SUITE_P(Languages, Paraphrases, ::testing::Values("en", "it", "hi"));

}  // namespace
}  // namespace kg::ingest::testing
