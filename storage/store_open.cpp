// Opening a store: the directory marker, format versions, the writer lock,
// read-only (secondary) instances and the RocksDB tuning of each column family.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include "storage/block_allocator.h"
#include "storage/rocks_store.h"

namespace kg {

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const OpenOptions& options) {
  return storage::Guarded("opening " + path, [&]() { return storage::RocksStore::Open(path, options); });
}

}  // namespace kg

namespace kg::storage {

namespace fs = std::filesystem;

Status WriteMarker(const std::string& dir, uint32_t version) {
  const fs::path file = fs::path(dir) / kMarkerFile;
  std::ofstream out(file, std::ios::trunc);
  out << "kgstore format " << version << "\n";
  out.flush();
  if (!out) return Status::IOError("cannot write " + file.string());
  return Status::OK();
}

namespace {

// The column families whose keys start with an 8-byte id worth a prefix bloom.
bool HasIdPrefix(Cf which) {
  switch (which) {
    case kSpo: case kPos: case kWps: case kMentions: case kDocMentions: case kSentences:
      return true;
    default:
      return false;
  }
}

// Whether a read path consults the column family's filter where it can say
// no. Ids are looked up only after an index entry named them, so they always
// exist: a filter on term_by_id would be read and never say no. osp is only
// walked (seeks in total order: it has no prefix extractor, and a whole-key
// filter serves point reads, which nothing does on osp). entity_names has no
// prefix extractor either, and only Check reads it by key, for entities the
// dictionary says exist. (pos and wps keep theirs: Store::Match scans them by
// an 8-byte prefix, which the filter can rule out of a file.)
bool HasBloomFilter(Cf which) {
  switch (which) {
    case kTermById: case kOsp: case kEntityNames:
      return false;
    default:
      return true;
  }
}

rocksdb::ColumnFamilyOptions CfOptions(Cf which, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  if (HasBloomFilter(which)) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.cache_index_and_filter_blocks = true;
  // Partitioned index and filters: a bulk load writes one large file per
  // column family, whose whole filter would otherwise be read (and evicted
  // again) for a point lookup; the small top level stays pinned.
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  table.partition_filters = true;
  table.pin_top_level_index_and_filter = true;
  if (HasIdPrefix(which)) {
    options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
    table.whole_key_filtering = which == kSpo;  // spo also gets point lookups
  }
  // A document's mention list and sentences are written in key order under
  // its new number: each memtable insert starts from where the last one of
  // the same prefix ended instead of searching the skip list from the top.
  if (which == kDocMentions || which == kSentences) {
    options.memtable_insert_with_hint_prefix_extractor = options.prefix_extractor;
  }
  // Mentions and a document's mention list are read a run at a time (a
  // claim's mentions, a whole document), never by the queries' index walks,
  // and are half of a store's bytes: 16 KiB blocks compress them better and
  // cost less to write than 4 KiB ones (a bulk load: 7% fewer instructions,
  // 15% less disk at 100k triples).
  if (which == kMentions || which == kDocMentions) table.block_size = 16 << 10;
  // A query's terms are scattered over the dictionary by id (a cold Q1 on
  // the 5M store reads 41,600 of its 1.36M entries, in nearly every one of
  // its 4 KiB blocks): 16 KiB blocks mean a quarter of the blocks to find,
  // read and decompress (that Q1: 734M -> 697M instructions) and 4 MB less
  // disk; 32 KiB gained nothing more (695M).
  if (which == kTermById) table.block_size = 16 << 10;
  // A nested loop seeks spo once per outer row, each into another data
  // block (Q4: a seek per survivor): a restart point every 8 keys instead
  // of 16 halves the linear scan after the block's binary search. Q4's
  // warm instructions 0.97x at 1M, spo 1% larger; 4 gained 0.9% more for
  // twice the growth. Scans (Q1, Q3) are unchanged. Only files written
  // since take it: a store written before reads as it did.
  if (which == kSpo) table.block_restart_interval = 8;
  // The dictionary by id is read by seeks to scattered ids, mostly inside
  // a block already found (RocksStore::CacheTerms): a restart every 4 keys
  // instead of 16 shortens the scan after the binary search. Cold Q1 on
  // the 5M store, serial: 641M -> 613M instructions; term_by_id 21.7 ->
  // 23.4 MB (+0.6% of the store). A restart at every key gained 0.5% more
  // (both threads: 651M -> 647M) for 6 MB more. Only files written since
  // take it.
  if (which == kTermById) table.block_restart_interval = 4;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // LZ4 where data is rewritten soon; ZSTD on the bottom level and in bulk
  // load table files (SstFileWriter takes the bottommost setting).
  options.compression = rocksdb::kLZ4Compression;
  // The dictionary by id is read at random, a block per decoded term on a
  // cold cache, so it keeps LZ4's cheaper decompression everywhere.
  options.bottommost_compression = which == kTermById ? rocksdb::kLZ4Compression : rocksdb::kZSTD;
  return options;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors() {
  static std::shared_ptr<rocksdb::Cache> cache = [] {
    rocksdb::LRUCacheOptions options;
    options.capacity = 64 << 20;
    // Blocks on huge pages: a cold Q1 on the 5M store took half the page
    // faults (6,985 -> 3,247) and 0.89x the CPU time (perf stat, 4 x 10 runs).
    options.memory_allocator = NewHugePageBlockAllocator();
    return rocksdb::NewLRUCache(options);
  }();
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (int i = 0; i < kCfCount; ++i) {
    auto which = static_cast<Cf>(i);
    out.emplace_back(i == kDefaultCf ? rocksdb::kDefaultColumnFamilyName : CfName(which), CfOptions(which, cache));
  }
  return out;
}

// Opens the writer. A new store's column families are made in one call
// after opening with the default one alone: DB::Open makes missing ones one
// at a time and rewrites its OPTIONS file after each (~0.1 s of every new
// store, a bulk load's included).
rocksdb::Status OpenForWriting(const rocksdb::DBOptions& options, const std::string& path,
                               std::vector<rocksdb::ColumnFamilyHandle*>* handles, rocksdb::DB** db) {
  const std::vector<rocksdb::ColumnFamilyDescriptor> all = Descriptors();
  std::vector<std::string> existing;
  if (rocksdb::DB::ListColumnFamilies(options, path, &existing).ok()) return rocksdb::DB::Open(options, path, all, handles, db);
  rocksdb::Status status = rocksdb::DB::Open(options, path, {all.front()}, handles, db);
  if (!status.ok()) return status;
  std::vector<rocksdb::ColumnFamilyHandle*> created;
  status = (*db)->CreateColumnFamilies({all.begin() + 1, all.end()}, &created);
  handles->insert(handles->end(), created.begin(), created.end());
  return status;
}


// Reads the format version from the marker; 0 when there is no marker.
Result<uint32_t> ReadMarker(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir / kMarkerFile, ec)) return 0u;
  std::ifstream in(dir / kMarkerFile);
  std::string word1, word2;
  long long version = 0;
  if (!(in >> word1 >> word2 >> version) || word1 != "kgstore" || word2 != "format" || version <= 0) {
    return Status::Corruption((dir / kMarkerFile).string() + " is not a kgstore marker");
  }
  return static_cast<uint32_t>(version);
}


// Decides whether `path` may be opened, creating the directory and marker
// for a new store. Changes nothing when it refuses.
Status PrepareDirectory(const fs::path& dir, const OpenOptions& options) {
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec)) {
    return Status::InvalidArgument(dir.string() + " is not a directory");
  }
  if (exists) {
    auto version = ReadMarker(dir);
    if (!version.ok()) return version.status();
    if (*version > kFormatVersion) {
      return Status::NotSupported(dir.string() + " was written by a newer kgstore (format " +
                                  std::to_string(*version) + "; this build reads format " +
                                  std::to_string(kFormatVersion) + " and older)");
    }
    if (*version > 0) return Status::OK();
    if (!fs::is_empty(dir, ec)) {
      return Status::InvalidArgument(dir.string() + " is not a kgstore (it has files but no " + kMarkerFile +
                                     " marker); refusing to touch it");
    }
  }
  if (options.read_only || !options.create_if_missing) {
    return Status::NotFound("no kgstore at " + dir.string());
  }
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir.string() + ": " + ec.message());
  return WriteMarker(dir.string(), kFormatVersion);
}

// The store's format version, written first for a new store.
Result<uint32_t> CheckStoredFormat(RocksStore& store) {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(store.Get(kMeta, kFormatKey, &value, &found));
  if (!found) {
    if (store.read_only()) return kFormatVersion;  // a writer is still creating it
    std::string encoded;
    PutBig32(&encoded, kFormatVersion);
    rocksdb::WriteBatch batch;
    batch.Put(store.cf(kMeta), kFormatKey, encoded);
    KG_RETURN_IF_ERROR(store.Commit(&batch));
    return kFormatVersion;
  }
  if (value.size() != 4) return Status::Corruption("bad format record in " + store.path());
  uint32_t version = GetBig32(value);
  if (version > kFormatVersion) {
    return Status::NotSupported(store.path() + " was written by a newer kgstore (format " + std::to_string(version) + ")");
  }
  return version;
}

constexpr std::string_view kReaderDirPrefix = "kgstore-reader-";

// Removes scratch directories of readers whose process is gone (killed
// before it could clean up). Their names carry the reader's pid.
void RemoveStaleReaderDirs() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(kReaderDirPrefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + kReaderDirPrefix.size(), nullptr, 10);
    if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
  }
}

Result<std::string> MakeSecondaryDir() {
  RemoveStaleReaderDirs();
  std::string pattern =
      (fs::temp_directory_path() / (std::string(kReaderDirPrefix) + std::to_string(getpid()) + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) return Status::IOError("cannot create a temporary directory for a reader");
  return pattern;
}

}  // namespace

const char* CfName(Cf which) {
  static const char* kNames[] = {"default",   "meta",          "term_by_id",   "term_by_value", "spo",
                                 "pos",       "osp",           "wps",          "mentions",      "doc_mentions",
                                 "sentences", "documents",     "doc_numbers",  "aliases",       "entity_aliases",
                                 "entity_names", "predicate_counts", "predicate_info"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == kCfCount);
  return kNames[which];
}

Status FromRocks(const rocksdb::Status& status, std::string_view context) {
  if (status.ok()) return Status::OK();
  std::string message = std::string(context) + ": " + status.ToString();
  if (status.IsIOError() && (status.ToString().find("lock") != std::string::npos ||
                             status.ToString().find("LOCK") != std::string::npos)) {
    return Status::Busy(std::string(context) + ": the store is locked by another process (a writer is running); "
                        "open it read-only or stop that process");
  }
  if (status.IsNotFound()) return Status::NotFound(message);
  if (status.IsCorruption()) return Status::Corruption(message);
  if (status.IsInvalidArgument()) return Status::InvalidArgument(message);
  if (status.IsNotSupported()) return Status::NotSupported(message);
  if (status.IsBusy() || status.IsTryAgain()) return Status::Busy(message);
  return Status::IOError(message);
}

Result<std::unique_ptr<Store>> RocksStore::Open(const std::string& path, const OpenOptions& options) {
  if (path.empty()) return Status::InvalidArgument("empty store path");
  KG_RETURN_IF_ERROR(PrepareDirectory(path, options));
  std::unique_ptr<RocksStore> store(new RocksStore());
  store->path_ = path;
  store->read_only_ = options.read_only;
  store->query_threads_ = QueryThreads(options.query_threads);

  rocksdb::DBOptions db_options;
  db_options.max_open_files = -1;  // secondary instances need every file open
  // Table files are opened at open and at every catch-up, by this many
  // threads per column family: 16 (the default) x 18 column families x 2
  // spawned ~600 threads and was most of a cold query's start-up.
  db_options.max_file_opening_threads = 1;
  db_options.keep_log_file_num = 2;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status;
  if (options.read_only) {
    auto secondary = MakeSecondaryDir();
    if (!secondary.ok()) return secondary.status();
    store->secondary_path_ = *secondary;
    // A reader maps the table files instead of copying each block it reads
    // out of the page cache with a pread: a cold query of many terms reads
    // thousands of blocks (cold Q1 on the 5M store: 3,800 preads, ~10% of
    // its CPU time). The writer keeps preads: a bulk load reads the claims it
    // adds to, and mapped pages would count in its resident memory.
    db_options.allow_mmap_reads = true;
    status = rocksdb::DB::OpenAsSecondary(db_options, path, store->secondary_path_, Descriptors(),
                                          &store->handles_, &raw);
  } else {
    db_options.create_if_missing = true;
    db_options.create_missing_column_families = true;
    std::error_code ec;
    fs::remove_all(fs::path(path) / kBulkTempDir, ec);  // left by a bulk load that was killed
    status = OpenForWriting(db_options, path, &store->handles_, &raw);
  }
  if (raw != nullptr) store->db_.reset(raw);  // the store closes it, even when making it failed half way
  if (!status.ok()) return FromRocks(status, "opening " + path);
  if (options.read_only) {
    KG_RETURN_IF_ERROR(FromRocks(store->db_->TryCatchUpWithPrimary(), "catching up with the writer"));
  }
  auto format = CheckStoredFormat(*store);
  if (!format.ok()) return format.status();
  store->format_ = *format;
  return std::unique_ptr<Store>(std::move(store));
}

RocksStore::~RocksStore() {
  query_workers_.reset();
  if (db_) {
    for (auto* handle : handles_) db_->DestroyColumnFamilyHandle(handle);
    db_->Close();
    db_.reset();
  }
  if (!secondary_path_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_path_, ec);
  }
}

WorkerPool* RocksStore::query_workers() const {
  if (query_threads_ < 2) return nullptr;
  std::call_once(query_workers_started_, [this] { query_workers_ = std::make_unique<WorkerPool>(query_threads_ - 1); });
  return query_workers_.get();
}

Status RocksStore::Commit(rocksdb::WriteBatch* batch, bool sync) {
  if (read_only_) return Status::InvalidArgument(path_ + " is open read-only");
  rocksdb::WriteOptions options;
  options.sync = sync;
  return FromRocks(db_->Write(options, batch), "writing to " + path_);
}

Status RocksStore::Sync() {
  if (read_only_) return Status::OK();
  return FromRocks(db_->SyncWAL(), "syncing " + path_);
}

}  // namespace kg::storage
