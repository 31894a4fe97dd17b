// Runs every tests/query/specs/*.kgql: small_* over the small store built
// through the Store API, seed_* over the seed corpus ingested by `kg ingest`.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "kg/query.h"
#include "seed_store.h"
#include "small_store.h"
#include "spec_file.h"
#include "test_util.h"

namespace kg::testing {
namespace {

void RunCases(const Store& store, const std::string& path) {
  auto cases = ReadSpecFile(path);
  ASSERT_FALSE(cases.empty()) << path;
  for (const auto& c : cases) {
    SCOPED_TRACE(path + ":" + std::to_string(c.line) + "\n" + c.query);
    auto result = RunQuery(store, c.query, QueryOptions{});
    if (c.expect_error) {
      ASSERT_FALSE(result.ok()) << "expected an error";
      for (const auto& fragment : c.expected) EXPECT_NE(result.status().message().find(fragment), std::string::npos)
          << "error lacks '" << fragment << "':\n" << result.status().message();
      continue;
    }
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_TRUE(result->stopped_by.empty());
    auto rows = RenderRows(*result);
    auto expected = c.expected;
    if (c.rowsort) {
      std::sort(rows.begin(), rows.end());
      std::sort(expected.begin(), expected.end());
    }
    EXPECT_EQ(rows, expected);
  }
}

std::vector<std::string> SpecFiles(const std::string& prefix) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(KG_SOURCE_DIR "/tests/query/specs")) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".kgql") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(QuerySpecTest, SmallStore) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  FillSmallStore(*store);
  auto files = SpecFiles("small_");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) RunCases(*store, file);
}

TEST(QuerySpecTest, SeedStore) {
  TempDir dir;
  auto store = IngestSeedCorpus(dir.path());
  ASSERT_NE(store, nullptr);
  auto files = SpecFiles("seed_");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) RunCases(*store, file);

  // SOURCES lists sentences of the corpus, which the spec files may not
  // quote: checked here by shape.
  auto sources = RunQuery(*store, "SOURCES OF ByteDance plans_capex CNY 160bn @2026", QueryOptions{});
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  ASSERT_EQ(sources->columns, (std::vector<std::string>{"doc", "lang", "sentence", "span", "attributed_to", "text"}));
  std::set<std::string> docs, langs, attributions;
  for (const auto& row : sources->rows) {
    docs.insert(row[0].text);
    langs.insert(row[1].text);
    attributions.insert(row[4].text);
    EXPECT_GT(row[5].text.size(), 20u);
    EXPECT_NE(row[3].text.find('-'), std::string::npos);
  }
  EXPECT_EQ(docs.size(), 5u);
  EXPECT_EQ(langs, (std::set<std::string>{"en", "hi", "it"}));
  EXPECT_TRUE(attributions.count("Financial Times"));
}

}  // namespace
}  // namespace kg::testing
