#include "query/value.h"

#include "query/literal.h"

namespace kg {

std::string Value::ToString() const {
  std::string out;
  AppendText(&out);
  return out;
}

void Value::AppendText(std::string* out) const {
  switch (kind) {
    case Kind::kNull: return;
    case Kind::kTerm:
      // Term::ToString shows these as their value.
      if (term.kind == TermKind::kEntity || term.kind == TermKind::kPredicate || term.kind == TermKind::kTime) {
        *out += term.value;
      } else {
        *out += term.ToString();
      }
      return;
    case Kind::kNumber: *out += std::to_string(number); return;
    case Kind::kString: *out += text; return;
  }
}

namespace query {

namespace {

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

int CompareTerms(const Term& a, const Term& b) {
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.kind == TermKind::kQuantity) {
    if (int unit = Sign(a.unit.compare(b.unit)); unit != 0) return unit;
    return CompareDecimal(a.value, b.value);
  }
  if (int value = Sign(a.value.compare(b.value)); value != 0) return value;
  return Sign(a.lang.compare(b.lang));
}

}  // namespace

bool SameValue(const Value& a, const Value& b) { return CompareValues(a, b) == 0; }

int CompareValues(const Value& a, const Value& b) {
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  switch (a.kind) {
    case Value::Kind::kNull: return 0;
    case Value::Kind::kNumber: return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    case Value::Kind::kString: return Sign(a.text.compare(b.text));
    case Value::Kind::kTerm: return CompareTerms(a.term, b.term);
  }
  return 0;
}

std::string ValueKey(const Value& value) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(value.kind)));
  switch (value.kind) {
    case Value::Kind::kNull: break;
    case Value::Kind::kNumber: key += std::to_string(value.number); break;
    case Value::Kind::kString: key += value.text; break;
    case Value::Kind::kTerm:
      // Field separators that cannot occur in UTF-8 text.
      key += static_cast<char>('0' + static_cast<int>(value.term.kind));
      key += value.term.value + '\xff' + value.term.unit + '\xff' + value.term.lang;
      break;
  }
  return key;
}

}  // namespace query
}  // namespace kg
