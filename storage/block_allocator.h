// Memory for the block cache's blocks, on transparent huge pages.
#ifndef KG_STORAGE_BLOCK_ALLOCATOR_H_
#define KG_STORAGE_BLOCK_ALLOCATOR_H_

#include <memory>

#include <rocksdb/memory_allocator.h>

namespace kg::storage {

// A cold query decompresses thousands of blocks into fresh heap memory, a
// page fault per 4 KiB (cold Q1 on the 5M store: ~7,000 faults, most of the
// dictionary's blocks). This allocator hands out blocks from one reserved
// region advised for huge pages (a fault per 2 MiB) in size classes of
// 256 bytes, reusing freed chunks of a class; bigger requests and those
// past the region go to malloc.
std::shared_ptr<rocksdb::MemoryAllocator> NewHugePageBlockAllocator();

}  // namespace kg::storage

#endif  // KG_STORAGE_BLOCK_ALLOCATOR_H_
