// The extraction data under ingest/data/, loaded once: predicates, the
// gazetteer of entities, type macros, and per language a lexicon and the
// relation rules. Everything language- or domain-specific lives there, not
// in code; docs/ingest.md describes the formats.
#ifndef KG_INGEST_RULE_DATA_H_
#define KG_INGEST_RULE_DATA_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <unicode/regex.h>

#include "ingest/frame_data.h"
#include "ingest/phrase_table.h"
#include "ingest/rule_cues.h"
#include "kg/status.h"
#include "kg/store.h"

namespace kg::ingest {

// How precisely a predicate's claims are dated.
enum class WhenGrain { kNone, kYear, kMonth };

struct PredicateSpec {
  PredicateInfo info;
  WhenGrain grain = WhenGrain::kNone;
};

// A sentence of a rule file that a rule must (or must not) turn into the
// given claims: the rule file's own tests, run by tests/ingest.
struct RuleExample {
  std::string sentence;
  std::vector<std::string> expected;  // Claim lines "S -p-> O @when"; empty for a counter-example
  bool negative = false;
  std::string predicate;  // the rule's: a counter forbids claims of this predicate only
  std::string file;
  int line = 0;
};

// One top-level alternative of a pattern that is only tested for a match
// anywhere (a rule's `forbid`), with the cues it cannot match without.
struct PatternPart {
  std::shared_ptr<const icu::RegexPattern> pattern;
  std::vector<Cue> cues;
  CueIds cue_ids;
};

// The predicate of rules whose statement continues the document's previous
// money claim ("This budget, equivalent to $23bn, ..."): subject, predicate
// and when come from that claim (see extractor.cpp).
inline constexpr const char* kSamePrevious = "@previous";
inline constexpr const char* kAttribution = "@attribution";

// What a rule's matches give, read from its predicate once at load rather
// than compared as a string per rule and sentence on the extraction path.
enum class RuleRole {
  kClaim,         // a claim of `predicate`
  kAttribution,   // the sentence's source (kAttribution)
  kSamePrevious,  // a claim that continues the previous money claim (kSamePrevious)
};

// One relation (or attribution) rule: a regular expression over a tagged
// sentence in which every mention is a placeholder ⟦TYPE#n⟧.
struct Rule {
  std::string name;       // "capex.en.2": becomes Mention::rule
  std::string predicate;  // a predicate name, kAttribution or kSamePrevious
  RuleRole role = RuleRole::kClaim;
  std::string file;
  int line = 0;
  std::shared_ptr<const icu::RegexPattern> match, require, forbid;
  int32_t group_s = 0, group_o = 0, group_w = 0, group_a = 0;  // 0: absent
  // What `match` and `require` cannot match without: words, and for each
  // capture one of its placeholder types ("⟦ORG#"), fewest alternatives first.
  std::vector<Cue> cues;
  CueIds cue_ids;  // the same in the language's CueIndex, one id per cue
  // What `match` cannot match without, in the order it meets them (OrderedCues): tested
  // before the regular expression, which costs far more when it fails. Empty when fewer
  // than two: the order of one is its presence, which `cue_ids` test.
  std::vector<Cue> match_order;
  // What `forbid` cannot match without: a sentence lacking them needs no
  // forbid test (relations.cpp: CuesPresent(forbid_cue_ids, cues_present)).
  std::vector<Cue> forbid_cues;
  CueIds forbid_cue_ids;
  // `forbid`'s top-level alternatives, each run only where its own cues are:
  // ICU otherwise tries every alternative at every position (empty: one part).
  std::vector<PatternPart> forbid_parts;
  bool when_none = false;      // the claim is never dated
  bool subject_topic = false;  // no subject in the sentence: the document's main organisation
  std::string unit;            // unit given to bare numbers
  bool object_lists = false;   // "lags behind Qwen and DeepSeek": one claim per listed object
  bool keep_tags = false;      // attribution: the source's words stay usable ("ByteDance said ...")
  bool reads_negation = false;  // the match holds a negation as its cue ("could not match X"): no negation guard
  bool object_town = false;     // `object town`: a `country` (lexicon) is no object ("X, the US chipmaker")
};

struct Language {
  std::string code;
  std::string locale;  // ICU locale for sentence breaking
  char decimal_separator = '.';
  char group_separator = ',';
  PhraseTable scales, glued_scales, currencies_before, currencies_after, unit_links, percent_words, units;
  // Numbers written as words ("एक हज़ार करोड़", "डेढ़ लाख"; value: the number), read only before a scale word.
  PhraseTable number_words;
  PhraseTable bounds_before, bounds_after, bound_blockers, count_nouns;
  // Words between a count and its product ("5,000 more B300s", "2.000 nuovi chip H200").
  PhraseTable count_adjectives;
  // Words that describe a count's noun after it ("1.200 colonnine di ricarica ultraveloci HYC400").
  PhraseTable count_modifiers;
  PhraseTable months, quarters, relative_times, refs, possessives, coordinators, equivalences, source_refs;
  // Document-wide and range readings (tagger.cpp, quantity.cpp): words that make "¥" the yen, the
  // company-type words that end a name in a script without capitals, case markers of a non-subject,
  // and range words (value: before, join or after: "between X and Y", "X से Y के बीच").
  PhraseTable yen_contexts, name_suffixes, object_markers, ranges;
  // Adjectives and demonyms of towns (value: the town's id): "torinese", "milanesi" (salience.cpp).
  PhraseTable home_adjectives;
  // A fact box's label or an interviewer's question about where a company is ("Headquarters:", "Sede:",
  // "Where is it based?", "मुख्यालय कहाँ है?"): the place of the answer after it is the company's home
  // (salience.cpp ReadHomeLabels; clutter.cpp keeps such a label's short line).
  PhraseTable home_labels;
  // The head nouns of descriptions that say which of the companies just named one means (value: `owned`,
  // "the unit", "la controllata", "इकाई"; `owner`, "the group", "il gruppo", "समूह"): salience.cpp
  // Salience::ResolveRoles).
  PhraseTable role_nouns;
  std::set<std::string> stopwords;  // folded
  // Function words ("sul", "into"): stopwords for names (a capitalised one
  // starting a sentence is no name), but shared by languages, so no sign of one.
  std::set<std::string> function_words;  // folded
  // Words that end a street's or a site's name or follow it ("Road", "campus"): no company.
  std::vector<std::string> place_kinds;
  std::vector<std::string> clutter_block, clutter_line, clutter_prefix;  // folded
  // A teaser heading inside the article ("ये भी पढ़ें"): its line goes, and when it stands
  // alone the lines after it that end no sentence (the teasers' titles) go too (clutter.cpp).
  std::vector<std::string> clutter_teaser;  // folded
  // Words of another script that continue a Latin name before them ("ESDS सॉफ्टवेयर सॉल्यूशन"),
  // besides the `name_suffix`es (`script_name_tail`, tagger.cpp).
  std::vector<std::string> script_name_tails;  // folded
  // Script without capitals (tagger.cpp TagRivalNames): the words after which a list of rivals
  // follows ("मुकाबला A और B से"), and the words joining its items besides the comma.
  std::vector<std::string> rival_words, list_ands;  // folded
  // Places among unknown names (tagger.cpp): "Seongnam-based" (`place_suffix`), "con sede a X"
  // (`place_introducer`), an anaphor and "di X" (`ref_place`: "la casa di Aichi").
  std::vector<std::string> place_suffixes, place_introducers, ref_places;  // folded
  // Script without capitals: "X का Y मॉडल" names a model (`model_word`) and its maker (`owner_marker`).
  std::vector<std::string> model_words, owner_markers;  // folded
  // Latin company-form words ("Group", "Holdings", "SpA": `legal_suffix`, tagger.cpp): "Nebius Group"
  // beside "Nebius" is Nebius, while "Sakura" beside "Sakura Internet" is Sakura Internet.
  std::vector<std::string> legal_suffixes;  // folded
  // Words of trade that end a company's name ("Datacenter", "Compute", "Labs": `industry_head`,
  // tagger.cpp LatinShortNames): "Sabauda" in a headline names "Sabauda Datacenter" of the body.
  std::vector<std::string> industry_heads;  // folded
  // Stopcaps that end or continue an unknown name when no lower-case word follows them
  // (`name_tail`, tagger.cpp): "Cantiere AI,", "Retelit AI Cloud"; "Lumora AI platform" stays "Lumora".
  std::vector<std::string> name_tails;  // folded
  // Company forms written lower case or with dots ("plc", "S.p.A.", "N.V.": `legal_form`, tagger.cpp) end
  // the mention of the unknown name before them, though no part of its id: "Brenvale plc" opening a
  // sentence is a name (Brenvale), as "Pennine Compute plc" is Pennine Compute.
  std::vector<std::string> legal_forms;  // folded
  // A lower-case word ending so after a name_tail is a verb, the clause going on ("Tarvik AI raised",
  // "Tarvik AI investirà": `verb_ending`), no noun the tail describes ("Lumora AI platform").
  std::vector<std::string> verb_endings;  // folded
  // Words that introduce a comparison ("up from", "contro": `comparison_word`, relations.cpp): a time
  // after the statement and one of these dates the compared figure, not the statement.
  std::vector<std::string> comparison_words;  // folded
  // Words naming a party that is not the document's company ("government", "analysti", "सरकार":
  // `outsider`, relations.cpp): a sentence with one gives no statement to a rule without a subject.
  std::vector<std::string> outsiders;  // folded
  // Negation (clauses.h UnderNegation, for the rules and the frames alike): `negation` words in a
  // statement's span ("will not", "nessun", "ruled out"), `negation_after_object` words between its
  // object and its clause's end (a verb-final language: "... चिप नहीं ख़रीदे"), `denial` words anywhere
  // in the sentence ("dismissed reports", "smentito", "इनकार"), and `negation_counter` phrases that hold a negation word but negate nothing ("not only", "नहीं तो").
  std::vector<std::string> negations, negations_after_object, denials, negation_counters;  // folded
  // Words between a time and the statement it opens ("2025 में X ने ..."): such a time dates a
  // claim whose match holds none (relations.cpp).
  std::vector<std::string> time_postpositions;  // folded
  // Words before the year a bond matures ("notes due in 2031", "con scadenza nel 2031": `maturity_word`,
  // tagger.cpp): that time is no date of the claim, so it is left untagged.
  std::vector<std::string> maturity_words;  // folded
  // Words before a fiscal year's number (`fiscal_prefix`, timex.cpp): "FY27", "fiscal 2026", "वित्त वर्ष 27".
  std::vector<std::string> fiscal_prefixes;  // folded
  // Script without capitals: "A जैसी कंपनियों से" ends a rival list before `like_word`; "अपना एआई
  // प्लेटफॉर्म X विकसित करती" names X between a `kind_word` and a `name_verb` (value: X's type).
  std::vector<std::string> like_words, kind_words;  // folded
  // Script without capitals: "X को A जैसी कंपनियों के अलावा B से भी टक्कर": a rival list also starts
  // after a `besides_word` ("के अलावा").
  std::vector<std::string> besides_words;  // folded
  // A rival list ends at a rival_marker ("A और B से टक्कर") and, before the rivalry
  // word, starts after a rivalled_marker ("X को A और B से टक्कर").
  std::vector<std::string> rival_markers, rivalled_markers;  // folded
  // Script without capitals: the case marker of an agent ("X ने ..."): a word the document
  // names often and puts before it is a name (`agent_marker`, tagger.cpp).
  std::vector<std::string> agent_markers;  // folded
  // Script with the maker first: "Nvidia के 3,000 B200" (`maker_genitive`, tagger.cpp).
  std::vector<std::string> maker_genitives;  // folded
  // The genitive between a product and the count of it that follows ("H200 चिप की 12,000 यूनिट").
  std::vector<std::string> count_genitives;  // folded
  // A pronoun that stands for the product named before, with the count after its verb
  // ("i chip MI355X: X ne ha prenotati 3.600", `count_clitic`, tagger.cpp).
  std::vector<std::string> count_clitics;  // folded
  // Script without capitals: "X नाम से अपनी क्लाउड सेवा चलाती है" names X before a `name_marker`.
  std::vector<std::string> name_markers;  // folded
  // Script without capitals: a list item ending so is a common noun, no name ("कंपनियों": `noun_ending`).
  std::vector<std::string> noun_endings;  // folded
  PhraseTable name_verbs;
  // People (name_kinds.cpp): a role word before or after an unknown name ("analyst Hugh Lambert", "Mario
  // Rossi, amministratore delegato"; value `outside` when the person's firm is no party to what the
  // person says: "Macquarie analyst X, who forecasts ..."), a title before one ("Mr", "sig.", "श्री"),
  // and the words that end an apposition before its role ("who", "che": "Lumora, whose chief
  // executive ...") or make it a speaker ("a spokesperson said").
  PhraseTable person_roles;
  // Sources the page leaves unnamed ("people familiar with the matter", "fonti vicine al dossier",
  // "सूत्रों"; value: the attributed_to the statement takes), tagged ANON for the attribution rules.
  PhraseTable unnamed_sources;
  // Products (name_kinds.cpp): a word that calls the unknown name after it a product ("the model X",
  // "il modello X", "मॉडल X").
  PhraseTable product_words;
  // Companies (name_kinds.cpp, tagger.cpp): a noun that calls the unknown name after it a company ("the
  // pension manager X", "la multiutility X", "स्टार्टअप X"): no person's, though a role ends it ("manager");
  // capitalised at a sentence's start, no part of the name ("Start-up X will ...").
  PhraseTable company_descriptors;
  // Latin letters as another script spells them ("बी" -> B, "एमआई" -> MI):
  // a model number written in it ("बी300") is read as the gazetteer's model.
  PhraseTable letter_names;
  std::vector<std::string> person_titles, relative_words, speech_verbs;  // folded
  // Words that open an aside about another company, after a name and a comma ("backed by", "unlike"), or
  // make the sentence's first clause one ("Unlike its rival Orbis, ..."): clauses.h SubjectAsides.
  std::vector<std::string> aside_openers;  // folded
  std::vector<std::string> ranking_verbs;  // folded: "overtook", "trails", "ha superato"
  // What an analyst (an `outside` role) says of a figure that makes it a forecast ("forecasts", "stima"):
  // relations.cpp gives no statement of it.
  std::vector<std::string> forecast_verbs;  // folded
  // A unit named after its parent ("G42's cloud unit Core42", "G42 की क्लाउड इकाई Core42"; name_kinds.cpp):
  // the genitive after the parent (`parent_genitive`) and the word that calls the next name its unit
  // (`unit_word`). The parent is then no subject: the unit is.
  std::vector<std::string> parent_genitives, unit_words;  // folded
  // The company in its own words ("we", "noi", "हम"; `first_person`): inside a quote whose speaker the
  // sentence names with a role at a company ("..., says Priya Rao, chief financial officer of Halcyon AI"),
  // that company (name_kinds.cpp ReadQuotedSpeakers).
  std::vector<std::string> first_person;  // folded
  // What joins a place to the anaphor after it in a description ("the Montreal-based group": "-";
  // "बेंगलुरु की यह कंपनी": " की यह "), as written between the two, spaces included (salience.cpp).
  std::vector<std::string> description_links;  // folded
  // What makes the company after it the one paid, not the one paying ("Most of it will go to Nvidia: the
  // company plans to buy ..."; `payee_link`), when the company ends its clause (name_kinds.cpp ReadPayees).
  std::vector<std::string> payee_links;  // folded
  // A word between a counted product and its maker (`maker_link`: "320 GPU H200 di Nvidia").
  std::vector<std::string> maker_links;  // folded
  // Relations by description (descriptions.cpp): a head noun that says what a name is to another party
  // (`relation_head`: "subsidiary", "piattaforma"; value: the predicate; extra `alone` or `linked`), a verb of a
  // relative clause that says it itself (`relation_verb`: "took control of", "si contende"), what opens such a
  // clause (`relation_relative`), what stands before the party after a head (`party_link`: "of", "del gruppo"),
  // what makes the party the page's company (`own_party`: "our own"), what opens a description
  // (`description_opener`: "the", "la") and what makes one state nothing (`relation_guard`: "sold", "minority").
  PhraseTable relation_heads, relation_verbs;
  std::vector<std::string> relation_relatives, party_links, own_parties, description_openers, relation_guards;  // folded
  // Gazetteer ids of countries and world regions (lexicon `country`, common): no town ("X, the US chipmaker").
  std::vector<std::string> countries;  // folded
  // A passive participle that says the relation with its agent (`relation_passive`: "controlled", "run",
  // "sviluppato"; value: the predicate) after an `agent_link` ("by", "da"); one of ownership fronted makes its
  // agent the owner of the main clause's subject, a name, an anaphor or a `subject_pronoun` ("Controlled by X, it
  // spent ...").
  // A passive main clause: its subject, a `passive_copula` ("is", "è stata") and the participle.
  PhraseTable relation_passives;
  // A list of names read on past an aside after an item (`list_aside`: "in testa", "above all": "A in testa, ma
  // soprattutto con B"), a continuation that joins the next item as a coordinator does (`list_continuation`: "ma
  // soprattutto", "but also", "e poi"), and a preposition that may come again before any item (`list_introducer`:
  // "con", "with": "..., ma anche con la francese B"); relations.cpp, Coordinated. An aside of degree set off by
  // commas after the coordinator (`margin_aside`, its opening words: "by a wider margin", "con un distacco più
  // marcato") leaves the list going on: "trails A and, by a wider margin, B".
  PhraseTable list_asides, list_continuations, margin_asides;
  std::vector<std::string> list_introducers;  // folded
  std::vector<std::string> agent_links, subject_pronouns, passive_copulas;  // folded
  // The words of relation_heads, relation_verbs and relation_passives in `cues`: a sentence without any of them
  // is read for the heads inside its anaphors only ("la società").
  CueIds relation_cue_ids;
  std::vector<std::string> abbreviations;  // as written: "U.S.", "Inc."
  std::vector<Rule> rules;
  // Indexes in `rules` under the id of the cue each needs that rules out most text (rule_cues.h
  // MostSelectiveCue): a sentence is tested only against the rules of the cues it holds
  // (relations.cpp). Rules without cues are `uncued_rules`.
  std::vector<std::pair<uint32_t, std::vector<uint32_t>>> rules_by_cue;
  std::vector<uint32_t> uncued_rules;
  std::vector<RuleExample> examples;
  FrameLexicon frames;  // frames.tsv: clause frames of figures (frames.h); empty when the file is absent
  CueIndex cues;  // the words of every rule's cues
  // The denials and negations as FindWord looks for them: a sentence with none of them, found in
  // one pass, is not searched for each (clauses.h MayBeNegated).
  CueIndex negation_words;
};

struct GazetteerEntry {
  std::string id;
  std::string type;
  std::vector<std::string> aliases;
};

class RuleData {
 public:
  static Result<std::shared_ptr<const RuleData>> Load(const std::string& dir);

  const Language* language(const std::string& code) const;
  std::vector<std::string> languages() const;
  const PredicateSpec* predicate(const std::string& name) const;
  const std::map<std::string, PredicateSpec>& predicates() const { return predicates_; }
  const PhraseTable& gazetteer() const { return gazetteer_; }
  const GazetteerEntry* entity(const std::string& id) const;
  const std::set<std::string>& stopcaps() const { return stopcaps_; }

 private:
  Status LoadPredicates(const std::string& path);
  Status LoadGazetteer(const std::string& path);
  Status LoadTypes(const std::string& path);
  Status LoadLexicon(const std::string& path, Language* lang);
  Status LoadRules(const std::string& path, Language* lang);
  Status LoadFrames(const std::string& path, Language* lang);
  // `rule`: the rule whose match pattern this is (its captures' types
  // become cues), or nullptr; `cues`: where to add the pattern's cues, or nullptr.
  Result<std::shared_ptr<const icu::RegexPattern>> Compile(const std::string& source, const std::string& where,
                                                          Rule* rule, std::vector<Cue>* cues) const;
  // {s:ORG} and {ORG} expanded into their placeholder syntax (see Compile).
  Result<std::string> Expand(const std::string& source, const std::string& where, Rule* rule) const;
  Result<std::shared_ptr<const icu::RegexPattern>> CompileExpanded(const std::string& expanded, const std::string& where,
                                                                  std::vector<Cue>* cues) const;
  // The parts of a forbid pattern (Rule::forbid_parts).
  Result<std::vector<PatternPart>> SplitForbid(const std::string& source, const std::string& where) const;

  std::map<std::string, PredicateSpec> predicates_;
  std::map<std::string, GazetteerEntry> entities_;
  PhraseTable gazetteer_;  // value: id, extra: type
  std::map<std::string, std::vector<std::string>> macros_;  // ORG -> ORG GROUP UNK REF
  std::set<std::string> stopcaps_;
  std::map<std::string, Language> languages_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_RULE_DATA_H_
