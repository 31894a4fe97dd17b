// What the document writer knows to be stored: dictionary terms and alias
// entries. Neither is ever deleted or given another id, so an entry seen once
// stays true, and a document whose terms and aliases are all known needs no
// read for them (each would be a memtable or table look-up per document).
// Only the writer uses it, under the store's write mutex.
#ifndef KG_STORAGE_WRITE_CACHE_H_
#define KG_STORAGE_WRITE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kg::storage {

class WriteCache {
 public:
  // The id of the term whose TermValueKey is `value_key`, 0 when unknown.
  uint64_t TermId(std::string_view value_key) const {
    auto it = terms_.find(value_key);
    return it == terms_.end() ? 0 : it->second;
  }
  // Whether the alias entry `key` is known to hold `written`.
  bool HasAlias(std::string_view key, std::string_view written) const {
    auto it = aliases_.find(key);
    return it != aliases_.end() && it->second == written;
  }

  // Call only for what is committed (or was read from the store).
  void AddTerm(std::string value_key, uint64_t id) { Bounded(&terms_).insert_or_assign(std::move(value_key), id); }
  void AddAlias(std::string key, std::string written) {
    Bounded(&aliases_).insert_or_assign(std::move(key), std::move(written));
  }

 private:
  // A cache, not a copy of the dictionary: emptied when it grows too large.
  static constexpr size_t kMaxEntries = size_t{1} << 20;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  template <typename V>
  static Map<V>& Bounded(Map<V>* map) {
    if (map->size() >= kMaxEntries) map->clear();
    return *map;
  }

  Map<uint64_t> terms_;
  Map<std::string> aliases_;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_WRITE_CACHE_H_
