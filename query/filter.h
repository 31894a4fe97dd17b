// FILTER semantics. Quantities compare by amount when their units agree (a
// bare number compares with any unit), times chronologically (a bare year
// with a time), entities by id, strings by code point. A comparison with a
// null or an incomparable value is false, except != which is true.
#ifndef KG_QUERY_FILTER_H_
#define KG_QUERY_FILTER_H_

#include "query/binder.h"
#include "query/row.h"

namespace kg::query {

bool EvaluateFilter(const BoundFilter& filter, const Row& row);

}  // namespace kg::query

#endif  // KG_QUERY_FILTER_H_
