// The store's cache of dictionary entries: what goes in comes back byte for
// byte through growth and large entries, and a full cache starts over.
#include <string>

#include <gtest/gtest.h>

#include "storage/term_cache.h"

namespace kg::storage {
namespace {

std::string EntryOf(uint64_t id) { return "entry " + std::to_string(id * 7919) + std::string(id % 40, 'x'); }

TEST(TermCacheTest, GivesBackEveryEntryAfterGrowing) {
  TermCache cache;
  // Ids of two kinds (top byte), consecutive within each, as the dictionary hands them out.
  std::vector<uint64_t> ids;
  for (uint64_t n = 1; n <= 5000; ++n) ids.push_back((uint64_t{1} << 56) | n);
  for (uint64_t n = 1; n <= 5000; n += 3) ids.push_back((uint64_t{5} << 56) | n);
  for (uint64_t id : ids) cache.Put(id, EntryOf(id));
  EXPECT_EQ(cache.size(), ids.size());
  for (uint64_t id : ids) EXPECT_EQ(cache.Find(id), EntryOf(id)) << id;
  EXPECT_TRUE(cache.Find((uint64_t{5} << 56) | 2).empty());
  EXPECT_FALSE(cache.Contains((uint64_t{2} << 56) | 1));
}

TEST(TermCacheTest, KeepsEntriesLargerThanItsBlocks) {
  TermCache cache;
  const std::string small = "s";
  const std::string large(3 << 20, 'L');
  cache.Put(1, small);
  cache.Put(2, large);
  cache.Put(3, small + small);
  EXPECT_EQ(cache.Find(1), small);
  EXPECT_EQ(cache.Find(2), large);
  EXPECT_EQ(cache.Find(3), "ss");
}

TEST(TermCacheTest, StartsOverWhenFull) {
  TermCache cache(/*max_terms=*/100);
  for (uint64_t id = 1; id <= 100; ++id) cache.Put(id, EntryOf(id));
  for (uint64_t id = 1; id <= 100; ++id) ASSERT_TRUE(cache.Contains(id)) << id;
  cache.Put(101, EntryOf(101));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.Find(101), EntryOf(101));
  EXPECT_FALSE(cache.Contains(1));
  EXPECT_FALSE(cache.Contains(100));
}

}  // namespace
}  // namespace kg::storage
