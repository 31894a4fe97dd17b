// Reads: pattern matching over the four claim orderings, conflicts, aliases,
// documents and statistics.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "storage/id_scan.h"
#include "storage/normalize.h"
#include "storage/rocks_store.h"

namespace kg::storage {

namespace {

// The bound positions of a pattern, resolved to ids and object keys.
struct BoundPattern : IdPattern {
  bool impossible = false;  // a bound term the store has never seen
};

size_t DistinctDocuments(const ClaimRecord& record) {
  std::set<std::string> docs;
  for (const Mention& m : record.mentions) docs.insert(m.doc);
  return docs.size();
}

}  // namespace

Status RocksStore::ScanClaims(const Pattern& pattern, const rocksdb::Snapshot* snapshot,
                              const std::function<bool(const ClaimKeyParts&)>& visit) const {
  BoundPattern b;
  auto resolve = [&](const Term& term, const char* position) -> Result<TermId> {
    auto canonical = CanonicalTerm(term);
    if (!canonical.ok()) return Status::InvalidArgument(std::string(position) + ": " + canonical.status().message());
    return FindTermId(*canonical);
  };
  if (pattern.subject) {
    auto id = resolve(*pattern.subject, "subject");
    if (!id.ok()) return id.status();
    b.subject = *id;
    b.impossible |= *id == 0;
  }
  if (pattern.predicate) {
    auto id = resolve(Term::Predicate(*pattern.predicate), "predicate");
    if (!id.ok()) return id.status();
    b.predicate = *id;
    b.impossible |= *id == 0;
  }
  if (pattern.object) {
    if (pattern.object->kind == TermKind::kQuantity) {
      auto canonical = CanonicalTerm(*pattern.object);
      if (!canonical.ok()) return Status::InvalidArgument("object: " + canonical.status().message());
      b.object = ObjectKeyForQuantity(*canonical);
    } else {
      auto id = resolve(*pattern.object, "object");
      if (!id.ok()) return id.status();
      b.object = ObjectKeyForId(*id);
      b.impossible |= *id == 0;
    }
  }
  if (pattern.when) {
    if (pattern.when->empty()) {
      b.when = kNoTime;
    } else {
      auto when = TimeId(*pattern.when);
      if (!when) return Status::InvalidArgument("when: not a time (YYYY, YYYY-MM or YYYY-MM-DD): \"" + *pattern.when + "\"");
      b.when = *when;
    }
  }
  if (b.impossible) return Status::OK();

  const IndexAccess plan = ChooseAccess(b);
  Status failure;
  KG_RETURN_IF_ERROR(ScanPrefix(plan.index, plan.prefix, [&](std::string_view key, std::string_view) {
    ClaimKeyParts parts;
    if (!ParseIndexKey(plan.index, key, &parts)) {
      failure = Status::Corruption(std::string("damaged key in index ") + CfName(plan.index));
      return false;
    }
    return !MatchesPattern(b, parts) || visit(parts);
  }, snapshot));
  return failure;
}

Status RocksStore::Match(const Pattern& pattern, const ClaimVisitor& visit) const {
  return Guarded("matching claims", [&]() -> Status {
    SnapshotHolder snapshot(*this);
    ClaimReader reader(*this, snapshot.get());
    Status failure;
    KG_RETURN_IF_ERROR(ScanClaims(pattern, snapshot.get(), [&](const ClaimKeyParts& parts) {
      auto record = reader.Read(parts, pattern.with_mentions);
      if (!record.ok()) {
        failure = record.status();
        return false;
      }
      return visit(*record);
    }));
    return failure;
  });
}

Result<std::vector<Conflict>> RocksStore::Conflicts(const std::optional<Term>& subject,
                                                    const std::optional<std::string>& predicate) const {
  return Guarded("listing conflicts", [&]() -> Result<std::vector<Conflict>> {
    auto declared = DeclaredPredicates();
    if (!declared.ok()) return declared.status();
    std::set<std::string> single_valued;
    for (const PredicateInfo& info : *declared) {
      if (info.single_valued) single_valued.insert(ToNfc(info.name));
    }
    SnapshotHolder snapshot(*this);
    Pattern pattern;
    pattern.subject = subject;
    pattern.predicate = predicate;
    // Claims grouped by (subject, predicate, when).
    std::map<std::string, std::vector<ClaimKeyParts>> groups;
    KG_RETURN_IF_ERROR(ScanClaims(pattern, snapshot.get(), [&](const ClaimKeyParts& parts) {
      groups[IdKey(parts.subject) + IdKey(parts.predicate) + IdKey(parts.when)].push_back(parts);
      return true;
    }));

    std::vector<Conflict> conflicts;
    ClaimReader reader(*this, snapshot.get());
    auto add_conflict = [&](const std::vector<ClaimKeyParts>& alternatives) -> Status {
      Conflict conflict;
      for (const ClaimKeyParts& parts : alternatives) {
        auto record = reader.Read(parts);
        if (!record.ok()) return record.status();
        conflict.alternatives.push_back(std::move(*record));
      }
      std::stable_sort(conflict.alternatives.begin(), conflict.alternatives.end(),
                       [](const ClaimRecord& a, const ClaimRecord& b) { return DistinctDocuments(a) > DistinctDocuments(b); });
      const Claim& first = conflict.alternatives.front().claim;
      conflict.subject = first.subject;
      conflict.predicate = first.predicate;
      conflict.when = first.when;
      conflicts.push_back(std::move(conflict));
      return Status::OK();
    };
    for (const auto& [key, claims] : groups) {
      if (claims.size() < 2) continue;
      auto name = TermOf(claims.front().predicate);
      if (!name.ok()) return name.status();
      std::map<std::string, std::vector<ClaimKeyParts>> quantities_by_unit;
      std::vector<ClaimKeyParts> entities;
      for (const ClaimKeyParts& parts : claims) {
        Term object;
        if (DecodeQuantityObject(parts.object, &object)) {
          quantities_by_unit[object.unit].push_back(parts);
        } else if (parts.object.size() == 8 && KindOfId(GetBig64(parts.object)) == TermKind::kEntity) {
          entities.push_back(parts);
        }
      }
      for (const auto& [unit, alternatives] : quantities_by_unit) {
        if (alternatives.size() >= 2) KG_RETURN_IF_ERROR(add_conflict(alternatives));
      }
      if (entities.size() >= 2 && single_valued.count(name->value) > 0) KG_RETURN_IF_ERROR(add_conflict(entities));
    }
    return conflicts;
  });
}

Result<std::vector<std::string>> RocksStore::ResolveEntity(const std::string& name) const {
  return Guarded("resolving an entity", [&]() -> Result<std::vector<std::string>> {
    std::string prefix;
    PutOrderedString(&prefix, NormalizeName(name));
    std::set<std::string> entities;
    Status failure;
    KG_RETURN_IF_ERROR(ScanPrefix(kAliases, prefix, [&](std::string_view key, std::string_view) {
      std::string_view rest = key.substr(prefix.size());
      std::string entity;
      if (!GetOrderedString(&rest, &entity)) {
        failure = Status::Corruption("damaged alias key");
        return false;
      }
      entities.insert(std::move(entity));
      return true;
    }));
    KG_RETURN_IF_ERROR(failure);
    KG_RETURN_IF_ERROR(ScanPrefix(kEntityNames, prefix, [&](std::string_view key, std::string_view) {
      entities.insert(std::string(key.substr(prefix.size())));
      return true;
    }));
    return std::vector<std::string>(entities.begin(), entities.end());
  });
}

Result<std::vector<Alias>> RocksStore::AliasesOf(const std::string& entity) const {
  return Guarded("listing aliases", [&]() -> Result<std::vector<Alias>> {
    std::string prefix;
    const std::string canonical = ToNfc(entity);
    PutOrderedString(&prefix, canonical);
    std::vector<Alias> aliases;
    Status failure;
    KG_RETURN_IF_ERROR(ScanPrefix(kEntityAliases, prefix, [&](std::string_view key, std::string_view value) {
      std::string_view rest = key.substr(prefix.size());
      std::string normalised;
      Alias alias;
      if (!GetOrderedString(&rest, &normalised) || !GetOrderedString(&rest, &alias.lang)) {
        failure = Status::Corruption("damaged alias key");
        return false;
      }
      alias.text = std::string(value);
      alias.entity = canonical;
      aliases.push_back(std::move(alias));
      return true;
    }));
    KG_RETURN_IF_ERROR(failure);
    return aliases;
  });
}

Result<std::vector<Document>> RocksStore::Documents() const {
  return Guarded("listing documents", [&]() -> Result<std::vector<Document>> {
    std::vector<Document> documents;
    Status failure;
    KG_RETURN_IF_ERROR(ScanPrefix(kDocuments, "", [&](std::string_view key, std::string_view value) {
      DocumentRecord record;
      if (!DecodeDocument(value, &record)) {
        failure = Status::Corruption("damaged record of document " + std::string(key));
        return false;
      }
      documents.push_back(std::move(record.document));
      return true;
    }));
    KG_RETURN_IF_ERROR(failure);
    return documents;
  });
}

Result<Document> RocksStore::GetDocument(const std::string& doc_id) const {
  return Guarded("reading a document", [&]() -> Result<Document> {
    std::string value;
    bool found = false;
    KG_RETURN_IF_ERROR(Get(kDocuments, doc_id, &value, &found));
    if (!found) return Status::NotFound("no document " + doc_id);
    DocumentRecord record;
    if (!DecodeDocument(value, &record)) return Status::Corruption("damaged record of document " + doc_id);
    return record.document;
  });
}

Result<std::vector<std::pair<std::string, uint64_t>>> RocksStore::Predicates() const {
  return Guarded("listing predicates", [&]() -> Result<std::vector<std::pair<std::string, uint64_t>>> {
    std::vector<std::pair<std::string, uint64_t>> predicates;
    Status failure;
    KG_RETURN_IF_ERROR(ScanPrefix(kPredicateCounts, "", [&](std::string_view key, std::string_view value) {
      auto term = key.size() == 8 && value.size() == 8 ? TermOf(GetBig64(key)) : Result<Term>(Status::Corruption("damaged predicate count"));
      if (!term.ok()) {
        failure = term.status();
        return false;
      }
      predicates.emplace_back(term->value, GetBig64(value));
      return true;
    }));
    KG_RETURN_IF_ERROR(failure);
    std::sort(predicates.begin(), predicates.end());
    return predicates;
  });
}

Result<std::vector<PredicateInfo>> RocksStore::DeclaredPredicates() const {
  return Guarded("listing declared predicates", [&]() -> Result<std::vector<PredicateInfo>> {
    std::vector<PredicateInfo> predicates;
    Status failure;
    KG_RETURN_IF_ERROR(ScanPrefix(kPredicateInfo, "", [&](std::string_view key, std::string_view value) {
      PredicateInfo info;
      if (!DecodePredicateInfo(value, &info)) {
        failure = Status::Corruption("damaged declaration of predicate " + std::string(key));
        return false;
      }
      predicates.push_back(std::move(info));
      return true;
    }));
    KG_RETURN_IF_ERROR(failure);
    return predicates;
  });
}

Result<Stats> RocksStore::GetStats() const {
  return Guarded("reading statistics", [&]() -> Result<Stats> {
    Stats stats;
    std::pair<const char*, uint64_t*> counters[] = {
        {counter::kDocuments, &stats.documents}, {counter::kClaims, &stats.claims},
        {counter::kMentions, &stats.mentions},   {counter::kTerms, &stats.terms},
        {counter::kEntities, &stats.entities},   {counter::kPredicates, &stats.predicates},
        {counter::kAliases, &stats.aliases}};
    for (auto [name, target] : counters) {
      auto value = ReadCounter(name);
      if (!value.ok()) return value.status();
      *target = *value;
    }
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) stats.disk_bytes += it->file_size(ec);
    }
    stats.format_version = format_;
    return stats;
  });
}

}  // namespace kg::storage
