#include "ingest/salience.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "ingest/clauses.h"
#include "ingest/name_kinds.h"
#include "ingest/phrase_match.h"

namespace kg::ingest {

namespace {

// How many sentences on a company stays the one anaphors point to, unless
// they restate it: the sentence right after ("Elisa will spend EUR 300m.
// The telecom group has ordered ..."); further on, "the company" is again
// the document's own, as journalists write after a paragraph on a rival.
constexpr size_t kSalienceReach = 1;

bool IsCompany(const Tag& tag) { return tag.type == "ORG" || tag.type == "UNK"; }

// The one subject of the sentence's statements that say whom it is about:
// figures stated of a company it names ("Elisa said it would spend EUR
// 300m") and statements of its anaphors, or "" when there are none or two.
// Figures stated of a model or a product ("Cantiere AI processes 2bn tokens a
// day", "Each B300 costs $30,000") do not make it what "the group" means next.
bool FigureOfAProduct(const std::string& predicate) { return predicate == "daily_tokens" || predicate == "unit_price"; }

std::string SubjectOfSentence(const std::vector<Extracted>& found) {
  std::set<std::string> subjects;
  for (const auto& e : found) {
    bool figure_of_name = e.subject_from == SubjectFrom::kName && e.claim.object.kind == TermKind::kQuantity &&
                          !FigureOfAProduct(e.claim.predicate);
    if (figure_of_name || (e.subject_from == SubjectFrom::kAnaphor && e.claim.predicate != kSamePrevious)) {
      subjects.insert(e.claim.subject.value);
    }
  }
  return subjects.size() == 1 ? *subjects.begin() : "";
}

// A name that may stand before the sentence's subject: a place ("In
// Finland, ..."), a counted product, an anaphor, a source already read or left unnamed,
// a unit's parent ("G42's cloud unit Core42"), a company paid ("Most of it will go to Nvidia: the company").
bool MayLead(const Tag& tag) {
  return !IsEntityType(tag.type) || tag.type == "PLACE" || tag.type == "COUNT" || tag.type == "REF" ||
         tag.type == "PARENT" || tag.type == "PAYEE" ||
         tag.type == "POSS" || tag.type == "SRC" || tag.type == "ATTR" || tag.type == "ANON";
}

// The first name of the sentence that may be its subject, or "".
std::string LeadingName(const TaggedSentence& s) {
  for (const auto& tag : s.tags) {
    if (!MayLead(tag)) return tag.id;
  }
  return "";
}

// The phrase of `words` that is the word ending at view position `end` ("GPU" of "GPU Nvidia"), or nullptr.
const Phrase* WordBefore(const PhraseTable& words, const TextView& view, size_t end) {
  while (end > 0 && view.text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && view.text[start - 1] != ' ') --start;
  size_t matched = 0;
  const Phrase* word = start < end ? words.Match(view, start, &matched) : nullptr;
  return word != nullptr && matched == end ? word : nullptr;
}

bool WordBeforeIs(const PhraseTable& words, const TextView& view, size_t end) { return WordBefore(words, view, end) != nullptr; }

// A company introduced as someone's rival ("Rival Orbis Telecom is expanding too"): not what the
// sentence is about for the anaphors after it.
bool NamedAsRival(const Language& lang, const TaggedSentence& s, size_t i) {
  const Phrase* head = WordBefore(lang.relation_heads, s.view, s.tags[i].start);
  return head != nullptr && head->value == "competes_with";
}

// A company named as the maker of what the sentence speaks of: before its
// chip ("Nvidia B200 chips") or beside a product word ("Nvidia hardware",
// "GPU Nvidia").
bool NamedAsMaker(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  size_t after = SkipSpaces(s.view.text, tag.end), end = 0;
  return NamedAsSupplier(s, lang, i) || lang.product_words.Match(s.view, after, &end) != nullptr ||
         lang.count_nouns.Match(s.view, after, &end) != nullptr || WordBeforeIs(lang.product_words, s.view, tag.start);
}

// Is the text of `s` between view positions [from, to) one of `phrases`, with a space either side
// (" of " between "Erik Sandgren" and "Brannvik Bank")?
bool SpacedPhraseBetween(const std::vector<std::string>& phrases, const TaggedSentence& s, size_t from, size_t to) {
  if (to < from + 2 || s.view.text[from] != ' ' || s.view.text[to - 1] != ' ') return false;
  std::string_view between = std::string_view(s.view.text).substr(from + 1, to - from - 2);
  return std::find(phrases.begin(), phrases.end(), between) != phrases.end();
}

// A name followed by a `party_link` and a company ("Erik Sandgren of Brannvik Bank asked ...",
// "Marco Conti di Equita"): a person the tagger did not know and their employer, no company subject.
bool NamedWithEmployer(const Language& lang, const TaggedSentence& s, size_t i) {
  return i + 1 < s.tags.size() && IsCompany(s.tags[i + 1]) &&
         SpacedPhraseBetween(lang.party_links, s, s.tags[i].end, s.tags[i + 1].start);
}

// A company named as the employer of analysts ("Jefferies analysts", "Jefferies' analysts", "जेफरीज के
// विश्लेषकों ने ..."): the analysts' firm is no party to what they say, and the sentence is not about it.
bool NamedAsAnalystsFirm(const Language& lang, const TaggedSentence& s, size_t i) {
  const std::string& text = s.view.text;
  size_t pos = SkipSpaces(text, s.tags[i].end), end = 0;
  for (const std::string& genitive : lang.parent_genitives) {
    if (text.compare(pos, genitive.size(), genitive) == 0) {
      pos = SkipSpaces(text, pos + genitive.size());
      break;
    }
  }
  const Phrase* role = lang.person_roles.Match(s.view, pos, &end);
  return role != nullptr && role->value == "outside";
}

// The company a sentence names as its subject and names nothing else
// ("Anche Fastweb accelera.", "Elisa is expanding too."): a sentence about
// it; else "". A name further in ("Analysts at Jefferies said ...") is not
// what the sentence is about, nor is a rival ("Rival Orbis Telecom is expanding too").
std::string OnlyName(const Language& lang, const TaggedSentence& s) {
  if (s.tags.empty() || !IsCompany(s.tags[0]) || NamedAsRival(lang, s, 0) || NamedAsAnalystsFirm(lang, s, 0) ||
      CountWords(std::string_view(s.view.text).substr(0, s.tags[0].start)) > 1) {
    return "";
  }
  for (const auto& tag : s.tags) {
    if (tag.id != s.tags[0].id || !IsCompany(tag)) return "";
  }
  return s.tags[0].id;
}

// The company a sentence names as its subject, right before a word, after
// at most one word or a fronted phrase set off by a comma ("Over in Oslo,
// Kallio Networks has opened ..."): what the sentence is about, whatever it
// names further in; else "". A name further in ("Analysts at Jefferies said
// ..."), a maker ("In Taiwan, Nvidia B200 chips ...") or a name in
// apposition ("Giulia Ferraresi, 47 anni, guida ...": a person the tagger
// did not know) is not, nor is anything in a sentence with an amount,
// a percentage or a count (distances and years are no such figures) or a
// negation ("E Nvidia? Non la compreremo").
std::string LeadingCompany(const Language& lang, const TaggedSentence& s) {
  auto statable = [](const Tag& t) { return t.type == "MONEY" || t.type == "PERCENT" || t.type == "TOKENS" || t.type == "COUNT"; };
  if (std::any_of(s.tags.begin(), s.tags.end(), statable)) {
    return "";  // a figure no rule read ("Capital expenditure of $4.2bn", "The Nasdaq finished 1.1% higher"): no telling
  }
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (MayLead(tag)) continue;
    if (!IsCompany(tag) || NamedAsMaker(lang, s, i) || NamedWithEmployer(lang, s, i) || NamedAsRival(lang, s, i) ||
        NamedAsAnalystsFirm(lang, s, i)) {
      return "";
    }
    size_t next = tag.end + 1, end = 0;
    bool verb_may_follow = next < s.view.text.size() && s.view.text[tag.end] == ' ' && IsWordCharAt(s.view.text, next) &&
                           lang.coordinators.Match(s.view, next, &end) == nullptr;  // not "... centres, Gak Chuncheon and Gak Sejong"
    if (!verb_may_follow) return "";
    std::string_view before = std::string_view(s.view.text).substr(0, tag.start);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    bool fronted = !before.empty() && before.back() == ',';
    if (!fronted && CountWords(before) > 1) return "";
    auto negated = [&s](const std::string& word) { return FindWord(s.view.text, word) != std::string::npos; };
    return std::any_of(lang.negations.begin(), lang.negations.end(), negated) ? "" : tag.id;  // "और Nvidia नहीं, इस बार AMD ..."
  }
  return "";
}

// Does the sentence name a company other than as a maker?
bool NamesACompany(const Language& lang, const TaggedSentence& s) {
  for (size_t i = 0; i < s.tags.size(); ++i) {
    if ((IsCompany(s.tags[i]) || s.tags[i].type == "GROUP") && !NamedAsMaker(lang, s, i)) return true;
  }
  return false;
}

// Is `a` the company `b`, or its name's first words ("Baltis" of "Baltis Cloud", a short name the tagger
// left apart)?
bool SameCompany(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return !shorter.empty() && longer.compare(0, shorter.size(), shorter) == 0 &&
         (longer.size() == shorter.size() || longer[shorter.size()] == ' ');
}

// The `role_noun` that ends tag i ("unit" of "the unit", "gruppo" of "il gruppo"), or nullptr.
const Phrase* RoleOf(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  for (size_t pos = tag.start; pos < tag.end; ++pos) {
    if (pos > tag.start && IsWordCharAt(s.view.text, pos - 1)) continue;
    size_t end = 0;
    const Phrase* role = lang.role_nouns.Match(s.view, pos, &end);
    if (role != nullptr && end == tag.end) return role;
  }
  return nullptr;
}

bool IsOwnedRole(const Phrase* role) { return role != nullptr && role->value == "owned"; }

// Does a word of `role_nouns` of value `owned` end within three words after view position `from`
// ("Vantis Cloud, the cloud subsidiary ...", "Vantis Cloud, la controllata nata ...")?
bool OwnedRoleWithin(const Language& lang, const TaggedSentence& s, size_t from) {
  const std::string& text = s.view.text;
  size_t pos = SkipSpaces(text, from);
  for (int words = 0; words < 4 && pos < text.size() && IsWordCharAt(text, pos); ++words) {
    size_t end = 0;
    if (IsOwnedRole(lang.role_nouns.Match(s.view, pos, &end))) return true;
    pos = SkipSpaces(text, WordEndAt(text, pos));
  }
  return false;
}

// Does the page write company tag i as someone's unit: right after a unit word ("la controllata
// Vantis Cloud", "G42's cloud unit Core42") or with one in apposition ("Vantis Cloud, the cloud
// subsidiary the group set up")?
bool WrittenAsUnit(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  // not the subject of a relative clause after another's apposition ("Vantis, the subsidiary Orbis set up")
  bool in_apposition = i > 0 && s.view.text[SkipSpaces(s.view.text, s.tags[i - 1].end)] == ',';
  if (!in_apposition && IsOwnedRole(WordBefore(lang.role_nouns, s.view, tag.start))) return true;
  bool apposed = tag.end < s.view.text.size() && s.view.text[tag.end] == ',';
  return apposed && (i + 1 >= s.tags.size() || s.tags[i + 1].start > tag.end + 1) && OwnedRoleWithin(lang, s, tag.end + 1);
}

// A company named as the subject or object of what a sentence says: not a maker before its chip, an
// analysts' firm or a person's employer.
bool NamedAsParty(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  return (IsCompany(tag) || tag.type == "PARENT") && !NamedAsMaker(lang, s, i) && !NamedAsAnalystsFirm(lang, s, i) &&
         !NamedWithEmployer(lang, s, i);
}

// The one company a person of `s` is named with, by a role that is no outsider's, with at most one word
// between role and company ("Anna Berg, chief executive of Kallio Networks", "amministratore delegato di
// Vantis Cloud", "Kallio Networks' chief executive"), or "".
std::string CompanyOfSpeaker(const Language& lang, const TaggedSentence& s) {
  if (std::none_of(s.tags.begin(), s.tags.end(), [](const Tag& t) { return t.type == "PERSON"; })) return "";
  std::string_view text = s.view.text;
  auto within_a_word = [&](size_t from, size_t to) { return from <= to && CountWords(text.substr(from, to - from)) <= 1; };
  std::set<std::string> companies;
  for (size_t pos = 0, end = 0; pos < text.size(); ++pos) {
    if (pos > 0 && IsWordCharAt(text, pos - 1)) continue;
    const Phrase* role = lang.person_roles.Match(s.view, pos, &end);
    if (role == nullptr) continue;
    if (role->value == "outside") return "";
    for (size_t i = 0; i < s.tags.size(); ++i) {
      const Tag& tag = s.tags[i];
      bool beside = within_a_word(end, tag.start) || within_a_word(tag.end, pos);
      if (beside && IsCompany(tag) && NamedAsParty(lang, s, i)) companies.insert(tag.id);
    }
  }
  return companies.size() == 1 ? *companies.begin() : "";
}

// Is tag i followed by a `party_link` and a name ("the parent of YouTube", "the unit of G42")? Such a
// description names what it is of: no anaphor. (A place is its home: "il gruppo di Bengaluru" stays.)
bool NamesItsCompany(const Language& lang, const TaggedSentence& s, size_t i) {
  return i + 1 < s.tags.size() && IsEntityType(s.tags[i + 1].type) && s.tags[i + 1].type != "PLACE" &&
         SpacedPhraseBetween(lang.party_links, s, s.tags[i].end, s.tags[i + 1].start);
}

// Is tag i a description right after the name it describes ("Core42, the unit of G42")?
bool ApposedToAName(const TaggedSentence& s, size_t i) {
  if (i == 0 || !IsCompany(s.tags[i - 1])) return false;
  std::string_view between = std::string_view(s.view.text).substr(s.tags[i - 1].end, s.tags[i].start - s.tags[i - 1].end);
  return between.find_first_not_of(", ") == std::string_view::npos && between.find(',') != std::string_view::npos;
}

}  // namespace

std::string Salience::For(const TaggedSentence& s, const std::string& topic) const {
  if (age_ >= kSalienceReach) return "";
  bool topic_named = false;
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (IsCompany(tag) && tag.id == current_) return "";
    // "The day belonged to IREN, ... after the Sydney-headquartered company said": the page's own company
    if (tag.type == "REF" && topic_named) return "";
    topic_named = topic_named || (IsCompany(tag) && tag.id == topic && !NamedAsMaker(lang_, s, i));
  }
  return current_;
}

bool Salience::ResolveRoles(const std::string& antecedent, TaggedSentence* s) const {
  if (lang_.role_nouns.empty()) return false;
  std::vector<const Phrase*> roles(s->tags.size(), nullptr);
  bool any_role = false;
  for (size_t i = 0; i < s->tags.size(); ++i) {
    if (s->tags[i].type == "REF" && !IsFusedMarker(s->tags[i].id)) roles[i] = RoleOf(lang_, *s, i);
    any_role = any_role || roles[i] != nullptr;
  }
  if (!any_role) return false;
  bool changed = false;
  std::vector<Named> named = NamedBefore();  // nearest last
  std::vector<Tag> kept;
  kept.reserve(s->tags.size());
  for (size_t i = 0; i < s->tags.size(); ++i) {
    Tag tag = s->tags[i];
    if (const Phrase* role = roles[i]) {
      std::string company = ApposedToAName(*s, i) ? "" : OfRole(role->value, named);
      if ((company.empty() && IsOwnedRole(role)) || NamesItsCompany(lang_, *s, i)) {
        changed = true;  // no unit to point to, or a description of a name: the words, as the tagger would have read them
        continue;
      }
      if (!company.empty() && company != antecedent) {
        tag.type = "ORG";
        tag.id = company;
        changed = true;
      }
    }
    if (NamedAsParty(lang_, *s, i)) named.push_back(Named{tag.id, WrittenAsUnit(lang_, *s, i)});
    kept.push_back(std::move(tag));
  }
  if (!changed) return false;
  s->tags = std::move(kept);
  Render(lang_, s);
  return true;
}

std::vector<Salience::Named> Salience::NamedBefore() const {
  std::vector<Named> named;
  if (previous_ == nullptr) return named;
  const TaggedSentence& s = *previous_;
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& tag = s.tags[i];
    if (tag.type == "REF" || tag.type == "POSS") {
      named.push_back(Named{EntityOf(tag, previous_context_), false});
    } else if (NamedAsParty(lang_, s, i)) {
      named.push_back(Named{tag.id, WrittenAsUnit(lang_, s, i)});
    }
  }
  return named;
}

std::string Salience::OfRole(const std::string& role, const std::vector<Named>& named) const {
  auto owner_of = [this](const std::string& id) {
    auto it = owners_.find(id);
    return it == owners_.end() ? std::string() : it->second;
  };
  for (auto it = named.rbegin(); it != named.rend(); ++it) {
    if (role == "owned" && (it->owned || !owner_of(it->id).empty())) return it->id;
    if (role == "owner" && std::any_of(named.begin(), named.end(), [&](const Named& n) { return owner_of(n.id) == it->id; })) {
      return it->id;
    }
  }
  return "";
}

std::string Salience::PossessiveOwner(const TaggedSentence& s, const std::string& antecedent) const {
  if (std::any_of(s.tags.begin(), s.tags.end(), [](const Tag& t) { return t.type == "REF"; })) return "";
  auto possessive = std::find_if(s.tags.begin(), s.tags.end(), [](const Tag& t) { return t.type == "POSS"; });
  if (possessive == s.tags.end()) return "";
  for (size_t i = 0; s.tags.begin() + static_cast<std::ptrdiff_t>(i) < possessive; ++i) {
    if (NamedAsParty(lang_, s, i)) return "";  // "Vantis said its ...": the rules read the name
  }
  std::vector<Named> named = NamedBefore();
  if (named.empty() || std::any_of(named.begin(), named.end(), [&](const Named& n) { return n.id == antecedent; })) return "";
  const TaggedSentence& before = *previous_;
  bool opens_with_company = !before.tags.empty() && NamedAsParty(lang_, before, 0) &&
                            CountWords(std::string_view(before.view.text).substr(0, before.tags[0].start)) <= 1;
  return opens_with_company ? before.tags[0].id : named.back().id;
}

std::string Salience::SpeakerCompany(const TaggedSentence& s) const {
  if (previous_ == nullptr) return "";
  bool first_person = false;
  for (size_t i = 0; i < s.tags.size() && !first_person; ++i) {
    const Phrase* role = s.tags[i].type == "REF" ? RoleOf(lang_, s, i) : nullptr;
    first_person = role != nullptr && role->value == "speaker";
  }
  for (size_t i = 0; i < s.tags.size() && first_person; ++i) {
    if (NamedAsParty(lang_, s, i)) return "";  // "ha detto Rossi di Vantis": the rules read the name
  }
  return first_person ? CompanyOfSpeaker(lang_, *previous_) : "";
}

void NoteHomes(const std::vector<Extracted>& found, Homes* homes) {
  for (const auto& e : found) {
    if (e.claim.predicate == "headquartered_in") (*homes)[e.claim.subject.value].insert(e.claim.object.value);
  }
}

namespace {

// The place a description tag i names ("Montreal" of "the Montreal-based group"), or "".
std::string DescribedPlace(const Language& lang, const TaggedSentence& s, size_t i) {
  if (i == 0 || s.tags[i].type != "REF" || s.tags[i - 1].type != "PLACE") return "";
  std::string between = s.view.text.substr(s.tags[i - 1].end, s.tags[i].start - s.tags[i - 1].end);
  size_t first = between.find_first_not_of(' '), last = between.find_last_not_of(' ');
  between = first == std::string::npos ? "" : between.substr(first, last - first + 1);  // the lexicon's phrases are trimmed
  bool linked = std::find(lang.description_links.begin(), lang.description_links.end(), between) != lang.description_links.end();
  bool after_article = between.empty() && PhraseBefore(s.view.text, s.tags[i - 1].start, lang.description_openers);  // "the Leeds company"
  return linked || after_article ? s.tags[i - 1].id : "";
}

// The one company at home in `place`, or "".
std::string AtHomeIn(const Homes& homes, const std::string& place) {
  std::string found;
  for (const auto& [company, places] : homes) {
    if (!places.count(place)) continue;
    if (!found.empty()) return "";
    found = company;
  }
  return found;
}

// The town of the `home_adjective` that starts at view position `pos` ("Turin" of "torinese"), or "";
// `*end` is set after it.
std::string HomeAdjectiveAt(const Language& lang, const TaggedSentence& s, size_t pos, size_t* end) {
  const Phrase* adjective = lang.home_adjectives.Match(s.view, pos, end);
  return adjective != nullptr ? adjective->value : "";
}

// The town of a `home_adjective` right after anaphor tag i ("la società torinese"), or "".
std::string HomeAfterAnaphor(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  size_t end = 0;
  bool spaced = tag.type == "REF" && tag.end + 1 < s.view.text.size() && s.view.text[tag.end] == ' ';
  return spaced ? HomeAdjectiveAt(lang, s, tag.end + 1, &end) : "";
}

// Demonyms standing for a company: an article and a `home_adjective` that no name follows ("i torinesi
// hanno prenotato ...", not "la valdostana Mont Blanc Hosting"), outside any tag, when one company of the
// page is at home in that town: a tag of that company is added.
bool TagDemonyms(const Language& lang, const Homes& homes, const std::string& antecedent, TaggedSentence* s) {
  const std::string& text = s->view.text;
  bool changed = false;
  size_t next_tag = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    while (next_tag < s->tags.size() && s->tags[next_tag].end <= pos) ++next_tag;
    bool word_start = pos == 0 || !IsWordCharAt(text, pos - 1);
    bool in_tag = next_tag < s->tags.size() && s->tags[next_tag].start <= pos;
    size_t end = 0;
    std::string town = word_start && !in_tag ? HomeAdjectiveAt(lang, *s, pos, &end) : "";  // the table's test is the cheap one
    if (town.empty() || !PhraseBefore(text, pos, lang.description_openers)) continue;
    bool name_follows = next_tag < s->tags.size() && s->tags[next_tag].start == SkipSpaces(text, end);
    std::string company = name_follows ? "" : AtHomeIn(homes, town);
    if (company.empty() || company == antecedent) continue;
    s->tags.insert(s->tags.begin() + static_cast<std::ptrdiff_t>(next_tag), Tag{pos, end, "ORG", company, {}, "", {}});
    changed = true;
  }
  return changed;
}

}  // namespace

bool ResolvePlaceDescriptions(const Language& lang, const Homes& homes, const std::string& antecedent,
                              TaggedSentence* s) {
  if (homes.empty()) return false;
  bool changed = false;
  for (size_t i = 0; i < s->tags.size(); ++i) {
    std::string place = DescribedPlace(lang, *s, i);
    if (place.empty()) place = HomeAfterAnaphor(lang, *s, i);
    if (place.empty()) continue;
    std::string company = AtHomeIn(homes, place);
    if (company.empty() || company == antecedent) continue;
    s->tags[i].type = "ORG";
    s->tags[i].id = company;
    changed = true;
  }
  if (!lang.home_adjectives.empty()) changed = TagDemonyms(lang, homes, antecedent, s) || changed;
  if (changed) Render(lang, s);
  return changed;
}

namespace {
constexpr std::string_view kHomeAdjectiveRule = ".home_adjective";

// A company's home read from its description or a label, not by a rule: the subject is an anaphor's.
Extracted HomeOf(const std::string& company, const std::string& town, std::string rule) {
  Extracted e;
  e.rule = std::move(rule);
  e.claim.subject = Term::Entity(company);
  e.claim.predicate = "headquartered_in";
  e.claim.object = Term::Entity(town);
  e.subject_from = SubjectFrom::kAnaphor;
  return e;
}
}  // namespace

bool IsHomeAdjectiveRule(std::string_view rule) {
  return rule.size() > kHomeAdjectiveRule.size() && rule.substr(rule.size() - kHomeAdjectiveRule.size()) == kHomeAdjectiveRule;
}

void ReadHomeAdjectives(const Language& lang, const TaggedSentence& s, const DocumentContext& context,
                        std::vector<Extracted>* found) {
  if (lang.home_adjectives.empty()) return;
  for (size_t i = 0; i < s.tags.size(); ++i) {
    std::string town = HomeAfterAnaphor(lang, s, i);
    std::string company = town.empty() ? "" : EntityOf(s.tags[i], context);
    if (company.empty()) continue;
    found->push_back(HomeOf(company, town, "description." + lang.code + std::string(kHomeAdjectiveRule)));
  }
}

namespace {

constexpr size_t kNoLabel = std::string::npos;

// Where the answer after the `home_label` that opens s starts ("Headquarters: |Lyon."), in the view of
// s; the end of s when the answer is the next sentence ("Il quartier generale?" "Torino."); kNoLabel
// when s opens with no such label and its colon or question mark.
size_t AfterHomeLabel(const Language& lang, const TaggedSentence& s) {
  const std::string& text = s.view.text;
  size_t end = 0;
  if (lang.home_labels.Match(s.view, 0, &end) == nullptr) return kNoLabel;
  size_t mark = SkipSpaces(text, end);
  if (mark >= text.size() || (text[mark] != ':' && text[mark] != '?')) return kNoLabel;
  return SkipSpaces(text, mark + 1);
}

// Where a label's answer names its place: the sentence, the view span of the name and its tag, if any
// (a capitalised word that opens the answer is no name for the tagger: "Headquarters: Nairobi").
struct LabelAnswer {
  size_t sentence = 0, start = 0, end = 0;
  const Tag* tag = nullptr;
};

bool CapitalAt(const TextView& view, size_t pos) {
  size_t length = 1;
  return pos < view.text.size() && IsUpperCodePoint(CodePointAt(view.source, view.origin[pos], &length));
}

// The span of the capitalised words from `pos` on ("Redwood City"), empty when the word there is not.
size_t CapitalisedWordsEnd(const TextView& view, size_t pos) {
  size_t end = pos;
  while (CapitalAt(view, pos)) {
    end = WordEndAt(view.text, pos);
    if (end >= view.text.size() || view.text[end] != ' ') break;
    pos = end + 1;
  }
  return end;
}

// The name that answers the `home_label` opening sentences[i], in the rest of it or the next sentence:
// a place, an unknown name or capitalised words after at most one word, ending the answer or its first
// clause ("In Lyon.", "Nairobi (NBOX1 campus)", "Tallinn, in un ex stabilimento ...", "बेंगलुरु में।");
// not "Lyon and Paris both have offices".
std::optional<LabelAnswer> HomeLabelAnswer(const Language& lang, const std::vector<TaggedSentence>& sentences, size_t i) {
  size_t from = AfterHomeLabel(lang, sentences[i]);
  if (from == kNoLabel) return std::nullopt;
  LabelAnswer answer{i, 0, 0, nullptr};
  if (sentences[i].view.text.find_first_not_of(" \"'", from) == std::string::npos) {
    answer.sentence = i + 1;  // "Il quartier generale?" "Torino."
    from = 0;
  }
  if (answer.sentence >= sentences.size()) return std::nullopt;
  const TaggedSentence& s = sentences[answer.sentence];
  std::string_view text = s.view.text;
  auto first = std::find_if(s.tags.begin(), s.tags.end(), [from](const Tag& tag) { return tag.start >= from; });
  if (first != s.tags.end() && CountWords(text.substr(from, first->start - from)) <= 1) {
    if (first->type != "PLACE" && first->type != "UNK") return std::nullopt;
    answer = LabelAnswer{answer.sentence, first->start, first->end, &*first};
  } else {
    size_t start = CapitalAt(s.view, from) ? from : SkipSpaces(text, WordEndAt(s.view.text, from));  // "A Torino."
    answer.start = start;
    answer.end = CapitalisedWordsEnd(s.view, start);
    if (answer.end <= start || (first != s.tags.end() && first->start < answer.end)) return std::nullopt;
  }
  size_t after = SkipSpaces(text, answer.end);
  bool ends_clause = after >= text.size() || std::string_view(",.;:()-").find(text[after]) != std::string_view::npos;
  bool postposition_ends = CountWords(text.substr(after)) == 1 && !IsWordCharAt(text, text.size() - 1);  // "में।"
  if (!ends_clause && !postposition_ends) return std::nullopt;
  return answer;
}

}  // namespace

void ReadHomeLabels(const Language& lang, const std::vector<TaggedSentence>& sentences, size_t i,
                    const DocumentContext& context, std::vector<Extracted>* found) {
  if (lang.home_labels.empty()) return;
  std::optional<LabelAnswer> answer = HomeLabelAnswer(lang, sentences, i);
  const std::string& company = context.Antecedent();
  if (!answer || answer->tag == nullptr || answer->tag->type != "PLACE" || company.empty()) return;
  found->push_back(HomeOf(company, answer->tag->id, "label." + lang.code + ".headquartered_in"));
}

namespace {

// Is the text between `name` and the company `parent` " <unit_word> <party_link> " ("Aberdeen unit of Orbis")?
bool UnitOfParentBetween(const Language& lang, const TaggedSentence& s, const Tag& name, const Tag& parent) {
  if (parent.type != "ORG" && parent.type != "UNK") return false;
  std::string_view between = std::string_view(s.view.text).substr(name.end, parent.start - name.end);
  // Is `rest` " <word> " followed by more, and what follows (from its space)?
  auto word_then = [](std::string_view rest, const std::string& word, std::string_view* after) {
    if (rest.size() < word.size() + 2 || rest[0] != ' ' || rest.compare(1, word.size(), word) != 0) return false;
    *after = rest.substr(word.size() + 1);
    return true;
  };
  auto party_only = [&](std::string_view rest) {
    std::string_view end;
    return std::any_of(lang.party_links.begin(), lang.party_links.end(),
                       [&](const std::string& party) { return word_then(rest, party, &end) && end == " "; });
  };
  std::string_view after_unit;
  return std::any_of(lang.unit_words.begin(), lang.unit_words.end(), [&](const std::string& unit) {
    return word_then(between, unit, &after_unit) && party_only(after_unit);
  });
}

// Is the one-word unknown name tags[i - 1], after an article, the town of the anaphor tags[i] right after it
// ("the Leeds company"), or of a unit of the company tags[i] ("the Aberdeen unit of Orbis": a unit's
// modifier is its place, never its owner)? (Before a place suffix, "the Solna-based group", the tagger
// already made it a place: FindPlaceSuffix.)
bool TownOfDescription(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& name = s.tags[i - 1];
  const Tag& next = s.tags[i];
  if (name.type != "UNK" || name.id.find(' ') != std::string::npos) return false;
  const std::string& text = s.view.text;
  bool described = next.type == "REF" && next.start == name.end + 1 && text[name.end] == ' ';
  return (described || UnitOfParentBetween(lang, s, name, next)) && PhraseBefore(text, name.start, lang.description_openers);
}

}  // namespace

namespace {

// The start of the word that ends at view position `end` (spaces before `end` skipped), and that end.
size_t WordStartBefore(const std::string& text, size_t* end) {
  while (*end > 0 && text[*end - 1] == ' ') --*end;
  size_t start = *end;
  while (start > 0 && text[start - 1] != ' ') --start;
  return start;
}

// "il suo chatbot multilingue Meera", "the chatbot multilingue X": a product word and one more word
// right before tag i, after a possessive or an article; the word between is no company noun ("the chip
// start-up Kallio Labs").
bool ProductWordTwoBefore(const Language& lang, const TaggedSentence& s, size_t i) {
  const std::string& text = s.view.text;
  size_t between_end = s.tags[i].start;
  size_t between = WordStartBefore(text, &between_end);
  size_t product_end = between;
  size_t product = WordStartBefore(text, &product_end);
  size_t end = 0;
  if (product >= between || lang.product_words.Match(s.view, product, &end) == nullptr || end != product_end) return false;
  if (lang.refs.Match(s.view, between, &end) != nullptr || lang.role_nouns.Match(s.view, between, &end) != nullptr) return false;
  std::string_view word = std::string_view(text).substr(between, between_end - between);
  if (std::find(lang.industry_heads.begin(), lang.industry_heads.end(), word) != lang.industry_heads.end()) return false;
  bool after_possessive = i > 0 && s.tags[i - 1].type == "POSS" && SkipSpaces(text, s.tags[i - 1].end) == product;
  return after_possessive || PhraseBefore(text, product, lang.description_openers);
}

// ", l'assistente ...", ", the chatbot ...": an apposition right after view position `end` that opens
// with an article and a product word.
bool ProductInApposition(const Language& lang, const TaggedSentence& s, size_t end) {
  const std::string& text = s.view.text;
  if (end >= text.size() || text[end] != ',') return false;
  size_t word = WordAfterPhrase(text, SkipSpaces(text, end + 1), lang.description_openers), after = 0;
  return word != std::string::npos && lang.product_words.Match(s.view, word, &after) != nullptr;
}

}  // namespace

std::set<std::string> NamesWrittenAsProducts(const Language& lang, const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> products;
  if (lang.product_words.empty()) return products;
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.tags.size(); ++i) {
      const Tag& tag = s.tags[i];
      if (tag.type == "UNK" && (ProductWordTwoBefore(lang, s, i) || ProductInApposition(lang, s, tag.end))) products.insert(tag.id);
    }
  }
  return products;
}

void MarkTownsOfDescriptions(const Language& lang, std::vector<TaggedSentence>* sentences) {
  std::set<std::string> towns;
  for (size_t i = 0; i < sentences->size() && !lang.home_labels.empty(); ++i) {  // "Il quartier generale? Tallinn"
    std::optional<LabelAnswer> answer = HomeLabelAnswer(lang, *sentences, i);
    if (!answer || (answer->tag != nullptr && answer->tag->type != "UNK")) continue;
    TaggedSentence& s = (*sentences)[answer->sentence];
    if (answer->tag == nullptr) {
      std::string name(s.view.source.substr(s.view.origin[answer->start], s.view.origin[answer->end] - s.view.origin[answer->start]));
      auto at = std::find_if(s.tags.begin(), s.tags.end(), [&](const Tag& tag) { return tag.start >= answer->end; });
      s.tags.insert(at, Tag{answer->start, answer->end, "PLACE", name, {}, "", {}});
      towns.insert(name);
    } else {
      Tag& town = s.tags[static_cast<size_t>(answer->tag - s.tags.data())];
      town.type = "PLACE";
      towns.insert(town.id);
    }
    Render(lang, &s);
  }
  for (auto& s : *sentences) {
    bool changed = false;
    for (size_t i = 1; i < s.tags.size(); ++i) {
      if (!TownOfDescription(lang, s, i)) continue;
      s.tags[i - 1].type = "PLACE";
      towns.insert(s.tags[i - 1].id);
      changed = true;
    }
    if (changed) Render(lang, &s);
  }
  if (towns.empty()) return;
  for (const auto& s : *sentences) {  // "the Ridgeline GPU cloud" beside "Ridgeline, the group's platform": no town
    for (size_t i = 0; i < s.tags.size() && !towns.empty(); ++i) {
      if (s.tags[i].type == "UNK" && towns.count(s.tags[i].id) && NamedAsProduct(lang, s, i)) towns.erase(s.tags[i].id);
    }
  }
  RetypeUnknownNames(lang, towns, "PLACE", sentences);
}

void Salience::Observe(const TaggedSentence& s, const std::vector<Extracted>& found, const DocumentContext& context,
                       Place place) {
  const std::string& topic = context.topic;
  previous_ = &s;
  previous_context_ = context;
  for (const auto& e : found) {
    if (e.claim.predicate == "owns" && e.claim.object.kind == TermKind::kEntity) {
      owners_[e.claim.object.value] = e.claim.subject.value;
    }
  }
  if (place.asked) {
    current_.clear();  // "Quanto spenderete? E Nvidia?": the answer is the interviewee's
    return;
  }
  std::string about = found.empty() ? OnlyName(lang_, s) : SubjectOfSentence(found);
  // a relation between names ("Fastweb sviluppa da tempo MIIA, ...") says no more than the names do
  bool only_relations = std::all_of(found.begin(), found.end(), [](const Extracted& e) {
    return e.claim.object.kind != TermKind::kQuantity && e.subject_from == SubjectFrom::kName;
  });
  if (about.empty() && only_relations) about = LeadingCompany(lang_, s);
  if (products_.count(about)) about.clear();  // "Sóng ha superato Bông": the product, not its maker
  if (!about.empty()) {
    current_ = SameCompany(about, topic) ? "" : about;
    age_ = 0;
  } else if (!topic.empty() && LeadingName(s) == topic) {
    current_.clear();  // "Scaleway employs 900 people": back to the document's company
  } else if (!place.paragraph_goes_on || !found.empty() || NamesACompany(lang_, s)) {
    ++age_;
  }
}

}  // namespace kg::ingest
