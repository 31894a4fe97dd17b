// Stage 4 of a FIND without FROM / LANG: runs the plan on term ids. Lookups
// read index keys only (no mentions, no term decoding); joins compare ids;
// terms are decoded (the store caches them) only for FILTER conditions and
// the rows that reach the result. Rows stream to the visitor as they are
// found, their cells borrowed from the executor's table of decoded terms.
//
// A step either looks the pattern up once per incoming row, with the
// values bound so far in the index prefix, or (PlanStep::hash_join) reads
// the pattern's matches once into a hash table keyed on the variables
// bound before it and probes that per row.
#ifndef KG_QUERY_ID_EXECUTOR_H_
#define KG_QUERY_ID_EXECUTOR_H_

#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "kg/query.h"
#include "query/binder.h"
#include "query/planner.h"
#include "query/row.h"
#include "query/shaping.h"
#include "query/stop_check.h"
#include "storage/id_scan.h"

namespace kg::query {

class IdExecutor {
 public:
  // `symmetric`: predicates declared symmetric, matched both ways.
  IdExecutor(const storage::RocksStore& store, const BoundFind& find, const QueryOptions& options,
             const std::set<std::string>& symmetric);
  ~IdExecutor();

  // Per pattern, its matches with only its constants bound, counted up to
  // `cap` where a constant other than the predicate narrows it (-1 where
  // the predicate's count says enough), and beyond the cap the index's
  // approximate size of its key range where one lookup serves it:
  // Statistics::constant_matches.
  std::vector<double> ConstantMatches(uint64_t cap);

  Result<QueryInfo> Run(const Plan& plan, RowVisitor& visitor);
  size_t patterns() const { return patterns_.size(); }

 private:
  // A position of a pattern: a variable, or constants as object components
  // (8-byte ids, quantity value keys) that the store holds.
  struct Position {
    int slot = -1;
    std::vector<std::string> keys;
  };
  struct Prepared {
    Position subject, predicate, object;
    bool has_when = false;
    Position when;
    bool symmetric = false;
    bool shows_bound = false;  // a quantity object is shown with its bound
  };
  // A solution in progress. A value is an object component; "" is null
  // (a claim without a time bound to ?when).
  struct IdRow {
    std::vector<std::string> values;
    std::vector<char> bound;
    std::vector<std::string> claim_of;  // spo key of the claim that bound a shown quantity
  };
  struct HashTable;
  // Where the probes of one hash-join step stand (each thread its own).
  struct ProbeState;
  // The claims of a PlanStep::searches_list step, read on its first row.
  struct ClaimList {
    std::shared_ptr<const std::vector<storage::PosPair>> claims;  // (subject, time), sorted; shared by threads
    size_t last = 0;                                                // where the last search ended
  };
  // A contiguous run of the first step's matches (docs/storage.md,
  // "Queries on both cores"): the rows it leads to, in order, as the
  // values and claim_of of their output slots, each a 2-byte length and
  // its bytes. The query's thread decodes them as it hands them out.
  struct Morsel {
    std::string from, to;      // index keys: its matches are in [from, to); empty: the range's start, end
    std::string rows;
    std::vector<storage::TermId> ids;  // the dictionary ids its rows show, cached before they are decoded
    std::exception_ptr error;  // what stopped it failing
    std::string stopped_by;    // a StopCheck reason
    bool cut_short = false;    // stopped because another morsel failed
    bool done = false;         // under MorselRun::mutex
  };
  struct MorselRun {
    std::vector<Morsel> morsels;
    std::atomic<size_t> next{0};          // the next morsel to claim
    std::atomic<bool> abandoned{false};   // a failure or the result stopped the query
    std::mutex mutex;
    std::condition_variable finished;     // a morsel is done
    std::exception_ptr helper_error;      // a helper that failed before its first morsel
    std::string stopped_by;               // the StopCheck reason of the last morsel emitted
    storage::WorkerPool* workers = nullptr;
    std::shared_ptr<storage::WorkerPool::Job> job;  // the helpers' part
    // Abandons the run and waits until no helper runs a morsel: every
    // morsel claimed is then done.
    void StopHelpers() {
      abandoned = true;
      if (job) workers->Withdraw(job);
    }
  };
  // The claims of one subject, read with one seek for the steps that look
  // that subject up under several predicates (a star around ?x): they then
  // filter these instead of seeking each. Only the stretch of its claims
  // from the lowest to the highest of those predicates is read (in spo a
  // subject's claims come in predicate order). `complete` is false when
  // that stretch holds more than a few claims (those steps seek as usual).
  struct SubjectClaims {
    bool filled = false;
    bool complete = false;
    storage::TermId first_predicate = 0;  // the star's predicates, lowest
    storage::TermId last_predicate = 0;   // and highest
    storage::TermId subject = 0;
    size_t count = 0;
    std::vector<storage::ClaimKeyParts> claims;  // reused: the first `count` are this subject's
  };

  // A helper thread's executor for `query`'s morsels: the same patterns,
  // plan, snapshot and hash tables and lists, its own cursors and decoded
  // terms. Made on the query's thread, set up (SetUpThread) on its own.
  IdExecutor(const IdExecutor& query, MorselRun& run);

  Prepared Prepare(const BoundPattern& pattern, const std::set<std::string>& symmetric);
  // What the threads of a run share: hash-join key and value slots,
  // filter and output slots.
  void SetUpShared();
  // What each thread has of its own: cursors, stars, decode table.
  void SetUpThread();
  // Where the first step's matches are cut into morsels; none: serial.
  std::vector<std::string> MorselCuts();
  Result<QueryInfo> RunInMorsels(const std::vector<std::string>& cuts);
  // Claims and runs morsels until none is left.
  void RunMorsels(MorselRun& run);
  void RunMorsel(MorselRun& run, Morsel& morsel);
  // Hands done morsels to the result in order, from `*emitted` on; waits
  // for each when `wait`. False when the result or a stop ended the query.
  bool EmitMorsels(MorselRun& run, size_t* emitted, bool wait);
  [[noreturn]] void RethrowFirstError(MorselRun& run);
  void ReadList(size_t step);
  // The lookup of a pattern with one value per constant position and not
  // symmetric; nullopt for those that take several.
  static std::optional<storage::IdPattern> SingleLookup(const Prepared& pattern);
  IdRow EmptyRow() const;
  // Matches `pattern` under `row` and calls next(row) with each match bound
  // (undone afterwards); false when `next` or a limit stopped the run.
  template <typename Next>
  bool Lookup(const Prepared& pattern, IdRow& row, storage::ClaimCursor& cursor, Next& next, bool star = false);
  template <typename Next>
  bool LookupDirected(const Prepared& pattern, IdRow& row, storage::ClaimCursor& cursor, bool mirrored, Next& next,
                      bool star = false);
  template <typename Next>
  bool BindMatch(const Prepared& pattern, const storage::ClaimKeyParts& parts, bool mirrored, IdRow& row, Next& next);
  template <typename Next>
  bool Probe(size_t step, IdRow& row, Next& next);
  template <typename Next>
  bool SearchList(size_t step, IdRow& row, Next& next);
  void Build(size_t step);
  bool RunStep(size_t step, IdRow& row);
  // Hands a row to the result, or holds it back while the store's term
  // cache misses: held rows have their terms read in one batch
  // (RocksStore::CacheTerms) before they go out, in order.
  bool Emit(const IdRow& row);
  bool EmitHeld();
  bool EmitNow(const IdRow& row);
  bool PassesFilters(const PlanStep& step, const IdRow& row);
  const SubjectClaims& ClaimsOf(int slot, storage::TermId subject, storage::ClaimCursor& cursor);
  void PlanStars();
  // The value of `slot`, decoded; valid until the next row is emitted
  // (Emit pins what it hands out).
  const Value& Decode(const IdRow& row, int slot);
  // `spill`: where the term goes when its table entry holds another term
  // the row being emitted still shows.
  const Value& DecodeId(storage::TermId id, Value* spill);
  Value DecodeValue(const IdRow& row, int slot);
  bool Stopped() { return stop_.Due() || (run_ != nullptr && run_->abandoned.load(std::memory_order_relaxed)); }

  const storage::RocksStore& store_;
  const BoundFind& find_;
  QueryOptions options_;
  storage::IdScanner scanner_;
  std::vector<Prepared> patterns_;
  const Plan* plan_ = nullptr;
  std::vector<std::unique_ptr<storage::ClaimCursor>> cursors_;  // one per step
  std::vector<std::shared_ptr<HashTable>> tables_;             // per hash-join step, shared by threads
  std::vector<ProbeState> probes_;                              // per step
  std::vector<ClaimList> lists_;                                // per step
  std::vector<char> star_steps_;          // per step: reads its subject's claims from stars_
  std::vector<SubjectClaims> stars_;      // per slot
  std::vector<std::vector<int>> filter_slots_;                 // per conjunct
  std::vector<int> output_slots_;  // what the result needs decoded
  struct DecodedTerm {
    storage::TermId id = 0;  // 0: empty (no term has id 0)
    uint64_t pinned = 0;     // the emitted row that shows it (emitted_)
    Value value;
  };
  static constexpr int kDecodedBits = 10;
  std::vector<DecodedTerm> decoded_;  // terms this query decoded, by a hash of their id
  std::vector<Value> last_value_;  // per slot, the last value decoded other than a table entry
  uint64_t emitted_ = 0;            // rows emitted so far, counting the one being emitted
  std::vector<const Value*> cells_;  // the row being emitted
  // Rows held back for one batched dictionary read. Batches grow from one
  // row (the first row is not delayed) and stop once a batch finds every
  // term cached (a warm store).
  struct HeldRows {
    bool active = true;
    size_t limit = 1;  // rows per batch
    size_t count = 0;
    std::vector<IdRow> rows;  // reused: the first `count` are held
    std::vector<storage::TermId> ids;
  };
  HeldRows held_;
  std::unique_ptr<ResultCollector> collector_;  // the query's thread only
  StopCheck stop_;
  MorselRun* run_ = nullptr;  // while the query runs in morsels
  Morsel* morsel_ = nullptr;  // the morsel being run: rows go there, decoded
};

}  // namespace kg::query

#endif  // KG_QUERY_ID_EXECUTOR_H_
