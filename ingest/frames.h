// Clause frames: a second reading of the figures no relation rule stated.
// Journalists put the subject, the cue, the figure and its time of a
// capital-spending, budget, bond, order, price or token figure in any order
// and far apart ("About EUR 700 million will be invested by Kestrel in
// 2026", "A$2.4 billion. That is what NEXTDC expects to pour into ..."); a
// regular expression per phrasing does not generalise. A frame takes the
// clause around a figure (the sentence cut at the language's boundaries),
// the cue words of each predicate in it, its time and its agent, all as
// data (ingest/data/<lang>/frames.tsv), and states the figure when the cues
// say which predicate it is and no guard word (revenue, shares, analysts,
// negation...) is in the clause. Figures a rule read are left alone, so
// what the rules read is unchanged.
#ifndef KG_INGEST_FRAMES_H_
#define KG_INGEST_FRAMES_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ingest/clauses.h"
#include "ingest/relations.h"
#include "ingest/rule_data.h"
#include "ingest/tagger.h"
#include "ingest/timex.h"

namespace kg::ingest {

// A frame's mention names it as its rule: "frame.en.plans_capex".
inline constexpr const char* kFrameRulePrefix = "frame.";
inline bool IsFrameRule(const std::string& rule) { return rule.rfind(kFrameRulePrefix, 0) == 0; }

// A plan of capital spending a document stated (plans_capex with a year).
struct CapexPlan {
  std::string subject, when, unit, figure;  // unit: the plan's currency; figure: its amount's key (frames.cpp FigureKey)
  size_t sentence = 0;                      // where it was stated, or (the context) read on to
};

// The capital-spending plans of one document, for the figures around them with no time, subject or
// currency of their own ("Capex context", docs/ingest.md). One record per plan, looked up two ways:
// - the context: the latest plan, read by the figures of its sentence and the next one. Of two years of one
//   company's plan stated close together it keeps the later: the earlier is the figure compared with.
// - each company's last plan, for the whole page: a chip budget stated sentences later with no year is a
//   share of it ("कुल योजना में से 6,200 करोड़ ..."), and the plan's own figure restated is none ("Di questi 180 milioni").
class CapexPlans {
 public:
  // Notes the plans among `statements` of sentence `sentence`.
  void Note(const std::vector<Extracted>& statements, size_t sentence);
  // The context when sentence `sentence` is within its reach, else nullptr.
  const CapexPlan* Context(size_t sentence) const;
  // Lets the context read on past `sentence`, a sentence of its cluster; only when Context(sentence) is one.
  void CarryContext(size_t sentence) { context_->sentence = sentence; }
  // A context of sentence `sentence` read from a conversion in brackets ("... 4,2 miliardi di euro nel 2027
  // (circa 4,9 miliardi di dollari)", its subject misread or its first amount stated by a rule of another
  // subject) lends the bare amounts after it the page's currency, `converted`'s, not `conversion`'s.
  void PriceAsConverted(size_t sentence, const std::string& conversion, const std::string& converted);
  // Whether `figure` is the amount of `company`'s last plan restated ("इन 6,000 करोड़ रुपये में से 2,400 करोड़").
  bool Restates(const std::string& company, const Tag& figure) const;
  // The year of the plan that a figure of `company`'s capital spending with no time of its own (a growth, a
  // share for AI processors: "Of that sum, EUR 30m will go to GPUs") is of: the context's when it is the
  // company's (the plan being told), else the company's last; "" when the company stated none.
  std::string YearOfUndated(const std::string& company, size_t sentence) const;

 private:
  std::map<std::string, CapexPlan> last_;  // company -> its last plan
  std::optional<CapexPlan> context_;
};

// Reads the frames of one document's sentences, in order: it remembers what
// a later sentence may refer to (a sentence that is a figure alone, the
// product of the last order).
class FrameReader {
 public:
  FrameReader(const Language& lang, const RuleData& data, const RefDate& published)
      : lang_(lang), data_(data), published_(published) {}

  // Adds the statements of the frames of sentence `s` to `found`, the rules' statements of that
  // sentence (whose figures the frames leave alone), then dates them by the plan around them.
  void Read(const TaggedSentence& s, std::vector<Extracted>* found, const DocumentContext& context);

 private:
  static constexpr size_t kComparedReach = 25;  // bytes before a figure (frames.cpp)
  struct Clause;
  struct Figure;
  // Is another amount of money between the figure and view position `pos` (whose purpose is then the nearer amount's)?
  static bool OtherMoneyBefore(const TaggedSentence& s, const Figure& figure, size_t pos);

  std::optional<Extracted> ReadFigure(const TaggedSentence& s, const Figure& figure, const Clause& clause,
                                      const DocumentContext& context, const std::string& sentence_subject,
                                      bool about_other) const;
  // A guard word or an outsider ("government") in the clause, a sentence guard ("cancelled") in the
  // sentence, or a negation over the figure's clause (clauses.h, as for the rules).
  bool Guarded(const TaggedSentence& s, const Clause& clause, const Figure& figure) const;
  // `text` with its `guard_counter` phrases blanked ("told analysts": the analysts are the audience).
  std::string WithoutGuardCounters(std::string text) const;
  // Outside a quotation, a guard word that is not its audience ("said an analyst", not "told analysts").
  bool SpeakerGuarded(const TaggedSentence& s, const Clause& quote) const;
  // plans_capex or capex for a figure of capital spending dated `when`, by the year and the tense ("" when neither).
  std::string PlannedOrSpent(const Clause& clause, const std::string& when) const;
  std::string PredicateOf(const TaggedSentence& s, const Figure& figure, const Clause& clause) const;
  // Where the clause's `unit` cues stand (view positions), also inside a product mention read
  // from a count noun ("ciascuna").
  std::vector<size_t> UnitCues(const TaggedSentence& s, const Clause& clause) const;
  // A unit cue in the clause, and no other amount in the same currency nearer to one.
  // Whether an `each` word of the clause before the figure names something other than a product ("Each employee would get
  // $4,500", "Ciascun dipendente riceverà"): a word after it that is no mention, count noun, unit link
  // ("each of the chips"), function word ("$24,000 each for ...") or `price_verb` ("Each costs about $47,000").
  bool EachOfSomethingElse(const TaggedSentence& s, const Clause& clause, size_t figure_at) const;
  bool PricesOne(const TaggedSentence& s, const Figure& figure, const Clause& clause) const;
  // Is `gap`, the words between a `not_agent` word and a name, nothing or a description opening
  // with a stopword ("from the American chipmaker AMD")?
  bool DescribesTheName(std::string_view gap) const;
  // Whether tags[i] may be the clause's agent: marked so ("की ओर से"), else no supplier, no
  // maker of a counted product and not right after a `not_agent` word ("from AMD") or its description.
  bool MayBeAgent(const TaggedSentence& s, const Clause& clause, size_t i) const;
  // Is tags[i] right after a `not_agent` word of its clause ("from AMD", "con AMD": a supplier)?
  bool AfterNotAgent(const TaggedSentence& s, const Clause& clause, size_t i) const;
  bool InRelativeClause(const TaggedSentence& s, const Tag& tag) const;
  // The subject of the figure at view position `figure_at`: the clause's agent, else (`may_fall_back`) the antecedent.
  std::string SubjectOf(const TaggedSentence& s, const std::string& predicate, const Clause& clause, size_t figure_at,
                        const DocumentContext& context, const std::string& sentence_subject, bool may_fall_back) const;
  std::string WhenOf(const TaggedSentence& s, const std::string& predicate, const Figure& figure,
                     const Clause& clause) const;
  // The time of the figure's own row: a time of its clause right before it, joined to it by nothing
  // or a `row_time` word ("इस साल 900 करोड़ और अगले साल 1,600 करोड़"); nullptr when none (or no such class).
  const Tag* RowTime(const TaggedSentence& s, const Figure& figure, const Clause& clause) const;
  // The clause of the view positions [from, to), cut at boundaries, asides and tags blanked.
  Clause ClauseAround(const TaggedSentence& s, const ClauseCuts& cuts, size_t from, size_t to) const;
  // The aside of `clause` that holds view position `pos`, as a clause of its own
  // ("..., which were priced at $31,000 apiece").
  Clause AsideAround(const TaggedSentence& s, const Clause& clause, size_t pos) const;
  // The figure that opens a sentence right after a figure question ("How much will X spend next year? About
  // EUR 2bn.", one word before it at most: "Just under EUR 2bn."), read in the question's clause where its
  // question word stands; it joins `stated`.
  std::optional<Extracted> ReadAnswer(const TaggedSentence& s, const DocumentContext& context, std::set<std::string>* stated);
  // Keeps `s` as the question the next sentence may answer: it ends with "?", asks a `figure_question`
  // ("how much", "quanto", "कितना") and states no figure.
  void NoteQuestion(const TaggedSentence& s);
  // The figure a sentence is made of alone, a noun phrase with no verb ("A$2.4 billion.", "Eight thousand Nvidia
  // B300 accelerators.", "Ottomila acceleratori Nvidia B300."): the next sentence may say what it is.
  std::optional<Tag> LoneFigure(const TaggedSentence& s) const;
  // Whether a `maker_link` ("made by", "di") starts at view position `pos`; `*end` is set after it.
  bool MakerLinkAt(const std::string& text, size_t pos, size_t* end) const;
  // Is tags[i] the maker named right after a counted product ("800 chip H200 di Nvidia", "made by")?
  bool MakerOfCount(const TaggedSentence& s, size_t i) const;
  // Whether a word of `cue_class` occurs in `text` (blanked view text).
  bool HasIn(const std::string& text, const std::string& cue_class) const;
  bool Has(const Clause& clause, const std::string& cue_class) const;
  // Where the first word of `cue_class` after view position `pos` starts in the clause text, or npos.
  size_t FirstAfter(const Clause& clause, const std::string& cue_class, size_t pos) const;
  // The clause text of the `reach` bytes before view position `pos`.
  std::string TextBefore(const Clause& clause, size_t pos, size_t reach = kComparedReach) const;
  // Whether a comparison word stands right before view position `pos` (the compared figure or year).
  bool Compared(const Clause& clause, size_t pos, size_t reach = kComparedReach) const;
  // Where a figure is restated after the dash that ends its clause ("25,000 करोड़ रुपये — इतनी रकम जियो ...
  // लगाने की तैयारी में है"): the position after the `figure_anaphor`, or npos.
  size_t RestatedAfterDash(const TaggedSentence& s, const Clause& clause) const;
  // A figure beside the plan that may be the plan's for another year (currency given by it, or a target).
  bool OfAnotherYearOfPlan(const Figure& figure, const Clause& clause) const;
  // Whether the clause names processors before the figure as what it buys, and no capital word: a
  // purpose marker after them and an allocate verb ("एआई चिप्स की खरीद के लिए 9,000 करोड़ रुपये अलग रखे
  // गए हैं": the verb-final order), or a `purchase` phrase right before them ("spending on AI chips will
  // total £180m", "To buy accelerators, X has set aside $800m", "Il budget per le GPU ... è di").
  bool PurposeBefore(const Figure& figure, const Clause& clause) const;
  // Where the first word of `cue_class` starts in `text`, or npos.
  size_t FindWordOf(const std::string& text, const std::string& cue_class) const;
  // Whether the company tag `i` is named with the processors it makes, right before or after their word
  // ("To purchase Nvidia chips, X will spend ...", "Per acquistare acceleratori Nvidia, X spenderà"): their maker, no agent.
  bool NamesProcessorMaker(const TaggedSentence& s, size_t i) const;
  // The word right after the figure in its clause ("previsti" in "i 4,1 miliardi previsti per quest'anno").
  std::string WordAfter(const Clause& clause, const Figure& figure) const;
  // Whether a `decrease` word stands right before a percentage or is the word after it ("cut by 18%", "a 20% cut").
  bool Decreases(const Clause& clause, const Figure& figure) const;
  // A capital-spending word, or a verb of spending with a capital object ("put EUR 1bn into data centres").
  bool Spends(const Clause& clause) const;
  // A sentence right after an order that names its product again ("How much does each one cost?")
  // keeps the order the one a price in the next sentence is of.
  void KeepOrderNamed(const TaggedSentence& s);

  // Dates the sentence's statements by the capital-spending plan around them ("Capex context",
  // docs/ingest.md): a growth or an AI-processor budget of the plan's subject without a time of its
  // own takes the plan's ("Of that sum, EUR 30m will go to GPUs"), a rule's plan that is the figure
  // compared with becomes capex, and a figure spent that a rule dated after the publication takes the
  // sentence's compared year ("rispetto all'anno scorso, quando aveva investito 2,3 miliardi").
  void DateByCapexPlan(const TaggedSentence& s, std::vector<Extracted>* found);
  // The part of DateByCapexPlan for a statement `e` of the plan's subject; `sentence` is the whole sentence as a clause.
  void DateByPlan(const TaggedSentence& s, const Clause& sentence, const CapexPlan& plan, Extracted* e) const;
  const CapexPlan* ActiveCapexPlan() const { return plans_.Context(sentence_); }
  // A figure of the active plan's cluster (capex at its own earlier time, capex_growth or
  // ai_processor_budget at the plan's time), or nothing: the usual frame reads it then.
  std::optional<Extracted> ReadAroundCapexPlan(const TaggedSentence& s, const Figure& figure, const Clause& clause) const;
  // Whether the figure is the one a comparison names ("contro i 62 milioni", "this year we'll land at").
  bool ComparedWith(const TaggedSentence& s, const Figure& figure, const Clause& clause) const;
  // capex, or plans_capex for a figure compared with that is planned ("a planned 124 billion yen"), of `when`.
  std::string BaselinePredicate(const Figure& figure, const Clause& clause, const std::string& when) const;
  // Where the last comparison or baseline word in `text` ends, 0 when none.
  size_t ComparisonWordEnd(const std::string& text) const;
  // The second figure of a comparison, of the kind of a figure stated before it in the sentence ("more than 40
  // billion tokens a day in August, against roughly 6 billion a day in January"): the same subject and
  // predicate family at its own time, a bare amount in the stated figure's unit. Not when a party stands
  // after the comparison word ("against Orbis's 6 billion": the rival's), nor without a time of its own;
  // only for a figure of the page's company (the topic or the antecedent).
  void AddComparedCounterparts(const TaggedSentence& s, const DocumentContext& context, std::vector<Extracted>* found) const;
  std::optional<Extracted> ReadComparedCounterpart(const TaggedSentence& s, const ClauseCuts& cuts, size_t i,
                                                   const std::vector<Extracted>& found, const DocumentContext& context) const;
  // The statement of `found` (daily_tokens, capex or plans_capex) whose figure is the nearest before tags[i]
  // (after it when `after`), `figure` set to that figure; nullptr when the nearest figure is no such statement's.
  const Extracted* StatementComparedWith(const TaggedSentence& s, size_t i, bool after, const std::vector<Extracted>& found,
                                         const Tag** figure) const;
  // Where a `compared_after` postposition right after `tag` stands ("के मुकाबले"), [start, end) or npos.
  std::pair<size_t, size_t> MarkerAfter(const TaggedSentence& s, const Tag& tag) const;
  // The time a compared figure is of: the nearest in its clause after it, else before it ("" when none).
  std::string OwnTime(const TaggedSentence& s, const Figure& figure, const Clause& clause) const;
  // Amounts with no currency of their own beside a plan, in the currency of the money before them in the
  // sentence, else of the plan's: right after a comparison or baseline word ("95 milioni di euro, contro i
  // circa 62 milioni", "si erano fermati a 190 milioni"; read only as the plan's cluster), after a part-of
  // word ("Di questa cifra, 30 milioni saranno destinati ..."), or followed by punctuation or "of" spending
  // ("Per il 2027 sono previsti 300 milioni, ...", "180 milioni di investimenti").
  void AddBareAmounts(const TaggedSentence& s, const std::string& plan_currency, std::vector<Figure>* figures) const;
  // Whether the bare amount `tag` is followed by punctuation, the sentence's end, or a spending word (after a unit link).
  bool AmountEndsAtPunctuationOrSpending(const TaggedSentence& s, const Tag& tag) const;

  const Language& lang_;
  const RuleData& data_;
  RefDate published_;
  size_t sentence_ = 0;
  std::optional<Tag> lone_figure_;  // the previous sentence's figure when that sentence was only it
  std::optional<TaggedSentence> question_;  // the previous sentence when it asked for a figure
  size_t question_at_ = 0;                  // where its question word stands
  // Names an antecedent may be (besides the gazetteer's): the subjects of the rules' statements
  // so far, and the companies the previous sentence names.
  std::set<std::string> rule_subjects_, previous_names_;
  std::map<std::string, size_t> sentences_naming_;  // company -> how many sentences so far name it
  CapexPlans plans_;
  std::string last_order_product_;
  size_t last_order_sentence_ = 0;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_FRAMES_H_
