// The RocksDB implementation of kg::Store. Internal: no RocksDB type leaves
// the storage folder through a public header.
//
// Column families and key formats are described in docs/storage.md; the
// byte encodings are in encoding.h.
#ifndef KG_STORAGE_ROCKS_STORE_H_
#define KG_STORAGE_ROCKS_STORE_H_

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rocksdb/db.h>

#include "kg/store.h"
#include "storage/encoding.h"
#include "storage/records.h"
#include "storage/term_cache.h"
#include "storage/worker_pool.h"
#include "storage/write_cache.h"

namespace kg::storage {

// The format new stores are written in. Format 1 stores (a key per claim in
// every index) are still read and written in their own format.
inline constexpr uint32_t kFormatVersion = 2;
// From this format on, `pos` holds packed posting lists (storage/packed_pos.h).
inline constexpr uint32_t kPackedPosFormat = 2;
inline constexpr const char* kMarkerFile = "KGSTORE";
// Scratch space of a bulk load inside the store directory; what a killed
// loader left there is removed when the store is next opened for writing.
inline constexpr const char* kBulkTempDir = "bulk-load.tmp";

enum Cf : int {
  kDefaultCf,      // unused; RocksDB requires it
  kMeta,           // counter name -> big64; "format" -> big32
  kTermById,       // id(8) -> EncodeTerm
  kTermByValue,    // TermValueKey -> id(8)
  kSpo,            // s p O w -> big64 mention count: the claims themselves
  kPos,            // p O s w -> ""
  kOsp,            // O s p w -> ""
  kWps,            // w p s O -> ""
  kMentions,       // spo key, doc number(8), seq(4) -> EncodeMention
  kDocMentions,    // doc number(8), seq(4) -> spo key
  kSentences,      // doc number(8), sentence(4) -> sentence text
  kDocuments,      // doc id -> EncodeDocument
  kDocNumbers,     // doc number(8) -> doc id
  kAliases,        // ordered(normalised alias) ordered(entity) ordered(lang) -> alias as written
  kEntityAliases,  // ordered(entity) ordered(normalised alias) ordered(lang) -> alias as written
  kEntityNames,    // ordered(normalised entity id) entity id -> ""
  kPredicateCounts,  // predicate id(8) -> big64 number of claims
  kPredicateInfo,  // predicate name -> EncodePredicateInfo
  kCfCount,
};

const char* CfName(Cf cf);

// Names of the counters kept in kMeta.
namespace counter {
inline constexpr const char* kClaims = "claims";
inline constexpr const char* kMentions = "mentions";
inline constexpr const char* kDocuments = "documents";
inline constexpr const char* kTerms = "terms";
inline constexpr const char* kEntities = "entities";
inline constexpr const char* kPredicates = "predicates";
inline constexpr const char* kAliases = "aliases";
inline constexpr const char* kNextTerm = "next_term";
inline constexpr const char* kNextDocument = "next_document";
}  // namespace counter
inline constexpr const char* kFormatKey = "format";

Status FromRocks(const rocksdb::Status& status, std::string_view context);
// Writes the marker file that names a store directory's format.
Status WriteMarker(const std::string& dir, uint32_t version);

// Runs `body`, turning any exception into a Status so none crosses the API.
template <typename F>
auto Guarded(std::string_view what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return Status::IOError(std::string(what) + ": " + e.what());
  } catch (...) {
    return Status::IOError(std::string(what) + ": unknown exception");
  }
}

// Key helpers shared by the writer, the readers and the checker.
std::string MentionKey(std::string_view spo_key, uint64_t doc_number, uint32_t seq);
// The same into `*key`, replacing what it held (a bulk load reuses one buffer).
void SetMentionKey(std::string_view spo_key, uint64_t doc_number, uint32_t seq, std::string* key);
std::string DocMentionKey(uint64_t doc_number, uint32_t seq);
std::string SentenceKey(uint64_t doc_number, uint32_t sentence);
std::string AliasKey(std::string_view normalised, std::string_view entity, std::string_view lang);
std::string EntityAliasKey(std::string_view entity, std::string_view normalised, std::string_view lang);
std::string EntityNameKey(std::string_view entity);
std::string IdKey(uint64_t id);

class RocksStore final : public Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const OpenOptions& options);
  ~RocksStore() override;

  using Store::AddDocument;
  Result<AddResult> AddDocument(const DocumentInput& input, const WriteOptions& options) override;
  Status Sync() override;
  Result<std::unique_ptr<BulkLoader>> BeginBulkLoad(const Document& document, const BulkLoadOptions& options) override;
  Status RemoveDocument(const std::string& doc_id) override;
  Status AddAliases(const std::vector<Alias>& aliases) override;
  Status DeclarePredicate(const PredicateInfo& info) override;
  Result<std::vector<PredicateInfo>> DeclaredPredicates() const override;
  Status Match(const Pattern& pattern, const ClaimVisitor& visit) const override;
  Result<std::vector<Conflict>> Conflicts(const std::optional<Term>& subject,
                                          const std::optional<std::string>& predicate) const override;
  Result<std::vector<std::string>> ResolveEntity(const std::string& name) const override;
  Result<std::vector<Alias>> AliasesOf(const std::string& entity) const override;
  Result<std::vector<Document>> Documents() const override;
  Result<Document> GetDocument(const std::string& doc_id) const override;
  Result<std::vector<std::pair<std::string, uint64_t>>> Predicates() const override;
  Result<Stats> GetStats() const override;
  Result<CheckReport> Check() const override;

  // Internals for the writer, the checker and tests.
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(Cf which) const { return handles_[which]; }
  bool read_only() const { return read_only_; }
  bool packed_pos() const { return format_ >= kPackedPosFormat; }
  uint32_t format() const { return format_; }
  // An iterator over an index that shows one key per claim whatever the
  // store's format (a packed `pos` through PackedPosIterator).
  std::unique_ptr<rocksdb::Iterator> NewIndexIterator(Cf which, const rocksdb::ReadOptions& options) const;
  const std::string& path() const { return path_; }
  // Threads that help a large query (docs/storage.md, "Queries on both
  // cores"), started by the first query that asks; nullptr when queries
  // run on one thread (OpenOptions::query_threads).
  WorkerPool* query_workers() const;

  // Point read; NotFound is reported as `found = false`, not as an error.
  Status Get(Cf which, std::string_view key, std::string* value, bool* found,
             const rocksdb::Snapshot* snapshot = nullptr) const;
  // Visits entries whose key starts with `prefix`, in key order, until
  // `visit` returns false.
  Status ScanPrefix(Cf which, std::string_view prefix,
                    const std::function<bool(std::string_view key, std::string_view value)>& visit,
                    const rocksdb::Snapshot* snapshot = nullptr) const;
  Result<uint64_t> ReadCounter(std::string_view name, const rocksdb::Snapshot* snapshot = nullptr) const;

  // Terms by id, through a cache (ids are never reused).
  Result<Term> TermOf(TermId id) const;
  // The same into *term, whose strings keep their buffers: a cache hit
  // allocates nothing when they are big enough (a query's decode table).
  Status TermOf(TermId id, Term* term) const;
  // Puts the terms of `ids` that the cache lacks into it, read in one
  // forward pass over the dictionary (a cold store pays a lookup per term
  // otherwise); returns how many it read. `ids` is scratch: reordered and
  // shortened.
  Result<size_t> CacheTerms(std::vector<TermId>* ids) const;
  // The id of a canonical term, 0 when the dictionary does not hold it.
  Result<TermId> FindTermId(const Term& canonical) const;
  Result<Term> ObjectTerm(std::string_view object_key) const;


  // Serialises writers inside this process.
  std::mutex& write_mutex() { return write_mutex_; }
  WriteCache& write_cache() { return write_cache_; }  // under write_mutex()
  Status Commit(rocksdb::WriteBatch* batch, bool sync = true);

 private:
  RocksStore() = default;
  Status ScanClaims(const Pattern& pattern, const rocksdb::Snapshot* snapshot,
                    const std::function<bool(const ClaimKeyParts&)>& visit) const;

  std::string path_;
  std::string secondary_path_;  // temp dir of a read-only instance
  bool read_only_ = false;
  uint32_t format_ = kFormatVersion;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;
  std::mutex write_mutex_;
  WriteCache write_cache_;
  size_t query_threads_ = 1;
  mutable std::once_flag query_workers_started_;
  mutable std::unique_ptr<WorkerPool> query_workers_;
  mutable std::shared_mutex term_cache_mutex_;
  mutable TermCache term_cache_;
};

// Releases a snapshot when a read is done; readers of a secondary instance
// need none (it changes only when it catches up, which happens at open).
// Reads claims with their mentions for one Match: one mentions iterator and
// one cache of documents serve every claim visited.
class ClaimReader {
 public:
  ClaimReader(const RocksStore& store, const rocksdb::Snapshot* snapshot);
  Result<ClaimRecord> Read(const ClaimKeyParts& parts, bool with_mentions = true);

 private:
  Result<const DocumentRecord*> DocumentByNumber(uint64_t number);
  Status AddMention(uint64_t number, MentionRecord m, ClaimRecord* record);

  const RocksStore& store_;
  const rocksdb::Snapshot* snapshot_;
  std::unique_ptr<rocksdb::Iterator> mentions_;
  std::unordered_map<uint64_t, DocumentRecord> documents_;
};

class SnapshotHolder {
 public:
  explicit SnapshotHolder(const RocksStore& store)
      : db_(store.db()), snapshot_(store.read_only() ? nullptr : db_->GetSnapshot()) {}
  ~SnapshotHolder() {
    if (snapshot_ != nullptr) db_->ReleaseSnapshot(snapshot_);
  }
  SnapshotHolder(const SnapshotHolder&) = delete;
  SnapshotHolder& operator=(const SnapshotHolder&) = delete;
  const rocksdb::Snapshot* get() const { return snapshot_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_ROCKS_STORE_H_
