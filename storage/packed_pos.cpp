#include "storage/packed_pos.h"

#include <algorithm>
#include <iterator>

#include "storage/encoding.h"

namespace kg::storage {

namespace {

constexpr size_t kClaimBytes = 16;  // s(8) w(8) at the end of a pos key
// p(8), an object (a quantity's key can be shorter than an id's 8 bytes, not
// than its kind byte), s and w.
constexpr size_t kShortestKey = 8 + 1 + kClaimBytes;

// GetVarint with its one-byte case inline: the step from one claim's
// subject to the next mostly fits in a byte, and an entry's claims are
// decoded one step at a time.
bool GetStep(std::string_view* value, uint64_t* step) {
  if (!value->empty() && static_cast<uint8_t>(value->front()) < 0x80) {
    *step = static_cast<uint8_t>(value->front());
    value->remove_prefix(1);
    return true;
  }
  return GetVarint(value, step);
}

std::string PosEntryKey(std::string_view prefix, const PosPair& first) {
  std::string key(prefix);
  PutBig64(&key, first.first);
  PutBig64(&key, first.second);
  return key;
}

}  // namespace

std::string_view PosPrefix(std::string_view key) {
  return key.substr(0, key.size() < kClaimBytes ? 0 : key.size() - kClaimBytes);
}

PosPair PosClaim(std::string_view key) {
  const std::string_view claim = key.substr(PosPrefix(key).size());
  return {GetBig64(claim), GetBig64(claim.substr(8))};
}

bool DecodePosEntry(std::string_view key, std::string_view value, std::vector<PosPair>* pairs) {
  pairs->clear();
  return AppendPosEntry(key, value, pairs);
}

bool AppendPosEntry(std::string_view key, std::string_view value, std::vector<PosPair>* pairs) {
  if (key.size() < kShortestKey) return false;
  // Each further claim takes a byte of the value at least: room for all of
  // them at once (a whole run of entries appends here), grown geometrically.
  const size_t most = pairs->size() + std::min(value.size() + 1, kPosEntryClaims);
  if (pairs->capacity() < most) pairs->reserve(std::max(most, 2 * pairs->capacity()));
  PosPair last = PosClaim(key);
  pairs->push_back(last);
  for (size_t claims = 1; !value.empty(); ++claims) {
    uint64_t step = 0;
    if (!GetStep(&value, &step) || claims == kPosEntryClaims) return false;
    PosPair next{last.first + (step >> 1), 0};
    if ((step & 1) != 0) {
      if (value.size() < 8) return false;
      next.second = GetBig64(value);
      value.remove_prefix(8);
    }
    if (next <= last) return false;
    pairs->push_back(next);
    last = next;
  }
  return true;
}

rocksdb::Status CutPosEntries(std::string_view prefix, const std::vector<PosPair>& pairs, size_t piece,
                              const PosEntryOut& put) {
  std::string value;
  std::vector<PosPair> entry;
  for (size_t at = 0; at < pairs.size();) {
    const size_t left = pairs.size() - at;
    const size_t take = left <= kPosEntryClaims ? left : piece;
    entry.assign(pairs.begin() + static_cast<ptrdiff_t>(at), pairs.begin() + static_cast<ptrdiff_t>(at + take));
    EncodePosEntryValue(entry, &value);
    rocksdb::Status status = put(PosEntryKey(prefix, entry.front()), value);
    if (!status.ok()) return status;
    at += take;
  }
  return rocksdb::Status::OK();
}

namespace {

// Applies a change to the sorted claims of an entry. A claim added twice or
// removed when absent leaves them as they are, as a plain key's Put and
// Delete would.
void ApplyPosChange(const PosPair& claim, bool added, std::vector<PosPair>* pairs) {
  auto at = std::lower_bound(pairs->begin(), pairs->end(), claim);
  const bool present = at != pairs->end() && *at == claim;
  if (added && !present) pairs->insert(at, claim);
  if (!added && present) pairs->erase(at);
}

bool OfPrefix(const rocksdb::Iterator& entries, std::string_view prefix) {
  if (!entries.Valid()) return false;
  return PosPrefix(entries.key().ToStringView()) == prefix;
}

// The entry that holds `key`'s place: the last one of its prefix starting
// at or before it, else the prefix's first one (which a claim before it
// joins), else none (the prefix is new). Gives its key and claims (empty:
// none) and, when `want_next`, the key of the prefix's next entry (empty:
// none; the step to it costs about a third of the seek).
struct PosEntryPlace {
  std::string key;
  std::vector<PosPair> claims;
  std::string next;
};

rocksdb::Status FindPosEntry(rocksdb::Iterator* entries, const std::string& key, std::string_view prefix,
                             bool want_next, PosEntryPlace* place) {
  place->key.clear();
  place->claims.clear();
  place->next.clear();
  entries->SeekForPrev(key);
  if (!OfPrefix(*entries, prefix)) entries->Seek(key);
  if (!entries->status().ok() || !OfPrefix(*entries, prefix)) return entries->status();
  place->key = entries->key().ToString();
  if (!DecodePosEntry(place->key, entries->value().ToStringView(), &place->claims)) {
    return rocksdb::Status::Corruption("pos: damaged packed entry", place->key);
  }
  if (!want_next) return rocksdb::Status::OK();
  entries->Next();
  if (OfPrefix(*entries, prefix)) place->next = entries->key().ToString();
  return entries->status();
}

}  // namespace

rocksdb::Status RewritePosEntries(rocksdb::Iterator* entries, const PosChanges& changes, const PosEntryWrites& out) {
  PosEntryPlace place;
  for (auto change = changes.begin(); change != changes.end();) {
    const std::string prefix(PosPrefix(change->first));
    // Only a further change of the prefix needs to know where the entry ends.
    const auto following = std::next(change);
    const bool more_in_prefix = following != changes.end() && PosPrefix(following->first) == prefix;
    rocksdb::Status status = FindPosEntry(entries, change->first, prefix, more_in_prefix, &place);
    if (!status.ok()) return status;
    std::vector<PosPair>& claims = place.claims;
    for (; change != changes.end() && PosPrefix(change->first) == prefix && (place.next.empty() || change->first < place.next);
         ++change) {
      ApplyPosChange(PosClaim(change->first), change->second, &claims);
    }
    // An entry whose first claim stays is only put again: a delete before
    // the put would leave one more hidden version in the memtable, which the
    // next batch's SeekForPrev steps back over.
    const bool first_stays = !claims.empty() && !place.key.empty() && claims.front() == PosClaim(place.key);
    if (!place.key.empty() && !first_stays) out.remove(place.key);
    status = CutPosEntries(prefix, claims, kPosSplitClaims, out.put);
    if (!status.ok()) return status;
  }
  return rocksdb::Status::OK();
}

void EncodePosEntryValue(const std::vector<PosPair>& pairs, std::string* value) {
  value->clear();
  for (size_t i = 1; i < pairs.size(); ++i) {
    const bool dated = pairs[i].second != 0;
    PutVarint(value, (pairs[i].first - pairs[i - 1].first) << 1 | (dated ? 1 : 0));
    if (dated) PutBig64(value, pairs[i].second);
  }
}

PackedPosIterator::PackedPosIterator(std::unique_ptr<rocksdb::Iterator> entries) : entries_(std::move(entries)) {}

void PackedPosIterator::Damaged(const char* what) {
  valid_ = false;
  status_ = rocksdb::Status::Corruption(std::string("pos: damaged packed entry: ") + what);
}

void PackedPosIterator::LoadEntry() {
  valid_ = false;
  if (!entries_->Valid()) return;
  const rocksdb::Slice key = entries_->key();
  if (key.size() < kShortestKey) return Damaged("short key");
  key_.assign(key.data(), key.size());
  subject_at_ = key_.size() - 16;
  subject_ = GetBig64(std::string_view(key_).substr(subject_at_));
  when_ = GetBig64(std::string_view(key_).substr(subject_at_ + 8));
  rest_ = std::string_view(entries_->value().data(), entries_->value().size());
  claims_in_entry_ = 1;
  valid_ = true;
}

bool PackedPosIterator::NextInEntry() {
  const bool stepped = StepInEntry();
  if (stepped) WriteClaim();
  return stepped;
}

bool PackedPosIterator::StepInEntry() {
  if (rest_.empty()) return false;
  uint64_t step = 0;
  uint64_t when = 0;
  const char* damage = nullptr;
  if (!GetStep(&rest_, &step)) {
    damage = "bad varint";
  } else if ((step & 1) != 0 && rest_.size() < 8) {
    damage = "cut time";
  } else if ((step & 1) != 0) {
    when = GetBig64(rest_);
    rest_.remove_prefix(8);
  }
  const uint64_t delta = step >> 1;
  if (damage == nullptr && delta == 0 && when <= when_) damage = "claims out of order";
  if (damage == nullptr && ++claims_in_entry_ > kPosEntryClaims) damage = "too many claims";
  if (damage != nullptr) {
    Damaged(damage);
    return false;
  }
  subject_ += delta;
  when_ = when;
  return true;
}

void PackedPosIterator::WriteClaim() {
  SetBig64(&key_[subject_at_], subject_);
  SetBig64(&key_[subject_at_ + 8], when_);
}

bool PackedPosIterator::AdvanceInEntry(std::string_view target) {
  // A target of this entry's (p, O) naming a subject, or a subject and a
  // time (a cursor's forward lookups), is compared as numbers and the key
  // written once at the end: comparing and writing the key bytes at every
  // claim stepped over cost ~250 instructions a claim (Q4's walk of its
  // second predicate's list, 49k claims at 5M).
  const std::string_view claim = EntryReaches(target) ? target.substr(subject_at_) : std::string_view();
  if (claim.size() != 8 && claim.size() < kClaimBytes) {
    while (std::string_view(key_) < target) {
      if (!NextInEntry()) return false;
    }
    return true;
  }
  const uint64_t subject = GetBig64(claim);
  const bool timed = claim.size() >= kClaimBytes;
  const uint64_t when = timed ? GetBig64(claim.substr(8)) : 0;
  // key_ < target: a key's s(8) w(8) against the target's bytes; equal
  // bytes and a longer target put the key first.
  auto before = [&] {
    if (subject_ != subject || !timed) return subject_ < subject;
    return when_ < when || (when_ == when && claim.size() > kClaimBytes);
  };
  bool inside = true;
  while (inside && before()) inside = StepInEntry();
  WriteClaim();
  return inside;
}

bool PackedPosIterator::EntryReaches(std::string_view target) const {
  return target.size() > subject_at_ && std::string_view(key_).substr(0, subject_at_) == target.substr(0, subject_at_);
}

bool PackedPosIterator::NamesSubject(std::string_view target) {
  if (target.size() <= 8) return false;
  std::string_view rest = target.substr(8);
  std::string_view object;
  return SplitObjectKey(&rest, &object) && !rest.empty();
}

void PackedPosIterator::SeekToFirst() {
  status_ = rocksdb::Status::OK();
  entries_->SeekToFirst();
  LoadEntry();
}

void PackedPosIterator::SeekToLast() {
  status_ = rocksdb::Status::OK();
  entries_->SeekToLast();
  LoadEntry();
  while (valid_ && NextInEntry()) {
  }
}

void PackedPosIterator::Next() {
  if (!valid_) return;
  if (NextInEntry() || !status_.ok()) return;
  const std::string previous = key_;
  entries_->Next();
  LoadEntry();
  if (valid_ && key_ <= previous) Damaged("entries out of order");
}

void PackedPosIterator::Seek(const rocksdb::Slice& target_slice) {
  const std::string_view target(target_slice.data(), target_slice.size());
  status_ = rocksdb::Status::OK();
  if (valid_ && std::string_view(key_) <= target) {
    // Forward (a cursor's next lookup): inside this entry, then the next.
    if (AdvanceInEntry(target) || !status_.ok()) return;
    entries_->Next();
    LoadEntry();
    if (!valid_ || std::string_view(key_) >= target || AdvanceInEntry(target) || !status_.ok()) return;
  }
  // A target without a subject (the start of a walk) is before every claim
  // of its (p, O): the first entry at or after it starts the answer.
  if (!NamesSubject(target)) {
    entries_->Seek(target_slice);
    return LoadEntry();
  }
  // Else the entry that may hold the target is the last one starting at or
  // before it, when it is of the target's (p, O); else the next one.
  entries_->SeekForPrev(target_slice);
  if (!entries_->Valid()) {
    if (!entries_->status().ok()) return LoadEntry();
    entries_->SeekToFirst();
    return LoadEntry();
  }
  LoadEntry();
  if (!valid_ || (EntryReaches(target) && AdvanceInEntry(target)) || !status_.ok()) return;
  if (std::string_view(key_) >= target) return;
  entries_->Next();
  LoadEntry();
}

void PackedPosIterator::Prev() {
  if (!valid_) return;
  const std::string current = key_;
  LoadEntry();  // back to the entry's first claim
  if (!valid_) return;
  if (key_ == current) {
    entries_->Prev();
    LoadEntry();
    while (valid_ && NextInEntry()) {
    }
    return;
  }
  // The claim before `current` in this entry.
  std::string before = key_;
  while (NextInEntry() && key_ != current) before = key_;
  LoadEntry();
  AdvanceInEntry(before);
}

void PackedPosIterator::SeekForPrev(const rocksdb::Slice& target) {
  Seek(target);
  if (!valid_) {
    if (status_.ok() && entries_->status().ok()) SeekToLast();
    return;
  }
  if (key().compare(target) > 0) Prev();
}

}  // namespace kg::storage
