#include "test_util.h"

#include <cstdlib>

namespace kg::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kg-storage-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::unique_ptr<Store> OpenStore(const std::string& dir, bool read_only) {
  OpenOptions options;
  options.read_only = read_only;
  auto store = Store::Open(dir, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

DocumentInput::Statement MakeStatement(Term subject, std::string predicate, Term object, std::string when,
                                       uint32_t sentence, std::string text, Bound bound) {
  DocumentInput::Statement s;
  s.claim.subject = std::move(subject);
  s.claim.predicate = std::move(predicate);
  s.claim.object = std::move(object);
  s.claim.when = std::move(when);
  s.mention.sentence = sentence;
  s.mention.start = sentence * 100;
  s.mention.end = sentence * 100 + static_cast<uint32_t>(text.size());
  s.mention.text = std::move(text);
  s.mention.rule = "test.rule";
  s.mention.bound = bound;
  return s;
}

DocumentInput MakeDocument(std::string id, std::string lang, std::string content_hash) {
  DocumentInput input;
  input.document.id = std::move(id);
  input.document.lang = std::move(lang);
  input.document.content_hash = std::move(content_hash);
  input.document.title = "Test document";
  input.document.published = "2025-12-03";
  input.document.size = 1234;
  return input;
}

std::vector<Term> TestObjectPool(const std::vector<std::string>& entities) {
  std::vector<Term> pool;
  for (const auto& e : entities) pool.push_back(Term::Entity(e));
  for (const char* v : {"160000000000", "1.5", "-3", "0", "1600000000000"}) {
    pool.push_back(Term::Quantity(v, "CNY"));
    pool.push_back(Term::Quantity(v, "USD"));
  }
  pool.push_back(Term::Time("2024-05"));
  pool.push_back(Term::Text("uno", "it"));
  pool.push_back(Term::Text("uno", "es"));
  return pool;
}

std::vector<ClaimRecord> MatchAll(const Store& store, const Pattern& pattern) {
  std::vector<ClaimRecord> out;
  Status status = store.Match(pattern, [&](const ClaimRecord& r) {
    out.push_back(r);
    return true;
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
  return out;
}

void ExpectConsistent(const Store& store) {
  auto report = store.Check();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::string problems;
  for (const auto& p : report->problems) problems += p + "\n";
  EXPECT_TRUE(report->ok()) << problems;
  EXPECT_GT(report->entries_checked, 0u);
}

}  // namespace kg::testing
