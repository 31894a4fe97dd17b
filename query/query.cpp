// RunQuery: parse -> bind -> plan -> execute, with every failure turned into
// a Status (nothing thrown crosses the public API).
#include "kg/query.h"

#include <cmath>
#include <new>
#include <set>

#include "query/binder.h"
#include "query/catalog.h"
#include "query/error.h"
#include "query/executor.h"
#include "query/listings.h"
#include "query/parser.h"
#include "query/planner.h"

namespace kg {

namespace {

using namespace kg::query;

Statistics GatherStatistics(Catalog& catalog) {
  Statistics statistics;
  statistics.predicate_claims = ValueOrThrow(catalog.PredicateCounts());
  statistics.total_claims = ValueOrThrow(catalog.TotalClaims());
  return statistics;
}

QueryResult Explain(const BoundFind& find, const Plan& plan) {
  QueryResult result;
  result.columns = {"step", "pattern", "estimate", "filters"};
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    result.rows.push_back({Value::OfNumber(static_cast<int64_t>(i + 1)),
                           Value::OfString(PatternText(find.patterns[step.pattern], find.slot_names)),
                           Value::OfNumber(static_cast<int64_t>(std::llround(step.estimate))),
                           Value::OfNumber(static_cast<int64_t>(step.filters.size()))});
  }
  return result;
}

// Dispatches one parsed statement; throws QueryError or StoreFailure.
Result<QueryResult> Execute(const Store& store, const Statement& statement, const QueryOptions& options) {
  Catalog catalog(store);
  Binder binder(catalog);
  std::set<std::string> symmetric;
  for (const auto& info : ValueOrThrow(catalog.Declared())) {
    if (info.symmetric) symmetric.insert(info.name);
  }
  Executor executor(store, options, std::move(symmetric));
  if (const auto* find = std::get_if<FindQuery>(&statement)) {
    BoundFind bound = binder.BindFind(*find);
    return executor.RunFind(bound, MakePlan(bound, GatherStatistics(catalog)));
  }
  if (const auto* explain = std::get_if<ExplainQuery>(&statement)) {
    BoundFind bound = binder.BindFind(explain->find);
    return Explain(bound, MakePlan(bound, GatherStatistics(catalog)));
  }
  if (const auto* sources = std::get_if<SourcesQuery>(&statement)) {
    return executor.RunSources(binder.BindSources(*sources));
  }
  if (const auto* conflicts = std::get_if<ConflictsQuery>(&statement)) {
    return ListConflicts(*conflicts, binder, catalog);
  }
  if (const auto* describe = std::get_if<DescribeQuery>(&statement)) {
    return ListDescription(*describe, binder, catalog);
  }
  if (const auto* entities = std::get_if<EntitiesQuery>(&statement)) return ListEntities(*entities, catalog);
  if (std::holds_alternative<PredicatesQuery>(statement)) return ListPredicates(catalog);
  return ListDocuments(catalog);
}

}  // namespace

Result<QueryResult> RunQuery(const Store& store, const std::string& text, const QueryOptions& options) {
  auto statement = Parse(text);
  if (!statement.ok()) return statement.status();
  try {
    return Execute(store, *statement, options);
  } catch (const QueryError& e) {
    return ErrorAt(text, e.pos, e.what(), e.suffix);
  } catch (const StoreFailure& e) {
    return e.status;
  } catch (const std::bad_alloc&) {
    return Status::Aborted("the query ran out of memory");
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("the query failed: ") + e.what());
  }
}

const std::vector<std::string>& QueryKeywords() {
  static const std::vector<std::string> kKeywords = {
      "FIND",     "WHERE",     "FILTER",   "FROM",       "LANG",      "COUNT",    "DISTINCT", "AS",
      "GROUP",    "BY",        "ORDER",    "ASC",        "DESC",      "LIMIT",    "SOURCES",  "OF",
      "CONFLICTS", "DESCRIBE", "ENTITIES", "LIKE",       "PREDICATES", "DOCUMENTS", "EXPLAIN", "AND",
      "OR",       "NOT"};
  return kKeywords;
}

}  // namespace kg
