// Crash safety and processes: a writer killed at random moments leaves a
// consistent store with every committed document whole; a second writer is
// refused; readers see committed data; foreign or newer directories are left
// untouched.
#include <filesystem>
#include <fstream>
#include <map>
#include <atomic>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "child_process.h"
#include "crash_docs.h"
#include "storage/test_hooks.h"
#include "test_util.h"

namespace kg::testing {
namespace {

namespace fs = std::filesystem;

// Every document in the store has all its mentions: its own statements for
// the version it holds, and one mention of the shared claim.
void ExpectDocumentsWhole(const Store& store) {
  auto documents = store.Documents();
  ASSERT_TRUE(documents.ok()) << documents.status().ToString();
  for (const Document& doc : *documents) {
    int number = std::stoi(doc.id.substr(std::string("crash-").size()));
    int version = doc.content_hash == "v1" ? 1 : 0;
    Pattern own;
    own.subject = Term::Entity(CrashSubject(number));
    size_t mentions = 0;
    for (const ClaimRecord& r : MatchAll(store, own)) {
      for (const Mention& m : r.mentions) {
        EXPECT_EQ(m.doc, doc.id);
        ++mentions;
      }
    }
    EXPECT_EQ(mentions, static_cast<size_t>(CrashOwnStatements(number, version))) << doc.id << " is not whole";
  }
  Pattern shared;
  shared.subject = Term::Entity("Shared");
  auto claims = MatchAll(store, shared);
  ASSERT_EQ(claims.size(), documents->empty() ? 0u : 1u);
  if (!claims.empty()) {
    EXPECT_EQ(claims[0].mentions.size(), documents->size());
  }
}

TEST(CrashTest, KilledWriterLeavesConsistentStoreWithCommittedDocumentsWhole) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  std::mt19937 rng(1234);
  std::set<std::string> committed;
  const int kRounds = 24;
  for (int round = 0; round < kRounds; ++round) {
    {
      ChildProcess writer({KG_STORE_HELPER, "write", db, std::to_string(round * 1000)});
      ASSERT_TRUE(writer.started());
      // Let it commit a random number of documents, then kill it at a random
      // moment, usually in the middle of the next write.
      int wanted = std::uniform_int_distribution<int>(1, 12)(rng);
      std::string line;
      for (int i = 0; i < wanted && writer.ReadLine(&line); ++i) committed.insert(CrashDocId(std::stoi(line)));
      usleep(std::uniform_int_distribution<int>(0, 4000)(rng));
      writer.Kill();
      EXPECT_EQ(writer.Wait(), -SIGKILL);
      while (writer.ReadLine(&line)) committed.insert(CrashDocId(std::stoi(line)));
    }
    auto store = OpenStore(db);
    ASSERT_NE(store, nullptr) << "round " << round;
    ExpectConsistent(*store);
    for (const std::string& id : committed) EXPECT_TRUE(store->GetDocument(id).ok()) << id << " was committed";
    ExpectDocumentsWhole(*store);
  }
  EXPECT_GE(committed.size(), static_cast<size_t>(kRounds));
}

TEST(ProcessTest, SecondWriterIsRefusedAndReaderSeesCommittedData) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  ChildProcess holder({KG_STORE_HELPER, "hold", db});
  std::string line;
  ASSERT_TRUE(holder.ReadLine(&line));
  ASSERT_EQ(line, "ready");

  auto second = Store::Open(db, OpenOptions{});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kBusy);
  EXPECT_NE(second.status().message().find("locked by another process"), std::string::npos)
      << second.status().message();

  auto reader = OpenStore(db, /*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  EXPECT_TRUE(reader->GetDocument(CrashDocId(0)).ok());
  ExpectDocumentsWhole(*reader);
  EXPECT_EQ(reader->AddDocument(CrashDocument(5, 0)).status().code(), Status::Code::kInvalidArgument);
  reader.reset();

  holder.CloseStdin();
  EXPECT_EQ(holder.Wait(), 0);
  auto writer = OpenStore(db);  // the lock is free again
  ASSERT_NE(writer, nullptr);
}

TEST(ProcessTest, ReaderOpenedWhileWriterRunsSeesWhatWasCommitted) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  ChildProcess writer({KG_STORE_HELPER, "write", db, "0"});
  std::vector<std::string> reported;
  std::string line;
  for (int i = 0; i < 5 && writer.ReadLine(&line); ++i) reported.push_back(CrashDocId(std::stoi(line)));
  ASSERT_EQ(reported.size(), 5u);
  auto reader = OpenStore(db, /*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  for (const std::string& id : reported) EXPECT_TRUE(reader->GetDocument(id).ok()) << id;
  auto report = reader->Check();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  writer.Kill();
  writer.Wait();
}

// Names, sizes, contents and modification times of everything under `dir`.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string description = entry.is_directory() ? "dir" : "file";
    if (entry.is_regular_file()) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream content;
      content << in.rdbuf();
      description += ":" + content.str();
    }
    description += ":" + std::to_string(entry.last_write_time().time_since_epoch().count());
    out[entry.path().string()] = description;
  }
  return out;
}

TEST(DirectoryTest, ForeignDirectoryIsRefusedAndUntouched) {
  TempDir dir;
  fs::create_directories(dir.Sub("photos/2025"));
  std::ofstream(dir.Sub("notes.txt")) << "not a store\n";
  std::ofstream(dir.Sub("photos/2025/a.jpg")) << "\xff\xd8 fake";
  auto before = Snapshot(dir.path());
  for (bool read_only : {false, true}) {
    OpenOptions options;
    options.read_only = read_only;
    auto store = Store::Open(dir.path(), options);
    ASSERT_FALSE(store.ok());
    if (!read_only) {
      EXPECT_EQ(store.status().code(), Status::Code::kInvalidArgument);
      EXPECT_NE(store.status().message().find("not a kgstore"), std::string::npos) << store.status().message();
    }
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
}

TEST(DirectoryTest, NewerFormatIsRefusedAndUntouched) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  {
    auto store = OpenStore(db);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddDocument(CrashDocument(1, 0)).ok());
  }
  std::ofstream(db + "/KGSTORE", std::ios::trunc) << "kgstore format 99\n";
  auto before = Snapshot(db);
  for (bool read_only : {false, true}) {
    OpenOptions options;
    options.read_only = read_only;
    auto store = Store::Open(db, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kNotSupported);
    EXPECT_NE(store.status().message().find("newer kgstore"), std::string::npos) << store.status().message();
  }
  EXPECT_EQ(Snapshot(db), before);
}

TEST(DirectoryTest, ReadOnlyOpenOfMissingStoreCreatesNothing) {
  TempDir dir;
  OpenOptions options;
  options.read_only = true;
  auto store = Store::Open(dir.Sub("absent"), options);
  EXPECT_EQ(store.status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(fs::exists(dir.Sub("absent")));
}

struct DamageCase {
  storage::Damage damage;
  const char* expected;  // words the report must contain
  const char* name;
};

class CheckTest : public ::testing::TestWithParam<DamageCase> {};

TEST_P(CheckTest, ReportsDamagedIndexes) {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(store->AddDocument(CrashDocument(i, 0)).ok());
  ExpectConsistent(*store);
  ASSERT_TRUE(storage::DamageForTest(*store, GetParam().damage).ok());
  auto report = store->Check();
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->ok());
  std::string all;
  for (const auto& p : report->problems) all += p + "\n";
  EXPECT_NE(all.find(GetParam().expected), std::string::npos) << all;
}

INSTANTIATE_TEST_SUITE_P(
    Damages, CheckTest,
    ::testing::Values(DamageCase{storage::Damage::kDropPosEntry, "missing from pos", "DropPosEntry"},
                      DamageCase{storage::Damage::kStrayOspEntry, "osp entry", "StrayOspEntry"},
                      DamageCase{storage::Damage::kWrongMentionCount, "mentions but has", "WrongMentionCount"},
                      DamageCase{storage::Damage::kDropDocMention, "missing from doc_mentions", "DropDocMention"},
                      DamageCase{storage::Damage::kStrayTermByValue, "points nowhere", "StrayTermByValue"},
                      DamageCase{storage::Damage::kGarblePosEntry, "damaged packed entry", "GarblePosEntry"}),
    [](const ::testing::TestParamInfo<DamageCase>& info) { return std::string(info.param.name); });

TEST(ThreadTest, ReadersInSeveralThreadsBesideTheWriter) {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(store->AddDocument(CrashDocument(i, 0)).ok());
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      for (int round = 0; round < 30; ++round) {
        Pattern p;
        if (t % 2 == 0) p.predicate = "measures";
        Status s = store->Match(p, [&](const ClaimRecord& r) {
          if (r.mentions.empty()) ++failures;
          return true;
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  // Check reads one snapshot, so it sees no half-applied write.
  readers.emplace_back([&] {
    for (int round = 0; round < 10; ++round) {
      auto report = store->Check();
      if (!report.ok() || !report->ok()) ++failures;
    }
  });
  for (int i = 10; i < 30; ++i) ASSERT_TRUE(store->AddDocument(CrashDocument(i, i % 2)).ok());
  for (auto& r : readers) r.join();
  EXPECT_EQ(failures.load(), 0);
  ExpectConsistent(*store);
}

}  // namespace
}  // namespace kg::testing
