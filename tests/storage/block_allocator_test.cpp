// The block cache's allocator: every chunk is usable for its whole size,
// aligned, and distinct from every other live chunk; freed chunks come back
// for their size class; sizes past the classes still work.
#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "storage/block_allocator.h"

namespace kg::storage {
namespace {

TEST(BlockAllocatorTest, ChunksAreAlignedWritableAndDisjoint) {
  auto allocator = NewHugePageBlockAllocator();
  std::vector<std::pair<char*, size_t>> chunks;
  for (size_t size : {1u, 100u, 4096u, 4101u, 16389u, 65000u, 70000u, 3u << 20}) {
    for (int copy = 0; copy < 3; ++copy) {
      auto* chunk = static_cast<char*>(allocator->Allocate(size));
      ASSERT_NE(chunk, nullptr);
      EXPECT_EQ(reinterpret_cast<uintptr_t>(chunk) % 16, 0u) << size;
      std::memset(chunk, static_cast<int>(chunks.size() & 0x7F), size);
      chunks.emplace_back(chunk, size);
    }
  }
  for (size_t i = 0; i < chunks.size(); ++i) {
    const auto [chunk, size] = chunks[i];
    for (size_t at : {size_t{0}, size / 2, size - 1}) ASSERT_EQ(chunk[at], static_cast<char>(i & 0x7F)) << i;
    for (size_t j = i + 1; j < chunks.size(); ++j) {
      const bool apart = chunks[j].first >= chunk + size || chunks[j].first + chunks[j].second <= chunk;
      EXPECT_TRUE(apart) << i << " and " << j << " overlap";
    }
  }
  for (const auto& [chunk, size] : chunks) allocator->Deallocate(chunk);
}

TEST(BlockAllocatorTest, ReusesAFreedChunkOfTheSameSize) {
  auto allocator = NewHugePageBlockAllocator();
  void* first = allocator->Allocate(16389);
  allocator->Deallocate(first);
  void* again = allocator->Allocate(16389);
  EXPECT_EQ(again, first);
  void* other = allocator->Allocate(16389);
  EXPECT_NE(other, first);
  allocator->Deallocate(again);
  allocator->Deallocate(other);
  allocator->Deallocate(nullptr);
}

}  // namespace
}  // namespace kg::storage
