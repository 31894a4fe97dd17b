// kg stats | check | docs | remove, run as a user would.
#include <sys/wait.h>

#include <array>
#include <cstdio>

#include <gtest/gtest.h>

#include "crash_docs.h"
#include "storage/test_hooks.h"
#include "test_util.h"

namespace kg::testing {
namespace {

struct KgRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

KgRun Kg(const std::string& args) {
  KgRun run;
  std::string command = std::string(KG_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer;
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Sub("db");
    auto store = OpenStore(db_);
    ASSERT_NE(store, nullptr);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(store->AddDocument(CrashDocument(i, 0)).ok());
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(CliTest, StatsDocsAndCheckOnAHealthyStore) {
  KgRun stats = Kg("stats --db " + db_);
  EXPECT_EQ(stats.exit_code, 0) << stats.output;
  EXPECT_NE(stats.output.find("documents       3"), std::string::npos) << stats.output;
  EXPECT_NE(stats.output.find("mentioned_by"), std::string::npos) << stats.output;

  KgRun docs = Kg("docs --db " + db_);
  EXPECT_EQ(docs.exit_code, 0) << docs.output;
  EXPECT_NE(docs.output.find("crash-2"), std::string::npos) << docs.output;

  KgRun check = Kg("check --db " + db_);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("no problems"), std::string::npos) << check.output;
}

TEST_F(CliTest, CheckFailsAndListsProblemsOnADamagedStore) {
  {
    auto store = OpenStore(db_);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(storage::DamageForTest(*store, storage::Damage::kDropPosEntry).ok());
  }
  KgRun check = Kg("check --db " + db_);
  EXPECT_EQ(check.exit_code, 1) << check.output;
  EXPECT_NE(check.output.find("problem: claim"), std::string::npos) << check.output;
}

TEST_F(CliTest, RemoveRetractsADocument) {
  KgRun remove = Kg("remove --db " + db_ + " crash-1");
  EXPECT_EQ(remove.exit_code, 0) << remove.output;
  KgRun again = Kg("remove --db " + db_ + " crash-1");
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("no document crash-1"), std::string::npos) << again.output;
  auto store = OpenStore(db_, /*read_only=*/true);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->GetDocument("crash-1").status().code(), Status::Code::kNotFound);
  ExpectConsistent(*store);
}

TEST_F(CliTest, ForeignDirectoryIsAUsageError) {
  KgRun check = Kg("check --db " + dir_.path());
  EXPECT_EQ(check.exit_code, 2) << check.output;
  EXPECT_NE(check.output.find("not a kgstore"), std::string::npos) << check.output;
}

}  // namespace
}  // namespace kg::testing
