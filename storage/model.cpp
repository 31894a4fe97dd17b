#include "kg/model.h"

#include <utility>

namespace kg {

const char* BoundName(Bound bound) {
  switch (bound) {
    case Bound::kExact: return "exact";
    case Bound::kApprox: return "approx";
    case Bound::kAtLeast: return "at_least";
    case Bound::kAtMost: return "at_most";
  }
  return "exact";
}

bool ParseBound(const std::string& name, Bound* bound) {
  for (Bound b : {Bound::kExact, Bound::kApprox, Bound::kAtLeast, Bound::kAtMost}) {
    if (name == BoundName(b)) {
      *bound = b;
      return true;
    }
  }
  return false;
}

Term Term::Entity(std::string id) { Term t; t.kind = TermKind::kEntity; t.value = std::move(id); return t; }
Term Term::Predicate(std::string name) { Term t; t.kind = TermKind::kPredicate; t.value = std::move(name); return t; }
Term Term::Time(std::string iso) { Term t; t.kind = TermKind::kTime; t.value = std::move(iso); return t; }

Term Term::Quantity(std::string decimal, std::string unit, Bound bound) {
  Term t;
  t.kind = TermKind::kQuantity;
  t.value = std::move(decimal);
  t.unit = std::move(unit);
  t.bound = bound;
  return t;
}

Term Term::Text(std::string text, std::string lang) {
  Term t;
  t.kind = TermKind::kText;
  t.value = std::move(text);
  t.lang = std::move(lang);
  return t;
}

bool Term::SameAs(const Term& other) const {
  return kind == other.kind && value == other.value && unit == other.unit && lang == other.lang;
}

namespace {
// "160000000000" -> "160bn"; keeps the exact digits when no short form is exact.
std::string ShortDecimal(const std::string& decimal) {
  static const std::pair<int, const char*> kScales[] = {{12, "tn"}, {9, "bn"}, {6, "m"}};
  if (decimal.find('.') != std::string::npos || decimal.empty()) return decimal;
  bool negative = decimal[0] == '-';
  std::string digits = negative ? decimal.substr(1) : decimal;
  for (auto [zeros, suffix] : kScales) {
    if (digits.size() <= static_cast<size_t>(zeros)) continue;
    std::string head = digits.substr(0, digits.size() - zeros);
    std::string tail = digits.substr(digits.size() - zeros);
    while (!tail.empty() && tail.back() == '0') tail.pop_back();
    if (tail.size() > 2) continue;  // 1.234567bn is not short
    return (negative ? "-" : "") + head + (tail.empty() ? "" : "." + tail) + suffix;
  }
  return decimal;
}

const char* BoundPrefix(Bound bound) {
  switch (bound) {
    case Bound::kApprox: return "≈ ";
    case Bound::kAtLeast: return "≥ ";
    case Bound::kAtMost: return "≤ ";
    case Bound::kExact: break;
  }
  return "";
}

bool IsCurrencyCode(const std::string& unit) {
  return unit.size() == 3 && unit[0] >= 'A' && unit[0] <= 'Z' && unit[1] >= 'A' && unit[1] <= 'Z' &&
         unit[2] >= 'A' && unit[2] <= 'Z';
}
}  // namespace

std::string Term::ToString() const {
  switch (kind) {
    case TermKind::kQuantity:
      if (IsCurrencyCode(unit)) return BoundPrefix(bound) + unit + " " + ShortDecimal(value);
      return BoundPrefix(bound) + ShortDecimal(value) + " " + unit;
    case TermKind::kText:
      return "\"" + value + "\"" + (lang.empty() ? "" : "@" + lang);
    default:
      return value;
  }
}

}  // namespace kg
