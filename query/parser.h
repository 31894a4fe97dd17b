// Stage 1 of a query: text -> syntax tree. Syntax errors come back as
// InvalidArgument naming line and column with a caret under the place.
#ifndef KG_QUERY_PARSER_H_
#define KG_QUERY_PARSER_H_

#include <string>

#include "kg/status.h"
#include "query/ast.h"

namespace kg::query {

Result<Statement> Parse(const std::string& text);

}  // namespace kg::query

#endif  // KG_QUERY_PARSER_H_
