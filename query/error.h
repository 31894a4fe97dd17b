// Errors that point into the query text: the message, then the offending
// line with a caret under the place, aligned by display width.
//
//   unknown predicate 'plan_capex' (line 1, column 25); did you mean plans_capex?
//     FIND ?a WHERE ByteDance plan_capex ?a
//                             ^
#ifndef KG_QUERY_ERROR_H_
#define KG_QUERY_ERROR_H_

#include <stdexcept>
#include <string>
#include <utility>

#include "kg/status.h"
#include "query/ast.h"

namespace kg::query {

// InvalidArgument: "<message> (line L, column C)<suffix>" plus the caret
// drawing. `suffix` follows the position (a "; did you mean" hint).
Status ErrorAt(const std::string& text, SourcePos pos, const std::string& message,
               const std::string& suffix = "");

// Thrown inside the parser front end and binder, never outside query/:
// RunQuery turns it into ErrorAt.
struct QueryError : std::runtime_error {
  QueryError(SourcePos where, std::string message, std::string hint = "")
      : std::runtime_error(message), pos(where), suffix(std::move(hint)) {}
  SourcePos pos;
  std::string suffix;
};

// Thrown when the store fails underneath a query (I/O, corruption):
// RunQuery returns its status as is.
struct StoreFailure : std::runtime_error {
  explicit StoreFailure(Status failed) : std::runtime_error(failed.ToString()), status(std::move(failed)) {}
  Status status;
};

// Throws StoreFailure unless `status` is OK.
inline void ThrowIfFailed(Status status) {
  if (!status.ok()) throw StoreFailure(std::move(status));
}

// The value of `result`, or a thrown StoreFailure.
template <typename T>
T ValueOrThrow(Result<T> result) {
  if (!result.ok()) throw StoreFailure(result.status());
  return std::move(result).value();
}

}  // namespace kg::query

#endif  // KG_QUERY_ERROR_H_
