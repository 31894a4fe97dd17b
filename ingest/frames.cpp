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

// How far after a processor word (in bytes) the purpose marker of a chip budget named before its
// figure may stand: "एआई प्रोसेसरों की ख़रीद के लिए" (about four Devanagari words); and how far
// before it a purchase phrase: "spending on the new Nvidia graphics processors".
constexpr size_t kPurposeReach = 60;

// How far before a percentage (in bytes) a decrease word makes it no growth: "will be cut by 18%",
// "è calato del 12%" (a cut elsewhere in the clause, "after a 20% cut in 2025", stops nothing else).
constexpr size_t kDecreaseReach = 16;

// How many bytes after a company name are read for the processor word it makes ("Nvidia graphics processors").
constexpr size_t kMakerWindow = 24;

// How many sentences after a capital-spending plan its figures are read: its own and the next
// ("... next year. That compares with the ¥980 billion it expects to have spent this year").
constexpr size_t kCapexPlanReach = 1;

bool IsCompany(const Tag& tag) { return tag.type == "ORG" || tag.type == "UNK"; }
bool IsAnaphor(const Tag& tag) { return tag.type == "REF" || tag.type == "POSS"; }
bool IsFigure(const Tag& tag) {
  return tag.type == "MONEY" || tag.type == "PERCENT" || tag.type == "TOKENS" || tag.type == "COUNT";
}

std::string FigureKey(const Term& term) { return term.value + "\x1f" + term.unit; }

// How many words stand before view position `end`.
int WordsBefore(const std::string& text, size_t end) {
  int words = 0;
  for (size_t pos = 0; pos < end; pos = NextCodePointStart(text, pos)) {
    if (IsWordCharAt(text, pos) && !IsWordCharBefore(text, pos)) ++words;
  }
  return words;
}

bool EndsWithQuestion(const std::string& text) {
  size_t last = text.find_last_not_of(' ');
  return last != std::string::npos && text[last] == '?';
}

Term TermOf(const Tag& tag) { return Term::Quantity(tag.quantity.value, tag.quantity.unit, tag.quantity.bound); }

int YearOf(const std::string& iso) { return iso.size() >= 4 ? std::stoi(iso.substr(0, 4)) : 0; }

// "4,850 करोड़ रुपये नवी मुंबई, चेन्नई और लखनऊ के प्रोजेक्ट्स में लगाए": a comma between two names of one kind
// (places, companies, products) is a list's, no clause boundary; figures and times are left to the cut.
bool SeparatesListItems(const TaggedSentence& s, size_t start, size_t end) {
  if (end != start + 1 || s.view.text[start] != ',') return false;
  size_t next = SkipSpaces(s.view.text, end);
  for (size_t i = 0; i + 1 < s.tags.size(); ++i) {
    const Tag& a = s.tags[i];
    const Tag& b = s.tags[i + 1];
    if (a.end == start && b.start == next) return a.type == b.type && !IsFigure(a) && a.type != "TIME";
  }
  return false;
}

Extracted FrameStatement(const std::string& lang_code, const std::string& predicate, const std::string& subject,
                         const std::string& when, const Tag& figure) {
  Extracted e;
  e.claim.subject = Term::Entity(subject);
  e.claim.predicate = predicate;
  e.claim.object = TermOf(figure);
  e.claim.when = when;
  e.bound = figure.quantity.bound;
  e.rule = kFrameRulePrefix + lang_code + "." + predicate;
  e.subject_from = SubjectFrom::kAnaphor;
  return e;
}

// A statement whose figure a comparison may pair with a second one of the same kind (AddComparedCounterparts).
bool IsComparable(const Extracted& e) {
  const std::string& predicate = e.claim.predicate;
  return e.claim.object.kind == TermKind::kQuantity &&
         (predicate == "daily_tokens" || predicate == "plans_capex" || predicate == "capex");
}

// Words a quotation needs to be a statement of its own, not a name or a phrase in scare quotes.
constexpr size_t kStatementWords = 4;

bool IsStatement(const std::string& quote) {
  return static_cast<size_t>(std::count(quote.begin(), quote.end(), ' ')) + 1 >= kStatementWords;
}

}  // namespace

struct FrameReader::Clause {
  size_t from = 0, to = 0;  // view positions
  bool quoted = false;      // a quotation ("«We signed ...», he said")
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
  // No word after view position `pos`: a figure that ends its clause, set off by dashes ("una quota - circa
  // 400 milioni - sarà destinata all'acquisto di processori").
  bool EndsAt(size_t pos) const {
    for (size_t k = pos > from ? pos - from : 0; k < text.size(); ++k) {
      if (IsWordCharAt(text, k)) return false;
    }
    return true;
  }
};

struct FrameReader::Figure {
  Tag tag;
  size_t at = 0;          // view position the figure stands at in the sentence read
  int index = -1;         // its tag index in that sentence (-1: the previous sentence's lone figure)
  int equivalent = -1;    // the tag restating it in another currency ("A$90,000 (around US$59,000)")
  bool bare = false;      // an amount without a currency, compared with the plan: read only around it
  bool currency_given = false;  // an amount without a currency given one beside the plan (AddBareAmounts)
};

FrameReader::Clause FrameReader::ClauseAround(const TaggedSentence& s, const ClauseCuts& cuts, size_t from, size_t to) const {
  Clause clause;
  clause.to = s.view.text.size();
  for (const auto& [start, end] : cuts.boundaries) {
    if (SeparatesListItems(s, start, end)) continue;
    if (end <= from) clause.from = std::max(clause.from, end);
    if (start >= to) clause.to = std::min(clause.to, start);
  }
  // A figure quoted in a statement is read in the quotation: "«We signed a letter of intent for
  // 1,024 MI355X», Cozzi said during a call with analysts" (no analysts' figure).
  for (const auto& [open, close] : cuts.quotes) {
    if (open >= from || close < to || !IsStatement(s.view.text.substr(open, close - open))) continue;
    clause.from = std::max(clause.from, open + 1);
    clause.to = std::min(clause.to, close);
    clause.quoted = true;
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
  return IsMakerGap(lang_, std::string_view(s.view.text).substr(s.tags[i - 1].end, s.tags[i].start - s.tags[i - 1].end));
}

std::optional<Extracted> FrameReader::ReadAnswer(const TaggedSentence& s, const DocumentContext& context,
                                                 std::set<std::string>* stated) {
  std::optional<TaggedSentence> question = std::move(question_);
  question_.reset();
  if (!question || s.tags.empty() || !IsFigure(s.tags[0]) || WordsBefore(s.view.text, s.tags[0].start) > 1) {
    return std::nullopt;  // one word may lead the answer: "Just under EUR 2bn."
  }
  std::string key = FigureKey(TermOf(s.tags[0]));
  if (stated->count(key)) return std::nullopt;
  // The figure stands where the question word does, so the question's clause reads it as its own.
  Figure figure{s.tags[0], question_at_};
  figure.tag.start = figure.tag.end = question_at_;
  Clause clause = ClauseAround(*question, FindClauseCuts(lang_.frames, question->view.text), question_at_, question_at_);
  std::optional<Extracted> e = ReadFigure(*question, figure, clause, context, "", false);
  if (e) stated->insert(key);
  return e;
}

void FrameReader::NoteQuestion(const TaggedSentence& s) {
  const std::string& text = s.view.text;
  if (!EndsWithQuestion(text) || std::any_of(s.tags.begin(), s.tags.end(), IsFigure)) return;
  size_t at = FindWordOf(text, "figure_question");
  if (at == std::string::npos) return;
  question_ = s;
  question_at_ = at;
}

std::optional<Tag> FrameReader::LoneFigure(const TaggedSentence& s) const {
  // A count, its maker, a family and its model at most: most sentences stop here, before a type is compared.
  constexpr size_t kMostTags = 4;
  if (s.tags.empty() || s.tags.size() > kMostTags) return std::nullopt;
  auto figure = std::find_if(s.tags.begin(), s.tags.end(), IsFigure);
  if (figure == s.tags.end()) return std::nullopt;
  bool count = figure->type == "COUNT";
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (&tag == &*figure) continue;
    // A count's own product and its maker name no party of the sentence after.
    bool part_of_count = count && ((IsProductType(tag.type) && tag.id == figure->id) ||
                                   NamedAsSupplier(s, lang_, i) || MakerOfCount(s, i));
    if (!part_of_count) return std::nullopt;
  }
  const std::string& text = s.view.text;
  size_t tag = 0;
  for (size_t pos = 0; pos < text.size();) {
    while (tag < s.tags.size() && s.tags[tag].end <= pos) ++tag;
    if (tag < s.tags.size() && s.tags[tag].start <= pos) {
      pos = s.tags[tag].end;
      continue;
    }
    size_t length = 0;
    if (!IsWordCodePoint(CodePointAt(text, pos, &length))) {
      pos += std::max<size_t>(length, 1);
      continue;
    }
    // Past a count, only its noun and the link to its maker ("accelerators", "chips made by").
    size_t end = 0;
    if (!count || !(lang_.count_nouns.Match(s.view, pos, &end) || MakerLinkAt(text, pos, &end))) return std::nullopt;
    pos = end;
  }
  return *figure;
}

bool FrameReader::MakerLinkAt(const std::string& text, size_t pos, size_t* end) const {
  for (const auto& link : lang_.maker_links) {
    if (text.compare(pos, link.size(), link) == 0 && !IsWordCharAt(text, pos + link.size())) {
      *end = pos + link.size();
      return true;
    }
  }
  return false;
}

bool FrameReader::HasIn(const std::string& text, const std::string& cue_class) const {
  return FindWordOf(text, cue_class) != std::string::npos;
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

std::string FrameReader::TextBefore(const Clause& clause, size_t pos, size_t reach) const {
  if (pos < clause.from) return "";
  size_t end = std::min(pos - clause.from, clause.text.size());
  size_t start = end > reach ? end - reach : 0;
  return clause.text.substr(start, end - start);
}

bool FrameReader::Compared(const Clause& clause, size_t pos, size_t reach) const {
  return HasIn(TextBefore(clause, pos, reach), "compared");
}

bool FrameReader::PurposeBefore(const Figure& figure, const Clause& clause) const {
  if (figure.at < clause.from) return false;
  std::string before = clause.text.substr(0, std::min(figure.at - clause.from, clause.text.size()));
  size_t processor = FindWordOf(before, "processor");
  if (processor == std::string::npos || HasIn(before, "capital")) return false;
  // A purchase or budget noun right before the processors is the purpose itself, no verb needed.
  size_t purchase = FindWordOf(before, "purchase");
  if (purchase != std::string::npos && purchase <= processor && processor - purchase <= kPurposeReach) return true;
  size_t purpose = FindWordOf(before.substr(processor), "purpose");
  // ... or its purpose marker after them, with money set aside or spent on them:
  // "जीपीयू पर 3,000 करोड़ रुपये खर्च करेगी जियो".
  return purpose != std::string::npos && purpose <= kPurposeReach &&
         (Has(clause, "allocate") || Has(clause, "spend_verb"));
}

size_t FrameReader::FindWordOf(const std::string& text, const std::string& cue_class) const {
  auto it = lang_.frames.cues.find(cue_class);
  if (it == lang_.frames.cues.end()) return std::string::npos;
  size_t first = std::string::npos;
  for (const auto& word : it->second) first = std::min(first, FindWord(text, word));
  return first;
}

std::string FrameReader::WordAfter(const Clause& clause, const Figure& figure) const {
  if (figure.tag.end < clause.from) return "";
  size_t start = SkipSpaces(clause.text, std::min(figure.tag.end - clause.from, clause.text.size()));
  size_t end = clause.text.find(' ', start);
  return clause.text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool FrameReader::Decreases(const Clause& clause, const Figure& figure) const {
  return HasIn(TextBefore(clause, figure.at, kDecreaseReach), "decrease") || HasIn(WordAfter(clause, figure), "decrease");
}

bool FrameReader::Spends(const Clause& clause) const {
  return Has(clause, "spend") || (Has(clause, "spend_verb") && Has(clause, "capital"));
}

std::vector<size_t> FrameReader::UnitCues(const TaggedSentence& s, const Clause& clause) const {
  std::vector<size_t> at;
  auto unit = lang_.frames.cues.find("unit");
  if (unit == lang_.frames.cues.end()) return at;
  // "Ciascuna scheda costa ...", "$48,000 a unit": after an order a count noun is read as the
  // product, and its words still price one.
  std::string restored;
  for (const auto& tag : s.tags) {
    size_t noun_end = 0;
    if (IsEntityType(tag.type) && clause.Holds(tag) && lang_.count_nouns.Match(s.view, tag.start, &noun_end) != nullptr &&
        noun_end == tag.end) {
      if (restored.empty()) restored = clause.text;
      restored.replace(tag.start - clause.from, tag.end - tag.start, s.view.text, tag.start, tag.end - tag.start);
    }
  }
  const std::string& text = restored.empty() ? clause.text : restored;
  for (const auto& word : unit->second) {
    for (size_t pos : FindWords(text, word)) at.push_back(clause.from + pos);
  }
  return at;
}

bool FrameReader::EachOfSomethingElse(const TaggedSentence& s, const Clause& clause, size_t figure_at) const {
  auto each = lang_.frames.cues.find("each");
  if (each == lang_.frames.cues.end()) return false;
  const std::string& text = s.view.text;
  for (const auto& word : each->second) {
    for (size_t pos : FindWords(clause.text, word)) {
      if (clause.from + pos > figure_at) break;  // "$30,000 each once you include ...": it follows the price
      size_t next = SkipSpaces(text, clause.from + pos + word.size());
      size_t end = 0;
      bool named = std::any_of(s.tags.begin(), s.tags.end(), [next](const Tag& tag) { return tag.start == next; });
      if (named || !IsWordCharAt(text, next) || lang_.count_nouns.Match(s.view, next, &end) ||
          lang_.unit_links.Match(s.view, next, &end)) {
        continue;
      }
      for (end = next; IsWordCharAt(text, end);) end = NextCodePointStart(text, end);
      std::string after = text.substr(next, end - next);
      if (!lang_.stopwords.count(after) && FindWordOf(after, "price_verb") != 0) return true;
    }
  }
  return false;
}

bool FrameReader::PricesOne(const TaggedSentence& s, const Figure& figure, const Clause& clause) const {
  std::vector<size_t> cues = UnitCues(s, clause);
  if (cues.empty()) return false;
  // The amount nearest a cue is the price of one: "worth $540 million, or $45,000 per chip".
  auto distance = [&cues](const Tag& tag) {
    size_t nearest = std::string::npos;
    for (size_t cue : cues) nearest = std::min(nearest, cue >= tag.end ? cue - tag.end : tag.start > cue ? tag.start - cue : 0);
    return nearest;
  };
  // The two ends of a range both price one ("tra 60.000 e 70.000 dollari ciascuno").
  auto range_ends = [](const Tag& a, const Tag& b) {
    return (a.quantity.bound == Bound::kAtLeast && b.quantity.bound == Bound::kAtMost) ||
           (a.quantity.bound == Bound::kAtMost && b.quantity.bound == Bound::kAtLeast);
  };
  size_t own = distance(figure.tag);
  return std::none_of(s.tags.begin(), s.tags.end(), [&](const Tag& tag) {
    return tag.type == "MONEY" && clause.Holds(tag) && tag.start != figure.tag.start && distance(tag) < own &&
           tag.quantity.unit == figure.tag.quantity.unit && !range_ends(tag, figure.tag);
  });
}

// The purpose after a nearer amount is that amount's:
// "will invest 3 trillion won, of which 900 billion won has been earmarked for AI chips".
bool FrameReader::OtherMoneyBefore(const TaggedSentence& s, const Figure& figure, size_t pos) {
  for (size_t k = 0; k < s.tags.size(); ++k) {
    const Tag& tag = s.tags[k];
    bool own = static_cast<int>(k) == figure.index || static_cast<int>(k) == figure.equivalent;
    if (!own && tag.type == "MONEY" && tag.start > figure.at && tag.start < pos) return true;
  }
  return false;
}

std::string FrameReader::PredicateOf(const TaggedSentence& s, const Figure& figure, const Clause& clause) const {
  const std::string& type = figure.tag.type;
  if (type == "TOKENS") return Has(clause, "daily") ? "daily_tokens" : "";
  // A count the supplier delivers or sells is the buyer's order, never the supplier's: the frame leaves it.
  if (type == "COUNT") return Has(clause, "order") && !Has(clause, "supply") ? "plans_order" : "";
  if (type == "PERCENT") {
    // Growth of what the clause spends: "a 50% jump on what it spent this year"; a decrease is none.
    if (Decreases(clause, figure)) return "";
    return Has(clause, "growth") && (Has(clause, "spend") || Has(clause, "spend_verb")) ? "capex_growth" : "";
  }
  if (type != "MONEY") return "";
  if (Has(clause, "bond")) return "bond_issuance";
  if (PricesOne(s, figure, clause)) return "unit_price";
  // The processors come after the figure: "EUR 500m is reserved for accelerators", not
  // "capex of EUR 1bn, though returns on GPU clusters ...".
  // ... and before any other thing the money goes to: "on campuses, substations and GPU clusters" is capital spending.
  size_t processor = FirstAfter(clause, "processor", figure.at);
  if (processor != std::string::npos && processor <= FirstAfter(clause, "capital", figure.at) &&
      !OtherMoneyBefore(s, figure, processor) && (Has(clause, "allocate") || Has(clause, "spend_verb"))) {
    return "ai_processor_budget";
  }
  if (PurposeBefore(figure, clause)) return "ai_processor_budget";
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
  // A company right before a product word is the maker named, not the buyer: "Alongside the Nvidia hardware, X has ordered".
  size_t word_end = 0;
  bool before_product_word = tag.type == "ORG" && lang_.product_words.Match(s.view, SkipSpaces(s.view.text, tag.end), &word_end) != nullptr;
  return !before_product_word && !NamesProcessorMaker(s, i) && !NamedAsSupplier(s, lang_, i) && !MakerOfCount(s, i) &&
         !AfterNotAgent(s, clause, i);
}

bool FrameReader::NamesProcessorMaker(const TaggedSentence& s, size_t i) const {
  const Tag& tag = s.tags[i];
  if (tag.type != "ORG") return false;
  const std::string& text = s.view.text;
  size_t after = SkipSpaces(text, tag.end);
  if (FindWordOf(text.substr(after, kMakerWindow), "processor") == 0) return true;
  size_t last = tag.start > 0 ? text.find_last_not_of(' ', tag.start - 1) : std::string::npos;
  if (last == std::string::npos) return false;
  size_t word = text.find_last_of(' ', last);
  word = word == std::string::npos ? 0 : word + 1;
  return FindWordOf(text.substr(word, last + 1 - word), "processor") == 0;
}

bool FrameReader::AfterNotAgent(const TaggedSentence& s, const Clause& clause, size_t i) const {
  const size_t from = std::min(clause.from, s.tags[i].start);
  std::string before = s.view.text.substr(from, s.tags[i].start - from);
  return std::any_of(lang_.frames.not_agents.begin(), lang_.frames.not_agents.end(), [&](const std::string& w) {
    std::vector<size_t> at = FindWords(before, w);
    return !at.empty() && DescribesTheName(before.substr(at.back() + w.size()));
  });
}

std::string FrameReader::SubjectOf(const TaggedSentence& s, const std::string& predicate, const Clause& clause,
                                   size_t figure_at, const DocumentContext& context,
                                   const std::string& sentence_subject, bool may_fall_back) const {
  if (predicate == "unit_price") {
    // "Each of its 400 engineers earns $90,000": a plain number counts something other than a product.
    if (std::any_of(s.tags.begin(), s.tags.end(), [&](const Tag& t) { return t.type == "NUM" && clause.Holds(t); })) return "";
    if (EachOfSomethingElse(s, clause, figure_at)) return "";
    std::set<std::string> products;  // of the whole sentence
    for (const auto& tag : s.tags) {
      if (clause.Holds(tag) && (tag.type == "COUNT" || tag.type == "HARDWARE")) return tag.id;
      if (tag.type == "COUNT" || tag.type == "HARDWARE") products.insert(tag.id);
    }
    // The one product the sentence names, in another clause: "करीब 25,000 डॉलर प्रति यूनिट - जानकार MI355X की
    // यही कीमत बताते हैं".
    if (products.size() == 1) return *products.begin();
    return sentence_ - last_order_sentence_ <= kOrderReach ? last_order_product_ : "";
  }
  // The clause's agent; for a quotation without one, the speaker's company outside it
  // ("'The plan is to invest $1 billion,' said Jensen Huang of Nvidia"), one the gazetteer
  // knows: an unknown name after the quote is more often the speaker ("ha detto Rossi").
  // A company in an aside before the figure is not its agent ("X (controllata dal fondo Y) prevede di investire").
  std::vector<SubjectAside> asides = SubjectAsides(lang_, s);
  for (bool inside : {true, false}) {
    if (!inside && !clause.quoted) break;
    for (size_t i = 0; i < s.tags.size(); ++i) {
      const Tag& tag = s.tags[i];
      bool may_speak = inside || tag.type == "ORG" || IsAnaphor(tag);
      if (clause.Holds(tag) != inside || !may_speak || !(IsCompany(tag) || IsAnaphor(tag)) || !MayBeAgent(s, clause, i) ||
          InSubjectAside(asides, tag.start, figure_at)) {
        continue;
      }
      if (IsAnaphor(tag)) return tag.id == kTopicRef ? context.topic : context.Antecedent();
      return tag.id;
    }
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
  // In a quotation the speaker's company is the antecedent: names outside it ("said Rossi") do not count.
  for (size_t i = 0; i < s.tags.size(); ++i) {
    if (clause.quoted && !clause.Holds(s.tags[i])) continue;
    if (IsCompany(s.tags[i]) && s.tags[i].id != antecedent && !NamedAsSupplier(s, lang_, i) && !MakerOfCount(s, i) &&
        !AfterNotAgent(s, clause, i)) {
      return "";
    }
    if (s.tags[i].id == antecedent && MakerOfCount(s, i)) return "";
  }
  return antecedent;
}

// A time in a relative clause is its noun's: "भारती एयरटेल, जिसने पिछले साल भी बॉन्ड बेचे थे, इस बार ...
// एनसीडी लाएगी", "X, which was founded in 2019, will spend ..." date no other clause.
bool FrameReader::InRelativeClause(const TaggedSentence& s, const Tag& tag) const {
  Clause around = ClauseAround(s, FindClauseCuts(lang_.frames, s.view.text), tag.start, tag.end);
  size_t first = around.text.find_first_not_of(' ');
  if (first == std::string::npos) return false;
  return std::any_of(lang_.relative_words.begin(), lang_.relative_words.end(),
                     [&](const std::string& word) { return FindWord(around.text, word) == first; });
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
  if (const Tag* row = RowTime(s, figure, clause)) return TimeAtGrain(row->id, grain);
  // A time after the figure is its own only when no other amount stands between them (the time is that
  // one's): "la guidance di 4,8 miliardi, dopo i 2,9 miliardi spesi nel 2025", "EUR 300m next year and EUR 500m in 2027".
  // Its own restatement ("EUR 300m ($350m) in 2027", "इतनी रकम (करीब 74 करोड़ डॉलर) ... 2027 में") and the other
  // end of its range ("between 15 and 16 billion crowns next year") share its time.
  const size_t figure_end = figure.index >= 0 ? figure.tag.end : figure.at;
  auto amount_between = [&](const Tag* time) {
    for (size_t i = 0; i < s.tags.size(); ++i) {
      const Tag& tag = s.tags[i];
      bool other_end = figure.tag.quantity.bound == Bound::kAtLeast && tag.quantity.bound == Bound::kAtMost;
      bool restates = static_cast<int>(i) == figure.equivalent ||
                      (tag.start >= figure_end && IsEquivalenceGap(lang_, s.view, figure_end, tag.start));
      if (restates || other_end) continue;
      if ((IsFigure(tag) || IsBareScaledAmount(tag)) && tag.start > figure.at && tag.end <= time->start) return true;
    }
    return false;
  };
  const Tag* after = nullptr;   // the nearest after the figure (clause_times are in text order)
  const Tag* before = nullptr;  // the nearest before it
  bool skipped = false;         // a time after it that is another amount's
  for (const Tag* t : clause_times) {
    if (t->start < figure.at) {
      before = t;
    } else if (after == nullptr) {
      if (amount_between(t)) {
        skipped = true;
      } else {
        after = t;
      }
    }
  }
  const Tag* nearest = after != nullptr ? after : before;
  if (nearest == nullptr && sentence_times.size() == 1 && !skipped && !InRelativeClause(s, *sentence_times[0])) {
    nearest = sentence_times[0];
  }
  return nearest == nullptr ? "" : TimeAtGrain(nearest->id, grain);
}

const Tag* FrameReader::RowTime(const TaggedSentence& s, const Figure& figure, const Clause& clause) const {
  auto joins = lang_.frames.cues.find("row_time");
  if (joins == lang_.frames.cues.end() || figure.index < 1) return nullptr;
  const Tag& time = s.tags[static_cast<size_t>(figure.index) - 1];
  if (time.type != "TIME" || !clause.Holds(time) || time.end > figure.at) return nullptr;
  size_t from = SkipSpaces(s.view.text, time.end);
  std::string between = s.view.text.substr(from, figure.at - from);
  while (!between.empty() && between.back() == ' ') between.pop_back();
  bool joined = between.empty() || std::find(joins->second.begin(), joins->second.end(), between) != joins->second.end();
  return joined ? &time : nullptr;
}

std::string FrameReader::WithoutGuardCounters(std::string text) const {
  // A guard word inside a `guard_counter` phrase guards nothing: a plan "presentato agli analisti" is the company's.
  auto counters = lang_.frames.cues.find("guard_counter");
  if (counters == lang_.frames.cues.end()) return text;
  for (const auto& phrase : counters->second) {
    for (size_t at : FindWords(text, phrase)) std::fill(text.begin() + static_cast<long>(at), text.begin() + static_cast<long>(at + phrase.size()), ' ');
  }
  return text;
}

bool FrameReader::SpeakerGuarded(const TaggedSentence& s, const Clause& quote) const {
  Clause sentence = ClauseAround(s, ClauseCuts(), 0, s.view.text.size());
  sentence.Blank(quote.from > 0 ? quote.from - 1 : 0, quote.to + 1);
  sentence.text = WithoutGuardCounters(sentence.text);
  auto guards = lang_.frames.cues.find("guard");
  auto audiences = lang_.frames.cues.find("audience");
  if (guards == lang_.frames.cues.end()) return false;
  auto to_audience = [&](size_t at) {  // "told analysts", "con gli analisti"
    if (audiences == lang_.frames.cues.end()) return false;
    std::string before = sentence.text.substr(0, at);
    while (!before.empty() && before.back() == ' ') before.pop_back();
    return std::any_of(audiences->second.begin(), audiences->second.end(), [&](const std::string& a) {
      return before.size() >= a.size() && before.compare(before.size() - a.size(), a.size(), a) == 0 &&
             (before.size() == a.size() || before[before.size() - a.size() - 1] == ' ');
    });
  };
  return std::any_of(guards->second.begin(), guards->second.end(), [&](const std::string& word) {
    std::vector<size_t> at = FindWords(sentence.text, word);
    return std::any_of(at.begin(), at.end(), [&](size_t pos) { return !to_audience(pos); });
  });
}

bool FrameReader::Guarded(const TaggedSentence& s, const Clause& clause, const Figure& figure) const {
  std::string text = WithoutGuardCounters(clause.text);
  if (HasIn(text, "guard") || Has(ClauseAround(s, ClauseCuts(), 0, s.view.text.size()), "sentence_guard")) return true;
  if (clause.quoted && SpeakerGuarded(s, clause)) return true;
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
  std::string predicate = PredicateOf(s, figure, clause);
  if (predicate.empty()) return std::nullopt;
  Extracted e;
  e.claim.when = WhenOf(s, predicate, figure, clause);
  const PredicateSpec* spec = data_.predicate(predicate);
  bool dated = spec != nullptr && spec->grain != WhenGrain::kNone;
  bool compared = figure.index >= 0 && Compared(clause, figure.at);
  bool share_of_plan = predicate == "ai_processor_budget" && e.claim.when.empty() && !compared;
  // A bond is told by its day ("priced on Thursday", "collocato ieri") more often than its year: one
  // already issued (an `issued` verb: "were priced", "è stato collocato") is stated undated, as the rules
  // state it; one weighed, traded or only named still needs its year.
  bool undated_bond = predicate == "bond_issuance" && !compared && Has(clause, "issued");
  if (e.claim.when.empty() && (dated || compared) && !share_of_plan && !undated_bond) return std::nullopt;
  if (predicate == "capex") predicate = PlannedOrSpent(clause, e.claim.when);
  if (predicate.empty()) return std::nullopt;
  // A compared figure ("close to the USD 1.8tn raised in 2020") is no statement of whoever the text is about.
  e.claim.subject = Term::Entity(SubjectOf(s, predicate, clause, figure.at, context, sentence_subject, !about_other && !compared));
  if (share_of_plan) {
    // A chip budget with no time of its own is a share of the company's capital plan stated
    // before ("कुल योजना में से 6,200 करोड़ ... अलग रखे गए हैं"): it takes that plan's year.
    // The plan's own figure restated ("Di questi 180 milioni, 110 ...") is no share of it.
    e.claim.when = plans_.YearOfUndated(e.claim.subject.value, sentence_);
    if (e.claim.when.empty() || plans_.Restates(e.claim.subject.value, figure.tag)) return std::nullopt;
  }
  // The guards last: they are many words, and most figures have stopped before.
  if (e.claim.subject.value.empty() || Guarded(s, clause, figure)) return std::nullopt;
  return FrameStatement(lang_.code, predicate, e.claim.subject.value, e.claim.when, figure.tag);
}

void FrameReader::Read(const TaggedSentence& s, std::vector<Extracted>* rules_found, const DocumentContext& context) {
  if (lang_.frames.empty()) return;
  const std::vector<Extracted>& found = *rules_found;
  std::vector<Extracted> out;
  std::set<std::string> stated;
  std::string sentence_subject;
  bool about_other = false;  // the rules state a figure of the sentence of another party
  for (const auto& e : found) {
    if (e.claim.object.kind != TermKind::kQuantity) continue;
    stated.insert(FigureKey(e.claim.object));
    // A unit price's subject is a product, no party: "... 2,000 B300 चिप मंगाने का प्रस्ताव है; एक B300 की कीमत ...".
    if (e.claim.predicate == "unit_price") continue;
    about_other = about_other || e.claim.subject.value != context.Antecedent();
    if (e.subject_from == SubjectFrom::kName) sentence_subject = e.claim.subject.value;
  }
  // The order a price is of, in this sentence or the next ("... buying 2,000 H200 chips, which were priced at
  // $31,000 apiece"): the sentence's last count, as the tagger's count nouns take it.
  if (const Tag* count = LastCount(s)) {
    last_order_product_ = count->id;
    last_order_sentence_ = sentence_;
  }
  for (const auto& e : found) rule_subjects_.insert(e.claim.subject.value);
  std::vector<Figure> figures;
  if (lone_figure_ && !stated.count(FigureKey(TermOf(*lone_figure_)))) {
    size_t start = SkipSpaces(s.view.text, 0);
    for (const auto& opener : lang_.frames.figure_anaphors) {
      if (s.view.text.compare(start, opener.size(), opener) != 0) continue;
      figures.push_back({*lone_figure_, start + opener.size()});
      // "... B300. È questo l'ordine che X ha piazzato. Ogni scheda costerebbe ...": the sentence names the order.
      if (lone_figure_->type == "COUNT" && last_order_product_ == lone_figure_->id) last_order_sentence_ = sentence_;
    }
  }
  lone_figure_.reset();
  if (std::optional<Extracted> answer = ReadAnswer(s, context, &stated)) out.push_back(std::move(*answer));
  NoteQuestion(s);
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (!IsFigure(tag) || stated.count(FigureKey(TermOf(tag))) || ForecastByAnalyst(lang_, s, i)) continue;
    Figure figure{tag, tag.start, static_cast<int>(i)};
    if (ConvertedAmount(lang_, s, i + 1) == static_cast<int>(i)) {
      figure.equivalent = static_cast<int>(++i);
    }
    figures.push_back(figure);
  }
  lone_figure_ = LoneFigure(s);
  plans_.Note(found, sentence_);
  if (const CapexPlan* plan = ActiveCapexPlan()) AddBareAmounts(s, plan->unit, &figures);
  bool in_capex_cluster = false;  // a figure of the plan's cluster read here
  ClauseCuts cuts = figures.empty() ? ClauseCuts() : FindClauseCuts(lang_.frames, s.view.text);
  for (Figure figure : figures) {
    if (stated.count(FigureKey(TermOf(figure.tag)))) continue;
    Clause clause = ClauseAround(s, cuts, figure.at, figure.index >= 0 ? figure.tag.end : figure.at);
    if (clause.InAside(figure.at)) clause = AsideAround(s, clause, figure.at);
    if (size_t restated = RestatedAfterDash(s, clause); restated != std::string::npos) {
      figure.at = restated;
      figure.index = -1;
      clause = ClauseAround(s, cuts, restated, restated);
    }
    std::optional<Extracted> e = ReadAroundCapexPlan(s, figure, clause);
    // A figure set off at its clause's end is read with the rest of the sentence too.
    bool set_off = ActiveCapexPlan() != nullptr && figure.index >= 0 && clause.to < s.view.text.size() && clause.EndsAt(figure.tag.end);
    if (!e && set_off) e = ReadAroundCapexPlan(s, figure, ClauseAround(s, ClauseCuts(), 0, s.view.text.size()));
    in_capex_cluster = in_capex_cluster || e.has_value();
    if (!e && !figure.bare) e = ReadFigure(s, figure, clause, context, sentence_subject, about_other);
    if (!e) continue;
    plans_.Note({*e}, sentence_);
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
  rules_found->insert(rules_found->end(), std::make_move_iterator(out.begin()), std::make_move_iterator(out.end()));
  if (!rules_found->empty()) AddComparedCounterparts(s, context, rules_found);
  DateByCapexPlan(s, rules_found);
  for (size_t i = 1; i < s.tags.size(); ++i) {
    int converted = ConvertedAmount(lang_, s, i);
    if (converted < 0) continue;
    plans_.PriceAsConverted(sentence_, s.tags[i].quantity.unit, s.tags[static_cast<size_t>(converted)].quantity.unit);
  }
  // The plan's cluster reads on past a sentence of it ("... this year we'll land at about GBP 210m.
  // So you're looking at growth of 114 per cent") or one that names no figure and no company.
  bool neutral = std::none_of(s.tags.begin(), s.tags.end(), [](const Tag& t) { return IsFigure(t) || IsCompany(t); });
  if (ActiveCapexPlan() != nullptr && (in_capex_cluster || neutral)) plans_.CarryContext(sentence_);
  KeepOrderNamed(s);
  ++sentence_;
  previous_names_.clear();
  for (const auto& tag : s.tags) {
    if (IsCompany(tag) && previous_names_.insert(tag.id).second) ++sentences_naming_[tag.id];
  }
}

void CapexPlans::Note(const std::vector<Extracted>& statements, size_t sentence) {
  for (const auto& e : statements) {
    if (e.claim.predicate != "plans_capex" || e.claim.when.empty()) continue;
    CapexPlan plan{e.claim.subject.value, e.claim.when, e.claim.object.unit, FigureKey(e.claim.object), sentence};
    last_[plan.subject] = plan;
    // An earlier year of the same company's is the figure the plan is compared with, not a plan of its own.
    const CapexPlan* context = Context(sentence);
    if (context != nullptr && context->subject == plan.subject && plan.when <= context->when) {
      if (plan.when == context->when) CarryContext(sentence);  // restated: read on from here
      continue;
    }
    context_ = std::move(plan);
  }
}

const CapexPlan* CapexPlans::Context(size_t sentence) const {
  return context_ && sentence - context_->sentence <= kCapexPlanReach ? &*context_ : nullptr;
}

void CapexPlans::PriceAsConverted(size_t sentence, const std::string& conversion, const std::string& converted) {
  if (context_ && context_->sentence == sentence && context_->unit == conversion) context_->unit = converted;
}

bool CapexPlans::Restates(const std::string& company, const Tag& figure) const {
  auto plan = last_.find(company);
  return plan != last_.end() && plan->second.figure == FigureKey(TermOf(figure));
}

std::string CapexPlans::YearOfUndated(const std::string& company, size_t sentence) const {
  const CapexPlan* context = Context(sentence);
  if (context != nullptr && context->subject == company) return context->when;
  auto plan = last_.find(company);
  return plan == last_.end() ? "" : plan->second.when;
}

void FrameReader::DateByCapexPlan(const TaggedSentence& s, std::vector<Extracted>* found) {
  plans_.Note(*found, sentence_);
  const CapexPlan* plan = ActiveCapexPlan();
  // The whole sentence as a clause, for figures of spending that may be the compared ones (most sentences have none).
  bool spending = std::any_of(found->begin(), found->end(), [](const Extracted& e) {
    return e.claim.predicate == "capex" || e.claim.predicate == "plans_capex";
  });
  Clause sentence = spending ? ClauseAround(s, ClauseCuts(), 0, s.view.text.size()) : Clause();
  for (auto& e : *found) {
    bool of_plan = plan != nullptr && e.claim.subject.value == plan->subject;
    if (of_plan) DateByPlan(s, sentence, *plan, &e);
    // Spent, yet dated after the publication, or (beside the plan) not at all: the year compared with
    // is its own ("rispetto all'anno scorso, quando il gruppo aveva investito 2,3 miliardi").
    bool undated_baseline = of_plan && e.claim.when.empty();
    if (e.claim.predicate != "capex" || (YearOf(e.claim.when) <= published_.year && !undated_baseline)) continue;
    for (const auto& tag : s.tags) {
      if (tag.type != "TIME" || !Compared(sentence, tag.start, kComparedTimeReach)) continue;
      std::string year = TimeAtGrain(tag.id, WhenGrain::kYear);
      if (YearOf(year) > published_.year) continue;
      e.claim.when = year;
      break;
    }
  }
}

void FrameReader::DateByPlan(const TaggedSentence& s, const Clause& sentence, const CapexPlan& plan, Extracted* e) const {
  const std::string& predicate = e->claim.predicate;
  if (e->claim.when.empty() && (predicate == "capex_growth" || predicate == "ai_processor_budget")) {
    e->claim.when = plans_.YearOfUndated(e->claim.subject.value, sentence_);
  }
  // Growth is of the plan's year, the later of the two it compares ("next year ..., from EUR 1.1bn this year,
  // implying growth of 27%"); in a later sentence with a time of its own it keeps it ("Its capex will grow by 15% next year").
  if (predicate == "capex_growth" && plan.sentence == sentence_ && e->claim.when < plan.when) e->claim.when = plan.when;
  if (predicate != "plans_capex" || e->claim.when >= plan.when) return;
  // A rule's plan that is the figure the plan is compared with ("from EUR 1.1bn this year"): read as the frames read it.
  for (size_t i = 0; i < s.tags.size(); ++i) {
    if (s.tags[i].type != "MONEY" || FigureKey(TermOf(s.tags[i])) != FigureKey(e->claim.object)) continue;
    Figure figure{s.tags[i], s.tags[i].start, static_cast<int>(i)};
    if (ComparedWith(s, figure, sentence)) e->claim.predicate = BaselinePredicate(figure, sentence, e->claim.when);
    return;
  }
}

void FrameReader::AddBareAmounts(const TaggedSentence& s, const std::string& plan_currency, std::vector<Figure>* figures) const {
  std::string currency = plan_currency;
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (tag.type == "MONEY" && ConvertedAmount(lang_, s, i) < 0) currency = tag.quantity.unit;
    if (!IsBareScaledAmount(tag)) continue;
    size_t start = tag.start > kComparedReach ? tag.start - kComparedReach : 0;
    std::string before = s.view.text.substr(start, tag.start - start);
    bool compared = HasIn(before, "compared") || HasIn(before, "baseline");
    // "Di questa cifra, 30 milioni saranno destinati ...": a part of the plan.
    bool part = HasIn(s.view.text.substr(0, tag.start), "part_of");
    if (!compared && !part && !AmountEndsAtPunctuationOrSpending(s, tag)) continue;
    Figure figure{tag, tag.start, static_cast<int>(i)};
    GiveCurrency(currency, &figure.tag);
    figure.bare = compared;
    figure.currency_given = true;
    figures->push_back(figure);
  }
}

bool FrameReader::AmountEndsAtPunctuationOrSpending(const TaggedSentence& s, const Tag& tag) const {
  size_t pos = SkipSpaces(s.view.text, tag.end);
  if (pos >= s.view.text.size() || !IsWordCharAt(s.view.text, pos)) return true;
  // "180 milioni di investimenti", or a spending participle right after it ("i 2,35 miliardi investiti l'anno scorso").
  size_t next = pos;
  if (lang_.unit_links.Match(s.view, pos, &next) == nullptr) next = pos;
  auto spend = lang_.frames.cues.find("spend");
  if (spend == lang_.frames.cues.end()) return false;
  std::string rest = s.view.text.substr(SkipSpaces(s.view.text, next));
  return std::any_of(spend->second.begin(), spend->second.end(), [&rest](const std::string& word) { return FindWord(rest, word) == 0; });
}

bool FrameReader::ComparedWith(const TaggedSentence& s, const Figure& figure, const Clause& clause) const {
  if (Compared(clause, figure.at) || HasIn(TextBefore(clause, figure.at), "baseline")) return true;
  // The second of a list of compared figures: "compares with A$610m in 2025 and A$400m in 2024".
  if (figure.index < 2) return false;
  size_t i = static_cast<size_t>(figure.index);
  const Tag& time = s.tags[i - 1];
  const Tag& earlier = s.tags[i - 2];
  if (time.type != "TIME" || earlier.type != "MONEY" || !clause.Holds(earlier) || !Compared(clause, earlier.start)) return false;
  size_t pos = time.end;
  while (pos < figure.at && (s.view.text[pos] == ' ' || s.view.text[pos] == ',')) ++pos;
  size_t next = pos;
  if (pos < figure.at) lang_.coordinators.Match(s.view, pos, &next);
  return SkipSpaces(s.view.text, next) == figure.at;
}

std::string FrameReader::BaselinePredicate(const Figure& figure, const Clause& clause, const std::string& when) const {
  int year = YearOf(when);
  // This year's figure compared with is spent ("it expects to have spent by the end of this year"),
  // unless a plan word stands between the comparison and it ("up from a planned 124 billion yen in 2026";
  // not "this year it will land at").
  std::string before = TextBefore(clause, figure.at);
  size_t start = ComparisonWordEnd(before);
  // A participle of planning as the word right after the figure plans it too ("contro i 4,1 miliardi
  // previsti per quest'anno"; not "the €1.1 billion it expects to have spent").
  bool plan_after = HasIn(WordAfter(clause, figure), "plan");
  bool planned = year > published_.year || (year == published_.year && (HasIn(before.substr(start), "plan") || plan_after));
  return planned ? "plans_capex" : "capex";
}

size_t FrameReader::ComparisonWordEnd(const std::string& text) const {
  size_t end = 0;
  for (const char* cue_class : {"compared", "baseline"}) {
    auto it = lang_.frames.cues.find(cue_class);
    if (it == lang_.frames.cues.end()) continue;
    for (const auto& word : it->second) {
      for (size_t at : FindWords(text, word)) end = std::max(end, at + word.size());
    }
  }
  return end;
}

std::string FrameReader::OwnTime(const TaggedSentence& s, const Figure& figure, const Clause& clause) const {
  const Tag* after = nullptr;
  const Tag* before = nullptr;
  for (const auto& tag : s.tags) {
    if (tag.type != "TIME" || !clause.Holds(tag)) continue;
    if (tag.start >= figure.at && after == nullptr) after = &tag;
    if (tag.start < figure.at) before = &tag;
  }
  const Tag* own = after != nullptr ? after : before;
  return own == nullptr ? "" : TimeAtGrain(own->id, WhenGrain::kYear);
}

const Extracted* FrameReader::StatementComparedWith(const TaggedSentence& s, size_t i, bool after,
                                                   const std::vector<Extracted>& found, const Tag** figure) const {
  // The nearest figure on the comparison's side of the amount is the one it is compared with, stated or not.
  for (size_t k = i; after ? ++k < s.tags.size() : k-- > 0;) {
    const Tag& tag = s.tags[k];
    if (tag.type == "PERCENT" || (!IsFigure(tag) && !IsBareScaledAmount(tag))) continue;
    for (const auto& e : found) {
      if (IsComparable(e) && FigureKey(e.claim.object) == FigureKey(TermOf(tag))) {
        *figure = &tag;
        return &e;
      }
    }
    return nullptr;
  }
  return nullptr;
}

std::pair<size_t, size_t> FrameReader::MarkerAfter(const TaggedSentence& s, const Tag& tag) const {
  auto markers = lang_.frames.cues.find("compared_after");
  if (markers == lang_.frames.cues.end()) return {std::string::npos, std::string::npos};
  size_t from = SkipSpaces(s.view.text, tag.end);
  for (const auto& marker : markers->second) {
    if (s.view.text.compare(from, marker.size(), marker) == 0) return {from, from + marker.size()};
  }
  return {std::string::npos, std::string::npos};
}

std::optional<Extracted> FrameReader::ReadComparedCounterpart(const TaggedSentence& s, const ClauseCuts& cuts, size_t i,
                                                              const std::vector<Extracted>& found,
                                                              const DocumentContext& context) const {
  Figure figure{s.tags[i], s.tags[i].start, static_cast<int>(i)};
  // The comparison word right before the amount ("against roughly 6 billion"), or its postposition right
  // after it ("पिछले साल के 12,500 करोड़ रुपये के मुकाबले"), the figure compared with on the other side.
  Clause sentence = ClauseAround(s, ClauseCuts(), 0, s.view.text.size());
  auto [marker, marker_end] = MarkerAfter(s, figure.tag);
  bool before = Compared(sentence, figure.at);
  if ((!before && marker == std::string::npos) || ForecastByAnalyst(lang_, s, i)) return std::nullopt;
  const Tag* with_figure = nullptr;
  const Extracted* with = StatementComparedWith(s, i, !before, found, &with_figure);
  // Only a figure of the company the page is about is read twice: of a name the sentence mentions in
  // passing ("a model developed with researchers at KTH"), a subject misread would be doubled.
  if (with == nullptr || (with->claim.subject.value != context.topic && with->claim.subject.value != context.Antecedent())) {
    return std::nullopt;
  }
  if (IsBareScaledAmount(figure.tag)) {
    figure.tag.quantity.kind = with_figure->quantity.kind;
    figure.tag.quantity.unit = with_figure->quantity.unit;
    figure.tag.type = with_figure->type;
  }
  if (figure.tag.type != with_figure->type || figure.tag.quantity.unit != with_figure->quantity.unit) return std::nullopt;
  // Its own time: right after it in its clause ("6 billion a day in January", "i 45 miliardi di gennaio"),
  // before it with a postposition ("पिछले साल के 12,500 करोड़"); no figure between.
  Clause clause = ClauseAround(s, cuts, figure.at, figure.tag.end);
  const Tag* time = nullptr;
  for (size_t k = i; before ? ++k < s.tags.size() : k-- > 0;) {
    const Tag& tag = s.tags[k];
    if (!clause.Holds(tag) || IsFigure(tag) || IsBareScaledAmount(tag)) break;
    if (tag.type == "TIME") {
      time = &tag;
      break;
    }
  }
  const PredicateSpec* spec = data_.predicate(with->claim.predicate);
  if (time == nullptr || spec == nullptr || spec->grain == WhenGrain::kNone) return std::nullopt;
  // No party between the comparison and the amount's time: "against Orbis's 6 billion", "contro i 90 miliardi
  // di Orbis a marzo" are the rival's.
  std::string compared_text = TextBefore(sentence, figure.at);
  size_t party_from = before ? figure.at - compared_text.size() + ComparisonWordEnd(compared_text) : time->end;
  size_t party_to = before ? time->start : figure.at;
  for (const auto& tag : s.tags) {
    if ((IsCompany(tag) || IsAnaphor(tag)) && tag.start >= party_from && tag.end <= party_to) return std::nullopt;
  }
  // ... and a time other than the figure compared with, as fine as its: the same is no second figure of the
  // subject, and "up from 15 billion a year ago" gives no month.
  std::string when = TimeAtGrain(time->id, spec->grain);
  if (when == with->claim.when || when.size() < with->claim.when.size()) return std::nullopt;
  clause.Blank(marker, marker_end);  // the comparison's own postposition guards nothing
  if (Guarded(s, clause, figure)) return std::nullopt;
  std::string predicate = with->claim.predicate == "daily_tokens" ? "daily_tokens" : BaselinePredicate(figure, clause, when);
  return FrameStatement(lang_.code, predicate, with->claim.subject.value, when, figure.tag);
}

void FrameReader::AddComparedCounterparts(const TaggedSentence& s, const DocumentContext& context,
                                          std::vector<Extracted>* found) const {
  std::vector<Extracted> counterparts;
  std::optional<ClauseCuts> cuts;
  if (std::none_of(found->begin(), found->end(), IsComparable)) return;
  std::set<std::string> stated;
  for (const auto& e : *found) {
    if (e.claim.object.kind == TermKind::kQuantity) stated.insert(FigureKey(e.claim.object));
  }
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (tag.type != "TOKENS" && tag.type != "MONEY" && !IsBareScaledAmount(tag)) continue;
    if (stated.count(FigureKey(TermOf(tag)))) continue;
    if (!cuts) cuts = FindClauseCuts(lang_.frames, s.view.text);
    if (auto e = ReadComparedCounterpart(s, *cuts, i, *found, context)) counterparts.push_back(std::move(*e));
  }
  found->insert(found->end(), std::make_move_iterator(counterparts.begin()), std::make_move_iterator(counterparts.end()));
}

std::optional<Extracted> FrameReader::ReadAroundCapexPlan(const TaggedSentence& s, const Figure& figure,
                                                          const Clause& clause) const {
  const CapexPlan* plan = ActiveCapexPlan();
  if (plan == nullptr || figure.index < 0) return std::nullopt;
  // A figure of another company in the clause is no part of the plan ("the $2bn Halvard has earmarked").
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (clause.Holds(tag) && IsCompany(tag) && tag.id != plan->subject && MayBeAgent(s, clause, i)) return std::nullopt;
  }
  std::string predicate, when;
  // A growth of the plan, tied to it by a spending word or a phrase that computes it ("implying growth of 12%"),
  // not the growth of whatever the next sentence is about ("Data traffic is up 30%").
  bool tied = Spends(clause) || Has(clause, "spend_verb") || Has(clause, "growth_tie");
  if (figure.tag.type == "PERCENT" && Has(clause, "growth") && tied) {
    predicate = "capex_growth";
    // The sentence's own later year when it names one after the publication's ("Per il 2027 sono previsti
    // 300 milioni, oltre il 40% in più"), else the plan's ("... this year, implying growth of roughly 12%").
    when = WhenOf(s, predicate, figure, clause);
    if (YearOf(when) <= published_.year) when = plan->when;
  } else if (figure.tag.type == "MONEY" && ComparedWith(s, figure, clause)) {
    when = OwnTime(s, figure, clause);
    int year = YearOf(when);
    if (when.empty() || year >= YearOf(plan->when)) return std::nullopt;
    predicate = BaselinePredicate(figure, clause, when);
  } else if (OfAnotherYearOfPlan(figure, clause) && PredicateOf(s, figure, clause).empty()) {
    // Another year's figure of the plan, its currency and what it buys left to the plan ("Per il 2027 sono previsti 300 milioni").
    when = WhenOf(s, "plans_capex", figure, clause);
    if (when.empty() || when == plan->when) return std::nullopt;
    predicate = PlannedOrSpent(clause, when);
    if (predicate.empty()) return std::nullopt;
  } else if (figure.tag.type == "MONEY" && FirstAfter(clause, "processor", figure.at) != std::string::npos &&
             (Has(clause, "part_of") || Has(clause, "allocate")) && OwnTime(s, figure, clause).empty() &&
             !plans_.Restates(plan->subject, figure.tag)) {
    predicate = "ai_processor_budget";
    when = plans_.YearOfUndated(plan->subject, sentence_);
  } else {
    return std::nullopt;
  }
  if (Guarded(s, clause, figure)) return std::nullopt;
  return FrameStatement(lang_.code, predicate, plan->subject, when, figure.tag);
}

bool FrameReader::OfAnotherYearOfPlan(const Figure& figure, const Clause& clause) const {
  // An amount the plan gave its currency, told as planned or spent; or any amount called the target or
  // guidance ("For 2026 it kept its target of GBP 750m"): beside a plan, a target is the plan's too.
  return (figure.currency_given && (Has(clause, "plan") || Has(clause, "past"))) || Has(clause, "target");
}

size_t FrameReader::RestatedAfterDash(const TaggedSentence& s, const Clause& clause) const {
  const std::string& text = s.view.text;
  size_t pos = SkipSpaces(text, clause.to);
  bool dash = false;
  for (const std::string mark : {"-", "–", "—"}) {
    if (text.compare(pos, mark.size(), mark) == 0) {
      pos = SkipSpaces(text, pos + mark.size());
      dash = true;
      break;
    }
  }
  if (!dash) return std::string::npos;
  for (const auto& opener : lang_.frames.figure_anaphors) {
    if (text.compare(pos, opener.size(), opener) == 0) return pos + opener.size();
  }
  return std::string::npos;
}

void FrameReader::KeepOrderNamed(const TaggedSentence& s) {
  if (last_order_product_.empty() || sentence_ - last_order_sentence_ != kOrderReach) return;
  bool named = std::any_of(s.tags.begin(), s.tags.end(), [&](const Tag& tag) {
    return tag.id == last_order_product_ && (tag.type == "COUNT" || IsEntityType(tag.type));
  });
  // "... 4.096 GPU B300 ... Il prezzo? Circa 52.000 dollari a scheda": a question of no figure and no product of its
  // own asks about the order.
  bool asks = EndsWithQuestion(s.view.text) && std::none_of(s.tags.begin(), s.tags.end(), [](const Tag& tag) {
                return IsFigure(tag) || IsProductType(tag.type);
              });
  if (named || asks) last_order_sentence_ = sentence_;
}

}  // namespace kg::ingest
