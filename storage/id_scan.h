// Claim lookups on ids, for the query executor: no term is decoded and no
// mention read until a result needs it. A pattern here is made of term ids
// and object components (encoding.h), and a match is the claim's key parts.
//
// One IdScanner per query run holds the snapshot all its reads see. Each
// ClaimCursor keeps its own RocksDB iterators and re-seeks them from lookup
// to lookup, so a nested-loop join opens no iterator per outer row; lookups
// of one cursor must not nest (give every join level its own cursor).
#ifndef KG_STORAGE_ID_SCAN_H_
#define KG_STORAGE_ID_SCAN_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/perf_level.h>

#include "storage/encoding.h"
#include "storage/packed_pos.h"
#include "storage/rocks_store.h"

namespace kg::storage {

// Unbound positions are nullopt. `object` is an object component: an 8-byte
// id, or a quantity's value key.
struct IdPattern {
  std::optional<TermId> subject;
  std::optional<TermId> predicate;
  std::optional<std::string> object;
  std::optional<TermId> when;  // kNoTime: claims without a time
  // With subject, predicate and object bound: successive lookups change
  // the subject only (a join variable under constants), so the pos
  // ordering keeps them near each other and the cursor moves forward from
  // one to the next (a peek, or a seek inside its data block:
  // ClaimCursor::Seek).
  bool subject_varies = false;
  // With the subject bound and the predicate not: the lookup starts at
  // this predicate (a subject's claims come in predicate order), for a
  // caller that wants only a range of its predicates.
  std::optional<TermId> first_predicate;
};

// The ordering that serves a pattern and the key prefix to scan in it:
// every pattern with a bound position is a prefix scan; the positions the
// prefix leaves out are checked on each key (docs/storage.md).
struct IndexAccess {
  Cf index = kSpo;
  std::string prefix;
};
IndexAccess ChooseAccess(const IdPattern& pattern);
// The same into `access`, reusing its prefix's buffer.
void ChooseAccess(const IdPattern& pattern, IndexAccess* access);
bool ParseIndexKey(Cf index, std::string_view key, ClaimKeyParts* parts);
bool MatchesPattern(const IdPattern& pattern, const ClaimKeyParts& parts);

class IdScanner;

// Walks the matches of one pattern at a time, in index order:
//   for (cursor.Seek(pattern); cursor.Valid(); cursor.Next()) use(cursor.parts());
//   if (!cursor.status().ok()) ...
class ClaimCursor {
 public:
  explicit ClaimCursor(const IdScanner& scanner);
  ~ClaimCursor();
  ClaimCursor(const ClaimCursor&) = delete;
  ClaimCursor& operator=(const ClaimCursor&) = delete;

  // Positions the cursor on the first match of `pattern` at or after the
  // index key `from` and stops before the key `to` (empty: no bound): a
  // morsel of the pattern's matches (IdScanner::SplitKeys).
  void Seek(const IdPattern& pattern, std::string_view from, std::string_view to);
  // Positions the cursor on the first match of `pattern`. When the
  // pattern's first key is the cursor's next key in the same ordering
  // (lookups in ascending order), it steps there instead of seeking;
  // whether it looks first follows how often the last looks found it.
  void Seek(const IdPattern& pattern);
  // On a match; false at the end and after an error.
  bool Valid() const { return valid_; }
  const ClaimKeyParts& parts() const { return parts_; }
  void Next();
  Status status() const { return status_; }

  // Matches, counted up to `cap` (then `cap`): a cheap estimate that is
  // exact for small answers.
  Result<uint64_t> CountUpTo(const IdPattern& pattern, uint64_t cap);

 private:
  rocksdb::Iterator* IteratorFor(Cf index);
  // Moves `it_` to the first key at or after `target`; `rested_here`: it
  // rests where the last lookup in this index left it (rested_prefix_).
  void MoveTo(std::string_view target, bool rested_here);
  // Moves forward to the first key at or after the iterator that matches.
  void Settle();

  const IdScanner& scanner_;
  std::unique_ptr<rocksdb::Iterator> iterators_[kCfCount];
  rocksdb::Iterator* it_ = nullptr;
  IdPattern pattern_;
  Cf index_ = kSpo;
  std::string prefix_;
  std::string target_;  // where a lookup starting past its prefix's start seeks
  std::string end_;     // the key a morsel's lookup stops before; empty: none
  ClaimKeyParts parts_;
  // Set when the iterator of rested_index_ stands on the first key after
  // all keys starting with rested_prefix_ (a lookup ran to its end).
  bool rested_ = false;
  Cf rested_index_ = kSpo;
  std::string rested_prefix_;
  bool valid_ = false;
  Status status_;
  uint8_t peeks_short_ = 0;  // the last eight peeks of MoveTo, a bit set where one fell short
  uint8_t far_lookups_ = 0;  // lookups made while all eight fell short
};

// RocksDB counts every iterator step in per-thread perf counters unless
// told not to: a thread-local lookup or two per step of every warm
// query (2-4% of its instructions); nothing here reads them. Off while
// it lives, in its thread.
class PerfCountersOff {
 public:
  PerfCountersOff();
  ~PerfCountersOff();
  PerfCountersOff(const PerfCountersOff&) = delete;
  PerfCountersOff& operator=(const PerfCountersOff&) = delete;

 private:
  rocksdb::PerfLevel previous_;
};

class IdScanner {
 public:
  explicit IdScanner(const RocksStore& store);
  // Reads the snapshot of `other`, which must outlive it: the helpers of
  // one query see what the query sees.
  IdScanner(const IdScanner& other, const RocksStore& store);

  const RocksStore& store() const { return store_; }
  const rocksdb::Snapshot* snapshot() const { return snapshot_; }

  // The id of a term (a time's id is its value), 0 when the store has never
  // seen it; InvalidArgument when the term is not valid.
  Result<TermId> IdOf(const Term& term) const;
  // The object component of a term, "" when the store has never seen it.
  Result<std::string> ObjectKeyOf(const Term& term) const;
  // The term of an object component (ids through the store's cache).
  Result<Term> TermOfObject(std::string_view object_key) const;
  // The (subject, time) of every claim of `predicate` and `object` (an
  // object component), in key order, appended to `claims`: a whole pos
  // prefix read in one pass, for a join that searches it for many subjects
  // (a packed entry is decoded at once, not claim by claim through an
  // iterator).
  Status ReadPosClaims(TermId predicate, std::string_view object, std::vector<PosPair>* claims) const;
  // Whether the claim exists (a point read).
  Result<bool> Contains(const ClaimKeyParts& claim) const;
  // About how many index keys the pattern's prefix covers, from the bytes
  // the table files give that key range (RocksDB's approximate sizes, read
  // from the index blocks) over the ordering's bytes per key: an estimate
  // without reading the keys, 0 for a range inside one data block.
  Result<double> ApproximateMatches(const IdPattern& pattern) const;
  // Keys of the pattern's index that cut its key range into up to `parts`
  // runs of about equal size (by the index's approximate sizes), ascending,
  // neither the range's first nor past its last key; none when the range
  // is too small to tell, or when it is a packed (p, O) run counted
  // exactly with fewer than `min_matches` claims.
  Result<std::vector<std::string>> SplitKeys(const IdPattern& pattern, size_t parts, size_t min_matches = 0) const;

 private:
  PerfCountersOff perf_counters_off_;
  const RocksStore& store_;
  std::optional<SnapshotHolder> own_snapshot_;
  const rocksdb::Snapshot* snapshot_ = nullptr;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_ID_SCAN_H_
