// Robustness: thousands of random and mutated queries; every call returns
// a Result, errors are InvalidArgument with a message, and results are
// well formed. (The libFuzzer target in tests/fuzz goes further.)
#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "kg/query.h"
#include "small_store.h"
#include "test_util.h"

namespace kg::testing {
namespace {

const char* const kSeeds[] = {
    "FIND ?amt ?when WHERE Acme plans_capex ?amt @ ?when",
    "FIND ?org ?n WHERE ?org plans_order ?n FILTER ?n >= 1000 Sprocket",
    "FIND ?x WHERE ?x competes_with Globex",
    "FIND ?p ?o WHERE \"Umbrella Labs\" ?p ?o",
    "FIND ?a ?c WHERE ?a develops ?b, ?b overtook ?c",
    "FIND ?amt ?doc ?lang WHERE Acme plans_capex ?amt @2026 FROM ?doc LANG ?lang",
    "FIND ?amt COUNT(DISTINCT ?doc) AS sources WHERE Acme plans_capex ?amt @2026 FROM ?doc GROUP BY ?amt "
    "ORDER BY sources DESC",
    "FIND ?s ?p ?o WHERE ?s ?p ?o FROM \"d1\" LIMIT 20",
    "FIND ?org ?amt WHERE ?org capex ?amt @2025 FILTER ?amt > CNY 100bn AND NOT (?org = Acme OR ?amt < $1bn)",
    "SOURCES OF Acme plans_capex CNY 50bn @2026",
    "CONFLICTS OF Acme plans_capex",
    "DESCRIBE एक्मे",
    "ENTITIES LIKE \"Acm\"",
    "PREDICATES",
    "EXPLAIN FIND ?a WHERE ?a develops ?b, ?b overtook ?c",
};

const char* const kTokens[] = {
    "FIND", "WHERE", "FILTER", "FROM", "LANG", "COUNT", "(", ")", "DISTINCT", "AS", "GROUP", "BY", "ORDER",
    "ASC", "DESC", "LIMIT", "SOURCES", "OF", "CONFLICTS", "DESCRIBE", "ENTITIES", "LIKE", "PREDICATES",
    "EXPLAIN", "AND", "OR", "NOT", "?x", "?y", "?doc", "Acme", "Globex", "\"Umbrella Labs\"", "एक्मे", "字节",
    "plans_capex", "develops", "@", "@2026", "2025-10", "2025-13-99", "CNY", "160bn", "$", "€5", "7%", "20000",
    "Sprocket", ",", "*", "=", "!=", "<", ">=", "'", "\"", ";", "--", "\n", "\t", "99999999999999999999999tn",
    "1.5.5", "?", "\\", "\xff", "\xe0\xa4", "\x00"};

std::string Mutate(std::string text, std::mt19937& rng) {
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
    switch (rng() % 5) {
      case 0:  // delete a run
        if (!text.empty() && at < text.size()) text.erase(at, 1 + rng() % 8);
        break;
      case 1:  // insert a token
        text.insert(at, std::string(" ") + kTokens[rng() % std::size(kTokens)] + " ");
        break;
      case 2:  // insert a random byte
        text.insert(at, 1, static_cast<char>(rng() % 256));
        break;
      case 3:  // duplicate a run
        if (at < text.size()) text.insert(at, text.substr(at, 1 + rng() % 12));
        break;
      default:  // truncate
        text.resize(at);
        break;
    }
  }
  return text;
}

std::string RandomTokens(std::mt19937& rng) {
  std::string text;
  size_t count = 1 + rng() % 14;
  for (size_t i = 0; i < count; ++i) text += std::string(kTokens[rng() % std::size(kTokens)]) + " ";
  return text;
}

TEST(QueryRobustnessTest, RandomAndMutatedQueriesNeverCrash) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  FillSmallStore(*store);
  std::mt19937 rng(4242);
  QueryOptions options;
  options.max_rows = 500;
  options.timeout_ms = 2000;
  int ok = 0;
  int failed = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = i % 3 == 0 ? RandomTokens(rng) : Mutate(kSeeds[rng() % std::size(kSeeds)], rng);
    auto result = RunQuery(*store, text, options);
    if (result.ok()) {
      ++ok;
      for (const auto& row : result->rows) ASSERT_EQ(row.size(), result->columns.size()) << text;
      ASSERT_LE(result->rows.size(), options.max_rows) << text;
    } else {
      ++failed;
      EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument) << text << "\n" << result.status().ToString();
      EXPECT_FALSE(result.status().message().empty()) << text;
    }
  }
  // Both outcomes occur: the mutations are neither all fatal nor all harmless.
  EXPECT_GT(ok, 25);
  EXPECT_GT(failed, 1000);
}

TEST(QueryRobustnessTest, CapsStopTheQueryAndSaySo) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  FillSmallStore(*store);
  QueryOptions options;
  options.max_rows = 5;
  for (const char* text : {"FIND ?s ?p ?o WHERE ?s ?p ?o", "FIND ?s ?p ?o WHERE ?s ?p ?o ORDER BY ?s",
                           "SOURCES OF ?s ?p ?o"}) {
    auto capped = RunQuery(*store, text, options);
    ASSERT_TRUE(capped.ok()) << capped.status().ToString();
    EXPECT_EQ(capped->rows.size(), 5u) << text;
    EXPECT_EQ(capped->stopped_by, "max_rows") << text;
  }
  // LIMIT within the cap is not a stop.
  auto limited = RunQuery(*store, "FIND ?s WHERE ?s ?p ?o LIMIT 3", options);
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->rows.size(), 3u);
  EXPECT_EQ(limited->stopped_by, "");
  // Exactly as many rows as the cap: nothing was cut.
  options.max_rows = 18;
  auto exact = RunQuery(*store, "FIND ?s WHERE ?s ?p ?o", options);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->rows.size(), 18u);
  EXPECT_EQ(exact->stopped_by, "");
}

TEST(QueryRobustnessTest, TimeoutStopsALongJoin) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  FillSmallStore(*store);
  // Five unconnected patterns: 18^5 solutions from about 10^5 lookups, far
  // beyond 20 ms; the count stays one entry, not millions of rows.
  QueryOptions options;
  options.timeout_ms = 20;
  auto result = RunQuery(*store, "FIND COUNT(*) WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h, ?i ?t ?j", options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->stopped_by, "timeout");
  ASSERT_EQ(result->rows.size(), 1u);
}

TEST(QueryRobustnessTest, ACancelledQueryStopsAndSaysSo) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  FillSmallStore(*store);
  std::atomic<bool> cancel{true};
  QueryOptions options;
  options.cancel = &cancel;
  // Both executors (term ids; claims with mentions) and an ordered result.
  for (const char* text : {"FIND ?s ?p ?o WHERE ?s ?p ?o", "FIND ?s ?p ?o WHERE ?s ?p ?o ORDER BY ?s",
                           "SOURCES OF ?s ?p ?o"}) {
    auto result = RunQuery(*store, text, options);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->stopped_by, "cancelled") << text;
    EXPECT_TRUE(result->rows.empty()) << text;
  }
  cancel = false;
  auto whole = RunQuery(*store, "FIND ?s ?p ?o WHERE ?s ?p ?o", options);
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->stopped_by, "");
  EXPECT_EQ(whole->rows.size(), 18u);
}

TEST(QueryRobustnessTest, CancelFromAnotherThreadStopsALongJoin) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  FillSmallStore(*store);
  std::atomic<bool> cancel{false};
  QueryOptions options;
  options.cancel = &cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cancel = true;
  });
  // 18^5 solutions: it runs until cancelled.
  auto result = RunQuery(*store, "FIND COUNT(*) WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h, ?i ?t ?j", options);
  canceller.join();
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->stopped_by, "cancelled");
}

TEST(QueryRobustnessTest, DeepNestingIsAnErrorNotACrash) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  FillSmallStore(*store);
  std::string deep = "FIND ?s WHERE ?s ?p ?o FILTER " + std::string(3000, '(') + "?s = Acme" + std::string(3000, ')');
  auto result = RunQuery(*store, deep, QueryOptions{});
  EXPECT_TRUE(result.ok() || result.status().code() == Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace kg::testing
