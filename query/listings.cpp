#include "query/listings.h"

#include <algorithm>
#include <set>

#include "query/error.h"
#include "query/value.h"
#include "storage/normalize.h"

namespace kg::query {

namespace {

std::vector<Value> ClaimRow(const Claim& claim, int64_t sources) {
  return {Value::OfTerm(claim.subject), Value::OfTerm(Term::Predicate(claim.predicate)), Value::OfTerm(claim.object),
          claim.when.empty() ? Value::Null() : Value::OfTerm(Term::Time(claim.when)), Value::OfNumber(sources)};
}

}  // namespace

int64_t SourceCount(const ClaimRecord& record) {
  std::set<std::string> documents;
  for (const auto& mention : record.mentions) documents.insert(mention.doc);
  return static_cast<int64_t>(documents.size());
}

QueryResult ListConflicts(const ConflictsQuery& query, Binder& binder, Catalog& catalog) {
  std::optional<Term> subject;
  std::optional<std::string> predicate;
  if (query.subject && !query.subject->IsVariable()) {
    auto ids = binder.ResolveEntity(*query.subject);
    subject = Term::Entity(ids.front());
  }
  if (query.predicate && !query.predicate->IsVariable()) predicate = binder.ResolvePredicate(*query.predicate);
  auto conflicts = ValueOrThrow(catalog.store().Conflicts(subject, predicate));
  QueryResult result;
  result.columns = {"subject", "predicate", "object", "when", "sources"};
  for (const auto& conflict : conflicts) {
    for (const auto& alternative : conflict.alternatives) {
      result.rows.push_back(ClaimRow(alternative.claim, SourceCount(alternative)));
    }
  }
  return result;
}

QueryResult ListDescription(const DescribeQuery& query, Binder& binder, Catalog& catalog) {
  if (query.entity.IsVariable()) {
    throw QueryError(query.entity.pos, "DESCRIBE needs an entity, not a variable");
  }
  QueryResult result;
  result.columns = {"subject", "predicate", "object", "when", "sources"};
  std::vector<ClaimRecord> records;
  for (const auto& id : binder.ResolveEntity(query.entity)) {
    for (bool as_subject : {true, false}) {
      Pattern pattern;
      (as_subject ? pattern.subject : pattern.object) = Term::Entity(id);
      Status matched = catalog.store().Match(pattern, [&](const ClaimRecord& record) {
        // A claim about the entity itself (X p X) is listed once.
        if (as_subject || !record.claim.subject.SameAs(record.claim.object)) records.push_back(record);
        return true;
      });
      if (!matched.ok()) throw StoreFailure(matched);
    }
  }
  for (const auto& record : records) result.rows.push_back(ClaimRow(record.claim, SourceCount(record)));
  // Grouped by predicate, then as the claims export sorts.
  std::stable_sort(result.rows.begin(), result.rows.end(), [](const auto& a, const auto& b) {
    for (size_t column : {1, 0, 3, 2}) {
      if (int c = CompareValues(a[column], b[column]); c != 0) return c < 0;
    }
    return false;
  });
  return result;
}

QueryResult ListEntities(const EntitiesQuery& query, Catalog& catalog) {
  std::string wanted = query.like ? NormalizeName(*query.like) : "";
  QueryResult result;
  result.columns = {"entity", "aliases"};
  for (const auto& [id, aliases] : ValueOrThrow(catalog.Entities())) {
    bool matches = NormalizeName(id).find(wanted) != std::string::npos;
    std::vector<std::string> texts;
    for (const auto& alias : aliases) {
      if (NormalizeName(alias.text).find(wanted) != std::string::npos) matches = true;
      if (std::find(texts.begin(), texts.end(), alias.text) == texts.end() && alias.text != id) {
        texts.push_back(alias.text);
      }
    }
    if (!matches) continue;
    std::string joined;
    for (const auto& text : texts) joined += (joined.empty() ? "" : ", ") + text;
    result.rows.push_back({Value::OfTerm(Term::Entity(id)), Value::OfString(joined)});
  }
  return result;
}

QueryResult ListPredicates(Catalog& catalog) {
  auto counts = ValueOrThrow(catalog.PredicateCounts());
  auto declared = ValueOrThrow(catalog.Declared());
  QueryResult result;
  result.columns = {"predicate", "claims", "description"};
  for (const auto& entry : counts) {
    const std::string& name = entry.first;
    auto info = std::find_if(declared.begin(), declared.end(), [&](const PredicateInfo& p) { return p.name == name; });
    result.rows.push_back({Value::OfTerm(Term::Predicate(name)), Value::OfNumber(static_cast<int64_t>(entry.second)),
                           Value::OfString(info == declared.end() ? "" : info->description)});
  }
  return result;
}

QueryResult ListDocuments(Catalog& catalog) {
  QueryResult result;
  result.columns = {"doc", "lang", "published", "source", "title"};
  for (const auto& doc : ValueOrThrow(catalog.store().Documents())) {
    result.rows.push_back({Value::OfString(doc.id), Value::OfString(doc.lang), Value::OfString(doc.published),
                           Value::OfString(doc.source), Value::OfString(doc.title)});
  }
  return result;
}

}  // namespace kg::query
