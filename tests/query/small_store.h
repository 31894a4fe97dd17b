// A small store of invented claims (nothing from the corpus) that the
// query tests run against: three documents in three languages, a conflict,
// aliases in two scripts, quantities of several units, times of every
// precision.
#ifndef KG_TESTS_QUERY_SMALL_STORE_H_
#define KG_TESTS_QUERY_SMALL_STORE_H_

#include "kg/store.h"

namespace kg::testing {

// Writes the small store's documents, aliases and predicate declarations.
void FillSmallStore(Store& store);

}  // namespace kg::testing

#endif  // KG_TESTS_QUERY_SMALL_STORE_H_
