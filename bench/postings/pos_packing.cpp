// Measures what packed posting lists would save on the `pos` walks (issue 6,
// session 9 gate 1). Not a test and not part of the store: it reads a store's
// `pos` column family and rewrites it, beside the store, as one table file in
// which an entry holds up to N (s, w) pairs of one (p, O) prefix:
//
//   key   = the pos key of the entry's first pair: p(8) O s(8) w(8)
//   value = the following pairs, each varint((s - previous s) << 1 | has_w),
//           then w as 8 bytes big-endian when has_w (w = 0, undated, is the
//           common case)        [--encoding varint]
//        or each pair as s(8) w(8) big-endian                [--encoding fixed]
//
// N = 1 writes today's format again (empty values), through the same writer:
// the reference for what the rewrite alone changes.
//
//   kg_pos_packing build STORE OUT_DIR N [varint|fixed]
//       writes OUT_DIR (a RocksDB database of one column family, the store's
//       pos options, ZSTD -1 as the bulk tables) and prints entries and bytes
//   kg_pos_packing walk STORE [PACKED_DIR] PREDICATE OBJECT [REPEATS]
//       walks pos(PREDICATE, OBJECT) in the store (today's iterator, keys
//       parsed as ClaimCursor parses them) and, given PACKED_DIR, the same
//       pairs decoded from it; prints rows and a checksum of both. Run under
//       callgrind with --toggle-collect='*MeasuredWalk*': each measured
//       function walks REPEATS times after one warm walk that is not counted.
//   kg_pos_packing probe STORE PACKED_DIR PREDICATE OBJECT CANDIDATE_PREDICATE CANDIDATE_OBJECT [REPEATS]
//       Q4's step 2: the subjects of pos(CANDIDATE_PREDICATE, CANDIDATE_OBJECT),
//       in order, each looked up in pos(PREDICATE, OBJECT) moving forward
//       (today: a peek, then a seek, as ClaimCursor::MoveTo; packed: within
//       the decoded entry, the next entry, else SeekForPrev); prints how many
//       were found. Counted: '*MeasuredProbe*'.
//   kg_pos_packing update STORE PACKED_DIR EVERY
//       the write path's share for one new claim (every EVERY-th pos key taken
//       as one): a key put into a WriteBatch today; packed, its entry found,
//       decoded, the claim inserted, encoded and put. Counted: '*MeasuredUpdate*'.
//   kg_pos_packing convert STORE_COPY N
//       replaces the store's pos by packed entries and marks it format 2 (for
//       the reader experiment; older builds refuse the store afterwards).
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

#include "kg/store.h"
#include "storage/encoding.h"
#include "storage/id_scan.h"
#include "storage/rocks_store.h"

namespace {

using kg::storage::ClaimKeyParts;
using kg::storage::kPos;

enum class Encoding { kVarint, kFixed };

struct WalkSum {
  uint64_t rows = 0;
  uint64_t checksum = 0;
  void Add(uint64_t subject, uint64_t when) {
    ++rows;
    checksum = checksum * 1099511628211ULL + (subject ^ (when << 1));
  }
};

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "kg_pos_packing: %s\n", message.c_str());
  std::exit(1);
}

void Require(const rocksdb::Status& status, const std::string& what) {
  if (!status.ok()) Fail(what + ": " + status.ToString());
}

void Require(const kg::Status& status, const std::string& what) {
  if (!status.ok()) Fail(what + ": " + status.ToString());
}

std::unique_ptr<kg::Store> OpenStore(const std::string& path) {
  kg::OpenOptions options;
  options.read_only = true;
  auto store = kg::Store::Open(path, options);
  if (!store.ok()) Fail("opening " + path + ": " + store.status().ToString());
  return std::move(*store);
}

const kg::storage::RocksStore& AsRocks(const kg::Store& store) {
  const auto* rocks = dynamic_cast<const kg::storage::RocksStore*>(&store);
  if (rocks == nullptr) Fail("not a RocksStore");
  return *rocks;
}

// The store's pos column family options (table format, block cache,
// filters), compressed as a bulk load's table files are, under default
// database options: the store's own (a secondary instance's) name the
// store's directory, which a database opened with them would clean up.
rocksdb::Options PosOptions(const kg::storage::RocksStore& store) {
  rocksdb::ColumnFamilyOptions family(store.db()->GetOptions(store.cf(kPos)));
  family.cf_paths.clear();
  family.compression_opts.level = -1;
  return rocksdb::Options(rocksdb::DBOptions(), family);
}

void AppendPair(Encoding encoding, uint64_t previous_subject, const ClaimKeyParts& pair, std::string* value) {
  if (encoding == Encoding::kFixed) {
    kg::storage::PutBig64(value, pair.subject);
    kg::storage::PutBig64(value, pair.when);
    return;
  }
  kg::storage::PutVarint(value, (pair.subject - previous_subject) << 1 | (pair.when != 0 ? 1 : 0));
  if (pair.when != 0) kg::storage::PutBig64(value, pair.when);
}

// Pos keys in order, grouped into entries of up to `block` pairs of one
// (p, O) prefix, written as one table file.
rocksdb::ExternalSstFileInfo WritePackedTable(const kg::storage::RocksStore& rocks, const std::string& table,
                                              size_t block, Encoding encoding) {
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), PosOptions(rocks));
  Require(writer.Open(table), "creating " + table);

  rocksdb::ReadOptions read;
  read.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(rocks.db()->NewIterator(read, rocks.cf(kPos)));
  std::string entry_key, entry_value;
  size_t entry_prefix = 0, in_entry = 0;
  uint64_t previous_subject = 0, keys = 0, entries = 0;
  ClaimKeyParts parts;
  auto flush = [&] {
    if (in_entry == 0) return;
    Require(writer.Put(entry_key, entry_value), "writing an entry");
    ++entries;
    in_entry = 0;
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (!kg::storage::ParsePosKey(key, &parts)) Fail("damaged pos key");
    const size_t prefix = 8 + parts.object.size();
    const bool same_prefix = in_entry > 0 && prefix == entry_prefix && key.substr(0, prefix) == std::string_view(entry_key).substr(0, prefix);
    if (!same_prefix || in_entry == block) flush();
    if (in_entry == 0) {
      entry_key.assign(key);
      entry_value.clear();
      entry_prefix = prefix;
    } else {
      AppendPair(encoding, previous_subject, parts, &entry_value);
    }
    previous_subject = parts.subject;
    ++in_entry;
    ++keys;
  }
  Require(it->status(), "reading pos");
  flush();
  rocksdb::ExternalSstFileInfo info;
  Require(writer.Finish(&info), "finishing " + table);
  std::printf("block %zu %s: %" PRIu64 " keys in %" PRIu64 " entries, table %" PRIu64 " bytes", block,
              encoding == Encoding::kFixed ? "fixed" : "varint", keys, entries, static_cast<uint64_t>(info.file_size));
  return info;
}

// The packed table taken into a new database of one column family.
void Build(const std::string& store_path, const std::string& out_dir, size_t block, Encoding encoding) {
  auto store = OpenStore(store_path);
  const auto& rocks = AsRocks(*store);
  std::filesystem::remove_all(out_dir);
  std::filesystem::create_directories(out_dir);
  const std::string table = out_dir + "/pos.sst.tmp";
  const rocksdb::ExternalSstFileInfo info = WritePackedTable(rocks, table, block, encoding);

  rocksdb::Options db_options = PosOptions(rocks);
  db_options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  Require(rocksdb::DB::Open(db_options, out_dir, &raw), "creating " + out_dir);
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::IngestExternalFileOptions ingest;
  ingest.move_files = true;
  Require(db->IngestExternalFile({table}, ingest), "taking in " + table);
  Require(db->Close(), "closing " + out_dir);

  std::vector<rocksdb::LiveFileMetaData> live;
  rocks.db()->GetLiveFilesMetaData(&live);
  uint64_t store_pos_bytes = 0;
  for (const auto& file : live) {
    if (file.column_family_name == kg::storage::CfName(kPos)) store_pos_bytes += file.size;
  }
  std::printf(" (store's pos tables %" PRIu64 " bytes, ratio %.3f)\n", store_pos_bytes,
              static_cast<double>(info.file_size) / static_cast<double>(store_pos_bytes));
}

// Replaces the pos of a store (a copy: older builds cannot open it after)
// with packed entries and marks it format 2, which the session 9 reader
// experiment opens read-only (storage/packed_pos.h).
void Convert(const std::string& store_path, size_t block) {
  const std::string table = store_path + "/pos-packed.sst.tmp";
  {
    auto store = OpenStore(store_path);
    WritePackedTable(AsRocks(*store), table, block, Encoding::kVarint);
    std::printf("\n");
  }
  auto opened = kg::Store::Open(store_path, kg::OpenOptions{});
  if (!opened.ok()) Fail("opening " + store_path + " for writing: " + opened.status().ToString());
  const auto& rocks = AsRocks(**opened);
  rocksdb::DB* db = rocks.db();
  const std::string everything(16, '\xff');
  Require(db->DeleteRange(rocksdb::WriteOptions(), rocks.cf(kPos), "", everything), "emptying pos");
  rocksdb::IngestExternalFileOptions ingest;
  ingest.move_files = true;
  Require(db->IngestExternalFile(rocks.cf(kPos), {table}, ingest), "taking in " + table);
  std::string format;
  kg::storage::PutBig32(&format, 2);
  Require(db->Put(rocksdb::WriteOptions(), rocks.cf(kg::storage::kMeta), kg::storage::kFormatKey, format), "format");
  Require(db->CompactRange(rocksdb::CompactRangeOptions(), rocks.cf(kPos), nullptr, nullptr), "compacting pos");
  opened->reset();
  std::ofstream(store_path + "/" + kg::storage::kMarkerFile, std::ios::trunc) << "kgstore format 2\n";
}

bool StartsWith(const rocksdb::Iterator& it, std::string_view prefix) {
  return it.key().size() >= prefix.size() && std::string_view(it.key().data(), prefix.size()) == prefix;
}

// Today's walk: a key per claim, parsed as ClaimCursor::Settle parses it.
void WalkKeys(rocksdb::Iterator* it, std::string_view prefix, WalkSum* sum) {
  ClaimKeyParts parts;
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid() && StartsWith(*it, prefix); it->Next()) {
    if (!kg::storage::ParsePosKey(std::string_view(it->key().data(), it->key().size()), &parts)) Fail("damaged key");
    sum->Add(parts.subject, parts.when);
  }
}

bool DecodeVarintPairs(std::string_view value, uint64_t subject, WalkSum* sum) {
  while (!value.empty()) {
    uint64_t step = 0, when = 0;
    if (!kg::storage::GetVarint(&value, &step)) return false;
    subject += step >> 1;
    if ((step & 1) != 0) {
      if (value.size() < 8) return false;
      when = kg::storage::GetBig64(value);
      value.remove_prefix(8);
    }
    sum->Add(subject, when);
  }
  return true;
}

bool DecodeFixedPairs(std::string_view value, WalkSum* sum) {
  if (value.size() % 16 != 0) return false;
  for (; !value.empty(); value.remove_prefix(16)) sum->Add(kg::storage::GetBig64(value), kg::storage::GetBig64(value.substr(8)));
  return true;
}

// The packed walk: the first pair from each entry's key, the rest from its value.
void WalkPacked(rocksdb::Iterator* it, std::string_view prefix, Encoding encoding, WalkSum* sum) {
  ClaimKeyParts first;
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid() && StartsWith(*it, prefix); it->Next()) {
    if (!kg::storage::ParsePosKey(std::string_view(it->key().data(), it->key().size()), &first)) Fail("damaged key");
    sum->Add(first.subject, first.when);
    std::string_view value(it->value().data(), it->value().size());
    const bool ok = encoding == Encoding::kFixed ? DecodeFixedPairs(value, sum) : DecodeVarintPairs(value, first.subject, sum);
    if (!ok) Fail("damaged packed entry");
  }
}

// Only these are counted by callgrind (--toggle-collect='*MeasuredWalk*' or '*MeasuredProbe*').
__attribute__((noinline)) void MeasuredWalkKeys(rocksdb::Iterator* it, std::string_view prefix, int repeats, WalkSum* sum) {
  for (int i = 0; i < repeats; ++i) WalkKeys(it, prefix, sum);
}

__attribute__((noinline)) void MeasuredWalkPacked(rocksdb::Iterator* it, std::string_view prefix, Encoding encoding,
                                                  int repeats, WalkSum* sum) {
  for (int i = 0; i < repeats; ++i) WalkPacked(it, prefix, encoding, sum);
}

// The subjects of a walk, in order (Q4's candidates).
std::vector<uint64_t> SubjectsOf(rocksdb::Iterator* it, std::string_view prefix) {
  std::vector<uint64_t> subjects;
  ClaimKeyParts parts;
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid() && StartsWith(*it, prefix); it->Next()) {
    if (!kg::storage::ParsePosKey(std::string_view(it->key().data(), it->key().size()), &parts)) Fail("damaged key");
    subjects.push_back(parts.subject);
  }
  return subjects;
}

// Today's step 2: one key ahead may be the candidate's (a peek); else a seek.
uint64_t ProbeKeys(rocksdb::Iterator* it, const std::string& prefix, const std::vector<uint64_t>& candidates) {
  uint64_t found = 0;
  std::string target;
  for (uint64_t candidate : candidates) {
    target.assign(prefix);
    kg::storage::PutBig64(&target, candidate);
    const rocksdb::Slice wanted(target);
    if (it->Valid() && it->key().compare(wanted) < 0) {
      it->Next();
      if (it->Valid() && it->key().compare(wanted) < 0) it->Seek(wanted);
    } else if (!it->Valid() || it->key().compare(wanted) > 0) {
      it->Seek(wanted);
    }
    if (it->Valid() && it->key().starts_with(wanted)) ++found;
  }
  return found;
}

using Pairs = std::vector<std::pair<uint64_t, uint64_t>>;  // (s, w) in order

// All pairs of the entry under `it` (its key's, then its value's).
void DecodeEntry(const rocksdb::Iterator& it, Encoding encoding, Pairs* pairs) {
  ClaimKeyParts first;
  if (!kg::storage::ParsePosKey(std::string_view(it.key().data(), it.key().size()), &first)) Fail("damaged key");
  pairs->emplace_back(first.subject, first.when);
  std::string_view value(it.value().data(), it.value().size());
  if (encoding == Encoding::kFixed) {
    for (; value.size() >= 16; value.remove_prefix(16)) {
      pairs->emplace_back(kg::storage::GetBig64(value), kg::storage::GetBig64(value.substr(8)));
    }
    return;
  }
  uint64_t subject = first.subject, step = 0;
  while (kg::storage::GetVarint(&value, &step)) {
    subject += step >> 1;
    uint64_t when = 0;
    if ((step & 1) != 0 && value.size() >= 8) {
      when = kg::storage::GetBig64(value);
      value.remove_prefix(8);
    }
    pairs->emplace_back(subject, when);
  }
}

// The packed step 2 keeps the current entry's pairs decoded and moves
// forward inside them; past its end it tries the next entry, and seeks
// (SeekForPrev: the entry whose first pair is the last at or before the
// candidate) only when the candidate lies beyond that one too.
class PackedProber {
 public:
  PackedProber(rocksdb::Iterator* it, std::string prefix, Encoding encoding)
      : it_(it), prefix_(std::move(prefix)), encoding_(encoding) {}

  bool Contains(uint64_t candidate) {
    if (pairs_.empty() || candidate > pairs_.back().first) {
      if (!pairs_.empty()) {
        it_->Next();
        Decode();
        if (!pairs_.empty() && pairs_.front().first > candidate) return false;
      }
      if (pairs_.empty() || candidate > pairs_.back().first) {
        target_.assign(prefix_);
        kg::storage::PutBig64(&target_, candidate);
        kg::storage::PutBig64(&target_, ~uint64_t{0});
        it_->SeekForPrev(target_);
        Decode();
      }
    }
    while (at_ < pairs_.size() && pairs_[at_].first < candidate) ++at_;
    return at_ < pairs_.size() && pairs_[at_].first == candidate;
  }

 private:
  // The entry under the iterator, when it is of prefix_; none else.
  void Decode() {
    pairs_.clear();
    at_ = 0;
    if (it_->Valid() && StartsWith(*it_, prefix_)) DecodeEntry(*it_, encoding_, &pairs_);
  }

  rocksdb::Iterator* it_;
  std::string prefix_;
  Encoding encoding_;
  std::string target_;
  Pairs pairs_;  // of the entry under it_
  size_t at_ = 0;
};

__attribute__((noinline)) uint64_t MeasuredProbeKeys(rocksdb::Iterator* it, const std::string& prefix,
                                                     const std::vector<uint64_t>& candidates, int repeats) {
  uint64_t found = 0;
  for (int i = 0; i < repeats; ++i) {
    it->SeekToFirst();  // each repeat starts away from the answers, as a new query's cursor
    found += ProbeKeys(it, prefix, candidates);
  }
  return found;
}

__attribute__((noinline)) uint64_t MeasuredProbePacked(rocksdb::Iterator* it, const std::string& prefix,
                                                       Encoding encoding, const std::vector<uint64_t>& candidates,
                                                       int repeats) {
  uint64_t found = 0;
  for (int i = 0; i < repeats; ++i) {
    PackedProber prober(it, prefix, encoding);
    for (uint64_t candidate : candidates) found += prober.Contains(candidate) ? 1 : 0;
  }
  return found;
}

// A packed database's encoding is told by its directory's name: build
// writes what it is told, so the caller names fixed ones `...-fixed`.
Encoding EncodingOf(const std::string& dir) {
  return dir.size() >= 6 && dir.compare(dir.size() - 6, 6, "-fixed") == 0 ? Encoding::kFixed : Encoding::kVarint;
}

std::string PrefixOf(const kg::storage::IdScanner& scanner, const std::string& predicate, const std::string& object) {
  auto predicate_id = scanner.IdOf(kg::Term::Predicate(predicate));
  auto object_key = scanner.ObjectKeyOf(kg::Term::Entity(object));
  Require(predicate_id.status(), "predicate " + predicate);
  Require(object_key.status(), "object " + object);
  if (*predicate_id == 0 || object_key->empty()) Fail("the store has no " + predicate + " or no " + object);
  return kg::storage::IdKey(*predicate_id) + *object_key;
}

std::unique_ptr<rocksdb::DB> OpenPacked(const kg::storage::RocksStore& rocks, const std::string& dir) {
  rocksdb::Options options = PosOptions(rocks);
  options.allow_mmap_reads = true;  // as a read-only store opens
  rocksdb::DB* raw = nullptr;
  Require(rocksdb::DB::OpenForReadOnly(options, dir, &raw), "opening " + dir);
  return std::unique_ptr<rocksdb::DB>(raw);
}

void Walk(const std::string& store_path, const std::string& packed_dir, const std::string& predicate,
          const std::string& object, int repeats) {
  auto store = OpenStore(store_path);
  const auto& rocks = AsRocks(*store);
  kg::storage::IdScanner scanner(rocks);
  const std::string prefix = PrefixOf(scanner, predicate, object);

  rocksdb::ReadOptions read;
  read.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> keys(rocks.db()->NewIterator(read, rocks.cf(kPos)));
  WalkSum warm_keys, measured_keys;
  WalkKeys(keys.get(), prefix, &warm_keys);
  MeasuredWalkKeys(keys.get(), prefix, repeats, &measured_keys);
  std::printf("store  %s: %" PRIu64 " rows, checksum %016" PRIx64 "\n", object.c_str(), warm_keys.rows,
              warm_keys.checksum);
  if (packed_dir.empty()) return;

  auto db = OpenPacked(rocks, packed_dir);
  const Encoding encoding = EncodingOf(packed_dir);
  std::unique_ptr<rocksdb::Iterator> packed(db->NewIterator(read));
  WalkSum warm_packed, measured_packed;
  WalkPacked(packed.get(), prefix, encoding, &warm_packed);
  MeasuredWalkPacked(packed.get(), prefix, encoding, repeats, &measured_packed);
  std::printf("packed %s: %" PRIu64 " rows, checksum %016" PRIx64 " (%s)\n", object.c_str(), warm_packed.rows,
              warm_packed.checksum, warm_packed.checksum == warm_keys.checksum ? "same" : "DIFFERENT");
  packed.reset();
  if (warm_packed.checksum != warm_keys.checksum || warm_packed.rows != warm_keys.rows) std::exit(2);
}

// The write path's part in AddDocument for one new claim: today a pos key
// put into the batch; packed, the entry that holds the claim's place found
// (SeekForPrev), decoded, the claim inserted, the entry encoded again and
// put. `claims` are pos keys, each in a different entry. Counted after a
// pass that brings their blocks into the cache, as in a busy writer.
__attribute__((noinline)) void MeasuredUpdateKeys(const std::vector<std::string>& claims, rocksdb::WriteBatch* batch) {
  for (const std::string& key : claims) batch->Put(key, "");
}

void UpdatePacked(rocksdb::Iterator* it, Encoding encoding, const std::vector<std::string>& claims,
                  rocksdb::WriteBatch* batch) {
  Pairs pairs;
  ClaimKeyParts claim;
  std::string key, value;
  for (const std::string& claim_key : claims) {
    if (!kg::storage::ParsePosKey(claim_key, &claim)) Fail("damaged key");
    it->SeekForPrev(claim_key);
    if (!it->Valid()) Fail("no entry before a claim");
    pairs.clear();
    DecodeEntry(*it, encoding, &pairs);
    key.assign(it->key().data(), it->key().size());
    const std::pair<uint64_t, uint64_t> added(claim.subject, claim.when);
    pairs.insert(std::lower_bound(pairs.begin(), pairs.end(), added), added);  // as a new claim would go in
    value.clear();
    for (size_t i = 1; i < pairs.size(); ++i) {
      ClaimKeyParts pair;
      pair.subject = pairs[i].first;
      pair.when = pairs[i].second;
      AppendPair(encoding, pairs[i - 1].first, pair, &value);
    }
    batch->Put(key, value);
  }
}

__attribute__((noinline)) void MeasuredUpdatePacked(rocksdb::Iterator* it, Encoding encoding,
                                                    const std::vector<std::string>& claims, rocksdb::WriteBatch* batch) {
  UpdatePacked(it, encoding, claims, batch);
}

void Update(const std::string& store_path, const std::string& packed_dir, size_t every) {
  auto store = OpenStore(store_path);
  const auto& rocks = AsRocks(*store);
  kg::storage::IdScanner scanner(rocks);  // perf counters off, as in queries
  rocksdb::ReadOptions read;
  read.total_order_seek = true;
  std::vector<std::string> claims;
  std::unique_ptr<rocksdb::Iterator> keys(rocks.db()->NewIterator(read, rocks.cf(kPos)));
  size_t n = 0;
  for (keys->SeekToFirst(); keys->Valid(); keys->Next()) {
    if (n++ % every == 0) claims.emplace_back(keys->key().data(), keys->key().size());
  }
  auto db = OpenPacked(rocks, packed_dir);
  std::unique_ptr<rocksdb::Iterator> packed(db->NewIterator(read));
  rocksdb::WriteBatch today, with_packing, warm;
  UpdatePacked(packed.get(), EncodingOf(packed_dir), claims, &warm);  // blocks in the cache, as a busy writer's
  MeasuredUpdateKeys(claims, &today);
  MeasuredUpdatePacked(packed.get(), EncodingOf(packed_dir), claims, &with_packing);
  std::printf("update: %zu claims, batch %zu bytes (keys) %zu bytes (packed)\n", claims.size(),
              today.GetDataSize(), with_packing.GetDataSize());
  packed.reset();
}

void Probe(const std::string& store_path, const std::string& packed_dir, const std::vector<std::string>& terms,
           int repeats) {
  auto store = OpenStore(store_path);
  const auto& rocks = AsRocks(*store);
  kg::storage::IdScanner scanner(rocks);
  const std::string prefix = PrefixOf(scanner, terms[0], terms[1]);
  rocksdb::ReadOptions read;
  read.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> keys(rocks.db()->NewIterator(read, rocks.cf(kPos)));
  const std::vector<uint64_t> candidates = SubjectsOf(keys.get(), PrefixOf(scanner, terms[2], terms[3]));
  const uint64_t warm_keys = ProbeKeys(keys.get(), prefix, candidates);
  const uint64_t found_keys = MeasuredProbeKeys(keys.get(), prefix, candidates, repeats) / repeats;
  auto db = OpenPacked(rocks, packed_dir);
  std::unique_ptr<rocksdb::Iterator> packed(db->NewIterator(read));
  const Encoding encoding = EncodingOf(packed_dir);
  PackedProber warm_prober(packed.get(), prefix, encoding);
  uint64_t warm_packed = 0;
  for (uint64_t candidate : candidates) warm_packed += warm_prober.Contains(candidate) ? 1 : 0;
  const uint64_t found_packed = MeasuredProbePacked(packed.get(), prefix, encoding, candidates, repeats) / repeats;
  std::printf("probe: %zu candidates, found %" PRIu64 " (store) %" PRIu64 " (packed) %s\n", candidates.size(),
              found_keys, found_packed, found_keys == found_packed && warm_keys == warm_packed ? "same" : "DIFFERENT");
  packed.reset();
  if (found_keys != found_packed) std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 4 && args[0] == "build") {
    const Encoding encoding = args.size() > 4 && args[4] == "fixed" ? Encoding::kFixed : Encoding::kVarint;
    Build(args[1], args[2], std::stoul(args[3]), encoding);
    return 0;
  }
  if (args.size() >= 4 && args[0] == "walk") {
    // walk STORE [PACKED] PREDICATE OBJECT [REPEATS]: PACKED is there when
    // the argument after STORE names a directory.
    const bool with_packed = args.size() >= 5 && std::filesystem::is_directory(args[2]);
    const size_t at = with_packed ? 3 : 2;
    const int repeats = args.size() > at + 2 ? std::stoi(args[at + 2]) : 5;
    Walk(args[1], with_packed ? args[2] : "", args[at], args[at + 1], repeats);
    return 0;
  }
  if (args.size() >= 7 && args[0] == "probe") {
    Probe(args[1], args[2], {args.begin() + 3, args.begin() + 7}, args.size() > 7 ? std::stoi(args[7]) : 5);
    return 0;
  }
  if (args.size() >= 3 && args[0] == "convert") {
    Convert(args[1], std::stoul(args[2]));
    return 0;
  }
  if (args.size() >= 4 && args[0] == "update") {
    Update(args[1], args[2], std::stoul(args[3]));
    return 0;
  }
  std::fprintf(stderr,
               "usage: kg_pos_packing build STORE OUT_DIR N [varint|fixed]\n"
               "       kg_pos_packing walk STORE [PACKED_DIR] PREDICATE OBJECT [REPEATS]\n"
               "       kg_pos_packing probe STORE PACKED_DIR PREDICATE OBJECT CANDIDATE_PREDICATE CANDIDATE_OBJECT [REPEATS]\n"
               "       kg_pos_packing update STORE PACKED_DIR EVERY\n"
               "       kg_pos_packing convert STORE_COPY N\n");
  return 1;
}
