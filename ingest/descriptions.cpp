#include "ingest/descriptions.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ingest/clauses.h"
#include "ingest/phrase_match.h"

namespace kg::ingest {

namespace {

constexpr size_t kNone = std::string::npos;
// Words between an owner and its head ("the group's German cloud subsidiary") and between an `alone` head
// and its name ("la controllata tedesca myLoc").
constexpr size_t kWordsBeforeHead = 3;
// Words of a descriptor between an agent's link and its name ("by the Canadian pension fund Orbis Capital").
constexpr size_t kDescriptorWords = 4;
constexpr size_t kWordsAfterHead = 2;
// A head whose word with an article alone is the page's company's ("la controllata X"), and one too
// general to take a relative clause's subject ("la società che X sfida"): only a party after a link.
constexpr const char* kAlone = "alone";
constexpr const char* kLinked = "linked";
// A head that makes the described name the owner, operator or developer of what its link names ("the developer of X").
constexpr const char* kReverse = "reverse";
constexpr const char* kRivalry = "competes_with";
constexpr const char* kOwnership = "owns";

bool IsNamedCompany(const Tag& t) { return t.type == "ORG" || t.type == "UNK"; }
// A party to a relation: a company named, or "the group", "il gruppo" (not "its": "that its clients use").
bool IsParty(const Tag& t) { return IsNamedCompany(t) || t.type == "REF"; }
bool IsAnaphor(const Tag& t) { return t.type == "REF" || t.type == "POSS"; }
// What a description may describe: a company or a product.
bool IsDescribable(const Tag& t) {
  return IsNamedCompany(t) || t.type == "UNKPRODUCT" || t.type == "SERVICE" || t.type == "MODEL" ||
         t.type == "APP" || t.type == "PRODUCT";
}

struct Hit {
  size_t start = 0, end = 0;
  const Phrase* phrase = nullptr;
};

// The other party: a tag, or the page's company named by no tag ("our own", "la controllata X").
struct Party {
  int tag = -1;
  bool own = false;
};

struct Reading {
  std::string predicate;
  Party described;  // what the description is about
  Party party;
  bool party_first = true;  // party PREDICATE described; else described PREDICATE party (a rival)
  size_t head = kNone;      // where the head noun read starts
};

int TagStartingAt(const TaggedSentence& s, size_t pos) {
  auto it = std::lower_bound(s.tags.begin(), s.tags.end(), pos, [](const Tag& t, size_t p) { return t.start < p; });
  return it != s.tags.end() && it->start == pos ? static_cast<int>(it - s.tags.begin()) : -1;
}

int TagEndingAt(const TaggedSentence& s, size_t end) {
  for (size_t i = 0; i < s.tags.size() && s.tags[i].start < end; ++i) {
    if (s.tags[i].end == end) return static_cast<int>(i);
  }
  return -1;
}

bool IsTagged(const TaggedSentence& s, size_t pos) {
  return std::any_of(s.tags.begin(), s.tags.end(), [pos](const Tag& t) { return t.start <= pos && pos < t.end; });
}

bool InWord(const std::string& text, size_t pos) { return IsWordCharAt(text, pos) || text[pos] == '-'; }

// The end of the untagged word at `pos`, or kNone.
size_t PlainWordEnd(const TaggedSentence& s, size_t pos) {
  const std::string& text = s.view.text;
  if (pos >= text.size() || !IsWordCharAt(text, pos) || IsTagged(s, pos)) return kNone;
  while (pos < text.size() && InWord(text, pos)) pos = NextCodePointStart(text, pos);
  return pos;
}

// The start of the untagged word that ends at `end`, or kNone.
size_t PlainWordStart(const TaggedSentence& s, size_t end) {
  const std::string& text = s.view.text;
  if (end == 0 || !IsWordCharBefore(text, end) || IsTagged(s, end - 1)) return kNone;
  size_t pos = end;
  while (pos > 0 && (IsWordCharBefore(text, pos) || text[pos - 1] == '-')) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  }
  return pos;
}

// Where the heads, the relative clauses' verbs and the passives start, at words outside the tags (a head also
// inside an anaphor: "la società"). One pass over the words; most sentences hold none of them (the cue index
// tells, outside the anaphors): then only the anaphors' words are read.
struct Hits {
  std::vector<Hit> heads, verbs, passives;
};

Hits FindHits(const Language& lang, const TaggedSentence& s) {
  Hits hits;
  const CuePresence& present = s.cues_present;
  bool anywhere = std::any_of(lang.relation_cue_ids.begin(), lang.relation_cue_ids.end(),
                              [&present](uint32_t id) { return id < present.size() && present[id] != 0; });
  bool in_refs = std::any_of(s.tags.begin(), s.tags.end(), [](const Tag& t) { return t.type == "REF"; });
  if (!anywhere && !in_refs) return hits;
  const std::string& text = s.view.text;
  size_t tag = 0;
  auto add = [&](const PhraseTable& table, size_t pos, std::vector<Hit>* to) {
    size_t end = 0;
    if (const Phrase* p = table.Match(s.view, pos, &end)) to->push_back({pos, end, p});
  };
  for (size_t pos = 0; pos < text.size();) {
    if (!IsWordCharAt(text, pos)) {
      pos = NextCodePointStart(text, pos);
      continue;
    }
    while (tag < s.tags.size() && s.tags[tag].end <= pos) ++tag;
    bool inside = tag < s.tags.size() && s.tags[tag].start <= pos;
    if (inside && s.tags[tag].type != "REF") {
      pos = s.tags[tag].end;
      continue;
    }
    if (!inside && !anywhere) {  // to the next anaphor
      pos = tag < s.tags.size() ? s.tags[tag].start : text.size();
      continue;
    }
    add(lang.relation_heads, pos, &hits.heads);
    add(lang.relation_verbs, pos, &hits.verbs);
    add(lang.relation_passives, pos, &hits.passives);
    while (pos < text.size() && IsWordCharAt(text, pos)) pos = NextCodePointStart(text, pos);
  }
  return hits;
}

// A guard word ("sold", "former", "minority", "runs on") or a negation in [from, to) of the view.
bool Guarded(const Language& lang, const TaggedSentence& s, size_t from, size_t to) {
  std::string part = s.view.text.substr(from, to - from);
  auto in_part = [&part](const std::string& w) { return FindWord(part, w) != kNone; };
  return std::any_of(lang.relation_guards.begin(), lang.relation_guards.end(), in_part) ||
         std::any_of(lang.negations.begin(), lang.negations.end(), in_part);
}

// The party tag right at `pos` (after spaces), or -1.
int PartyAt(const TaggedSentence& s, size_t pos) {
  int t = TagStartingAt(s, SkipSpaces(s.view.text, pos));
  return t >= 0 && IsParty(s.tags[static_cast<size_t>(t)]) ? t : -1;
}

// "the Alberta investor Orbis Capital": a name, one noun and a name of the same kind make the first a descriptor of
// the second; otherwise tags[t] itself.
int NameAfterDescriptor(const Language& lang, const TaggedSentence& s, int t, bool (*accept)(const Tag&)) {
  size_t noun = SkipSpaces(s.view.text, s.tags[static_cast<size_t>(t)].end);
  size_t noun_end = PlainWordEnd(s, noun);
  size_t coordinator_end = 0;  // "controllata da Tim e Vodafone": a list, the first stays
  if (noun_end == kNone || lang.coordinators.Match(s.view, noun, &coordinator_end) != nullptr) return t;
  int named = TagStartingAt(s, SkipSpaces(s.view.text, noun_end));
  return named >= 0 && accept(s.tags[static_cast<size_t>(named)]) ? named : t;
}

// The tag written after one of `links` at `pos`, up to `words` words after the link ("of the Orbis Telecom group",
// "del gruppo TIM", "dal fondo canadese Brookfield"), that `accept` takes, or -1.
int TagAfterLink(const Language& lang, const std::vector<std::string>& links, const TaggedSentence& s, size_t pos,
                 size_t words, bool (*accept)(const Tag&)) {
  size_t at = PhraseEnd(s.view.text, SkipSpaces(s.view.text, pos), links);
  for (size_t skipped = 0; at != kNone; ++skipped) {
    at = SkipSpaces(s.view.text, at);
    int t = TagStartingAt(s, at);
    if (t >= 0 && accept(s.tags[static_cast<size_t>(t)])) return NameAfterDescriptor(lang, s, t, accept);
    if (skipped == words) return -1;
    // a place in a descriptor is one of its words ("by the New Zealand investor Infratil")
    bool place = t >= 0 && s.tags[static_cast<size_t>(t)].type == "PLACE";
    if (t >= 0 && !place) return -1;
    at = place ? s.tags[static_cast<size_t>(t)].end : PlainWordEnd(s, at);
  }
  return -1;
}

int LinkedPartyAt(const Language& lang, const TaggedSentence& s, size_t pos) {
  return TagAfterLink(lang, lang.party_links, s, pos, 0, IsParty);
}

// The end of the untagged word, time or percentage at `pos` ("dal 2019", "al 70%"), or kNone.
size_t WordOrFigureEnd(const TaggedSentence& s, size_t pos) {
  int t = TagStartingAt(s, pos);
  if (t < 0) return PlainWordEnd(s, pos);
  const Tag& tag = s.tags[static_cast<size_t>(t)];
  return tag.type == "TIME" || tag.type == "PERCENT" ? tag.end : kNone;
}

// The agent of the passive participle `passive` ("controlled by Infratil", "controllata dal 2019 da Orbis"),
// up to a few words or times after it, or -1.
int AgentOf(const Language& lang, const TaggedSentence& s, const Hit& passive) {
  const std::string& text = s.view.text;
  size_t pos = passive.end;
  for (size_t words = 0; words <= kWordsBeforeHead && pos != kNone; ++words) {
    pos = SkipSpaces(text, pos);
    if (int agent = TagAfterLink(lang, lang.agent_links, s, pos, kDescriptorWords, IsParty); agent >= 0) return agent;
    pos = WordOrFigureEnd(s, pos);
  }
  return -1;
}

// The words before a passive main clause's participle: its subject, a copula and up to three words or figures
// between ("the company is 70% controlled by", "Corvo Reti è oggi controllata da"), or the subject right before
// it ("The operator controlled by Orbis Telecom bought ..."); -1 when there is none.
int PassiveSubject(const Language& lang, const TaggedSentence& s, const Hit& passive) {
  const std::string& text = s.view.text;
  auto named = [&s](int t) { return t >= 0 && (IsParty(s.tags[static_cast<size_t>(t)]) || IsDescribable(s.tags[static_cast<size_t>(t)])); };
  if (int right_before = TagEndingAt(s, BackOverSpaces(text, passive.start)); named(right_before)) return right_before;
  size_t pos = passive.start;
  for (size_t words = 0; words <= kWordsBeforeHead; ++words) {
    size_t end = BackOverSpaces(text, pos);
    for (const auto& copula : lang.passive_copulas) {
      if (!PhraseEndsAt(text, end, {copula})) continue;
      int subject = TagEndingAt(s, BackOverSpaces(text, end - copula.size()));
      return named(subject) ? subject : -1;
    }
    int figure = TagEndingAt(s, end);
    bool skipped = figure >= 0 && (s.tags[static_cast<size_t>(figure)].type == "PERCENT" || s.tags[static_cast<size_t>(figure)].type == "TIME");
    pos = skipped ? s.tags[static_cast<size_t>(figure)].start : PlainWordStart(s, end);
    if (pos == kNone) return -1;
  }
  return -1;
}

// "Kestrel Networks is 70% controlled by the Canadian fund Orbis Capital", "La società è controllata al 70% dal
// fondo Nordkap": the agent of a passive main clause owns, operates or develops its subject.
std::optional<Reading> ReadPassiveClause(const Language& lang, const TaggedSentence& s, const Hit& passive) {
  int subject = PassiveSubject(lang, s, passive);
  if (subject < 0) return std::nullopt;
  int agent = AgentOf(lang, s, passive);
  if (agent < 0) return std::nullopt;
  const std::string& text = s.view.text;
  size_t from = s.tags[static_cast<size_t>(subject)].start;
  size_t to = std::min(text.find_first_of(",;()", s.tags[static_cast<size_t>(agent)].end), text.size());
  if (Guarded(lang, s, from, to)) return std::nullopt;
  return Reading{passive.phrase->value, Party{subject, false}, Party{agent, false}, true, kNone};
}

// Who owns what a head names, written before it ("its", "the group's", "Orbis Telecom's", "our own"), with
// up to three words between; with `article_ok`, an article alone names the page's company ("la controllata").
std::optional<Party> OwnerBefore(const Language& lang, const TaggedSentence& s, size_t pos, bool named_ok,
                                 bool article_ok) {
  const std::string& text = s.view.text;
  for (size_t words = 0;; ++words) {
    size_t end = BackOverSpaces(text, pos);
    int t = TagEndingAt(s, end);
    if (t >= 0 && s.tags[static_cast<size_t>(t)].type == "POSS") return Party{t, false};
    for (const auto& genitive : lang.parent_genitives) {
      if (end < genitive.size() || text.compare(end - genitive.size(), genitive.size(), genitive) != 0) continue;
      int owner = TagEndingAt(s, end - genitive.size());
      if (owner < 0) continue;
      const Tag& tag = s.tags[static_cast<size_t>(owner)];
      if (tag.type == "REF" || (named_ok && IsNamedCompany(tag))) return Party{owner, false};
    }
    if (PhraseEndsAt(text, end, lang.own_parties)) return Party{-1, true};
    if (article_ok && PhraseEndsAt(text, end, lang.description_openers)) return Party{-1, true};
    size_t start = PlainWordStart(s, end);
    if (words == kWordsBeforeHead || start == kNone) return std::nullopt;
    // "the sale of the subsidiary X": a link or a relative word ends the words before the head
    if (PhraseEnd(text, start, lang.party_links) == end || PhraseEnd(text, start, lang.relation_relatives) == end) {
      return std::nullopt;
    }
    pos = start;
  }
}

// Where the first `relation_relative` of [from, to) ends, or kNone.
size_t RelativeEnd(const Language& lang, const TaggedSentence& s, size_t from, size_t to) {
  const std::string& text = s.view.text;
  for (size_t pos = from; pos < to; pos = NextCodePointStart(text, pos)) {
    if (IsWordCharBefore(text, pos) || IsTagged(s, pos)) continue;
    if (size_t end = PhraseEnd(text, pos, lang.relation_relatives); end != kNone) return end;
  }
  return kNone;
}

// An apposition: the description from the comma after a name to the next comma, and what it holds.
struct Apposition {
  size_t from = 0, to = 0;
  int first = -1;         // the tag it starts with
  bool genitive = false;  // it starts with a company and "'s" ("X, Orbis Telecom's rival")
  bool own = false;       // "our own platform", "la nostra piattaforma"
  bool opens = false;     // it starts as a description does (an article, a relative word, the head...)
  size_t article = kNone;  // where its opening article ends
  const Hit* head = nullptr;
  size_t relative = kNone;  // where its relative word ends
  int relative_party = -1;  // the relative clause's subject
};

// Is tags[t] followed by "'s" ("OpenAI's engineers")?
bool Possessor(const Language& lang, const TaggedSentence& s, int t) {
  return t >= 0 && PhraseEnd(s.view.text, s.tags[static_cast<size_t>(t)].end, lang.parent_genitives) != kNone;
}

// The subject of the apposition's relative clause ("that KDDI took control of", "con cui il gruppo offre"; English
// drops the relative word: "the language model the group trained"); a possessor is none ("that OpenAI's
// engineers beat").
int RelativeParty(const Language& lang, const TaggedSentence& s, const Apposition& a) {
  int party = a.relative == kNone ? -1 : PartyAt(s, a.relative);
  if (party < 0 && a.head != nullptr) {
    int after = PartyAt(s, a.head->end);
    // "the language model the company built": an anaphor's tag may start after its article
    size_t article = PhraseEnd(s.view.text, SkipSpaces(s.view.text, a.head->end), lang.description_openers);
    if (after < 0 && article != kNone) after = PartyAt(s, article);
    if (after >= 0 && PlainWordEnd(s, SkipSpaces(s.view.text, s.tags[static_cast<size_t>(after)].end)) != kNone) party = after;
  }
  return Possessor(lang, s, party) ? -1 : party;
}

std::optional<Apposition> ApposedTo(const Language& lang, const TaggedSentence& s, size_t x, const std::vector<Hit>& heads) {
  const std::string& text = s.view.text;
  size_t comma = s.tags[x].end;
  if (comma < text.size() && text[comma] == '.') ++comma;  // "Telephone Corp., with which ..."
  if (comma >= text.size() || text[comma] != ',') return std::nullopt;
  Apposition a;
  a.from = SkipSpaces(text, comma + 1);
  a.to = std::min(text.find_first_of(",;()", a.from), text.size());
  if (Guarded(lang, s, a.from, a.to)) return std::nullopt;
  a.first = TagStartingAt(s, a.from);
  a.genitive = a.first >= 0 && IsNamedCompany(s.tags[static_cast<size_t>(a.first)]) && Possessor(lang, s, a.first);
  size_t article = PhraseEnd(text, a.from, lang.description_openers);
  a.article = article;
  a.own = PhraseEnd(text, article == kNone ? a.from : SkipSpaces(text, article), lang.own_parties) != kNone;
  auto head = std::find_if(heads.begin(), heads.end(), [&](const Hit& h) { return h.start >= a.from && h.end <= a.to; });
  if (head != heads.end()) a.head = &*head;
  a.opens = article != kNone || a.own || a.genitive || PhraseEnd(text, a.from, lang.relation_relatives) != kNone ||
            (a.first >= 0 && s.tags[static_cast<size_t>(a.first)].type == "REF") ||
            (a.head != nullptr && a.head->start == a.from);  // "controllata di Orbis Telecom"
  a.relative = RelativeEnd(lang, s, a.from, a.to);
  a.relative_party = RelativeParty(lang, s, a);
  return a;
}

// "X, the Tokyo AI startup that KDDI took control of", "NTT, with which KDDI competes": the relative clause's verb.
std::optional<Reading> ReadRelativeVerb(const TaggedSentence& s, size_t x, const Apposition& a, const std::vector<Hit>& verbs) {
  if (!a.opens || a.relative_party < 0) return std::nullopt;
  size_t clause = s.tags[static_cast<size_t>(a.relative_party)].end;
  auto verb = std::find_if(verbs.begin(), verbs.end(), [&](const Hit& v) { return v.start >= clause && v.end <= a.to; });
  if (verb == verbs.end()) return std::nullopt;
  return Reading{verb->phrase->value, Party{static_cast<int>(x), false}, Party{a.relative_party, false}, true, kNone};
}

// "the Montabaur-based rival controlled by United Internet", "gruppo ... controllato dal fondo Brookfield": a
// passive's agent says more than the head, with or without an article; a copula makes it a main clause
// ("Baltico, la società è controllata da ..."), no apposition.
std::optional<Reading> ReadApposedPassive(const Language& lang, const TaggedSentence& s, size_t x, const Apposition& a,
                                          const std::vector<Hit>& passives) {
  for (const Hit& passive : passives) {
    if (passive.start < a.from || passive.end > a.to) continue;
    std::string before = s.view.text.substr(a.from, passive.start - a.from);
    auto copula = [&before](const std::string& c) { return FindWord(before, c) != kNone; };
    if (std::any_of(lang.passive_copulas.begin(), lang.passive_copulas.end(), copula)) continue;
    if (int agent = AgentOf(lang, s, passive); agent >= 0) {
      return Reading{passive.phrase->value, Party{static_cast<int>(x), false}, Party{agent, false}, true,
                     a.head != nullptr ? a.head->start : kNone};
    }
  }
  return std::nullopt;
}

// The first party after a `party_link` between the head and the relative clause ("la società del cloud del gruppo
// TIM"), or -1.
int LinkedAfterHead(const Language& lang, const TaggedSentence& s, const Apposition& a) {
  const std::string& text = s.view.text;
  size_t until = a.relative == kNone ? a.to : a.relative;
  for (size_t pos = a.head->end; pos < until; pos = NextCodePointStart(text, pos)) {
    if (IsWordCharBefore(text, pos) || IsTagged(s, pos)) continue;
    if (int linked = LinkedPartyAt(lang, s, pos); linked >= 0) return linked;
  }
  return -1;
}

// "X, the HEAD of Y", "X, the HEAD that Y runs", "X, Y's HEAD", "X, our own HEAD", "X, the developer of Y".
std::optional<Reading> ReadApposedHead(const Language& lang, const TaggedSentence& s, size_t x, const Apposition& a) {
  if (!a.opens || a.head == nullptr) return std::nullopt;
  Reading r{a.head->phrase->value, Party{static_cast<int>(x), false}, Party{}, true, a.head->start};
  const std::string& kind = a.head->phrase->extra;
  if (kind == kReverse) {  // "the developer of the Aster family": the described company develops what the link names
    r.party = Party{TagAfterLink(lang, lang.party_links, s, a.head->end, kWordsAfterHead, IsDescribable), false};
    r.party_first = false;
    return r.party.tag >= 0 ? std::optional<Reading>(r) : std::nullopt;
  }
  bool linked_only = kind == kLinked;
  int linked = LinkedAfterHead(lang, s, a);
  bool rival = r.predicate == kRivalry;  // a rival named after its head is the described name's rival
  if (!linked_only && a.relative_party >= 0) {
    r.party = Party{a.relative_party, false};
  } else if (linked >= 0 || (!linked_only && a.genitive)) {
    r.party = Party{linked >= 0 ? linked : a.first, false};
    r.party_first = !rival;
  } else if (!linked_only && a.own) {
    r.party = Party{-1, true};
  } else if (kind == kAlone && a.article != kNone && a.head->start == SkipSpaces(s.view.text, a.article)) {
    r.party = Party{-1, true};  // "X, la controllata che gestisce il cloud": an article alone, as before a name
  } else {
    return std::nullopt;
  }
  return r;
}

// "X, the ... HEAD of Y", "X, the ... that Y took control of", "X, with which Y competes", "X, our own HEAD":
// the description from the comma after tags[x] to the next comma.
std::optional<Reading> ReadApposition(const Language& lang, const TaggedSentence& s, size_t x,
                                      const std::vector<Hit>& heads, const std::vector<Hit>& verbs,
                                      const std::vector<Hit>& passives) {
  std::optional<Apposition> a = ApposedTo(lang, s, x, heads);
  if (!a) return std::nullopt;
  // "la società, con sede a Bari e controllata dal gruppo X": an anaphor takes only a passive's agent
  if (s.tags[x].type == "REF") return ReadApposedPassive(lang, s, x, *a, passives);
  if (auto r = ReadRelativeVerb(s, x, *a, verbs)) return r;
  if (auto r = ReadApposedPassive(lang, s, x, *a, passives)) return r;
  return ReadApposedHead(lang, s, x, *a);
}

// "the group's WAKONX platform", "its Skyline service": the name right before its head, owned by an
// anaphor or "our" (a named owner before a name and a head is often a maker: "Nvidia's Blackwell platform").
std::optional<Reading> ReadNameBeforeHead(const Language& lang, const TaggedSentence& s, const Hit& head) {
  int x = TagEndingAt(s, BackOverSpaces(s.view.text, head.start));
  // a known organisation there is a supplier ("its Nvidia platform")
  if (x < 0 || !IsDescribable(s.tags[static_cast<size_t>(x)]) || s.tags[static_cast<size_t>(x)].type == "ORG") {
    return std::nullopt;
  }
  std::optional<Party> owner = OwnerBefore(lang, s, s.tags[static_cast<size_t>(x)].start, false, false);
  if (!owner) return std::nullopt;
  return Reading{head.phrase->value, Party{x, false}, *owner, head.phrase->value != kRivalry, head.start};
}

// "The group's German subsidiary Kestrel", "its Spanish unit, Lumora Cloud", "la controllata tedesca myLoc",
// "la piattaforma Skyline del gruppo": the head, up to two words, then the name.
std::optional<Reading> ReadHeadBeforeName(const Language& lang, const TaggedSentence& s, const Hit& head) {
  const std::string& text = s.view.text;
  size_t pos = SkipSpaces(text, head.end);
  // Adjectives after the head ("la controllata tedesca myLoc") only for a head that names the page's
  // company's own: after another the words are more often a verb ("Toyota's chip unit weighs Kyushu expansion").
  size_t adjectives = head.phrase->extra == kAlone ? kWordsAfterHead : 0;
  for (size_t words = 0; words < adjectives; ++words) {
    size_t end = PlainWordEnd(s, pos);
    if (end == kNone || lang.stopwords.count(text.substr(pos, end - pos))) break;
    pos = SkipSpaces(text, end);
  }
  if (pos < text.size() && text[pos] == ',') pos = SkipSpaces(text, pos + 1);
  int x = TagStartingAt(s, pos);
  if (x < 0 || !IsDescribable(s.tags[static_cast<size_t>(x)])) return std::nullopt;
  const Tag& named = s.tags[static_cast<size_t>(x)];
  std::optional<Party> owner = OwnerBefore(lang, s, head.start, true, head.phrase->extra == kAlone);
  if (!owner) {
    if (int linked = LinkedPartyAt(lang, s, named.end); linked >= 0) {
      owner = Party{linked, false};
    } else if (PhraseEnd(text, SkipSpaces(text, named.end), lang.own_parties) != kNone) {
      owner = Party{-1, true};
    }
  }
  if (!owner) return std::nullopt;
  return Reading{head.phrase->value, Party{x, false}, *owner, head.phrase->value != kRivalry, head.start};
}

// The start of the `n`th untagged word before `pos` (fewer when a tag or the sentence's start comes first).
size_t WordsBack(const TaggedSentence& s, size_t pos, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    size_t start = PlainWordStart(s, BackOverSpaces(s.view.text, pos));
    if (start == kNone) break;
    pos = start;
  }
  return pos;
}

// A guard word from the words before a reading around a head to the end of the apposition after its name:
// "Its former subsidiary X, sold in 2022, ...".
bool GuardedAround(const Language& lang, const TaggedSentence& s, const Hit& head, const Reading& r) {
  const std::string& text = s.view.text;
  const Tag& named = s.tags[static_cast<size_t>(r.described.tag)];
  size_t from = WordsBack(s, std::min(head.start, named.start), kWordsBeforeHead);
  size_t to = named.end < text.size() && text[named.end] == ',' ? std::min(text.find_first_of(",;()", named.end + 1), text.size())
                                                                : std::max(head.end, named.end);
  return Guarded(lang, s, from, to);
}

bool Relates(const std::vector<Extracted>& found, const std::string& a, const std::string& b) {
  return std::any_of(found.begin(), found.end(), [&](const Extracted& e) {
    const std::string& s = e.claim.subject.value;
    const std::string& o = e.claim.object.value;
    return (s == a && o == b) || (s == b && o == a);
  });
}

// Does a claim of `found` give `object` to a subject under `predicate` already ("Zhipu AI, best known for its GLM
// models": develops.en.3 gave GLM to Zhipu AI, so "its" there is no page's company)?
bool ObjectClaimed(const std::vector<Extracted>& found, const std::string& predicate, const std::string& object) {
  return std::any_of(found.begin(), found.end(), [&](const Extracted& e) {
    return e.claim.predicate == predicate && e.claim.object.value == object;
  });
}

std::string PartyId(const TaggedSentence& s, const Party& p, const DocumentContext& context) {
  return p.own ? context.Antecedent() : EntityOf(s.tags[static_cast<size_t>(p.tag)], context);
}

// The first participle of ownership before any name of the sentence ("Founded in 2014 and now controlled by"), or
// nullptr.
const Hit* FrontedOwnership(const TaggedSentence& s, const std::vector<Hit>& passives) {
  auto named = std::find_if(s.tags.begin(), s.tags.end(), [](const Tag& t) { return IsParty(t) || IsDescribable(t); });
  size_t until = named == s.tags.end() ? s.view.text.size() : named->start;
  for (const Hit& passive : passives) {
    if (passive.end <= until && passive.phrase->value == kOwnership) return &passive;
  }
  return nullptr;
}

// "Founded in 2014 and now controlled by Infratil, the New Zealand investor that ..., it spent ...", "Controllata
// dal 2019 da Orbis Telecom, Corvo Reti vende ...": the agent of a fronted participle of ownership owns the main
// clause's subject (a name, an anaphor or a `subject_pronoun`), past the agent's own apposition.
std::optional<Reading> ReadFrontedOwner(const Language& lang, const TaggedSentence& s, const std::vector<Hit>& passives) {
  const std::string& text = s.view.text;
  const Hit* passive = FrontedOwnership(s, passives);
  if (passive == nullptr) return std::nullopt;
  int owner = AgentOf(lang, s, *passive);
  if (owner < 0 || !IsNamedCompany(s.tags[static_cast<size_t>(owner)])) return std::nullopt;
  size_t after = s.tags[static_cast<size_t>(owner)].end;
  for (size_t words = 0; words < kWordsAfterHead && after < text.size() && text[after] != ','; ++words) {
    after = WordOrFigureEnd(s, SkipSpaces(text, after));  // "Majority-owned by X since 2020, ..."
    if (after == kNone) return std::nullopt;
  }
  if (after >= text.size() || text[after] != ',' || Guarded(lang, s, 0, after)) return std::nullopt;  // "until 2022"
  size_t main = SkipSpaces(text, after + 1);
  if (PhraseEnd(text, main, lang.description_openers) != kNone) {  // the agent's apposition
    size_t comma = text.find(',', main);
    if (comma == std::string::npos) return std::nullopt;
    main = SkipSpaces(text, comma + 1);
  }
  Reading r{kOwnership, Party{}, Party{owner, false}, true, kNone};
  int subject = TagStartingAt(s, main);
  if (subject >= 0 && IsParty(s.tags[static_cast<size_t>(subject)])) {
    r.described = Party{subject, false};
  } else if (PhraseEnd(text, main, lang.subject_pronouns) != kNone) {
    r.described = Party{-1, true};
  } else {
    return std::nullopt;
  }
  return r;
}

}  // namespace

std::vector<Extracted> ReadDescriptions(const Language& lang, const TaggedSentence& s,
                                        const std::vector<Extracted>& found, const DocumentContext& context) {
  std::vector<Extracted> out;
  Hits hits = FindHits(lang, s);
  const std::vector<Hit>& heads = hits.heads;
  const std::vector<Hit>& verbs = hits.verbs;
  const std::vector<Hit>& passives = hits.passives;
  if (heads.empty() && verbs.empty() && passives.empty()) return out;
  std::vector<Reading> readings;
  if (auto r = ReadFrontedOwner(lang, s, passives)) readings.push_back(*r);
  for (size_t x = 0; x < s.tags.size(); ++x) {
    if (!IsDescribable(s.tags[x]) && s.tags[x].type != "REF") continue;
    if (auto r = ReadApposition(lang, s, x, heads, verbs, passives)) readings.push_back(*r);
  }
  for (const Hit& passive : passives) {
    if (auto r = ReadPassiveClause(lang, s, passive)) readings.push_back(*r);
  }
  for (const Hit& head : heads) {
    // "Forge, our own GPU-as-a-service platform": the apposition's head describes its name, not the one before it
    auto read = [&head](const Reading& r) { return r.head == head.start; };
    if (std::any_of(readings.begin(), readings.end(), read)) continue;
    for (auto r : {ReadNameBeforeHead(lang, s, head), ReadHeadBeforeName(lang, s, head)}) {
      if (r && !GuardedAround(lang, s, head, *r)) readings.push_back(*r);
    }
  }
  std::vector<Extracted> all = found;
  for (const Reading& r : readings) {
    std::string described = PartyId(s, r.described, context);
    std::string party = PartyId(s, r.party, context);
    if (party.empty() || described.empty() || party == described || Relates(all, party, described)) continue;
    // An anaphoric party of a thing a rule of the sentence already gave to a company names that company, not the page's.
    bool anaphoric_party = r.party.own || IsAnaphor(s.tags[static_cast<size_t>(r.party.tag)]);
    if (anaphoric_party && ObjectClaimed(found, r.predicate, r.party_first ? described : party)) continue;
    Extracted e;
    e.rule = "description." + lang.code + "." + r.predicate;
    e.claim.subject = Term::Entity(r.party_first ? party : described);
    e.claim.predicate = r.predicate;
    e.claim.object = Term::Entity(r.party_first ? described : party);
    const Party& subject = r.party_first ? r.party : r.described;
    bool anaphor = subject.own || IsAnaphor(s.tags[static_cast<size_t>(subject.tag)]);
    e.subject_from = anaphor ? SubjectFrom::kAnaphor : SubjectFrom::kOther;
    all.push_back(e);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace kg::ingest
