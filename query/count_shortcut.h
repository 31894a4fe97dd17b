// COUNT(*) over one unfiltered pattern, answered from the store's kept
// per-predicate claim counts instead of a scan: `FIND COUNT(*) WHERE ?s ?p
// ?o` is the total, `FIND ?p COUNT(*) WHERE ?s ?p ?o` the count per
// predicate, `FIND COUNT(*) WHERE ?s capex ?o` one predicate's. The counts
// are exact: the store updates them in the same batch as the claims.
#ifndef KG_QUERY_COUNT_SHORTCUT_H_
#define KG_QUERY_COUNT_SHORTCUT_H_

#include <optional>
#include <set>
#include <string>

#include "kg/query.h"
#include "query/binder.h"
#include "query/catalog.h"

namespace kg::query {

// Sends the result to `visitor`; nullopt (and nothing sent) when the query
// is not of that shape.
std::optional<QueryInfo> CountFromStatistics(const BoundFind& find, Catalog& catalog,
                                             const std::set<std::string>& symmetric, const QueryOptions& options,
                                             RowVisitor& visitor);

}  // namespace kg::query

#endif  // KG_QUERY_COUNT_SHORTCUT_H_
