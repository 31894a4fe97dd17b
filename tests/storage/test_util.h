// Helpers shared by the storage tests: temporary directories and small
// documents written for the tests (never text from the corpus).
#ifndef KG_TESTS_STORAGE_TEST_UTIL_H_
#define KG_TESTS_STORAGE_TEST_UTIL_H_

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "kg/store.h"

namespace kg::testing {

// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::unique_ptr<Store> OpenStore(const std::string& dir, bool read_only = false);

DocumentInput::Statement MakeStatement(Term subject, std::string predicate, Term object, std::string when,
                                       uint32_t sentence, std::string text, Bound bound = Bound::kExact);
DocumentInput MakeDocument(std::string id, std::string lang, std::string content_hash);

// Objects of every kind for random statements: entities, quantities in two
// units, a time, texts in two languages.
std::vector<Term> TestObjectPool(const std::vector<std::string>& entities);

// Every claim matching `pattern`, as visited.
std::vector<ClaimRecord> MatchAll(const Store& store, const Pattern& pattern);

// Asserts that Check finds nothing wrong, listing the problems if it does.
void ExpectConsistent(const Store& store);

}  // namespace kg::testing

#endif  // KG_TESTS_STORAGE_TEST_UTIL_H_
