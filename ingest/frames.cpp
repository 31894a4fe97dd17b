#include "ingest/frames.h"

#include "ingest/clauses.h"

#include <algorithm>
#include <set>

namespace kg::ingest {

namespace {

// How many sentences after an order "each one costs ..." still prices its product: the next
// one, as the tagger's count nouns ("Each chip cost ..." after "ordered 2,000 H100 chips").
constexpr size_t kOrderReach = 1;

// How far before a time (in bytes) a comparison word makes it the compared one, further than
// before a figure (kComparedReach: "well above the 28 billion yuan"): "rispetto a quanto speso nel 2026".
constexpr size_t kComparedTimeReach = 40;

bool IsCompany(const Tag& tag) { return tag.type == "ORG" || tag.type == "UNK"; }
bool IsAnaphor(const Tag& tag) { return tag.type == "REF" || tag.type == "POSS"; }
bool IsFigure(const Tag& tag) {
  return tag.type == "MONEY" || tag.type == "PERCENT" || tag.type == "TOKENS" || tag.type == "COUNT";
}

std::string FigureKey(const Term& term) { return term.value + "\x1f" + term.unit; }

Term TermOf(const Tag& tag) { return Term::Quantity(tag.quantity.value, tag.quantity.unit, tag.quantity.bound); }

int YearOf(const std::string& iso) { return iso.size() >= 4 ? std::stoi(iso.substr(0, 4)) : 0; }

}  // namespace

struct FrameReader::Clause {
  size_t from = 0, to = 0;  // view positions
  std::string text;         // view text of [from, to), tags and asides blanked
  std::vector<std::pair<size_t, size_t>> asides;  // view positions
  bool InAside(size_t pos) const {
    return std::any_of(asides.begin(), asides.end(), [pos](const auto& a) { return pos >= a.first && pos < a.second; });
  }
  bool Holds(const Tag& tag) const { return tag.start >= from && tag.end <= to && !InAside(tag.start); }
  // Blanks the view positions [start, end) in `text`, clipped to the clause.
  void Blank(size_t start, size_t end) {
    start = std::max(start, from);
    end = std::min(end, to);
    if (start < end) std::fill(text.begin() + static_cast<long>(start - from), text.begin() + static_cast<long>(end - from), ' ');
  }
  void BlankTags(const TaggedSentence& s) {
    for (const auto& tag : s.tags) Blank(tag.start, tag.end);
  }
};

struct FrameReader::Figure {
  Tag tag;
  size_t at = 0;          // view position the figure stands at in the sentence read
  int index = -1;         // its tag index in that sentence (-1: the previous sentence's lone figure)
  int equivalent = -1;    // the tag restating it in another currency ("A$90,000 (around US$59,000)")
};

FrameReader::Clause FrameReader::ClauseAround(const TaggedSentence& s, const ClauseCuts& cuts, size_t from, size_t to) const {
  Clause clause;
  clause.to = s.view.text.size();
  for (const auto& [start, end] : cuts.boundaries) {
    if (end <= from) clause.from = std::max(clause.from, end);
    if (start >= to) clause.to = std::min(clause.to, start);
  }
  clause.text = s.view.text.substr(clause.from, clause.to - clause.from);
  for (const auto& [start, end] : cuts.asides) {
    if (start < clause.from || start >= clause.to) continue;
    clause.asides.emplace_back(start, std::min(end, clause.to));
    clause.Blank(start, end);
  }
  clause.BlankTags(s);
  return clause;
}

FrameReader::Clause FrameReader::AsideAround(const TaggedSentence& s, const Clause& clause, size_t pos) const {
  Clause aside;
  for (const auto& span : clause.asides) {
    if (pos < span.first || pos >= span.second) continue;
    aside.from = span.first;
    aside.to = span.second;
  }
  aside.text = s.view.text.substr(aside.from, aside.to - aside.from);
  aside.BlankTags(s);
  return aside;
}

bool FrameReader::MakerOfCount(const TaggedSentence& s, size_t i) const {
  if (i == 0 || (s.tags[i - 1].type != "COUNT" && s.tags[i - 1].type != "HARDWARE")) return false;
  std::string gap = s.view.text.substr(s.tags[i - 1].end, s.tags[i].start - s.tags[i - 1].end);
  size_t first = gap.find_first_not_of(' ');
  size_t last = gap.find_last_not_of(' ');
  if (first == std::string::npos) return false;
  gap = gap.substr(first, last - first + 1);
  // The link, after at most one word naming the product ("chips made by").
  return std::any_of(lang_.maker_links.begin(), lang_.maker_links.end(), [&gap](const std::string& link) {
    if (gap == link) return true;
    if (gap.size() <= link.size() || gap.compare(gap.size() - link.size(), link.size(), link) != 0) return false;
    std::string head = gap.substr(0, gap.size() - link.size());
    return head.back() == ' ' && head.find(' ') == head.size() - 1;
  });
}

bool FrameReader::HasIn(const std::string& text, const std::string& cue_class) const {
  auto it = lang_.frames.cues.find(cue_class);
  if (it == lang_.frames.cues.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const std::string& word) { return FindWord(text, word) != std::string::npos; });
}

bool FrameReader::Has(const Clause& clause, const std::string& cue_class) const { return HasIn(clause.text, cue_class); }

size_t FrameReader::FirstAfter(const Clause& clause, const std::string& cue_class, size_t pos) const {
  auto it = lang_.frames.cues.find(cue_class);
  if (it == lang_.frames.cues.end() || pos < clause.from) return std::string::npos;
  size_t from = std::min(pos - clause.from, clause.text.size());
  size_t first = std::string::npos;
  for (const auto& word : it->second) first = std::min(first, FindWord(clause.text, word, from));
  return first;
}

bool FrameReader::Compared(const Clause& clause, size_t pos, size_t reach) const {
  if (pos < clause.from) return false;
  size_t end = std::min(pos - clause.from, clause.text.size());
  size_t start = end > reach ? end - reach : 0;
  return HasIn(clause.text.substr(start, end - start), "compared");
}

bool FrameReader::Spends(const Clause& clause) const {
  return Has(clause, "spend") || (Has(clause, "spend_verb") && Has(clause, "capital"));
}

std::string FrameReader::PredicateOf(const Figure& figure, const Clause& clause) const {
  const std::string& type = figure.tag.type;
  if (type == "TOKENS") return Has(clause, "daily") ? "daily_tokens" : "";
  if (type == "COUNT") return Has(clause, "order") ? "plans_order" : "";
  if (type == "PERCENT") {
    // Growth of what the clause spends: "a 50% jump on what it spent this year".
    return Has(clause, "growth") && (Has(clause, "spend") || Has(clause, "spend_verb")) ? "capex_growth" : "";
  }
  if (type != "MONEY") return "";
  if (Has(clause, "bond")) return "bond_issuance";
  if (Has(clause, "unit")) return "unit_price";
  // The processors come after the figure: "EUR 500m is reserved for accelerators", not
  // "capex of EUR 1bn, though returns on GPU clusters ...".
  // ... and before any other thing the money goes to: "on campuses, substations and GPU clusters" is capital spending.
  size_t processor = FirstAfter(clause, "processor", figure.at);
  if (processor != std::string::npos && processor <= FirstAfter(clause, "capital", figure.at) &&
      (Has(clause, "allocate") || Has(clause, "spend_verb"))) {
    return "ai_processor_budget";
  }
  if (!Spends(clause)) return "";
  return "capex";  // or plans_capex: decided by the time (WhenOf)
}

// A description is up to four words without punctuation, the first a stopword, an article ("con il
// produttore Nvidia").
bool FrameReader::DescribesTheName(std::string_view gap) const {
  size_t first = gap.find_first_not_of(' ');
  if (first == std::string_view::npos) return true;
  if (gap.find_first_of(",;:()") != std::string_view::npos || CountWords(gap) > 4) return false;
  size_t end = gap.find(' ', first);
  return lang_.stopwords.count(std::string(gap.substr(first, end == std::string_view::npos ? end : end - first))) > 0;
}

bool FrameReader::MayBeAgent(const TaggedSentence& s, const Clause& clause, size_t i) const {
  const Tag& tag = s.tags[i];
  std::string after = s.view.text.substr(tag.end);
  auto marks = [&after](const std::string& marker) { return after.rfind(" " + marker, 0) == 0; };
  if (std::any_of(lang_.frames.agent_markers.begin(), lang_.frames.agent_markers.end(), marks)) return true;
  if (NamedAsSupplier(s, lang_, i) || MakerOfCount(s, i)) return false;
  std::string before = s.view.text.substr(clause.from, tag.start - clause.from);
  return std::none_of(lang_.frames.not_agents.begin(), lang_.frames.not_agents.end(), [&](const std::string& w) {
    std::vector<size_t> at = FindWords(before, w);
    return !at.empty() && DescribesTheName(before.substr(at.back() + w.size()));
  });
}

std::string FrameReader::SubjectOf(const TaggedSentence& s, const std::string& predicate, const Clause& clause,
                                   const DocumentContext& context, const std::string& sentence_subject,
                                   bool may_fall_back) const {
  if (predicate == "unit_price") {
    for (const auto& tag : s.tags) {
      if (clause.Holds(tag) && (tag.type == "COUNT" || tag.type == "HARDWARE")) return tag.id;
    }
    return sentence_ - last_order_sentence_ <= kOrderReach ? last_order_product_ : "";
  }
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (!clause.Holds(tag) || !(IsCompany(tag) || IsAnaphor(tag)) || !MayBeAgent(s, clause, i)) continue;
    if (IsAnaphor(tag)) return tag.id == kTopicRef ? context.topic : context.Antecedent();
    return tag.id;
  }
  if (!sentence_subject.empty()) return sentence_subject;
  if (!may_fall_back) return "";
  // No agent in the clause: the company the text is about, unless the sentence names another,
  // and only one the gazetteer knows, a rule stated something of, this sentence or the one
  // before names, or two sentences so far name: a name misread in a dateline ("10:05 AM IST")
  // may be the topic of a page whose company the tagger does not read.
  const std::string& antecedent = context.Antecedent();
  bool named_here = std::any_of(s.tags.begin(), s.tags.end(), [&](const Tag& t) { return t.id == antecedent; });
  auto named = sentences_naming_.find(antecedent);
  bool named_often = named != sentences_naming_.end() && named->second >= 2;
  bool known = named_here || named_often || rule_subjects_.count(antecedent) || previous_names_.count(antecedent);
  if (!known && data_.entity(antecedent) == nullptr) return "";
  for (size_t i = 0; i < s.tags.size(); ++i) {
    bool supplier = NamedAsSupplier(s, lang_, i) || (clause.Holds(s.tags[i]) && !MayBeAgent(s, clause, i));  // "from the chipmaker AMD"
    if (IsCompany(s.tags[i]) && s.tags[i].id != antecedent && !supplier && !MakerOfCount(s, i)) return "";
    if (s.tags[i].id == antecedent && MakerOfCount(s, i)) return "";
  }
  return antecedent;
}

std::string FrameReader::WhenOf(const TaggedSentence& s, const std::string& predicate, const Figure& figure,
                                const Clause& clause) const {
  const PredicateSpec* spec = data_.predicate(predicate);
  WhenGrain grain = spec != nullptr ? spec->grain : WhenGrain::kNone;
  if (grain == WhenGrain::kNone) return "";
  std::vector<const Tag*> sentence_times, clause_times;
  for (const auto& tag : s.tags) {
    if (tag.type != "TIME") continue;
    bool in_clause = clause.Holds(tag);
    if (in_clause && Compared(clause, tag.start, kComparedTimeReach)) continue;  // "up 25% on 2025": the base, not the figure's time
    sentence_times.push_back(&tag);
    if (in_clause) clause_times.push_back(&tag);
  }
  if (predicate == "capex_growth") {
    // Growth is dated by the later of the years it compares ("2027 ... up 45% on 2026").
    std::string latest;
    for (const Tag* t : sentence_times) latest = std::max(latest, TimeAtGrain(t->id, grain));
    return latest;
  }
  // The nearest time after the figure ("founded in 2024, intends to put GBP 2.4bn into ... in 2027"),
  // else the nearest before it ("In 2024 about EUR 380m was spent by ...").
  if (figure.index >= 0 && Compared(clause, figure.at)) {
    // A compared figure is a statement only with a time of its own right after it:
    // "up from a planned 124 billion yen in 2026", not "above the 28 billion yuan it reported two years earlier".
    size_t next = static_cast<size_t>(figure.index) + 1;
    if (next < s.tags.size() && s.tags[next].type == "TIME" && clause.Holds(s.tags[next])) {
      return TimeAtGrain(s.tags[next].id, grain);
    }
    return "";
  }
  const Tag* nearest = nullptr;
  for (const Tag* t : clause_times) {
    if (t->start >= figure.at && (nearest == nullptr || t->start < nearest->start)) nearest = t;
  }
  for (const Tag* t : clause_times) {
    if (nearest == nullptr || (nearest->start < figure.at && t->start > nearest->start)) nearest = t;
  }
  if (nearest == nullptr && sentence_times.size() == 1) nearest = sentence_times[0];
  return nearest == nullptr ? "" : TimeAtGrain(nearest->id, grain);
}

bool FrameReader::Guarded(const TaggedSentence& s, const Clause& clause, const Figure& figure) const {
  if (Has(clause, "guard") || Has(ClauseAround(s, ClauseCuts(), 0, s.view.text.size()), "sentence_guard")) return true;
  size_t figure_end = figure.index >= 0 ? figure.tag.end : figure.at;
  if (UnderNegation(lang_, s, {clause.from, clause.to, figure.at, figure_end, true})) return true;
  return std::any_of(lang_.outsiders.begin(), lang_.outsiders.end(),
                     [&](const std::string& word) { return FindWord(clause.text, word) != std::string::npos; });
}

std::string FrameReader::PlannedOrSpent(const Clause& clause, const std::string& when) const {
  int year = YearOf(when);
  // This year's figure: spent when a past word says so ("it will have invested by the end of this year"), else planned.
  bool this_year = year == published_.year;
  bool past = year < published_.year || (this_year && Has(clause, "past"));
  bool plan = year > published_.year || (this_year && !past && Has(clause, "plan"));
  return plan ? "plans_capex" : past ? "capex" : "";
}

std::optional<Extracted> FrameReader::ReadFigure(const TaggedSentence& s, const Figure& figure, const Clause& clause,
                                                 const DocumentContext& context,
                                                 const std::string& sentence_subject, bool about_other) const {
  std::string predicate = PredicateOf(figure, clause);
  if (predicate.empty()) return std::nullopt;
  Extracted e;
  e.claim.when = WhenOf(s, predicate, figure, clause);
  const PredicateSpec* spec = data_.predicate(predicate);
  bool dated = spec != nullptr && spec->grain != WhenGrain::kNone;
  bool compared = figure.index >= 0 && Compared(clause, figure.at);
  if (e.claim.when.empty() && (dated || compared)) return std::nullopt;
  if (predicate == "capex") predicate = PlannedOrSpent(clause, e.claim.when);
  if (predicate.empty()) return std::nullopt;
  // A compared figure ("close to the USD 1.8tn raised in 2020") is no statement of whoever the text is about.
  e.claim.subject = Term::Entity(SubjectOf(s, predicate, clause, context, sentence_subject, !about_other && !compared));
  // The guards last: they are many words, and most figures have stopped before.
  if (e.claim.subject.value.empty() || Guarded(s, clause, figure)) return std::nullopt;
  e.claim.predicate = predicate;
  e.claim.object = TermOf(figure.tag);
  e.bound = figure.tag.quantity.bound;
  e.rule = kFrameRulePrefix + lang_.code + "." + predicate;
  e.subject_from = SubjectFrom::kAnaphor;
  return e;
}

std::vector<Extracted> FrameReader::Read(const TaggedSentence& s, const std::vector<Extracted>& found,
                                         const DocumentContext& context) {
  std::vector<Extracted> out;
  if (lang_.frames.empty()) return out;
  std::set<std::string> stated;
  std::string sentence_subject;
  bool about_other = false;  // the rules state a figure of the sentence of another party
  for (const auto& e : found) {
    if (e.claim.object.kind != TermKind::kQuantity) continue;
    about_other = about_other || e.claim.subject.value != context.Antecedent();
    stated.insert(FigureKey(e.claim.object));
    if (e.subject_from == SubjectFrom::kName) sentence_subject = e.claim.subject.value;
  }
  Remember(found);  // "... buying 2,000 H200 chips, which were priced at $31,000 apiece"
  for (const auto& e : found) rule_subjects_.insert(e.claim.subject.value);
  std::vector<Figure> figures;
  if (lone_figure_ && !stated.count(FigureKey(TermOf(*lone_figure_)))) {
    size_t start = SkipSpaces(s.view.text, 0);
    for (const auto& opener : lang_.frames.figure_anaphors) {
      if (s.view.text.compare(start, opener.size(), opener) == 0) figures.push_back({*lone_figure_, start + opener.size()});
    }
  }
  lone_figure_.reset();
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (!IsFigure(tag) || stated.count(FigureKey(TermOf(tag))) || ForecastByAnalyst(lang_, s, i)) continue;
    Figure figure{tag, tag.start, static_cast<int>(i)};
    if (tag.type == "MONEY" && i + 1 < s.tags.size() && s.tags[i + 1].type == "MONEY" &&
        s.tags[i + 1].quantity.unit != tag.quantity.unit && IsEquivalenceGap(lang_, s.view, tag.end, s.tags[i + 1].start)) {
      figure.equivalent = static_cast<int>(++i);
    }
    figures.push_back(figure);
  }
  // "A$2.4 billion." alone: the next sentence may say what it is.
  if (s.tags.size() == 1 && IsFigure(s.tags[0])) {
    std::string rest = s.view.text.substr(0, s.tags[0].start) + s.view.text.substr(s.tags[0].end);
    bool words = false;
    for (size_t k = 0; k < rest.size() && !words; ++k) words = IsWordCharAt(rest, k);
    if (!words) lone_figure_ = s.tags[0];
  }
  ClauseCuts cuts = figures.empty() ? ClauseCuts() : FindClauseCuts(lang_.frames, s.view.text);
  for (const Figure& figure : figures) {
    if (figure.tag.type == "COUNT") {  // "an order for 6,000 MI355X ... from AMD": whoever buys, "each" next is an MI355X
      last_order_product_ = figure.tag.id;
      last_order_sentence_ = sentence_;
    }
    Clause clause = ClauseAround(s, cuts, figure.at, figure.index >= 0 ? figure.tag.end : figure.at);
    if (clause.InAside(figure.at)) clause = AsideAround(s, clause, figure.at);
    std::optional<Extracted> e = ReadFigure(s, figure, clause, context, sentence_subject, about_other);
    if (!e) continue;
    if (e->claim.predicate != "unit_price") sentence_subject = e->claim.subject.value;
    if (figure.equivalent >= 0) {
      Extracted restated = *e;
      restated.claim.object = TermOf(s.tags[static_cast<size_t>(figure.equivalent)]);
      restated.bound = restated.claim.object.bound;
      out.push_back(*e);
      out.push_back(std::move(restated));
    } else {
      out.push_back(std::move(*e));
    }
  }
  Remember(out);
  ++sentence_;
  previous_names_.clear();
  for (const auto& tag : s.tags) {
    if (IsCompany(tag) && previous_names_.insert(tag.id).second) ++sentences_naming_[tag.id];
  }
  return out;
}

void FrameReader::Remember(const std::vector<Extracted>& statements) {
  for (const auto& e : statements) {
    if (e.claim.predicate != "plans_order") continue;
    last_order_product_ = e.claim.object.unit;
    last_order_sentence_ = sentence_;
  }
}

}  // namespace kg::ingest
