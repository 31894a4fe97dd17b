// The bulk loader's map of a load's terms, value key -> id: an open-
// addressing table (one probe in most lookups, no node per entry) whose keys
// live in large blocks. A std::unordered_map<std::string, TermId> cost a
// cache miss per node and a heap block per key, and its lookups were the
// largest single cost of adding a statement.
#ifndef KG_STORAGE_BULK_TERMS_H_
#define KG_STORAGE_BULK_TERMS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace kg::storage {

class BulkTermMap {
 public:
  // The hash the map uses for `key`; callers may compute it ahead (on
  // another thread) and pass it along.
  static size_t Hash(std::string_view key) { return std::hash<std::string_view>()(key); }

  // The id stored for `key`, or nullptr.
  const uint64_t* Find(std::string_view key) const { return Find(key, Hash(key)); }
  const uint64_t* Find(std::string_view key, size_t hash) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[Probe(key, hash)];
    return slot.key.data() != nullptr ? &slot.id : nullptr;
  }

  // Starts loading the slot of `hash` into the cache: the lookups are
  // random accesses to a large table, most of them a cache miss.
  void Prefetch(size_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }

  // Adds `key`, which the map does not hold yet.
  void Insert(std::string_view key, uint64_t id) { Insert(key, id, Hash(key)); }
  void Insert(std::string_view key, uint64_t id, size_t hash) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& slot = slots_[Probe(key, hash)];
    slot = Slot{hash, Keep(key), id};
    ++size_;
  }

  size_t size() const { return size_; }

  // Calls visit(key, id) for every entry, in no particular order.
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (const Slot& slot : slots_) {
      if (slot.key.data() != nullptr) visit(slot.key, slot.id);
    }
  }

 private:
  struct Slot {
    size_t hash = 0;
    std::string_view key;  // null data: empty slot
    uint64_t id = 0;
  };
  static constexpr size_t kBlockBytes = 1 << 20;

  // The slot holding `key`, or the empty one where it belongs.
  size_t Probe(std::string_view key, size_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.key.data() == nullptr || (slot.hash == hash && slot.key == key)) return i;
    }
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.key.data() == nullptr) continue;
      size_t i = slot.hash & mask;
      while (slots_[i].key.data() != nullptr) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  // A copy of `key` in the blocks; keys never move once copied.
  std::string_view Keep(std::string_view key) {
    if (blocks_.empty() || key.size() > block_size_ - block_used_) {
      block_size_ = std::max(kBlockBytes, key.size() + 1);  // +1: an empty key has an address too
      blocks_.push_back(std::make_unique<char[]>(block_size_));
      block_used_ = 0;
    }
    char* at = blocks_.back().get() + block_used_;
    if (!key.empty()) std::memcpy(at, key.data(), key.size());
    block_used_ += key.size();
    return std::string_view(at, key.size());
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_size_ = 0;
  size_t block_used_ = 0;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_BULK_TERMS_H_
