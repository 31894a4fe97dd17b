// The store's process-wide cache of dictionary entries by id.
#ifndef KG_STORAGE_TERM_CACHE_H_
#define KG_STORAGE_TERM_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace kg::storage {

// Keeps terms as their encoded dictionary values (DecodeTerm reads them),
// copied into large blocks, with an open-addressing index by id: adding a
// term allocates nothing of its own and dropping the cache frees a few
// blocks. A cold `kg query` of Q1 on the 5M store (51,896 rows) spent about
// a quarter of its time in the std::unordered_map<TermId, Term> this
// replaces: a node and up to three strings per term, rehashing as it grew,
// a copy per lookup and every node freed at exit.
//
// Not thread-safe: the store guards it with its own lock. Bounded: emptied
// when full, as a long-lived reader that decodes a whole large store must
// not keep every term (the block cache still has them).
class TermCache {
 public:
  explicit TermCache(size_t max_terms = size_t{1} << 18);

  // The encoded entry of `id`; empty when it is not cached (no entry is
  // empty). Valid until the next Put.
  std::string_view Find(uint64_t id) const;
  // Adds `id` (not 0, not cached yet) with its encoded entry.
  void Put(uint64_t id, std::string_view encoded);
  bool Contains(uint64_t id) const { return !Find(id).empty(); }
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t id = 0;  // 0: free (no term has id 0)
    const char* data = nullptr;
    size_t size = 0;
  };
  const Slot* FindSlot(uint64_t id) const;
  void Clear();
  void Grow();
  const char* Store(std::string_view encoded);

  size_t max_terms_;
  size_t size_ = 0;
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;  // bytes used in the last block
  size_t block_size_ = 0;  // bytes the last block holds
};

}  // namespace kg::storage

#endif  // KG_STORAGE_TERM_CACHE_H_
