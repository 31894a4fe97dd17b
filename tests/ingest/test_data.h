// Shared by the ingest tests: the rule data of this source tree and small
// file helpers.
#ifndef KG_TESTS_INGEST_TEST_DATA_H_
#define KG_TESTS_INGEST_TEST_DATA_H_

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/rule_data.h"
#include "ingest/rule_extractor.h"
#include "kg/model.h"

namespace kg::ingest::testing {

inline const std::string kRulesDir = KG_SOURCE_DIR "/ingest/data";
inline const std::string kCorpusDir = KG_SHARED_DIR "/corpus";

// Loaded once; the tests fail loudly if the data does not load.
const RuleData& Data();

// A claim as the rule files' example lines write it: "Orbis plans_capex EUR 12bn @2027".
std::string ClaimLine(const Claim& claim);

std::string ReadAll(const std::string& path);
void WriteAll(const std::string& path, const std::string& content);
// A fresh empty directory under the test temp dir.
std::string TempDir(const std::string& name);

// Runs a shell command; returns its exit status and fills stdout/stderr.
int RunCommand(const std::string& command, std::string* out, std::string* err);

// A test with this source tree's rules loaded: extracts one document at a time.
class RulesLoadedTest : public ::testing::Test {
 protected:
  void SetUp() override;
  // `text` as the document "doc" in `lang` ("": detected), published `published`.
  DocumentInput Extract(const std::string& text, const std::string& lang = "",
                        const std::string& published = "2025-12");

  std::unique_ptr<RuleExtractor> extractor_;
};

}  // namespace kg::ingest::testing

#endif  // KG_TESTS_INGEST_TEST_DATA_H_
