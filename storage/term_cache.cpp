#include "storage/term_cache.h"

#include <algorithm>
#include <cstring>

namespace kg::storage {

namespace {

constexpr size_t kFirstSlots = 1024;
constexpr size_t kBlockBytes = size_t{1} << 20;

size_t SlotOf(uint64_t id, size_t capacity) {
  // Fibonacci hashing: ids of one kind are consecutive numbers.
  return static_cast<size_t>((id * 0x9E3779B97F4A7C15ULL) >> 32) & (capacity - 1);
}

}  // namespace

TermCache::TermCache(size_t max_terms) : max_terms_(max_terms) {}

const TermCache::Slot* TermCache::FindSlot(uint64_t id) const {
  if (slots_.empty()) return nullptr;
  for (size_t i = SlotOf(id, slots_.size());; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (slot.id == id) return &slot;
    if (slot.id == 0) return nullptr;
  }
}

std::string_view TermCache::Find(uint64_t id) const {
  const Slot* slot = FindSlot(id);
  return slot == nullptr ? std::string_view() : std::string_view(slot->data, slot->size);
}

void TermCache::Put(uint64_t id, std::string_view encoded) {
  if (size_ >= max_terms_) Clear();
  if (2 * (size_ + 1) > slots_.size()) Grow();
  size_t i = SlotOf(id, slots_.size());
  while (slots_[i].id != 0) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = Slot{id, Store(encoded), encoded.size()};
  ++size_;
}

void TermCache::Clear() {
  slots_.clear();
  blocks_.clear();
  block_used_ = block_size_ = 0;
  size_ = 0;
}

void TermCache::Grow() {
  std::vector<Slot> old(std::max(kFirstSlots, 2 * slots_.size()));
  old.swap(slots_);
  for (const Slot& slot : old) {
    if (slot.id == 0) continue;
    size_t i = SlotOf(slot.id, slots_.size());
    while (slots_[i].id != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }
}

const char* TermCache::Store(std::string_view encoded) {
  if (block_used_ + encoded.size() > block_size_) {
    block_size_ = std::max(kBlockBytes, encoded.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size_));
    block_used_ = 0;
  }
  char* at = blocks_.back().get() + block_used_;
  std::memcpy(at, encoded.data(), encoded.size());
  block_used_ += encoded.size();
  return at;
}

}  // namespace kg::storage
