// The bulk loader's term map: every key inserted is found with its id,
// whatever its size, across the table's growth.
#include <string>

#include <gtest/gtest.h>

#include "storage/bulk_terms.h"

namespace kg::storage {
namespace {

TEST(BulkTermMapTest, FindsEveryInsertedKeyAcrossGrowth) {
  BulkTermMap map;
  EXPECT_EQ(map.Find("absent"), nullptr);
  const std::string huge(3 << 20, 'x');  // larger than a key block
  map.Insert("", 7);
  map.Insert(huge, 8);
  for (uint64_t i = 0; i < 50000; ++i) map.Insert("term " + std::to_string(i), 100 + i);
  ASSERT_EQ(map.size(), 50002u);
  ASSERT_NE(map.Find(""), nullptr);
  EXPECT_EQ(*map.Find(""), 7u);
  ASSERT_NE(map.Find(huge), nullptr);
  EXPECT_EQ(*map.Find(huge), 8u);
  for (uint64_t i = 0; i < 50000; ++i) {
    const uint64_t* id = map.Find("term " + std::to_string(i));
    ASSERT_NE(id, nullptr) << i;
    EXPECT_EQ(*id, 100 + i);
  }
  EXPECT_EQ(map.Find("term 50000"), nullptr);
  size_t visited = 0;
  uint64_t id_sum = 0;
  map.ForEach([&](std::string_view, uint64_t id) {
    ++visited;
    id_sum += id;
  });
  EXPECT_EQ(visited, 50002u);
  EXPECT_EQ(id_sum, 7u + 8u + 50000u * 100u + 49999u * 50000u / 2u);
}

}  // namespace
}  // namespace kg::storage
