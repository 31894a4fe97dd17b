// Queries on both cores (docs/storage.md, "Queries on both cores"): on a
// store big enough that the first step of each query is cut into morsels,
// every pattern shape gives the same rows in the same order on two threads
// as on one. A morsel dropped, run twice or handed out of order changes
// the rows or their order.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kg/query.h"
#include "row_recorder.h"
#include "storage/test_hooks.h"
#include "test_util.h"

namespace kg::testing {
namespace {

constexpr int kEntities = 3000;
constexpr int kStatements = 60000;
constexpr int kHubClaims = 12000;
const char* const kPredicates[] = {"p0", "p1", "p2", "p3"};
const char* const kWhens[] = {"", "2025", "2026"};

std::string EntityName(uint32_t n) { return "E" + std::to_string(n); }

// One bulk-loaded document of random claims among kEntities entities, a
// hub subject with many claims, and a popular object (Target).
void FillStore(const std::string& dir) {
  auto store = OpenStore(dir);
  ASSERT_NE(store, nullptr);
  auto loader = store->BeginBulkLoad(MakeDocument("big", "en", "h").document, BulkLoadOptions{});
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  std::mt19937 rng(6);
  uint32_t sentence = 0;
  auto add = [&](const std::string& subject, const char* predicate, Term object) {
    auto statement = MakeStatement(Term::Entity(subject), predicate, std::move(object),
                                   kWhens[rng() % std::size(kWhens)], sentence, "Sentence " + std::to_string(sentence));
    ++sentence;
    ASSERT_TRUE((*loader)->Add(statement).ok());
  };
  auto object = [&]() {
    if (rng() % 5 == 0) return Term::Quantity(std::to_string(1 + rng() % 9) + "000000", "EUR");
    if (rng() % 2 == 0) return Term::Entity("Target");
    return Term::Entity(EntityName(rng() % kEntities));
  };
  for (int i = 0; i < kStatements; ++i) {
    add(EntityName(rng() % kEntities), kPredicates[rng() % std::size(kPredicates)], object());
  }
  // Not Target: the star below would multiply the hub's claims.
  for (int i = 0; i < kHubClaims; ++i) {
    add("Hub", kPredicates[rng() % std::size(kPredicates)], Term::Entity(EntityName(rng() % kEntities)));
  }
  auto finished = (*loader)->Finish();
  ASSERT_TRUE(finished.ok()) << finished.status().ToString();
}

std::unique_ptr<Store> OpenWithThreads(const std::string& dir, int threads) {
  OpenOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  options.query_threads = threads;
  auto store = Store::Open(dir, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

class MorselTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    FillStore(dir_->path());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static TempDir* dir_;
};
TempDir* MorselTest::dir_ = nullptr;

struct Answer {
  std::vector<std::string> rows;
  QueryInfo info;
};

Answer Ask(const Store& store, const std::string& query, const QueryOptions& options = {}) {
  RowRecorder recorder;
  auto info = RunQuery(store, query, options, recorder);
  EXPECT_TRUE(info.ok()) << query << ": " << info.status().ToString();
  return Answer{recorder.rows, info.ok() ? *info : QueryInfo{}};
}

// Each query's first step is one index lookup with many matches (a lone
// step needs more, and one over packed pos stays serial: id_executor.cpp), of
// every shape the indexes serve: subject (spo), predicate (pos),
// predicate and object (a packed pos run), object (osp), time and
// predicate (wps), nothing bound; then stars, joins, filters, DISTINCT,
// GROUP BY and ORDER BY after it. (A subject and predicate bound is the
// one shape left out: no pair here has enough claims to be cut. A query
// of one pattern is planned without counting its matches, so the
// predicate and object shape comes with a second pattern.)
const char* const kQueries[] = {
    "FIND ?p ?o ?w WHERE Hub ?p ?o @ ?w, ?o p3 Target",
    "FIND ?s ?o ?x WHERE ?s p2 ?o, ?o p1 ?x",
    "FIND ?s ?o WHERE ?s p0 Target, ?s p3 ?o",
    "FIND ?s ?p ?o WHERE ?s ?p Target, ?s p1 ?o",
    "FIND ?s ?o ?x WHERE ?s p3 ?o @2025, ?o p2 ?x",
    "FIND ?s ?p ?o ?w WHERE ?s ?p ?o @ ?w",
    "FIND ?x ?o ?y WHERE ?x p0 Target, ?x p1 ?o, ?x p2 ?y",
    "FIND ?a ?b ?c WHERE ?a p1 ?b, ?b p2 ?c",
    "FIND ?a ?b WHERE ?a p3 ?b, ?b p0 Target",
    "FIND ?s ?amount ?o WHERE ?s p2 ?amount, ?s p1 ?o FILTER ?amount > EUR 4000000",
    "FIND DISTINCT ?o WHERE ?s p1 ?o, ?o p2 ?x",
    "FIND ?p COUNT(*) AS n WHERE Hub ?p ?o, ?o p0 Target GROUP BY ?p ORDER BY n DESC",
    "FIND ?s ?o WHERE ?s p2 ?o, ?o p0 Target ORDER BY ?o DESC, ?s",
};

TEST_F(MorselTest, EveryShapeGivesTheSerialRowsInOrder) {
  auto serial = OpenWithThreads(dir_->path(), 1);
  auto parallel = OpenWithThreads(dir_->path(), 2);
  ASSERT_NE(serial, nullptr);
  ASSERT_NE(parallel, nullptr);
  for (const char* query : kQueries) {
    SCOPED_TRACE(query);
    const Answer one = Ask(*serial, query);
    const Answer two = Ask(*parallel, query);
    EXPECT_EQ(one.info.morsels, 0u);
    EXPECT_GE(two.info.morsels, 2u) << "too small to take the parallel path";
    ASSERT_GT(one.rows.size(), 0u);
    EXPECT_EQ(one.rows, two.rows);
    EXPECT_EQ(one.info.rows, two.info.rows);
  }
}

TEST_F(MorselTest, LimitsAndVisitorStopsCutTheSerialPrefix) {
  auto serial = OpenWithThreads(dir_->path(), 1);
  auto parallel = OpenWithThreads(dir_->path(), 2);
  ASSERT_NE(serial, nullptr);
  ASSERT_NE(parallel, nullptr);
  const std::string query = "FIND ?s ?o ?x WHERE ?s p2 ?o, ?o p1 ?x";
  QueryOptions capped;
  capped.max_rows = 1500;
  const Answer one = Ask(*serial, query, capped);
  const Answer two = Ask(*parallel, query, capped);
  EXPECT_EQ(one.rows.size(), 1500u);
  EXPECT_EQ(one.rows, two.rows);
  EXPECT_EQ(one.info.stopped_by, two.info.stopped_by);

  RowRecorder stopping(700);
  auto info = RunQuery(*parallel, query, QueryOptions{}, stopping);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->stopped_by, "visitor");
  const std::vector<std::string> prefix(one.rows.begin(), one.rows.begin() + 700);
  EXPECT_EQ(stopping.rows, prefix);
}

TEST_F(MorselTest, ACancelledQueryStopsOnEveryThread) {
  auto parallel = OpenWithThreads(dir_->path(), 2);
  ASSERT_NE(parallel, nullptr);
  std::atomic<bool> cancel{true};
  QueryOptions options;
  options.cancel = &cancel;
  const Answer answer = Ask(*parallel, "FIND ?s ?p ?o ?w WHERE ?s ?p ?o @ ?w", options);
  EXPECT_EQ(answer.info.stopped_by, "cancelled");
  EXPECT_GE(answer.info.morsels, 2u);
  EXPECT_TRUE(answer.rows.empty());
}

TEST(MorselFailureTest, AFailingMorselFailsTheQueryAsTheSerialPathDoes) {
  TempDir dir;
  FillStore(dir.path());
  {
    auto store = OpenStore(dir.path());
    ASSERT_NE(store, nullptr);
    Status damaged = storage::DamageForTest(*store, storage::Damage::kGarblePosEntry);
    ASSERT_TRUE(damaged.ok()) << damaged.ToString();
  }
  auto serial = OpenWithThreads(dir.path(), 1);
  auto parallel = OpenWithThreads(dir.path(), 2);
  ASSERT_NE(serial, nullptr);
  ASSERT_NE(parallel, nullptr);
  // Each query's first step scans one predicate's claims in pos, cut into
  // morsels; the one holding the garbled entry fails in whichever thread.
  // The second step reads osp, not pos (else a hash join's table, built
  // before the morsels, would meet the entry first).
  int failed = 0;
  for (const char* predicate : kPredicates) {
    const std::string query =
        std::string("FIND ?s ?o ?q WHERE ?s ") + predicate + " ?o, ?o ?q Target";
    SCOPED_TRACE(query);
    RowRecorder one_rows, two_rows;
    auto one = RunQuery(*serial, query, QueryOptions{}, one_rows);
    auto two = RunQuery(*parallel, query, QueryOptions{}, two_rows);
    ASSERT_EQ(one.ok(), two.ok()) << (one.ok() ? two.status() : one.status()).ToString();
    if (one.ok()) {
      EXPECT_GE(two->morsels, 2u);
      continue;
    }
    ++failed;
    EXPECT_EQ(one.status().ToString(), two.status().ToString());
  }
  EXPECT_EQ(failed, 1);
}

}  // namespace
}  // namespace kg::testing
