#include "ingest/relations.h"

#include "ingest/clauses.h"
#include "ingest/phrase_match.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>

#include <unicode/regex.h>

namespace kg::ingest {

namespace {

constexpr UChar32 kOpen = 0x27E6;   // ⟦
constexpr UChar32 kClose = 0x27E7;  // ⟧

// Indexes of the placeholders in tagged[start, end).
std::vector<size_t> TagsIn(const icu::UnicodeString& tagged, int32_t start, int32_t end) {
  std::vector<size_t> indexes;
  for (int32_t i = tagged.indexOf(kOpen, start); i >= 0 && i < end; i = tagged.indexOf(kOpen, i + 1)) {
    int32_t hash = tagged.indexOf(static_cast<UChar>('#'), i);
    int32_t close = tagged.indexOf(kClose, i);
    if (hash < 0 || close < 0 || close > end) break;
    size_t n = 0;
    for (int32_t k = hash + 1; k < close; ++k) n = n * 10 + static_cast<size_t>(tagged.charAt(k) - '0');
    indexes.push_back(n);
  }
  return indexes;
}

// The placeholder index captured by `group`, or -1.
int CapturedTag(icu::RegexMatcher& m, int32_t group) {
  if (group <= 0) return -1;
  UErrorCode status = U_ZERO_ERROR;
  if (m.start(group, status) < 0 || U_FAILURE(status)) return -1;
  icu::UnicodeString digits = m.group(group, status);
  int n = 0;
  for (int32_t i = 0; i < digits.length(); ++i) n = n * 10 + (digits.charAt(i) - '0');
  return n;
}

bool Found(const icu::RegexPattern& pattern, const icu::UnicodeString& text, RuleMatchers* matchers) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RegexMatcher* m = matchers->Reset(pattern, text);
  return m != nullptr && m->find(status) && U_SUCCESS(status);
}

bool IsCompanyName(const Tag& tag) { return tag.type == "ORG" || tag.type == "UNK"; }

// Where the subject of a match came from (no capture: the rule's topic).
// A company is named as the subject ahead of the object and not as a thing
// of another: "Elisa said it would spend ...", not "... B300 chips made by
// Nvidia" or "its HyperCLOVA X model handles ...".
SubjectFrom SubjectSource(const TaggedSentence& s, int subject, int object) {
  if (subject < 0) return SubjectFrom::kAnaphor;
  size_t i = static_cast<size_t>(subject);
  if (s.tags[i].type == "REF" || s.tags[i].type == "POSS") return SubjectFrom::kAnaphor;
  bool named = subject < object && IsCompanyName(s.tags[i]) && (i == 0 || s.tags[i - 1].type != "POSS");
  return named ? SubjectFrom::kName : SubjectFrom::kOther;
}

}  // namespace

std::string EntityOf(const Tag& tag, const DocumentContext& context) {
  if (tag.type == "REF" && tag.id == kTopicRef) return context.topic;
  if (tag.type == "REF" || tag.type == "POSS") return context.Antecedent();
  if (tag.type == "SRC") return context.last_source;
  if (tag.type == "COUNT") return tag.id;
  if (IsQuantityType(tag.type) || tag.type == "TIME") return "";
  return tag.id;
}

namespace {

bool ObjectOf(const Tag& tag, const Rule& rule, const DocumentContext& context, Term* object) {
  if (tag.type == "TIME") return false;
  if (IsQuantityType(tag.type)) {
    std::string unit = tag.quantity.unit;
    if (unit.empty()) unit = rule.unit;
    if (unit.empty()) return false;
    *object = Term::Quantity(tag.quantity.value, unit, tag.quantity.bound);
    return true;
  }
  std::string id = EntityOf(tag, context);
  if (id.empty()) return false;
  *object = Term::Entity(id);
  return true;
}

// The objects of the tags `objects`: a group's members one by one when the
// rule takes lists ("competes with Samsung, SK Hynix and Micron").
std::vector<Term> ObjectTerms(const TaggedSentence& s, const std::vector<size_t>& objects, const Rule& rule,
                              const DocumentContext& context) {
  std::vector<Term> terms;
  for (size_t index : objects) {
    const Tag& tag = s.tags[index];
    if (tag.type == "GROUP" && rule.object_lists) {
      for (const auto& member : tag.members) terms.push_back(Term::Entity(member));
      continue;
    }
    Term term;
    if (ObjectOf(tag, rule, context, &term)) terms.push_back(term);
  }
  return terms;
}

// A known and an unknown company make one list: "Kakao and Google".
bool SameListKind(const std::string& a, const std::string& b) {
  auto company = [](const std::string& type) { return type == "ORG" || type == "UNK"; };
  return a == b || (company(a) && company(b));
}

// An unknown name also joins a list of products or services ("AWS,
// Microsoft Azure e OVHcloud", "Aruba e Microsoft Azure"): it cannot tell
// which kind it is, the list can. In a list of peers (a symmetric predicate:
// rivals) companies, models and services mix, since a lab and its model
// share a name ("OpenAI, Anthropic e DeepSeek", DeepSeek a MODEL in the
// gazetteer) and a cloud competes as its owner does ("AWS, Microsoft और
// सॉफ्टबैंक"; "Samsung SDS, SK C&C and Naver Cloud", Naver Cloud a SERVICE).
bool JoinsList(const std::string& item, const std::string& list, bool peers) {
  auto company = [](const std::string& type) { return type == "ORG" || type == "UNK"; };
  auto peer = [&](const std::string& type) { return company(type) || type == "MODEL" || type == "SERVICE"; };
  return SameListKind(item, list) || (item == "UNK" && IsProductType(list)) || (list == "UNK" && IsProductType(item)) ||
         (peers && peer(item) && peer(list));
}

// The last words (up to three) right before tags[i], after the previous tag
// or punctuation: "con la spagnola" in "si confronta con la spagnola ACS".
std::vector<std::string> WordsBefore(const TaggedSentence& s, size_t i) {
  size_t from = i > 0 ? s.tags[i - 1].end : 0;
  std::string gap = s.view.text.substr(from, s.tags[i].start - from);
  size_t cut = gap.find_last_of(",;:(\"");
  if (cut != std::string::npos) gap = gap.substr(cut + 1);
  std::vector<std::string> words;
  size_t pos = 0;
  while ((pos = gap.find_first_not_of(' ', pos)) != std::string::npos) {
    size_t next = gap.find(' ', pos);
    words.push_back(gap.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    pos = next;
  }
  if (words.size() > 3) words.erase(words.begin(), words.end() - 3);
  return words;
}

// After a list's comma or coordinator, a word that introduced the first
// item may come again, with up to two words after it ("con Almaviva, con
// Engineering e con Reply", "con la spagnola ACS e con la francese Vinci",
// "against Telenet, against Orange and, lately, against Digi": also after
// an aside set off by commas); `*pos` moves to `limit`, the next item.
bool SkipRepeatedIntroducer(const TaggedSentence& s, const std::vector<std::string>& introducers, size_t limit,
                            size_t* pos) {
  auto introduced_at = [&](size_t at) {
    std::string rest = s.view.text.substr(at, limit - at);
    size_t space = rest.find(' ');
    if (space == std::string::npos || std::find(introducers.begin(), introducers.end(), rest.substr(0, space)) == introducers.end()) {
      return false;
    }
    size_t words = std::count(rest.begin() + static_cast<long>(space), rest.end(), ' ');
    bool plain = rest.find_first_of(",;:(\"") == std::string::npos;
    if (!plain || words > 3 || rest.back() != ' ') return false;
    *pos = limit;
    return true;
  };
  if (introducers.empty()) return false;
  if (introduced_at(*pos)) return true;
  size_t comma = s.view.text.find(',', *pos);
  if (comma == std::string::npos || comma >= limit || comma - *pos > 40) return false;
  return introduced_at(SkipSpaces(s.view.text, comma + 1));
}

// Tags right after position `from` that continue a list with the object:
// "Qwen and DeepSeek", "Qwen di Alibaba e DeepSeek", "Qwen और DeepSeek".
// Whether tags[i] owns the list item after it: a Hindi genitive and at most three words of the
// item's kind ("टाटा समूह की टीसीएस", "भारती एयरटेल की डेटा सेंटर इकाई Nxtra"), the item joining the list.
bool OwnerOfNext(const TaggedSentence& s, size_t i, const std::string& list_type, bool peers) {
  if (i + 1 >= s.tags.size() || !JoinsList(s.tags[i + 1].type, list_type, peers)) return false;
  std::string gap = s.view.text.substr(s.tags[i].end, s.tags[i + 1].start - s.tags[i].end);
  for (const std::string genitive : {" की ", " के ", " का "}) {
    if (gap.rfind(genitive, 0) != 0) continue;
    std::string words = gap.substr(genitive.size());
    return words.find_first_of(",।") == std::string::npos && std::count(words.begin(), words.end(), ' ') <= 3;
  }
  return false;
}

// A peer's descriptor after a list's coordinator, an article and one word before the next item ("e poi la
// svedese Ericsson", "ma anche l'olandese Nebius", "and the Dutch Nebius"): what the item is, no item itself.
bool SkipPeerDescriptor(const Language& lang, const TaggedSentence& s, size_t limit, size_t* pos) {
  const std::string rest = s.view.text.substr(*pos, limit - *pos);
  size_t word = WordAfterPhrase(rest, 0, lang.description_openers);
  if (word == std::string::npos || word >= rest.size()) return false;
  size_t space = rest.find(' ', word);
  bool one_word = space != std::string::npos && space > word && space + 1 == rest.size() &&
                  rest.find_first_of(",;:()\"0123456789", word) == std::string::npos;
  if (one_word) *pos = limit;
  return one_word;
}

// A genitive alone between a place and the list item it describes: Hindi, the emphatic particle after
// it allowed ("फ्रांस की ही A"), or English ("and Germany's Aleph Alpha").
bool IsGenitiveGap(const std::string& gap) {
  for (const std::string genitive : {" की ", " के ", " का "}) {
    if (gap == genitive || gap == genitive + "ही ") return true;
  }
  return gap == "'s " || gap == "\u2019s ";
}

// A town's adjective before a list item: "A and Stockholm-based B" (a `place_suffix` and a space).
bool IsPlaceAdjectiveGap(const Language& lang, const std::string& gap) {
  return std::any_of(lang.place_suffixes.begin(), lang.place_suffixes.end(),
                     [&gap](const std::string& suffix) { return gap == suffix + " "; });
}

// An aside of degree set off by commas after a list's coordinator, right before the next item at `limit` ("A and,
// by a wider margin, B"): a `margin_aside` and up to three plain words before its closing comma. `*pos` moves to
// `limit`.
bool SkipMarginAside(const Language& lang, const TaggedSentence& s, size_t limit, size_t* pos) {
  const std::string& text = s.view.text;
  size_t before = text.find_last_not_of(' ', *pos - 1);
  size_t end = 0;
  if (before == std::string::npos || text[before] != ',' || lang.margin_asides.Match(s.view, *pos, &end) == nullptr ||
      end > limit) {
    return false;
  }
  std::string rest = text.substr(end, limit - end);
  size_t close = rest.find_last_not_of(' ');
  if (close == std::string::npos || rest[close] != ',') return false;
  rest.resize(close);
  bool plain = rest.find_first_of(",;:()\"«»") == std::string::npos;
  if (!plain || std::count(rest.begin(), rest.end(), ' ') > 3) return false;
  *pos = limit;
  return true;
}

// What stands between a list item ending at `*pos` and the next tag at `limit`: spaces, commas, coordinators, a
// continuation ("ma soprattutto", "but also"), an aside right after the item ("in testa"), a repeated introducer
// ("con la spagnola"), among peers a descriptor ("la svedese"), and an aside of degree ("and, by a wider margin,").
// `*pos` moves to where they end.
struct ListGap {
  bool joined = false;       // a comma, a coordinator or a continuation
  bool coordinated = false;  // a coordinator or a continuation
};
ListGap ReadListGap(const Language& lang, const TaggedSentence& s, const std::vector<std::string>& introducers,
                    bool peers, size_t limit, size_t* pos) {
  ListGap gap;
  const size_t item_end = *pos;
  while (*pos < limit) {
    char c = s.view.text[*pos];
    if (c == ' ' || c == '"' || c == ',') { gap.joined = gap.joined || c == ','; ++*pos; continue; }
    size_t end = 0;
    // "ma soprattutto" before "e", which would end the continuation "e poi" at its first word.
    bool coordinator = lang.list_continuations.Match(s.view, *pos, &end) != nullptr ||
                       lang.coordinators.Match(s.view, *pos, &end) != nullptr;
    if (coordinator) { gap.joined = gap.coordinated = true; *pos = end; continue; }
    if (!gap.joined && *pos > item_end && lang.list_asides.Match(s.view, *pos, &end) != nullptr) { *pos = end; continue; }
    if (gap.joined && SkipRepeatedIntroducer(s, introducers, limit, pos)) continue;
    if (gap.joined && peers && SkipPeerDescriptor(lang, s, limit, pos)) continue;
    if (gap.coordinated && SkipMarginAside(lang, s, limit, pos)) continue;
    break;
  }
  return gap;
}

// The closing comma of an aside set off by commas right after a list item, or after the item's `list_aside`
// ("Cisco, still the largest supplier, and against Nokia", "Fastweb su tutti, che ha appena alzato i prezzi, ma
// anche Iliad"), or npos: the aside opens with a word, not a name (that would be the list's next item), and holds
// no clause break.
size_t CommaAsideEnd(const Language& lang, const TaggedSentence& s, size_t item) {
  const std::string& text = s.view.text;
  size_t open = s.tags[item].end, aside_end = 0;
  if (lang.list_asides.Match(s.view, SkipSpaces(text, open), &aside_end) != nullptr) open = aside_end;
  if (open >= text.size() || text[open] != ',') return std::string::npos;
  size_t first = SkipSpaces(text, open + 1);
  if (item + 1 < s.tags.size() && s.tags[item + 1].start == first) return std::string::npos;
  size_t close = text.find(',', first);
  if (close == std::string::npos || close - open > 100) return std::string::npos;
  bool plain = text.substr(open + 1, close - open - 1).find_first_of(";:()\"«»") == std::string::npos;
  return plain ? close : std::string::npos;
}

std::vector<size_t> Coordinated(const Language& lang, const TaggedSentence& s, size_t object, bool peers) {
  std::vector<size_t> more;
  const std::string& type = s.tags[object].type;
  const std::vector<std::string> words_before = WordsBefore(s, object);
  std::vector<std::string> introducers = words_before;
  introducers.insert(introducers.end(), lang.list_introducers.begin(), lang.list_introducers.end());
  size_t i = object;
  while (i + 1 < s.tags.size()) {
    size_t next = i + 1;
    size_t pos = s.tags[i].end;
    // Skip an owner ("di Alibaba", "of Alibaba") between list items.
    if (!SameListKind(s.tags[next].type, type) && next + 1 < s.tags.size()) {
      std::string gap = s.view.text.substr(pos, s.tags[next].start - pos);
      if (gap == " di " || gap == " of " || gap == " del " || gap == " के ") {
        pos = s.tags[next].end;
        ++next;
      }
    }
    // A time in an aside before a repeated introducer: "and, since last year, against Digi".
    if (s.tags[next].type == "TIME" && next + 1 < s.tags.size() && !words_before.empty()) ++next;
    bool joined = ReadListGap(lang, s, introducers, peers, s.tags[next].start, &pos).joined;
    // A place's or an owner's genitive, or a town's adjective, before the item: "फ्रांस की A और जापान की B",
    // "A and Stockholm-based B", "A और टाटा समूह की B",
    // "A और भारती एयरटेल की डेटा सेंटर इकाई B".
    if (pos == s.tags[next].start && next + 1 < s.tags.size()) {
      std::string gap = s.view.text.substr(s.tags[next].end, s.tags[next + 1].start - s.tags[next].end);
      bool place = s.tags[next].type == "PLACE" && type != "PLACE" && (IsGenitiveGap(gap) || IsPlaceAdjectiveGap(lang, gap));
      if (place || OwnerOfNext(s, next, type, peers)) {
        ++next;
        pos = s.tags[next].start;
      }
    }
    // After an aside set off by commas the list goes on only with a coordinator: "A, still the leader, and B".
    if (pos != s.tags[next].start) {
      size_t close = CommaAsideEnd(lang, s, i);
      size_t after = next;
      while (close != std::string::npos && after < s.tags.size() && s.tags[after].start <= close) ++after;
      if (close == std::string::npos || after >= s.tags.size()) break;
      size_t resume = close;
      ListGap gap = ReadListGap(lang, s, introducers, peers, s.tags[after].start, &resume);
      if (!gap.coordinated || resume != s.tags[after].start) break;
      next = after;
      pos = resume;
      joined = true;
    }
    if (pos != s.tags[next].start || !joined || !JoinsList(s.tags[next].type, type, peers)) break;
    more.push_back(next);
    i = next;
  }
  return more;
}

// "Rmb160bn ($23bn)", "160 miliardi di RMB, circa 23 miliardi di dollari":
// the same amount in another currency right after the first, or after the time right after it
// ("118 miliardi di yuan il prossimo anno, pari a circa 16,5 miliardi di dollari").
int Equivalent(const Language& lang, const TaggedSentence& s, size_t object) {
  if (s.tags[object].type != "MONEY") return -1;
  size_t last = object;
  if (last + 1 < s.tags.size() && s.tags[last + 1].type == "TIME" &&
      SkipSpaces(s.view.text, s.tags[last].end) == s.tags[last + 1].start) {
    ++last;
  }
  size_t next = last + 1;
  if (next >= s.tags.size() || s.tags[next].type != "MONEY") return -1;
  if (!IsEquivalenceGap(lang, s.view, s.tags[last].end, s.tags[next].start) ||
      s.tags[next].quantity.unit == s.tags[object].quantity.unit) {
    return -1;
  }
  return static_cast<int>(next);
}

// Is tags[i] right after a `comparison_word` ("up from 1 billion in October",
// "contro i 300 milioni di settembre"): the words since the previous tag, or
// the one before it, end with or contain one?
bool ComparisonBefore(const Language& lang, const TaggedSentence& s, size_t i) {
  size_t from = i >= 2 ? s.tags[i - 2].end : 0;
  const std::string gap = " " + s.view.text.substr(from, s.tags[i].start - from) + " ";
  return std::any_of(lang.comparison_words.begin(), lang.comparison_words.end(),
                     [&gap](const std::string& word) { return gap.find(" " + word + " ") != std::string::npos; });
}

// Does the sentence name a party other than the document's company
// ("Germany's government has promised EUR 5bn, part of which will go on
// processors"): a word of the language's `outsider` list, as a whole word?
bool NamesOutsider(const Language& lang, const TaggedSentence& s) {
  const std::string& text = s.view.text;
  for (const std::string& word : lang.outsiders) {
    for (size_t at = FindText(text, word); at != std::string::npos; at = FindText(text, word, at + 1)) {
      if (!IsWordCharBefore(text, at) && !IsWordCharAt(text, at + word.size())) return true;
    }
  }
  return false;
}

// The time that opens the statement matched from `match_start`: the placeholder right before
// it, with only spaces, commas or a `time_postposition` between ("वित्त वर्ष 2025 में X ने ...",
// "In 2025, X spent ..."); -1 when there is none.
int TimeOpening(const Language& lang, const TaggedSentence& s, int32_t match_start) {
  int32_t close = s.tagged.lastIndexOf(kClose, 0, match_start);
  if (close < 0) return -1;
  std::string gap;
  s.tagged.tempSubStringBetween(close + 1, match_start).toUTF8String(gap);
  size_t first = gap.find_first_not_of(" ,");
  size_t last = gap.find_last_not_of(" ,");
  std::string word = first == std::string::npos ? "" : gap.substr(first, last - first + 1);
  if (!word.empty() && std::find(lang.time_postpositions.begin(), lang.time_postpositions.end(), word) ==
                           lang.time_postpositions.end()) {
    return -1;
  }
  std::vector<size_t> tag = TagsIn(s.tagged, s.tagged.lastIndexOf(kOpen, 0, close), close + 1);
  return tag.size() == 1 && s.tags[tag[0]].type == "TIME" ? static_cast<int>(tag[0]) : -1;
}

// Is tags[time] after the object with a `comparison_word` between them ("EUR 140m, contro i 95
// milioni messi in conto per l'esercizio in corso"): the time of the figure compared with?
bool ComparedAfterObject(const Language& lang, const TaggedSentence& s, size_t object, size_t time) {
  if (time <= object) return false;
  const std::string gap = " " + s.view.text.substr(s.tags[object].end, s.tags[time].start - s.tags[object].end) + " ";
  return std::any_of(lang.comparison_words.begin(), lang.comparison_words.end(),
                     [&gap](const std::string& word) { return gap.find(" " + word + " ") != std::string::npos; });
}

std::string WhenOf(const Language& lang, const Rule& rule, WhenGrain grain, const TaggedSentence& s,
                   icu::RegexMatcher& m, size_t object) {
  if (rule.when_none || grain == WhenGrain::kNone) return "";
  int explicit_tag = CapturedTag(m, rule.group_w);
  if (explicit_tag >= 0 && !ComparedAfterObject(lang, s, object, static_cast<size_t>(explicit_tag))) {
    return TimeAtGrain(s.tags[static_cast<size_t>(explicit_tag)].id, grain);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::set<std::string> inside, anywhere;
  size_t nearest = 0;
  size_t best_distance = SIZE_MAX;
  for (size_t i : TagsIn(s.tagged, m.start(status), m.end(status))) {
    if (s.tags[i].type != "TIME" || ComparedAfterObject(lang, s, object, i)) continue;
    inside.insert(TimeAtGrain(s.tags[i].id, grain));
    size_t distance = i > object ? i - object : object - i;
    if (distance < best_distance) { best_distance = distance; nearest = i; }
  }
  if (!inside.empty()) return TimeAtGrain(s.tags[nearest].id, grain);
  if (int opening = TimeOpening(lang, s, m.start(status)); opening >= 0) {
    return TimeAtGrain(s.tags[static_cast<size_t>(opening)].id, grain);
  }
  std::vector<size_t> after = TagsIn(s.tagged, m.end(status), s.tagged.length());
  for (size_t i = 0; i < s.tags.size(); ++i) {
    // "..., up from 1 billion in October": a time after the statement dates its comparison.
    bool compared = std::find(after.begin(), after.end(), i) != after.end() && ComparisonBefore(lang, s, i);
    if (s.tags[i].type == "TIME" && !compared) anywhere.insert(TimeAtGrain(s.tags[i].id, grain));
  }
  return anywhere.size() == 1 ? *anywhere.begin() : "";
}

// The rules whose indexing cue (Language::rules_by_cue) the sentence holds, and those without
// cues, in the rules' order: the order of their statements.
std::vector<uint32_t> RulesOfCuesPresent(const Language& lang, const CuePresence& present) {
  std::vector<uint32_t> rules = lang.uncued_rules;
  for (const auto& [cue, cued] : lang.rules_by_cue) {
    if (cue < present.size() && present[cue] != 0) rules.insert(rules.end(), cued.begin(), cued.end());
  }
  std::sort(rules.begin(), rules.end());
  return rules;
}

// A cheap test that the rule's patterns may match: the placeholder types it
// captures and the words it needs are in the sentence, those of `match` in its order.
bool MayMatch(const Rule& rule, const TaggedSentence& s) {
  return CuesPresent(rule.cue_ids, s.cues_present) && CuesInOrder(rule.match_order, s.tagged_text);
}

// Whether the rule's `forbid` matches. A sentence without its cues cannot:
// no regex is run; otherwise only its parts whose own cues are present are.
bool Forbidden(const Rule& rule, const TaggedSentence& s, RuleMatchers* matchers) {
  if (!rule.forbid || !CuesPresent(rule.forbid_cue_ids, s.cues_present)) return false;
  if (rule.forbid_parts.empty()) return Found(*rule.forbid, s.tagged, matchers);
  return std::any_of(rule.forbid_parts.begin(), rule.forbid_parts.end(), [&](const PatternPart& part) {
    return CuesPresent(part.cue_ids, s.cues_present) && Found(*part.pattern, s.tagged, matchers);
  });
}

// The statement from its subject's tag to its object's; without a subject's tag, the object's
// clause up to the object (clauses.h narrows it to the clause).
StatementSpan SpanOf(const TaggedSentence& s, int subject_tag, size_t object) {
  const Tag& o = s.tags[object];
  StatementSpan span{0, o.end, o.start, o.end, IsQuantityType(o.type)};
  if (subject_tag < 0) return span;
  const Tag& subject = s.tags[static_cast<size_t>(subject_tag)];
  span.from = std::min(subject.start, o.start);
  span.to = std::max(subject.end, o.end);
  return span;
}

}  // namespace

// An ANALYST mention before the figure and a `forecast_verb` between the two.
bool ForecastByAnalyst(const Language& lang, const TaggedSentence& s, size_t object) {
  const std::string& text = s.view.text;
  for (size_t i = 0; i < object; ++i) {
    if (s.tags[i].type != "ANALYST") continue;
    for (const std::string& verb : lang.forecast_verbs) {
      size_t at = FindText(text, verb, s.tags[i].end);
      if (at != std::string::npos && at < s.tags[object].start && !IsWordCharBefore(text, at) &&
          !IsWordCharAt(text, at + verb.size())) {
        return true;
      }
    }
  }
  return false;
}

icu::RegexMatcher* RuleMatchers::Reset(const icu::RegexPattern& pattern, const icu::UnicodeString& text) {
  std::unique_ptr<icu::RegexMatcher>& matcher = matchers_[&pattern];
  UErrorCode status = U_ZERO_ERROR;
  if (!matcher) {
    matcher.reset(pattern.matcher(text, status));
    return U_SUCCESS(status) ? matcher.get() : nullptr;
  }
  matcher->reset(text);
  return matcher.get();
}

std::unique_ptr<RuleMatchers> RuleMatcherPool::Take() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.empty()) return std::make_unique<RuleMatchers>();
  std::unique_ptr<RuleMatchers> matchers = std::move(idle_.back());
  idle_.pop_back();
  return matchers;
}

void RuleMatcherPool::Give(std::unique_ptr<RuleMatchers> matchers) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(matchers));
}

namespace {

// "its annual report": the company the sentence names before the possessive
// ("SoftBank, by comparison, spent ..., according to its filings"), else the
// one the anaphors point to.
std::string PossessiveSource(const TaggedSentence& s, size_t possessive, const DocumentContext& context) {
  for (size_t i = 0; i < possessive; ++i) {
    if (IsCompanyName(s.tags[i])) return s.tags[i].id;
  }
  return context.Antecedent();
}

std::string ReadAttribution(const Language& lang, TaggedSentence* sentence, DocumentContext* context,
                            RuleMatchers* matchers) {
  for (const auto& rule : lang.rules) {
    if (rule.role != RuleRole::kAttribution || !MayMatch(rule, *sentence)) continue;
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* m = matchers->Reset(*rule.match, sentence->tagged);
    if (m == nullptr || !m->find(status) || U_FAILURE(status)) continue;
    int source = CapturedTag(*m, rule.group_a);
    if (source < 0) continue;
    const Tag& tag = sentence->tags[static_cast<size_t>(source)];
    std::string who = tag.type == "POSS" ? PossessiveSource(*sentence, static_cast<size_t>(source), *context)
                                         : EntityOf(tag, *context);
    // "the report", "il quotidiano" never point back to unnamed people nor to a person
    bool named = !tag.id.empty() && tag.type != "ANON" && tag.type != "PERSON" && tag.type != "ANALYST";
    if (!rule.keep_tags) {
      for (size_t i : TagsIn(sentence->tagged, m->start(status), m->end(status))) sentence->tags[i].type = "ATTR";
    }
    Render(lang, sentence);
    if (named && !who.empty()) context->last_source = who;
    return who;
  }
  return "";
}

}  // namespace

std::string ApplyAttribution(const Language& lang, TaggedSentence* sentence, DocumentContext* context,
                             RuleMatchers* matchers) {
  std::string who = ReadAttribution(lang, sentence, context, matchers);
  // Unnamed sources are tagged for the attribution rules only: the relation
  // rules read their words as before ("कंपनी के एक अधिकारी ने बताया कि ...").
  auto unnamed = [](const Tag& tag) { return tag.type == "ANON"; };
  if (std::any_of(sentence->tags.begin(), sentence->tags.end(), unnamed)) {
    sentence->tags.erase(std::remove_if(sentence->tags.begin(), sentence->tags.end(), unnamed), sentence->tags.end());
    Render(lang, sentence);
  }
  return who;
}

namespace {

// Is the tag a country or a world region (lexicon `country`), for a rule that wants a town (`object town`)?
bool IsCountry(const Language& lang, const Tag& tag) {
  return tag.type == "PLACE" &&
         std::find(lang.countries.begin(), lang.countries.end(), FoldPhrase(tag.id)) != lang.countries.end();
}

// A stake written as a figure is ownership only above half: "holds 90% of Arm" is control, "owns a 20% stake in"
// a holding (paraphrase tables, session 11).
bool MinorityFigure(const TaggedSentence& s, const icu::RegexMatcher& m) {
  UErrorCode status = U_ZERO_ERROR;
  for (size_t i : TagsIn(s.tagged, m.start(status), m.end(status))) {
    const Tag& tag = s.tags[i];
    if (tag.type == "PERCENT" && std::strtod(tag.quantity.value.c_str(), nullptr) < 50) return true;
  }
  return false;
}

}  // namespace

std::vector<Extracted> ApplyRelations(const Language& lang, const RuleData& data, const TaggedSentence& s,
                                      const DocumentContext& context, RuleMatchers* matchers) {
  std::vector<Extracted> out;
  std::set<std::string> seen;
  auto add = [&](Extracted e) {
    bool anaphoric = e.claim.predicate == kSamePrevious;
    if ((e.claim.subject.value.empty() && !anaphoric) || (e.claim.object.kind == TermKind::kEntity && e.claim.object.value == e.claim.subject.value)) return;
    std::string key = e.claim.subject.value + "\x1f" + e.claim.predicate + "\x1f" + e.claim.object.value + "\x1f" +
                      e.claim.object.unit + "\x1f" + e.claim.when;
    if (seen.insert(key).second) out.push_back(std::move(e));
  };
  // Whether the sentence holds a negation word at all, found at its first statement: many rules
  // match each sentence, and most sentences hold none.
  std::optional<bool> may_negate;
  auto negated = [&](const StatementSpan& span) {
    if (!may_negate) may_negate = MayBeNegated(lang, s.view.text);
    return *may_negate && UnderNegation(lang, s, span);
  };
  // The sentence's subject asides, found at its first match: most rules match nothing.
  std::optional<std::vector<SubjectAside>> asides;
  for (uint32_t index : RulesOfCuesPresent(lang, s.cues_present)) {
    const Rule& rule = lang.rules[index];
    if (rule.role == RuleRole::kAttribution || !MayMatch(rule, s)) continue;
    const bool anaphoric = rule.role == RuleRole::kSamePrevious;
    if (rule.require && !Found(*rule.require, s.tagged, matchers)) continue;
    if (Forbidden(rule, s, matchers)) continue;
    // A rule without a subject states the document's company: not in a sentence about another party.
    if (rule.subject_topic && NamesOutsider(lang, s)) continue;
    const PredicateSpec* spec = data.predicate(rule.predicate);
    WhenGrain grain = spec ? spec->grain : WhenGrain::kNone;
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* m = matchers->Reset(*rule.match, s.tagged);
    while (m != nullptr && U_SUCCESS(status) && m->find(status)) {
      int o = CapturedTag(*m, rule.group_o);
      int captured = CapturedTag(*m, rule.group_s);
      if (captured >= 0 && o >= 0 && !asides) asides = SubjectAsides(lang, s);
      // A company in an aside is not the subject of a figure or name after it ("X, in which Y holds 58%, plans ...").
      int subject_tag = captured >= 0 && o >= 0
                            ? SubjectOutsideAsides(*asides, s, static_cast<size_t>(captured), s.tags[static_cast<size_t>(o)].start)
                            : captured;
      if (captured >= 0 && subject_tag < 0) continue;
      std::string subject = subject_tag >= 0 ? EntityOf(s.tags[static_cast<size_t>(subject_tag)], context)
                                             : (rule.subject_topic ? context.Antecedent() : "");
      if (o < 0 || (subject.empty() && !anaphoric)) continue;
      if (rule.predicate == "owns" && MinorityFigure(s, *m)) continue;
      size_t object = static_cast<size_t>(o);
      if (rule.object_town && IsCountry(lang, s.tags[object])) continue;
      if (ForecastByAnalyst(lang, s, object)) continue;
      if (!rule.reads_negation && negated(SpanOf(s, subject_tag, object))) continue;
      std::vector<size_t> objects = {object};
      bool continue_list = true;
      if (IsEntityType(s.tags[object].type)) {
        if (!rule.object_lists) continue_list = false;
        if (continue_list) {
          for (size_t more : Coordinated(lang, s, object, spec != nullptr && spec->info.symmetric)) objects.push_back(more);
        }
      } else if (int eq = Equivalent(lang, s, object); eq >= 0) {
        objects.push_back(static_cast<size_t>(eq));
      }
      std::string when = WhenOf(lang, rule, grain, s, *m, object);
      SubjectFrom subject_from = SubjectSource(s, subject_tag, o);
      for (const Term& term : ObjectTerms(s, objects, rule, context)) {
        Extracted e;
        e.rule = rule.name;
        e.claim.subject = Term::Entity(subject);
        e.claim.predicate = rule.predicate;
        e.claim.when = when;
        e.claim.object = term;
        e.bound = term.bound;
        e.subject_from = subject_from;
        add(std::move(e));
      }
    }
  }
  return out;
}

}  // namespace kg::ingest
