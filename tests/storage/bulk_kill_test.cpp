// A bulk load killed with SIGKILL at random moments (while adding, while
// finishing) leaves the store exactly as it was before the load, or — when
// the kill came after the atomic take-in — exactly as a complete load
// leaves it; never anything in between. Check passes and the loader's
// temporary files are gone after the next open.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "child_process.h"
#include "crash_docs.h"
#include "test_util.h"

namespace kg::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kStatements = 60000;

// Every claim with its mentions and the counters, as one string.
std::string Dump(const Store& store) {
  std::vector<std::string> lines;
  for (const ClaimRecord& r : MatchAll(store, Pattern{})) {
    std::string line = r.claim.subject.ToString() + " " + r.claim.predicate + " " + r.claim.object.ToString() + " @" +
                       r.claim.when;
    for (const Mention& m : r.mentions) line += " [" + m.doc + ":" + std::to_string(m.sentence) + "]";
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  auto stats = store.GetStats();
  EXPECT_TRUE(stats.ok());
  if (stats.ok()) {
    out += "documents " + std::to_string(stats->documents) + " claims " + std::to_string(stats->claims) + " mentions " +
           std::to_string(stats->mentions) + " terms " + std::to_string(stats->terms) + "\n";
  }
  return out;
}

// A store with a few ordinary documents, the state before every load. One
// puts 300 claims into a (predicate, object) the load adds to, so that the
// load rewrites that prefix's several packed pos entries (format 2).
void WriteBefore(const std::string& db) {
  auto store = OpenStore(db);
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(store->AddDocument(CrashDocument(i, 0)).ok());
  DocumentInput links = MakeDocument("links", "en", "links-v0");
  for (int i = 0; i < 300; ++i) {
    links.statements.push_back(MakeStatement(Term::Entity("Before " + std::to_string(i)), "links",
                                             Term::Entity("Target 5"), "", static_cast<uint32_t>(i), ""));
  }
  ASSERT_TRUE(store->AddDocument(links).ok());
}

// Runs the helper's bulk load to its end in `db`; false if it failed.
bool LoadCompletely(const std::string& db) {
  ChildProcess loader({KG_STORE_HELPER, "bulk", db, std::to_string(kStatements)});
  std::string line, last;
  while (loader.ReadLine(&line)) last = line;
  return loader.Wait() == 0 && last == "done";
}

TEST(BulkKillTest, KilledBulkLoadLeavesTheStoreBeforeOrAfterNeverBetween) {
  TempDir dir;
  const std::string before_db = dir.Sub("before");
  const std::string after_db = dir.Sub("after");
  WriteBefore(before_db);
  fs::copy(before_db, after_db, fs::copy_options::recursive);
  ASSERT_TRUE(LoadCompletely(after_db));
  std::string before, after;
  {
    auto store = OpenStore(before_db);
    ASSERT_NE(store, nullptr);
    before = Dump(*store);
  }
  {
    auto store = OpenStore(after_db);
    ASSERT_NE(store, nullptr);
    after = Dump(*store);
    ExpectConsistent(*store);
  }
  ASSERT_NE(before, after);

  std::mt19937 rng(4242);
  int unchanged = 0;
  const int kRounds = 12;
  for (int round = 0; round < kRounds; ++round) {
    const std::string db = dir.Sub("round" + std::to_string(round));
    fs::copy(before_db, db, fs::copy_options::recursive);
    bool done = false;
    {
      ChildProcess loader({KG_STORE_HELPER, "bulk", db, std::to_string(kStatements)});
      ASSERT_TRUE(loader.started());
      // Half the rounds are killed while adding, half inside Finish.
      const std::string wait_for = round % 2 ? "finishing" : "adding";
      std::string line;
      while (loader.ReadLine(&line) && line != wait_for) {
      }
      usleep(std::uniform_int_distribution<int>(0, 150000)(rng));
      loader.Kill();
      loader.Wait();
      while (loader.ReadLine(&line)) done = done || line == "done";
    }
    auto store = OpenStore(db);
    ASSERT_NE(store, nullptr) << "round " << round;
    EXPECT_FALSE(fs::exists(db + "/bulk-load.tmp")) << "round " << round;
    ExpectConsistent(*store);
    const std::string state = Dump(*store);
    if (state == before) {
      EXPECT_FALSE(done) << "round " << round << ": the load reported done but is not there";
      ++unchanged;
    } else {
      EXPECT_EQ(state, after) << "round " << round << ": a partial load is visible";
    }
  }
  EXPECT_GT(unchanged, 0);  // some kills did land before the take-in
}

}  // namespace
}  // namespace kg::testing
