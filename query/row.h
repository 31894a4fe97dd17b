// A solution in progress: the values of a query's variables.
#ifndef KG_QUERY_ROW_H_
#define KG_QUERY_ROW_H_

#include <vector>

#include "kg/query.h"

namespace kg::query {

// `bound` says which slots are set: a claim without a time binds its ?when
// to null, which is not the same as not bound yet.
struct Row {
  std::vector<Value> values;
  std::vector<bool> bound;

  explicit Row(size_t slots = 0) : values(slots), bound(slots, false) {}
  // Binds `slot` or, when it is bound already, checks that the values agree.
  bool Bind(int slot, const Value& value);
};

}  // namespace kg::query

#endif  // KG_QUERY_ROW_H_
