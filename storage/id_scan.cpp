#include "storage/id_scan.h"

#include <algorithm>

namespace kg::storage {

namespace {

// The first key after every key that starts with `prefix`; empty when
// there is none (the prefix is empty or all 0xFF).
std::string KeyAfterPrefix(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// The 8 bytes of `key` from `at` as a big-endian number, zeros past its end.
uint64_t WindowAt(std::string_view key, size_t at) {
  uint64_t value = 0;
  for (size_t i = 0; i < 8; ++i) value = value << 8 | (at + i < key.size() ? static_cast<uint8_t>(key[at + i]) : 0);
  return value;
}

}  // namespace

IndexAccess ChooseAccess(const IdPattern& pattern) {
  IndexAccess access;
  ChooseAccess(pattern, &access);
  return access;
}

void ChooseAccess(const IdPattern& p, IndexAccess* a) {
  std::string& prefix = a->prefix;
  prefix.clear();
  auto id = [&prefix](TermId value) { PutBig64(&prefix, value); };
  if (p.subject && p.predicate && p.object && p.subject_varies) {
    a->index = kPos;
    id(*p.predicate); prefix += *p.object; id(*p.subject);
    if (p.when) id(*p.when);
  } else if (p.subject && p.predicate && p.object) {
    a->index = kSpo;
    id(*p.subject); id(*p.predicate); prefix += *p.object;
    if (p.when) id(*p.when);
  } else if (p.when && p.predicate) {
    a->index = kWps;
    id(*p.when); id(*p.predicate);
    if (p.subject) id(*p.subject);
  } else if (p.object) {
    a->index = p.predicate ? kPos : kOsp;
    if (p.predicate) {
      id(*p.predicate); prefix += *p.object;
    } else {
      prefix += *p.object;
      if (p.subject) id(*p.subject);
    }
  } else if (p.subject) {
    a->index = kSpo;
    id(*p.subject);
    if (p.predicate) id(*p.predicate);
  } else if (p.predicate) {
    a->index = kPos;
    id(*p.predicate);
  } else if (p.when) {
    a->index = kWps;
    id(*p.when);
  } else {
    a->index = kSpo;
  }
}

bool ParseIndexKey(Cf index, std::string_view key, ClaimKeyParts* parts) {
  switch (index) {
    case kPos: return ParsePosKey(key, parts);
    case kOsp: return ParseOspKey(key, parts);
    case kWps: return ParseWpsKey(key, parts);
    default: return ParseSpoKey(key, parts);
  }
}

bool MatchesPattern(const IdPattern& p, const ClaimKeyParts& parts) {
  return (!p.subject || *p.subject == parts.subject) && (!p.predicate || *p.predicate == parts.predicate) &&
         (!p.object || *p.object == parts.object) && (!p.when || *p.when == parts.when);
}

ClaimCursor::ClaimCursor(const IdScanner& scanner) : scanner_(scanner) {}
ClaimCursor::~ClaimCursor() = default;

rocksdb::Iterator* ClaimCursor::IteratorFor(Cf index) {
  // Total order: a Seek then skips the prefix bloom filters. A full filter
  // block bigger than a block-cache shard (1 MiB of the 64 MiB cache) is
  // never cached, so consulting it re-read megabytes per Seek (200 µs per
  // nested-loop lookup at 1M claims); the index blocks find the key as fast.
  // The key prefix is checked here on every key instead.
  rocksdb::ReadOptions options;
  options.snapshot = scanner_.snapshot();
  options.total_order_seek = true;
  // The store never writes range deletions: without this each seek still
  // set up and cleared their bookkeeping in every merging level (Q4 at 1M:
  // 0.993x the instructions).
  options.ignore_range_deletions = true;
  if (!iterators_[index]) iterators_[index] = scanner_.store().NewIndexIterator(index, options);
  return iterators_[index].get();
}

void ClaimCursor::Seek(const IdPattern& pattern) { Seek(pattern, {}, {}); }

void ClaimCursor::Seek(const IdPattern& pattern, std::string_view from, std::string_view to) {
  pattern_ = pattern;
  status_ = Status::OK();
  end_.assign(to);
  // Built in the cursor's own buffers: a nested loop seeks once per outer row.
  IndexAccess access{kSpo, std::move(prefix_)};
  ChooseAccess(pattern, &access);
  prefix_ = std::move(access.prefix);
  const bool rested_here = rested_ && rested_index_ == access.index;
  rested_ = false;
  index_ = access.index;
  it_ = IteratorFor(index_);
  std::string_view start = prefix_;
  if (pattern.first_predicate && pattern.subject && !pattern.predicate && index_ == kSpo) {
    target_.assign(prefix_);
    PutBig64(&target_, *pattern.first_predicate);
    start = target_;
  }
  MoveTo(std::max(start, from), rested_here);
  Settle();
}

void ClaimCursor::MoveTo(std::string_view target, bool rested_here) {
  auto behind = [&] { return std::string_view(it_->key().data(), it_->key().size()) < target; };
  // Resting just past the keys of the last prefix, below `target`: when
  // `target` lies beyond all of them, the iterator is on its first key
  // already (the next lookup of a merge often starts right there).
  if (rested_here && it_->Valid() && !behind() && target > rested_prefix_ &&
      target.substr(0, rested_prefix_.size()) != rested_prefix_) {
    return;
  }
  if (it_->Valid() && behind()) {
    // One key ahead may be the target already (dense lookups). Any further
    // and a seek is cheaper: a seek that stays in the iterator's data block
    // skips the index and costs about as much as four or five steps (Q4 at
    // 1M: 37.3M -> 34.0M instructions against walks of up to eight keys).
    // When the last eight peeks all fell short (a star's scattered
    // subjects), even the peek is wasted: the cursor seeks at once, and
    // peeks on every eighth lookup only, to notice lookups coming close.
    const bool seek_at_once = peeks_short_ == 0xFF && (++far_lookups_ & 7) != 0;
    if (!seek_at_once) {
      it_->Next();
      const bool arrived = !it_->Valid() || !behind();
      peeks_short_ = static_cast<uint8_t>(peeks_short_ << 1 | (arrived ? 0 : 1));
      if (arrived) return;
    }
  }
  it_->Seek(rocksdb::Slice(target.data(), target.size()));
}

void ClaimCursor::Next() {
  if (!valid_) return;
  it_->Next();
  Settle();
}

void ClaimCursor::Settle() {
  valid_ = false;
  for (; it_->Valid(); it_->Next()) {
    std::string_view key(it_->key().data(), it_->key().size());
    if (key.substr(0, prefix_.size()) != prefix_) {
      rested_ = true;  // on the first key after every key of prefix_
      rested_index_ = index_;
      rested_prefix_.assign(prefix_);
      return;
    }
    if (!end_.empty() && key >= end_) return;  // the morsel's end, not the prefix's
    if (!ParseIndexKey(index_, key, &parts_)) {
      status_ = Status::Corruption(std::string("damaged key in index ") + CfName(index_));
      return;
    }
    if (MatchesPattern(pattern_, parts_)) {
      valid_ = true;
      return;
    }
  }
  status_ = FromRocks(it_->status(), std::string("scanning ") + CfName(index_));
}

Result<uint64_t> ClaimCursor::CountUpTo(const IdPattern& pattern, uint64_t cap) {
  uint64_t count = 0;
  for (Seek(pattern); Valid() && count < cap; Next()) ++count;
  KG_RETURN_IF_ERROR(status_);
  return count;
}

PerfCountersOff::PerfCountersOff() : previous_(rocksdb::GetPerfLevel()) { rocksdb::SetPerfLevel(rocksdb::kDisable); }
PerfCountersOff::~PerfCountersOff() { rocksdb::SetPerfLevel(previous_); }

IdScanner::IdScanner(const RocksStore& store) : store_(store) {
  own_snapshot_.emplace(store);
  snapshot_ = own_snapshot_->get();
}

IdScanner::IdScanner(const IdScanner& other, const RocksStore& store) : store_(store), snapshot_(other.snapshot_) {}

Result<TermId> IdScanner::IdOf(const Term& term) const {
  auto canonical = CanonicalTerm(term);
  if (!canonical.ok()) return canonical.status();
  if (canonical->kind == TermKind::kTime) {
    auto id = TimeId(canonical->value);
    return id ? *id : TermId{0};
  }
  // A Seek, not a Get: a Get consults the whole-key bloom filter, which on
  // a big store is a block too large for the cache (see IteratorFor).
  rocksdb::ReadOptions options;
  options.snapshot = snapshot();
  options.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(store_.db()->NewIterator(options, store_.cf(kTermByValue)));
  const std::string key = TermValueKey(*canonical);
  it->Seek(key);
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading the term dictionary"));
  if (!it->Valid() || std::string_view(it->key().data(), it->key().size()) != key) return TermId{0};
  if (it->value().size() != 8) return Status::Corruption("damaged dictionary entry for " + canonical->ToString());
  return GetBig64(std::string_view(it->value().data(), it->value().size()));
}

Result<std::string> IdScanner::ObjectKeyOf(const Term& term) const {
  if (term.kind == TermKind::kQuantity) {
    auto canonical = CanonicalTerm(term);
    if (!canonical.ok()) return canonical.status();
    return ObjectKeyForQuantity(*canonical);
  }
  auto id = IdOf(term);
  if (!id.ok()) return id.status();
  return *id == 0 ? std::string() : ObjectKeyForId(*id);
}

Result<Term> IdScanner::TermOfObject(std::string_view object_key) const { return store_.ObjectTerm(object_key); }

Status IdScanner::ReadPosClaims(TermId predicate, std::string_view object, std::vector<PosPair>* claims) const {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot();
  options.total_order_seek = true;
  // Object components are self-delimiting: every key that starts with
  // p O is of that (p, O).
  std::string prefix = IdKey(predicate);
  prefix += object;
  std::unique_ptr<rocksdb::Iterator> it(store_.db()->NewIterator(options, store_.cf(kPos)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    if (!store_.packed_pos()) {
      if (key.size() != prefix.size() + 16) return Status::Corruption("damaged key in index pos");
      claims->push_back(PosClaim(key));
    } else if (!AppendPosEntry(key, it->value().ToStringView(), claims)) {
      return Status::Corruption("pos: damaged packed entry");
    }
  }
  return FromRocks(it->status(), "scanning pos");
}

Result<bool> IdScanner::Contains(const ClaimKeyParts& claim) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(store_.Get(kSpo, SpoKey(claim), &value, &found, snapshot_));
  return found;
}

Result<double> IdScanner::ApproximateMatches(const IdPattern& pattern) const {
  IndexAccess access = ChooseAccess(pattern);
  rocksdb::DB* db = store_.db();
  rocksdb::ColumnFamilyHandle* cf = store_.cf(access.index);
  uint64_t keys = 0;
  uint64_t file_bytes = 0;
  if (!db->GetIntProperty(cf, "rocksdb.estimate-num-keys", &keys) ||
      !db->GetIntProperty(cf, "rocksdb.total-sst-files-size", &file_bytes) || keys == 0 || file_bytes == 0) {
    return 0.0;
  }
  if (access.index == kPos && store_.packed_pos()) {  // an entry holds a run of claims: claims per byte
    auto claims = store_.ReadCounter(counter::kClaims, snapshot());
    if (!claims.ok()) return claims.status();
    keys = *claims;
  }
  const std::string end = KeyAfterPrefix(access.prefix);
  if (end.empty()) return static_cast<double>(keys);
  rocksdb::Range range(access.prefix, end);
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = true;
  options.include_files = true;
  uint64_t bytes = 0;
  KG_RETURN_IF_ERROR(FromRocks(db->GetApproximateSizes(options, cf, &range, 1, &bytes), "estimating a key range"));
  return static_cast<double>(bytes) * static_cast<double>(keys) / static_cast<double>(file_bytes);
}

namespace {

// A key range [from, to) of one index and the bytes its keys take.
struct KeySpan {
  std::string from, to;
  uint64_t bytes = 0;
};

// Cuts `span` into up to `pieces` spans at equal steps of the 8 bytes after
// where its ends first differ; none when they are too close to cut.
std::vector<KeySpan> CutSpan(const KeySpan& span, uint64_t pieces) {
  const size_t common = static_cast<size_t>(
      std::mismatch(span.from.begin(), span.from.begin() + static_cast<ptrdiff_t>(std::min(span.from.size(), span.to.size())),
                    span.to.begin()).first - span.from.begin());
  const uint64_t low = WindowAt(span.from, common);
  const uint64_t high = WindowAt(span.to, common);
  std::vector<KeySpan> spans;
  if (high <= low + 1) return spans;
  const uint64_t step = std::max<uint64_t>(1, (high - low) / pieces);
  std::string from = span.from;
  for (uint64_t at = low + step; at < high && spans.size() + 1 < pieces; at += step) {
    std::string cut = span.to.substr(0, common);
    PutBig64(&cut, at);
    spans.push_back(KeySpan{std::move(from), cut});
    from = std::move(cut);
  }
  spans.push_back(KeySpan{std::move(from), span.to});
  return spans;
}

Status MeasureSpans(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::vector<KeySpan>* spans) {
  std::vector<rocksdb::Range> ranges;
  for (const KeySpan& span : *spans) ranges.emplace_back(span.from, span.to);
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = true;
  options.include_files = true;
  std::vector<uint64_t> sizes(ranges.size());
  KG_RETURN_IF_ERROR(FromRocks(db->GetApproximateSizes(options, cf, ranges.data(), static_cast<int>(ranges.size()),
                                                       sizes.data()),
                               "splitting a scan"));
  for (size_t i = 0; i < spans->size(); ++i) (*spans)[i].bytes = sizes[i];
  return Status::OK();
}

}  // namespace

Result<std::vector<std::string>> IdScanner::SplitKeys(const IdPattern& pattern, size_t parts,
                                                      size_t min_matches) const {
  // Below this many bytes the sizes (counted per data block) cannot place
  // cuts well; a packed (p, O) that small is read to cut it exactly.
  constexpr uint64_t kMinSizedBytes = 16 << 10;
  constexpr uint64_t kPieces = 16;  // spans per cut of a span
  constexpr int kMaxRounds = 8;
  std::vector<std::string> splits;
  const IndexAccess access = ChooseAccess(pattern);
  rocksdb::ReadOptions options;
  options.snapshot = snapshot();
  options.total_order_seek = true;
  rocksdb::ColumnFamilyHandle* cf = store_.cf(access.index);
  std::unique_ptr<rocksdb::Iterator> it(store_.db()->NewIterator(options, cf));
  it->Seek(access.prefix);
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "splitting a scan"));
  if (!it->Valid() || !it->key().starts_with(access.prefix)) return splits;
  KeySpan whole{it->key().ToString(), {}, 0};
  const std::string end = KeyAfterPrefix(access.prefix);
  if (end.empty()) {
    it->SeekToLast();
  } else {
    it->SeekForPrev(end);
    if (it->Valid() && it->key() == end) it->Prev();
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "splitting a scan"));
  if (!it->Valid()) return splits;
  whole.to = it->key().ToString() + '\0';  // the first key after the last
  // The biggest span is cut again until none holds more than half a part
  // (a subject's claims may sit under one predicate of many: the first
  // cuts then find one span holding them all).
  std::vector<KeySpan> spans = {whole};
  KG_RETURN_IF_ERROR(MeasureSpans(store_.db(), cf, &spans));
  uint64_t total = spans[0].bytes;
  for (int round = 0; round < kMaxRounds && total >= kMinSizedBytes; ++round) {
    auto biggest = std::max_element(spans.begin(), spans.end(),
                                    [](const KeySpan& a, const KeySpan& b) { return a.bytes < b.bytes; });
    if (biggest->bytes * 2 * parts <= total) break;
    std::vector<KeySpan> pieces = CutSpan(*biggest, kPieces);
    if (pieces.empty()) break;
    KG_RETURN_IF_ERROR(MeasureSpans(store_.db(), cf, &pieces));
    const auto at = spans.erase(biggest);
    spans.insert(at, pieces.begin(), pieces.end());
    total = 0;
    for (const KeySpan& span : spans) total += span.bytes;
  }
  uint64_t sum = 0;
  size_t share = 1;  // the next part's end is share / parts of the total
  for (size_t i = 0; i + 1 < spans.size() && share < parts && total >= kMinSizedBytes; ++i) {
    sum += spans[i].bytes;
    if (sum * parts < total * share) continue;
    // Cut after this span; a span bigger than a share leaves fewer, bigger parts.
    splits.push_back(spans[i].to);
    while (share < parts && sum * parts >= total * share) ++share;
  }
  if (splits.empty() && access.index == kPos && store_.packed_pos() && pattern.predicate && pattern.object) {
    // A (p, O) too small for the sizes to tell apart (a packed entry holds
    // up to 128 claims): its claims, read whole, give exact cuts.
    std::vector<PosPair> claims;
    KG_RETURN_IF_ERROR(ReadPosClaims(*pattern.predicate, *pattern.object, &claims));
    for (size_t part = 1; part < parts && claims.size() >= std::max(parts, min_matches); ++part) {
      const PosPair& claim = claims[claims.size() * part / parts];
      std::string cut = access.prefix;
      PutBig64(&cut, claim.first);
      PutBig64(&cut, claim.second);
      splits.push_back(std::move(cut));
    }
  }
  return splits;
}

}  // namespace kg::storage
