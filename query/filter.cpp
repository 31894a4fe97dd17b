#include "query/filter.h"

#include <optional>

#include "query/literal.h"
#include "query/value.h"
#include "storage/normalize.h"

namespace kg::query {

namespace {

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

const Value& ValueOf(const BoundOperand& operand, const Row& row) {
  return operand.slot >= 0 ? row.values[operand.slot] : operand.literal;
}

// A text form for comparing a string with a name: the raw literal, or the
// id of an entity value.
std::optional<std::string> TextOf(const Value& value, const BoundOperand& operand) {
  if (value.kind == Value::Kind::kString) return value.text;
  if (operand.slot < 0) return operand.raw;
  if (value.kind == Value::Kind::kTerm && value.term.kind == TermKind::kEntity) return value.term.value;
  return std::nullopt;
}

std::optional<int> CompareTermsForFilter(const Term& a, const Term& b) {
  if (a.kind == TermKind::kQuantity && b.kind == TermKind::kQuantity) {
    if (a.unit != b.unit && !a.unit.empty() && !b.unit.empty()) return std::nullopt;
    return CompareDecimal(a.value, b.value);
  }
  // A bare number against a time: a year ("2025" sorts before "2025-10").
  auto year_like = [](const Term& t) { return t.kind == TermKind::kQuantity && t.unit.empty(); };
  if ((a.kind == TermKind::kTime && (b.kind == TermKind::kTime || year_like(b))) ||
      (year_like(a) && b.kind == TermKind::kTime)) {
    return Sign(a.value.compare(b.value));
  }
  if (a.kind != b.kind) return std::nullopt;
  if (a.kind == TermKind::kEntity) {
    return a.value == b.value ? 0 : Sign(NormalizeName(a.value).compare(NormalizeName(b.value)));
  }
  return Sign(a.value.compare(b.value));
}

std::optional<int> Compare(const BoundOperand& left, const BoundOperand& right, const Row& row) {
  const Value& a = ValueOf(left, row);
  const Value& b = ValueOf(right, row);
  if (a.kind == Value::Kind::kNull || b.kind == Value::Kind::kNull) return std::nullopt;
  if (a.kind == Value::Kind::kTerm && b.kind == Value::Kind::kTerm) return CompareTermsForFilter(a.term, b.term);
  if (a.kind == Value::Kind::kNumber && b.kind == Value::Kind::kNumber) return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
  if (a.kind == Value::Kind::kString || b.kind == Value::Kind::kString) {
    auto x = TextOf(a, left);
    auto y = TextOf(b, right);
    if (!x || !y) return std::nullopt;
    if (NormalizeName(*x) == NormalizeName(*y)) return 0;
    return Sign(x->compare(*y));
  }
  return std::nullopt;
}

bool Holds(CompareOp op, std::optional<int> c) {
  if (!c) return op == CompareOp::kNe;
  switch (op) {
    case CompareOp::kEq: return *c == 0;
    case CompareOp::kNe: return *c != 0;
    case CompareOp::kLt: return *c < 0;
    case CompareOp::kLe: return *c <= 0;
    case CompareOp::kGt: return *c > 0;
    case CompareOp::kGe: return *c >= 0;
  }
  return false;
}

}  // namespace

bool EvaluateFilter(const BoundFilter& filter, const Row& row) {
  switch (filter.kind) {
    case FilterExpr::Kind::kAnd:
      return EvaluateFilter(filter.children[0], row) && EvaluateFilter(filter.children[1], row);
    case FilterExpr::Kind::kOr:
      return EvaluateFilter(filter.children[0], row) || EvaluateFilter(filter.children[1], row);
    case FilterExpr::Kind::kNot:
      return !EvaluateFilter(filter.children[0], row);
    case FilterExpr::Kind::kCompare:
      return Holds(filter.op, Compare(filter.left, filter.right, row));
  }
  return false;
}

}  // namespace kg::query
