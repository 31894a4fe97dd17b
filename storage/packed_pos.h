// Packed posting lists in `pos` (format 2, docs/storage.md): an entry holds
// 1 to kPosEntryClaims claims of one (p, O). Its key is the format-1 pos key
// of its first claim, p(8) O s(8) w(8); its value the further claims, each
// varint((s - previous s) << 1 | dated) and then w(8) when dated.
//
// PackedPosIterator shows such a column family as one key per claim, the
// format-1 bytes with an empty value, so the walks, cursors and the checker
// above it do not know the difference.
#ifndef KG_STORAGE_PACKED_POS_H_
#define KG_STORAGE_PACKED_POS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rocksdb/iterator.h>
#include <rocksdb/status.h>

namespace kg::storage {

inline constexpr size_t kPosEntryClaims = 128;
// The document writer cuts an entry grown past kPosEntryClaims into entries
// of this many (the last up to kPosEntryClaims), so that the next adds to
// that place rewrite a half-full entry, not split again at once.
inline constexpr size_t kPosSplitClaims = 64;

// (s, w) of one claim in an entry.
using PosPair = std::pair<uint64_t, uint64_t>;

// The value of an entry whose claims are `pairs` (strictly increasing; the
// first one goes into the key).
void EncodePosEntryValue(const std::vector<PosPair>& pairs, std::string* value);
// The claims of the entry (key, value); false when it does not decode.
bool DecodePosEntry(std::string_view key, std::string_view value, std::vector<PosPair>* pairs);
// The same, appended to `pairs`.
bool AppendPosEntry(std::string_view key, std::string_view value, std::vector<PosPair>* pairs);

// The (p, O) of a format-1 pos key: all of it but s(8) w(8).
std::string_view PosPrefix(std::string_view key);
// The (s, w) of a format-1 pos key.
PosPair PosClaim(std::string_view key);

using PosEntryOut = std::function<rocksdb::Status(const std::string& key, const std::string& value)>;
// Writes `pairs` (sorted, of one prefix) as entries in key order: whole
// entries of kPosEntryClaims when they fit, else pieces of `piece` claims
// and a last one of up to kPosEntryClaims.
rocksdb::Status CutPosEntries(std::string_view prefix, const std::vector<PosPair>& pairs, size_t piece,
                              const PosEntryOut& put);

// Claims of `pos` a write batch adds (true) or removes (false), by their
// format-1 keys.
using PosChanges = std::map<std::string, bool>;
// Where RewritePosEntries writes: puts and deletes of whole entries.
struct PosEntryWrites {
  PosEntryOut put;
  std::function<void(const std::string& key)> remove;
};
// Rewrites the entries that `changes` touch, read through `entries` (a raw
// iterator over the packed `pos`, total order, that nothing changes
// meanwhile): each entry is read once with every change that falls in its
// place, so changes of one batch to one entry accumulate. An entry left
// empty is removed, one grown past kPosEntryClaims cut in kPosSplitClaims.
rocksdb::Status RewritePosEntries(rocksdb::Iterator* entries, const PosChanges& changes, const PosEntryWrites& out);

class PackedPosIterator final : public rocksdb::Iterator {
 public:
  explicit PackedPosIterator(std::unique_ptr<rocksdb::Iterator> entries);

  bool Valid() const override { return valid_; }
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const rocksdb::Slice& target) override;
  void SeekForPrev(const rocksdb::Slice& target) override;
  void Next() override;
  void Prev() override;
  rocksdb::Slice key() const override { return key_; }
  rocksdb::Slice value() const override { return rocksdb::Slice(); }
  rocksdb::Status status() const override { return status_.ok() ? entries_->status() : status_; }

 private:
  // Takes the entry under entries_ as the current one, on its first claim.
  void LoadEntry();
  // Moves to the entry's next claim; false at its end.
  bool NextInEntry();
  // NextInEntry without writing the claim into key_ (WriteClaim does).
  bool StepInEntry();
  void WriteClaim();
  // Moves inside the current entry to its first claim at or after `target`;
  // false when the entry has none.
  bool AdvanceInEntry(std::string_view target);
  // Whether the current entry can hold claims at or after `target`, given
  // that its first key is before it: it must be of the target's (p, O).
  bool EntryReaches(std::string_view target) const;
  // Whether `target` goes on past a whole (p, O).
  static bool NamesSubject(std::string_view target);
  void Damaged(const char* what);

  std::unique_ptr<rocksdb::Iterator> entries_;
  std::string key_;           // the current claim's format-1 key
  size_t subject_at_ = 0;     // where s(8) w(8) start in key_
  std::string_view rest_;     // the entry's claims after the current one
  uint64_t subject_ = 0;
  uint64_t when_ = 0;
  size_t claims_in_entry_ = 0;
  bool valid_ = false;
  rocksdb::Status status_;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_PACKED_POS_H_
