// The syntax tree of a KGQL statement, as written: names are not resolved
// yet (that is the binder's job), literals are already in canonical form
// (quantities as plain decimals with a canonical unit, times as ISO strings).
#ifndef KG_QUERY_AST_H_
#define KG_QUERY_AST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kg::query {

// Where something starts in the query text: 1-based line, 1-based column
// counted in code points.
struct SourcePos {
  size_t line = 1;
  size_t column = 1;
};

// A term as written: a variable, a bare or quoted name, or a literal.
struct TermExpr {
  enum class Kind {
    kVariable,  // text = name without '?'
    kName,      // text = bare name (ByteDance, plans_capex, hi)
    kString,    // text = contents of a quoted string, escapes resolved
    kQuantity,  // decimal + unit (unit empty for a bare number)
    kTime,      // text = "2025-10" or "2025-10-14"
    kIri,       // text = the IRI without '<' '>': an entity or predicate named by it
  };
  Kind kind = Kind::kName;
  std::string text;
  std::string decimal;  // kQuantity: plain decimal ("160000000000")
  std::string unit;     // kQuantity: canonical unit (CNY, percent) or as written (H200)
  bool bare_integer = false;  // kQuantity written as digits only: may be a year
  SourcePos pos;

  bool IsVariable() const { return kind == Kind::kVariable; }
};

struct PatternExpr {
  TermExpr subject;
  TermExpr predicate;
  TermExpr object;
  std::optional<TermExpr> when;
};

// FROM x / LANG x: a variable binds, a constant restricts.
struct ProvenanceExpr {
  enum class Kind { kDocument, kLanguage };
  Kind kind = Kind::kDocument;
  TermExpr value;
};

enum class CompareOp { kEq, kNe, kLt, kLe, kGt, kGe };

struct FilterExpr {
  enum class Kind { kAnd, kOr, kNot, kCompare };
  Kind kind = Kind::kCompare;
  std::vector<FilterExpr> children;  // kAnd, kOr: two; kNot: one
  TermExpr left;                     // kCompare
  CompareOp op = CompareOp::kEq;
  TermExpr right;
};

struct FindItem {
  enum class Kind { kVariable, kCount };
  Kind kind = Kind::kVariable;
  std::string variable;  // kVariable, or what kCount counts ("" for *)
  bool distinct = false;  // COUNT(DISTINCT ...)
  std::string alias;      // AS name; "" when none
  SourcePos pos;
};

struct OrderKey {
  std::string name;  // a variable (without '?') or an alias
  bool descending = false;
  SourcePos pos;
};

struct FindQuery {
  bool distinct = false;
  bool star = false;  // FIND *
  std::vector<FindItem> items;
  std::vector<PatternExpr> patterns;
  std::vector<ProvenanceExpr> provenance;
  std::optional<FilterExpr> filter;
  std::vector<std::string> group_by;
  std::vector<OrderKey> order_by;
  std::optional<uint64_t> limit;
};

struct ExplainQuery {
  FindQuery find;
};

struct SourcesQuery {
  PatternExpr pattern;
  std::vector<ProvenanceExpr> provenance;
};

struct ConflictsQuery {
  std::optional<TermExpr> subject;
  std::optional<TermExpr> predicate;
};

struct DescribeQuery {
  TermExpr entity;
};

struct EntitiesQuery {
  std::optional<std::string> like;
};

struct PredicatesQuery {};
struct DocumentsQuery {};

using Statement = std::variant<FindQuery, ExplainQuery, SourcesQuery, ConflictsQuery, DescribeQuery,
                               EntitiesQuery, PredicatesQuery, DocumentsQuery>;

}  // namespace kg::query

#endif  // KG_QUERY_AST_H_
