// The ANTLR parse tree -> the syntax tree of query/ast.h (as kuzu's
// Transformer does). Literals are put in canonical form here; a malformed
// literal throws QueryError with its position.
#ifndef KG_QUERY_AST_BUILDER_H_
#define KG_QUERY_AST_BUILDER_H_

#include "KGQLParser.h"
#include "query/ast.h"

namespace kg::query {

Statement BuildStatement(kgql::KGQLParser::QueryContext* query);

}  // namespace kg::query

#endif  // KG_QUERY_AST_BUILDER_H_
