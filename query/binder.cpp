#include "query/binder.h"

#include <algorithm>

#include "query/error.h"
#include "query/suggest.h"
#include "storage/normalize.h"

namespace kg::query {

namespace {

bool IsYear(const TermExpr& term) { return term.bare_integer && term.text.size() == 4; }

// Units the claim model spells itself: currency codes, tokens, percent.
bool IsModelUnit(const std::string& unit) {
  if (unit == "tokens" || unit == "percent") return true;
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

int Binder::Slot(const std::string& name) {
  auto found = std::find(slot_names_.begin(), slot_names_.end(), name);
  if (found != slot_names_.end()) return static_cast<int>(found - slot_names_.begin());
  slot_names_.push_back(name);
  return static_cast<int>(slot_names_.size() - 1);
}

std::vector<std::string> Binder::ResolveEntity(const TermExpr& name) {
  auto ids = ValueOrThrow(catalog_.store().ResolveEntity(name.text));
  if (name.kind == TermExpr::Kind::kIri) {
    // An IRI is the entity's id itself, not an alias: only an exact match.
    if (std::find(ids.begin(), ids.end(), name.text) != ids.end()) return {name.text};
    throw QueryError(name.pos, "unknown entity <" + name.text + ">", EntitySuggestions(name.text));
  }
  if (!ids.empty()) return ids;
  throw QueryError(name.pos, "unknown entity '" + name.text + "'", EntitySuggestions(name.text));
}

// The closest entities, each once: "Globex", or an alias with its entity,
// "एक्मे (Acme)".
std::string Binder::EntitySuggestions(const std::string& wanted) {
  auto names = ValueOrThrow(catalog_.EntityNames());
  std::vector<std::string> texts;
  for (const auto& [text, id] : names) texts.push_back(text);
  std::vector<std::string> shown;
  std::vector<std::string> entities;
  for (const auto& close : ClosestNames(wanted, texts, names.size())) {
    auto named = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == close; });
    if (std::find(entities.begin(), entities.end(), named->second) != entities.end()) continue;
    entities.push_back(named->second);
    shown.push_back(close == named->second ? close : close + " (" + named->second + ")");
    if (shown.size() == 3) break;
  }
  return FormatSuggestions(shown);
}

std::string Binder::ResolvePredicate(const TermExpr& name) {
  auto counts = ValueOrThrow(catalog_.PredicateCounts());
  if (counts.count(name.text)) return name.text;
  const bool iri = name.kind == TermExpr::Kind::kIri;
  std::string wanted = NormalizeName(name.text);
  std::vector<std::string> known;
  for (const auto& [predicate, count] : counts) {
    if (!iri && NormalizeName(predicate) == wanted) return predicate;
    known.push_back(predicate);
  }
  std::string written = iri ? "<" + name.text + ">" : "'" + name.text + "'";
  throw QueryError(name.pos, "unknown predicate " + written, DidYouMean(name.text, known));
}

Term Binder::BindQuantity(const TermExpr& term) {
  std::string unit = term.unit;
  if (!unit.empty() && !IsModelUnit(unit)) {
    // A unit that counts things of a kind is that entity's id: 20000 h200.
    auto ids = ValueOrThrow(catalog_.store().ResolveEntity(unit));
    if (ids.size() == 1) unit = ids.front();
  }
  return Term::Quantity(term.decimal, unit);
}

BoundTerm Binder::BindTerm(const TermExpr& term) {
  BoundTerm bound;
  switch (term.kind) {
    case TermExpr::Kind::kVariable:
      bound.slot = Slot(term.text);
      break;
    case TermExpr::Kind::kName:
    case TermExpr::Kind::kString:
    case TermExpr::Kind::kIri:
      for (auto& id : ResolveEntity(term)) bound.constants.push_back(Term::Entity(std::move(id)));
      break;
    case TermExpr::Kind::kQuantity:
      if (IsYear(term)) bound.constants.push_back(Term::Time(term.text));
      bound.constants.push_back(BindQuantity(term));
      break;
    case TermExpr::Kind::kTime:
      bound.constants.push_back(Term::Time(term.text));
      break;
  }
  return bound;
}

BoundTerm Binder::BindPredicate(const TermExpr& term) {
  BoundTerm bound;
  if (term.IsVariable()) {
    bound.slot = Slot(term.text);
  } else {
    bound.constants.push_back(Term::Predicate(ResolvePredicate(term)));
  }
  return bound;
}

BoundTerm Binder::BindTime(const TermExpr& term) {
  BoundTerm bound;
  if (term.IsVariable()) {
    bound.slot = Slot(term.text);
  } else {
    bound.constants.push_back(Term::Time(term.text));
  }
  return bound;
}

BoundPattern Binder::BindPattern(const PatternExpr& pattern) {
  BoundPattern bound;
  bound.subject = BindTerm(pattern.subject);
  bound.predicate = BindPredicate(pattern.predicate);
  bound.object = BindTerm(pattern.object);
  if (pattern.when) bound.when = BindTime(*pattern.when);
  return bound;
}

BoundProvenance Binder::BindProvenance(const std::vector<ProvenanceExpr>& clauses) {
  BoundProvenance bound;
  for (const auto& clause : clauses) {
    bool document = clause.kind == ProvenanceExpr::Kind::kDocument;
    if (clause.value.IsVariable()) {
      (document ? bound.doc_slot : bound.lang_slot) = Slot(clause.value.text);
      continue;
    }
    if (!document) {
      bound.lang = NormalizeName(clause.value.text);
      continue;
    }
    auto documents = ValueOrThrow(catalog_.store().Documents());
    std::vector<std::string> ids;
    for (const auto& doc : documents) ids.push_back(doc.id);
    if (std::find(ids.begin(), ids.end(), clause.value.text) == ids.end()) {
      throw QueryError(clause.value.pos, "unknown document '" + clause.value.text + "'",
                       DidYouMean(clause.value.text, ids));
    }
    bound.doc = clause.value.text;
  }
  return bound;
}

BoundOperand Binder::BindOperand(const TermExpr& term) {
  BoundOperand operand;
  operand.raw = term.text;
  switch (term.kind) {
    case TermExpr::Kind::kVariable: {
      auto found = std::find(slot_names_.begin(), slot_names_.end(), term.text);
      if (found == slot_names_.end()) {
        throw QueryError(term.pos, "?" + term.text + " is not bound by any pattern", DidYouMean(term.text, slot_names_));
      }
      operand.slot = static_cast<int>(found - slot_names_.begin());
      break;
    }
    case TermExpr::Kind::kName:
    case TermExpr::Kind::kString: {
      // A name may be an entity or a plain string (a language, a document).
      auto ids = ValueOrThrow(catalog_.store().ResolveEntity(term.text));
      operand.literal = ids.empty() ? Value::OfString(term.text) : Value::OfTerm(Term::Entity(ids.front()));
      break;
    }
    case TermExpr::Kind::kIri:
      operand.literal = Value::OfTerm(Term::Entity(term.text));
      break;
    case TermExpr::Kind::kQuantity:
      operand.literal = Value::OfTerm(BindQuantity(term));
      operand.may_be_year = IsYear(term);
      break;
    case TermExpr::Kind::kTime:
      operand.literal = Value::OfTerm(Term::Time(term.text));
      break;
  }
  return operand;
}

BoundFilter Binder::BindFilter(const FilterExpr& filter) {
  BoundFilter bound;
  bound.kind = filter.kind;
  for (const auto& child : filter.children) bound.children.push_back(BindFilter(child));
  if (filter.kind == FilterExpr::Kind::kCompare) {
    bound.left = BindOperand(filter.left);
    bound.op = filter.op;
    bound.right = BindOperand(filter.right);
  }
  return bound;
}

BoundFind Binder::BindFind(const FindQuery& find) {
  // Each pattern is one level of the executor's nested lookups.
  constexpr size_t kMaxPatterns = 32;
  if (find.patterns.size() > kMaxPatterns) {
    throw QueryError(find.patterns[kMaxPatterns].subject.pos,
                     "too many patterns (at most " + std::to_string(kMaxPatterns) + ")");
  }
  BoundFind bound;
  for (const auto& pattern : find.patterns) bound.patterns.push_back(BindPattern(pattern));
  bound.provenance = BindProvenance(find.provenance);
  if (find.filter) bound.filter = BindFilter(*find.filter);
  BindOutput(find, &bound);
  BindOrder(find, &bound);
  bound.distinct = find.distinct;
  bound.limit = find.limit;
  bound.slot_names = slot_names_;
  return bound;
}

BoundFind Binder::BindSources(const SourcesQuery& sources) {
  BoundFind bound;
  bound.patterns.push_back(BindPattern(sources.pattern));
  bound.provenance = BindProvenance(sources.provenance);
  bound.slot_names = slot_names_;
  for (size_t slot = 0; slot < slot_names_.size(); ++slot) {
    bound.columns.push_back(OutputColumn{slot_names_[slot], false, static_cast<int>(slot), false});
  }
  bound.visible_columns = bound.columns.size();
  return bound;
}

void Binder::BindOutput(const FindQuery& find, BoundFind* bound) {
  auto existing = [&](const std::string& name, SourcePos pos) {
    auto found = std::find(slot_names_.begin(), slot_names_.end(), name);
    if (found == slot_names_.end()) {
      throw QueryError(pos, "?" + name + " is not bound by any pattern", DidYouMean(name, slot_names_));
    }
    return static_cast<int>(found - slot_names_.begin());
  };
  if (find.star) {
    for (size_t slot = 0; slot < slot_names_.size(); ++slot) {
      bound->columns.push_back(OutputColumn{slot_names_[slot], false, static_cast<int>(slot), false});
    }
  }
  for (const auto& item : find.items) {
    OutputColumn column;
    column.is_count = item.kind == FindItem::Kind::kCount;
    column.distinct = item.distinct;
    column.slot = item.variable.empty() ? -1 : existing(item.variable, item.pos);
    column.name = !item.alias.empty() ? item.alias
                  : !column.is_count  ? item.variable
                  : item.variable.empty() ? "count"
                                          : "count_" + item.variable;
    bound->aggregate = bound->aggregate || column.is_count;
    bound->columns.push_back(std::move(column));
  }
  bound->aggregate = bound->aggregate || !find.group_by.empty();
  if (!bound->aggregate) {
    bound->visible_columns = bound->columns.size();
    return;
  }
  SourcePos where = find.items.empty() ? SourcePos{} : find.items.front().pos;
  if (find.group_by.empty()) {
    for (const auto& column : bound->columns) {
      if (!column.is_count) bound->group_slots.push_back(column.slot);  // FIND ?a COUNT(?b): by ?a
    }
  }
  for (const auto& name : find.group_by) bound->group_slots.push_back(existing(name, where));
  for (const auto& column : bound->columns) {
    if (!column.is_count && std::find(bound->group_slots.begin(), bound->group_slots.end(), column.slot) ==
                                bound->group_slots.end()) {
      throw QueryError(where, "?" + column.name + " is neither counted nor in GROUP BY");
    }
  }
  bound->visible_columns = bound->columns.size();
}

void Binder::BindOrder(const FindQuery& find, BoundFind* bound) {
  for (const auto& key : find.order_by) {
    auto column = std::find_if(bound->columns.begin(), bound->columns.end(),
                               [&](const OutputColumn& c) { return c.name == key.name; });
    if (column == bound->columns.end()) {
      auto slot = std::find(slot_names_.begin(), slot_names_.end(), key.name);
      bool groupable = slot != slot_names_.end() &&
                       (!bound->aggregate || std::find(bound->group_slots.begin(), bound->group_slots.end(),
                                                       slot - slot_names_.begin()) != bound->group_slots.end());
      if (!groupable) {
        std::vector<std::string> names;
        for (const auto& c : bound->columns) names.push_back(c.name);
        throw QueryError(key.pos, "cannot order by '" + key.name + "': not a column of the result",
                         DidYouMean(key.name, names));
      }
      bound->columns.push_back(OutputColumn{key.name, false, static_cast<int>(slot - slot_names_.begin()), false});
      column = bound->columns.end() - 1;
    }
    bound->order.push_back(SortKey{static_cast<size_t>(column - bound->columns.begin()), key.descending});
  }
}

}  // namespace kg::query
