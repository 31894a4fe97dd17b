// Terms read in batches: RocksStore::CacheTerms fills the term cache with
// one batched dictionary read, and the id executor holds result rows back
// while the cache misses (a freshly opened store) so that their terms are
// read that way. Held rows must come out complete, in order, and stop
// exactly where the visitor or max_rows says.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kg/query.h"
#include "row_recorder.h"
#include "storage/id_scan.h"
#include "test_util.h"

namespace kg::testing {
namespace {

using storage::TermId;

// More rows than the largest batch (1024), so that a stop lands inside one.
constexpr int kClaims = 3000;

class TermBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    DocumentInput input = MakeDocument("many", "en", "m");
    for (int i = 0; i < kClaims; ++i) {
      input.statements.push_back(MakeStatement(Term::Entity("Subject" + std::to_string(i)), "links",
                                               Term::Entity("Object" + std::to_string(i)), i % 5 ? "" : "2026",
                                               i, "A sentence."));
    }
    ASSERT_TRUE(store_->AddDocument(input).ok());
  }
  // Closes and opens the store again: an empty term cache.
  void Reopen() {
    store_.reset();
    store_ = OpenStore(dir_.path());
    ASSERT_NE(store_, nullptr);
  }
  std::vector<std::string> Rows(const QueryOptions& options, size_t stop_after, QueryInfo* info) {
    RowRecorder recorder(stop_after);
    auto ran = RunQuery(*store_, kQuery, options, recorder);
    EXPECT_TRUE(ran.ok()) << ran.status().ToString();
    if (ran.ok()) *info = *ran;
    return recorder.rows;
  }

  static constexpr const char* kQuery = "FIND ?s ?o ?w WHERE ?s links ?o @ ?w";
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(TermBatchTest, CacheTermsReadsWhatTheCacheLacksOnce) {
  Reopen();
  const auto& rocks = dynamic_cast<const storage::RocksStore&>(*store_);
  storage::IdScanner scanner(rocks);
  std::vector<TermId> ids;
  std::vector<Term> terms;
  // Gaps of 2 objects (4 ids: the read steps from one to the next) and of
  // 37 (74 ids: it seeks), so that both ways are read.
  for (int i = 0, object = 0; i < 200; ++i, object += i % 4 == 0 ? 37 : 2) {
    terms.push_back(Term::Entity("Object" + std::to_string(object)));
    ids.push_back(scanner.IdOf(terms.back()).value());
    ASSERT_NE(ids.back(), 0u);
  }
  const TermId time = scanner.IdOf(Term::Time("2026")).value();
  std::vector<TermId> batch = ids;
  batch.insert(batch.end(), ids.begin(), ids.begin() + 50);  // repeated ids count once
  batch.push_back(time);                                     // a time needs no read
  auto read = rocks.CacheTerms(&batch);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, ids.size());
  batch = ids;
  EXPECT_EQ(rocks.CacheTerms(&batch).value(), 0u);  // all cached now
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(rocks.TermOf(ids[i]).value().ToString(), terms[i].ToString());

  std::vector<TermId> missing = {ids.back() + 1'000'000};  // sought
  EXPECT_EQ(rocks.CacheTerms(&missing).status().code(), Status::Code::kCorruption);
  // Stepped to: one past the last entity, three ids after one that exists.
  const TermId last = scanner.IdOf(Term::Entity("Object" + std::to_string(kClaims - 1))).value();
  missing = {last - 2, last + 1};
  EXPECT_EQ(rocks.CacheTerms(&missing).status().code(), Status::Code::kCorruption);
}

TEST_F(TermBatchTest, HeldRowsComeOutInOrderAndStopWhereAsked) {
  QueryInfo info;
  Reopen();
  Rows(QueryOptions{}, 0, &info);  // fills the term cache
  const std::vector<std::string> all = Rows(QueryOptions{}, 0, &info);
  ASSERT_EQ(all.size(), static_cast<size_t>(kClaims));

  Reopen();
  EXPECT_EQ(Rows(QueryOptions{}, 0, &info), all);
  EXPECT_TRUE(info.stopped_by.empty());

  for (size_t stop : {size_t{1}, size_t{2}, size_t{1500}}) {
    SCOPED_TRACE(stop);
    Reopen();
    const std::vector<std::string> first = Rows(QueryOptions{}, stop, &info);
    EXPECT_EQ(info.stopped_by, "visitor");
    EXPECT_EQ(first, std::vector<std::string>(all.begin(), all.begin() + static_cast<long>(stop)));

    Reopen();
    QueryOptions capped;
    capped.max_rows = stop;
    const std::vector<std::string> capped_rows = Rows(capped, 0, &info);
    EXPECT_EQ(info.stopped_by, "max_rows");
    EXPECT_EQ(info.rows, stop);
    EXPECT_EQ(capped_rows, first);
  }
}

}  // namespace
}  // namespace kg::testing
