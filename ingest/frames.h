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

// Reads the frames of one document's sentences, in order: it remembers what
// a later sentence may refer to (a sentence that is a figure alone, the
// product of the last order).
class FrameReader {
 public:
  FrameReader(const Language& lang, const RuleData& data, const RefDate& published)
      : lang_(lang), data_(data), published_(published) {}

  // The statements the frames of sentence `s` add to `found`, the rules'
  // statements of that sentence (whose figures the frames leave alone).
  std::vector<Extracted> Read(const TaggedSentence& s, const std::vector<Extracted>& found,
                              const DocumentContext& context);

 private:
  static constexpr size_t kComparedReach = 25;  // bytes before a figure (frames.cpp)
  struct Clause;
  struct Figure;

  std::optional<Extracted> ReadFigure(const TaggedSentence& s, const Figure& figure, const Clause& clause,
                                      const DocumentContext& context, const std::string& sentence_subject,
                                      bool about_other) const;
  // A guard word or an outsider ("government") in the clause, a sentence guard ("cancelled") in the
  // sentence, or a negation over the figure's clause (clauses.h, as for the rules).
  bool Guarded(const TaggedSentence& s, const Clause& clause, const Figure& figure) const;
  // plans_capex or capex for a figure of capital spending dated `when`, by the year and the tense ("" when neither).
  std::string PlannedOrSpent(const Clause& clause, const std::string& when) const;
  std::string PredicateOf(const Figure& figure, const Clause& clause) const;
  // Is `gap`, the words between a `not_agent` word and a name, nothing or a description opening
  // with a stopword ("from the American chipmaker AMD")?
  bool DescribesTheName(std::string_view gap) const;
  // Whether tags[i] may be the clause's agent: marked so ("की ओर से"), else no supplier, no
  // maker of a counted product and not right after a `not_agent` word ("from AMD") or its description.
  bool MayBeAgent(const TaggedSentence& s, const Clause& clause, size_t i) const;
  std::string SubjectOf(const TaggedSentence& s, const std::string& predicate, const Clause& clause,
                        const DocumentContext& context, const std::string& sentence_subject, bool may_fall_back) const;
  std::string WhenOf(const TaggedSentence& s, const std::string& predicate, const Figure& figure,
                     const Clause& clause) const;
  // The clause of the view positions [from, to), cut at boundaries, asides and tags blanked.
  Clause ClauseAround(const TaggedSentence& s, const ClauseCuts& cuts, size_t from, size_t to) const;
  // The aside of `clause` that holds view position `pos`, as a clause of its own
  // ("..., which were priced at $31,000 apiece").
  Clause AsideAround(const TaggedSentence& s, const Clause& clause, size_t pos) const;
  // Is tags[i] the maker named right after a counted product ("800 chip H200 di Nvidia", "made by")?
  bool MakerOfCount(const TaggedSentence& s, size_t i) const;
  // Whether a word of `cue_class` occurs in `text` (blanked view text).
  bool HasIn(const std::string& text, const std::string& cue_class) const;
  bool Has(const Clause& clause, const std::string& cue_class) const;
  // Where the first word of `cue_class` after view position `pos` starts in the clause text, or npos.
  size_t FirstAfter(const Clause& clause, const std::string& cue_class, size_t pos) const;
  // Whether a comparison word stands right before view position `pos` (the compared figure or year).
  bool Compared(const Clause& clause, size_t pos, size_t reach = kComparedReach) const;
  // A capital-spending word, or a verb of spending with a capital object ("put EUR 1bn into data centres").
  bool Spends(const Clause& clause) const;
  void Remember(const std::vector<Extracted>& statements);

  const Language& lang_;
  const RuleData& data_;
  RefDate published_;
  size_t sentence_ = 0;
  std::optional<Tag> lone_figure_;  // the previous sentence's figure when that sentence was only it
  // Names an antecedent may be (besides the gazetteer's): the subjects of the rules' statements
  // so far, and the companies the previous sentence names.
  std::set<std::string> rule_subjects_, previous_names_;
  std::map<std::string, size_t> sentences_naming_;  // company -> how many sentences so far name it
  std::string last_order_product_;
  size_t last_order_sentence_ = 0;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_FRAMES_H_
