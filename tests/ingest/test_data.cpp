#include "tests/ingest/test_data.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace kg::ingest::testing {

const RuleData& Data() {
  static std::shared_ptr<const RuleData> data = [] {
    auto loaded = RuleData::Load(kRulesDir);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      std::abort();
    }
    return *loaded;
  }();
  return *data;
}

std::string ClaimLine(const Claim& claim) {
  return claim.subject.value + " " + claim.predicate + " " + claim.object.ToString() +
         (claim.when.empty() ? "" : " @" + claim.when);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteAll(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

namespace {

// The directories a test process made, removed when it exits (some hold
// 50 MB inputs; left behind they fill the disk of a machine that runs the
// tests often).
class TempDirsOfThisProcess {
 public:
  void Add(const std::filesystem::path& dir) { dirs_.insert(dir); }
  ~TempDirsOfThisProcess() {
    std::error_code ec;
    for (const auto& dir : dirs_) std::filesystem::remove_all(dir, ec);
  }

 private:
  std::set<std::filesystem::path> dirs_;
};

}  // namespace

std::string TempDir(const std::string& name) {
  namespace fs = std::filesystem;
  static TempDirsOfThisProcess made;
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(base ? base : fs::temp_directory_path().string()) /
                 ("kg-ingest-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  made.Add(dir);
  return dir.string();
}

int RunCommand(const std::string& command, std::string* out, std::string* err) {
  std::string dir = TempDir("run");
  std::string out_path = dir + "/out", err_path = dir + "/err";
  int status = std::system((command + " >" + out_path + " 2>" + err_path).c_str());
  if (out) *out = ReadAll(out_path);
  if (err) *err = ReadAll(err_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void RulesLoadedTest::SetUp() {
  auto loaded = RuleExtractor::Create(kRulesDir);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  extractor_ = std::move(loaded).value();
}

DocumentInput RulesLoadedTest::Extract(const std::string& text, const std::string& lang,
                                       const std::string& published) {
  Document meta;
  meta.id = "doc";
  meta.lang = lang;
  meta.published = published;
  auto input = extractor_->Extract(text, meta);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  return input.ok() ? *std::move(input) : DocumentInput{};
}

}  // namespace kg::ingest::testing
