// Batch ingestion with group commit: every document of a run is in the
// store and the store checks clean, with failed files among them, after an
// interruption, and when the same run is repeated.
#include <atomic>
#include <string>

#include <gtest/gtest.h>

#include "ingest/batch.h"
#include "kg/store.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

constexpr size_t kFiles = 40;

// kFiles small articles of our own, each with its own amount; file 7 is bad.
std::vector<InputFile> WriteArticles(const std::string& dir) {
  std::vector<InputFile> inputs;
  for (size_t i = 0; i < kFiles; ++i) {
    std::string path = dir + "/article" + std::to_string(i) + ".txt";
    WriteAll(path, i == 7 ? std::string("Orbis Telecom \xff broken.\n")
                          : "Orbis Telecom plans to spend $" + std::to_string(i + 1) +
                                " billion in capital expenditure in 2026, the company said.\n");
    InputFile input;
    input.path = path;
    input.meta.id = "article" + std::to_string(i);
    input.meta.published = "2025-11-01";
    inputs.push_back(input);
  }
  return inputs;
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto extractor = RuleExtractor::Create(kRulesDir);
    ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
    extractor_ = std::move(extractor).value();
    inputs_ = WriteArticles(TempDir("batch-articles"));
    db_ = TempDir("batch-db") + "/db";
  }

  std::unique_ptr<Store> OpenStore() {
    auto store = Store::Open(db_, OpenOptions{});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  static void ExpectClean(const Store& store) {
    auto report = store.Check();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems[0]);
  }

  std::unique_ptr<RuleExtractor> extractor_;
  std::vector<InputFile> inputs_;
  std::string db_;
};

TEST_F(BatchTest, EveryGoodDocumentIsStoredAndTheStoreChecksClean) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::vector<std::string> failed;
  auto summary = RunBatch(*store, *extractor_, inputs_, [&](size_t, size_t, const std::string& path, const Status& s) {
    if (!s.ok()) failed.push_back(path);
  });
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->documents_new, kFiles - 1);
  EXPECT_EQ(summary->documents_failed, 1u);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0], inputs_[7].path);
  EXPECT_FALSE(summary->interrupted);
  auto docs = store->Documents();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), kFiles - 1);
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->claims, kFiles - 1);  // one capex claim per good article
  ExpectClean(*store);
}

TEST_F(BatchTest, ReopenedStoreKeepsTheRun) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(RunBatch(*store, *extractor_, inputs_, nullptr).ok());
  }
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto docs = store->Documents();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), kFiles - 1);
  ExpectClean(*store);
}

TEST_F(BatchTest, RepeatedRunChangesNothing) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(RunBatch(*store, *extractor_, inputs_, nullptr).ok());
  auto again = RunBatch(*store, *extractor_, inputs_, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->documents_new, 0u);
  EXPECT_EQ(again->documents_unchanged, kFiles - 1);
  EXPECT_EQ(again->claims_new, 0u);
  ExpectClean(*store);
}

TEST_F(BatchTest, InterruptedRunKeepsWhatItWrote) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::atomic<bool> stop{false};
  constexpr size_t kStopAfter = 12;  // includes the bad file 7
  auto summary = RunBatch(
      *store, *extractor_, inputs_,
      [&](size_t done, size_t, const std::string&, const Status&) {
        if (done == kStopAfter) stop = true;
      },
      &stop);
  ASSERT_TRUE(summary.ok());
  EXPECT_TRUE(summary->interrupted);
  EXPECT_EQ(summary->documents_new, kStopAfter - 1);
  auto docs = store->Documents();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), kStopAfter - 1);
  ExpectClean(*store);
  // Running the whole batch again completes it.
  auto rest = RunBatch(*store, *extractor_, inputs_, nullptr);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->documents_new, kFiles - kStopAfter);
  EXPECT_EQ(rest->documents_unchanged, kStopAfter - 1);
  ExpectClean(*store);
}

}  // namespace
}  // namespace kg::ingest::testing
