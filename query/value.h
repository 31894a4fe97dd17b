// Comparing result values: equality for joins and grouping, a total order
// for ORDER BY, and a key for hashing.
#ifndef KG_QUERY_VALUE_H_
#define KG_QUERY_VALUE_H_

#include <string>

#include "kg/query.h"

namespace kg::query {

// Same value: same kind and, for terms, Term::SameAs (the bound is ignored).
bool SameValue(const Value& a, const Value& b);

// A total order: null first, then numbers, strings, and terms by kind;
// quantities of one unit by amount, times chronologically.
int CompareValues(const Value& a, const Value& b);

// Equal exactly when SameValue: usable as a map key.
std::string ValueKey(const Value& value);

}  // namespace kg::query

#endif  // KG_QUERY_VALUE_H_
