#include "storage/block_allocator.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace kg::storage {

namespace {

constexpr size_t kRegionBytes = size_t{256} << 20;  // address space only, reserved once
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kClassBytes = 256;
constexpr size_t kMaxClassed = size_t{64} << 10;
constexpr size_t kHeader = 16;  // keeps the caller's pointer 16-byte aligned
constexpr uint64_t kFromMalloc = ~uint64_t{0};

class HugePageBlockAllocator : public rocksdb::MemoryAllocator {
 public:
  HugePageBlockAllocator() : free_(kMaxClassed / kClassBytes + 1) {
    void* region = mmap(nullptr, kRegionBytes + kHugePage, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (region == MAP_FAILED) return;
    auto start = (reinterpret_cast<uintptr_t>(region) + kHugePage - 1) & ~(kHugePage - 1);
    next_ = reinterpret_cast<char*>(start);
    end_ = next_ + kRegionBytes;
    madvise(next_, kRegionBytes, MADV_HUGEPAGE);  // advice: without it, plain pages
  }

  // The region stays mapped until the process ends: a block freed after
  // the cache that owns this allocator must still be writable.
  const char* Name() const override { return "KgHugePageBlockAllocator"; }

  void* Allocate(size_t size) override {
    const size_t klass = (size + kHeader + kClassBytes - 1) / kClassBytes;
    char* chunk = nullptr;
    if (size + kHeader <= kMaxClassed) chunk = Take(klass);
    uint64_t tag = klass;
    if (chunk == nullptr) {
      chunk = static_cast<char*>(std::malloc(size + kHeader));
      if (chunk == nullptr) return nullptr;
      tag = kFromMalloc;
    }
    *reinterpret_cast<uint64_t*>(chunk) = tag;
    return chunk + kHeader;
  }

  void Deallocate(void* p) override {
    if (p == nullptr) return;
    char* chunk = static_cast<char*>(p) - kHeader;
    const uint64_t tag = *reinterpret_cast<uint64_t*>(chunk);
    if (tag == kFromMalloc) {
      std::free(chunk);
      return;
    }
    std::lock_guard lock(mutex_);
    free_[tag].push_back(chunk);
  }

 private:
  char* Take(size_t klass) {
    std::lock_guard lock(mutex_);
    std::vector<char*>& reusable = free_[klass];
    if (!reusable.empty()) {
      char* chunk = reusable.back();
      reusable.pop_back();
      return chunk;
    }
    const size_t bytes = klass * kClassBytes;
    if (next_ == nullptr || static_cast<size_t>(end_ - next_) < bytes) return nullptr;
    char* chunk = next_;
    next_ += bytes;
    return chunk;
  }

  std::mutex mutex_;
  std::vector<std::vector<char*>> free_;  // by class
  char* next_ = nullptr;  // the region's unused part
  char* end_ = nullptr;
};

}  // namespace

std::shared_ptr<rocksdb::MemoryAllocator> NewHugePageBlockAllocator() {
  return std::make_shared<HugePageBlockAllocator>();
}

}  // namespace kg::storage
