// Store: an embedded, crash-safe knowledge-graph store in one directory.
//
// One process may open a store for writing; others may open it read-only
// at the same time and see what the writer has committed. A Store object is
// safe to use from several threads for reads; writes are serialised inside.
//
//   auto store = kg::Store::Open("./kgdata", kg::OpenOptions{});
//   if (!store.ok()) { std::cerr << store.status().ToString(); return 1; }
//   (*store)->Match(kg::Pattern{...}, [](const kg::ClaimRecord& r) { ...; return true; });
#ifndef KG_STORE_H_
#define KG_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kg/model.h"
#include "kg/status.h"

namespace kg {

struct OpenOptions {
  bool create_if_missing = true;  // create an empty store in a missing or empty directory
  bool read_only = false;         // may run beside a writer in another process
  // Threads a large query may use, the caller's included: 0 takes the
  // KG_QUERY_THREADS environment variable, else min(2, hardware threads);
  // 1 runs every query on the caller's thread alone.
  int query_threads = 0;
};

// A document and everything extracted from it, written as one atomic batch.
struct DocumentInput {
  Document document;
  // One entry per statement found; the store merges equal claims.
  struct Statement {
    Claim claim;
    Mention mention;  // mention.doc and mention.lang are taken from `document`
  };
  std::vector<Statement> statements;
  std::vector<Alias> aliases;  // aliases of the entities it uses
};

enum class AddOutcome { kNew, kUnchanged, kReplaced };

struct AddResult {
  AddOutcome outcome = AddOutcome::kNew;
  uint64_t claims_new = 0;     // claims that did not exist before
  uint64_t claims_merged = 0;  // statements that joined an existing claim
  uint64_t mentions = 0;       // mentions written
};

// How a write reaches the disk.
struct WriteOptions {
  // true: the write is on stable storage when the call returns (one fsync
  // each). false: the write is still atomic and survives the process being
  // killed, but an operating-system crash or power loss may drop what was
  // written since the last Sync(). Loading many documents in a row, write
  // them unsynced and call Sync() once at the end.
  bool sync = true;
};

// How a bulk load runs (Store::BeginBulkLoad).
struct BulkLoadOptions {
  // Bytes of encoded statements sorted in memory before a sorted run is
  // spilled to a temporary file; bounds the loader's memory beside the
  // dictionary of new terms.
  size_t memory_budget = 64 << 20;
};

// Loads one document with many statements without one big write: the
// statements are encoded and sorted (spilling to temporary files inside the
// store directory), written as table files and taken into the store in one
// atomic step by Finish. Until Finish returns, the store is unchanged; a
// loader destroyed (or a process killed) before that leaves it as it was.
// The loader holds the store's write lock from BeginBulkLoad until it is
// finished or destroyed: other writes of this process wait.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // Validates and encodes one statement; a bad statement is InvalidArgument
  // (the loader stays usable, the statement is not loaded).
  virtual Status Add(const DocumentInput::Statement& statement) = 0;
  // Writes everything; same outcomes as AddDocument (kUnchanged when the
  // document is already there with the same content and statements).
  virtual Result<AddResult> Finish() = 0;
};

// Any position may be left unbound (nullopt). `when` bound to "" matches
// claims without a time; nullopt matches any.
struct Pattern {
  std::optional<Term> subject;
  std::optional<std::string> predicate;
  std::optional<Term> object;
  std::optional<std::string> when;
  // false: skip reading mentions, which makes matching several times faster
  // (joins, counts). ClaimRecord::mentions is then empty and a quantity
  // object's bound is kExact.
  bool with_mentions = true;
};

// What the store knows of a predicate beyond its name. Ingestion declares
// the predicates of its rule data; conflicts and RDF labels use it.
struct PredicateInfo {
  std::string name;
  std::string description;     // one line, English ("plans capital expenditure")
  bool single_valued = false;  // two different entity objects conflict
  bool symmetric = false;      // a competes_with b implies b competes_with a
};

// Claims with the same subject, predicate and when, whose objects disagree.
struct Conflict {
  Term subject;
  std::string predicate;
  std::string when;
  std::vector<ClaimRecord> alternatives;  // two or more, most sources first
};

struct Stats {
  uint64_t documents = 0;
  uint64_t claims = 0;
  uint64_t mentions = 0;
  uint64_t terms = 0;
  uint64_t entities = 0;
  uint64_t predicates = 0;
  uint64_t aliases = 0;
  uint64_t disk_bytes = 0;
  uint32_t format_version = 0;
};

struct CheckReport {
  uint64_t entries_checked = 0;
  std::vector<std::string> problems;  // empty when the store is consistent
  bool ok() const { return problems.empty(); }
};

// Return false from a visitor to stop early.
using ClaimVisitor = std::function<bool(const ClaimRecord&)>;

class Store {
 public:
  // Opens (and, if allowed, creates) the store in `path`. Fails without
  // changing anything when the directory is not a kgstore, was written by a
  // newer format, or is locked by another writer.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const OpenOptions& options);

  virtual ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Adds or replaces a document with all its claims and mentions in one
  // atomic write. Identical content under the same id changes nothing
  // (outcome kUnchanged); changed content replaces the document's mentions.
  Result<AddResult> AddDocument(const DocumentInput& input) { return AddDocument(input, WriteOptions{}); }
  virtual Result<AddResult> AddDocument(const DocumentInput& input, const WriteOptions& options) = 0;

  // Starts a bulk load of one document (see BulkLoader); the document's
  // statements are then given to the loader one by one.
  virtual Result<std::unique_ptr<BulkLoader>> BeginBulkLoad(const Document& document,
                                                            const BulkLoadOptions& options) = 0;

  // Makes every write so far durable (see WriteOptions::sync).
  virtual Status Sync() = 0;

  // Retracts the document's mentions; claims left without a mention vanish
  // from every index. NotFound when there is no such document.
  virtual Status RemoveDocument(const std::string& doc_id) = 0;

  // Registers aliases of entities (normalised: NFC and case-folded).
  virtual Status AddAliases(const std::vector<Alias>& aliases) = 0;

  // Records (or updates) what the store knows of a predicate.
  virtual Status DeclarePredicate(const PredicateInfo& info) = 0;
  virtual Result<std::vector<PredicateInfo>> DeclaredPredicates() const = 0;

  // Visits every claim that matches, with its mentions, in index order.
  virtual Status Match(const Pattern& pattern, const ClaimVisitor& visit) const = 0;

  // Conflicts, optionally only for one subject and/or predicate.
  virtual Result<std::vector<Conflict>> Conflicts(const std::optional<Term>& subject,
                                                  const std::optional<std::string>& predicate) const = 0;

  // Canonical entity ids whose alias (or id) equals `name` after
  // normalisation; empty when none.
  virtual Result<std::vector<std::string>> ResolveEntity(const std::string& name) const = 0;
  virtual Result<std::vector<Alias>> AliasesOf(const std::string& entity) const = 0;

  virtual Result<std::vector<Document>> Documents() const = 0;
  virtual Result<Document> GetDocument(const std::string& doc_id) const = 0;
  // Every distinct predicate, with its number of claims.
  virtual Result<std::vector<std::pair<std::string, uint64_t>>> Predicates() const = 0;
  virtual Result<Stats> GetStats() const = 0;

  // Walks every index and verifies it against the claims and mentions.
  virtual Result<CheckReport> Check() const = 0;

 protected:
  Store() = default;
};

// Keeps memory a query frees for the next one, for a program that queries a store in a loop (the
// `kg` shell, a server, a benchmark). glibc hands the top of its heap back to the system after a
// large query and faults it in again page by page on the next one; on a virtual machine with costly
// page faults that doubled a 12,000-row scan (docs/storage.md "Allocator"). It sets process-wide
// malloc options (M_TOP_PAD), so call it once from main(); the library never calls it itself.
// Does nothing where the C library is not glibc.
void KeepFreedMemoryForQueries();

}  // namespace kg

#endif  // KG_STORE_H_
