// The peer benchmark's Q1–Q6 (bench/runner/bench_queries.h) over a small
// generated news graph loaded with `kg import`: each gives as many rows as a
// naive evaluation over every claim of the store.
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "bench/runner/bench_queries.h"
#include "kg/query.h"
#include "seed_store.h"
#include "test_util.h"

namespace kg::testing {
namespace {

struct Triple {
  std::string s, p, o;
};

// Naive row counts, pattern by pattern over every claim.
std::map<std::string, int64_t> NaiveCounts(const std::vector<Triple>& all, const nlohmann::json& q) {
  std::map<std::string, int64_t> counts;
  std::map<std::string, int64_t> per_predicate;
  for (const auto& t : all) {
    counts["Q1"] += t.s == q["q1"]["s"] ? 1 : 0;
    counts["Q2"] += t.p == q["q2"]["p"] && t.o == q["q2"]["o"] ? 1 : 0;
    ++per_predicate[t.p];
  }
  for (const auto& first : all) {
    if (first.p != q["q3"]["p1"]) continue;
    for (const auto& second : all) counts["Q3"] += second.p == q["q3"]["p2"] && second.s == first.o ? 1 : 0;
  }
  const auto& q4 = q["q4"];
  auto values = [&](const std::string& x, const std::string& p) {
    std::vector<std::string> out;
    for (const auto& t : all) {
      if (t.s == x && t.p == p) out.push_back(t.o);
    }
    return out;
  };
  std::set<std::string> nodes;
  for (const auto& t : all) {
    if (t.p == q4["p1"] && t.o == q4["o1"]) nodes.insert(t.s);
  }
  for (const auto& x : nodes) {
    auto seconds = values(x, q4["p2"]);
    int64_t matches = static_cast<int64_t>(std::count(seconds.begin(), seconds.end(), q4["o2"].get<std::string>()));
    counts["Q4"] += matches * static_cast<int64_t>(values(x, q4["p3"]).size() * values(x, q4["p4"]).size());
  }
  counts["Q5"] = static_cast<int64_t>(per_predicate.size());
  counts["Q6"] = static_cast<int64_t>(all.size());
  return counts;
}

TEST(BenchQueriesTest, RowCountsEqualNaiveEvaluation) {
  TempDir dir;
  const std::string nt = dir.Sub("news.nt");
  std::string output;
  ASSERT_EQ(RunCommand("python3 '" KG_SHARED_DIR "/bench/gen_nt.py' --triples 4000 --seed 42 --out '" + nt + "'",
                       &output), 0) << output;
  ASSERT_EQ(RunCommand(std::string("'") + KG_BINARY + "' import --db '" + dir.Sub("db") + "' '" + nt + "'", &output), 0)
      << output;
  std::ifstream in(KG_SHARED_DIR "/bench/queries.json");
  const nlohmann::json q = nlohmann::json::parse(in)["news"];
  auto store = OpenStore(dir.Sub("db"), /*read_only=*/true);
  ASSERT_NE(store, nullptr);

  std::vector<Triple> all;
  Pattern every;
  every.with_mentions = false;
  for (const auto& record : MatchAll(*store, every)) {
    all.push_back({record.claim.subject.value, record.claim.predicate, record.claim.object.value});
  }
  const auto expected = NaiveCounts(all, q);
  for (const auto& [name, text] : bench::QueryTexts(q)) {
    SCOPED_TRACE(name + ": " + text);
    auto result = RunQuery(*store, text, QueryOptions{});
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    int64_t rows = name == "Q6" ? result->rows.at(0).at(0).number : static_cast<int64_t>(result->rows.size());
    EXPECT_EQ(rows, expected.at(name));
    if (name != "Q4") {
      EXPECT_GT(rows, 0);  // the constants occur even in a small graph
    }
  }
}

}  // namespace
}  // namespace kg::testing
