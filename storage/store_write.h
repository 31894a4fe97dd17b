// What the document writer (store_write.cpp) shares with the bulk loader
// (bulk_load.cpp): statement validation, the fingerprint that tells an
// unchanged re-add apart, and retracting a document's mentions.
#ifndef KG_STORAGE_STORE_WRITE_H_
#define KG_STORAGE_STORE_WRITE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kg/store.h"
#include "storage/encoding.h"
#include "storage/packed_pos.h"
#include "storage/records.h"
#include "storage/rocks_store.h"

namespace kg::storage {

// A statement after validation: canonical terms, ready to be interned.
struct CanonicalStatement {
  Term subject;
  Term predicate;
  Term object;
  TermId when = kNoTime;
  MentionRecord mention;
};

// By value: a temporary statement gives up its strings instead of copying them.
Result<CanonicalStatement> CanonicalizeStatement(DocumentInput::Statement in);
// The same into `*out` (left half made on an error): no statement-sized
// moves through a Result, which the bulk path paid per statement.
Status CanonicalizeStatement(DocumentInput::Statement&& in, CanonicalStatement* out);

// The subject, predicate and object ids of a statement, interning its
// terms (and its time) in that order with `intern` (a Term -> Result<TermId>).
struct StatementIds {
  TermId subject = 0;
  TermId predicate = 0;
  TermId object = 0;
};
template <typename Intern>
Result<StatementIds> InternStatement(const CanonicalStatement& s, Intern&& intern) {
  StatementIds ids;
  for (auto [term, id] : {std::pair{&s.subject, &ids.subject}, {&s.predicate, &ids.predicate}, {&s.object, &ids.object}}) {
    auto interned = intern(*term);
    if (!interned.ok()) return interned.status();
    *id = *interned;
  }
  if (s.when != kNoTime) KG_RETURN_IF_ERROR(intern(Term::Time(TimeString(s.when))).status());
  return ids;
}

// The statement fingerprint of a document is built up in three steps
// (FNV-1a runs on): its metadata, each statement in order, its aliases.
uint64_t FingerprintStatement(uint64_t running, const CanonicalStatement& statement);
uint64_t FingerprintAliases(uint64_t running, const std::vector<Alias>& aliases);
// Folded in last: a bulk load learns a file's content hash only when it has
// read the whole file.
uint64_t FingerprintMetadata(uint64_t running, const Document& document);
// Where a document's running fingerprint starts.
inline constexpr uint64_t kFingerprintSeed = 14695981039346656037ULL;

// The dictionary entries of a new term, as (column family, key, value); the
// caller has checked the term is not in the dictionary yet.
struct DictionaryEntry {
  Cf cf;
  std::string key;
  std::string value;
};
std::vector<DictionaryEntry> NewTermEntries(const Term& canonical, TermId id);
// The counters a new term of this kind adds one to.
std::vector<const char*> NewTermCounters(TermKind kind);

// Retracts every mention of document `number` in one committed batch
// (claims left without a mention vanish); the document record stays. The
// caller holds the store's write mutex.
Status RetractDocumentMentions(RocksStore& store, uint64_t number);

std::string Big64(uint64_t value);

// Puts into `batch` the packed pos entries (format 2) that `changes` make of
// the store's committed ones. The caller holds the store's write mutex.
Status RewritePackedPos(RocksStore& store, const PosChanges& changes, rocksdb::WriteBatch* batch);

}  // namespace kg::storage

#endif  // KG_STORAGE_STORE_WRITE_H_
