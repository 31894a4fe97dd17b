// The consistency checker: walks every column family and verifies each entry
// against the claims, mentions, documents, dictionary and counters.
#include <map>

#include <fmt/format.h>

#include "storage/normalize.h"
#include "storage/rocks_store.h"

namespace kg::storage {

namespace {

std::string Hex(std::string_view bytes) {
  std::string out;
  for (char c : bytes) out += fmt::format("{:02x}", static_cast<uint8_t>(c));
  return out;
}

class Checker {
 public:
  Checker(const RocksStore& store, const rocksdb::Snapshot* snapshot) : store_(store), snapshot_(snapshot) {}

  Result<CheckReport> Run() {
    for (auto step : {&Checker::CheckTerms, &Checker::CheckDocuments, &Checker::CheckClaims, &Checker::CheckIndexes,
                      &Checker::CheckMentions, &Checker::CheckDocMentions, &Checker::CheckPredicateCounts,
                      &Checker::CheckAliases, &Checker::CheckCounters}) {
      KG_RETURN_IF_ERROR((this->*step)());
    }
    return report_;
  }

 private:
  using Visit = std::function<void(std::string_view key, std::string_view value)>;

  Status Walk(Cf which, const Visit& visit) {
    return store_.ScanPrefix(which, "", [&](std::string_view key, std::string_view value) {
      ++report_.entries_checked;
      visit(key, value);
      return report_.problems.size() < kMaxProblems;
    }, snapshot_);
  }

  bool Exists(Cf which, std::string_view key, std::string* value = nullptr) {
    std::string ignored;
    bool found = false;
    Status status = store_.Get(which, key, value != nullptr ? value : &ignored, &found, snapshot_);
    if (!status.ok()) Problem("{}", status.ToString());
    return found;
  }

  template <typename... Args>
  void Problem(fmt::format_string<Args...> format, Args&&... args) {
    report_.problems.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  bool TermExists(TermId id) { return KindOfId(id) == TermKind::kTime || Exists(kTermById, IdKey(id)); }

  Status CheckTerms() {
    KG_RETURN_IF_ERROR(Walk(kTermById, [&](std::string_view key, std::string_view value) {
      Term term;
      if (key.size() != 8 || !DecodeTerm(value, &term)) return Problem("term_by_id: damaged entry {}", Hex(key));
      ++terms_;
      if (term.kind == TermKind::kEntity) {
        ++entities_;
        if (!Exists(kEntityNames, EntityNameKey(term.value))) Problem("entity {} has no entity_names entry", term.value);
      }
      if (term.kind == TermKind::kPredicate) ++predicates_;
      std::string id;
      if (!Exists(kTermByValue, TermValueKey(term), &id) || id != key) {
        Problem("term {} ({}) is missing from term_by_value", term.ToString(), Hex(key));
      }
    }));
    return Walk(kTermByValue, [&](std::string_view key, std::string_view value) {
      if (value.size() != 8 || !Exists(kTermById, value)) Problem("term_by_value entry {} points nowhere", Hex(key));
    });
  }

  Status CheckDocuments() {
    KG_RETURN_IF_ERROR(Walk(kDocuments, [&](std::string_view key, std::string_view value) {
      DocumentRecord record;
      if (!DecodeDocument(value, &record) || record.document.id != key) {
        return Problem("documents: damaged record {}", std::string(key));
      }
      std::string id;
      if (!Exists(kDocNumbers, IdKey(record.number), &id) || id != key) {
        Problem("document {} has no doc_numbers entry", std::string(key));
      }
      document_numbers_[record.number] = std::string(key);
    }));
    return Walk(kDocNumbers, [&](std::string_view key, std::string_view value) {
      if (key.size() != 8 || document_numbers_.count(GetBig64(key)) == 0 || document_numbers_[GetBig64(key)] != value) {
        Problem("doc_numbers entry {} -> {} has no document", Hex(key), std::string(value));
      }
    });
  }

  Status CheckClaims() {
    return Walk(kSpo, [&](std::string_view key, std::string_view value) {
      ClaimKeyParts parts;
      if (!ParseSpoKey(key, &parts) || value.size() != 8) return Problem("spo: damaged claim {}", Hex(key));
      ++claims_;
      ++claims_per_predicate_[parts.predicate];
      bool object_is_id = parts.object.size() == 8;
      if (!TermExists(parts.subject) || !TermExists(parts.predicate) ||
          (object_is_id && !TermExists(GetBig64(parts.object))) || (parts.when != kNoTime && !TermExists(parts.when))) {
        Problem("claim {} uses a term missing from the dictionary", Hex(key));
      }
      if (!Exists(kPos, PosKey(parts))) Problem("claim {} is missing from pos", Hex(key));
      if (!Exists(kOsp, OspKey(parts))) Problem("claim {} is missing from osp", Hex(key));
      if (!Exists(kWps, WpsKey(parts))) Problem("claim {} is missing from wps", Hex(key));
      uint64_t mentions = 0;
      Status scan = store_.ScanPrefix(kMentions, key, [&](std::string_view, std::string_view) {
        ++mentions;
        return true;
      }, snapshot_);
      if (!scan.ok()) return Problem("{}", scan.ToString());
      if (mentions == 0 || mentions != GetBig64(value)) {
        Problem("claim {} records {} mentions but has {}", Hex(key), GetBig64(value), mentions);
      }
    });
  }

  Status CheckIndexes() {
    for (Cf index : {kPos, kOsp, kWps}) {
      uint64_t entries = 0;
      KG_RETURN_IF_ERROR(Walk(index, [&](std::string_view key, std::string_view) {
        ++entries;
        ClaimKeyParts parts;
        bool parsed = index == kPos ? ParsePosKey(key, &parts) : index == kOsp ? ParseOspKey(key, &parts)
                                                                                 : ParseWpsKey(key, &parts);
        if (!parsed) return Problem("{}: damaged entry {}", CfName(index), Hex(key));
        if (!Exists(kSpo, SpoKey(parts))) Problem("{} entry {} has no claim in spo", CfName(index), Hex(key));
      }));
      if (entries != claims_) Problem("{} has {} entries for {} claims", CfName(index), entries, claims_);
    }
    return Status::OK();
  }

  Status CheckMentions() {
    return Walk(kMentions, [&](std::string_view key, std::string_view value) {
      ++mentions_;
      MentionRecord mention;
      if (key.size() < 12 + 25 || !DecodeMention(value, &mention)) return Problem("mentions: damaged entry {}", Hex(key));
      std::string_view claim = key.substr(0, key.size() - 12);
      uint64_t number = GetBig64(key.substr(key.size() - 12));
      uint32_t seq = GetBig32(key.substr(key.size() - 4));
      if (!Exists(kSpo, claim)) Problem("mention {} belongs to no claim", Hex(key));
      if (document_numbers_.count(number) == 0) Problem("mention {} belongs to no document", Hex(key));
      std::string back;
      if (!Exists(kDocMentions, DocMentionKey(number, seq), &back) || back != claim) {
        Problem("mention {} is missing from doc_mentions", Hex(key));
      }
      if (!mention.text_inline && !Exists(kSentences, SentenceKey(number, mention.sentence))) {
        Problem("mention {} refers to a missing sentence", Hex(key));
      }
    });
  }

  Status CheckDocMentions() {
    return Walk(kDocMentions, [&](std::string_view key, std::string_view value) {
      if (key.size() != 12) return Problem("doc_mentions: damaged entry {}", Hex(key));
      uint64_t number = GetBig64(key);
      if (!Exists(kMentions, MentionKey(value, number, GetBig32(key.substr(8))))) {
        Problem("doc_mentions entry {} has no mention", Hex(key));
      }
    });
  }

  Status CheckPredicateCounts() {
    std::map<TermId, uint64_t> recorded;
    KG_RETURN_IF_ERROR(Walk(kPredicateCounts, [&](std::string_view key, std::string_view value) {
      if (key.size() != 8 || value.size() != 8) return Problem("predicate_counts: damaged entry {}", Hex(key));
      recorded[GetBig64(key)] = GetBig64(value);
    }));
    if (recorded != claims_per_predicate_) {
      for (const auto& [id, count] : claims_per_predicate_) {
        if (recorded[id] != count) Problem("predicate {} has {} claims but its count says {}", id, count, recorded[id]);
      }
      if (recorded.size() != claims_per_predicate_.size()) Problem("predicate_counts lists predicates without claims");
    }
    return Status::OK();
  }

  Status CheckAliases() {
    KG_RETURN_IF_ERROR(Walk(kAliases, [&](std::string_view key, std::string_view) {
      ++aliases_;
      std::string_view rest = key;
      std::string normalised, entity, lang;
      if (!GetOrderedString(&rest, &normalised) || !GetOrderedString(&rest, &entity) ||
          !GetOrderedString(&rest, &lang) || !rest.empty()) {
        return Problem("aliases: damaged entry {}", Hex(key));
      }
      if (!Exists(kEntityAliases, EntityAliasKey(entity, normalised, lang))) {
        Problem("alias {} of {} is missing from entity_aliases", normalised, entity);
      }
    }));
    return Walk(kEntityAliases, [&](std::string_view key, std::string_view) {
      std::string_view rest = key;
      std::string normalised, entity, lang;
      if (!GetOrderedString(&rest, &entity) || !GetOrderedString(&rest, &normalised) ||
          !GetOrderedString(&rest, &lang) || !Exists(kAliases, AliasKey(normalised, entity, lang))) {
        Problem("entity_aliases entry {} has no alias", Hex(key));
      }
    });
  }

  Status CheckCounters() {
    std::pair<const char*, uint64_t> expected[] = {
        {counter::kClaims, claims_},     {counter::kMentions, mentions_}, {counter::kDocuments, document_numbers_.size()},
        {counter::kTerms, terms_},       {counter::kEntities, entities_}, {counter::kPredicates, predicates_},
        {counter::kAliases, aliases_}};
    for (auto [name, actual] : expected) {
      auto recorded = store_.ReadCounter(name, snapshot_);
      if (!recorded.ok()) return recorded.status();
      if (*recorded != actual) Problem("counter {} says {} but the store holds {}", name, *recorded, actual);
    }
    return Status::OK();
  }

  static constexpr size_t kMaxProblems = 1000;
  const RocksStore& store_;
  const rocksdb::Snapshot* snapshot_;
  CheckReport report_;
  std::map<uint64_t, std::string> document_numbers_;
  std::map<TermId, uint64_t> claims_per_predicate_;
  uint64_t claims_ = 0, mentions_ = 0, terms_ = 0, entities_ = 0, predicates_ = 0, aliases_ = 0;
};

}  // namespace

Result<CheckReport> RocksStore::Check() const {
  return Guarded("checking the store", [&]() -> Result<CheckReport> {
    SnapshotHolder snapshot(*this);
    return Checker(*this, snapshot.get()).Run();
  });
}

}  // namespace kg::storage
