#include "query/ast_builder.h"

#include <string>

#include "query/error.h"
#include "query/literal.h"

namespace kg::query {

namespace {

using P = kgql::KGQLParser;

SourcePos PosOf(const antlr4::Token* token) {
  return SourcePos{token->getLine(), token->getCharPositionInLine() + 1};
}
SourcePos PosOf(antlr4::tree::TerminalNode* node) { return PosOf(node->getSymbol()); }
SourcePos PosOf(antlr4::ParserRuleContext* ctx) { return PosOf(ctx->getStart()); }

// "?amt" -> "amt"
std::string VariableName(antlr4::tree::TerminalNode* var) { return var->getText().substr(1); }

std::string Unquote(const std::string& quoted) {
  std::string out;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    char c = quoted[i];
    if (c == '\\' && i + 2 < quoted.size()) {
      char next = quoted[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += c;
    }
  }
  return out;
}

bool IsDigits(const std::string& s, size_t from, size_t count) {
  if (from + count > s.size()) return false;
  for (size_t i = from; i < from + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// 2025-10 or 2025-10-14 with a real month and day.
TermExpr TimeLiteral(antlr4::tree::TerminalNode* date) {
  std::string text = date->getText();
  int month = std::stoi(text.substr(5, 2));
  int day = text.size() == 10 ? std::stoi(text.substr(8, 2)) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    throw QueryError(PosOf(date), "invalid date '" + text + "': write YYYY, YYYY-MM or YYYY-MM-DD");
  }
  TermExpr term;
  term.kind = TermExpr::Kind::kTime;
  term.text = text;
  term.pos = PosOf(date);
  return term;
}

TermExpr Variable(antlr4::tree::TerminalNode* var) {
  TermExpr term;
  term.kind = TermExpr::Kind::kVariable;
  term.text = VariableName(var);
  term.pos = PosOf(var);
  return term;
}

TermExpr Quantity(SourcePos pos, antlr4::tree::TerminalNode* number, P::ScaleWordContext* scale, std::string unit) {
  auto decimal = ScaledDecimal(number->getText(), scale ? scale->getText() : "");
  if (!decimal) {
    throw QueryError(PosOf(number), "invalid amount '" + number->getText() + (scale ? " " + scale->getText() : "") +
                                        "'; write e.g. 160bn, 1.6tn or 3 million");
  }
  TermExpr term;
  term.kind = TermExpr::Kind::kQuantity;
  term.text = number->getText();
  term.decimal = *decimal;
  term.unit = std::move(unit);
  term.pos = pos;
  return term;
}

TermExpr NameTerm(P::NameContext* name) {
  std::string text = name->getText();
  TermExpr term;
  term.pos = PosOf(name);
  if (auto glued = SplitGluedQuantity(text)) {  // RMB160bn
    term.kind = TermExpr::Kind::kQuantity;
    term.decimal = glued->decimal;
    term.unit = glued->unit;
  } else {
    term.kind = TermExpr::Kind::kName;
  }
  term.text = text;
  return term;
}

TermExpr QuantityOf(P::QuantityContext* ctx) {
  if (auto* symbol = dynamic_cast<P::SymbolQuantityContext*>(ctx)) {
    return Quantity(PosOf(ctx), symbol->NUMBER(), symbol->scaleWord(), *KnownUnit(symbol->CURRENCY_SYMBOL()->getText()));
  }
  if (auto* prefix = dynamic_cast<P::PrefixQuantityContext*>(ctx)) {
    std::string word = prefix->name()->getText();
    auto currency = CurrencyCode(word);
    if (!currency) {
      throw QueryError(PosOf(ctx), "'" + word + "' is not a currency; write other units after the amount (20000 H200)");
    }
    return Quantity(PosOf(ctx), prefix->NUMBER(), prefix->scaleWord(), *currency);
  }
  auto* suffix = dynamic_cast<P::SuffixQuantityContext*>(ctx);
  std::string unit;
  if (suffix->name()) {
    std::string word = suffix->name()->getText();
    unit = KnownUnit(word).value_or(word);  // H200 stays as written; the binder resolves it
  } else if (suffix->children.back()->getText() == "%") {
    unit = "percent";
  }
  TermExpr term = Quantity(PosOf(ctx), suffix->NUMBER(), suffix->scaleWord(), unit);
  term.bare_integer = unit.empty() && !suffix->scaleWord() && IsDigits(term.text, 0, term.text.size());
  return term;
}

// <http://…> -> http://…
TermExpr IriTerm(antlr4::tree::TerminalNode* iri) {
  TermExpr term;
  term.kind = TermExpr::Kind::kIri;
  std::string text = iri->getText();
  term.text = text.substr(1, text.size() - 2);
  term.pos = PosOf(iri);
  return term;
}

TermExpr TermOf(P::TermContext* ctx) {
  if (auto* iri = dynamic_cast<P::IriTermContext*>(ctx)) return IriTerm(iri->IRI());
  if (auto* var = dynamic_cast<P::VarTermContext*>(ctx)) return Variable(var->VAR());
  if (auto* quantity = dynamic_cast<P::QuantityTermContext*>(ctx)) return QuantityOf(quantity->quantity());
  if (auto* date = dynamic_cast<P::DateTermContext*>(ctx)) return TimeLiteral(date->DATE());
  if (auto* string = dynamic_cast<P::StringTermContext*>(ctx)) {
    TermExpr term;
    term.kind = TermExpr::Kind::kString;
    term.text = Unquote(string->STRING()->getText());
    term.pos = PosOf(ctx);
    return term;
  }
  return NameTerm(dynamic_cast<P::NameTermContext*>(ctx)->name());
}

TermExpr PredicateOf(P::PredicateTermContext* ctx) {
  if (ctx->VAR()) return Variable(ctx->VAR());
  if (ctx->IRI()) return IriTerm(ctx->IRI());
  TermExpr term;
  term.kind = TermExpr::Kind::kName;
  term.text = ctx->name()->getText();
  term.pos = PosOf(ctx);
  return term;
}

TermExpr TimeOf(P::TimeTermContext* ctx) {
  if (ctx->VAR()) return Variable(ctx->VAR());
  if (ctx->DATE()) return TimeLiteral(ctx->DATE());
  std::string year = ctx->NUMBER()->getText();
  if (year.size() != 4 || !IsDigits(year, 0, 4)) {
    throw QueryError(PosOf(ctx), "invalid time '" + year + "': write a year (2026), a month (2025-10) or a day");
  }
  TermExpr term;
  term.kind = TermExpr::Kind::kTime;
  term.text = year;
  term.pos = PosOf(ctx);
  return term;
}

PatternExpr PatternOf(P::PatternContext* ctx) {
  PatternExpr pattern;
  pattern.subject = TermOf(ctx->subject);
  pattern.predicate = PredicateOf(ctx->predicate);
  pattern.object = TermOf(ctx->object);
  if (ctx->when) pattern.when = TimeOf(ctx->when);
  return pattern;
}

// The operand of FROM / LANG: a variable, a quoted or a bare name (FROM
// also an IRI: the document of a named graph).
TermExpr ProvenanceValue(antlr4::tree::TerminalNode* var, antlr4::tree::TerminalNode* string, P::NameContext* name,
                         antlr4::tree::TerminalNode* iri = nullptr) {
  if (var) return Variable(var);
  if (iri) {
    TermExpr term = IriTerm(iri);
    term.kind = TermExpr::Kind::kString;
    return term;
  }
  TermExpr term;
  term.kind = TermExpr::Kind::kString;
  term.text = string ? Unquote(string->getText()) : name->getText();
  term.pos = string ? PosOf(string) : PosOf(name);
  return term;
}

std::vector<ProvenanceExpr> ProvenanceOf(const std::vector<P::ProvenanceContext*>& clauses) {
  std::vector<ProvenanceExpr> out;
  for (auto* clause : clauses) {
    ProvenanceExpr provenance;
    if (auto* from = dynamic_cast<P::FromClauseContext*>(clause)) {
      provenance.kind = ProvenanceExpr::Kind::kDocument;
      provenance.value = ProvenanceValue(from->VAR(), from->STRING(), from->name(), from->IRI());
    } else {
      auto* lang = dynamic_cast<P::LangClauseContext*>(clause);
      provenance.kind = ProvenanceExpr::Kind::kLanguage;
      provenance.value = ProvenanceValue(lang->VAR(), lang->STRING(), lang->name());
    }
    out.push_back(std::move(provenance));
  }
  return out;
}

CompareOp OpOf(const std::string& text) {
  if (text == "=") return CompareOp::kEq;
  if (text == "!=" || text == "<>") return CompareOp::kNe;
  if (text == "<") return CompareOp::kLt;
  if (text == "<=") return CompareOp::kLe;
  if (text == ">") return CompareOp::kGt;
  return CompareOp::kGe;
}

FilterExpr Combine(FilterExpr::Kind kind, FilterExpr left, FilterExpr right) {
  FilterExpr expr;
  expr.kind = kind;
  expr.children.push_back(std::move(left));
  expr.children.push_back(std::move(right));
  return expr;
}

FilterExpr ExpressionOf(P::ExpressionContext* ctx);

FilterExpr PrimaryOf(P::PrimaryExpressionContext* ctx) {
  if (auto* paren = dynamic_cast<P::ParenExpressionContext*>(ctx)) return ExpressionOf(paren->expression());
  auto* comparison = dynamic_cast<P::ComparisonContext*>(ctx);
  FilterExpr expr;
  expr.kind = FilterExpr::Kind::kCompare;
  expr.left = TermOf(comparison->left);
  expr.op = OpOf(comparison->comparator()->getText());
  expr.right = TermOf(comparison->right);
  return expr;
}

FilterExpr NotOf(P::NotExpressionContext* ctx) {
  if (!ctx->NOT()) return PrimaryOf(ctx->primaryExpression());
  FilterExpr expr;
  expr.kind = FilterExpr::Kind::kNot;
  expr.children.push_back(NotOf(ctx->notExpression()));
  return expr;
}

FilterExpr AndOf(P::AndExpressionContext* ctx) {
  if (!ctx->andExpression()) return NotOf(ctx->notExpression());
  return Combine(FilterExpr::Kind::kAnd, AndOf(ctx->andExpression()), NotOf(ctx->notExpression()));
}

FilterExpr ExpressionOf(P::ExpressionContext* ctx) {
  if (!ctx->expression()) return AndOf(ctx->andExpression());
  return Combine(FilterExpr::Kind::kOr, ExpressionOf(ctx->expression()), AndOf(ctx->andExpression()));
}

FindItem FindItemOf(P::FindItemContext* ctx) {
  FindItem item;
  item.pos = PosOf(ctx);
  if (auto* var = dynamic_cast<P::VarItemContext*>(ctx)) {
    item.variable = VariableName(var->VAR());
    return item;
  }
  auto* count = dynamic_cast<P::CountItemContext*>(ctx);
  item.kind = FindItem::Kind::kCount;
  item.distinct = count->DISTINCT() != nullptr;
  if (count->VAR()) item.variable = VariableName(count->VAR());
  if (count->name()) item.alias = count->name()->getText();
  return item;
}

uint64_t LimitOf(P::LimitClauseContext* ctx) {
  std::string text = ctx->NUMBER()->getText();
  if (!IsDigits(text, 0, text.size()) || text.size() > 18) {
    throw QueryError(PosOf(ctx->NUMBER()), "LIMIT needs a whole number of rows, not '" + text + "'");
  }
  return std::stoull(text);
}

FindQuery FindOf(P::FindStatementContext* ctx) {
  FindQuery find;
  find.distinct = ctx->DISTINCT() != nullptr;
  find.star = ctx->findItems()->findItem().empty();
  for (auto* item : ctx->findItems()->findItem()) find.items.push_back(FindItemOf(item));
  for (auto* pattern : ctx->patternList()->pattern()) find.patterns.push_back(PatternOf(pattern));
  find.provenance = ProvenanceOf(ctx->provenance());
  if (ctx->filterClause()) find.filter = ExpressionOf(ctx->filterClause()->expression());
  if (ctx->groupClause()) {
    for (auto* var : ctx->groupClause()->VAR()) find.group_by.push_back(VariableName(var));
  }
  if (ctx->orderClause()) {
    for (auto* key : ctx->orderClause()->orderKey()) {
      OrderKey order;
      order.name = key->VAR() ? VariableName(key->VAR()) : key->name()->getText();
      order.descending = key->DESC() != nullptr;
      order.pos = PosOf(key);
      find.order_by.push_back(std::move(order));
    }
  }
  if (ctx->limitClause()) find.limit = LimitOf(ctx->limitClause());
  return find;
}

ConflictsQuery ConflictsOf(P::ConflictsStatementContext* ctx) {
  ConflictsQuery conflicts;
  if (ctx->subject) conflicts.subject = TermOf(ctx->subject);
  if (ctx->predicate) conflicts.predicate = PredicateOf(ctx->predicate);
  return conflicts;
}

EntitiesQuery EntitiesOf(P::EntitiesStatementContext* ctx) {
  EntitiesQuery entities;
  if (ctx->STRING()) entities.like = Unquote(ctx->STRING()->getText());
  if (ctx->name()) entities.like = ctx->name()->getText();
  return entities;
}

}  // namespace

Statement BuildStatement(P::QueryContext* query) {
  auto* s = query->statement();
  if (s->findStatement()) return FindOf(s->findStatement());
  if (s->explainStatement()) return ExplainQuery{FindOf(s->explainStatement()->findStatement())};
  if (auto* sources = s->sourcesStatement()) {
    return SourcesQuery{PatternOf(sources->pattern()), ProvenanceOf(sources->provenance())};
  }
  if (s->conflictsStatement()) return ConflictsOf(s->conflictsStatement());
  if (s->describeStatement()) return DescribeQuery{TermOf(s->describeStatement()->term())};
  if (s->entitiesStatement()) return EntitiesOf(s->entitiesStatement());
  if (s->predicatesStatement()) return PredicatesQuery{};
  return DocumentsQuery{};
}

}  // namespace kg::query
