#include "query/id_executor.h"

#include <algorithm>
#include <unordered_map>

#include "query/error.h"
#include "query/executor.h"
#include "query/filter.h"
#include "query/shaping.h"

namespace kg::query {

using storage::ClaimKeyParts;
using storage::IdKey;
using storage::TermId;

namespace {

constexpr size_t kIdSize = 8;

bool IsQuantityKey(const std::string& key) {
  return !key.empty() && static_cast<TermKind>(key.front()) == TermKind::kQuantity;
}

// The values a position may take in one lookup: its constants, the value
// its variable is bound to, or any.
struct Choices {
  const std::string* keys = nullptr;
  size_t count = 1;
  bool any = true;
};

// Choice `i` as an id for the key prefix; nullopt: any. False when the
// value cannot be in that position (a quantity as subject, a null).
bool IdChoice(const Choices& choices, size_t i, bool when, std::optional<TermId>* id) {
  id->reset();
  if (choices.any) return true;
  const std::string& key = choices.keys[i];
  if (when && key.empty()) *id = storage::kNoTime;
  if (key.size() == kIdSize) *id = storage::GetBig64(key);
  return id->has_value();
}

bool ObjectChoice(const Choices& choices, size_t i, std::optional<std::string>* object) {
  object->reset();
  if (choices.any) return true;
  if (choices.keys[i].empty()) return false;
  *object = choices.keys[i];
  return true;
}

// Appends a value to a hash key; the length keeps values apart.
void AppendKeyPart(std::string* key, const std::string& value) {
  key->push_back(static_cast<char>(value.size()));
  *key += value;
}

constexpr uint32_t kNoMatch = UINT32_MAX;

// The first and last match of one key of a hash join.
struct MatchChain {
  uint32_t first = kNoMatch;
  uint32_t last = kNoMatch;
};

// The chains of a hash join by key. A key that is one term id (a join on
// one variable bound to an entity: the usual case) goes to an
// open-addressing table of ids, found without hashing a string or following
// a node per key; any other key to a map of strings.
class ChainIndex {
 public:
  MatchChain& Insert(const std::string& key) {
    TermId id = 0;
    if (!SingleId(key, &id)) return others_[key];
    if (2 * (used_ + 1) > ids_.size()) Grow();
    const size_t slot = SlotOf(id);
    if (ids_[slot] == 0) {
      ids_[slot] = id;
      ++used_;
    }
    return chains_[slot];
  }
  const MatchChain* Find(const std::string& key) const {
    TermId id = 0;
    if (!SingleId(key, &id)) {
      auto found = others_.find(key);
      return found == others_.end() ? nullptr : &found->second;
    }
    if (ids_.empty()) return nullptr;
    const size_t slot = SlotOf(id);
    return ids_[slot] == id ? &chains_[slot] : nullptr;
  }

 private:
  // A key made by AppendKeyPart of one 8-byte value; no term has id 0.
  static bool SingleId(const std::string& key, TermId* id) {
    if (key.size() != 1 + kIdSize || key[0] != static_cast<char>(kIdSize)) return false;
    *id = storage::GetBig64(std::string_view(key).substr(1));
    return *id != 0;
  }
  // The slot that holds `id`, or the empty one where it goes.
  size_t SlotOf(TermId id) const {
    const size_t mask = ids_.size() - 1;
    size_t slot = (id * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
    while (ids_[slot] != 0 && ids_[slot] != id) slot = (slot + 1) & mask;
    return slot;
  }
  void Grow() {
    std::vector<TermId> ids = std::move(ids_);
    std::vector<MatchChain> chains = std::move(chains_);
    ids_.assign(std::max<size_t>(64, 2 * ids.size()), 0);
    chains_.assign(ids_.size(), MatchChain{});
    for (size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == 0) continue;
      const size_t slot = SlotOf(ids[i]);
      ids_[slot] = ids[i];
      chains_[slot] = chains[i];
    }
  }

  std::vector<TermId> ids_;  // power-of-two size, at most half used; 0: empty
  std::vector<MatchChain> chains_;  // beside ids_
  size_t used_ = 0;
  std::unordered_map<std::string, MatchChain> others_;
};

}  // namespace

// The matches of a hash-join step, read once, by the values of the
// variables bound before the step. Match m is value_slots.size()
// consecutive cells from m * value_slots.size(); the matches of one key
// are chained in the order read, so the table allocates per key only.
struct IdExecutor::HashTable {
  static constexpr uint32_t kEnd = kNoMatch;
  bool built = false;
  std::vector<int> key_slots;    // bound before the step
  std::vector<int> value_slots;  // bound by the step
  ChainIndex chains;
  std::vector<uint32_t> next;  // per match: the next match of its key, or kEnd
  std::vector<std::string> cells;
  std::unordered_map<uint32_t, std::string> claims;  // first cell -> claim_of of a shown quantity

  void Add(const std::string& key) {
    const auto match = static_cast<uint32_t>(next.size());
    next.push_back(kEnd);
    MatchChain& chain = chains.Insert(key);
    if (chain.last == kEnd) {
      chain.first = match;
    } else {
      next[chain.last] = match;
    }
    chain.last = match;
  }
};

struct IdExecutor::ProbeState {
  std::string last_key;                    // of the last probe
  std::string probe_key;                   // reused by each probe
  uint32_t last_first = HashTable::kEnd;  // its first match
};

namespace {

// When a query runs in morsels, set from instructions counted with
// callgrind (session 13, docs/storage.md "Queries on both cores"): what
// both threads spend against the serial run, and the critical path (the
// caller's work outside its morsels plus half of all morsel work) against
// it. The helper's wake-up is not in those counts: a gain must exceed it.
// - A first step followed by lookups (Q4's shape: a list, then a star
//   seeking spo per row): the planner counts a step's matches up to 100
//   and guesses past that, so kMinMorselRows rules the guesses. A packed
//   (p, O) run small enough to be cut at its claims is counted there and
//   must hold kMinCountedMatches: Q4's shape at 1M with 185 claims spent
//   1.08x the instructions for a critical path of 0.91x (a loss once the
//   hand-off is paid); with 781 1.09x for 0.76x; with 1,909 1.07x for
//   0.67x; at 5M with 7,338 1.06x for 0.63x.
// - A lone step leaves the output, nearly all of its work, on the caller:
//   Q1's shape at 1M with 5,368 rows spent 1.34x for 0.93x, with 12,782
//   1.29x for 0.86x. Its estimate is a guess (one pattern is planned
//   without counting), so the index's sizes must give it
//   kMinMorselRowsOfALoneStep matches too. A lone step over a packed
//   `pos` run never pays: its claims come from the entry with no iterator
//   step each (Q2 at 5M, 12,647 rows: 1.09x on the caller's thread, 1.45x
//   CPU, session 12).
constexpr double kMinMorselRows = 1000;
constexpr double kMinMorselRowsOfALoneStep = 6000;
constexpr size_t kMinCountedMatches = 500;
// Morsels per thread: more even shares on a box whose cores are shared,
// at a seek each.
constexpr size_t kMorselsPerThread = 4;

}  // namespace

IdExecutor::IdExecutor(const storage::RocksStore& store, const BoundFind& find, const QueryOptions& options,
                       const std::set<std::string>& symmetric)
    : store_(store), find_(find), options_(options), scanner_(store), stop_(options) {
  for (const auto& pattern : find.patterns) patterns_.push_back(Prepare(pattern, symmetric));
}

IdExecutor::IdExecutor(const IdExecutor& query, MorselRun& run)
    : store_(query.store_),
      find_(query.find_),
      options_(query.options_),
      scanner_(query.scanner_, query.store_),
      patterns_(query.patterns_),
      plan_(query.plan_),
      tables_(query.tables_),
      lists_(query.lists_),
      filter_slots_(query.filter_slots_),
      output_slots_(query.output_slots_),
      stop_(query.stop_),
      run_(&run) {}

IdExecutor::~IdExecutor() = default;

IdExecutor::Prepared IdExecutor::Prepare(const BoundPattern& pattern, const std::set<std::string>& symmetric) {
  auto ids = [&](const BoundTerm& term) {
    Position position{term.slot, {}};
    for (const auto& constant : term.constants) {
      TermId id = ValueOrThrow(scanner_.IdOf(constant));
      if (id != 0) position.keys.push_back(IdKey(id));
    }
    return position;
  };
  Prepared prepared;
  prepared.subject = ids(pattern.subject);
  prepared.predicate = ids(pattern.predicate);
  prepared.object.slot = pattern.object.slot;
  for (const auto& constant : pattern.object.constants) {
    std::string key = ValueOrThrow(scanner_.ObjectKeyOf(constant));
    if (!key.empty()) prepared.object.keys.push_back(std::move(key));
  }
  if (pattern.when) {
    prepared.has_when = true;
    prepared.when = ids(*pattern.when);
  }
  prepared.symmetric = std::any_of(pattern.predicate.constants.begin(), pattern.predicate.constants.end(),
                                   [&](const Term& p) { return symmetric.count(p.value) > 0; });
  prepared.shows_bound = ShowsBound(find_, pattern);
  return prepared;
}

IdExecutor::IdRow IdExecutor::EmptyRow() const {
  const size_t slots = find_.slot_names.size();
  return IdRow{std::vector<std::string>(slots), std::vector<char>(slots, 0), std::vector<std::string>(slots)};
}

std::vector<double> IdExecutor::ConstantMatches(uint64_t cap) {
  std::vector<double> matches;
  storage::ClaimCursor cursor(scanner_);
  for (const Prepared& pattern : patterns_) {
    bool narrowed = pattern.subject.slot < 0 || pattern.object.slot < 0 || (pattern.has_when && pattern.when.slot < 0);
    if (!narrowed) {
      matches.push_back(-1);
      continue;
    }
    uint64_t count = 0;
    IdRow row = EmptyRow();
    auto counter = [&](IdRow&) { return ++count < cap; };
    Lookup(pattern, row, cursor, counter);
    double counted = static_cast<double>(count);
    // Past the cap the index tells roughly how many more there are.
    auto lookup = count >= cap ? SingleLookup(pattern) : std::nullopt;
    if (lookup) counted = std::max(counted, ValueOrThrow(scanner_.ApproximateMatches(*lookup)));
    matches.push_back(counted);
  }
  return matches;
}

std::optional<storage::IdPattern> IdExecutor::SingleLookup(const Prepared& pattern) {
  auto single = [](const Position& position) { return position.slot >= 0 || position.keys.size() == 1; };
  if (pattern.symmetric || !single(pattern.subject) || !single(pattern.predicate) || !single(pattern.object) ||
      (pattern.has_when && !single(pattern.when))) {
    return std::nullopt;
  }
  auto id = [](const Position& position) -> std::optional<TermId> {
    if (position.slot >= 0 || position.keys.front().size() != kIdSize) return std::nullopt;
    return storage::GetBig64(position.keys.front());
  };
  storage::IdPattern lookup;
  lookup.subject = id(pattern.subject);
  lookup.predicate = id(pattern.predicate);
  if (pattern.object.slot < 0) lookup.object = pattern.object.keys.front();
  if (pattern.has_when) lookup.when = id(pattern.when);
  return lookup;
}

template <typename Next>
bool IdExecutor::Lookup(const Prepared& pattern, IdRow& row, storage::ClaimCursor& cursor, Next& next, bool star) {
  if (!LookupDirected(pattern, row, cursor, false, next, star)) return false;
  return !pattern.symmetric || LookupDirected(pattern, row, cursor, true, next);
}

template <typename Next>
bool IdExecutor::LookupDirected(const Prepared& pattern, IdRow& row, storage::ClaimCursor& cursor, bool mirrored,
                                Next& next, bool star) {
  auto choices = [&row](const Position& position) {
    if (position.slot < 0) return Choices{position.keys.data(), position.keys.size(), false};
    if (!row.bound[position.slot]) return Choices{};
    return Choices{&row.values[position.slot], 1, false};
  };
  // Bound values stay put while later steps run: only unbound slots change.
  const Choices subjects = choices(mirrored ? pattern.object : pattern.subject);
  const Choices predicates = choices(pattern.predicate);
  const Choices objects = choices(mirrored ? pattern.subject : pattern.object);
  const Choices whens = pattern.has_when ? choices(pattern.when) : Choices{};
  storage::IdPattern lookup;
  // A bound subject under a constant predicate and object: in a join the
  // subjects come in ascending order (planner: WalksForward).
  const Position& subject = mirrored ? pattern.object : pattern.subject;
  const Position& object = mirrored ? pattern.subject : pattern.object;
  lookup.subject_varies = subject.slot >= 0 && pattern.predicate.slot < 0 && object.slot < 0;
  for (size_t s = 0; s < subjects.count; ++s) {
    if (!IdChoice(subjects, s, false, &lookup.subject)) continue;
    for (size_t p = 0; p < predicates.count; ++p) {
      if (!IdChoice(predicates, p, false, &lookup.predicate)) continue;
      for (size_t o = 0; o < objects.count; ++o) {
        if (!ObjectChoice(objects, o, &lookup.object)) continue;
        for (size_t w = 0; w < whens.count; ++w) {
          if (!IdChoice(whens, w, true, &lookup.when)) continue;
          const SubjectClaims* claims = star ? &ClaimsOf(subject.slot, *lookup.subject, cursor) : nullptr;
          if (claims != nullptr && claims->complete) {
            // By index: a nested step of the same star reads this list too.
            for (size_t i = 0; i < claims->count; ++i) {
              if (!storage::MatchesPattern(lookup, claims->claims[i])) continue;
              if (Stopped() || !BindMatch(pattern, claims->claims[i], mirrored, row, next)) return false;
            }
            continue;
          }
          for (cursor.Seek(lookup); cursor.Valid(); cursor.Next()) {
            if (Stopped() || !BindMatch(pattern, cursor.parts(), mirrored, row, next)) return false;
          }
          if (!cursor.status().ok()) throw StoreFailure(cursor.status());
        }
      }
    }
  }
  return true;
}

template <typename Next>
bool IdExecutor::BindMatch(const Prepared& pattern, const ClaimKeyParts& parts, bool mirrored, IdRow& row,
                           Next& next) {
  std::string mirrored_subject;  // set only when mirrored: the object read as subject
  std::string mirrored_object;
  if (mirrored) {
    // b p a read as a p b, unless the store states a p b itself (then the
    // direct lookup has it already).
    mirrored_subject = parts.object;
    mirrored_object = IdKey(parts.subject);
    if (mirrored_subject == mirrored_object) return true;
    if (mirrored_subject.size() == kIdSize) {
      ClaimKeyParts direct{storage::GetBig64(mirrored_subject), parts.predicate, mirrored_object, parts.when};
      if (ValueOrThrow(scanner_.Contains(direct))) return true;
    }
  }
  const std::string& object = mirrored ? mirrored_object : parts.object;
  int set[4];
  int count = 0;
  auto bind = [&](const Position& position, const std::string& value) {
    if (row.bound[position.slot]) return row.values[position.slot] == value;
    row.values[position.slot] = value;
    row.bound[position.slot] = 1;
    set[count++] = position.slot;
    return true;
  };
  // An id becomes an object component only where a variable takes it,
  // written into the row's own buffer (no string made per match).
  auto bind_id = [&](const Position& position, TermId id) {
    if (position.slot < 0) return true;
    std::string& value = row.values[position.slot];
    if (row.bound[position.slot]) return value.size() == kIdSize && storage::GetBig64(value) == id;
    value.clear();
    storage::PutBig64(&value, id);
    row.bound[position.slot] = 1;
    set[count++] = position.slot;
    return true;
  };
  auto bind_subject = [&] {
    if (pattern.subject.slot < 0) return true;
    return mirrored ? bind(pattern.subject, mirrored_subject) : bind_id(pattern.subject, parts.subject);
  };
  bool ok = bind_subject() && bind_id(pattern.predicate, parts.predicate) &&
            (pattern.object.slot < 0 || bind(pattern.object, object)) &&
            (!pattern.has_when || pattern.when.slot < 0 ||
             bind(pattern.when, parts.when == storage::kNoTime ? std::string() : IdKey(parts.when)));
  // Only a quantity this match binds takes its bound from this claim.
  bool shown = ok && pattern.shows_bound && IsQuantityKey(object) &&
               std::find(set, set + count, pattern.object.slot) != set + count;
  if (shown) row.claim_of[pattern.object.slot] = storage::SpoKey(parts);
  bool go_on = !ok || next(row);
  for (int i = 0; i < count; ++i) {
    row.bound[set[i]] = 0;
    row.claim_of[set[i]].clear();
  }
  return go_on;
}

const IdExecutor::SubjectClaims& IdExecutor::ClaimsOf(int slot, TermId subject, storage::ClaimCursor& cursor) {
  // More than this and the steps seek their predicates instead: reading a
  // hub's claims for each would cost more than the seeks it saves.
  constexpr size_t kMaxStarClaims = 64;
  SubjectClaims& star = stars_[slot];
  if (star.filled && star.subject == subject) return star;
  star.filled = true;
  star.complete = false;
  star.subject = subject;
  star.count = 0;
  storage::IdPattern stretch;
  stretch.subject = subject;
  stretch.first_predicate = star.first_predicate;
  for (cursor.Seek(stretch); cursor.Valid() && cursor.parts().predicate <= star.last_predicate; cursor.Next()) {
    if (star.count == kMaxStarClaims) return star;
    if (star.count == star.claims.size()) star.claims.emplace_back();
    star.claims[star.count++] = cursor.parts();
  }
  if (!cursor.status().ok()) throw StoreFailure(cursor.status());
  star.complete = true;
  return star;
}

// A star: two or more lookup steps whose subject is the same variable,
// bound before them, under constant predicates, with a variable object
// (a constant object would rather walk forward in pos). Each of them
// reads the subject's claims from one list (ClaimsOf).
void IdExecutor::PlanStars() {
  star_steps_.assign(plan_->steps.size(), 0);
  stars_.assign(find_.slot_names.size(), SubjectClaims{});
  std::vector<int> subject_of(plan_->steps.size(), -1);
  std::vector<int> steps_per_slot(find_.slot_names.size(), 0);
  std::set<int> bound;
  for (size_t i = 0; i < plan_->steps.size(); ++i) {
    const Prepared& pattern = patterns_[plan_->steps[i].pattern];
    const int slot = pattern.subject.slot;
    if (i > 0 && !plan_->steps[i].hash_join && !pattern.symmetric && slot >= 0 && bound.count(slot) > 0 &&
        pattern.predicate.slot < 0 && pattern.object.slot >= 0) {
      subject_of[i] = slot;
      ++steps_per_slot[slot];
    }
    for (const Position* position : {&pattern.subject, &pattern.predicate, &pattern.object, &pattern.when}) {
      if (position->slot >= 0) bound.insert(position->slot);
    }
  }
  for (size_t i = 0; i < plan_->steps.size(); ++i) {
    star_steps_[i] = subject_of[i] >= 0 && steps_per_slot[subject_of[i]] >= 2;
    if (!star_steps_[i]) continue;
    SubjectClaims& star = stars_[subject_of[i]];
    for (const std::string& key : patterns_[plan_->steps[i].pattern].predicate.keys) {
      const TermId predicate = storage::GetBig64(key);
      if (star.first_predicate == 0 || predicate < star.first_predicate) star.first_predicate = predicate;
      star.last_predicate = std::max(star.last_predicate, predicate);
    }
  }
}

void IdExecutor::Build(size_t step) {
  HashTable& table = *tables_[step];
  table.built = true;
  const Prepared& pattern = patterns_[plan_->steps[step].pattern];
  IdRow scratch = EmptyRow();
  storage::ClaimCursor cursor(scanner_);
  // claim_of is set where this pattern bound the object; it travels only
  // when the object is one of the values the table binds.
  const bool object_bound_here = std::find(table.value_slots.begin(), table.value_slots.end(),
                                           pattern.object.slot) != table.value_slots.end();
  std::string key;  // reused: one key per match
  auto add = [&](IdRow& row) {
    key.clear();
    for (int slot : table.key_slots) AppendKeyPart(&key, row.values[slot]);
    const auto first = static_cast<uint32_t>(table.cells.size());
    for (int slot : table.value_slots) table.cells.push_back(row.values[slot]);
    if (object_bound_here && !row.claim_of[pattern.object.slot].empty()) {
      table.claims.emplace(first, row.claim_of[pattern.object.slot]);
    }
    table.Add(key);
    return true;
  };
  Lookup(pattern, scratch, cursor, add);
}

template <typename Next>
bool IdExecutor::Probe(size_t step, IdRow& row, Next& next) {
  HashTable& table = *tables_[step];
  if (!table.built) Build(step);
  if (stop_.stopped()) return false;
  ProbeState& probe = probes_[step];
  std::string& key = probe.probe_key;
  key.clear();
  for (int slot : table.key_slots) AppendKeyPart(&key, row.values[slot]);
  // Probes come in runs of one key (the rows are in index order).
  if (probe.last_first == HashTable::kEnd || key != probe.last_key) {
    const MatchChain* found = table.chains.Find(key);
    probe.last_first = found == nullptr ? HashTable::kEnd : found->first;
    probe.last_key.swap(key);
  }
  const int object_slot = patterns_[plan_->steps[step].pattern].object.slot;
  const size_t width = table.value_slots.size();
  for (uint32_t match = probe.last_first; match != HashTable::kEnd; match = table.next[match]) {
    const size_t first = match * width;
    for (size_t i = 0; i < table.value_slots.size(); ++i) {
      row.values[table.value_slots[i]] = table.cells[first + i];
      row.bound[table.value_slots[i]] = 1;
    }
    if (!table.claims.empty()) {
      auto claim = table.claims.find(static_cast<uint32_t>(first));
      if (claim != table.claims.end()) row.claim_of[object_slot] = claim->second;
    }
    bool go_on = !Stopped() && next(row);
    for (int slot : table.value_slots) {
      row.bound[slot] = 0;
      row.claim_of[slot].clear();
    }
    if (!go_on) return false;
  }
  return true;
}

template <typename Next>
bool IdExecutor::SearchList(size_t step, IdRow& row, Next& next) {
  const Prepared& pattern = patterns_[plan_->steps[step].pattern];
  const std::string& subject_value = row.values[pattern.subject.slot];
  // A constant the store lacks matches nothing; a quantity is no subject.
  if (pattern.predicate.keys.size() != 1 || pattern.object.keys.size() != 1 || subject_value.size() != kIdSize) {
    return true;
  }
  ClaimList& list = lists_[step];
  if (!list.claims) ReadList(step);
  const std::vector<storage::PosPair>& claims = *list.claims;
  // Rows mostly come in subject order: search from where the last search
  // ended when the subject is not smaller.
  const TermId subject = storage::GetBig64(subject_value);
  const auto begin = claims.begin();
  const bool onward = list.last < claims.size() && claims[list.last].first <= subject;
  auto match = std::lower_bound(onward ? begin + static_cast<ptrdiff_t>(list.last) : begin, claims.end(),
                                storage::PosPair{subject, 0});
  list.last = static_cast<size_t>(match - begin);
  ClaimKeyParts parts{subject, storage::GetBig64(pattern.predicate.keys[0]), pattern.object.keys[0], 0};
  for (; match != claims.end() && match->first == subject; ++match) {
    parts.when = match->second;
    if (Stopped() || !BindMatch(pattern, parts, false, row, next)) return false;
  }
  return true;
}

void IdExecutor::ReadList(size_t step) {
  const Prepared& pattern = patterns_[plan_->steps[step].pattern];
  auto claims = std::make_shared<std::vector<storage::PosPair>>();
  if (pattern.predicate.keys.size() == 1 && pattern.object.keys.size() == 1) {
    ThrowIfFailed(scanner_.ReadPosClaims(storage::GetBig64(pattern.predicate.keys[0]), pattern.object.keys[0],
                                         claims.get()));
  }
  lists_[step].claims = std::move(claims);
}

const Value& IdExecutor::Decode(const IdRow& row, int slot) {
  const std::string& key = row.values[slot];
  if (row.claim_of[slot].empty() && key.size() == kIdSize) return DecodeId(storage::GetBig64(key), &last_value_[slot]);
  last_value_[slot] = DecodeValue(row, slot);  // a null, a quantity or a shown bound
  return last_value_[slot];
}

const Value& IdExecutor::DecodeId(TermId id, Value* spill) {
  // The terms of one query repeat (predicates on every row, the values a
  // hash join hands out again per probe): a direct-mapped table answers
  // them without the store's lock and large cache. A miss overwrites its
  // entry in place, reusing the strings' buffers, unless the row being
  // emitted shows the entry's term: then the term goes to `spill`.
  if (decoded_.empty()) decoded_.assign(size_t{1} << kDecodedBits, DecodedTerm{});  // a helper may never decode
  DecodedTerm& entry = decoded_[(id * 0x9E3779B97F4A7C15ULL) >> (64 - kDecodedBits)];
  if (entry.id != id) {
    Value* target = &entry.value;
    if (entry.pinned == emitted_ && entry.id != 0) {
      target = spill;
    } else {
      entry.id = 0;  // until the decode below succeeds
    }
    target->kind = Value::Kind::kTerm;
    ThrowIfFailed(store_.TermOf(id, &target->term));
    if (target == spill) return *spill;
    entry.id = id;
  }
  entry.pinned = emitted_;
  return entry.value;
}

Value IdExecutor::DecodeValue(const IdRow& row, int slot) {
  const std::string& key = row.values[slot];
  if (key.empty()) return Value::Null();
  if (!row.claim_of[slot].empty()) {
    // A shown quantity takes the bound its claim's mentions give.
    ClaimKeyParts parts;
    storage::ClaimReader reader(store_, scanner_.snapshot());
    if (!storage::ParseSpoKey(row.claim_of[slot], &parts)) throw StoreFailure(Status::Corruption("damaged claim key"));
    return Value::OfTerm(ValueOrThrow(reader.Read(parts, true)).claim.object);
  }
  return Value::OfTerm(ValueOrThrow(scanner_.TermOfObject(key)));
}

bool IdExecutor::PassesFilters(const PlanStep& step, const IdRow& row) {
  for (size_t f : step.filters) {
    Row decoded(find_.slot_names.size());
    for (int slot : filter_slots_[f]) {
      decoded.values[slot] = Decode(row, slot);
      decoded.bound[slot] = true;
    }
    if (!EvaluateFilter(plan_->conjuncts[f], decoded)) return false;
  }
  return true;
}

bool IdExecutor::Emit(const IdRow& row) {
  if (!held_.active) return EmitNow(row);
  if (held_.count == held_.rows.size()) {
    held_.rows.push_back(row);
  } else {
    held_.rows[held_.count] = row;
  }
  return ++held_.count < held_.limit || EmitHeld();
}

bool IdExecutor::EmitHeld() {
  // Enough rows that a batch reads a dictionary block once for many terms.
  constexpr size_t kMaxHeldRows = 1024;
  held_.ids.clear();
  for (size_t i = 0; i < held_.count; ++i) {
    const IdRow& row = held_.rows[i];
    for (int slot : output_slots_) {
      if (row.claim_of[slot].empty() && row.values[slot].size() == kIdSize) {
        held_.ids.push_back(storage::GetBig64(row.values[slot]));
      }
    }
  }
  held_.active = ValueOrThrow(store_.CacheTerms(&held_.ids)) > 0;
  held_.limit = std::min(2 * held_.limit, kMaxHeldRows);
  const size_t count = held_.count;
  held_.count = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!EmitNow(held_.rows[i])) return false;
  }
  return true;
}

bool IdExecutor::EmitNow(const IdRow& row) {
  ++emitted_;  // entries pinned by the last row are free again
  if (morsel_ != nullptr) {
    // A 32-bit length: a cell is an id or a quantity's key today, but the
    // row format must not cap what a later object kind may hold.
    auto put = [this](const std::string& bytes) {
      storage::PutBig32(&morsel_->rows, static_cast<uint32_t>(bytes.size()));
      morsel_->rows += bytes;
    };
    for (int slot : output_slots_) {
      put(row.values[slot]);
      put(row.claim_of[slot]);
      if (row.claim_of[slot].empty() && row.values[slot].size() == kIdSize) {
        morsel_->ids.push_back(storage::GetBig64(row.values[slot]));
      }
    }
    return true;
  }
  if (collector_->streaming()) {
    cells_.clear();
    for (size_t c = 0; c < find_.visible_columns; ++c) cells_.push_back(&Decode(row, find_.columns[c].slot));
    return collector_->AddOutput(RowView(cells_.data(), cells_.size()));
  }
  Row decoded(find_.slot_names.size());
  for (int slot : output_slots_) {
    decoded.values[slot] = Decode(row, slot);
    decoded.bound[slot] = true;
  }
  return collector_->AddSolution(decoded);
}

bool IdExecutor::RunStep(size_t step, IdRow& row) {
  if (step == plan_->steps.size()) return Emit(row);
  const PlanStep& planned = plan_->steps[step];
  auto next = [this, &planned, step](IdRow& extended) {
    return !PassesFilters(planned, extended) || RunStep(step + 1, extended);
  };
  if (planned.hash_join) return Probe(step, row, next);
  if (planned.searches_list) return SearchList(step, row, next);
  return Lookup(patterns_[planned.pattern], row, *cursors_[step], next, star_steps_[step]);
}

void IdExecutor::SetUpShared() {
  std::set<int> bound;
  for (const PlanStep& step : plan_->steps) {
    auto table = std::make_shared<HashTable>();
    const Prepared& pattern = patterns_[step.pattern];
    for (const Position* position : {&pattern.subject, &pattern.predicate, &pattern.object, &pattern.when}) {
      if (position->slot < 0 || (position == &pattern.when && !pattern.has_when)) continue;
      auto& slots = bound.count(position->slot) ? table->key_slots : table->value_slots;
      if (std::find(slots.begin(), slots.end(), position->slot) == slots.end()) slots.push_back(position->slot);
    }
    for (int slot : table->value_slots) bound.insert(slot);
    tables_.push_back(std::move(table));
  }
  for (const auto& conjunct : plan_->conjuncts) {
    std::set<int> slots = FilterSlots(conjunct);
    filter_slots_.emplace_back(slots.begin(), slots.end());
  }
  std::set<int> needed(find_.group_slots.begin(), find_.group_slots.end());
  for (const auto& column : find_.columns) {
    if (column.slot >= 0) needed.insert(column.slot);
  }
  output_slots_.assign(needed.begin(), needed.end());
  lists_.assign(plan_->steps.size(), ClaimList{});
}

void IdExecutor::SetUpThread() {
  for (size_t i = 0; i < plan_->steps.size(); ++i) cursors_.push_back(std::make_unique<storage::ClaimCursor>(scanner_));
  probes_.assign(plan_->steps.size(), ProbeState{});
  PlanStars();
  last_value_.assign(find_.slot_names.size(), Value::Null());
}

Result<QueryInfo> IdExecutor::Run(const Plan& plan, RowVisitor& visitor) {
  plan_ = &plan;
  collector_ = std::make_unique<ResultCollector>(find_, options_, visitor);
  SetUpShared();
  SetUpThread();
  const std::vector<std::string> cuts = MorselCuts();
  if (!cuts.empty()) return RunInMorsels(cuts);
  IdRow row = EmptyRow();
  RunStep(0, row);
  if (held_.count > 0) EmitHeld();  // none when the result said stop
  return collector_->Finish(stop_.reason());
}

// A query runs in morsels when its first step is one plain index lookup
// with enough matches: the cuts split that lookup's key range.
std::vector<std::string> IdExecutor::MorselCuts() {
  storage::WorkerPool* workers = store_.query_workers();
  if (workers == nullptr || plan_->steps.empty()) return {};
  const PlanStep& first = plan_->steps[0];
  const bool lone = plan_->steps.size() == 1;
  const double min_rows = lone ? kMinMorselRowsOfALoneStep : kMinMorselRows;
  if (first.hash_join || first.searches_list || first.estimate < min_rows) return {};
  const auto lookup = SingleLookup(patterns_[first.pattern]);
  if (!lookup) return {};
  if (lone && store_.packed_pos() && storage::ChooseAccess(*lookup).index == storage::kPos) return {};
  if (lone && ValueOrThrow(scanner_.ApproximateMatches(*lookup)) < min_rows) return {};
  return ValueOrThrow(scanner_.SplitKeys(*lookup, kMorselsPerThread * (workers->helpers() + 1), kMinCountedMatches));
}

Result<QueryInfo> IdExecutor::RunInMorsels(const std::vector<std::string>& cuts) {
  MorselRun run;
  run.morsels.resize(cuts.size() + 1);
  for (size_t i = 0; i < cuts.size(); ++i) {
    run.morsels[i].to = cuts[i];
    run.morsels[i + 1].from = cuts[i];
  }
  // Every thread reads these; built once, before any thread starts.
  for (size_t step = 1; step < plan_->steps.size(); ++step) {
    if (plan_->steps[step].hash_join) Build(step);
    if (plan_->steps[step].searches_list) ReadList(step);
  }
  run.workers = store_.query_workers();
  std::vector<std::unique_ptr<IdExecutor>> helpers;
  for (size_t i = 0; i < run.workers->helpers(); ++i) {
    helpers.push_back(std::unique_ptr<IdExecutor>(new IdExecutor(*this, run)));
  }
  std::atomic<size_t> next_helper{0};
  // Helpers may still be running a morsel when the query ends (a stop, a
  // failure): they stop at their next row and are waited for on the way out.
  struct StopHelpersOnExit {
    MorselRun& run;
    ~StopHelpersOnExit() { run.StopHelpers(); }
  } stop_helpers_on_exit{run};
  run.job = run.workers->Offer(
      [&] {
        IdExecutor& helper = *helpers[next_helper.fetch_add(1)];
        const storage::PerfCountersOff perf_counters_off;  // per thread: the helper's scanner was made on the caller's
        try {
          helper.SetUpThread();
        } catch (...) {
          std::lock_guard lock(run.mutex);
          if (!run.helper_error) run.helper_error = std::current_exception();
          run.abandoned = true;
          return;
        }
        helper.RunMorsels(run);
      },
      helpers.size());
  run_ = &run;
  size_t emitted = 0;
  bool go_on = true;
  for (size_t m; go_on && (m = run.next.fetch_add(1)) < run.morsels.size();) {
    RunMorsel(run, run.morsels[m]);
    go_on = EmitMorsels(run, &emitted, false);
  }
  if (go_on) EmitMorsels(run, &emitted, true);
  run.StopHelpers();
  run_ = nullptr;
  if (run.helper_error) std::rethrow_exception(run.helper_error);
  QueryInfo info = collector_->Finish(run.stopped_by);
  info.morsels = run.morsels.size();
  return info;
}

void IdExecutor::RunMorsels(MorselRun& run) {
  for (size_t m; (m = run.next.fetch_add(1)) < run.morsels.size();) RunMorsel(run, run.morsels[m]);
}

void IdExecutor::RunMorsel(MorselRun& run, Morsel& morsel) {
  const PlanStep& first = plan_->steps[0];
  const Prepared& pattern = patterns_[first.pattern];
  morsel_ = &morsel;
  bool completed = false;
  try {
    IdRow row = EmptyRow();
    auto next = [&](IdRow& extended) { return !PassesFilters(first, extended) || RunStep(1, extended); };
    storage::ClaimCursor& cursor = *cursors_[0];
    const storage::IdPattern lookup = *SingleLookup(pattern);
    completed = true;
    for (cursor.Seek(lookup, morsel.from, morsel.to); completed && cursor.Valid(); cursor.Next()) {
      completed = !Stopped() && BindMatch(pattern, cursor.parts(), false, row, next);
    }
    if (!cursor.status().ok()) throw StoreFailure(cursor.status());
    if (held_.count > 0) EmitHeld();
    // The caller decodes the rows: their terms are read here, in one
    // ordered pass on this thread, or the caller looks each one up alone
    // (cold Q1 at 5M spent 44% of its time in those lookups).
    ValueOrThrow(store_.CacheTerms(&morsel.ids));
  } catch (...) {
    morsel.error = std::current_exception();
    run.abandoned = true;
  }
  morsel_ = nullptr;
  morsel.stopped_by = stop_.reason();
  morsel.cut_short = !completed && !morsel.error && morsel.stopped_by.empty();
  {
    std::lock_guard lock(run.mutex);
    morsel.done = true;
  }
  run.finished.notify_all();
}

bool IdExecutor::EmitMorsels(MorselRun& run, size_t* emitted, bool wait) {
  IdRow row = EmptyRow();
  for (int slot : output_slots_) row.bound[slot] = 1;
  for (; *emitted < run.morsels.size(); ++*emitted) {
    Morsel& morsel = run.morsels[*emitted];
    {
      std::unique_lock lock(run.mutex);
      if (!morsel.done && !wait) return true;
      run.finished.wait(lock, [&] { return morsel.done; });
    }
    if (morsel.error || morsel.cut_short) RethrowFirstError(run);
    const std::string& rows = morsel.rows;
    size_t at = 0;
    auto take = [&](std::string* bytes) {
      const size_t size = storage::GetBig32(std::string_view(rows).substr(at, 4));
      bytes->assign(rows, at + 4, size);
      at += 4 + size;
    };
    while (at < rows.size()) {
      for (int slot : output_slots_) {
        take(&row.values[slot]);
        take(&row.claim_of[slot]);
      }
      if (!EmitNow(row)) return false;
    }
    morsel.rows = {};
    if (!morsel.stopped_by.empty()) {
      run.stopped_by = morsel.stopped_by;
      return false;
    }
  }
  return true;
}

void IdExecutor::RethrowFirstError(MorselRun& run) {
  // A morsel cut short stopped for another's failure: once no helper runs,
  // the failure of the earliest morsel wins.
  run.StopHelpers();
  for (Morsel& morsel : run.morsels) {
    if (morsel.error) std::rethrow_exception(morsel.error);
  }
  if (run.helper_error) std::rethrow_exception(run.helper_error);
  throw StoreFailure(Status::Aborted("a query thread stopped without saying why"));
}

}  // namespace kg::query
