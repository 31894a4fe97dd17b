// Low-level reads shared by queries, writes and the checker: point reads,
// prefix scans, the term dictionary and the assembly of a claim record.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "storage/normalize.h"
#include "storage/packed_pos.h"
#include "storage/rocks_store.h"

namespace kg::storage {

std::string IdKey(uint64_t id) {
  std::string key;
  PutBig64(&key, id);
  return key;
}

void SetMentionKey(std::string_view spo_key, uint64_t doc_number, uint32_t seq, std::string* key) {
  key->clear();
  key->reserve(spo_key.size() + 12);  // one allocation, not a copy and then a larger one
  key->append(spo_key);
  PutBig64(key, doc_number);
  PutBig32(key, seq);
}

std::string MentionKey(std::string_view spo_key, uint64_t doc_number, uint32_t seq) {
  std::string key;
  SetMentionKey(spo_key, doc_number, seq, &key);
  return key;
}

std::string DocMentionKey(uint64_t doc_number, uint32_t seq) {
  std::string key = IdKey(doc_number);
  PutBig32(&key, seq);
  return key;
}

std::string SentenceKey(uint64_t doc_number, uint32_t sentence) { return DocMentionKey(doc_number, sentence); }

std::string AliasKey(std::string_view normalised, std::string_view entity, std::string_view lang) {
  std::string key;
  PutOrderedString(&key, normalised);
  PutOrderedString(&key, entity);
  PutOrderedString(&key, lang);
  return key;
}

std::string EntityAliasKey(std::string_view entity, std::string_view normalised, std::string_view lang) {
  return AliasKey(entity, normalised, lang);
}

std::string EntityNameKey(std::string_view entity) {
  std::string key;
  PutOrderedString(&key, NormalizeName(entity));
  key += entity;
  return key;
}

Status RocksStore::Get(Cf which, std::string_view key, std::string* value, bool* found,
                       const rocksdb::Snapshot* snapshot) const {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  rocksdb::Status status = db_->Get(options, handles_[which], rocksdb::Slice(key.data(), key.size()), value);
  *found = status.ok();
  if (status.IsNotFound()) return Status::OK();
  return FromRocks(status, std::string("reading ") + CfName(which));
}

Status RocksStore::ScanPrefix(Cf which, std::string_view prefix,
                              const std::function<bool(std::string_view, std::string_view)>& visit,
                              const rocksdb::Snapshot* snapshot) const {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  // A prefix bloom is only valid when the whole 8-byte prefix is known.
  if (prefix.size() >= 8) {
    options.prefix_same_as_start = true;
  } else {
    options.total_order_seek = true;
  }
  std::unique_ptr<rocksdb::Iterator> it = NewIndexIterator(which, options);
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!visit(key, std::string_view(it->value().data(), it->value().size()))) break;
  }
  return FromRocks(it->status(), std::string("scanning ") + CfName(which));
}

std::unique_ptr<rocksdb::Iterator> RocksStore::NewIndexIterator(Cf which, const rocksdb::ReadOptions& options) const {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, handles_[which]));
  if (which == kPos && packed_pos()) return std::make_unique<PackedPosIterator>(std::move(it));
  return it;
}

Result<uint64_t> RocksStore::ReadCounter(std::string_view name, const rocksdb::Snapshot* snapshot) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(kMeta, name, &value, &found, snapshot));
  if (!found) return uint64_t{0};
  if (value.size() != 8) return Status::Corruption("bad counter " + std::string(name));
  return GetBig64(value);
}

namespace {

Status MissingTerm(TermId id) { return Status::Corruption("term " + std::to_string(id) + " is missing or damaged"); }

Status DecodedTerm(TermId id, std::string_view encoded, Term* term) {
  return DecodeTerm(encoded, term) ? Status::OK() : MissingTerm(id);
}

}  // namespace

Result<Term> RocksStore::TermOf(TermId id) const {
  Term term;
  KG_RETURN_IF_ERROR(TermOf(id, &term));
  return term;
}

Status RocksStore::TermOf(TermId id, Term* term) const {
  if (KindOfId(id) == TermKind::kTime) {
    *term = Term::Time(TimeString(id));
    return Status::OK();
  }
  {
    std::shared_lock lock(term_cache_mutex_);
    const std::string_view cached = term_cache_.Find(id);
    if (!cached.empty()) return DecodedTerm(id, cached, term);
  }
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(kTermById, IdKey(id), &value, &found));
  if (!found) return MissingTerm(id);
  KG_RETURN_IF_ERROR(DecodedTerm(id, value, term));
  std::unique_lock lock(term_cache_mutex_);
  if (!term_cache_.Contains(id)) term_cache_.Put(id, value);
  return Status::OK();
}

Result<size_t> RocksStore::CacheTerms(std::vector<TermId>* ids) const {
  {
    std::shared_lock lock(term_cache_mutex_);
    ids->erase(std::remove_if(ids->begin(), ids->end(),
                              [&](TermId id) { return KindOfId(id) == TermKind::kTime || term_cache_.Contains(id); }),
               ids->end());
  }
  if (ids->empty()) return size_t{0};
  // In id order, with one iterator: neighbouring ids share dictionary
  // blocks. Ids of a kind are contiguous, so an id a few ahead is a few
  // keys ahead: stepping there is cheaper than a seek (a seek searches the
  // index unless it stays in its data block). Cold Q1 on the 5M store:
  // 546M instructions here with MultiGet (an index search per key), 447M
  // stepping up to 16 ids, 470M stepping up to 2, 626M up to 64. Session 14
  // (serial, whole process; term_by_id with a restart every 4 keys): 4 ids
  // 618M, 8 606M, 12 604M, 16 613M.
  constexpr TermId kMaxIdsToStep = 12;
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  rocksdb::ReadOptions options;
  options.total_order_seek = true;  // as ClaimCursor: no prefix bloom on a seek
  options.ignore_range_deletions = true;  // as ClaimCursor
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, handles_[kTermById]));
  auto id_at = [&] { return it->key().size() == 8 ? GetBig64(std::string_view(it->key().data(), 8)) : TermId{0}; };
  // The entries are staged and cached under the lock at the end; they are
  // decoded (and checked) when read from the cache.
  std::string staged;
  std::vector<size_t> ends(ids->size());
  std::string key;
  for (size_t i = 0; i < ids->size(); ++i) {
    const TermId id = (*ids)[i];
    if (i > 0 && it->Valid() && id - (*ids)[i - 1] <= kMaxIdsToStep) {
      while (it->Valid() && id_at() < id) it->Next();
    } else {
      key.clear();
      PutBig64(&key, id);
      it->Seek(key);
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading term_by_id"));
    if (!it->Valid() || id_at() != id || it->value().empty()) return MissingTerm(id);
    staged.append(it->value().data(), it->value().size());
    ends[i] = staged.size();
  }
  std::unique_lock lock(term_cache_mutex_);
  for (size_t i = 0, begin = 0; i < ids->size(); begin = ends[i++]) {
    if (!term_cache_.Contains((*ids)[i])) term_cache_.Put((*ids)[i], std::string_view(staged).substr(begin, ends[i] - begin));
  }
  return ids->size();
}

Result<TermId> RocksStore::FindTermId(const Term& canonical) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(kTermByValue, TermValueKey(canonical), &value, &found));
  if (!found) return TermId{0};
  if (value.size() != 8) return Status::Corruption("damaged dictionary entry for " + canonical.ToString());
  return GetBig64(value);
}

Result<Term> RocksStore::ObjectTerm(std::string_view object_key) const {
  if (!object_key.empty() && static_cast<TermKind>(object_key.front()) == TermKind::kQuantity) {
    Term term;
    if (!DecodeQuantityObject(object_key, &term)) return Status::Corruption("damaged quantity in a claim key");
    return term;
  }
  if (object_key.size() != 8) return Status::Corruption("damaged object in a claim key");
  return TermOf(GetBig64(object_key));
}

namespace {

// The bound most mentions give; ties go to the first mention's.
Bound MostFrequentBound(const std::vector<Mention>& mentions) {
  if (mentions.empty()) return Bound::kExact;
  std::map<Bound, int> counts;
  for (const Mention& m : mentions) ++counts[m.bound];
  Bound best = mentions.front().bound;
  for (auto [bound, count] : counts) {
    if (count > counts[best]) best = bound;
  }
  return best;
}

}  // namespace

ClaimReader::ClaimReader(const RocksStore& store, const rocksdb::Snapshot* snapshot)
    : store_(store), snapshot_(snapshot) {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  options.prefix_same_as_start = true;  // every claim key is longer than the 8-byte prefix
  mentions_.reset(store.db()->NewIterator(options, store.cf(kMentions)));
}

Result<const DocumentRecord*> ClaimReader::DocumentByNumber(uint64_t number) {
  auto cached = documents_.find(number);
  if (cached != documents_.end()) return &cached->second;
  std::string id, encoded;
  bool found_id = false, found_doc = false;
  KG_RETURN_IF_ERROR(store_.Get(kDocNumbers, IdKey(number), &id, &found_id, snapshot_));
  if (found_id) KG_RETURN_IF_ERROR(store_.Get(kDocuments, id, &encoded, &found_doc, snapshot_));
  DocumentRecord record;
  if (!found_doc || !DecodeDocument(encoded, &record)) {
    return Status::Corruption("mention of a missing document number " + std::to_string(number));
  }
  return &documents_.emplace(number, std::move(record)).first->second;
}

Status ClaimReader::AddMention(uint64_t number, MentionRecord m, ClaimRecord* record) {
  auto doc = DocumentByNumber(number);
  if (!doc.ok()) return doc.status();
  Mention mention;
  mention.doc = (*doc)->document.id;
  mention.lang = (*doc)->document.lang;
  mention.sentence = m.sentence;
  mention.start = m.start;
  mention.end = m.end;
  mention.rule = std::move(m.rule);
  mention.attributed_to = std::move(m.attributed_to);
  mention.bound = m.bound;
  if (m.text_inline) {
    mention.text = std::move(m.text);
  } else {
    bool found = false;
    KG_RETURN_IF_ERROR(store_.Get(kSentences, SentenceKey(number, m.sentence), &mention.text, &found, snapshot_));
  }
  record->mentions.push_back(std::move(mention));
  return Status::OK();
}

Result<ClaimRecord> ClaimReader::Read(const ClaimKeyParts& parts, bool with_mentions) {
  ClaimRecord record;
  auto subject = store_.TermOf(parts.subject);
  if (!subject.ok()) return subject.status();
  auto predicate = store_.TermOf(parts.predicate);
  if (!predicate.ok()) return predicate.status();
  auto object = store_.ObjectTerm(parts.object);
  if (!object.ok()) return object.status();
  record.claim.subject = std::move(*subject);
  record.claim.predicate = predicate->value;
  record.claim.object = std::move(*object);
  record.claim.when = TimeString(parts.when);

  if (!with_mentions) return record;
  const std::string spo = SpoKey(parts);
  for (mentions_->Seek(spo); mentions_->Valid(); mentions_->Next()) {
    std::string_view key(mentions_->key().data(), mentions_->key().size());
    if (key.substr(0, spo.size()) != spo) break;
    std::string_view suffix = key.substr(spo.size());
    MentionRecord m;
    if (suffix.size() != 12 || !DecodeMention(std::string_view(mentions_->value().data(), mentions_->value().size()), &m)) {
      return Status::Corruption("damaged mention of a claim");
    }
    KG_RETURN_IF_ERROR(AddMention(GetBig64(suffix), std::move(m), &record));
  }
  KG_RETURN_IF_ERROR(FromRocks(mentions_->status(), "reading mentions"));
  if (record.claim.object.kind == TermKind::kQuantity) record.claim.object.bound = MostFrequentBound(record.mentions);
  return record;
}

}  // namespace kg::storage
