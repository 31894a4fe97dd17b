// Which organisation an anaphor ("the group", "l'operatore", "इस कंपनी") or
// a statement without a subject ("Of that sum, EUR 1.2bn will go to
// processors") points to: the one the previous sentences were about, which
// need not be the document's main organisation ("... Elisa said it would
// spend EUR 300m. The telecom group has ordered 2,000 H200 chips").
#ifndef KG_INGEST_SALIENCE_H_
#define KG_INGEST_SALIENCE_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/relations.h"
#include "ingest/tagger.h"

namespace kg::ingest {

class Salience {
 public:
  // `products`: the page's names written as products (NamesWrittenAsProducts), never what a sentence is about.
  Salience(const Language& lang, std::set<std::string> products) : lang_(lang), products_(std::move(products)) {}

  // What the anaphors of sentence `s` point to ("": the document's topic):
  // the current company, while it is recent, unless the sentence names it,
  // which makes its anaphor someone else ("La società che fa capo a Iliad"),
  // or names the `topic` before an anaphor, which then means it ("The day
  // belonged to IREN, ... after the Sydney-headquartered company said").
  std::string For(const TaggedSentence& s, const std::string& topic) const;

  // Where a sentence stands on the page: an interviewer's question, and
  // whether the next sentence continues its paragraph.
  struct Place {
    bool asked = false;
    bool paragraph_goes_on = false;
  };

  // Reads a sentence and its statements: a sentence whose figures are all
  // stated of one company it names ("Elisa said it would spend EUR 300m"),
  // whose anaphors all pointed to one, or that has no statements and a
  // company as its subject ("Over in Oslo, Kallio has opened ..."), is about
  // that company; one that starts with the document's `topic` brings it
  // back, and so does a question (its answer is the interviewee's company).
  // A sentence that names no company and continues its paragraph keeps the
  // current one ("Kallio will invest $300m. Most of it goes on Nvidia
  // hardware. The company has ordered ..."); any other sentence ages it.
  // `context`: the page's company (topic) and what the sentence's anaphors pointed to. Keeps a reference
  // to `s` until the next call.
  void Observe(const TaggedSentence& s, const std::vector<Extracted>& found, const DocumentContext& context, Place place);

  // The company of the last sentence that was about one ("" before any).
  const std::string& Current() const { return current_; }

  // An anaphor whose head is a `role_noun` is the company of that role among those just named (in `s`
  // before it, then in the sentence before, nearest first): "the unit", "la controllata" the one the page
  // writes as owned ("Vantis Cloud, the cloud subsidiary ..."), "the group", "il gruppo", "समूह" the owner
  // of one of them (its `owns` statements so far). Such a tag becomes that company's when it is not the
  // `antecedent` already; a unit word that finds no unit, or that describes the name right before it
  // ("Core42, the unit of G42"), is no anaphor and goes back to being words. True when it changed a tag.
  bool ResolveRoles(const std::string& antecedent, TaggedSentence* s) const;

  // The company a possessive of `s` points to when the sentence names none before it and has no other
  // anaphor, and the sentence before did not name the `antecedent` (by name or anaphor): that sentence's
  // subject, else the last company it names, even as an object ("Nobody outside Brno had heard of Vltava
  // Labs. This month its model Rusalka ..."); "" otherwise (the antecedent, as before).
  std::string PossessiveOwner(const TaggedSentence& s, const std::string& antecedent) const;

  // The company of a first person (a `ref` whose `role_noun` value is `speaker`: "we", "investiremo") in
  // a sentence that names no company, when the sentence before named a person with a role and one company
  // ("Anna Berg, chief executive of Kallio Networks, ... \"We will spend ...\""; not an analyst's firm):
  // that company; "" otherwise.
  std::string SpeakerCompany(const TaggedSentence& s) const;

 private:
  // A company a sentence names, and whether the page writes it as someone's unit.
  struct Named {
    std::string id;
    bool owned = false;
  };
  // The companies the sentence before named, and those its anaphors pointed to, in order.
  std::vector<Named> NamedBefore() const;
  // The last of `named` (nearest last) of `role`: `owned`, a unit; `owner`, the owner of one of them.
  std::string OfRole(const std::string& role, const std::vector<Named>& named) const;

  const Language& lang_;
  const std::set<std::string> products_;
  std::string current_;
  size_t age_ = 0;  // sentences read since current_ was last stated
  // The sentence Observe read last and its context (the extractor keeps its sentences until the page is
  // read): what the anaphors of the next one may point to is read from it only when they need it.
  const TaggedSentence* previous_ = nullptr;
  DocumentContext previous_context_;
  std::map<std::string, std::string> owners_;  // unit -> its owner, as the page's `owns` statements say so far
};

// The unknown names the page writes as products in ways ReadProducts (name_kinds.h) leaves as names: a
// product word and one more word before the name ("il suo chatbot multilingue Meera"), or an apposition
// that opens with an article and a product word ("Sóng, l'assistente vietnamita che ..."). Such a name is
// never the page's company nor what a sentence is about, however often the page names it.
std::set<std::string> NamesWrittenAsProducts(const Language& lang, const std::vector<TaggedSentence>& sentences);

// Where the page says each company is headquartered (its headquartered_in statements so far).
using Homes = std::map<std::string, std::set<std::string>>;

// Records the headquartered_in statements of `found` in `homes`.
void NoteHomes(const std::vector<Extracted>& found, Homes* homes);

// A description by place ("the Montreal-based group", an anaphor right after a place and a
// `description_link`, or before a `home_adjective`: "la società milanese") is the one company the page
// has said is headquartered there, and so is a demonym ("i torinesi hanno prenotato"); when none is,
// it stays an anaphor of `antecedent` (a page that placed that one elsewhere is not read: a rule
// without a subject would still give the figure to it). True when it changed a tag.
bool ResolvePlaceDescriptions(const Language& lang, const Homes& homes, const std::string& antecedent,
                              TaggedSentence* s);

// A `home_adjective` after an anaphor ("il gruppo bolognese", "la società torinese") says where its
// company is headquartered: appends that headquartered_in statement to `found`.
void ReadHomeAdjectives(const Language& lang, const TaggedSentence& s, const DocumentContext& context,
                        std::vector<Extracted>* found);

// A `home_label` that opens sentence i and ends with a colon or a question mark ("Headquarters: Lyon.",
// "Il quartier generale? Torino.", "Where is it based? In Lyon.") answered by a place alone, in the rest
// of the sentence or the next one: the place is the home of the company the page is about there
// (the salient company, else the page's). Appends that headquartered_in statement to `found`.
void ReadHomeLabels(const Language& lang, const std::vector<TaggedSentence>& sentences, size_t i,
                    const DocumentContext& context, std::vector<Extracted>* found);

// Is `rule` the name ReadHomeAdjectives gives its statements?
bool IsHomeAdjectiveRule(std::string_view rule);

// A one-word unknown name that is the town of a description ("the Solna-based group", "the Leeds
// company") becomes a PLACE: the anaphor after it is the subject, never the town. So does the same
// name anywhere else on the page ("a Lagos facility", "the racks we can get in Lagos"), so that an
// interview's "we" is never the town the page names most.
void MarkTownsOfDescriptions(const Language& lang, std::vector<TaggedSentence>* sentences);

}  // namespace kg::ingest

#endif  // KG_INGEST_SALIENCE_H_
