// Clauses of a sentence and the scope of a negation, shared by the relation
// rules (relations.cpp) and the clause frames (frames.cpp): both ask the
// same question of each statement they make, "is it denied or negated?", with
// the same lexicon (`negation`, `negation_after_object`, `negation_counter`,
// `denial`; docs/ingest.md "Negation"). Conditionals ("could", "potrebbe",
// "सकता है") stop no claim here: a company's own "could reach" is a claim.
#ifndef KG_INGEST_CLAUSES_H_
#define KG_INGEST_CLAUSES_H_

#include <string>
#include <utility>
#include <vector>

#include "ingest/frame_data.h"
#include "ingest/rule_data.h"
#include "ingest/tagger.h"

namespace kg::ingest {

// Where `phrase` next occurs in `text` at or after `from` as whole words ("*" at its end: as a
// word's start), or npos.
size_t FindWord(const std::string& text, const std::string& phrase, size_t from = 0);
std::vector<size_t> FindWords(const std::string& text, const std::string& phrase);

// The quoted spans of a sentence, [opening quote, closing quote). Straight quotes (curly ones are folded to
// them) are told apart by their side: an opening one starts a word ("\"We will"), a closing one ends one
// ("it,\" says"); a closing one with no opening in the sentence ends a quote of the sentences before
// ("\" says Priya Rao, ..., when we meet": the journalist's "we"), and an unclosed one runs on past it:
// no spans then.
std::vector<std::pair<size_t, size_t>> QuotedSpans(const std::string& text);

// Where a sentence's clause boundaries, asides (", which ... ,") and quotations are, in view positions [start, end).
struct ClauseCuts {
  std::vector<std::pair<size_t, size_t>> boundaries, asides, quotes;
};
ClauseCuts FindClauseCuts(const FrameLexicon& frames, const std::string& text);

// A statement of a sentence, in view positions: the span from its subject to its object (or the
// object's clause when no subject is named in it), and where the object stands.
struct StatementSpan {
  size_t from = 0, to = 0;
  size_t object_start = 0, object_end = 0;
  // A figure's statement has its verb after it in a verb-final language ("... चिप नहीं ख़रीदे"); a
  // relation between names is often a noun phrase ("नोएडा मुख्यालय वाली कंपनी के सीईओ ने ... नहीं
  // चाहते"), whose clause's later negation negates another verb.
  bool object_is_figure = false;
};

// A span set off inside a sentence that names a company other than the subject of the clause around it:
// after a company's name, a parenthesis, a pair of dashes, or commas around a clause that opens with a
// `relative_word`, a `description_opener` or an `aside_opener` ("Tucanet, in which Grupo Jacaranda holds
// 58%, plans ...", "X (controllata dal fondo Y) prevede ...", "X — backed by Y — will spend"); or the
// sentence's first clause up to its comma when it holds an `aside_opener` ("Unlike its rival Orbis, the
// company plans ...", "ओर्बिस के विपरीत, कंपनी ..."), whose head is then none.
struct SubjectAside {
  size_t from = 0, to = 0;  // view positions
  int head = -1;            // the tag of the company it describes, -1 for an opening clause
};
std::vector<SubjectAside> SubjectAsides(const Language& lang, const TaggedSentence& s);

// The subject of a statement whose subject is tags[subject] and whose object starts at view position
// `object_start`: tags[subject] itself, unless it sits in a subject aside the object is after; then
// the aside's head, or after an opening clause the first company or anaphor between it and the
// object. -1 when there is none.
int SubjectOutsideAsides(const std::vector<SubjectAside>& asides, const TaggedSentence& s, size_t subject,
                         size_t object_start);

// Is the company at view position `pos` in a subject aside that `object_start` is after?
bool InSubjectAside(const std::vector<SubjectAside>& asides, size_t pos, size_t object_start);

// Is the statement denied (a `denial` anywhere in the sentence: "officials dismissed reports
// that ..."), negated (a `negation` in its span, or, for a figure, a `negation_after_object`
// between its end and its clause's end: "... चिप नहीं ख़रीदे")? Only the
// object's clause counts, a negation in an aside the object is not in does not ("X, which did not
// comment, plans ..."), nor one inside a `negation_counter` ("not only", "no later than", "नहीं तो").
bool UnderNegation(const Language& lang, const TaggedSentence& s, const StatementSpan& statement);

// Whether `text` holds any negation or denial word at all: most sentences do not, and a caller
// with many statements of one sentence asks this once (UnderNegation asks it too).
bool MayBeNegated(const Language& lang, const std::string& text);

// Language::negation_words of `lang`'s denials and negations.
CueIndex NegationWords(const Language& lang);

}  // namespace kg::ingest

#endif  // KG_INGEST_CLAUSES_H_
