// The bulk loader (Store::BeginBulkLoad, docs/storage.md "Bulk load"):
// statements are dictionary-encoded into fixed-size records as they come,
// sorted by claim (spilling sorted runs to disk), and Finish writes a table
// file per column family (two, of disjoint key ranges, per index ordering)
// that all go into the store with one atomic IngestExternalFiles call.
#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <unordered_map>

#include <fcntl.h>
#include <unistd.h>

#include <rocksdb/sst_file_writer.h>

#include "storage/bulk_load.h"
#include "storage/bulk_pipe.h"
#include "storage/bulk_sorter.h"
#include "storage/bulk_tasks.h"
#include "storage/bulk_terms.h"
#include "storage/bulk_timing.h"
#include "storage/packed_pos.h"
#include "storage/store_write.h"

namespace kg::storage {

namespace fs = std::filesystem;

namespace {

// One statement, encoded: the claim's parts as ids (a quantity object is its
// term id; its key bytes are looked up when comparing), its number in the
// document, and its mention value inline or in the side file.
struct MentionRec {
  uint64_t s, p, o, w;
  uint32_t seq;
  uint8_t payload_size;  // kSpilledPayload: payload holds offset(8) and size(4) in the side file
  char payload[27];
};
static_assert(sizeof(MentionRec) == 64);
constexpr uint8_t kSpilledPayload = 0xFF;
// Marks, in the map of a load's terms, the ids that are new to the store
// (an id's top byte is its kind, 1 to 5, so the top bit is free).
constexpr TermId kNewTerm = TermId{1} << 63;

// One claim: its parts as ids, the object as in MentionRec.
struct ClaimRec {
  uint64_t s, p, o, w;
};

// A claim and the number of mentions a load gives it, handed from the
// writer of mentions to the writer of spo in batches.
struct ClaimCount {
  ClaimRec claim;
  uint64_t mentions;
};
constexpr size_t kClaimBatch = 4096;
constexpr size_t kClaimBatchesInFlight = 8;

// A claim in the key order of pos, osp or wps, its quantity object ranked
// (QuantityRanks), so that records compare as plain integers.
using IndexRec = std::array<uint64_t, 4>;

IndexRec InIndexOrder(Cf index, const ClaimRec& c) {
  switch (index) {
    case kPos: return {c.p, c.o, c.s, c.w};
    case kOsp: return {c.o, c.s, c.p, c.w};
    default: return {c.w, c.p, c.s, c.o};  // kWps
  }
}

// Plain integer order of index records (std::array's own <, through <=>,
// was a noticeable part of the sort).
struct IndexRecLess {
  bool operator()(const IndexRec& a, const IndexRec& b) const {
    if (a[0] != b[0]) return a[0] < b[0];
    if (a[1] != b[1]) return a[1] < b[1];
    if (a[2] != b[2]) return a[2] < b[2];
    return a[3] < b[3];
  }
};

ClaimRec FromIndexOrder(Cf index, const IndexRec& k) {
  switch (index) {
    case kPos: return {k[2], k[0], k[1], k[3]};
    case kOsp: return {k[1], k[2], k[0], k[3]};
    default: return {k[2], k[1], k[3], k[0]};  // kWps
  }
}

// Compares object components in key byte order: ids by value (their top
// byte is the kind), quantities (kind 3) by their value keys.
class ObjectOrder {
 public:
  explicit ObjectOrder(const std::unordered_map<TermId, std::string>* quantity_keys) : keys_(quantity_keys) {}
  int operator()(uint64_t a, uint64_t b) const {
    if (a == b) return 0;
    if (KindOfId(a) == TermKind::kQuantity && KindOfId(b) == TermKind::kQuantity) {
      return keys_->at(a) < keys_->at(b) ? -1 : 1;
    }
    return a < b ? -1 : 1;
  }

 private:
  const std::unordered_map<TermId, std::string>* keys_;
};

int Cmp(uint64_t a, uint64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

struct SpoOrder {
  ObjectOrder object;
  bool operator()(const MentionRec& a, const MentionRec& b) const {
    if (int c = Cmp(a.s, b.s)) return c < 0;
    if (int c = Cmp(a.p, b.p)) return c < 0;
    if (int c = object(a.o, b.o)) return c < 0;
    if (int c = Cmp(a.w, b.w)) return c < 0;
    return a.seq < b.seq;
  }
};

// Quantity ids replaced by ids in the order of their keys (the kind byte
// stays), known once every statement is in: index records then sort by
// integer comparisons instead of a key lookup per comparison.
class QuantityRanks {
 public:
  explicit QuantityRanks(const std::unordered_map<TermId, std::string>& keys) {
    for (const auto& [id, key] : keys) by_rank_.emplace_back(&key, id);
    std::sort(by_rank_.begin(), by_rank_.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
    rank_of_.reserve(by_rank_.size());
    for (size_t i = 0; i < by_rank_.size(); ++i) rank_of_.emplace(by_rank_[i].second, first_ + i);
  }

  uint64_t Ranked(uint64_t object) const {
    return KindOfId(object) == TermKind::kQuantity ? rank_of_.at(object) : object;
  }
  // The object component of claim keys for a ranked object.
  std::string ObjectKey(uint64_t ranked) const {
    return KindOfId(ranked) == TermKind::kQuantity ? *by_rank_[ranked - first_].first : ObjectKeyForId(ranked);
  }

 private:
  const uint64_t first_ = MakeId(TermKind::kQuantity, 0);
  std::vector<std::pair<const std::string*, TermId>> by_rank_;
  std::unordered_map<TermId, uint64_t> rank_of_;
};

// A table file for one column family; no file when nothing was put.
class TableOut {
 public:
  TableOut(RocksStore& store, Cf which, std::string path)
      : store_(store), which_(which), path_(std::move(path)) {}

  Status Put(std::string_view key, std::string_view value) {
    if (!writer_) KG_RETURN_IF_ERROR(Open());
    const rocksdb::Status put =
        writer_->Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
    // The message is built only on failure: this runs for every entry.
    if (!put.ok()) return FromRocks(put, std::string("writing a bulk table of ") + CfName(which_));
    return Status::OK();
  }

  // The column family's options with ZSTD's fast level -1 (SstFileWriter
  // compresses with the bottommost setting): compressing the table files was
  // a fifth of a load's instructions at the default level 3, a third less at
  // -1 (4.0G -> 3.7G in all, callgrind, 100k triples) for 9% more bytes
  // (60 -> 66 MB at 1M triples; SQLite's 75 MB). Level 1 cost as much as 3;
  // -2 made 73 MB, LZ4 96 MB. Compactions later use the column family's own
  // level.
  rocksdb::Options WriterOptions() const {
    rocksdb::Options options = store_.db()->GetOptions(store_.cf(which_));
    if (options.bottommost_compression == rocksdb::kZSTD) options.compression_opts.level = -1;
    return options;
  }

  // Deletes a key of the store: the file lies above the store's files.
  Status Delete(std::string_view key) {
    if (!writer_) KG_RETURN_IF_ERROR(Open());
    return FromRocks(writer_->Delete(rocksdb::Slice(key.data(), key.size())),
                     std::string("deleting in a bulk table of ") + CfName(which_));
  }

  // Closes the file and adds it to `args`, if anything was put: to the
  // entry of its column family (IngestExternalFiles takes one per family).
  Status Finish(std::vector<rocksdb::IngestExternalFileArg>* args) {
    if (!writer_) return Status::OK();
    rocksdb::ExternalSstFileInfo info;
    KG_RETURN_IF_ERROR(FromRocks(writer_->Finish(&info), "finishing " + path_));
    if (std::getenv("KG_BULK_TIMING") != nullptr) {
      std::fprintf(stderr, "bulk load: table %-22s %10llu entries %11llu bytes\n", fs::path(path_).filename().c_str(),
                   static_cast<unsigned long long>(info.num_entries), static_cast<unsigned long long>(info.file_size));
    }
    writer_.reset();
    auto same_family = std::find_if(args->begin(), args->end(), [&](const rocksdb::IngestExternalFileArg& arg) {
      return arg.column_family == store_.cf(which_);
    });
    if (same_family == args->end()) {
      same_family = args->emplace(args->end());
      same_family->column_family = store_.cf(which_);
      same_family->options.move_files = true;
    }
    same_family->external_files.push_back(path_);
    return Status::OK();
  }

 private:
  // The file is made at the first entry: no file when nothing is written.
  // Its callers test writer_ themselves: a call per entry that returned an
  // OK Status was 0.5% of a load's instructions.
  Status Open() {
    // The page cache keeps what was written: the take-in reads each file's
    // tail back at once.
    writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), WriterOptions(), store_.cf(which_),
                                                       /*invalidate_page_cache=*/false);
    return FromRocks(writer_->Open(path_), "creating " + path_);
  }

  RocksStore& store_;
  Cf which_;
  std::string path_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
};

class RocksBulkLoader final : public BulkLoader, public PreparedStatementSink {
  using MentionSorter = ExternalSorter<MentionRec, SpoOrder>;
  using IndexSorter = ExternalSorter<IndexRec, IndexRecLess>;

 public:
  RocksBulkLoader(RocksStore& store, const Document& document, const BulkLoadOptions& options)
      : store_(store),
        lock_(store.write_mutex()),
        dir_(fs::path(store.path()) / kBulkTempDir),
        options_(options),
        mentions_((dir_ / "mentions").string(), options.memory_budget, SpoOrder{ObjectOrder(&quantity_keys_)}),
        claims_by_seq_((dir_ / "claims-by-seq").string()) {
    record_.document = document;
  }

  ~RocksBulkLoader() override {
    if (side_fd_ >= 0) close(side_fd_);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Status Start() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    fs::create_directories(dir_, ec);
    if (ec) return Status::IOError("cannot create " + dir_.string() + ": " + ec.message());
    const std::string side = (dir_ / "mention-values").string();
    side_fd_ = open(side.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (side_fd_ < 0) return Status::IOError("cannot create " + side);
    auto terms = store_.ReadCounter(counter::kTerms);
    if (!terms.ok()) return terms.status();
    store_has_terms_ = *terms > 0;
    auto claims = store_.ReadCounter(counter::kClaims);
    if (!claims.ok()) return claims.status();
    store_had_claims_ = *claims > 0;
    auto next_term = store_.ReadCounter(counter::kNextTerm);
    if (!next_term.ok()) return next_term.status();
    next_term_ = *next_term;
    std::string encoded;
    KG_RETURN_IF_ERROR(store_.Get(kDocuments, record_.document.id, &encoded, &existed_));
    if (existed_) {
      if (!DecodeDocument(encoded, &old_record_)) return Status::Corruption("damaged record of document " + record_.document.id);
      record_.number = old_record_.number;
    } else {
      auto next_document = store_.ReadCounter(counter::kNextDocument);
      if (!next_document.ok()) return next_document.status();
      record_.number = *next_document + 1;
    }
    fingerprint_ = kFingerprintSeed;
    return Status::OK();
  }

  Status Add(const DocumentInput::Statement& statement) override {
    PreparedStatement prepared;
    KG_RETURN_IF_ERROR(PrepareStatement(statement, &prepared));
    return AddPrepared(prepared);
  }

  void SetContentHash(std::string content_hash) override { record_.document.content_hash = std::move(content_hash); }

  void Prefetch(const PreparedStatement& statement) const override {
    for (size_t hash : statement.key_hashes) terms_.Prefetch(hash);
  }

  Status AddPrepared(PreparedStatement& statement) override {
    return Guarded("bulk loading a statement", [&]() -> Status {
      if (finished_) return Status::InvalidArgument("the bulk load is finished");
      return AddCanonical(statement);
    });
  }

  Result<AddResult> Finish() override {
    return Guarded("finishing a bulk load", [&]() -> Result<AddResult> {
      if (finished_) return Status::InvalidArgument("the bulk load is finished");
      finished_ = true;
      clock_.Mark("parse and add (until Finish)");
      AddResult result;
      // As AddDocument's: the statements, the aliases (a bulk load has none), the metadata.
      const uint64_t fingerprint = FingerprintMetadata(FingerprintAliases(fingerprint_, {}), record_.document);
      if (existed_) {
        if (old_record_.document.content_hash == record_.document.content_hash &&
            old_record_.statements_fingerprint == fingerprint) {
          result.outcome = AddOutcome::kUnchanged;
          return result;
        }
        result.outcome = AddOutcome::kReplaced;
        before_retraction_ = std::make_unique<SnapshotHolder>(store_);
        KG_RETURN_IF_ERROR(RetractDocumentMentions(store_, record_.number));
      }
      record_.statements_fingerprint = fingerprint;
      KG_RETURN_IF_ERROR(WriteTables(&result.claims_new));
      std::vector<rocksdb::IngestExternalFileArg> args;
      for (auto& table : tables_) KG_RETURN_IF_ERROR(table->Finish(&args));
      clock_.Mark("closing the table files");
      KG_RETURN_IF_ERROR(FromRocks(store_.db()->IngestExternalFiles(args), "taking in the bulk load"));
      clock_.Mark("IngestExternalFiles");
      result.mentions = seq_;
      result.claims_merged = seq_ - result.claims_new;
      return result;
    });
  }

 private:
  Status AddCanonical(PreparedStatement& prepared) {
    CanonicalStatement& s = prepared.canonical;
    size_t next_key = 0;  // the prepared keys come in InternStatement's order; the time has none
    std::array<bool, 3> fresh{};  // which of subject, predicate, object this statement made new
    auto ids = InternStatement(s, [&](const Term& term) -> Result<TermId> {
      if (next_key == prepared.value_keys.size()) {
        const std::string key = TermValueKey(term);
        bool time_is_new = false;
        auto id = Intern(term, key, BulkTermMap::Hash(key), &time_is_new);
        if (time_is_new) new_terms_.emplace_back(*id, term);
        return id;
      }
      ++next_key;
      return Intern(term, prepared.value_keys[next_key - 1], prepared.key_hashes[next_key - 1], &fresh[next_key - 1]);
    });
    if (!ids.ok()) return ids.status();
    MentionRec rec{};
    rec.s = ids->subject;
    rec.p = ids->predicate;
    rec.o = ids->object;
    rec.w = s.when;
    rec.seq = seq_;
    if (s.object.kind == TermKind::kQuantity && !quantity_keys_.count(rec.o)) {
      quantity_keys_.emplace(rec.o, ObjectKeyForQuantity(s.object));
    }
    fingerprint_ = FingerprintStatement(fingerprint_, s);
    KeepNewTerms(s, *ids, fresh);
    if (prepared.mention_value) {
      KG_RETURN_IF_ERROR(SetPayload(*prepared.mention_value, &rec));
    } else {
      KeepSentence(&s.mention);
      KG_RETURN_IF_ERROR(SetPayload(EncodeMention(s.mention), &rec));
    }
    KG_RETURN_IF_ERROR(claims_by_seq_.Add(ClaimRec{rec.s, rec.p, rec.o, rec.w}));
    KG_RETURN_IF_ERROR(mentions_.Add(rec));
    ++seq_;
    return Status::OK();
  }

  // The terms a statement made new are kept for Finish, which writes their
  // dictionary entries on its helper thread instead of this one. Copied,
  // not moved: a moved string would stay behind in the parse thread's heap
  // after the rest of its chunk is freed, and those scattered survivors made
  // every later allocation there slower (malloc's bins fragmented).
  void KeepNewTerms(const CanonicalStatement& s, const StatementIds& ids, const std::array<bool, 3>& fresh) {
    const std::array<std::pair<const Term*, TermId>, 3> parts = {
        std::pair{&s.subject, ids.subject}, {&s.predicate, ids.predicate}, {&s.object, ids.object}};
    for (size_t i = 0; i < parts.size(); ++i) {
      if (fresh[i]) new_terms_.emplace_back(parts[i].second, *parts[i].first);
    }
  }

  // As AddDocument: the first text given for a sentence is stored once, a
  // mention with another text keeps its own. A mention without text keeps
  // an empty one of its own, so texts-less loads store no sentences.
  void KeepSentence(MentionRecord* mention) {
    if (mention->text.empty() && !sentences_.count(mention->sentence)) {
      mention->text_inline = true;
      return;
    }
    auto [sentence, inserted] = sentences_.emplace(mention->sentence, mention->text);
    mention->text_inline = !inserted && sentence->second != mention->text;
    if (!mention->text_inline) mention->text.clear();
  }

  Status SetPayload(const std::string& value, MentionRec* rec) {
    if (value.size() < sizeof(rec->payload)) {
      rec->payload_size = static_cast<uint8_t>(value.size());
      std::memcpy(rec->payload, value.data(), value.size());
      return Status::OK();
    }
    if (pwrite(side_fd_, value.data(), value.size(), static_cast<off_t>(side_size_)) != static_cast<ssize_t>(value.size())) {
      return Status::IOError("cannot write to " + dir_.string());
    }
    rec->payload_size = kSpilledPayload;
    const uint32_t size = static_cast<uint32_t>(value.size());
    std::memcpy(rec->payload, &side_size_, 8);
    std::memcpy(rec->payload + 8, &size, 4);
    side_size_ += value.size();
    return Status::OK();
  }

  Status GetPayload(const MentionRec& rec, std::string* value) const {
    if (rec.payload_size != kSpilledPayload) {
      value->assign(rec.payload, rec.payload_size);
      return Status::OK();
    }
    uint64_t offset = 0;
    uint32_t size = 0;
    std::memcpy(&offset, rec.payload, 8);
    std::memcpy(&size, rec.payload + 8, 4);
    value->resize(size);
    if (pread(side_fd_, value->data(), size, static_cast<off_t>(offset)) != static_cast<ssize_t>(size)) {
      return Status::IOError("cannot read back a mention from " + dir_.string());
    }
    return Status::OK();
  }

  // The id of a canonical term: known to this load, in the store, or new
  // (*is_new; the caller keeps the term for its dictionary entries).
  Result<TermId> Intern(const Term& canonical, const std::string& value_key, size_t hash, bool* is_new) {
    if (const TermId* known = terms_.Find(value_key, hash)) return *known & ~kNewTerm;
    TermId id = 0;
    if (store_has_terms_) {
      auto existing = store_.FindTermId(canonical);
      if (!existing.ok()) return existing.status();
      id = *existing;
    }
    if (id == 0) {
      id = canonical.kind == TermKind::kTime ? *TimeId(canonical.value) : MakeId(canonical.kind, ++next_term_);
      *is_new = true;
      terms_.Insert(value_key, id | kNewTerm, hash);
      return id;
    }
    terms_.Insert(value_key, id, hash);
    return id;
  }

  template <typename Rec>  // MentionRec or ClaimRec
  ClaimKeyParts PartsOf(const Rec& rec) const {
    ClaimKeyParts parts;
    parts.subject = rec.s;
    parts.predicate = rec.p;
    parts.object = KindOfId(rec.o) == TermKind::kQuantity ? quantity_keys_.at(rec.o) : ObjectKeyForId(rec.o);
    parts.when = rec.w;
    return parts;
  }

  // Tables are written from two threads in Finish. A column family's
  // tables hold disjoint key ranges, `part` telling their files apart.
  TableOut& Table(Cf which, int part = 0) {
    std::lock_guard<std::mutex> lock(tables_mutex_);
    const std::string name = std::string(CfName(which)) + "." + std::to_string(part) + ".sst";
    tables_.push_back(std::make_unique<TableOut>(store_, which, (dir_ / name).string()));
    return *tables_.back();
  }

  // The tables are written by two threads (the machine this was measured on
  // has two cores): the dictionary and doc_mentions beside the merge of the
  // claims, then the three orderings of the new claims, each in two halves
  // of its key range (three whole orderings kept one thread idle for the
  // last one).
  Status WriteTables(uint64_t* claims_new) {
    KG_RETURN_IF_ERROR(claims_by_seq_.Finish());
    ranks_ = std::make_unique<QuantityRanks>(quantity_keys_);
    std::map<TermId, int64_t> predicate_delta;
    // The statements' last sort runs beside the dictionary, not before it.
    KG_RETURN_IF_ERROR(RunOnTwoThreads({[&] { return WriteClaims(claims_new, &predicate_delta); },
                                        [&] { return WriteDictionaryAndDocMentions(); }}));
    clock_.Mark("claims | dictionary");
    // The last in-memory sorts, on both threads (one after the other they
    // were ~3% of a load's instructions with the second core idle).
    std::vector<std::function<Status()>> seals;
    for (auto& sorter : index_sorters_) {
      seals.push_back([&sorter] {
        sorter->Seal();
        return Status::OK();
      });
    }
    KG_RETURN_IF_ERROR(RunOnTwoThreads(seals));
    clock_.Mark("sorting the orderings");
    // The orderings with most entries first (a packed pos has a third as
    // many), so that the two threads end their last tasks about together.
    std::vector<std::function<Status()>> index_halves;
    for (Cf index : {kOsp, kWps, kPos}) {
      IndexSorter& sorter = *index_sorters_[index - kPos];
      const std::optional<IndexRec> middle = SplitPoint(index, sorter.Middle());
      index_halves.push_back([&sorter, this, index, middle] { return WriteIndex(index, 0, sorter.Read(std::nullopt, middle)); });
      if (middle) {
        index_halves.push_back([&sorter, this, index, middle] { return WriteIndex(index, 1, sorter.Read(middle, std::nullopt)); });
      }
    }
    KG_RETURN_IF_ERROR(RunOnTwoThreads(index_halves));
    clock_.Mark("writing pos, osp, wps");
    KG_RETURN_IF_ERROR(WriteSentences());
    KG_RETURN_IF_ERROR(Table(kDocuments).Put(record_.document.id, EncodeDocument(record_)));
    KG_RETURN_IF_ERROR(Table(kDocNumbers).Put(IdKey(record_.number), record_.document.id));
    KG_RETURN_IF_ERROR(WritePredicateCounts(predicate_delta));
    counter_delta_[counter::kClaims] += static_cast<int64_t>(claims_created_);
    counter_delta_[counter::kMentions] += seq_;
    if (!existed_) counter_delta_[counter::kDocuments] += 1;
    return WriteCounters();
  }

  // spo and mentions from the sorted statements, on two threads: this one
  // merges the statements and writes mentions, a second one writes spo and
  // gives each new claim to the sorters of the other orderings (on one
  // thread both were the longest step of a load's Finish).
  Status WriteClaims(uint64_t* claims_new, std::map<TermId, int64_t>* predicate_delta) {
    {
      BulkTaskClock clock("sorting the statements");
      KG_RETURN_IF_ERROR(mentions_.Finish());
    }
    for (Cf index : {kPos, kOsp, kWps}) {
      index_sorters_.push_back(
          std::make_unique<IndexSorter>((dir_ / CfName(index)).string(), options_.memory_budget / 4, IndexRecLess()));
    }
    BatchPipe<ClaimCount> claims(kClaimBatchesInFlight);
    std::future<Status> spo = std::async(std::launch::async, [&] {
      Status written = WriteSpo(claims, claims_new, predicate_delta);
      claims.Close();
      return written;
    });
    const Status mentions = WriteMentions(claims);
    claims.Close();
    KG_RETURN_IF_ERROR(spo.get());
    return mentions;
  }

  // The mentions table from the sorted statements; each claim with its
  // number of mentions goes into `claims`.
  Status WriteMentions(BatchPipe<ClaimCount>& claims) {
    BulkTaskClock clock("merge, mentions");
    TableOut& mentions = Table(kMentions);
    MentionRec rec{};
    bool have = mentions_.Next(&rec);
    std::string value, spo_key, mention_key;  // reused: one allocation each, not one per entry
    std::vector<ClaimCount> batch;
    batch.reserve(kClaimBatch);
    while (have) {
      const MentionRec first = rec;
      SetSpoKey(PartsOf(first), &spo_key);
      uint64_t count = 0;
      do {
        KG_RETURN_IF_ERROR(GetPayload(rec, &value));
        SetMentionKey(spo_key, record_.number, rec.seq, &mention_key);
        KG_RETURN_IF_ERROR(mentions.Put(mention_key, value));
        ++count;
        have = mentions_.Next(&rec);
      } while (have && rec.s == first.s && rec.p == first.p && rec.o == first.o && rec.w == first.w);
      batch.push_back(ClaimCount{ClaimRec{first.s, first.p, first.o, first.w}, count});
      if (batch.size() == kClaimBatch) {
        if (!claims.Push(std::move(batch))) return Status::OK();  // the spo writer failed and says why
        batch = {};
        batch.reserve(kClaimBatch);
      }
    }
    if (!batch.empty()) claims.Push(std::move(batch));
    return mentions_.status();
  }

  // spo from the claims in key order, with their absolute mention counts;
  // a claim new to the store goes to the sorters of pos, osp and wps.
  Status WriteSpo(BatchPipe<ClaimCount>& claims, uint64_t* claims_new, std::map<TermId, int64_t>* predicate_delta) {
    BulkTaskClock clock("spo, index sorters");
    TableOut& spo = Table(kSpo);
    std::vector<ClaimCount> batch;
    std::string spo_key, old;  // reused: one allocation each, not one per entry
    while (claims.Pop(&batch)) {
      for (const auto& [claim, mentions] : batch) {
        SetSpoKey(PartsOf(claim), &spo_key);
        bool found = false;
        if (store_had_claims_) KG_RETURN_IF_ERROR(store_.Get(kSpo, spo_key, &old, &found));
        const uint64_t before = found && old.size() == 8 ? GetBig64(old) : 0;
        KG_RETURN_IF_ERROR(spo.Put(spo_key, Big64(before + mentions)));
        if (before != 0) continue;
        ++claims_created_;
        KG_RETURN_IF_ERROR(WasThereBeforeRetraction(spo_key, &found));
        if (!found) ++*claims_new;
        (*predicate_delta)[claim.p] += 1;
        const ClaimRec ranked{claim.s, claim.p, ranks_->Ranked(claim.o), claim.w};
        for (Cf index : {kPos, kOsp, kWps}) {
          KG_RETURN_IF_ERROR(index_sorters_[index - kPos]->Add(InIndexOrder(index, ranked)));
        }
      }
    }
    return Status::OK();
  }

  // As AddDocument counts them, a claim of a replaced document that the
  // document states again is not new (the retraction removed it a moment ago).
  Status WasThereBeforeRetraction(const std::string& spo_key, bool* found) {
    *found = false;
    if (!before_retraction_) return Status::OK();
    std::string ignored;
    return store_.Get(kSpo, spo_key, &ignored, found, before_retraction_->get());
  }

  // Where the two halves of an ordering part. A packed pos rewrites a
  // prefix (p, O) whole, so its halves part at the start of the middle
  // record's prefix (no subject id is 0), and no prefix is in both.
  std::optional<IndexRec> SplitPoint(Cf index, std::optional<IndexRec> middle) const {
    if (!middle || index != kPos || !store_.packed_pos()) return middle;
    return IndexRec{(*middle)[0], (*middle)[1], 0, 0};
  }

  // One key range of an ordering, written to table `part` of its family.
  Status WriteIndex(Cf index, int part, std::unique_ptr<IndexSorter::Range> range) {
    BulkTaskClock clock(std::string(CfName(index)) + "." + std::to_string(part));
    KG_RETURN_IF_ERROR(range->status());
    if (index == kPos && store_.packed_pos()) return WritePackedPos(part, range.get());
    TableOut& table = Table(index, part);
    IndexRec ordered{};
    ClaimKeyParts parts;
    const auto set_key = index == kPos ? SetPosKey : index == kOsp ? SetOspKey : SetWpsKey;
    std::string key;  // reused: one allocation, not one per entry
    while (range->Next(&ordered)) {
      const ClaimRec claim = FromIndexOrder(index, ordered);
      parts.subject = claim.s;
      parts.predicate = claim.p;
      parts.object = ranks_->ObjectKey(claim.o);
      parts.when = claim.w;
      set_key(parts, &key);
      KG_RETURN_IF_ERROR(table.Put(key, ""));
    }
    return range->status();
  }

  // A packed pos's key range: per (p, O) run of new claims, the entries of
  // the prefix, merged with those the store has of it (the store's entries
  // not written again are deleted by the table file, which lies above them).
  Status WritePackedPos(int part, IndexSorter::Range* range) {
    TableOut& table = Table(kPos, part);
    std::unique_ptr<rocksdb::Iterator> stored;
    if (store_had_claims_) {
      rocksdb::ReadOptions options;
      options.total_order_seek = true;
      stored.reset(store_.db()->NewIterator(options, store_.cf(kPos)));
    }
    std::vector<PosPair> claims;
    IndexRec ordered{};
    bool have = range->Next(&ordered);
    while (have) {
      const IndexRec first = ordered;
      claims.clear();
      do {
        claims.emplace_back(ordered[2], ordered[3]);
        have = range->Next(&ordered);
      } while (have && ordered[0] == first[0] && ordered[1] == first[1]);
      const std::string prefix = IdKey(first[0]) + ranks_->ObjectKey(first[1]);
      KG_RETURN_IF_ERROR(WritePackedPrefix(table, stored.get(), prefix, &claims));
    }
    return range->status();
  }

  Status WritePackedPrefix(TableOut& table, rocksdb::Iterator* stored, const std::string& prefix,
                           std::vector<PosPair>* claims) {
    std::vector<std::string> old_keys;
    if (stored != nullptr) KG_RETURN_IF_ERROR(MergeStoredClaims(stored, prefix, claims, &old_keys));
    std::vector<std::pair<std::string, std::string>> entries;
    KG_RETURN_IF_ERROR(FromRocks(CutPosEntries(prefix, *claims, kPosEntryClaims,
                                               [&](const std::string& key, const std::string& value) {
                                                 entries.emplace_back(key, value);
                                                 return rocksdb::Status::OK();
                                               }),
                                 "packing pos entries"));
    // Puts and deletes in key order, as the table file needs them.
    auto old_key = old_keys.begin();
    for (const auto& [key, value] : entries) {
      for (; old_key != old_keys.end() && *old_key <= key; ++old_key) {
        if (*old_key != key) KG_RETURN_IF_ERROR(table.Delete(*old_key));
      }
      KG_RETURN_IF_ERROR(table.Put(key, value));
    }
    for (; old_key != old_keys.end(); ++old_key) KG_RETURN_IF_ERROR(table.Delete(*old_key));
    return Status::OK();
  }

  // Adds to `claims` those the store's entries of `prefix` hold, whose keys
  // go to `old_keys` in order.
  static Status MergeStoredClaims(rocksdb::Iterator* stored, const std::string& prefix, std::vector<PosPair>* claims,
                                  std::vector<std::string>* old_keys) {
    std::vector<PosPair> stored_claims, entry;
    for (stored->Seek(prefix); stored->Valid() && PosPrefix(stored->key().ToStringView()) == prefix; stored->Next()) {
      old_keys->push_back(stored->key().ToString());
      if (!DecodePosEntry(old_keys->back(), stored->value().ToStringView(), &entry)) {
        return Status::Corruption("pos: damaged packed entry in the store");
      }
      stored_claims.insert(stored_claims.end(), entry.begin(), entry.end());
    }
    KG_RETURN_IF_ERROR(FromRocks(stored->status(), "reading the store's pos"));
    if (old_keys->empty()) return Status::OK();
    std::vector<PosPair> merged;
    merged.reserve(claims->size() + stored_claims.size());
    std::set_union(claims->begin(), claims->end(), stored_claims.begin(), stored_claims.end(), std::back_inserter(merged));
    *claims = std::move(merged);
    return Status::OK();
  }

  Status WriteDictionaryAndDocMentions() {
    BulkTaskClock clock("dictionary, doc_mentions");
    KG_RETURN_IF_ERROR(WriteDictionary());
    TableOut& table = Table(kDocMentions);
    ClaimRec claim{};
    std::string spo_key;  // reused: one allocation, not one per entry
    for (uint32_t seq = 0; claims_by_seq_.Next(&claim); ++seq) {
      SetSpoKey(PartsOf(claim), &spo_key);
      KG_RETURN_IF_ERROR(table.Put(DocMentionKey(record_.number, seq), spo_key));
    }
    return claims_by_seq_.status();
  }

  // The maps are freed as soon as they are written.
  Status WriteDictionary() {
    std::vector<std::pair<std::string_view, TermId>> new_keys;
    new_keys.reserve(terms_.size());
    terms_.ForEach([&](std::string_view key, TermId id) {
      if (id & kNewTerm) new_keys.emplace_back(key, id & ~kNewTerm);
    });
    std::sort(new_keys.begin(), new_keys.end());
    if (!new_keys.empty()) {
      TableOut& table = Table(kTermByValue);
      for (const auto& [key, id] : new_keys) KG_RETURN_IF_ERROR(table.Put(key, IdKey(id)));
    }
    new_keys = {};
    terms_ = {};
    return WriteNewTermEntries();
  }

  // The other dictionary entries of the new terms (term_by_value is written
  // from the map's keys) and the counters they add to. In id order,
  // term_by_id's entries come sorted; the others are sorted first. This
  // runs on one thread only: nothing else touches counter_delta_ meanwhile.
  Status WriteNewTermEntries() {
    // (id, position) pairs sorted on their own: comparing through the deque
    // was a cache miss or two per comparison (seconds at 5M triples). Within
    // a kind the positions come in id order, so the walk below is nearly
    // sequential.
    std::vector<std::pair<TermId, size_t>> by_id;
    by_id.reserve(new_terms_.size());
    for (size_t i = 0; i < new_terms_.size(); ++i) by_id.emplace_back(new_terms_[i].first, i);
    std::sort(by_id.begin(), by_id.end());
    std::map<Cf, std::vector<std::pair<std::string, std::string>>> unsorted;
    TableOut* id_table = new_terms_.empty() ? nullptr : &Table(kTermById);
    for (const auto& [sorted_id, i] : by_id) {
      auto& [id, term] = new_terms_[i];
      for (DictionaryEntry& entry : NewTermEntries(term, id)) {
        if (entry.cf == kTermById) {
          KG_RETURN_IF_ERROR(id_table->Put(entry.key, entry.value));
        } else if (entry.cf != kTermByValue) {
          unsorted[entry.cf].emplace_back(std::move(entry.key), std::move(entry.value));
        }
      }
      for (const char* name : NewTermCounters(term.kind)) ++counter_delta_[name];
      term = Term();
    }
    new_terms_ = {};
    for (auto& [which, entries] : unsorted) {
      std::sort(entries.begin(), entries.end());
      TableOut& table = Table(which);
      for (const auto& [key, value] : entries) KG_RETURN_IF_ERROR(table.Put(key, value));
    }
    return Status::OK();
  }

  Status WriteSentences() {
    if (sentences_.empty()) return Status::OK();
    TableOut& table = Table(kSentences);
    for (const auto& [sentence, text] : sentences_) {
      KG_RETURN_IF_ERROR(table.Put(SentenceKey(record_.number, sentence), text));
    }
    return Status::OK();
  }

  // Predicate counts and counters are written as their new absolute values.
  Status WritePredicateCounts(const std::map<TermId, int64_t>& delta) {
    if (delta.empty()) return Status::OK();
    TableOut& table = Table(kPredicateCounts);
    for (const auto& [predicate, added] : delta) {
      std::string old;
      bool found = false;
      KG_RETURN_IF_ERROR(store_.Get(kPredicateCounts, IdKey(predicate), &old, &found));
      const uint64_t before = found && old.size() == 8 ? GetBig64(old) : 0;
      KG_RETURN_IF_ERROR(table.Put(IdKey(predicate), Big64(before + static_cast<uint64_t>(added))));
    }
    return Status::OK();
  }

  Status WriteCounters() {
    std::map<std::string, uint64_t> values;
    for (const auto& [name, delta] : counter_delta_) {
      auto current = store_.ReadCounter(name);
      if (!current.ok()) return current.status();
      values[name] = *current + static_cast<uint64_t>(delta);
    }
    values[counter::kNextTerm] = next_term_;
    if (!existed_) values[counter::kNextDocument] = record_.number;
    TableOut& table = Table(kMeta);
    for (const auto& [name, value] : values) KG_RETURN_IF_ERROR(table.Put(name, Big64(value)));
    return Status::OK();
  }

  RocksStore& store_;
  std::unique_lock<std::mutex> lock_;
  fs::path dir_;
  BulkLoadOptions options_;
  BulkPhaseClock clock_;
  std::unordered_map<TermId, std::string> quantity_keys_;  // declared before the sorters that use it
  MentionSorter mentions_;
  RecordLog<ClaimRec> claims_by_seq_;  // for doc_mentions, in statement order
  std::unique_ptr<QuantityRanks> ranks_;  // from Finish on
  std::vector<std::unique_ptr<IndexSorter>> index_sorters_;  // pos, osp, wps
  std::mutex tables_mutex_;
  std::vector<std::unique_ptr<TableOut>> tables_;
  DocumentRecord record_;
  DocumentRecord old_record_;
  std::unique_ptr<SnapshotHolder> before_retraction_;  // only when replacing
  uint64_t claims_created_ = 0;  // claims the take-in adds to the store
  bool existed_ = false;
  bool finished_ = false;
  bool store_has_terms_ = false;
  bool store_had_claims_ = false;  // false: no claim lookups needed
  uint64_t next_term_ = 0;
  uint64_t fingerprint_ = 0;  // of the statements so far
  uint32_t seq_ = 0;
  int side_fd_ = -1;
  uint64_t side_size_ = 0;
  BulkTermMap terms_;  // value key -> id, every term this load used
  // The terms new to the store, canonical; a deque: no copy (and no twice
  // the memory) as it grows.
  std::deque<std::pair<TermId, Term>> new_terms_;
  std::map<std::string, int64_t> counter_delta_;
  std::map<uint32_t, std::string> sentences_;
};

}  // namespace

Status PrepareStatement(DocumentInput::Statement statement, PreparedStatement* out) {
  return Guarded("preparing a statement", [&]() -> Status {
    KG_RETURN_IF_ERROR(CanonicalizeStatement(std::move(statement), &out->canonical));
    const CanonicalStatement& c = out->canonical;
    out->value_keys = {TermValueKey(c.subject), TermValueKey(c.predicate), TermValueKey(c.object)};
    for (size_t i = 0; i < out->value_keys.size(); ++i) out->key_hashes[i] = BulkTermMap::Hash(out->value_keys[i]);
    out->mention_value.reset();
    if (c.mention.text.empty()) {
      // Inline, as KeepSentence makes every mention without text.
      AppendEncodedMention(&out->mention_value.emplace(), c.mention, /*text_inline=*/true);
    }
    return Status::OK();
  });
}

Result<std::unique_ptr<BulkLoader>> RocksStore::BeginBulkLoad(const Document& document, const BulkLoadOptions& options) {
  return Guarded("starting a bulk load", [&]() -> Result<std::unique_ptr<BulkLoader>> {
    if (read_only_) return Status::InvalidArgument(path_ + " is open read-only");
    if (document.id.empty()) return Status::InvalidArgument("a document needs an id");
    auto loader = std::make_unique<RocksBulkLoader>(*this, document, options);
    KG_RETURN_IF_ERROR(loader->Start());
    return std::unique_ptr<BulkLoader>(std::move(loader));
  });
}

}  // namespace kg::storage
