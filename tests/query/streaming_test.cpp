// The streaming RunQuery (RowVisitor): the same rows as the collecting
// RunQuery for every kind of statement, stopped by the visitor, by
// max_rows and by cancel; cells that stay valid for the whole row.
#include <atomic>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kg/query.h"
#include "row_recorder.h"
#include "small_store.h"
#include "spec_file.h"
#include "test_util.h"

namespace kg::testing {
namespace {

// Every statement kind, both executors, shaped and unshaped results.
const char* const kQueries[] = {
    "FIND ?s ?p ?o WHERE ?s ?p ?o",
    "FIND ?amt ?when WHERE Acme plans_capex ?amt @ ?when",
    "FIND ?a ?c WHERE ?a develops ?b, ?b overtook ?c",
    "FIND ?s ?o WHERE ?s ?p ?x, ?x ?q ?o",
    "FIND ?amt ?doc ?lang WHERE Acme plans_capex ?amt @2026 FROM ?doc LANG ?lang",
    "FIND ?s ?p ?o WHERE ?s ?p ?o ORDER BY ?s DESC LIMIT 7",
    "FIND DISTINCT ?s WHERE ?s ?p ?o",
    "FIND ?p COUNT(*) WHERE ?s ?p ?o GROUP BY ?p",
    "FIND COUNT(*) WHERE ?s ?p ?o",
    "FIND ?s WHERE ?s ?p ?o LIMIT 3",
    "SOURCES OF Acme plans_capex CNY 50bn @2026",
    "CONFLICTS OF Acme plans_capex",
    "DESCRIBE Acme",
    "ENTITIES LIKE \"Acm\"",
    "PREDICATES",
    "DOCUMENTS",
    "EXPLAIN FIND ?a WHERE ?a develops ?b, ?b overtook ?c",
};

class QueryStreamingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    FillSmallStore(*store_);
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(QueryStreamingTest, StreamsWhatTheCollectingCallReturns) {
  int nonempty = 0;
  for (const char* text : kQueries) {
    SCOPED_TRACE(text);
    auto collected = RunQuery(*store_, text, QueryOptions{});
    ASSERT_TRUE(collected.ok()) << collected.status().ToString();
    RowRecorder streamed;
    auto info = RunQuery(*store_, text, QueryOptions{}, streamed);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    EXPECT_EQ(streamed.column_calls, 1);
    EXPECT_EQ(streamed.columns, collected->columns);
    EXPECT_EQ(streamed.rows, RenderRows(*collected));
    EXPECT_EQ(info->rows, collected->rows.size());
    EXPECT_EQ(info->stopped_by, collected->stopped_by);
    nonempty += collected->rows.empty() ? 0 : 1;
  }
  EXPECT_GE(nonempty, 15);  // not a comparison of empty answers
}

TEST_F(QueryStreamingTest, AVisitorReturningFalseStopsTheQuery) {
  for (const char* text : {"FIND ?s ?p ?o WHERE ?s ?p ?o", "FIND ?s ?p ?o WHERE ?s ?p ?o ORDER BY ?o",
                           "SOURCES OF ?s ?p ?o", "PREDICATES"}) {
    SCOPED_TRACE(text);
    auto all = RunQuery(*store_, text, QueryOptions{});
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    ASSERT_GT(all->rows.size(), 3u);
    RowRecorder first_three(3);
    auto info = RunQuery(*store_, text, QueryOptions{}, first_three);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    EXPECT_EQ(info->stopped_by, "visitor");
    EXPECT_EQ(info->rows, 3u);
    std::vector<std::string> expected = RenderRows(*all);
    expected.resize(3);
    EXPECT_EQ(first_three.rows, expected);
  }
}

TEST_F(QueryStreamingTest, AVisitorReturningFalseStopsAJoinMidway) {
  // Five unconnected patterns: 18^5 rows; the visitor wants ten, and the
  // run must end there (else it records them all).
  const char* text = "FIND ?a ?c ?e ?g ?i WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h, ?i ?t ?j";
  RowRecorder ten(10);
  auto info = RunQuery(*store_, text, QueryOptions{}, ten);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->stopped_by, "visitor");
  EXPECT_EQ(ten.rows.size(), 10u);
  // A two-step join through a shared variable, stopped in its second step.
  QueryOptions capped;
  capped.max_rows = 4;
  auto first_four = RunQuery(*store_, "FIND ?s ?o WHERE ?s ?p ?x, ?x ?q ?o", capped);
  ASSERT_TRUE(first_four.ok());
  ASSERT_EQ(first_four->rows.size(), 4u);
  RowRecorder four(4);
  ASSERT_TRUE(RunQuery(*store_, "FIND ?s ?o WHERE ?s ?p ?x, ?x ?q ?o", QueryOptions{}, four).ok());
  EXPECT_EQ(four.rows, RenderRows(*first_four));
}

TEST_F(QueryStreamingTest, MaxRowsAndCancelStopAStream) {
  QueryOptions options;
  options.max_rows = 5;
  for (const char* text : {"FIND ?s ?p ?o WHERE ?s ?p ?o", "FIND ?s ?p ?o WHERE ?s ?p ?o ORDER BY ?s",
                           "SOURCES OF ?s ?p ?o"}) {
    SCOPED_TRACE(text);
    RowRecorder capped;
    auto info = RunQuery(*store_, text, options, capped);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    EXPECT_EQ(info->stopped_by, "max_rows");
    EXPECT_EQ(capped.rows.size(), 5u);
    EXPECT_EQ(info->rows, 5u);
  }
  std::atomic<bool> cancel{true};
  QueryOptions cancelled;
  cancelled.cancel = &cancel;
  for (const char* text : {"FIND ?s ?p ?o WHERE ?s ?p ?o", "FIND ?a ?b WHERE ?a ?p ?x, ?b ?q ?y"}) {
    SCOPED_TRACE(text);
    RowRecorder none;
    auto info = RunQuery(*store_, text, cancelled, none);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    EXPECT_EQ(info->stopped_by, "cancelled");
    EXPECT_TRUE(none.rows.empty());
  }
}

TEST_F(QueryStreamingTest, ErrorsComeBackAsStatusBeforeAnyRow) {
  RowRecorder recorder;
  auto info = RunQuery(*store_, "FIND ?s WHERE", QueryOptions{}, recorder);
  EXPECT_EQ(info.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(recorder.column_calls, 0);
  EXPECT_TRUE(recorder.rows.empty());
}

// Thousands of distinct terms in two columns: the executor's table of
// decoded terms (1024 entries) holds both cells of a row in one entry now
// and then, and both must still read right while the row is handed over.
TEST(QueryStreamingCellsTest, EveryCellOfARowStaysValid) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  constexpr int kClaims = 5000;
  DocumentInput input = MakeDocument("many", "en", "m");
  for (int i = 0; i < kClaims; ++i) {
    input.statements.push_back(MakeStatement(Term::Entity("Subject" + std::to_string(i)), "links",
                                             Term::Entity("Object" + std::to_string(i)), "", i, "A sentence."));
  }
  ASSERT_TRUE(store->AddDocument(input).ok());
  RowRecorder recorder;
  auto info = RunQuery(*store, "FIND ?s ?o WHERE ?s links ?o", QueryOptions{}, recorder);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  ASSERT_EQ(recorder.rows.size(), static_cast<size_t>(kClaims));
  int wrong = 0;
  for (const std::string& row : recorder.rows) {
    const size_t bar = row.find(" | ");
    ASSERT_NE(bar, std::string::npos) << row;
    wrong += row.substr(7, bar - 7) != row.substr(bar + 3 + 6) ? 1 : 0;  // "Subject<n> | Object<n>"
  }
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace kg::testing
