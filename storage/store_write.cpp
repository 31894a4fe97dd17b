// Writes: every change is gathered into one WriteBatch together with the
// index entries and counters it implies, then committed atomically. Writers
// are serialised by the store's mutex (and across processes by RocksDB's
// LOCK), so read-modify-write of counters inside a batch is safe.
#include <map>
#include <unordered_map>

#include "storage/normalize.h"
#include "storage/packed_pos.h"
#include "storage/store_write.h"

namespace kg::storage {

std::string Big64(uint64_t value) { return IdKey(value); }

Status RewritePackedPos(RocksStore& store, const PosChanges& changes, rocksdb::WriteBatch* batch) {
  rocksdb::ReadOptions options;
  options.total_order_seek = true;  // the entry before a key may be of another prefix
  std::unique_ptr<rocksdb::Iterator> entries(store.db()->NewIterator(options, store.cf(kPos)));
  const PosEntryWrites writes{[&](const std::string& key, const std::string& value) {
                                return batch->Put(store.cf(kPos), key, value);
                              },
                              [&](const std::string& key) { batch->Delete(store.cf(kPos), key); }};
  return FromRocks(RewritePosEntries(entries.get(), changes, writes), "rewriting packed pos entries");
}

std::vector<DictionaryEntry> NewTermEntries(const Term& canonical, TermId id) {
  Term stored = canonical;
  stored.bound = Bound::kExact;  // a term's identity has no bound
  std::vector<DictionaryEntry> entries;
  entries.push_back({kTermById, IdKey(id), EncodeTerm(stored)});
  entries.push_back({kTermByValue, TermValueKey(canonical), IdKey(id)});
  if (canonical.kind == TermKind::kEntity) entries.push_back({kEntityNames, EntityNameKey(canonical.value), ""});
  return entries;
}

std::vector<const char*> NewTermCounters(TermKind kind) {
  std::vector<const char*> counters = {counter::kTerms};
  if (kind == TermKind::kEntity) counters.push_back(counter::kEntities);
  if (kind == TermKind::kPredicate) counters.push_back(counter::kPredicates);
  return counters;
}

namespace {

class WriteContext {
 public:
  explicit WriteContext(RocksStore& store) : store_(store) {}

  void Put(Cf which, std::string_view key, std::string_view value) {
    batch_.Put(store_.cf(which), rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
  }
  void Delete(Cf which, std::string_view key) {
    batch_.Delete(store_.cf(which), rocksdb::Slice(key.data(), key.size()));
  }
  void Count(const char* name, int64_t delta) { counter_delta_[name] += delta; }
  void ChangeMentions(const std::string& spo_key, int64_t delta) { claim_delta_[spo_key] += delta; }

  // The next value of a sequence kept in kMeta (documents, terms); from 1.
  Result<uint64_t> Allocate(const char* sequence) {
    auto it = sequences_.find(sequence);
    if (it == sequences_.end()) {
      auto current = store_.ReadCounter(sequence);
      if (!current.ok()) return current.status();
      it = sequences_.emplace(sequence, *current).first;
    }
    return ++it->second;
  }

  Result<TermId> Intern(const Term& canonical) {
    std::string value_key = TermValueKey(canonical);
    if (auto it = new_terms_.find(value_key); it != new_terms_.end()) return it->second;
    if (TermId known = store_.write_cache().TermId(value_key); known != 0) return known;
    auto existing = store_.FindTermId(canonical);
    if (!existing.ok()) return existing.status();
    if (*existing != 0) {
      store_.write_cache().AddTerm(std::move(value_key), *existing);
      return *existing;
    }
    TermId id = 0;
    if (canonical.kind == TermKind::kTime) {
      id = *TimeId(canonical.value);
    } else {
      auto sequence = Allocate(counter::kNextTerm);
      if (!sequence.ok()) return sequence.status();
      id = MakeId(canonical.kind, *sequence);
    }
    for (const DictionaryEntry& entry : NewTermEntries(canonical, id)) Put(entry.cf, entry.key, entry.value);
    for (const char* name : NewTermCounters(canonical.kind)) Count(name, 1);
    new_terms_.emplace(std::move(value_key), id);
    return id;
  }

  Result<std::string> InternClaim(const CanonicalStatement& s) {
    auto ids = InternStatement(s, [this](const Term& term) { return Intern(term); });
    if (!ids.ok()) return ids.status();
    ClaimKeyParts parts;
    parts.subject = ids->subject;
    parts.predicate = ids->predicate;
    parts.object = s.object.kind == TermKind::kQuantity ? ObjectKeyForQuantity(s.object) : ObjectKeyForId(ids->object);
    parts.when = s.when;
    return SpoKey(parts);
  }

  Status AddAlias(const Alias& alias) {
    if (alias.text.empty() || alias.entity.empty()) {
      return Status::InvalidArgument("an alias needs a text and an entity (got \"" + alias.text + "\" -> \"" +
                                     alias.entity + "\")");
    }
    const std::string normalised = NormalizeName(alias.text);
    const std::string entity = ToNfc(alias.entity);
    std::string key = AliasKey(normalised, entity, alias.lang);
    // Every document sends the aliases of its entities again: one already
    // stored as written (and not rewritten earlier in this batch) is skipped.
    if (!new_aliases_.count(key)) {
      if (store_.write_cache().HasAlias(key, alias.text)) return Status::OK();
      std::string stored;
      bool found = false;
      KG_RETURN_IF_ERROR(store_.Get(kAliases, key, &stored, &found));
      if (found && stored == alias.text) {
        store_.write_cache().AddAlias(std::move(key), std::move(stored));
        return Status::OK();
      }
      if (!found) Count(counter::kAliases, 1);
    }
    Put(kAliases, key, alias.text);
    Put(kEntityAliases, EntityAliasKey(entity, normalised, alias.lang), alias.text);
    new_aliases_.insert_or_assign(std::move(key), alias.text);
    return Status::OK();
  }

  // Retracts every mention of a document (and its sentences).
  Status RetractDocument(uint64_t number) {
    const std::string prefix = IdKey(number);
    Status failure;
    KG_RETURN_IF_ERROR(store_.ScanPrefix(kDocMentions, prefix, [&](std::string_view key, std::string_view spo) {
      if (key.size() != 12) {
        failure = Status::Corruption("damaged document mention key");
        return false;
      }
      Delete(kMentions, MentionKey(spo, number, GetBig32(key.substr(8))));
      Delete(kDocMentions, key);
      ChangeMentions(std::string(spo), -1);
      Count(counter::kMentions, -1);
      return true;
    }));
    KG_RETURN_IF_ERROR(failure);
    return store_.ScanPrefix(kSentences, prefix, [&](std::string_view key, std::string_view) {
      Delete(kSentences, key);
      return true;
    });
  }

  // Applies the mention changes to the claims and their indexes, writes the
  // counters and commits. `claims_new` receives the number of claims created.
  Status Finish(uint64_t* claims_new, bool sync = true) {
    std::map<TermId, int64_t> predicate_delta;
    for (const auto& [spo, delta] : claim_delta_) {
      if (delta == 0) continue;
      KG_RETURN_IF_ERROR(ApplyClaimDelta(spo, delta, &predicate_delta, claims_new));
    }
    KG_RETURN_IF_ERROR(WritePackedPos());
    for (const auto& [predicate, delta] : predicate_delta) {
      if (delta == 0) continue;
      KG_RETURN_IF_ERROR(WriteCount(kPredicateCounts, IdKey(predicate), delta));
    }
    for (const auto& [name, delta] : counter_delta_) {
      if (delta != 0) KG_RETURN_IF_ERROR(WriteCount(kMeta, name, delta));
    }
    for (const auto& [name, value] : sequences_) Put(kMeta, name, Big64(value));
    KG_RETURN_IF_ERROR(store_.Commit(&batch_, sync));
    for (auto& [key, id] : new_terms_) store_.write_cache().AddTerm(key, id);
    for (auto& [key, written] : new_aliases_) store_.write_cache().AddAlias(key, std::move(written));
    return Status::OK();
  }

 private:
  Status ApplyClaimDelta(const std::string& spo, int64_t delta, std::map<TermId, int64_t>* predicate_delta,
                         uint64_t* claims_new) {
    ClaimKeyParts parts;
    if (!ParseSpoKey(spo, &parts)) return Status::Corruption("damaged claim key");
    std::string value;
    bool found = false;
    KG_RETURN_IF_ERROR(store_.Get(kSpo, spo, &value, &found));
    const int64_t before = found && value.size() == 8 ? static_cast<int64_t>(GetBig64(value)) : 0;
    const int64_t after = before + delta;
    if (after < 0) return Status::Corruption("a claim would have a negative number of mentions");
    if (after == 0) {
      for (Cf index : {kSpo, kPos, kOsp, kWps}) ChangeIndex(index, IndexKey(index, parts), /*added=*/false);
      (*predicate_delta)[parts.predicate] -= 1;
      Count(counter::kClaims, -1);
      return Status::OK();
    }
    Put(kSpo, spo, Big64(static_cast<uint64_t>(after)));
    if (before == 0) {
      for (Cf index : {kPos, kOsp, kWps}) ChangeIndex(index, IndexKey(index, parts), /*added=*/true);
      (*predicate_delta)[parts.predicate] += 1;
      Count(counter::kClaims, 1);
      ++*claims_new;
    }
    return Status::OK();
  }

  // A packed pos's changes wait for WritePackedPos; other indexes hold a key per claim.
  void ChangeIndex(Cf index, std::string key, bool added) {
    if (index == kPos && store_.packed_pos()) {
      pos_changes_[std::move(key)] = added;
    } else if (added) {
      Put(index, key, "");
    } else {
      Delete(index, key);
    }
  }

  Status WritePackedPos() {
    if (pos_changes_.empty()) return Status::OK();
    return RewritePackedPos(store_, pos_changes_, &batch_);
  }

  static std::string IndexKey(Cf index, const ClaimKeyParts& parts) {
    switch (index) {
      case kPos: return PosKey(parts);
      case kOsp: return OspKey(parts);
      case kWps: return WpsKey(parts);
      default: return SpoKey(parts);
    }
  }

  // Adds `delta` to a big64 count; a count reaching zero is deleted.
  Status WriteCount(Cf which, const std::string& key, int64_t delta) {
    std::string value;
    bool found = false;
    KG_RETURN_IF_ERROR(store_.Get(which, key, &value, &found));
    const int64_t current = found && value.size() == 8 ? static_cast<int64_t>(GetBig64(value)) : 0;
    const int64_t updated = current + delta;
    if (updated < 0) return Status::Corruption(std::string("count ") + CfName(which) + " would go negative");
    if (updated == 0 && which == kPredicateCounts) {
      Delete(which, key);
    } else {
      Put(which, key, Big64(static_cast<uint64_t>(updated)));
    }
    return Status::OK();
  }

  RocksStore& store_;
  rocksdb::WriteBatch batch_;
  std::unordered_map<std::string, TermId> new_terms_;
  std::unordered_map<std::string, std::string> new_aliases_;  // alias key -> as written, in this batch
  std::map<std::string, int64_t> claim_delta_;
  PosChanges pos_changes_;  // a packed pos's, for WritePackedPos
  std::map<std::string, int64_t> counter_delta_;
  std::map<std::string, uint64_t> sequences_;
};

}  // namespace

Status CanonicalizeStatement(DocumentInput::Statement&& in, CanonicalStatement* out) {
  // The object's bound is read before the object moves.
  const Bound object_bound = in.claim.object.bound;
  out->subject = std::move(in.claim.subject);
  if (Status made = MakeCanonical(&out->subject); !made.ok()) return Status::InvalidArgument("subject: " + made.message());
  out->predicate = Term::Predicate(std::move(in.claim.predicate));
  if (Status made = MakeCanonical(&out->predicate); !made.ok()) return Status::InvalidArgument("predicate: " + made.message());
  out->object = std::move(in.claim.object);
  if (Status made = MakeCanonical(&out->object); !made.ok()) return Status::InvalidArgument("object: " + made.message());
  out->when = kNoTime;
  if (!in.claim.when.empty()) {
    auto when = TimeId(in.claim.when);
    if (!when) return Status::InvalidArgument("when: not a time (YYYY, YYYY-MM or YYYY-MM-DD): \"" + in.claim.when + "\"");
    out->when = *when;
  }
  if (in.mention.start > in.mention.end) return Status::InvalidArgument("mention span ends before it starts");
  out->object.bound = Bound::kExact;
  MentionRecord& mention = out->mention;
  mention.sentence = in.mention.sentence;
  mention.start = in.mention.start;
  mention.end = in.mention.end;
  // The mention's bound is what counts; a bound given only on the object
  // term is taken when the mention says nothing more specific.
  mention.bound = in.mention.bound != Bound::kExact ? in.mention.bound : object_bound;
  mention.rule = std::move(in.mention.rule);
  mention.attributed_to = std::move(in.mention.attributed_to);
  mention.text = std::move(in.mention.text);
  mention.text_inline = false;
  return Status::OK();
}

Result<CanonicalStatement> CanonicalizeStatement(DocumentInput::Statement in) {
  CanonicalStatement out;
  KG_RETURN_IF_ERROR(CanonicalizeStatement(std::move(in), &out));
  return out;
}


uint64_t FingerprintStatement(uint64_t running, const CanonicalStatement& s) {
  // Every field the stored statement has (its terms as term_by_id holds
  // them, its time, its mention with the text inline).
  FieldFingerprint fingerprint(running);
  for (const Term* term : {&s.subject, &s.predicate, &s.object}) {
    fingerprint.Add(static_cast<uint64_t>(term->kind));
    fingerprint.Add(term->value);
    fingerprint.Add(term->unit);
    fingerprint.Add(term->lang);
  }
  fingerprint.Add(s.when);
  const MentionRecord& m = s.mention;
  for (uint64_t number : {uint64_t{m.sentence}, uint64_t{m.start}, uint64_t{m.end}, static_cast<uint64_t>(m.bound)}) {
    fingerprint.Add(number);
  }
  fingerprint.Add(m.rule);
  fingerprint.Add(m.attributed_to);
  fingerprint.Add(m.text);
  return fingerprint.value();
}

uint64_t FingerprintAliases(uint64_t running, const std::vector<Alias>& aliases) {
  std::string data;
  for (const Alias& a : aliases) {
    for (const std::string* field : {&a.text, &a.entity, &a.lang}) PutString(&data, *field);
  }
  return Fingerprint(data, running);
}

uint64_t FingerprintMetadata(uint64_t running, const Document& d) {
  std::string data;
  for (const std::string* field : {&d.lang, &d.published, &d.source, &d.title, &d.content_hash}) PutString(&data, *field);
  PutVarint(&data, d.size);
  return Fingerprint(data, running);
}

namespace {

// What tells an identical re-add apart: statements, aliases and metadata.
uint64_t InputFingerprint(const DocumentInput& input, const std::vector<CanonicalStatement>& statements) {
  uint64_t running = kFingerprintSeed;
  for (const CanonicalStatement& s : statements) running = FingerprintStatement(running, s);
  return FingerprintMetadata(FingerprintAliases(running, input.aliases), input.document);
}

}  // namespace

Result<AddResult> RocksStore::AddDocument(const DocumentInput& input, const WriteOptions& options) {
  return Guarded("adding a document", [&]() -> Result<AddResult> {
    const std::string& doc_id = input.document.id;
    if (doc_id.empty()) return Status::InvalidArgument("a document needs an id");
    std::vector<CanonicalStatement> statements;
    for (size_t i = 0; i < input.statements.size(); ++i) {
      auto s = CanonicalizeStatement(input.statements[i]);
      if (!s.ok()) {
        return Status::InvalidArgument("document " + doc_id + ", statement " + std::to_string(i) + ": " +
                                       s.status().message());
      }
      statements.push_back(std::move(*s));
    }
    const uint64_t fingerprint = InputFingerprint(input, statements);

    std::lock_guard lock(write_mutex_);
    WriteContext ctx(*this);
    std::string encoded;
    bool exists = false;
    KG_RETURN_IF_ERROR(Get(kDocuments, doc_id, &encoded, &exists));
    DocumentRecord record;
    if (exists && !DecodeDocument(encoded, &record)) return Status::Corruption("damaged record of document " + doc_id);
    AddResult result;
    if (exists) {
      if (record.document.content_hash == input.document.content_hash && record.statements_fingerprint == fingerprint) {
        result.outcome = AddOutcome::kUnchanged;
        return result;
      }
      result.outcome = AddOutcome::kReplaced;
      KG_RETURN_IF_ERROR(ctx.RetractDocument(record.number));
    } else {
      auto number = ctx.Allocate(counter::kNextDocument);
      if (!number.ok()) return number.status();
      record.number = *number;
      ctx.Count(counter::kDocuments, 1);
    }
    record.document = input.document;
    record.statements_fingerprint = fingerprint;

    std::map<uint32_t, std::string> sentences;  // the first text given for each sentence
    for (size_t i = 0; i < statements.size(); ++i) {
      CanonicalStatement& s = statements[i];
      auto spo = ctx.InternClaim(s);
      if (!spo.ok()) return spo.status();
      auto [sentence, inserted] = sentences.emplace(s.mention.sentence, s.mention.text);
      if (inserted) ctx.Put(kSentences, SentenceKey(record.number, s.mention.sentence), s.mention.text);
      s.mention.text_inline = sentence->second != s.mention.text;
      if (!s.mention.text_inline) s.mention.text.clear();
      const auto seq = static_cast<uint32_t>(i);
      ctx.Put(kMentions, MentionKey(*spo, record.number, seq), EncodeMention(s.mention));
      ctx.Put(kDocMentions, DocMentionKey(record.number, seq), *spo);
      ctx.ChangeMentions(*spo, 1);
      ctx.Count(counter::kMentions, 1);
    }
    for (const Alias& alias : input.aliases) KG_RETURN_IF_ERROR(ctx.AddAlias(alias));
    ctx.Put(kDocuments, doc_id, EncodeDocument(record));
    ctx.Put(kDocNumbers, IdKey(record.number), doc_id);
    KG_RETURN_IF_ERROR(ctx.Finish(&result.claims_new, options.sync));
    result.mentions = statements.size();
    result.claims_merged = statements.size() - result.claims_new;
    return result;
  });
}

Status RocksStore::RemoveDocument(const std::string& doc_id) {
  return Guarded("removing a document", [&]() -> Status {
    std::lock_guard lock(write_mutex_);
    std::string encoded;
    bool exists = false;
    KG_RETURN_IF_ERROR(Get(kDocuments, doc_id, &encoded, &exists));
    if (!exists) return Status::NotFound("no document " + doc_id);
    DocumentRecord record;
    if (!DecodeDocument(encoded, &record)) return Status::Corruption("damaged record of document " + doc_id);
    WriteContext ctx(*this);
    KG_RETURN_IF_ERROR(ctx.RetractDocument(record.number));
    ctx.Delete(kDocuments, doc_id);
    ctx.Delete(kDocNumbers, IdKey(record.number));
    ctx.Count(counter::kDocuments, -1);
    uint64_t ignored = 0;
    return ctx.Finish(&ignored);
  });
}

Status RetractDocumentMentions(RocksStore& store, uint64_t number) {
  WriteContext ctx(store);
  KG_RETURN_IF_ERROR(ctx.RetractDocument(number));
  uint64_t ignored = 0;
  return ctx.Finish(&ignored);
}

Status RocksStore::AddAliases(const std::vector<Alias>& aliases) {
  return Guarded("adding aliases", [&]() -> Status {
    std::lock_guard lock(write_mutex_);
    WriteContext ctx(*this);
    for (const Alias& alias : aliases) KG_RETURN_IF_ERROR(ctx.AddAlias(alias));
    uint64_t ignored = 0;
    return ctx.Finish(&ignored);
  });
}

Status RocksStore::DeclarePredicate(const PredicateInfo& info) {
  return Guarded("declaring a predicate", [&]() -> Status {
    if (info.name.empty()) return Status::InvalidArgument("a predicate needs a name");
    std::lock_guard lock(write_mutex_);
    WriteContext ctx(*this);
    ctx.Put(kPredicateInfo, ToNfc(info.name), EncodePredicateInfo(info));
    uint64_t ignored = 0;
    return ctx.Finish(&ignored);
  });
}

}  // namespace kg::storage
