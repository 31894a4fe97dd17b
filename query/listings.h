// The statements that list what the store knows rather than match
// patterns: CONFLICTS, DESCRIBE, ENTITIES, PREDICATES, DOCUMENTS.
#ifndef KG_QUERY_LISTINGS_H_
#define KG_QUERY_LISTINGS_H_

#include "kg/query.h"
#include "query/ast.h"
#include "query/binder.h"
#include "query/catalog.h"

namespace kg::query {

// Each throws QueryError (unknown names) or StoreFailure.
QueryResult ListConflicts(const ConflictsQuery& query, Binder& binder, Catalog& catalog);
QueryResult ListDescription(const DescribeQuery& query, Binder& binder, Catalog& catalog);
QueryResult ListEntities(const EntitiesQuery& query, Catalog& catalog);
QueryResult ListPredicates(Catalog& catalog);
QueryResult ListDocuments(Catalog& catalog);

// Number of distinct documents among a claim's mentions.
int64_t SourceCount(const ClaimRecord& record);

}  // namespace kg::query

#endif  // KG_QUERY_LISTINGS_H_
