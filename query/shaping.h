// The last stage of FIND: solutions -> result rows. Projection, COUNT with
// GROUP BY, DISTINCT, ORDER BY, LIMIT and the row cap, in that order.
#ifndef KG_QUERY_SHAPING_H_
#define KG_QUERY_SHAPING_H_

#include <vector>

#include "kg/query.h"
#include "query/binder.h"
#include "query/row.h"

namespace kg::query {

// The output row of one solution (no counts): visible and hidden columns.
std::vector<Value> Project(const BoundFind& find, const Row& row);

// Shapes every solution into `result` (columns already set).
void Shape(const BoundFind& find, const std::vector<Row>& solutions, uint64_t max_rows, QueryResult* result);

// The column names of FIND's result.
std::vector<std::string> ColumnNames(const BoundFind& find);

}  // namespace kg::query

#endif  // KG_QUERY_SHAPING_H_
