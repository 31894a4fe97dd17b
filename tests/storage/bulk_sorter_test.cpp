// The bulk loader's external sort: records spilled to several runs come
// back in order, whole or as ranges that two threads read at once.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "storage/bulk_sorter.h"

namespace kg::storage {
namespace {

using Sorter = ExternalSorter<uint64_t, std::less<uint64_t>>;

// Random values with repeats, more than four buffers' worth (runs on disk).
std::vector<uint64_t> Values() {
  std::mt19937_64 random(6);
  std::vector<uint64_t> values(4 * 1024 + 777);
  for (uint64_t& value : values) value = random() % 3000;
  return values;
}

std::string RunPrefix(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("kg-sorter-test-") + name)).string();
}

// A sorter holding Values(), 1024 records a run (the smallest budget).
std::unique_ptr<Sorter> Filled(const char* name) {
  auto sorter = std::make_unique<Sorter>(RunPrefix(name), /*budget_bytes=*/1, std::less<uint64_t>());
  for (uint64_t value : Values()) EXPECT_TRUE(sorter->Add(value).ok());
  return sorter;
}

std::vector<uint64_t> SortedValues() {
  std::vector<uint64_t> values = Values();
  std::sort(values.begin(), values.end());
  return values;
}

std::vector<uint64_t> ReadAll(Sorter::Range& range) {
  std::vector<uint64_t> out;
  uint64_t value = 0;
  while (range.Next(&value)) out.push_back(value);
  EXPECT_TRUE(range.status().ok()) << range.status().message();
  return out;
}

TEST(ExternalSorterTest, NextYieldsEveryRecordInOrder) {
  auto sorter = Filled("whole");
  ASSERT_TRUE(sorter->Finish().ok());
  std::vector<uint64_t> read;
  uint64_t value = 0;
  while (sorter->Next(&value)) read.push_back(value);
  ASSERT_TRUE(sorter->status().ok());
  EXPECT_EQ(read, SortedValues());
}

TEST(ExternalSorterTest, HalvesAtTheMiddleReadOnTwoThreadsJoinToTheWhole) {
  auto sorter = Filled("halves");
  sorter->Seal();
  const std::optional<uint64_t> middle = sorter->Middle();
  ASSERT_TRUE(middle.has_value());
  auto lower = std::async(std::launch::async, [&] { return ReadAll(*sorter->Read(std::nullopt, middle)); });
  std::vector<uint64_t> upper = ReadAll(*sorter->Read(middle, std::nullopt));
  std::vector<uint64_t> joined = lower.get();
  ASSERT_FALSE(joined.empty());
  ASSERT_FALSE(upper.empty());
  EXPECT_LT(joined.back(), *middle);
  EXPECT_EQ(upper.front(), *middle);
  joined.insert(joined.end(), upper.begin(), upper.end());
  EXPECT_EQ(joined, SortedValues());
}

// Records that come in ascending order: every spilled run holds lower keys
// than the buffer, whose own middle would leave nearly all records below it.
TEST(ExternalSorterTest, MiddleHalvesRecordsThatCameInOrder) {
  Sorter sorter(RunPrefix("ascending"), /*budget_bytes=*/1, std::less<uint64_t>());
  constexpr uint64_t kCount = 5 * 1024 + 300;
  for (uint64_t value = 0; value < kCount; ++value) ASSERT_TRUE(sorter.Add(value).ok());
  sorter.Seal();
  const std::optional<uint64_t> middle = sorter.Middle();
  ASSERT_TRUE(middle.has_value());
  EXPECT_GT(*middle, kCount * 45 / 100);
  EXPECT_LT(*middle, kCount * 55 / 100);
  EXPECT_EQ(ReadAll(*sorter.Read(std::nullopt, middle)).size(), *middle);
}

TEST(ExternalSorterTest, MiddleOfOnlySpilledRecordsSplitsThem) {
  Sorter sorter(RunPrefix("spilled"), /*budget_bytes=*/1, std::less<uint64_t>());
  for (uint64_t value = 2048; value-- > 0;) ASSERT_TRUE(sorter.Add(value).ok());  // two full runs, empty buffer
  sorter.Seal();
  const std::optional<uint64_t> middle = sorter.Middle();
  ASSERT_TRUE(middle.has_value());
  EXPECT_GT(*middle, 900u);
  EXPECT_LT(*middle, 1150u);
}

TEST(ExternalSorterTest, NoMiddleWithoutRecords) {
  Sorter sorter(RunPrefix("empty"), /*budget_bytes=*/1, std::less<uint64_t>());
  sorter.Seal();
  EXPECT_FALSE(sorter.Middle().has_value());
}

TEST(ExternalSorterTest, RangeStartsAndEndsInsideTheRuns) {
  auto sorter = Filled("range");
  sorter->Seal();
  const std::vector<uint64_t> all = SortedValues();
  std::vector<uint64_t> expected;
  std::copy_if(all.begin(), all.end(), std::back_inserter(expected),
               [](uint64_t value) { return value >= 1000 && value < 1200; });
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(ReadAll(*sorter->Read(uint64_t{1000}, uint64_t{1200})), expected);
  EXPECT_TRUE(ReadAll(*sorter->Read(uint64_t{5000}, std::nullopt)).empty());
}

}  // namespace
}  // namespace kg::storage
