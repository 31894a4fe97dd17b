#include "export/term_json.h"

namespace kg {

nlohmann::json TermToJson(const Term& term) {
  switch (term.kind) {
    case TermKind::kEntity: return {{"type", "entity"}, {"id", term.value}};
    case TermKind::kPredicate: return {{"type", "predicate"}, {"id", term.value}};
    case TermKind::kQuantity:
      return {{"type", "quantity"}, {"value", term.value}, {"unit", term.unit}, {"bound", BoundName(term.bound)}};
    case TermKind::kTime: return {{"type", "time"}, {"value", term.value}};
    case TermKind::kText: return {{"type", "text"}, {"value", term.value}, {"lang", term.lang}};
  }
  return {{"type", "entity"}, {"id", term.value}};
}

}  // namespace kg
