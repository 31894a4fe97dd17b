// Stage 2 of a query: the syntax tree -> a bound query. Names become
// canonical entity ids (through the store's alias table) and known
// predicates; variables become numbered slots; FIND's items, GROUP BY and
// ORDER BY are checked against each other. Problems throw QueryError with
// the position and, for unknown names, the closest known ones.
#ifndef KG_QUERY_BINDER_H_
#define KG_QUERY_BINDER_H_

#include <optional>
#include <string>
#include <vector>

#include "kg/query.h"
#include "query/ast.h"
#include "query/catalog.h"

namespace kg::query {

// A pattern position: a variable slot, or constants (an alias may name
// several entities; a bare 2026 may be a year or a number): any matches.
struct BoundTerm {
  int slot = -1;
  std::vector<Term> constants;
  bool IsVariable() const { return slot >= 0; }
};

struct BoundPattern {
  BoundTerm subject;
  BoundTerm predicate;  // constants are Term::Predicate
  BoundTerm object;
  std::optional<BoundTerm> when;  // constants are Term::Time
};

// FROM / LANG: binds slots or restricts to constants. When any is given,
// every pattern is matched mention by mention.
struct BoundProvenance {
  int doc_slot = -1;
  std::optional<std::string> doc;
  int lang_slot = -1;
  std::optional<std::string> lang;
  bool PerMention() const { return doc_slot >= 0 || doc || lang_slot >= 0 || lang; }
};

// One side of a comparison: a slot or a literal.
struct BoundOperand {
  int slot = -1;
  Value literal;         // kTerm for entities, quantities, times; kString otherwise
  std::string raw;       // the literal as written, for comparing with strings
  bool may_be_year = false;  // a bare four-digit integer
};

struct BoundFilter {
  FilterExpr::Kind kind = FilterExpr::Kind::kCompare;
  std::vector<BoundFilter> children;
  BoundOperand left;
  CompareOp op = CompareOp::kEq;
  BoundOperand right;
};

struct OutputColumn {
  std::string name;
  bool is_count = false;
  int slot = -1;          // the variable shown, or counted (-1: COUNT(*))
  bool distinct = false;  // COUNT(DISTINCT ...)
};

struct SortKey {
  size_t column = 0;  // in the output row, hidden columns included
  bool descending = false;
};

struct BoundFind {
  std::vector<std::string> slot_names;
  std::vector<BoundPattern> patterns;
  BoundProvenance provenance;
  std::optional<BoundFilter> filter;
  std::vector<OutputColumn> columns;  // visible first, then hidden sort columns
  size_t visible_columns = 0;
  bool aggregate = false;
  std::vector<int> group_slots;
  bool distinct = false;
  std::vector<SortKey> order;
  std::optional<uint64_t> limit;
};

class Binder {
 public:
  Binder(Catalog& catalog) : catalog_(catalog) {}

  BoundFind BindFind(const FindQuery& find);
  // SOURCES OF: the pattern and provenance, with its variables' slots.
  BoundFind BindSources(const SourcesQuery& sources);

  // Entity ids a name stands for; throws with suggestions when none.
  std::vector<std::string> ResolveEntity(const TermExpr& name);
  // The predicate's name as the store has it; throws with suggestions.
  std::string ResolvePredicate(const TermExpr& name);

 private:
  int Slot(const std::string& name);
  std::string EntitySuggestions(const std::string& wanted);
  BoundTerm BindTerm(const TermExpr& term);
  BoundTerm BindPredicate(const TermExpr& term);
  BoundTerm BindTime(const TermExpr& term);
  BoundPattern BindPattern(const PatternExpr& pattern);
  BoundProvenance BindProvenance(const std::vector<ProvenanceExpr>& clauses);
  BoundOperand BindOperand(const TermExpr& term);
  BoundFilter BindFilter(const FilterExpr& filter);
  Term BindQuantity(const TermExpr& term);
  void BindOutput(const FindQuery& find, BoundFind* bound);
  void BindOrder(const FindQuery& find, BoundFind* bound);

  Catalog& catalog_;
  std::vector<std::string> slot_names_;
};

}  // namespace kg::query

#endif  // KG_QUERY_BINDER_H_
