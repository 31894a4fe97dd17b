// RunQuery: parse -> bind -> plan -> execute, with every failure turned into
// a Status (nothing thrown crosses the public API).
#include "kg/query.h"

#include <cmath>
#include <memory>
#include <new>
#include <set>

#include "query/binder.h"
#include "query/catalog.h"
#include "query/error.h"
#include "query/count_shortcut.h"
#include "query/executor.h"
#include "query/id_executor.h"
#include "query/listings.h"
#include "query/parser.h"
#include "query/planner.h"
#include "query/shaping.h"
#include "storage/rocks_store.h"

namespace kg {

namespace {

using namespace kg::query;

// Patterns with a constant besides the predicate are counted up to this
// many matches for the planner: exact for small answers; bigger ones are
// estimated from the index's approximate sizes (IdExecutor::ConstantMatches).
constexpr uint64_t kCountCap = 100;

Statistics GatherStatistics(Catalog& catalog, IdExecutor* executor, const std::set<std::string>& symmetric) {
  Statistics statistics;
  statistics.symmetric = symmetric;
  statistics.predicate_claims = ValueOrThrow(catalog.PredicateCounts());
  statistics.total_claims = ValueOrThrow(catalog.TotalClaims());
  if (executor != nullptr && executor->patterns() > 1) {  // one pattern needs no order
    statistics.constant_matches = executor->ConstantMatches(kCountCap);
    statistics.count_cap = static_cast<double>(kCountCap);
  }
  return statistics;
}

const char* JoinMethod(size_t index, const PlanStep& step) {
  if (index == 0) return "scan";
  if (step.hash_join) return "hash";
  return step.searches_list ? "list" : "lookup";
}

QueryResult Explain(const BoundFind& find, const Plan& plan) {
  QueryResult result;
  result.columns = {"step", "pattern", "estimate", "filters", "join"};
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    result.rows.push_back({Value::OfNumber(static_cast<int64_t>(i + 1)),
                           Value::OfString(PatternText(find.patterns[step.pattern], find.slot_names)),
                           Value::OfNumber(static_cast<int64_t>(std::llround(step.estimate))),
                           Value::OfNumber(static_cast<int64_t>(step.filters.size())),
                           Value::OfString(JoinMethod(i, step))});
  }
  return result;
}

// FIND without FROM / LANG runs on ids when the store is kgstore's own.
std::unique_ptr<IdExecutor> IdExecutorFor(const Store& store, const BoundFind& find, const QueryOptions& options,
                                          const std::set<std::string>& symmetric) {
  const auto* rocks = dynamic_cast<const storage::RocksStore*>(&store);
  if (rocks == nullptr || find.provenance.PerMention()) return nullptr;
  return std::make_unique<IdExecutor>(*rocks, find, options, symmetric);
}

Result<QueryInfo> RunFind(const Store& store, const FindQuery& find, Binder& binder, Catalog& catalog,
                          const std::set<std::string>& symmetric, const QueryOptions& options, RowVisitor& visitor) {
  BoundFind bound = binder.BindFind(find);
  if (auto counted = CountFromStatistics(bound, catalog, symmetric, options, visitor)) return std::move(*counted);
  auto by_id = IdExecutorFor(store, bound, options, symmetric);
  Plan plan = MakePlan(bound, GatherStatistics(catalog, by_id.get(), symmetric));
  if (by_id) return by_id->Run(plan, visitor);
  return Executor(store, options, symmetric).RunFind(bound, plan, visitor);
}

// The statements other than FIND, answered whole.
Result<QueryResult> ExecuteWhole(const Store& store, const Statement& statement, const QueryOptions& options,
                                 Binder& binder, Catalog& catalog, const std::set<std::string>& symmetric) {
  if (const auto* explain = std::get_if<ExplainQuery>(&statement)) {
    BoundFind bound = binder.BindFind(explain->find);
    auto by_id = IdExecutorFor(store, bound, options, symmetric);
    return Explain(bound, MakePlan(bound, GatherStatistics(catalog, by_id.get(), symmetric)));
  }
  if (const auto* sources = std::get_if<SourcesQuery>(&statement)) {
    return Executor(store, options, symmetric).RunSources(binder.BindSources(*sources));
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

// Dispatches one parsed statement; throws QueryError or StoreFailure.
Result<QueryInfo> Execute(const Store& store, const Statement& statement, const QueryOptions& options,
                          RowVisitor& visitor) {
  Catalog catalog(store);
  Binder binder(catalog);
  std::set<std::string> symmetric;
  for (const auto& info : ValueOrThrow(catalog.Declared())) {
    if (info.symmetric) symmetric.insert(info.name);
  }
  if (const auto* find = std::get_if<FindQuery>(&statement)) {
    return RunFind(store, *find, binder, catalog, symmetric, options, visitor);
  }
  auto whole = ExecuteWhole(store, statement, options, binder, catalog, symmetric);
  if (!whole.ok()) return whole.status();
  return Replay(*whole, visitor);
}

// The visitor of the collecting RunQuery: copies every row.
class Collector final : public RowVisitor {
 public:
  void Columns(const std::vector<std::string>& names) override { result.columns = names; }
  bool Row(const RowView& row) override {
    std::vector<Value>& copy = result.rows.emplace_back();
    copy.reserve(row.size());
    for (size_t i = 0; i < row.size(); ++i) copy.push_back(row[i]);
    return true;
  }
  QueryResult result;
};

}  // namespace

Result<QueryInfo> RunQuery(const Store& store, const std::string& text, const QueryOptions& options,
                           RowVisitor& visitor) {
  auto statement = Parse(text);
  if (!statement.ok()) return statement.status();
  try {
    return Execute(store, *statement, options, visitor);
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

Result<QueryResult> RunQuery(const Store& store, const std::string& text, const QueryOptions& options) {
  Collector collector;
  auto info = RunQuery(store, text, options, collector);
  if (!info.ok()) return info.status();
  collector.result.stopped_by = info->stopped_by;
  return std::move(collector.result);
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
