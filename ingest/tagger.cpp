#include "ingest/tagger.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <sstream>

#include "ingest/name_kinds.h"
#include "ingest/phrase_match.h"

namespace kg::ingest {

namespace {

const std::set<std::string> kProductTypes = {"HARDWARE", "MODEL", "APP", "SERVICE", "PRODUCT"};
// What a number may count: the products, and the unknown names the page writes as products (ReadProducts).
const std::set<std::string> kCountedTypes = {"HARDWARE", "MODEL", "APP", "SERVICE", "PRODUCT", "UNKPRODUCT"};
const std::set<std::string> kMemberTypes = {"ORG", "UNK"};

bool Free(const std::vector<bool>& taken, size_t start, size_t end) {
  for (size_t i = start; i < end; ++i) if (taken[i]) return false;
  return true;
}

void Take(std::vector<bool>* taken, size_t start, size_t end) {
  for (size_t i = start; i < end; ++i) (*taken)[i] = true;
}

std::string SourceText(const TextView& view, size_t start, size_t end) {
  return std::string(view.source.substr(view.origin[start], view.origin[end] - view.origin[start]));
}

// "$Microsoft (MSFT.US)$": a ticker in brokers' markup, as one entity.
void TagTickers(const TextView& view, const RuleData& data, std::vector<bool>* taken, std::vector<Tag>* tags) {
  const std::string& text = view.text;
  for (size_t pos = text.find('$'); pos != std::string::npos; pos = text.find('$', pos + 1)) {
    if (!IsWordCharAt(text, pos + 1)) continue;
    size_t open = text.find('(', pos);
    size_t close = text.find(")$", pos);
    if (open == std::string::npos || close == std::string::npos || close < open || close - pos > 80) continue;
    std::string name = text.substr(pos + 1, open - pos - 1);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    size_t end = close + 2;
    if (!Free(*taken, pos, end)) continue;
    Tag tag{pos, end, "UNK", SourceText(view, pos + 1, pos + 1 + name.size()), {}, "", {}};
    if (const Phrase* p = data.gazetteer().Find(name)) {
      tag.type = p->extra;
      tag.id = p->value;
    }
    Take(taken, pos, end);
    tags->push_back(tag);
    pos = end - 1;
  }
}

// Positions where a word or a symbol starts: the only places a phrase can.
std::vector<size_t> TokenStarts(const std::string& text) {
  std::vector<size_t> starts;
  starts.reserve(text.size() / 4);  // prose has a word or symbol every 5-6 bytes: rarely regrown
  bool in_word = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 1;
    uint32_t c = CodePointAt(text, pos, &length);
    bool word = IsWordCodePoint(c);
    if ((word && !in_word) || (!word && c != ' ')) starts.push_back(pos);
    in_word = word;
    pos += length;
  }
  return starts;
}

void TagPhrases(const TextView& view, const std::vector<size_t>& starts, const PhraseTable& table,
                const std::string& type, bool use_extra, std::vector<bool>* taken, std::vector<Tag>* tags) {
  size_t next_free = 0;
  for (size_t pos : starts) {
    if (pos < next_free || taken->at(pos)) continue;
    size_t end = 0;
    const Phrase* p = table.Match(view, pos, &end);
    if (p == nullptr || !Free(*taken, pos, end)) continue;
    if (end < view.text.size() && (view.text[end] == '$' || (view.text[end] >= '0' && view.text[end] <= '9'))) {
      continue;  // "US$1.5bn": the start of an amount, not a name
    }
    tags->push_back(Tag{pos, end, use_extra ? p->extra : type, p->value, {}, "", {}});
    Take(taken, pos, end);
    next_free = end;
  }
}

// "4,096 B300s", "6,144 MI355Xs": a model's plural is the model. Only for
// hardware whose name ends in a digit or a capital, so that no word that
// merely starts with a name ("Geminis") is read as one. Found from the few
// words that end so (an "s" after a digit or a capital), not from every word.
void TagPluralHardware(const TextView& view, const PhraseTable& gazetteer, std::vector<bool>* taken,
                       std::vector<Tag>* tags) {
  const std::string& text = view.text;
  for (size_t s_at = text.find('s', 1); s_at != std::string::npos; s_at = text.find('s', s_at + 1)) {
    if (IsWordCharAt(text, s_at + 1)) continue;
    const char before_s = view.source[view.origin[s_at - 1]];
    if (!std::isdigit(static_cast<unsigned char>(before_s)) && !std::isupper(static_cast<unsigned char>(before_s))) continue;
    size_t pos = s_at;  // model names are ASCII: back to the word's start
    while (pos > 0 && std::isalnum(static_cast<unsigned char>(text[pos - 1]))) --pos;
    if (pos > 0 && IsWordCharBefore(text, pos)) continue;
    size_t end = 0;
    const Phrase* p = gazetteer.Match(view, pos, &end, true);
    if (p == nullptr || end != s_at || p->extra != "HARDWARE" || !Free(*taken, pos, s_at + 1)) continue;
    tags->push_back(Tag{pos, s_at + 1, p->extra, p->value, {}, "", {}});
    Take(taken, pos, s_at + 1);
  }
}

// The view span [start, end) of the sentence's first word.
std::pair<size_t, size_t> InitialWord(const TextView& view) {
  const std::string& text = view.text;
  size_t start = SkipSpaces(text, 0);
  while (start < text.size() && !IsWordCharAt(text, start)) ++start;  // opening quotes
  size_t end = start;
  while (end < text.size() && IsWordCharAt(text, end)) {
    size_t length = 1;
    CodePointAt(text, end, &length);
    end += length;
  }
  return {start, end};
}

// Latin script ends at U+024F (Latin Extended-B): names in it are found by
// their capitals, names in scripts without capitals by other means.
constexpr uint32_t kLastLatinCodePoint = 0x24F;

// Is the code point at `pos` of `text` Latin (or ASCII)?
bool IsLatinAt(std::string_view text, size_t pos) {
  size_t length = 1;
  return CodePointAt(text, pos, &length) <= kLastLatinCodePoint;
}

bool IsCapitalisedLatin(const TextView& view, size_t pos) {
  size_t length = 1;
  uint32_t c = CodePointAt(view.source, view.origin[pos], &length);
  return IsUpperCodePoint(c) && c <= kLastLatinCodePoint;
}

// "the Seongnam-based firm": an unknown name written before "-based" is a
// place, never the company (the company is the noun after it).

// The view positions [place end, suffix end) of a place suffix that starts inside the
// name [start, end] or right after it ("The Solna-based group": an anaphor, "based group", took the suffix's
// word first), or false.
bool FindPlaceSuffix(const Language& lang, const std::string& text, size_t start, size_t end, size_t* place_end,
                     size_t* suffix_end) {
  for (const std::string& suffix : lang.place_suffixes) {
    size_t at = FindText(text, suffix, start);
    size_t after = at + suffix.size();
    if (at == std::string::npos || at == start || at > end || (after < end && text[after] != ' ') ||
        (after > end && IsWordCharAt(text, after))) {
      continue;
    }
    *place_end = at;
    *suffix_end = after;
    return true;
  }
  return false;
}

// The end of the word that starts at view position `pos`.
size_t WordEnd(const std::string& text, size_t pos) {
  while (pos < text.size() && IsWordCharAt(text, pos)) {
    size_t length = 1;
    CodePointAt(text, pos, &length);
    pos += length;
  }
  return pos;
}

// The view position where the word ending at `end` starts.
size_t WordStartBefore(const std::string& text, size_t end) {
  size_t pos = end;
  while (pos > 0 && IsWordCharBefore(text, pos)) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  }
  return pos;
}

// Scripts without capitals: the rivals of "का मुकाबला A और B से है" are names
// even when unknown and named once ("ई2ई नेटवर्क्स", "नेटमैजिक").
// The words come from the lexicon (`rival_word`, `list_and`).
constexpr size_t kMaxRivalListBytes = 160;

// Four words: "एसटीटी ग्लोबल डेटा सेंटर्स".
constexpr int kMaxNameWords = 4;

// A name in quotes is this long at most ("'कोउकार्योकु'"): a longer quote is speech.
constexpr size_t kMaxQuotedNameBytes = 60;

// A name found by its use rather than its form ("सकुरा ने ...") is written this often at least.
constexpr size_t kMinAgentNameOccurrences = 3;

// Does `item` end like a common noun (`noun_ending`: the Hindi oblique plural
// of "कंपनियों", "ग्राहकों" names a kind of rival, never one)?
bool NounEnding(const Language& lang, const std::string& item) {
  return std::any_of(lang.noun_endings.begin(), lang.noun_endings.end(), [&](const std::string& ending) {
    return item.size() > ending.size() && item.compare(item.size() - ending.size(), ending.size(), ending) == 0;
  });
}

// A plausible name: one to four words, none of them a frequent word, not
// ending like a common noun.
bool NameLike(const Language& lang, const std::string& item) {
  if (NounEnding(lang, item)) return false;
  int words = 0;
  size_t pos = 0;
  while (pos < item.size()) {
    size_t space = item.find(' ', pos);
    if (space == std::string::npos) space = item.size();
    if (space == pos || lang.stopwords.count(item.substr(pos, space - pos))) return false;
    ++words;
    pos = space + 1;
  }
  return words >= 1 && words <= kMaxNameWords;
}

// The longer name wins: "टाटा प्रोजेक्ट्स" is not "टाटा" (Tata Group), and an
// anaphor's word that ends an item is part of its name ("प्रिंसटन डिजिटल
// ग्रुप"). Drops the company and anaphor tags inside [start, end); false when
// one is the whole item, an anaphor starts it, or other tags lie there.
bool ReplaceInnerNames(size_t start, size_t end, std::vector<Tag>* tags) {
  auto inside = [&](const Tag& tag) { return tag.start < end && start < tag.end; };
  for (const Tag& tag : *tags) {
    if (!inside(tag)) continue;
    bool whole = tag.start == start && tag.end == end;
    bool name_part = kMemberTypes.count(tag.type) || (tag.type == "REF" && tag.start > start);
    if (whole || !name_part || tag.start < start || tag.end > end) return false;
  }
  tags->erase(std::remove_if(tags->begin(), tags->end(), inside), tags->end());
  return true;
}

// "फुजित्सु (Fujitsu)": a bracketed gloss after a list item is the same name
// written again (in Latin script, or abbreviated); the name ends before it.
size_t EndBeforeGloss(const std::string& text, size_t start, size_t end) {
  if (end == start || text[end - 1] != ')') return end;
  size_t open = text.rfind(" (", end);
  return open != std::string::npos && open > start ? open : end;
}

// The tag of the item's name [start, name_end) takes its gloss up to `end`,
// so that the list reads as one name per item; the gloss's own tags go.
void AbsorbGloss(size_t start, size_t name_end, size_t end, std::vector<bool>* taken, std::vector<Tag>* tags) {
  auto named = std::find_if(tags->begin(), tags->end(),
                            [&](const Tag& tag) { return tag.start == start && tag.end == name_end; });
  if (name_end == end || named == tags->end()) return;
  named->end = end;
  tags->erase(std::remove_if(tags->begin(), tags->end(),
                             [&](const Tag& tag) { return tag.start >= name_end && tag.end <= end; }),
              tags->end());
  Take(taken, start, end);
}

// Where an item's name starts: past its description ending in a genitive
// ("इंदौर की रैकबैंक", "जर्मनी के श्वार्ज़ समूह की स्टैकिट": its town or owner) and
// the frequent words after it ("फ्रांस की ही ..."); in the first item also
// past the kind of rival set before the list in apposition, a word ending
// like a common noun ("विदेशी दिग्गजों A और B से": A). A word must follow.
size_t NameStartInItem(const std::string& text, const Language& lang, size_t start, size_t item_end, bool first) {
  size_t past = start;
  for (size_t word = start; word < item_end;) {
    size_t word_end = std::min(WordEnd(text, word), item_end);
    if (word_end == word) break;
    size_t next = SkipSpaces(text, word_end);
    std::string w = text.substr(word, word_end - word);
    bool genitive = std::find(lang.owner_markers.begin(), lang.owner_markers.end(), w) != lang.owner_markers.end();
    if (next < item_end && (genitive || (first && NounEnding(lang, w)))) past = next;
    word = next;
  }
  while (past < item_end) {
    size_t word_end = WordEnd(text, past);
    if (word_end == past || word_end >= item_end || !lang.stopwords.count(text.substr(past, word_end - past))) break;
    past = SkipSpaces(text, word_end);
  }
  return past;
}

// Tags the free items of the list [start, end) as unknown names, when every
// item looks like a name ("करने के लिए" does not).
void TagListItems(const TextView& view, const Language& lang, size_t start, size_t end, std::vector<bool>* taken,
                  std::vector<Tag>* tags) {
  const std::string& text = view.text;
  struct Item { size_t start, name_end, end; };
  bool first = true;
  std::vector<Item> items;
  while (start < end) {
    size_t item_end = end;
    size_t next = end;
    for (const std::string& joiner : lang.list_ands) {
      const std::string separator = joiner == "," ? ", " : " " + joiner + " ";
      size_t at = text.find(separator, start);
      if (at != std::string::npos && at < item_end) { item_end = at; next = at + separator.size(); }
    }
    start = NameStartInItem(text, lang, start, item_end, first);
    first = false;
    size_t name_end = EndBeforeGloss(text, start, item_end);
    if (!NameLike(lang, text.substr(start, name_end - start))) return;
    items.push_back({start, name_end, item_end});
    start = next;
  }
  for (const Item& item : items) {
    if (Free(*taken, item.start, item.name_end) || ReplaceInnerNames(item.start, item.name_end, tags)) {
      tags->push_back(Tag{item.start, item.name_end, "UNK", SourceText(view, item.start, item.name_end), {}, "", {}});
      Take(taken, item.start, item.name_end);
    }
    AbsorbGloss(item.start, item.name_end, item.end, taken, tags);
  }
}

// "A जैसी कंपनियों": a `like_word` ends the list before it (A is an example of a kind).
size_t CutAtLikeWord(const std::string& text, const Language& lang, size_t start, size_t end) {
  for (const std::string& like : lang.like_words) {
    size_t at = text.find(" " + like + " ", start);
    if (at != std::string::npos && at < end) end = at;
  }
  return end;
}

// Where the word `word` next stands after `from`, with the space before it
// (" से" alone would also find "सेंटर्स"), or npos.
size_t FindWord(const std::string& text, const std::string& word, size_t from) {
  const std::string spaced = " " + word;
  for (size_t at = FindText(text, spaced, from); at != std::string::npos; at = FindText(text, spaced, at + 1)) {
    size_t after = at + 1 + word.size();
    if (after >= text.size() || !IsWordCharAt(text, after)) return at;
  }
  return std::string::npos;
}

// The last of `words` standing alone before `limit`: where its leading space
// is and where the text after it starts, or npos.
std::pair<size_t, size_t> LastWordBefore(const std::string& text, const std::vector<std::string>& words, size_t limit) {
  std::pair<size_t, size_t> last{std::string::npos, std::string::npos};
  for (const std::string& word : words) {
    size_t at = text.rfind(" " + word + " ", limit);
    if (at != std::string::npos && (last.first == std::string::npos || at > last.first)) {
      last = {at, at + word.size() + 2};
    }
  }
  return last;
}

// "X को A, B और C से कड़ी टक्कर मिल रही है": the list between "को" and the
// "से" that at most two words separate from the rivalry word at `at`.
// The list starts after the nearer of "को" and a `besides_word` ("X को A जैसी कंपनियों के
// अलावा B से भी टक्कर": B; A is read from "को" on by a second call).
bool RivalListBefore(const std::string& text, const Language& lang, size_t at, bool after_besides, size_t* start,
                     size_t* end) {
  size_t marker = LastWordBefore(text, lang.rival_markers, at).first;
  if (marker == std::string::npos || std::count(text.begin() + static_cast<long>(marker) + 1,
                                                text.begin() + static_cast<long>(at), ' ') > 3) {
    return false;
  }
  auto [object, list] = LastWordBefore(text, lang.rivalled_markers, marker);
  if (object == std::string::npos) return false;
  if (after_besides) {
    size_t besides_end = 0;
    for (const std::string& besides : lang.besides_words) {
      size_t b = text.rfind(" " + besides + " ", marker);
      if (b != std::string::npos && b > object) besides_end = std::max(besides_end, b + besides.size() + 2);
    }
    if (besides_end == 0) return false;
    list = besides_end;
  }
  if (marker - list > kMaxRivalListBytes) return false;
  *start = list;
  *end = marker;
  return *start < *end;
}

// "X सीधे A, B और C को (कड़ी) टक्कर देती है": a list right before a
// `rivalled_marker` that comes at most one word before the rivalry word at
// `at`; with no marker before it, its first item is the one word before its
// first joiner.
bool RivalListGiven(const std::string& text, const Language& lang, size_t at, size_t* start, size_t* end) {
  auto [marker, marker_end] = LastWordBefore(text, lang.rivalled_markers, at);
  if (marker == std::string::npos || marker_end > at ||
      std::count(text.begin() + static_cast<long>(marker_end), text.begin() + static_cast<long>(at), ' ') > 1) {
    return false;
  }
  size_t from = marker > kMaxRivalListBytes ? marker - kMaxRivalListBytes : 0;
  size_t first_joiner = std::string::npos;
  for (const std::string& joiner : lang.list_ands) {
    size_t found = text.find(joiner == "," ? ", " : " " + joiner + " ", from);
    if (found < marker) first_joiner = std::min(first_joiner, found);
  }
  if (first_joiner == std::string::npos) return false;
  *start = WordStartBefore(text, first_joiner);
  *end = marker;
  return *start < *end;
}

// Past the frequent words at `start` ("को अब कोफोर्ज ..."): where a list's first item starts.
size_t SkipStopwords(const std::string& text, const Language& lang, size_t start, size_t end) {
  while (start < end) {
    size_t word_end = WordEnd(text, start);
    if (word_end == start || !lang.stopwords.count(text.substr(start, word_end - start))) break;
    start = SkipSpaces(text, word_end);
  }
  return start;
}

// The first `rival_marker` after `start` that ends the list, or npos: one
// that closes an adverb of frequent words ("मुख्य रूप से")
// starts the list instead (*start moves past it).
size_t RivalListEnd(const std::string& text, const Language& lang, size_t* start) {
  for (int adverbs = 0; adverbs < 2; ++adverbs) {
    size_t end = std::string::npos;
    size_t marker_end = std::string::npos;
    for (const std::string& marker : lang.rival_markers) {
      size_t at = FindWord(text, marker, *start);
      if (at < end) { end = at; marker_end = at + 1 + marker.size(); }
    }
    if (end == std::string::npos || end == *start || SkipStopwords(text, lang, *start, end) < end) return end;
    *start = SkipSpaces(text, marker_end);
  }
  return std::string::npos;
}

// The rivals named around the rivalry word at `at` (its text goes on at `start`).
void TagRivalsAt(const TextView& view, const Language& lang, size_t at, size_t start, std::vector<bool>* taken,
                 std::vector<Tag>* tags) {
  const std::string& text = view.text;
  size_t end = RivalListEnd(text, lang, &start);
  // The list's length is measured up to its `like_word` ("... जैसे खिलाड़ियों से").
  if (end != std::string::npos) end = CutAtLikeWord(text, lang, start, end);
  if (end != std::string::npos && end - start <= kMaxRivalListBytes) {
    TagListItems(view, lang, start, end, taken, tags);
    return;
  }
  for (bool after_besides : {true, false}) {
    if (!RivalListBefore(text, lang, at, after_besides, &start, &end)) continue;
    start = SkipStopwords(text, lang, start, end);
    TagListItems(view, lang, start, CutAtLikeWord(text, lang, start, end), taken, tags);
  }
  if (RivalListGiven(text, lang, at, &start, &end)) TagListItems(view, lang, start, end, taken, tags);
}

void TagRivalNames(const TextView& view, const Language& lang, std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.name_suffixes.empty()) return;
  const std::string& text = view.text;
  for (const std::string& word : lang.rival_words) {
    // Every rivalry of the page: a headline's "कड़ा मुकाबला" comes before the sentence that names the rivals.
    for (size_t at = FindText(text, word + " "); at != std::string::npos; at = FindText(text, word + " ", at + 1)) {
      TagRivalsAt(view, lang, at, at + word.size() + 1, taken, tags);
    }
  }
}

// Capitalised Latin words not in the gazetteer: "QuestMobile", "Reliance Jio".
// A hyphen or "&" inside a name ("Rolls-Royce", "AT&T"), or a dot before a
// capital ("A.X"): the name goes on.
bool JoinsNameAt(const TextView& view, size_t pos) {
  const std::string& text = view.text;
  if (pos + 1 >= text.size() || !IsWordCharAt(text, pos + 1)) return false;
  if (text[pos] == '-' || text[pos] == '&') return true;
  // "Mi:dm": a colon between letters, no space (a time, "10:30", has digits; a label, "KT: ...", a space)
  if (text[pos] == ':') return pos > 0 && std::isalpha(static_cast<unsigned char>(text[pos - 1])) &&
                               std::isalpha(static_cast<unsigned char>(text[pos + 1]));
  size_t length = 1;
  return text[pos] == '.' && pos > 0 && IsWordCharAt(text, pos - 1) &&
         IsUpperCodePoint(CodePointAt(view.source, view.origin[pos + 1], &length));
}

// A brand written with up to three lower-case letters and a capital next ("eNlight", "iPhone", "eBay", "myLoc").
bool LowerInitialBrandAt(const TextView& view, size_t pos) {
  constexpr size_t kLowerLetters = 3;
  const std::string& text = view.text;
  for (size_t i = 0; i < kLowerLetters && pos + i < text.size(); ++i) {
    if (text[pos + i] < 'a' || text[pos + i] > 'z' || pos + i + 1 >= text.size()) return false;
    size_t length = 1;
    uint32_t next = CodePointAt(view.source, view.origin[pos + i + 1], &length);
    if (IsUpperCodePoint(next) && next <= kLastLatinCodePoint) return true;
  }
  return false;
}

// Company-type words of another script after a Latin name ("ESDS सॉफ्टवेयर सॉल्यूशन",
// "Netweb टेक्नोलॉजीज"): the name's mention covers them, its id stays the Latin name.
size_t NameTailEnd(const TextView& view, const Language& lang, const std::vector<bool>& taken, size_t end) {
  const std::string& text = view.text;
  while (end + 1 < text.size() && text[end] == ' ' && !taken[end + 1]) {
    size_t word_end = WordEnd(text, end + 1);
    size_t suffix_end = 0;
    const auto& tails = lang.script_name_tails;
    bool tail = std::find(tails.begin(), tails.end(), text.substr(end + 1, word_end - end - 1)) != tails.end();
    if (!tail && lang.name_suffixes.Match(view, end + 1, &suffix_end) != nullptr && suffix_end == word_end) tail = true;
    if (!tail || !Free(taken, end + 1, word_end)) break;
    end = word_end;
  }
  return end;
}

// Is the word [start, end) of the view written in capitals, two letters or more ("LONDON", "TORINO")?
bool InCapitals(const TextView& view, size_t start, size_t end) {
  size_t letters = 0;
  for (size_t pos = start; pos < end; ++pos) {
    if (view.text[pos] < 'a' || view.text[pos] > 'z') continue;
    if (!std::isupper(static_cast<unsigned char>(view.source[view.origin[pos]]))) return false;
    ++letters;
  }
  return letters >= 2;
}

// Does the dateline part [start, dash) open with a word in capitals, also in
// brackets ("TORINO", "(ANSA)")?
bool OpensInCapitals(const TextView& view, size_t start) {
  if (start < view.text.size() && view.text[start] == '(') ++start;
  return InCapitals(view, start, WordEnd(view.text, start));
}

// Where the sentence proper starts after a dateline, or npos: up to six
// words before a dash, with a digit or opening with a word in capitals
// ("MILANO, 1 marzo 2026 - È di ...", "LONDON (Wire) - "). An agency in
// brackets may come first, with a dash of its own ("(ANSA) - TORINO, 15 SET
// - Sale a ..."). `capitals`: whether it opens so; then its words are no
// names (an agency, a month's abbreviation: "MILANO, 12 SET (Agenzia) - ").
size_t DatelineEnd(const TextView& view, bool* capitals = nullptr) {
  constexpr size_t kMaxWords = 6;
  const std::string& text = view.text;
  auto dash_after = [&text](size_t from) {
    size_t dash = text.find(" - ", from);
    return dash != std::string::npos ? dash : text.find(" \u2013 ", from);
  };
  size_t dash = dash_after(0);
  if (dash == std::string::npos || CountWords(std::string_view(text).substr(0, dash)) > kMaxWords) return std::string::npos;
  bool opens_in_capitals = OpensInCapitals(view, 0);
  size_t start = 0;
  bool agency = text[0] == '(' && dash > 0 && text[dash - 1] == ')';  // "(ANSA) - ", "(Wire) - "
  size_t next_dash = agency ? dash_after(dash + 1) : std::string::npos;
  size_t next_start = SkipSpaces(text, dash + 2);
  if (next_dash != std::string::npos && CountWords(std::string_view(text).substr(next_start, next_dash - next_start)) <= kMaxWords &&
      OpensInCapitals(view, next_start)) {
    start = next_start;
    dash = next_dash;
    opens_in_capitals = true;
  }
  bool dated = std::any_of(text.begin() + static_cast<long>(start), text.begin() + static_cast<long>(dash),
                           [](char c) { return c >= '0' && c <= '9'; });
  if (capitals != nullptr) *capitals = opens_in_capitals;
  return dated || opens_in_capitals ? SkipSpaces(text, text.find(' ', dash + 1)) : std::string::npos;
}

// The end of a speaker's label ("Standaert: ...", up to three words before
// the colon), or npos.
size_t SpeakerLabelEnd(const std::string& text) {
  size_t colon = text.find(": ");
  return colon != std::string::npos && colon > 0 && CountWords(std::string_view(text).substr(0, colon)) <= 3 ? colon : std::string::npos;
}

// Where the sentence proper starts after a lead-in, or npos: a speaker's
// label in an interview ("Standaert: Yes, ...", "TelcoWeek: Analysts at
// ..."; up to three words before the colon) or a dateline ("MILANO, 1
// marzo 2026 - È di ..."; up to six words before the dash, one a digit).
// The first word there is capitalised as any sentence's first word is.
// `dateline_end`: DatelineEnd's.
size_t LeadInEnd(const std::string& text, size_t dateline_end) {
  size_t colon = SpeakerLabelEnd(text);
  return colon != std::string::npos ? SkipSpaces(text, colon + 1) : dateline_end;
}

// "AI Studio": a `name_tail` word before a capitalised word that is no
// stopword or stopcap starts a name. `end` is where the word ends in the view.
bool HeadsName(const TextView& view, const Language& lang, const RuleData& data, const std::string& word, size_t end) {
  if (std::find(lang.name_tails.begin(), lang.name_tails.end(), word) == lang.name_tails.end()) return false;
  const std::string& text = view.text;
  size_t length = 1;
  if (end + 1 >= text.size() || text[end] != ' ' || !IsUpperCodePoint(CodePointAt(view.source, view.origin[end + 1], &length))) {
    return false;
  }
  size_t next_end = WordEnd(text, end + 1);
  return !lang.stopwords.count(text.substr(end + 1, next_end - end - 1)) &&
         !data.stopcaps().count(SourceText(view, end + 1, next_end));
}

// Is `word` (folded) a frequent word or one ending like a verb (`verb_ending`)?
bool ClauseWord(const Language& lang, const std::string& word) {
  auto ends_so = [&](const std::string& ending) {
    return word.size() > ending.size() && word.compare(word.size() - ending.size(), ending.size(), ending) == 0;
  };
  return lang.stopwords.count(word) > 0 || std::any_of(lang.verb_endings.begin(), lang.verb_endings.end(), ends_so);
}

// "Cantiere AI,", "Retelit AI Cloud": a `name_tail` word after a name's
// first word belongs to it unless a lower-case word follows ("Lumora AI
// platform"); a version after it is the model's ("Kestrel AI 2.5"). `end` is where the word ends in the view.
bool EndsOrContinuesName(const TextView& view, const Language& lang, const std::string& word, size_t end) {
  if (std::find(lang.name_tails.begin(), lang.name_tails.end(), word) == lang.name_tails.end()) return false;
  if (end >= view.text.size() || view.text[end] != ' ') return true;
  size_t length = 1;
  size_t next = end + 1;
  bool version = next < view.text.size() && view.text[next] >= '0' && view.text[next] <= '9';  // "Kestrel AI 2.5"
  // "Tarvik AI will invest", "Tarvik AI raised", "Tarvik AI investirà": a frequent word or a verb after it
  // is the clause going on, no noun the word describes
  bool clause_goes_on = next < view.text.size() && ClauseWord(lang, view.text.substr(next, WordEnd(view.text, next) - next));
  return next >= view.text.size() || !IsWordCharAt(view.text, next) || version || clause_goes_on ||
         IsUpperCodePoint(CodePointAt(view.source, view.origin[next], &length));
}

// Where a `legal_form` ("plc", "S.p.A.") written at view position `pos` ends, or npos: the name
// before it goes on to there ("Brenvale plc"), though it is in lower case or holds dots.
size_t LegalFormEnd(const TextView& view, const Language& lang, const std::vector<bool>& taken, size_t pos) {
  const std::string& text = view.text;
  for (const std::string& form : lang.legal_forms) {
    size_t end = pos + form.size();
    if (text.compare(pos, form.size(), form) == 0 && !taken[pos] && (end >= text.size() || !IsWordCharAt(text, end))) {
      return end;
    }
  }
  return std::string::npos;
}

// A lower-case word of three letters or more joined by a hyphen at the end of the word [start, end)
// of the view makes it an adjective, no name: "Swedish-language", "GPU-as-a-service", "Nvidia-powered"
// (while "Orvo-3", "Sarvam-M" and "Pont-Saint-Martin" are names, and "Suwon-based" a place by its
// `place_suffix`).
bool HyphenatedAdjective(const TextView& view, const Language& lang, size_t start, size_t end) {
  constexpr size_t kMinLetters = 3;
  size_t hyphen = end;
  while (hyphen > start && view.text[hyphen - 1] != '-') --hyphen;  // within the word only
  if (hyphen == start || end - hyphen < kMinLetters) return false;
  --hyphen;
  size_t place_end = 0, suffix_end = 0;
  if (FindPlaceSuffix(lang, view.text, start, end, &place_end, &suffix_end)) return false;
  for (size_t pos = hyphen + 1; pos < end; ++pos) {
    if (view.text[pos] < 'a' || view.text[pos] > 'z') return false;
  }
  return std::islower(static_cast<unsigned char>(view.source[view.origin[hyphen + 1]])) != 0;
}

// "Nothing Hanbit has said ...": is the name [start, end), which opens its sentence, a common word
// glued to a name `known_names` holds (the page writes "Hanbit" alone), the word itself no name?
bool GluedToKnownName(const TextView& view, const std::set<std::string>& known_names, size_t start, size_t end) {
  if (known_names.empty()) return false;
  size_t space = view.text.find(' ', start);
  return space < end && known_names.count(SourceText(view, space + 1, end)) > 0 &&
         known_names.count(SourceText(view, start, space)) == 0;
}

// Where the name [start, end) goes on after a `company_descriptor` that opens it ("Multiutility Velsa
// Energia", "Start-up Tarvik"), or npos when none does or nothing follows it.
size_t DescriptorEnd(const TextView& view, const Language& lang, size_t start, size_t end) {
  size_t descriptor_end = 0;
  if (lang.company_descriptors.Match(view, start, &descriptor_end) == nullptr || descriptor_end >= end ||
      view.text[descriptor_end] != ' ') {
    return std::string::npos;
  }
  return descriptor_end + 1;
}

// `dateline_end`, `capitals`: DatelineEnd's.
// How far an apposition's anaphor may stand from its opener ("the Madrid-based telecoms group").
constexpr size_t kApposedAnaphorReach = 40;

// Does an apposition that describes a company follow the word ending at `end`: a comma, a description
// opener, a few words, then an anaphor (`ref`, tagged before names are) closed by a comma or a relative word
// ("Telvana, the Madrid-based telecoms group that holds ...", "Telvana, the telecoms group, said")? A
// sentence's one capitalised first word so described is a name, as it is when the page uses it elsewhere;
// without it the anaphor stood for the page's own company. "Meanwhile, the group said" has no such close.
bool DescribedByApposition(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t end) {
  const std::string& text = view.text;
  if (end >= text.size() || text[end] != ',') return false;
  const size_t start = SkipSpaces(text, end + 1);
  const size_t words_from = WordAfterPhrase(text, start, lang.description_openers);
  if (words_from == std::string::npos) return false;
  auto anaphor = std::find_if(tags.begin(), tags.end(), [&](const Tag& t) {
    return t.type == "REF" && t.start >= words_from && t.start <= words_from + kApposedAnaphorReach;
  });
  if (anaphor == tags.end() || text.find_first_of(",.;:", words_from) < anaphor->start) return false;
  const size_t close = SkipSpaces(text, anaphor->end);
  if (close < text.size() && text[close] == ',') return true;
  return PhraseEnd(text, close, lang.relative_words) != std::string::npos;
}

void TagProperNames(const TextView& view, const Language& lang, const RuleData& data,
                    const std::set<std::string>& known_names, size_t dateline_end, bool capitals,
                    std::vector<bool>* taken, std::vector<Tag>* tags) {
  const std::string& text = view.text;
  const std::string_view source = view.source;
  size_t first_word = SkipSpaces(text, 0);
  while (first_word < text.size() && !IsWordCharAt(text, first_word)) ++first_word;
  const size_t lead_in_end = LeadInEnd(text, dateline_end);
  const size_t nameless_end = capitals ? dateline_end : 0;  // "LONDON (Wire) - ": no name before it
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 1;
    uint32_t c = CodePointAt(source, view.origin[pos], &length);
    // Most letters are in lower case or in another script: those tests first; a Latin brand
    // with a lower-case initial ("eNlight") is the rare exception, looked for only where a word starts.
    bool capital = c <= kLastLatinCodePoint &&
                   (IsUpperCodePoint(c) || (!IsWordCharBefore(text, pos) && LowerInitialBrandAt(view, pos)));
    if (!capital) {  // nor any byte of it: the same code point, and no brand starts past its first byte
      pos = NextCodePointStart(text, pos);
      continue;
    }
    if (taken->at(pos) || IsWordCharBefore(text, pos)) { ++pos; continue; }
    if (pos < nameless_end) { pos = NextCodePointStart(text, pos); continue; }
    size_t start = pos;
    size_t end = pos;
    size_t words = 0;
    size_t id_end = std::string::npos;
    bool inner_capital = false;
    while (true) {
      if (size_t form_end = words > 0 ? LegalFormEnd(view, lang, *taken, end) : std::string::npos;
          form_end != std::string::npos) {
        id_end = end;  // the company's form ends its mention, no part of its name ("Pennine Compute plc")
        while (id_end > start && text[id_end - 1] == ' ') --id_end;
        end = form_end;
        ++words;
        break;
      }
      size_t w = end;
      while (w < text.size() && !taken->at(w) && (IsWordCharAt(text, w) || JoinsNameAt(view, w))) {
        if (w > end && IsUpperCodePoint(CodePointAt(source, view.origin[w], &length))) inner_capital = true;
        if (text[w] >= '0' && text[w] <= '9') inner_capital = true;
        CodePointAt(text, w, &length);
        w += std::max<size_t>(length, 1);  // a whole letter: "È", "Société"
      }
      std::string word = text.substr(end, w - end);
      bool tail = words > 0 && EndsOrContinuesName(view, lang, word, w);  // "ai" is also an Italian word
      tail = tail || (words == 0 && HeadsName(view, lang, data, word, w));
      if (w == end || (!tail && (lang.stopwords.count(word) || data.stopcaps().count(SourceText(view, end, w)))) ||
          HyphenatedAdjective(view, lang, end, w)) {
        break;
      }
      end = w;
      ++words;
      size_t next = end;
      if (next < text.size() && text[next] == ' ' && next + 1 < text.size() && !taken->at(next + 1) &&
          (IsUpperCodePoint(CodePointAt(source, view.origin[next + 1], &length)) ||
           LegalFormEnd(view, lang, *taken, next + 1) != std::string::npos)) {
        end = next + 1;
        continue;
      }
      break;
    }
    while (end > start && text[end - 1] == ' ') --end;
    size_t place_end = 0;
    size_t suffix_end = 0;
    if (FindPlaceSuffix(lang, text, start, end, &place_end, &suffix_end)) {
      tags->push_back(Tag{start, place_end, "PLACE", SourceText(view, start, place_end), {}, "", {}});
      Take(taken, start, place_end);
      pos = suffix_end;
      continue;
    }
    if (size_t descriptor_end = DescriptorEnd(view, lang, start, end); descriptor_end != std::string::npos) {
      pos = descriptor_end;  // "Start-up Tarvik will ...": the name starts after what it is
      continue;
    }
    bool sentence_initial = start == first_word || start == lead_in_end;
    bool known = known_names.count(SourceText(view, start, std::min(id_end, end))) > 0;
    if (sentence_initial && words >= 2 && !known && GluedToKnownName(view, known_names, start, end)) {
      pos = text.find(' ', start) + 1;  // "Nothing Hanbit has said": the name starts at its second word
      continue;
    }
    if (words == 0 || end <= start ||
        (sentence_initial && words == 1 && !inner_capital && !known && !DescribedByApposition(view, lang, *tags, end))) {
      pos = std::max(end, pos + 1);
      while (pos < text.size() && IsWordCharAt(text, pos)) ++pos;
      continue;
    }
    size_t covered = NameTailEnd(view, lang, *taken, end);
    tags->push_back(Tag{start, covered, "UNK", SourceText(view, start, std::min(id_end, end)), {}, "", {}});
    Take(taken, start, covered);
    pos = covered;
  }
}

// "bonds due in 2031", "con scadenza nel 2031": is the time at `pos` a
// maturity (a `maturity_word` right before it)?
bool AfterMaturityWord(const std::string& text, const Language& lang, size_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  for (const std::string& word : lang.maturity_words) {
    if (end >= word.size() && text.compare(end - word.size(), word.size(), word) == 0 &&
        !IsWordCharBefore(text, end - word.size())) {
      return true;
    }
  }
  return false;
}

// Scripts without capitals: "सर्वम का इंडस मॉडल" is a model of its maker
// when both names are unknown (a known maker or an anaphor leaves the
// phrase alone: "कंपनी का बिज़नेस मॉडल").

// Is the word at view position `pos` one of `words`? Tested at every word:
// the word's end is looked for only where one of them is written.
bool WordIsOneOf(const std::string& text, size_t pos, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
    return text.compare(pos, word.size(), word) == 0 && WordEnd(text, pos) == pos + word.size();
  });
}

bool FreeWord(const std::string& text, const Language& lang, const std::vector<bool>& taken, size_t start) {
  size_t end = WordEnd(text, start);
  return end > start && Free(taken, start, end) && !lang.stopwords.count(text.substr(start, end - start));
}

void TagModelNames(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                   std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.name_suffixes.empty()) return;
  const std::string& text = view.text;
  for (size_t i = 3; i < starts.size(); ++i) {
    if (!WordIsOneOf(text, starts[i], lang.model_words) || !WordIsOneOf(text, starts[i - 2], lang.owner_markers)) continue;
    size_t model = starts[i - 1];
    size_t maker = starts[i - 3];
    if (!FreeWord(text, lang, *taken, model) || !FreeWord(text, lang, *taken, maker)) continue;
    for (auto [start, type] : {std::pair<size_t, const char*>{maker, "UNK"}, {model, "MODEL"}}) {
      size_t end = WordEnd(text, start);
      tags->push_back(Tag{start, end, type, SourceText(view, start, end), {}, "", {}});
      Take(taken, start, end);
    }
  }
}

// Is the word at `pos` part of a possessive ("अपना", "its", "अपना ख़ुद का")? A possessive of
// several words is counted from its last one: "अपना ख़ुद का इन्फ़रेंस चिप" has its kind word two words on.
bool PossessiveAt(const std::vector<Tag>& tags, size_t pos) {
  return std::any_of(tags.begin(), tags.end(),
                     [&](const Tag& t) { return t.type == "POSS" && t.start <= pos && pos < t.end; });
}

// Is the word at `pos` a `kind_word` ("प्लेटफॉर्म", "सेवा")?
bool KindWordAt(const std::string& text, const Language& lang, size_t pos) {
  return WordIsOneOf(text, pos, lang.kind_words);
}

// "अपना वॉयस मॉडल 'स्वर' तैयार किया": a name in quotes right after the kind
// word ending at `kind_end` and right before a `name_verb`, tagged with the
// verb's type; false when there is none.
bool TagQuotedKindName(const TextView& view, const Language& lang, size_t kind_end, std::vector<bool>* taken,
                       std::vector<Tag>* tags) {
  const std::string& text = view.text;
  size_t open = SkipSpaces(text, kind_end);
  if (open >= text.size() || (text[open] != '\'' && text[open] != '"')) return false;
  size_t close = text.find(text[open], open + 1);
  if (close == std::string::npos || close == open + 1 || close - open > kMaxQuotedNameBytes) return false;
  size_t verb_end = 0;
  const Phrase* verb = lang.name_verbs.Match(view, SkipSpaces(text, close + 1), &verb_end);
  if (verb == nullptr || !Free(*taken, open + 1, close)) return false;
  tags->push_back(Tag{open + 1, close, verb->value, SourceText(view, open + 1, close), {}, "", {}});
  Take(taken, open + 1, close);
  return true;
}

// Scripts without capitals: "X अपना एआई प्लेटफॉर्म एआई फोर्स विकसित करती है" —
// after a possessive and a `kind_word` (प्लेटफॉर्म, सर्विस) within three words,
// one or two free words right before a `name_verb` are the product's name;
// the verb's value is its type (विकसित: MODEL, चलाती: SERVICE). A quoted name
// right after a kind word and before such a verb is one with no possessive too.
void TagKindNames(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                  std::vector<bool>* taken, std::vector<Tag>* tags) {
  // Most sentences have no possessive and no quote: nothing to look for then.
  bool any_possessive = std::any_of(tags->begin(), tags->end(), [](const Tag& t) { return t.type == "POSS"; });
  const std::string& text = view.text;
  bool any_quote = text.find_first_of("'\"") != std::string::npos;
  if (lang.kind_words.empty() || (!any_possessive && !any_quote)) return;
  for (size_t i = 1; i + 2 < starts.size(); ++i) {
    if (!KindWordAt(text, lang, starts[i])) continue;
    // Quotes mark the name well enough without a possessive: "बड़ा भाषा मॉडल 'सारांश' तैयार कर रही है".
    if (any_quote && TagQuotedKindName(view, lang, WordEnd(text, starts[i]), taken, tags)) continue;
    bool owned = false;
    for (size_t back = 1; back <= 3 && back <= i; ++back) owned = owned || PossessiveAt(*tags, starts[i - back]);
    if (!owned) continue;
    for (size_t words = 1; words <= 2 && i + words + 1 <= starts.size() - 1; ++words) {
      size_t verb_end = 0;
      const Phrase* verb = lang.name_verbs.Match(view, starts[i + words + 1], &verb_end);
      if (verb == nullptr) continue;
      size_t start = starts[i + 1];
      size_t end = WordEnd(text, starts[i + words]);
      bool free = true;
      for (size_t w = 1; w <= words; ++w) free = free && FreeWord(text, lang, *taken, starts[i + w]);
      if (!free) break;
      tags->push_back(Tag{start, end, verb->value, SourceText(view, start, end), {}, "", {}});
      Take(taken, start, end);
      break;
    }
  }
}

// The words between a pair of quotes ending right before view position
// `end` ("'कोउकार्योकु' "): [start, end) of the quoted text, or {0, 0}.
std::pair<size_t, size_t> QuotedBefore(const std::string& text, size_t end) {
  size_t close = end;
  while (close > 0 && text[close - 1] == ' ') --close;
  if (close < 2 || (text[close - 1] != '\'' && text[close - 1] != '"')) return {0, 0};
  size_t open = text.rfind(text[close - 1], close - 2);
  if (open == std::string::npos || close - 1 - open > kMaxQuotedNameBytes || open + 1 >= close - 1) return {0, 0};
  return {open + 1, close - 1};
}

// Scripts without capitals: "सिफी क्लाउडइन्फिनिट नाम से अपनी क्लाउड सेवा चलाती है" —
// the word before a `name_marker` names what a possessive's `kind_word` and a
// `name_verb` right after it describe (the verb's value is its type). One
// word only: the one before it is mostly the owner ("एआई फोर्स नाम से" would
// give "फोर्स"). Quotes say where a name starts: "'कोउकार्योकु' ब्रांड के तहत
// जीपीयू क्लाउड सेवा चलाती है" names all the quoted words, possessive or not.
// A marker ending in a genitive ("नाम का") needs no possessive either.
void TagNamesBeforeMarker(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                          std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.name_markers.empty() || lang.kind_words.empty()) return;
  const std::string& text = view.text;
  for (size_t i = 1; i < starts.size(); ++i) {
    for (const std::string& marker : lang.name_markers) {
      if (text.compare(starts[i], marker.size(), marker) != 0 || IsWordCharAt(text, starts[i] + marker.size())) continue;
      size_t after = i + 1 + static_cast<size_t>(std::count(marker.begin(), marker.end(), ' '));
      auto [quote_start, quote_end] = QuotedBefore(text, starts[i]);
      bool quoted = quote_end > quote_start && Free(*taken, quote_start, quote_end);
      // "Y नाम का मॉडल ... X के इंजीनियरों ने विकसित किया": a marker ending in a genitive names a kind of its own,
      // no possessive needed, its maker and verb a few words further on.
      bool genitive = std::any_of(lang.owner_markers.begin(), lang.owner_markers.end(), [&](const std::string& m) {
        return marker.size() > m.size() + 1 && marker.compare(marker.size() - m.size() - 1, m.size() + 1, " " + m) == 0;
      });
      if (after >= starts.size() || (!quoted && !genitive && !PossessiveAt(*tags, starts[after]))) continue;
      const Phrase* verb = nullptr;
      bool kind = false;
      // Quotes mark the name well enough for a long description before the verb
      // ("'सेब्योक' नाम से कोरियाई भाषा का एक बड़ा भाषा मॉडल भी विकसित कर रही है").
      size_t reach = genitive || quoted ? 9 : 5;
      for (size_t w = after; w < starts.size() && w <= after + reach && verb == nullptr; ++w) {
        size_t verb_end = 0;
        kind = kind || KindWordAt(text, lang, starts[w]);
        if (kind) verb = lang.name_verbs.Match(view, starts[w], &verb_end);
      }
      size_t name = quoted ? quote_start : starts[i - 1];
      size_t end = quoted ? quote_end : WordEnd(text, name);
      if (verb == nullptr || (!quoted && !FreeWord(text, lang, *taken, name))) continue;
      tags->push_back(Tag{name, end, verb->value, SourceText(view, name, end), {}, "", {}});
      Take(taken, name, end);
      // A shorter marker inside this one ("नाम से" in "ब्रांड नाम से") names nothing.
      Take(taken, starts[i], starts[i] + marker.size());
    }
  }
}

// A word of letter names and digits ("बी300", "एमआई355एक्स") spelled in
// Latin letters ("b300"), or empty when a letter has no `letter_name`.
std::string SpelledInLatin(const TextView& view, const Language& lang, size_t start, size_t end) {
  std::string latin;
  for (size_t pos = start; pos < end;) {
    size_t letter_end = 0;
    if (view.text[pos] >= '0' && view.text[pos] <= '9') {
      latin += view.text[pos++];
    } else if (const Phrase* letter = lang.letter_names.Match(view, pos, &letter_end, true);
               letter != nullptr && letter_end <= end) {
      latin += letter->value;
      pos = letter_end;
    } else {
      return "";
    }
  }
  return latin;
}

// "4,000 एमआई355एक्स", "बी300 की क़ीमत": a model number written in another
// script is the gazetteer's model of that name (MI355X, B300), so that the
// page's product is the one its Latin-script mentions and the gold name.
// Only words with a digit right after a letter of another script are tried
// (found from the digits, not from every word): letter names alone are common words.
void TagTransliteratedModels(const TextView& view, const Language& lang, const PhraseTable& gazetteer,
                             std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.letter_names.empty()) return;
  const std::string& text = view.text;
  for (size_t digit = text.find_first_of("0123456789"); digit != std::string::npos;
       digit = text.find_first_of("0123456789", digit + 1)) {
    if (digit == 0 || static_cast<unsigned char>(text[digit - 1]) < 0x80) continue;
    size_t start = WordStartBefore(text, digit);
    size_t end = WordEnd(text, start);
    if (end <= digit || IsLatinAt(text, start) || !Free(*taken, start, end)) continue;
    std::string latin = SpelledInLatin(view, lang, start, end);
    if (latin.empty() || latin.find_first_not_of("0123456789") == std::string::npos) continue;
    TextView latin_view = MakeView(latin);
    size_t model_end = 0;
    const Phrase* model = gazetteer.Match(latin_view, 0, &model_end);
    if (model == nullptr || model_end != latin_view.text.size() || model->extra != "HARDWARE") continue;
    tags->push_back(Tag{start, end, model->extra, model->value, {}, "", {}});
    Take(taken, start, end);
  }
}

// Scripts without capitals: "20,000 सिसयुआन 590 एक्सेलरेटर" — one or two words
// between a number and a `count_noun`, the first in the script, one with a
// digit (a model number), are the unknown product counted ("20,000 नए
// एक्सेलरेटर" has no digit: no name).
void TagNumberedProducts(const TextView& view, const Language& lang, std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.name_suffixes.empty()) return;
  const std::string& text = view.text;
  std::vector<Tag> found;
  for (const Tag& number : *tags) {
    if (number.type != "NUM") continue;
    size_t start = SkipSpaces(text, number.end);
    if (!IsWordCharAt(text, start) || IsLatinAt(text, start) || !FreeWord(text, lang, *taken, start)) continue;
    size_t pos = start;
    for (int words = 1; words <= 2; ++words) {
      size_t end = WordEnd(text, pos);
      if (end == pos || lang.stopwords.count(text.substr(pos, end - pos))) break;
      size_t noun_end = 0;
      bool counted = lang.count_nouns.Match(view, SkipSpaces(text, end), &noun_end) != nullptr;
      bool digit = std::any_of(text.begin() + static_cast<long>(start), text.begin() + static_cast<long>(end),
                               [](char c) { return c >= '0' && c <= '9'; });
      if (counted && digit) {
        found.push_back(Tag{start, end, "HARDWARE", SourceText(view, start, end), {}, "", {}});
        break;
      }
      pos = SkipSpaces(text, end);
    }
  }
  for (const Tag& product : found) {
    // The model number was read as a number of its own.
    tags->erase(std::remove_if(tags->begin(), tags->end(),
                               [&](const Tag& t) { return t.start >= product.start && t.end <= product.end; }),
                tags->end());
    tags->push_back(product);
    Take(taken, product.start, product.end);
  }
}

// Scripts without capitals: a town no list knows is the one word before a
// `place_suffix` ("ओसाका स्थित", "फरीदाबाद में स्थित") or the one or two
// words between a `place_introducer` and a frequent word ("मुख्यालय ओसाका में").
void TagPlacesWithoutCapitals(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                              std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.name_suffixes.empty()) return;
  const std::string& text = view.text;
  auto tag_place = [&](size_t start, size_t end) {
    tags->push_back(Tag{start, end, "PLACE", SourceText(view, start, end), {}, "", {}});
    Take(taken, start, end);
  };
  auto name_word = [&](size_t pos) { return !IsLatinAt(text, pos) && FreeWord(text, lang, *taken, pos); };
  // Tested once per word, not once per loop below: every suffix is compared at every word.
  std::vector<bool> suffix_at(starts.size());
  for (size_t i = 0; i < starts.size(); ++i) {
    suffix_at[i] = std::any_of(lang.place_suffixes.begin(), lang.place_suffixes.end(), [&](const std::string& suffix) {
      return text.compare(starts[i], suffix.size(), suffix) == 0 && !IsWordCharAt(text, starts[i] + suffix.size());
    });
  }
  for (size_t i = 1; i < starts.size(); ++i) {
    // "इंदौर शहर में स्थित": the longer suffix "शहर में स्थित" names the town, not "शहर".
    if (!suffix_at[i] || suffix_at[i - 1]) continue;
    size_t place = starts[i - 1];
    if (name_word(place) && SkipSpaces(text, WordEnd(text, place)) == starts[i]) tag_place(place, WordEnd(text, place));
  }
  for (size_t i = 1; i < starts.size(); ++i) {
    // "मुख्यालय वाली काकाओ ने": a suffix that starts with the introducer's word looks back, not ahead.
    if (suffix_at[i]) continue;
    for (const std::string& introducer : lang.place_introducers) {
      if (text.compare(starts[i], introducer.size(), introducer) != 0) continue;
      size_t first = SkipSpaces(text, starts[i] + introducer.size());
      size_t end = first;
      for (int words = 0; words < 2 && name_word(SkipSpaces(text, end)); ++words) end = WordEnd(text, SkipSpaces(text, end));
      size_t next = SkipSpaces(text, end);
      if (end > first && lang.stopwords.count(text.substr(next, WordEnd(text, next) - next))) tag_place(first, end);
    }
  }
}

// Scripts without capitals ("हिंडाल्को इंडस्ट्रीज"): a company-type word of the
// lexicon (`name_suffix`) and the word before it are an unknown name.
void TagSuffixedNames(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                      std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.name_suffixes.empty()) return;
  const std::string& text = view.text;
  for (size_t i = 1; i < starts.size(); ++i) {
    size_t end = 0;
    if (taken->at(starts[i]) || lang.name_suffixes.Match(view, starts[i], &end) == nullptr) continue;
    size_t head = starts[i - 1];
    // Latin names are found by their capitals.
    if (!IsWordCharAt(text, head) || IsLatinAt(text, head) || !Free(*taken, head, end)) continue;
    size_t head_end = WordEnd(text, head);
    if (SkipSpaces(text, head_end) != starts[i] || lang.stopwords.count(text.substr(head, head_end - head))) continue;
    tags->push_back(Tag{head, end, "UNK", SourceText(view, head, end), {}, "", {}});
    Take(taken, head, end);
  }
}

// Tags the word before starts[marker], an agent marker, when a `company_descriptor` of up to two words
// stands right before it.
void TagDescribedNameBefore(const TextView& view, const std::vector<size_t>& starts, const Language& lang, size_t marker,
                            std::vector<bool>* taken, std::vector<Tag>* tags) {
  constexpr size_t kDescriptorWords = 2;  // "टेलीकॉम कंपनी"
  const std::string& text = view.text;
  if (marker < 2 || marker >= starts.size()) return;
  size_t head = starts[marker - 1];
  size_t head_end = WordEnd(text, head);
  if (SkipSpaces(text, head_end) != starts[marker] || IsLatinAt(text, head) || !IsWordCharAt(text, head) ||
      !Free(*taken, head, head_end) || lang.stopwords.count(text.substr(head, head_end - head))) {
    return;
  }
  for (size_t words = 1; words <= kDescriptorWords && words + 1 <= marker; ++words) {
    size_t descriptor_end = 0;
    if (lang.company_descriptors.Match(view, starts[marker - 1 - words], &descriptor_end) != nullptr &&
        SkipSpaces(text, descriptor_end) == head) {
      tags->push_back(Tag{head, head_end, "UNK", SourceText(view, head, head_end), {}, "", {}});
      Take(taken, head, head_end);
      return;
    }
  }
}

using TagBeforeMarker = void (*)(const TextView&, const std::vector<size_t>&, const Language&, size_t,
                                 std::vector<bool>*, std::vector<Tag>*);

// Calls `tag_before` with the word index of every `agent_marker` of the sentence.
void AtAgentMarkers(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                    TagBeforeMarker tag_before, std::vector<bool>* taken, std::vector<Tag>* tags) {
  for (const std::string& agent_marker : lang.agent_markers) {  // found by the rarer marker, not at every word
    for (size_t at = FindWord(view.text, agent_marker, 0); at != std::string::npos;
         at = FindWord(view.text, agent_marker, at + 1)) {
      auto marker = std::lower_bound(starts.begin(), starts.end(), at + 1);
      tag_before(view, starts, lang, static_cast<size_t>(marker - starts.begin()), taken, tags);
    }
  }
}

// Scripts without capitals: "स्टार्टअप तारविक ने ...": one free word between a `company_descriptor` and an
// `agent_marker` is the name of a company the page describes so (before a common noun, "स्टार्टअप
// इकोसिस्टम में", the agent marker hardly comes).
void TagDescribedNames(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                       std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.company_descriptors.empty()) return;
  AtAgentMarkers(view, starts, lang, TagDescribedNameBefore, taken, tags);
}

// Scripts without capitals: "प्रवक्ता राहुल वर्मा ने कहा": one to three free words between a `person_role`
// and an `agent_marker` name the person the role describes (ANALYST for an `outside` role): a source,
// never a subject. No word of them may be a role or a coordinator ("प्रबंध निदेशक और सीईओ ने").
constexpr size_t kPersonNameWords = 3;
constexpr size_t kRoleWords = 4;  // "मुख्य कार्यकारी अधिकारी"

void TagPersonBefore(const TextView& view, const std::vector<size_t>& starts, const Language& lang, size_t marker,
                     std::vector<bool>* taken, std::vector<Tag>* tags) {
  const std::string& text = view.text;
  if (marker >= starts.size()) return;
  size_t name_end = starts[marker];
  while (name_end > 0 && text[name_end - 1] == ' ') --name_end;
  for (size_t words = 1; words <= kPersonNameWords && words < marker; ++words) {
    size_t word = starts[marker - words];
    size_t end = 0;
    if (IsLatinAt(text, word) || !FreeWord(text, lang, *taken, word) || lang.person_roles.Match(view, word, &end) != nullptr ||
        lang.coordinators.Match(view, word, &end, true) != nullptr) {
      return;
    }
    for (size_t role_words = 1; role_words <= kRoleWords && role_words + words <= marker; ++role_words) {
      const Phrase* role = lang.person_roles.Match(view, starts[marker - words - role_words], &end);
      if (role == nullptr || SkipSpaces(text, end) != word) continue;
      tags->push_back(Tag{word, name_end, role->value == "outside" ? "ANALYST" : "PERSON", SourceText(view, word, name_end), {}, "", {}});
      Take(taken, word, name_end);
      return;
    }
  }
}

void TagPeopleAfterRoles(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                         std::vector<bool>* taken, std::vector<Tag>* tags) {
  if (lang.person_roles.empty()) return;
  AtAgentMarkers(view, starts, lang, TagPersonBefore, taken, tags);
}

// Only separators and coordinators between view positions a and b?
bool OnlyJoiners(const TextView& view, const Language& lang, size_t a, size_t b, bool* saw_coordinator) {
  size_t pos = a;
  while (pos < b) {
    char c = view.text[pos];
    if (c == ' ' || c == ',' || c == ';' || c == '&') { ++pos; continue; }
    if (view.text.compare(pos, 3, "、") == 0) { pos += 3; continue; }
    size_t end = 0;
    if (lang.coordinators.Match(view, pos, &end, true) != nullptr && end <= b) {
      *saw_coordinator = true;
      pos = end;
      continue;
    }
    return false;
  }
  return true;
}

// Three or more organisations in a row ("Microsoft, Alphabet, Amazon and
// Meta") are one group: what the text says of them, it says of them together.
// "Samsung SDS" where the document names that pair twice (ReadDocumentWide):
// the organisation and the unknown name after it become one unknown name.
void MergeJoinedNames(const TextView& view, const std::set<std::string>& joined_names, std::vector<Tag>* tags) {
  for (size_t i = 0; i + 1 < tags->size(); ++i) {
    Tag& known = (*tags)[i];
    const Tag& next = (*tags)[i + 1];
    if (known.type != "ORG" || next.type != "UNK" || next.start != known.end + 1) continue;
    std::string name = SourceText(view, known.start, next.end);
    if (!joined_names.count(name)) continue;
    known = Tag{known.start, next.end, "UNK", name, {}, "", {}};
    tags->erase(tags->begin() + static_cast<long>(i) + 1);
  }
}

void TagGroups(const TextView& view, const Language& lang, std::vector<Tag>* tags) {
  std::vector<Tag> out;
  out.reserve(tags->size());
  size_t i = 0;
  while (i < tags->size()) {
    size_t j = i;
    bool coordinated = false;
    // Names side by side with nothing between are no list: in Hindi the
    // subject comes right before its objects ("Infosys टीसीएस और विप्रो से ...").
    while (j + 1 < tags->size() && kMemberTypes.count((*tags)[j].type) && kMemberTypes.count((*tags)[j + 1].type) &&
           SkipSpaces(view.text, (*tags)[j].end) != (*tags)[j + 1].start &&
           OnlyJoiners(view, lang, (*tags)[j].end, (*tags)[j + 1].start, &coordinated)) {
      ++j;
    }
    if (j - i + 1 >= 3 && kMemberTypes.count((*tags)[i].type) && coordinated) {
      Tag group{(*tags)[i].start, (*tags)[j].end, "GROUP", "", {}, "", {}};
      for (size_t k = i; k <= j; ++k) {
        group.id += (k == i ? "" : k == j ? " and " : ", ") + (*tags)[k].id;
        group.members.push_back((*tags)[k].id);
      }
      out.push_back(std::move(group));
      i = j + 1;
    } else {
      out.push_back(std::move((*tags)[i]));
      ++i;
    }
  }
  *tags = std::move(out);
}

// "Waymo, Cruise and Zoox ...": a capitalised word that starts the sentence
// is usually no name ("Separately", "Analysts"), but the head of a list of
// unknown names joined by a coordinator is one more of them. Lists of known
// companies are left alone: "Separately, Alphabet and Meta" is the usual
// shape of an adverb before such a list.
void TagListHead(const TextView& view, const Language& lang, const RuleData& data, const std::vector<bool>& taken,
                 std::vector<Tag>* tags) {
  auto [start, end] = InitialWord(view);
  if (end == start || taken[start] || !IsCapitalisedLatin(view, start)) return;
  if (lang.stopwords.count(view.text.substr(start, end - start)) || data.stopcaps().count(SourceText(view, start, end))) return;
  size_t members = 0;
  bool coordinated = false;
  size_t pos = end;
  for (const Tag& tag : *tags) {
    if (tag.start < end) continue;
    if (tag.type != "UNK" || !OnlyJoiners(view, lang, pos, tag.start, &coordinated)) break;
    ++members;
    pos = tag.end;
  }
  if (members < 2 || !coordinated) return;
  tags->insert(tags->begin(), Tag{start, end, "UNK", SourceText(view, start, end), {}, "", {}});
}

// Is tags[i] right after view position `pos` (spaces between)?
bool StartsAt(const TextView& view, const std::vector<Tag>& tags, size_t i, size_t pos) {
  return i < tags.size() && SkipSpaces(view.text, pos) == tags[i].start;
}

// "320 GPU H200 di Nvidia", "2,000 MI300X accelerators made by AMD": the
// product (and a `count_noun`) followed by a `maker_link` and a company, known or not ("made by
// Velmont Systems").
bool MakerFollows(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t product) {
  if (product + 1 >= tags.size() || !kMemberTypes.count(tags[product + 1].type)) return false;
  size_t end = tags[product].end;
  size_t noun_end = 0;
  if (lang.count_nouns.Match(view, SkipSpaces(view.text, end), &noun_end) != nullptr &&
      noun_end <= tags[product + 1].start) {
    end = noun_end;
  }
  return IsMakerGap(lang, std::string_view(view.text).substr(end, tags[product + 1].start - end));
}

// Is the count at tags[i] right after its maker in the genitive ("Nvidia के 3,000 B200")?
bool MakerBefore(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t i) {
  if (i == 0 || tags[i - 1].type != "ORG") return false;
  const std::string gap = view.text.substr(tags[i - 1].end, tags[i].start - tags[i - 1].end);
  return std::any_of(lang.maker_genitives.begin(), lang.maker_genitives.end(),
                     [&](const std::string& word) { return gap == " " + word + " "; });
}

// Is the number at tags[i] counting the product named right before it in the genitive
// ("H200 चिप की 12,000 यूनिट": the product, a `count_noun`, a `count_genitive`)? The product's index, or -1.
int ProductBefore(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t i) {
  if (i == 0 || !kCountedTypes.count(tags[i - 1].type)) return -1;
  size_t pos = SkipSpaces(view.text, tags[i - 1].end);
  size_t end = 0;
  if (lang.count_nouns.Match(view, pos, &end) != nullptr) pos = SkipSpaces(view.text, end);
  const std::string gap = view.text.substr(pos, tags[i].start - pos);
  bool genitive = std::any_of(lang.count_genitives.begin(), lang.count_genitives.end(),
                              [&](const std::string& word) { return gap == word + " "; });
  return genitive ? static_cast<int>(i - 1) : -1;
}

// Most words between a `count_clitic` and the number it counts: "ne ha già prenotati 3.600".
constexpr int kCliticReach = 3;

// "i chip MI355X di AMD: Orbis Telecom ne ha prenotati 3.600": an unscaled number right
// after a `count_clitic` and at most kCliticReach plain words (its verb) counts the last
// product named before it in the sentence. The product's index, or -1.
int ProductOfClitic(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t i) {
  if (lang.count_clitics.empty() || i == 0 || tags[i].quantity.scaled) return -1;
  const std::string& text = view.text;
  size_t from = tags[i - 1].end;
  std::istringstream words(text.substr(from, tags[i].start - from));
  std::vector<std::string> between{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
  auto clitic = std::find_first_of(between.begin(), between.end(), lang.count_clitics.begin(), lang.count_clitics.end());
  if (clitic == between.end() || between.end() - clitic - 1 > kCliticReach || between.end() - clitic < 2) return -1;
  bool plain = std::all_of(clitic + 1, between.end(), [](const std::string& word) {
    return std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c < 0; });
  });
  if (!plain) return -1;
  for (size_t k = i; k-- > 0;) {
    if (kCountedTypes.count(tags[k].type)) return static_cast<int>(k);
  }
  return -1;
}

// Does the word that ends at view position `end` link a count to what it counts ("units of")?
bool EndsInUnitLink(const TextView& view, const Language& lang, size_t from, size_t end) {
  size_t word = end;
  while (word > from && view.text[word - 1] != ' ') --word;
  size_t link_end = 0;
  return word < end && lang.unit_links.Match(view, word, &link_end) != nullptr && link_end == end;
}

// May a possessor of a counted product stand at tags[k]: a company, an anaphor, or
// the place before a description ("the US company's")?
bool MayOwn(const Tag& tag) {
  return tag.type == "ORG" || tag.type == "UNK" || tag.type == "REF" || tag.type == "POSS" || tag.type == "PLACE";
}

// "12,000 of Nvidia's B300 processors", "1,200 units of Huawei's Ascend 910C
// chips", "12,000 of the US company's GB300 accelerators", "2,000 of its
// MI355X": a count of a product named with its possessor, after the count (and
// its noun, `after`) and a `unit_link`. Up to one word may stand before the
// product ("Nvidia's flagship B300"). The product's index, or -1;
// `*anaphoric` when the possessor is a description or a pronoun.
int OwnedProduct(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t i, size_t after,
                 bool* anaphoric) {
  const std::string& text = view.text;
  size_t pos = SkipSpaces(text, after);
  size_t link_end = 0;
  if (lang.unit_links.Match(view, pos, &link_end) != nullptr) {
    pos = SkipSpaces(text, link_end);
  } else if (!EndsInUnitLink(view, lang, tags[i].end, after)) {
    return -1;
  }
  size_t k = i + 1;
  *anaphoric = false;
  for (; k < tags.size() && MayOwn(tags[k]); ++k) {
    std::string gap = text.substr(pos, tags[k].start - pos);
    while (!gap.empty() && gap.back() == ' ') gap.pop_back();
    if (tags[k].start < pos || (!gap.empty() && !lang.stopwords.count(gap))) return -1;  // "the"
    *anaphoric = *anaphoric || tags[k].type == "REF" || tags[k].type == "POSS";
    pos = tags[k].end;
  }
  if (k == i + 1 || k >= tags.size() || !kCountedTypes.count(tags[k].type) || tags[k - 1].type == "PLACE") return -1;
  if (tags[k - 1].type != "POSS") {
    if (text.compare(pos, 2, "'s") == 0) pos += 2;
    else if (text.compare(pos, 1, "'") == 0) pos += 1;  // "Kestrel Networks' B200"
    else return -1;
  }
  if (text.compare(pos, 1, " ") != 0) return -1;
  size_t word = SkipSpaces(text, pos);
  if (word < tags[k].start && text.find(' ', word) + 1 != tags[k].start) return -1;  // more than one word between
  return static_cast<int>(k);
}

// Does the unknown name `tag` hold a digit, as a model number does ("CX-9", "TX880"; not "Corvant")?
bool HoldsDigit(const TextView& view, const Tag& tag) {
  return std::any_of(view.text.begin() + static_cast<long>(tag.start), view.text.begin() + static_cast<long>(tag.end),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// Past the `count_modifier`s after a count's noun, from `pos`, the noun's end: Italian describes the noun after
// it ("1.200 colonnine di ricarica ultraveloci HYC400").
size_t SkipCountModifiers(const TextView& view, const Language& lang, size_t pos) {
  size_t end = 0;
  while (lang.count_modifiers.Match(view, SkipSpaces(view.text, pos), &end) != nullptr && end > pos) pos = end;
  return pos;
}

// "12,000 CX-9 chips", "6.000 acceleratori Z7": an unknown name with a digit right after a number, with a
// `count_noun` on either side of the name, is a model number no list knows, hardware that TagCounts then
// counts (scripts without capitals: TagNumberedProducts). Without the noun it may be a company ("3,000 A2A
// clients"); without the digit a maker ("2,000 Corvant chips").
void TypeCountedModelNumbers(const TextView& view, const Language& lang, std::vector<Tag>* tags) {
  const std::string& text = view.text;
  for (size_t i = 0; i + 1 < tags->size(); ++i) {
    Tag& name = (*tags)[i + 1];
    if ((*tags)[i].type != "NUM" || name.type != "UNK" || !HoldsDigit(view, name)) continue;
    size_t after = SkipSpaces(text, (*tags)[i].end), end = 0;
    if (lang.count_adjectives.Match(view, after, &end) != nullptr) after = SkipSpaces(text, end);
    bool noun_before = lang.count_nouns.Match(view, after, &end) != nullptr &&
                       SkipSpaces(text, SkipCountModifiers(view, lang, end)) == name.start;
    bool noun_after = after == name.start && lang.count_nouns.Match(view, SkipSpaces(text, name.end), &end) != nullptr;
    if (noun_before || noun_after) name.type = "HARDWARE";
  }
}

// A model number counted once ("12,000 CX-9 chips") is hardware wherever the page names it ("Corvant designs
// the CX-9"), so its maker is read there.
void ReadCountedModels(const Language& lang, std::vector<TaggedSentence>* sentences) {
  std::set<std::string> counted;
  for (const auto& s : *sentences) {
    for (const Tag& tag : s.tags) {
      if (tag.type == "COUNT" && tag.product_type == "HARDWARE") counted.insert(tag.id);
    }
  }
  RetypeUnknownNames(lang, counted, "HARDWARE", sentences);
}

// A count of a family that the page also gives, with the same number, of one model of that family ("ordina
// 40mila acceleratori Ascend" in a headline, "40.000 acceleratori Ascend 950PR" in the body) is that model's:
// one order, named in full once.
void CountFamiliesAsTheirModel(std::vector<TaggedSentence>* sentences) {
  std::map<std::string, std::set<std::string>> products_by_value;
  for (const auto& s : *sentences) {
    for (const Tag& tag : s.tags) {
      if (tag.type == "COUNT") products_by_value[tag.quantity.value].insert(tag.id);
    }
  }
  for (auto& s : *sentences) {
    for (Tag& tag : s.tags) {
      if (tag.type != "COUNT") continue;
      const std::string family = tag.id + " ";
      std::vector<std::string> models;
      for (const std::string& id : products_by_value[tag.quantity.value]) {
        if (id.size() > family.size() && id.compare(0, family.size(), family) == 0) models.push_back(id);
      }
      if (models.size() != 1) continue;
      tag.id = models.front();
      tag.quantity.unit = tag.id;
    }
  }
}

// Makes the number `tag` a count of `product`.
void CountOf(const Tag& product, Tag* tag) {
  tag->type = "COUNT";
  tag->id = product.id;
  tag->product_type = product.type;
  tag->quantity.unit = tag->id;
}

// "20,000 H200 chips", "20.000 chip H200": a number of products (also after
// them in the genitive: "H200 चिप की 12,000 यूनिट"). With the
// maker between ("4,000 Nvidia H200 chips", "3.000 GPU Nvidia H100"), after
// ("320 GPU H200 di Nvidia") or before in the genitive ("Nvidia के 3,000
// B200") the count covers the number alone, so that the maker and its
// product stay mentions of their own for the rules ("Nvidia makes H200").
// `owned`: also "12,000 of its B300 processors", whose possessor a description or pronoun goes inside the count.
void TagCounts(const TextView& view, const Language& lang, std::vector<Tag>* tags, bool owned = true) {
  std::vector<Tag> out;
  out.reserve(tags->size());
  for (size_t i = 0; i < tags->size(); ++i) {
    Tag tag = (*tags)[i];
    if (tag.type == "NUM") {
      size_t after = tag.end;
      size_t end = 0;
      if (lang.count_adjectives.Match(view, SkipSpaces(view.text, after), &end) != nullptr) after = end;
      if (lang.count_nouns.Match(view, SkipSpaces(view.text, after), &end) != nullptr) {
        after = SkipCountModifiers(view, lang, end);
      }
      bool maker = StartsAt(view, *tags, i + 1, after) && (*tags)[i + 1].type == "ORG" &&
                   StartsAt(view, *tags, i + 2, (*tags)[i + 1].end);
      size_t product = maker ? i + 2 : i + 1;
      bool anaphoric = false;
      if (StartsAt(view, *tags, product, maker ? (*tags)[i + 1].end : after) &&
          kCountedTypes.count((*tags)[product].type)) {
        // A family right before its model ("1,000 Nvidia Blackwell B200 GPUs"): the count is of the model.
        if (StartsAt(view, *tags, product + 1, (*tags)[product].end) && kCountedTypes.count((*tags)[product + 1].type)) {
          ++product;
        }
        CountOf((*tags)[product], &tag);
        if (maker || MakerFollows(view, lang, *tags, product) || MakerBefore(view, lang, *tags, i)) {
          tag.end = after;
        } else {
          tag.end = (*tags)[product].end;
          i = product;
        }
      } else if (int before = after > tag.end ? ProductBefore(view, lang, *tags, i) : -1; before >= 0) {
        // the product stays a mention of its own, the count covers the number and its noun
        CountOf((*tags)[static_cast<size_t>(before)], &tag);
        tag.end = after;
      } else if (int named = after == tag.end ? ProductOfClitic(view, lang, *tags, i) : -1; named >= 0) {
        CountOf((*tags)[static_cast<size_t>(named)], &tag);  // the product stays a mention of its own
      } else if (int owned_at = owned ? OwnedProduct(view, lang, *tags, i, after, &anaphoric) : -1; owned_at >= 0) {
        // A company named as the possessor stays a mention ("Nvidia makes B300"); a
        // description or a pronoun goes inside the count: whose product it names the
        // salience cannot tell (it would name the buyer, the clause's subject).
        CountOf((*tags)[static_cast<size_t>(owned_at)], &tag);
        tag.end = anaphoric ? (*tags)[static_cast<size_t>(owned_at)].end : after;
        if (anaphoric) i = static_cast<size_t>(owned_at);
      }
    }
    out.push_back(std::move(tag));
  }
  *tags = std::move(out);
}

bool TagCountedProduct(const Language& lang, const TaggedSentence& previous, TaggedSentence* s);

size_t CountTags(const TaggedSentence& s) {
  return static_cast<size_t>(std::count_if(s.tags.begin(), s.tags.end(), [](const Tag& t) { return t.type == "COUNT"; }));
}

// The unknown names the page writes as products are known only once the whole page is read (ReadProducts):
// the numbers next to one are then counted as a known product's are ("प्रोसेसर Orion-5 ... Orion-5 की 20,000
// यूनिट"), and the sentence after such a count reads its count nouns as that product ("प्रति चिप कीमत ...").
void CountUnknownProducts(const Language& lang, std::vector<TaggedSentence>* sentences) {
  for (size_t i = 0; i < sentences->size(); ++i) {
    TaggedSentence& s = (*sentences)[i];
    bool unknown_product = std::any_of(s.tags.begin(), s.tags.end(), [](const Tag& t) { return t.type == "UNKPRODUCT"; });
    size_t counts = CountTags(s);
    // an unknown product after a possessive ("3,000 of its KS-7 chips") stays a mention: its maker is read from it
    if (unknown_product) TagCounts(s.view, lang, &s.tags, false);
    bool counted = CountTags(s) > counts;
    if (counted) Render(lang, &s);
    if (counted && i + 1 < sentences->size() && TagCountedProduct(lang, s, &(*sentences)[i + 1])) {
      Render(lang, &(*sentences)[i + 1]);
    }
  }
}

// How many words after view position `pos` an object marker may follow a name
// ("वेदांता और नाल्को से": a coordinator and an unknown name between).
constexpr int kMarkerReach = 3;

// Does a case marker of a non-subject ("से", "को") follow the name ending at
// `pos` within a few words, before any other mention?
bool MarkedAsObject(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t pos) {
  if (lang.object_markers.empty()) return false;
  const std::string& text = view.text;
  size_t limit = text.size();
  for (const Tag& tag : tags) {
    if (tag.start >= pos && !kMemberTypes.count(tag.type)) { limit = tag.start; break; }
  }
  for (int word = 0; word < kMarkerReach && pos < limit; ++word) {
    pos = SkipSpaces(text, pos);
    size_t end = 0;
    if (lang.object_markers.Match(view, pos, &end) != nullptr) return true;
    while (pos < limit && !IsSpaceAt(text, pos)) ++pos;
  }
  return false;
}

// Words after which an unknown name is where a company sits: "con sede a Curno".

// Where the introducer before `pos` starts, or npos when there is none.
size_t PlaceIntroducerStart(const Language& lang, const std::string& text, size_t pos) {
  for (const std::string& introducer : lang.place_introducers) {
    const std::string words = introducer + " ";
    if (pos >= words.size() && text.compare(pos - words.size(), words.size(), words) == 0) return pos - words.size();
  }
  return std::string::npos;
}

bool AfterPlaceIntroducer(const Language& lang, const std::string& text, size_t pos) {
  return PlaceIntroducerStart(lang, text, pos) != std::string::npos;
}

}  // namespace

bool IsMakerGap(const Language& lang, std::string_view gap) {
  if (!gap.empty() && gap[0] == ',') gap.remove_prefix(1);  // "B300 chips, which are made by Nvidia"
  size_t first = gap.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  gap = gap.substr(first, gap.find_last_not_of(' ') - first + 1);
  auto one_word = [](std::string_view word) { return word.find_first_of(" ,;:()") == std::string_view::npos; };
  return std::any_of(lang.maker_links.begin(), lang.maker_links.end(), [&](const std::string& link) {
    size_t at = gap.find(link);
    while (at != std::string_view::npos) {
      size_t after = at + link.size();
      bool before_ok = at == 0 || (gap[at - 1] == ' ' && one_word(gap.substr(0, at - 1)));
      bool after_ok = after == gap.size() || (gap[after] == ' ' && one_word(gap.substr(after + 1)));
      if (before_ok && after_ok) return true;
      at = gap.find(link, at + 1);
    }
    return false;
  });
}

bool PlaceSuffixAt(const Language& lang, const std::string& text, size_t pos) {
  return std::any_of(lang.place_suffixes.begin(), lang.place_suffixes.end(),
                     [&](const std::string& suffix) { return text.compare(pos, suffix.size(), suffix) == 0; });
}

namespace {

// "Redwood City, California": a town and its region, joined by a comma, when
// the pair is where a company sits ("headquartered in Redwood City,
// California", "the Redwood City, California-based operator"). Elsewhere a
// comma after a place joins anything ("In India, Lumora leads ...").
bool InPlacePair(const TextView& view, const Language& lang, const std::vector<Tag>& tags, size_t i) {
  const std::string& text = view.text;
  const Tag& tag = tags[i];
  if (i > 0 && tags[i - 1].type == "PLACE" && text.compare(tags[i - 1].end, tag.start - tags[i - 1].end, ", ") == 0) {
    const size_t introducer = PlaceIntroducerStart(lang, text, tags[i - 1].start);
    // "Based in Pune, Kestrel Networks sells ...": after a phrase that opens
    // the sentence, a name followed by a word is the clause's subject
    const bool subject_of_clause = introducer == 0 && tag.end + 1 < text.size() && text[tag.end] == ' ' &&
                                   std::isalpha(static_cast<unsigned char>(text[tag.end + 1]));
    if (introducer != std::string::npos && !subject_of_clause) return true;
  }
  return i + 1 < tags.size() && tags[i + 1].type == "PLACE" &&
         text.compare(tag.end, tags[i + 1].start - tag.end, ", ") == 0 && PlaceSuffixAt(lang, text, tags[i + 1].end);
}

// "Africa Data Centres", "East Africa Fibre Networks": a known place right
// before an unknown name of two words or more (and a capitalised word right
// before the place) is the start of that name, not a place.
void JoinPlaceBeforeName(const TextView& view, std::vector<Tag>* tags) {
  auto adjacent = [&view](const Tag& left, const Tag& right) {
    return right.start == left.end + 1 && view.text[left.end] == ' ';
  };
  for (size_t i = 0; i + 1 < tags->size(); ++i) {
    const Tag& place = (*tags)[i];
    Tag& name = (*tags)[i + 1];
    if (place.type != "PLACE" || name.type != "UNK" || !adjacent(place, name) || name.id.find(' ') == std::string::npos) {
      continue;
    }
    size_t first = i;
    if (i > 0 && (*tags)[i - 1].type == "UNK" && adjacent((*tags)[i - 1], place) && (*tags)[i - 1].id.find(' ') == std::string::npos) {
      first = i - 1;
    }
    name.start = (*tags)[first].start;
    name.id = SourceText(view, name.start, name.end);
    tags->erase(tags->begin() + static_cast<long>(first), tags->begin() + static_cast<long>(i) + 1);
    i = first;
  }
}

// "il quotidiano Handelsblatt", "the newspaper Les Echos": a `source_ref` of the value `outlet` right
// before a name is the name's kind, not a reference back to the source named last; the name is an
// outlet (MEDIA), the mention covers both.
void JoinOutletKindToName(const TextView& view, std::vector<Tag>* tags) {
  for (size_t i = 0; i + 1 < tags->size(); ++i) {
    const Tag& kind = (*tags)[i];
    Tag& name = (*tags)[i + 1];
    bool a_name = name.type == "MEDIA" || name.type == "UNK" || name.type == "ORG";
    if (kind.type != "SRC" || kind.id != "outlet" || !a_name || SkipSpaces(view.text, kind.end) != name.start) continue;
    name.start = kind.start;
    name.type = "MEDIA";
    tags->erase(tags->begin() + static_cast<long>(i));
  }
}

// "Blackwell Ultra B300": a chip family right before its model is part of
// the model's mention; the product is the model.
void JoinFamilyToModel(const TextView& view, std::vector<Tag>* tags) {
  for (size_t i = 0; i + 1 < tags->size(); ++i) {
    const Tag& family = (*tags)[i];
    Tag& model = (*tags)[i + 1];
    if (family.type != "HARDWARE" || model.type != "HARDWARE" || model.start != family.end + 1 ||
        view.text[family.end] != ' ') {
      continue;
    }
    model.start = family.start;
    tags->erase(tags->begin() + static_cast<long>(i));
  }
}

// Is [start, end) a model code: three digits or more then one to three letters ("950PR", "9070XT"),
// or letters, digits and up to two letters ("X9", "MI400", "MI355X")? "4nm", "5G" and numbers are none.
bool IsModelCode(const std::string& text, size_t start, size_t end) {
  auto run = [&](size_t at, char low, char high) {
    while (at < end && text[at] >= low && text[at] <= high) ++at;
    return at;
  };
  size_t digits_end = run(start, '0', '9');
  if (digits_end > start) {
    size_t letters_end = run(digits_end, 'a', 'z');
    return letters_end == end && digits_end - start >= 3 && end - digits_end >= 1 && end - digits_end <= 3;
  }
  size_t letters_end = run(start, 'a', 'z');
  size_t number_end = run(letters_end, '0', '9');
  size_t tail_end = run(number_end, 'a', 'z');
  return tail_end == end && letters_end > start && number_end > letters_end && end - number_end <= 2;
}

// "Ascend 950PR", "Instinct MI400": a chip family the gazetteer knows, then a model code it does not, is
// one product, the model (else the order of a new model went to its family).
void JoinModelCodeToFamily(const TextView& view, std::vector<Tag>* tags) {
  const std::string& text = view.text;
  for (size_t i = 0; i < tags->size(); ++i) {
    Tag& family = (*tags)[i];
    if (family.type != "HARDWARE" || family.end + 1 >= text.size() || text[family.end] != ' ') continue;
    size_t code_end = WordEnd(text, family.end + 1);
    bool free = i + 1 >= tags->size() || (*tags)[i + 1].start >= code_end;
    if (!free || !IsModelCode(text, family.end + 1, code_end)) continue;
    family.end = code_end;
    family.id = SourceText(view, family.start, family.end);
  }
}

// "Mombasa Road", "Via Tortona", "its Childress campus", "the Catalyst market": an unknown
// name of several words that starts or ends with a `place_kind` word, one that such a word
// follows, one after such a word that ends its clause ("sul mercato Catalyst."; "Sul mercato
// Seeweb accelera" names the company), or the word alone ("the University", someone's past,
// "la Borsa"), is a street, a site or a market.
bool NamesASite(const std::string& text, const Language& lang, const Tag& name) {
  size_t last = std::max(name.start, WordStartBefore(text, name.end));  // whole letters: "Università"
  bool several_words = WordEnd(text, name.start) < name.end;
  size_t next = name.end < text.size() && text[name.end] == ' ' ? name.end + 1 : std::string::npos;
  bool ends_clause = name.end >= text.size() || std::string_view(",.;:").find(text[name.end]) != std::string_view::npos;
  bool kind_before = ends_clause && name.start > 1 && text[name.start - 1] == ' ' &&
                     WordIsOneOf(text, WordStartBefore(text, name.start - 1), lang.place_kinds);
  return WordIsOneOf(text, last, lang.place_kinds) ||  // also a word alone: "usciti dal Politecnico"
         (several_words && WordIsOneOf(text, name.start, lang.place_kinds)) ||
         (next != std::string::npos && WordIsOneOf(text, next, lang.place_kinds)) || kind_before;
}

// An unknown name is a place, not a company, after a place introducer or
// after an anaphor and "di": "la società di San Donato Milanese", "La casa di
// Aichi ha emesso ..." (the anaphor is the company; the name, its home town);
// also in a town-and-region pair (above).
void RetypePlaces(const TextView& view, const Language& lang, std::vector<Tag>* tags) {
  for (size_t i = 0; i < tags->size(); ++i) {
    Tag& tag = (*tags)[i];
    if (tag.type != "UNK") continue;
    const size_t gap = i > 0 ? tag.start - (*tags)[i - 1].end : 0;
    bool after_ref = i > 0 && (*tags)[i - 1].type == "REF" &&
                     std::any_of(lang.ref_places.begin(), lang.ref_places.end(), [&](const std::string& word) {
                       return view.text.compare((*tags)[i - 1].end, gap, " " + word + " ") == 0;
                     });
    if (after_ref || AfterPlaceIntroducer(lang, view.text, tag.start) || InPlacePair(view, lang, *tags, i) ||
        NamesASite(view.text, lang, tag)) {
      tag.type = "PLACE";
    }
  }
}

// "the company ByteDance": an anaphor right before a name is no anaphor,
// unless the name is marked as an object: in Hindi the subject comes first,
// so "कंपनी वेदांता से प्रतिस्पर्धा करती है" is the company, then its rival.
void DropAppositiveRefs(const TextView& view, const Language& lang, std::vector<Tag>* tags) {
  std::vector<Tag> out;
  out.reserve(tags->size());
  for (size_t i = 0; i < tags->size(); ++i) {
    const Tag& tag = (*tags)[i];
    // A pronoun fused with its case marker ("उसने", "उसे") is never an apposition.
    if (tag.type == "REF" && !IsFusedMarker(tag.id) && i + 1 < tags->size() && kMemberTypes.count((*tags)[i + 1].type) &&
        SkipSpaces(view.text, tag.end) == (*tags)[i + 1].start &&
        !MarkedAsObject(view, lang, *tags, (*tags)[i + 1].end)) {
      continue;
    }
    out.push_back(tag);
  }
  *tags = std::move(out);
}

}  // namespace

bool IsQuantityType(const std::string& type) {
  // As string_views: a size test and an inline compare each (std::string == "..." calls out each time).
  const std::string_view t = type;
  return t == "MONEY" || t == "PERCENT" || t == "TOKENS" || t == "UNIT" || t == "NUM" || t == "COUNT";
}

std::string QuantityType(const QuantityMention& q) {
  switch (q.kind) {
    case QuantityKind::kMoney: return "MONEY";
    case QuantityKind::kPercent: return "PERCENT";
    case QuantityKind::kUnit: return q.unit == "tokens" ? "TOKENS" : "UNIT";
    case QuantityKind::kNumber: break;
  }
  return "NUM";
}

bool IsProductType(const std::string& type) { return kProductTypes.count(type) > 0; }

bool IsEntityType(const std::string& type) { return !IsQuantityType(type) && type != "TIME"; }

bool NamedAsSupplier(const TaggedSentence& s, const Language& lang, size_t i) {
  const Tag& tag = s.tags[i];
  if (i + 1 < s.tags.size() && (s.tags[i + 1].type == "HARDWARE" || s.tags[i + 1].type == "COUNT")) {
    size_t from = SkipSpaces(s.view.text, tag.end);
    std::string between = s.view.text.substr(from, s.tags[i + 1].start - from);
    while (!between.empty() && between.back() == ' ') between.pop_back();
    const auto& genitives = lang.maker_genitives;
    if (between.empty() || std::find(genitives.begin(), genitives.end(), between) != genitives.end()) {
      return true;  // "Nvidia H200 chips", "एनवीडिया के 3,000 B200"
    }
  }
  return MarkedAsObject(s.view, lang, s.tags, tag.end);  // "एनवीडिया से ..."
}

bool IsEquivalenceGap(const Language& lang, const TextView& view, size_t from, size_t to) {
  bool punctuated = false;
  size_t pos = from;
  while (pos < to) {
    char c = view.text[pos];
    if (c == ' ' || c == '(' || c == ',' || c == '-' || c == '[') { punctuated = punctuated || c != ' '; ++pos; continue; }
    size_t end = 0;
    if (lang.equivalences.Match(view, pos, &end) == nullptr) return false;
    punctuated = true;
    pos = end;
  }
  return punctuated;
}

int ConvertedAmount(const Language& lang, const TaggedSentence& s, size_t i) {
  if (i == 0 || i >= s.tags.size() || s.tags[i].type != "MONEY") return -1;
  const Tag& conversion = s.tags[i];
  size_t first = i - 1;
  while (first > 0 && s.tags[first].type == "TIME") --first;  // "EUR 4.2bn in 2027 (about $4.9bn)"
  if (s.tags[first].type != "MONEY" || s.tags[first].quantity.unit == conversion.quantity.unit) return -1;
  size_t bracket = s.view.text.rfind('(', conversion.start);
  bool converts = first + 1 == i ? IsEquivalenceGap(lang, s.view, s.tags[first].end, conversion.start)
                                 : bracket != std::string::npos && bracket >= s.tags[i - 1].end &&
                                       IsEquivalenceGap(lang, s.view, bracket, conversion.start);
  return converts ? static_cast<int>(first) : -1;
}

namespace {

// Appends `text` without its straight double quotes (the rules never see
// them), a run between quotes at a time.
void AppendWithoutQuotes(std::string_view text, std::string* out) {
  size_t from = 0;
  for (size_t quote = text.find('"'); quote != std::string_view::npos; quote = text.find('"', from)) {
    out->append(text.substr(from, quote - from));
    from = quote + 1;
  }
  out->append(text.substr(from));
}

}  // namespace

void RetypeUnknownNames(const Language& lang, const std::set<std::string>& ids, const std::string& type,
                        std::vector<TaggedSentence>* sentences) {
  if (ids.empty()) return;
  for (auto& s : *sentences) {
    bool changed = false;
    for (Tag& tag : s.tags) {
      if (tag.type != "UNK" || !ids.count(tag.id)) continue;
      tag.type = type;
      changed = true;
    }
    if (changed) Render(lang, &s);
  }
}

void Render(const Language& lang, TaggedSentence* sentence) {
  const TextView& view = sentence->view;
  const std::vector<Tag>& tags = sentence->tags;
  std::string& out = sentence->tagged_text;
  out.clear();
  out.reserve(view.text.size() + tags.size() * 12);
  size_t pos = 0;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (pos < tags[i].start) AppendWithoutQuotes(std::string_view(view.text).substr(pos, tags[i].start - pos), &out);
    out += "⟦";
    out += tags[i].type;
    out += '#';
    out += std::to_string(i);
    out += "⟧";
    if (tags[i].type == "REF" && IsFusedMarker(tags[i].id)) out += " " + tags[i].id;  // "उसने": "⟦REF⟧ ने"
    pos = tags[i].end;
  }
  if (pos < view.text.size()) AppendWithoutQuotes(std::string_view(view.text).substr(pos), &out);
  sentence->tagged = icu::UnicodeString::fromUTF8(out);
  sentence->cues_present = lang.cues.Present(out);
}

const Tag* LastCount(const TaggedSentence& s) {
  const Tag* count = nullptr;
  for (const auto& tag : s.tags) if (tag.type == "COUNT") count = &tag;
  return count;
}

std::string UntaggedInitialWord(const TaggedSentence& sentence) {
  const TextView& view = sentence.view;
  auto [start, end] = InitialWord(view);
  if (end == start || !IsCapitalisedLatin(view, start)) return "";
  if (!sentence.tags.empty() && sentence.tags[0].start < end) return "";
  return SourceText(view, start, end);
}

namespace {

// Does the sentence open with a capitalised common word glued to one of
// `names` ("Nothing Hanbit has said ..." on a page that writes "Hanbit" alone)?
bool OpensWithGluedName(const TaggedSentence& sentence, const std::set<std::string>& names) {
  auto [start, end] = InitialWord(sentence.view);
  if (end == start || sentence.tags.empty()) return false;
  const Tag& first = sentence.tags[0];
  return first.type == "UNK" && first.start == start && GluedToKnownName(sentence.view, names, first.start, first.end);
}

// Any phrase of `table` in the sentence?
bool Mentions(const PhraseTable& table, const TextView& view) {
  size_t end = 0;
  for (size_t pos : TokenStarts(view.text)) {
    if (table.Match(view, pos, &end) != nullptr) return true;
  }
  return false;
}

// "¥" is both the yen and the yuan sign; the lexicon reads it as the yuan.
bool WrittenWithYenSign(const TextView& view, const Tag& tag) {
  std::string written = SourceText(view, tag.start, tag.end);
  return tag.quantity.unit == "CNY" && written.find("¥") != std::string::npos && written.find("CN¥") == std::string::npos;
}

// The yen when the document speaks of Japan (and names no yuan in words).
void ReadYenSigns(const Language& lang, std::vector<TaggedSentence>* sentences) {
  bool has_sign = false, japan = false;
  for (const auto& s : *sentences) {
    for (const auto& tag : s.tags) has_sign = has_sign || (tag.type == "MONEY" && WrittenWithYenSign(s.view, tag));
  }
  if (!has_sign) return;
  for (const auto& s : *sentences) japan = japan || Mentions(lang.yen_contexts, s.view);
  if (!japan) return;
  for (auto& s : *sentences) {
    for (auto& tag : s.tags) {
      if (tag.type == "MONEY" && WrittenWithYenSign(s.view, tag)) tag.quantity.unit = "JPY";
    }
  }
}

// The names the document's sentences tag as places ("its Childress campus").
std::set<std::string> PlaceNames(const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> places;
  for (const auto& s : sentences) {
    for (const auto& tag : s.tags) if (tag.type == "PLACE") places.insert(tag.id);
  }
  return places;
}

// "... mostly at Childress and Sweetwater": a name the document calls a place elsewhere is one here
// too, and so is an unknown name coordinated with such a place (not with a gazetteer place: "Kenya
// and Lumora" may be a country and a company).
bool RetypeKnownPlaces(const Language& lang, const RuleData& data, const std::set<std::string>& places,
                       TaggedSentence* s) {
  bool changed = false;
  for (auto& tag : s->tags) {
    if (tag.type == "UNK" && places.count(tag.id)) {
      tag.type = "PLACE";
      changed = true;
    }
  }
  for (size_t i = 0; i + 1 < s->tags.size(); ++i) {
    Tag& left = s->tags[i];
    Tag& right = s->tags[i + 1];
    Tag* unknown = left.type == "UNK" && right.type == "PLACE" ? &left : right.type == "UNK" && left.type == "PLACE" ? &right : nullptr;
    const Tag& place = unknown == &left ? right : left;
    if (unknown == nullptr || data.entity(place.id) != nullptr || !places.count(place.id)) continue;
    size_t end = 0;
    size_t joint = SkipSpaces(s->view.text, left.end);
    if (lang.coordinators.Match(s->view, joint, &end) == nullptr || SkipSpaces(s->view.text, end) != right.start) continue;
    unknown->type = "PLACE";
    changed = true;
  }
  return changed;
}

// A currency word several currencies share ("crowns", "scellini") is the
// first of them the document writes as its own elsewhere ("Swedish crowns",
// "SEK"); else the first the lexicon lists.
void ReadSharedCurrencies(std::vector<TaggedSentence>* sentences) {
  std::vector<std::string> written;
  for (const auto& s : *sentences) {
    for (const auto& tag : s.tags) {
      if (tag.type == "MONEY" && tag.quantity.shared_units.empty()) written.push_back(" " + tag.quantity.unit + " ");
    }
  }
  for (auto& s : *sentences) {
    for (auto& tag : s.tags) {
      if (tag.type != "MONEY" || tag.quantity.shared_units.empty()) continue;
      std::string shared = " " + tag.quantity.shared_units + " ";
      auto known = std::find_if(written.begin(), written.end(),
                                [&shared](const std::string& unit) { return shared.find(unit) != std::string::npos; });
      if (known != written.end()) tag.quantity.unit = known->substr(1, known->size() - 2);
    }
  }
}

// First word -> id of the unknown names outside Latin script ("हिंडाल्को" ->
// "हिंडाल्को इंडस्ट्रीज", "नेक्सट्रा" -> itself); Latin ones have their
// capitals to be found by.
std::map<std::string, std::string> NameHeads(const std::vector<TaggedSentence>& sentences) {
  std::map<std::string, std::string> heads;
  auto add = [&heads](const std::string& id) {
    if (id.empty() || IsLatinAt(id, 0)) return;
    // A one-word name ("नेक्सट्रा" among rivals) names itself in the other sentences too; a longer
    // one is named by its first words too ("अनंत राज" for "अनंत राज लिमिटेड").
    for (size_t space = id.find(' ');; space = id.find(' ', space + 1)) {
      heads.emplace(id.substr(0, space), id);
      if (space == std::string::npos) break;
    }
  };
  for (const auto& s : sentences) {
    for (const auto& tag : s.tags) {
      if (tag.type == "UNK") add(tag.id);
      // Gazetteer ids are Latin: a group's members in another script are unknown names.
      if (tag.type == "GROUP") std::for_each(tag.members.begin(), tag.members.end(), add);
    }
  }
  return heads;
}

bool FreeOfTags(const std::vector<Tag>& tags, size_t start, size_t end) {
  for (const auto& tag : tags) {
    if (tag.start < end && start < tag.end) return false;
  }
  return true;
}

void SortTags(std::vector<Tag>* tags) {
  std::sort(tags->begin(), tags->end(), [](const Tag& a, const Tag& b) { return a.start < b.start; });
}

// `heads` longest first: "अनंत राज" is tagged before "अनंत" alone could be.
bool TagNameHeads(const std::vector<std::pair<std::string, std::string>>& heads, TaggedSentence* s) {
  bool changed = false;
  const std::string& text = s->view.text;
  for (const auto& [head, id] : heads) {
    for (size_t pos = FindText(text, head); pos != std::string::npos; pos = FindText(text, head, pos + 1)) {
      size_t end = pos + head.size();
      if (IsWordCharBefore(text, pos) || IsWordCharAt(text, end) || !FreeOfTags(s->tags, pos, end)) continue;
      s->tags.push_back(Tag{pos, end, "UNK", id, {}, "", {}});
      changed = true;
    }
  }
  if (changed) SortTags(&s->tags);
  return changed;
}

// The sentence after an order ("... ordered 4,000 H200 chips. Each chip cost
// $30,000"): its count nouns are the product counted, when it names none.
bool TagCountedProduct(const Language& lang, const TaggedSentence& previous, TaggedSentence* s) {
  const Tag* count = LastCount(previous);
  if (count == nullptr) return false;
  for (const auto& tag : s->tags) {
    if (tag.type == "COUNT" || kProductTypes.count(tag.type)) return false;
  }
  bool changed = false;
  for (size_t pos : TokenStarts(s->view.text)) {
    size_t end = 0;
    if (lang.count_nouns.Match(s->view, pos, &end) == nullptr || !FreeOfTags(s->tags, pos, end)) continue;
    s->tags.push_back(Tag{pos, end, count->product_type, count->id, {}, "", {}});
    changed = true;
  }
  if (changed) SortTags(&s->tags);
  return changed;
}

// Is `word` written in the document in lower case ("analysts" beside "Analysts")?
bool WrittenInLowerCase(const std::vector<TaggedSentence>& sentences, std::string word) {
  word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  for (const auto& s : sentences) {
    for (size_t pos = FindText(s.view.source, word); pos != std::string::npos; pos = FindText(s.view.source, word, pos + 1)) {
      if (!IsWordCharBefore(s.view.source, pos) && !IsWordCharAt(s.view.source, pos + word.size())) return true;
    }
  }
  return false;
}

// "Kioxia will invest ...", "Kioxia competes with ...": a capitalised word
// that starts two sentences or more, each time followed by a word in lower
// case, and that the document never writes in lower case, is a name even
// where no sentence uses it mid-way (one such sentence alone could start
// with any word: "Analysts said ...").
// `text` with its ASCII letters in lower case (as the view folds them).
std::string LowerAscii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::set<std::string> RepeatedInitialNames(const Language& lang, const RuleData& data,
                                           const std::vector<TaggedSentence>& sentences) {
  std::map<std::string, int> starts;
  for (const auto& s : sentences) {
    std::string word = UntaggedInitialWord(s);
    if (word.empty() || static_cast<unsigned char>(word[0]) >= 0x80 || data.stopcaps().count(word)) continue;
    size_t after = s.view.source.find(word) + word.size();
    bool verb_follows = after + 1 < s.view.source.size() && s.view.source[after] == ' ' &&
                        std::islower(static_cast<unsigned char>(s.view.source[after + 1]));
    if (verb_follows && !lang.stopwords.count(LowerAscii(word))) ++starts[word];
  }
  std::set<std::string> names;
  for (const auto& [word, count] : starts) {
    if (count >= 2 && !WrittenInLowerCase(sentences, word)) names.insert(word);
  }
  return names;
}

// How often the most named organisation of the document is named.
size_t TopOrganisationCount(const std::vector<TaggedSentence>& sentences) {
  std::map<std::string, size_t> counts;
  size_t top = 0;
  for (const auto& s : sentences) {
    for (const auto& tag : s.tags) {
      if (tag.type == "ORG" || tag.type == "UNK") top = std::max(top, ++counts[tag.id]);
    }
  }
  return top;
}

// Whole-word occurrences of `word` in the document.
size_t Occurrences(const std::vector<TaggedSentence>& sentences, const std::string& word) {
  size_t n = 0;
  for (const auto& s : sentences) {
    const std::string& text = s.view.text;
    for (size_t pos = FindText(text, word); pos != std::string::npos; pos = FindText(text, word, pos + 1)) {
      if (!IsWordCharBefore(text, pos) && !IsWordCharAt(text, pos + word.size())) ++n;
    }
  }
  return n;
}

// The page's own spelling of `phrase` (view text) at its first whole-word occurrence: the view drops the
// nukta ("नेटईज़" is "नेटईज" there), an id keeps it.
std::string SourceSpelling(const std::vector<TaggedSentence>& sentences, const std::string& phrase) {
  for (const auto& s : sentences) {
    const std::string& text = s.view.text;
    for (size_t pos = FindText(text, phrase); pos != std::string::npos; pos = FindText(text, phrase, pos + 1)) {
      if (!IsWordCharBefore(text, pos) && !IsWordCharAt(text, pos + phrase.size())) {
        return SourceText(s.view, pos, pos + phrase.size());
      }
    }
  }
  return phrase;
}

// A word at view position `pos` that may be part of a name in a script
// without capitals: no tag on it, not Latin, no digit, no frequent word.
bool UntaggedNameWordAt(const std::string& text, const Language& lang, const std::vector<Tag>& tags, size_t pos) {
  size_t end = WordEnd(text, pos);
  if (end == pos || IsLatinAt(text, pos) || !FreeOfTags(tags, pos, end)) return false;
  std::string word = text.substr(pos, end - pos);
  return !lang.stopwords.count(word) && std::none_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The one and two untagged words right before an `agent_marker` ("एसके टेलीकॉम
// ने", "सकुरा ने"): the longer first, each as written.
std::vector<std::vector<std::string>> AgentPhrases(const Language& lang, const TaggedSentence& s) {
  std::vector<std::vector<std::string>> found;
  const std::string& text = s.view.text;
  for (const std::string& marker : lang.agent_markers) {
    for (size_t at = FindWord(text, marker, 0); at != std::string::npos; at = FindWord(text, marker, at + 1)) {
      std::vector<std::string> phrases;
      size_t end = at;  // the space before the marker
      while (phrases.size() < 2) {
        size_t start = WordStartBefore(text, end);
        if (start == end || !UntaggedNameWordAt(text, lang, s.tags, start)) break;
        phrases.insert(phrases.begin(), text.substr(start, at - start));
        if (start == 0 || text[start - 1] != ' ') break;
        end = start - 1;
      }
      if (!phrases.empty()) found.push_back(std::move(phrases));
    }
  }
  return found;
}

// A name of two words found by its use ("मेघदूत इन्फ्राटेल ने", three times) is also written by its first
// word alone ("मेघदूत की टक्कर ... से है", "मेघदूत ने"), as NameHeads reads a name with a company-type word;
// a first word that starts two such names is left as it is.
void NameByFirstWord(std::map<std::string, std::string>* names) {
  std::map<std::string, std::set<std::string>> longer;  // first word -> ids
  for (const auto& [phrase, id] : *names) {
    size_t space = phrase.find(' ');
    if (space != std::string::npos) longer[phrase.substr(0, space)].insert(id);
  }
  for (const auto& [first, ids] : longer) {
    if (ids.size() == 1) (*names)[first] = *ids.begin();
  }
}

// A Hindi article about a company that is neither in the gazetteer nor
// written with a company-type word names only its rivals, if anyone: then a
// word outside Latin script that starts two sentences or more, each time
// before a postposition ("सीमेंस ने ...", "सीमेंस का मुकाबला ..."), and that the
// document names more often than any organisation, is the company's name.
// Only then: elsewhere such a word is far more likely a common noun. So are
// the one or two name-like words before an agent's marker ("सकुरा ने", "एसके
// टेलीकॉम ने"), all of them, when the document writes them three times or
// more, more often than any organisation ("टेलीकॉम" alone is also the
// common noun).
std::map<std::string, std::string> InitialNamesWithoutCapitals(const Language& lang,
                                                               const std::vector<TaggedSentence>& sentences) {
  std::map<std::string, int> starts;
  for (const auto& s : sentences) {
    const std::string& text = s.view.text;
    size_t start = SkipSpaces(text, 0);
    if (start >= text.size() || IsLatinAt(text, start) || !FreeOfTags(s.tags, start, start + 1)) {
      continue;
    }
    size_t end = WordEnd(text, start);
    size_t next = SkipSpaces(text, end);
    std::string word = text.substr(start, end - start);
    if (end == start || lang.stopwords.count(word) || !lang.stopwords.count(text.substr(next, WordEnd(text, next) - next))) {
      continue;
    }
    ++starts[word];
  }
  std::map<std::string, std::string> names;
  size_t top = TopOrganisationCount(sentences);
  for (const auto& [word, count] : starts) {
    if (count >= 2 && Occurrences(sentences, word) > top) names.emplace(word, SourceSpelling(sentences, word));
  }
  auto named_often = [&](const std::string& phrase) {
    size_t n = Occurrences(sentences, phrase);
    return n >= kMinAgentNameOccurrences && n > top;
  };
  for (const auto& s : sentences) {
    for (const auto& phrases : AgentPhrases(lang, s)) {
      // All the name-like words before the marker, or none: "सर्वम एआई ने" never names "एआई".
      if (named_often(phrases.front())) names.emplace(phrases.front(), SourceSpelling(sentences, phrases.front()));
    }
  }
  NameByFirstWord(&names);
  return names;
}

// "... वाली अनंत राज लिमिटेड": a company-type word took one word before it
// ("राज लिमिटेड"); the word before that belongs to the name when the document
// writes the two together three times or more ("अनंत राज का सामना ...").
bool GrowNamesBackwards(const Language& lang, std::vector<TaggedSentence>* sentences) {
  bool grown = false;
  for (auto& s : *sentences) {
    const std::string& text = s.view.text;
    for (auto& tag : s.tags) {
      if (tag.type != "UNK" || tag.start < 2 || IsLatinAt(text, tag.start) || text[tag.start - 1] != ' ') continue;
      size_t start = WordStartBefore(text, tag.start - 1);
      if (!UntaggedNameWordAt(text, lang, s.tags, start)) continue;
      std::string phrase = text.substr(start, WordEnd(text, tag.start) - start);
      if (Occurrences(*sentences, phrase) < kMinAgentNameOccurrences) continue;
      tag.id = SourceText(s.view, start, tag.start) + tag.id;
      tag.start = start;
      grown = true;
    }
  }
  return grown;
}

// "अनंत राज अशोक क्लाउड नाम से ...": once the owner before it is named, the
// one word between the owner and a name found before a `name_marker` is part
// of that name ("अशोक क्लाउड").
bool GrowMarkedNames(const Language& lang, TaggedSentence* s) {
  bool grown = false;
  const std::string& text = s->view.text;
  for (size_t i = 1; i < s->tags.size(); ++i) {
    Tag& tag = s->tags[i];
    const Tag& owner = s->tags[i - 1];
    bool marked = std::any_of(lang.name_markers.begin(), lang.name_markers.end(), [&](const std::string& marker) {
      return text.compare(tag.end, marker.size() + 1, " " + marker) == 0;
    });
    if (!marked || (tag.type != "SERVICE" && tag.type != "MODEL") || !kMemberTypes.count(owner.type)) continue;
    size_t word = SkipSpaces(text, owner.end);
    if (WordEnd(text, word) + 1 != tag.start || !UntaggedNameWordAt(text, lang, s->tags, word)) continue;
    tag.id = SourceText(s->view, word, tag.start) + tag.id;
    tag.start = word;
    grown = true;
  }
  return grown;
}

}  // namespace

bool IsBareScaledAmount(const Tag& tag) {
  return tag.type == "NUM" && tag.quantity.scaled && tag.quantity.unit.empty();
}

void GiveCurrency(const std::string& currency, Tag* tag) {
  tag->quantity.kind = QuantityKind::kMoney;
  tag->quantity.unit = currency;
  tag->type = QuantityType(tag->quantity);
}

namespace {

// The currency of the latest amount of money before tags[before] of
// sentence `index` (its own earlier tags `tags`, then the sentences before)
// that is not `other`, else of the first such amount after the sentence
// (a page may name its currency only later); "" when none.
std::string LatestOtherCurrency(const std::vector<TaggedSentence>& sentences, size_t index,
                                const std::vector<Tag>& tags, size_t before, const std::string& other) {
  auto latest_in = [&other](const std::vector<Tag>& in, size_t end) -> std::string {
    for (size_t t = end; t-- > 0;) {
      if (in[t].type == "MONEY" && in[t].quantity.unit != other) return in[t].quantity.unit;
    }
    return "";
  };
  std::string currency = latest_in(tags, before);
  for (size_t i = index; currency.empty() && i-- > 0;) currency = latest_in(sentences[i].tags, sentences[i].tags.size());
  for (size_t i = index + 1; currency.empty() && i < sentences.size(); ++i) {
    for (const auto& tag : sentences[i].tags) {
      if (tag.type == "MONEY" && tag.quantity.unit != other) { currency = tag.quantity.unit; break; }
    }
  }
  return currency;
}

// "... investirà 1,4 miliardi di euro. Circa 900 milioni, ha spiegato X,
// saranno destinati ...": a bare scaled amount set off by a comma, in a
// sentence with no money of its own, is in the currency of the previous
// sentence's last amount (a count of users or tokens runs on into its noun),
// not of that amount's conversion after it ("... 1,4 miliardi di euro (1,6
// miliardi di dollari). Circa 900 milioni, ...").
bool CarryCurrencyFromPrevious(const Language& lang, const TaggedSentence& previous, TaggedSentence* s) {
  const Tag* money = nullptr;
  for (size_t i = 0; i < previous.tags.size(); ++i) {
    if (previous.tags[i].type == "MONEY" && ConvertedAmount(lang, previous, i) < 0) money = &previous.tags[i];
  }
  if (money == nullptr) return false;
  for (const auto& tag : s->tags) if (tag.type == "MONEY") return false;
  bool changed = false;
  for (auto& tag : s->tags) {
    // "Di questi 180 milioni, 110 milioni saranno ...": the amounts after the first take its currency too.
    bool comma_after = tag.end < s->view.text.size() && s->view.text[tag.end] == ',';
    if (!IsBareScaledAmount(tag) || !(comma_after || changed)) continue;
    GiveCurrency(money->quantity.unit, &tag);
    changed = true;
  }
  return changed;
}

// "300 milioni (pari a circa 350 milioni di dollari)", "1.2 billion (about
// GBP 1bn)": a bare scaled amount right before its equivalent in brackets is
// in another currency than the equivalent: the document's nearest other
// one (LatestOtherCurrency). `index` is the sentence's position in
// `sentences`.
bool CurrencyBeforeEquivalent(const Language& lang, const std::vector<TaggedSentence>& sentences, size_t index,
                              TaggedSentence* s) {
  bool changed = false;
  for (size_t t = 0; t + 1 < s->tags.size(); ++t) {
    Tag& bare = s->tags[t];
    const Tag& equivalent = s->tags[t + 1];
    bool bracketed = s->view.text.find('(', bare.end) < equivalent.start;
    if (!IsBareScaledAmount(bare) || equivalent.type != "MONEY" || !bracketed ||
        !IsEquivalenceGap(lang, s->view, bare.end, equivalent.start)) {
      continue;
    }
    std::string currency = LatestOtherCurrency(sentences, index, s->tags, t, equivalent.quantity.unit);
    if (currency.empty()) continue;
    GiveCurrency(currency, &bare);
    changed = true;
  }
  return changed;
}

// Is every word of `name` after its first a company-form word ("Nebius Group")?
bool OnlyLegalSuffixAfterHead(const Language& lang, const std::string& name) {
  size_t pos = name.find(' ');
  while (pos != std::string::npos) {
    size_t next = name.find(' ', pos + 1);
    std::string word = LowerAscii(name.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
    if (std::find(lang.legal_suffixes.begin(), lang.legal_suffixes.end(), word) == lang.legal_suffixes.end()) {
      return false;
    }
    pos = next;
  }
  return true;
}

// Is every word of `words` a company-form word ("Corp", "Group Inc")?
bool OnlyLegalSuffixes(const Language& lang, const std::string& words) { return OnlyLegalSuffixAfterHead(lang, "_ " + words); }

// "Nippon Telegraph & Telephone Corp.": company-form words right after a known organisation are part of its
// name, no unknown company of their own.
void AbsorbLegalSuffixes(const TextView& view, const Language& lang, std::vector<Tag>* tags) {
  for (size_t i = 0; i + 1 < tags->size(); ++i) {
    Tag& known = (*tags)[i];
    const Tag& next = (*tags)[i + 1];
    if (known.type != "ORG" || next.type != "UNK" || next.start != known.end + 1 || view.text[known.end] != ' ' ||
        !OnlyLegalSuffixes(lang, next.id)) {
      continue;
    }
    known.end = next.end;
    tags->erase(tags->begin() + static_cast<long>(i) + 1);
  }
}

// The one currency of the document's amounts of money; "" when none or several.
std::string OnlyCurrency(const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> units;
  for (const auto& s : sentences) {
    for (const auto& tag : s.tags) if (tag.type == "MONEY") units.insert(tag.quantity.unit);
  }
  return units.size() == 1 ? *units.begin() : "";
}

// Does a count's noun follow the amount ending at `end`: a unit_link ("300
// milioni di utenti"), or a unit after an optional bound ("10 ट्रिलियन से अधिक टोकन")?
bool CountNounFollows(const Language& lang, const TextView& view, size_t end) {
  size_t pos = SkipSpaces(view.text, end);
  size_t next = 0;
  if (lang.bounds_after.Match(view, pos, &next) != nullptr) pos = SkipSpaces(view.text, next);
  return lang.unit_links.Match(view, pos, &next) != nullptr || lang.units.Match(view, pos, &next) != nullptr ||
         lang.count_nouns.Match(view, pos, &next) != nullptr;
}

// "aveva investito 140 milioni.", "circa 85 milioni serviranno per ...": a
// bare scaled amount that is its sentence's only quantity, with no count's
// noun after it, is in the document's one currency.
bool GiveDocumentCurrency(const Language& lang, const std::string& currency, TaggedSentence* s) {
  size_t quantities = 0;
  for (const auto& tag : s->tags) quantities += IsQuantityType(tag.type) ? 1 : 0;
  if (currency.empty() || quantities != 1) return false;
  for (auto& tag : s->tags) {
    if (!IsBareScaledAmount(tag) || CountNounFollows(lang, s->view, tag.end)) continue;
    GiveCurrency(currency, &tag);
    return true;
  }
  return false;
}

// "Tata Communications", where "Tata" alone is a gazetteer alias (of Tata
// Group): an organisation followed after one space by an unknown Latin name
// is one unknown name, "" otherwise; `*unknown_part` gets the unknown name.
std::string JoinedName(const TaggedSentence& s, size_t i, std::string* unknown_part = nullptr) {
  if (i + 1 >= s.tags.size()) return "";
  const Tag& known = s.tags[i];
  const Tag& next = s.tags[i + 1];
  // The unknown part may head a list: "NTT Docomo, KDDI and SoftBank".
  std::string added = next.type == "GROUP" && !next.members.empty() ? next.members.front() : next.id;
  bool unknown = next.type == "UNK" || (next.type == "GROUP" && s.view.source.compare(s.view.origin[next.start], added.size(), added) == 0);
  if (known.type != "ORG" || !unknown || next.start != known.end + 1 || s.view.text[known.end] != ' ' ||
      !IsLatinAt(added, 0)) {
    return "";
  }
  if (unknown_part != nullptr) *unknown_part = added;
  return SourceText(s.view, known.start, known.end) + " " + added;
}


// Such pairs are one name when the document writes the pair twice or more
// (once may be "Microsoft President Brad Smith"; a list may hide the second
// one from the tags, so the text is counted), or once when the unknown part
// is one word ("Rakuten Mobile", "NTT Docomo"), and the unknown part is more
// than company-form words ("Tencent Holdings" stays Tencent).
std::set<std::string> JoinedNames(const Language& lang, const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> joined;
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.tags.size(); ++i) {
      std::string added;
      std::string name = JoinedName(s, i, &added);
      // "Nippon Telegraph and Telephone Corp." stays NTT: the added part, not the known name's words, decides
      if (name.empty() || OnlyLegalSuffixes(lang, added)) continue;
      bool one_word_added = added.find(' ') == std::string::npos;
      if (one_word_added || Occurrences(sentences, LowerAscii(name)) >= 2) {
        joined.insert(name);
      }
    }
  }
  return joined;
}

bool MentionsAny(const TaggedSentence& s, const std::set<std::string>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&s](const std::string& name) { return s.view.source.find(name) != std::string::npos; });
}

// "Sakura is buying ..." after "Sakura Internet ...": the first words of the
// document's longer unknown Latin names are names at the start of a sentence too.
std::set<std::string> LatinNameHeads(const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> heads;
  for (const auto& s : sentences) {
    for (const auto& tag : s.tags) {
      size_t space = tag.id.find(' ');
      if (tag.type == "UNK" && IsLatinAt(tag.id, 0) && space != std::string::npos) heads.insert(tag.id.substr(0, space));
    }
  }
  return heads;
}

// "Orange Belgium", "Lumora Italia": a one-word unknown Latin name right
// before a known place, nothing after the place but a space or punctuation,
// is one name: a company's arm in that country (a longer name before a
// place is often a market's or a site's: "Euronext Growth Milan").
bool JoinPlaceAfterName(TaggedSentence* s) {
  bool joined = false;
  const std::string& text = s->view.text;
  for (size_t t = 0; t + 1 < s->tags.size(); ++t) {
    Tag& name = s->tags[t];
    const Tag& place = s->tags[t + 1];
    bool adjacent = place.start == name.end + 1 && text[name.end] == ' ';
    bool ends = place.end >= text.size() || text[place.end] == ' ' || text[place.end] == ',' || text[place.end] == '.' ||
                text[place.end] == '\'';
    bool one_word = name.id.find(' ') == std::string::npos;
    if (name.type != "UNK" || place.type != "PLACE" || !adjacent || !ends || !one_word || !IsLatinAt(name.id, 0)) continue;
    name.end = place.end;
    name.id = SourceText(s->view, name.start, name.end);
    s->tags.erase(s->tags.begin() + static_cast<long>(t) + 1);
    joined = true;
  }
  return joined;
}

// A model's version: a number right after the tag (" 2", " 2.5", "-3"),
// or the tag's last word ("Proximus Nova 2", JoinVersionAfterName).
bool VersionFollows(const TaggedSentence& s, const Tag& tag) {
  const std::string& text = s.view.text;
  size_t at = tag.end;
  bool after = at + 1 < text.size() && (text[at] == ' ' || text[at] == '-') && text[at + 1] >= '0' && text[at + 1] <= '9';
  size_t space = tag.id.rfind(' ');
  bool inside = space != std::string::npos && space + 1 < tag.id.size() && tag.id[space + 1] >= '0' && tag.id[space + 1] <= '9';
  return after || inside;
}

// Where the capitalised words or version numbers ("Cloud", "3.0") that
// follow the space at `end` stop; `end` itself when none follows.
size_t CapitalisedWordsEnd(const TextView& view, size_t end) {
  const std::string& text = view.text;
  auto digit = [&text](size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  size_t length = 1;
  while (end + 1 < text.size() && text[end] == ' ' &&
         (digit(end + 1) || IsUpperCodePoint(CodePointAt(view.source, view.origin[end + 1], &length)))) {
    size_t word_end = end + 1;
    while (word_end < text.size() && (IsWordCharAt(text, word_end) || (text[word_end] == '.' && digit(word_end + 1)))) {
      ++word_end;
    }
    end = word_end;
  }
  return end;
}

// "Rakuten AI 3.0", "Retelit AI Cloud": a known organisation, a `name_tail`
// and a version or capitalised words after it is a product named after its
// maker: one unknown name over them (the version's number tag goes).
bool JoinProductAfterCompany(const Language& lang, TaggedSentence* s) {
  const std::string& text = s->view.text;
  bool joined = false;
  for (size_t t = 0; t < s->tags.size(); ++t) {
    Tag& maker = s->tags[t];
    size_t tail_start = maker.end + 1;
    if (maker.type != "ORG" || tail_start >= text.size() || text[maker.end] != ' ') continue;
    size_t tail_end = text.find(' ', tail_start);
    if (tail_end == std::string::npos ||
        std::find(lang.name_tails.begin(), lang.name_tails.end(), text.substr(tail_start, tail_end - tail_start)) ==
            lang.name_tails.end()) {
      continue;
    }
    size_t end = CapitalisedWordsEnd(s->view, tail_end);
    if (end == tail_end) continue;
    maker.type = "UNK";
    maker.end = end;
    maker.id = SourceText(s->view, maker.start, end);
    auto inside = [&maker](const Tag& other) { return &other != &maker && other.start >= maker.start && other.start < maker.end; };
    s->tags.erase(std::remove_if(s->tags.begin() + static_cast<long>(t) + 1, s->tags.end(), inside), s->tags.end());
    joined = true;
  }
  return joined;
}

// Is `inner` the whole of a bracket right after `name` ("Kaveri Digital Systems (KDS)")?
bool BracketedAfter(const std::string& text, const Tag& name, const Tag& inner) {
  return inner.start == name.end + 2 && text.compare(name.end, 2, " (") == 0 && inner.end < text.size() &&
         text[inner.end] == ')';
}

// "Dhruva DataGrid (ध्रुव डेटाग्रिड) ने ...": a name right before its own gloss
// in brackets (GlossedNames gave both the same id) is one mention, so the
// rules read the agent's marker after it.
bool JoinGlossAfterName(TaggedSentence* s) {
  bool joined = false;
  for (size_t t = 0; t + 1 < s->tags.size(); ++t) {
    Tag& name = s->tags[t];
    const Tag& gloss = s->tags[t + 1];
    if (name.type != "UNK" || gloss.type != "UNK" || gloss.id != name.id || !BracketedAfter(s->view.text, name, gloss)) {
      continue;
    }
    name.end = gloss.end + 1;
    s->tags.erase(s->tags.begin() + static_cast<long>(t) + 1);
    joined = true;
  }
  return joined;
}

// Where a version written right after a name ends: " 2", " 3.5", or ".3"
// continuing a versioned name ("Llama 3" + ".3"); `end` when none follows. A
// version is one or two digits and a decimal, followed by no other digit or
// word character ("Orbis 2,000", "3 billion" are figures).
size_t VersionEnd(const std::string& text, size_t end) {
  auto digit = [&text](size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  auto digits_end = [&](size_t at) {
    while (digit(at)) ++at;
    return at;
  };
  size_t at = end;
  if (end > 0 && digit(end - 1) && end < text.size() && text[end] == '.' && digit(end + 1)) {
    at = digits_end(end + 1);
  } else {
    if (end >= text.size() || text[end] != ' ' || !digit(end + 1)) return end;
    size_t whole = digits_end(end + 1);
    if (whole - (end + 1) > 2) return end;
    at = whole < text.size() && text[whole] == '.' && digit(whole + 1) ? digits_end(whole + 1) : whole;
  }
  bool more = at < text.size() && (IsWordCharAt(text, at) || ((text[at] == ',' || text[at] == '.') && digit(at + 1)));
  return more ? end : at;
}

// A model's size after its version (" 70B", " 8b": the view is case-folded).
size_t SizeEnd(const std::string& text, size_t end) {
  size_t at = end + 1;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
  bool sized = end < text.size() && text[end] == ' ' && at > end + 1 && at < text.size() && text[at] == 'b' &&
               !IsWordCharAt(text, at + 1);
  return sized ? at + 1 : end;
}

// Unknown one-word names the page writes with a version every time, twice or
// more ("Svarog 2"): the version is part of their name. Once is not enough: a
// count follows a name as a version does ("Orbis-Lingua 12 भाषाएं").
std::set<std::string> AlwaysWithVersion(const std::vector<TaggedSentence>& sentences) {
  std::map<std::string, int> versioned;  // -1 once written without one
  for (const auto& s : sentences) {
    for (const Tag& tag : s.tags) {
      if (tag.type != "UNK" || tag.id.find(' ') != std::string::npos) continue;
      int& count = versioned[tag.id];
      count = count < 0 || VersionEnd(s.view.text, tag.end) == tag.end ? -1 : count + 1;
    }
  }
  std::set<std::string> names;
  for (const auto& [id, count] : versioned) {
    if (count >= 2) names.insert(id);
  }
  return names;
}

// "Claude Opus 4", "Llama 3.3 70B", "Proximus Nova 2", "Svarog 2": a product's
// name with its version (and size) is one name, the version in its id: a
// release is its own product, and writers name it so. Joined: known products,
// unknown names of two words or more, and one-word names always written with
// a version (`versioned`); the version's number tags go.
bool JoinVersionAfterName(const std::set<std::string>& versioned, TaggedSentence* s) {
  bool joined = false;
  const std::string& text = s->view.text;
  for (size_t t = 0; t < s->tags.size(); ++t) {
    Tag& name = s->tags[t];
    bool known_product = kProductTypes.count(name.type) > 0;
    bool unknown = name.type == "UNK" && (name.id.find(' ') != std::string::npos || versioned.count(name.id));
    if (!known_product && !unknown) continue;
    size_t version_end = VersionEnd(text, name.end);
    if (version_end == name.end) continue;
    bool figure = std::any_of(s->tags.begin() + static_cast<long>(t) + 1, s->tags.end(), [&](const Tag& other) {
      return other.start >= name.end && other.start < version_end &&
             (other.type != "NUM" || other.quantity.scaled || !other.quantity.unit.empty());
    });
    if (figure) continue;
    size_t end = SizeEnd(text, version_end);
    size_t name_end = name.end;
    auto inside = [&](const Tag& other) { return &other != &name && other.start >= name_end && other.start < end; };
    std::string version = SourceText(s->view, name.end, end);
    name.id = name.type == "UNK" ? SourceText(s->view, name.start, end) : name.id + version;
    name.end = end;
    s->tags.erase(std::remove_if(s->tags.begin() + static_cast<long>(t) + 1, s->tags.end(), inside), s->tags.end());
    joined = true;
  }
  return joined;
}

// An interview's speaker labels ("TelcoWeek: ...", "Standaert: ...") name
// no subject: a label that starts two sentences or more loses its tags, so
// the interviewer's outlet is not the page's main organisation either.
void DropSpeakerLabels(const Language& lang, std::vector<TaggedSentence>* sentences) {
  std::map<std::string, int> labels;
  for (const auto& s : *sentences) {
    size_t end = SpeakerLabelEnd(s.view.text);
    if (end != std::string::npos) ++labels[s.view.text.substr(0, end)];
  }
  for (auto& s : *sentences) {
    size_t end = SpeakerLabelEnd(s.view.text);
    if (end == std::string::npos || labels[s.view.text.substr(0, end)] < 2) continue;
    auto in_label = [end](const Tag& tag) { return tag.start < end; };
    if (std::none_of(s.tags.begin(), s.tags.end(), in_label)) continue;
    s.tags.erase(std::remove_if(s.tags.begin(), s.tags.end(), in_label), s.tags.end());
    Render(lang, &s);
  }
}

// A `name_tail` word inside a name, not last: a product ("Sakura AI Engine",
// "Retelit AI Cloud"), where "Mistral AI" may be the company.
bool InnerNameTail(const Language& lang, const std::string& name) {
  std::string folded = " " + LowerAscii(name) + " ";
  size_t last_space = folded.rfind(' ', folded.size() - 2);
  return std::any_of(lang.name_tails.begin(), lang.name_tails.end(), [&](const std::string& tail) {
    size_t at = folded.find(" " + tail + " ");
    return at != std::string::npos && at < last_space && at > 0;
  });
}

// A headline or a title: a sentence that ends with no sentence punctuation ("Data center, Sabauda
// cambia passo: 420 milioni per il nuovo campus").
bool IsHeadline(const TaggedSentence& s) {
  std::string_view text = s.view.source;
  size_t last = text.find_last_not_of(" \t\r\n\"'\u00bb\u201d\u2019");  // bytes of closing quotes too
  if (last == std::string_view::npos) return true;
  constexpr std::string_view kDanda = "\u0964";
  bool danda = last + 1 >= kDanda.size() && text.substr(last + 1 - kDanda.size(), kDanda.size()) == kDanda;
  return !danda && std::string_view(".!?;:").find(text[last]) == std::string_view::npos;
}

// "Sabauda Datacenter", "Pennine Compute": the name's last word is a word of trade (`industry_head`).
bool EndsWithIndustryHead(const Language& lang, const std::string& name) {
  size_t space = name.rfind(' ');
  if (space == std::string::npos) return false;
  std::string last = LowerAscii(name.substr(space + 1));
  return std::find(lang.industry_heads.begin(), lang.industry_heads.end(), last) != lang.industry_heads.end();
}

// "Nothing Hanbit has said ...", "Everything Vantora does ...": a capitalised
// word that opens a sentence glued to a name the page writes otherwise
// (alone: "Hanbit's capex"; first in a longer name: "Vantora Cloud") is no
// name's head. It leaves `initial_names` and the name it is glued to joins
// them, so that TagProperNames starts the name at its second word. The
// glued name stays whole when the page writes it inside a sentence, when
// its first word is a name elsewhere ("Ridgeline's" beside "Ridgeline
// Compute") or when it ends with a word of trade ("Älvdal Compute";
// `industry_head`).
void UnglueInitialWords(const Language& lang, const std::vector<TaggedSentence>& sentences,
                        std::set<std::string>* initial_names) {
  std::set<std::string> one_word, inside;
  std::map<std::string, std::set<std::string>> longer_names;  // first word -> names
  for (const auto& s : sentences) {
    size_t first = InitialWord(s.view).first;
    for (const auto& tag : s.tags) {
      if (tag.type != "UNK" || !IsLatinAt(tag.id, 0)) continue;
      size_t space = tag.id.find(' ');
      if (space == std::string::npos) one_word.insert(tag.id);
      else longer_names[tag.id.substr(0, space)].insert(tag.id);
      if (space != std::string::npos && tag.start != first) inside.insert(tag.id);
    }
  }
  auto named_otherwise = [&](const std::string& word, const std::string& id) {
    auto found = longer_names.find(word);
    bool head_elsewhere = found != longer_names.end() && (found->second.size() > 1 || !found->second.count(id));
    return head_elsewhere || one_word.count(word) > 0;
  };
  std::set<std::string> glued, glued_to;
  for (const auto& s : sentences) {
    if (s.tags.empty() || s.tags[0].type != "UNK" || s.tags[0].start != InitialWord(s.view).first) continue;
    const std::string& id = s.tags[0].id;
    size_t space = id.find(' ');
    if (space == std::string::npos || inside.count(id) || EndsWithIndustryHead(lang, id)) continue;
    std::string word = id.substr(0, space), rest = id.substr(space + 1);
    if (!one_word.count(rest) && !longer_names.count(rest)) continue;
    if (named_otherwise(word, id)) continue;
    glued.insert(word);
    glued_to.insert(rest);
  }
  for (const auto& word : glued) initial_names->erase(word);
  initial_names->merge(glued_to);
}

// The initials of a name's capitalised words: "KDS" of "Kaveri Digital Systems"; lower-case words
// ("of", "di") and symbols ("&") give none.
std::string CapitalInitials(const std::string& name) {
  std::string initials;
  std::istringstream words(name);
  for (std::string word; words >> word;) {
    if (word[0] >= 'A' && word[0] <= 'Z') initials += word[0];
  }
  return initials;
}

// "Kaveri Digital Systems (KDS)": an unknown acronym in brackets right after
// a name of two words or more, made of the initials of its capitalised
// words, is that name in the whole document: a page defines it once, then
// writes "KDS" alone, whose figures else went to a company of its own.
// Result: the acronym's id -> the name's id.
std::map<std::string, std::string> BracketedAcronyms(const std::vector<TaggedSentence>& sentences) {
  std::map<std::string, std::string> acronyms;
  for (const auto& s : sentences) {
    for (size_t t = 0; t + 1 < s.tags.size(); ++t) {
      const Tag& name = s.tags[t];
      const Tag& acronym = s.tags[t + 1];
      bool named = (name.type == "UNK" || name.type == "ORG") && name.id.find(' ') != std::string::npos;
      if (!named || acronym.type != "UNK" || acronym.id.size() < 2 || !BracketedAfter(s.view.text, name, acronym)) {
        continue;
      }
      if (acronym.id == CapitalInitials(name.id)) acronyms.emplace(acronym.id, name.id);
    }
  }
  return acronyms;
}

// "Sakura" beside "Sakura Internet": a one-word unknown Latin name that is
// the first word of exactly one longer name of the document (unknown, or a
// gazetteer organisation's id) is that name (a page names a company in full
// once, then by its first word); when the rest of an unknown longer name is
// only company-form words ("Nebius Group"), the one word is the name. Two
// longer names with that first word leave it alone, and so does a longer
// name first written after the word alone ("Sesa ... la piattaforma Sesa
// Genius": a page names a company in full first). A longer name followed
// by a version number or with a `name_tail` inside is a product named after
// its maker ("Proximus Nova 2", "Sakura AI Engine"), not the company's full
// name; so is one the page calls a product ("Sabauda Cloud, una
// piattaforma ..."). A headline may use the word alone before the body names
// the company in full with a word of trade ("Data center, Sabauda cambia
// passo" above "Sabauda Datacenter conta di investire"; `industry_head`).
// Result: the id to rename -> the id of the company.
std::map<std::string, std::string> LatinShortNames(const Language& lang, const std::vector<TaggedSentence>& sentences) {
  std::map<std::string, std::set<std::string>> full_names;  // first word -> longer names
  std::set<std::string> one_word, known;
  std::map<std::string, size_t> first_seen;  // id -> the sentence it first appears in
  std::map<std::string, size_t> first_in_prose;  // id -> the first sentence that is no headline
  std::set<std::string> products;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const TaggedSentence& s = sentences[i];
    bool headline = IsHeadline(s);
    for (size_t k = 0; k < s.tags.size(); ++k) {
      const Tag& tag = s.tags[k];
      if ((tag.type != "UNK" && tag.type != "ORG") || !IsLatinAt(tag.id, 0)) continue;
      first_seen.emplace(tag.id, i);
      if (!headline) first_in_prose.emplace(tag.id, i);
      size_t space = tag.id.find(' ');
      if (VersionFollows(s, tag) || InnerNameTail(lang, tag.id) || (tag.type == "UNK" && NamedAsProduct(lang, s, k))) {
        products.insert(tag.id);
      }
      if (space != std::string::npos) full_names[tag.id.substr(0, space)].insert(tag.id);
      if (space == std::string::npos && tag.type == "UNK") one_word.insert(tag.id);
      if (tag.type == "ORG") known.insert(tag.id);
    }
  }
  for (auto& [word, names] : full_names) {
    for (const auto& product : products) names.erase(product);
  }
  std::map<std::string, std::string> renames;
  for (const auto& word : one_word) {
    auto found = full_names.find(word);
    if (found == full_names.end() || found->second.size() != 1) continue;
    const std::string& full = *found->second.begin();
    auto prose = first_in_prose.find(word);
    bool headline_before = EndsWithIndustryHead(lang, full) && (prose == first_in_prose.end() || first_seen[full] <= prose->second);
    if (!known.count(full) && OnlyLegalSuffixAfterHead(lang, full)) renames.emplace(full, word);
    else if (first_seen[full] <= first_seen[word] || headline_before) renames.emplace(word, full);
  }
  return renames;
}

// "इन्वेंटेक (Inventec)", "रैकबैंक डेटासेंटर्स (RackBank Datacenters)": the words of another script right
// before a bracketed Latin name, as many as it has, are that name in the whole document: `heads` gets
// them folded (TagNameHeads tags them elsewhere), `renames` as written (a name found by its use, "साइएंट
// ने", takes the Latin id). Words inside another mention (a gazetteer alias) are left alone.
// `first_words` gets each glossed name's first word with its trailing space,
// also of a name that holds an anaphor's word ("हिंदुजा समूह (Hinduja Group)").
// A glossed name's first word alone names it too ("हानबिट कंप्यूट (Hanbit Compute)", then "हानबिट की
// टक्कर ..."), unless two glossed names of the page start with it ("युनहे क्लाउड", "युनहे इंटेलिजेंस").
class GlossedShortNames {
 public:
  void Add(const std::string& first_word, const std::string& id) {
    if (!ids_.emplace(first_word, id).second && ids_[first_word] != id) ambiguous_.insert(first_word);
  }
  // An unknown name found by its use ("ध्रुव ने ...") that is such a word takes the glossed name's id.
  void AddTo(std::map<std::string, std::string>* heads, std::map<std::string, std::string>* renames) const {
    for (const auto& [word, id] : ids_) {
      if (ambiguous_.count(word)) continue;
      heads->emplace(word, id);
      renames->emplace(word, id);
    }
  }

 private:
  std::map<std::string, std::string> ids_;
  std::set<std::string> ambiguous_;
};

// "Dhruva DataGrid (ध्रुव डेटाग्रिड)": the gloss the other way round, the words of another script in
// brackets right after a Latin name, are that name in the whole document.
void AddGlossAfterLatin(const Language& lang, const TaggedSentence& s, const Tag& tag,
                        std::map<std::string, std::string>* heads, std::map<std::string, std::string>* renames,
                        GlossedShortNames* short_names) {
  const std::string& text = s.view.text;
  if (!IsLatinAt(tag.id, 0) || text.compare(tag.end, 2, " (") != 0) return;
  const size_t start = tag.end + 2;
  const size_t end = text.find(')', start);
  if (end == std::string::npos || end == start || !NameLike(lang, text.substr(start, end - start))) return;
  for (size_t pos = start; pos < end; pos = SkipSpaces(text, WordEnd(text, pos))) {
    if (!IsWordCharAt(text, pos) || IsLatinAt(text, pos) || WordEnd(text, pos) > end) return;
  }
  // Only a name found by its use may lie inside ("ध्रुव", written often before "ने").
  if (std::any_of(s.tags.begin(), s.tags.end(),
                  [&](const Tag& t) { return t.start < end && start < t.end && t.type != "UNK"; })) {
    return;
  }
  heads->emplace(text.substr(start, end - start), tag.id);
  renames->emplace(SourceText(s.view, start, end), tag.id);
  short_names->Add(text.substr(start, WordEnd(text, start) - start), tag.id);
}

void GlossedNames(const Language& lang, const std::vector<TaggedSentence>& sentences,
                  std::map<std::string, std::string>* heads, std::map<std::string, std::string>* renames,
                  std::set<std::string>* first_words) {
  GlossedShortNames short_names;
  for (const auto& s : sentences) {
    const std::string& text = s.view.text;
    for (const auto& tag : s.tags) {
      if ((tag.type != "UNK" && tag.type != "ORG") || tag.start < 3 || text.compare(tag.start - 2, 2, " (") != 0 ||
          tag.end >= text.size() || text[tag.end] != ')' || !IsLatinAt(tag.id, 0)) {
        continue;
      }
      const size_t end = tag.start - 2;
      size_t start = end;
      bool words_ok = true;
      for (size_t w = 0; w <= static_cast<size_t>(std::count(tag.id.begin(), tag.id.end(), ' ')) && words_ok; ++w) {
        if (w > 0) words_ok = start > 0 && text[--start] == ' ';
        size_t word_end = start;
        while (start > 0 && text[start - 1] != ' ') --start;
        // A stopword is no name's word: "नॉन-कन्वर्टिबल डिबेंचर (NCD)" glosses a bond, no company.
        words_ok = words_ok && word_end > start && IsWordCharAt(text, start) && !IsLatinAt(text, start) &&
                   !lang.stopwords.count(text.substr(start, word_end - start));
      }
      bool inside_other = std::any_of(s.tags.begin(), s.tags.end(),
                                      [&](const Tag& t) { return t.start < end && start < t.end && t.type != "UNK"; });
      if (!words_ok) continue;
      first_words->insert(text.substr(start, WordEnd(text, start) - start) + " ");
      if (inside_other) continue;
      heads->emplace(text.substr(start, end - start), tag.id);
      renames->emplace(SourceText(s.view, start, end), tag.id);
      short_names.Add(text.substr(start, WordEnd(text, start) - start), tag.id);
    }
    for (const auto& tag : s.tags) {
      if (tag.type == "UNK" || tag.type == "ORG") AddGlossAfterLatin(lang, s, tag, heads, renames, &short_names);
    }
  }
  short_names.AddTo(heads, renames);
}

// "हिंदुजा समूह (Hinduja Group) की इकाई हिंदुजा कॉग्निक्स ने ...": a group's unit
// is often named by the group's first word and a word of its own, then by
// that word alone ("कॉग्निक्स का पूंजीगत व्यय"). Written as a pair too rarely to
// be found by its use, it stayed unnamed and its figures went to a rival the
// page named. So the two words before an agent's marker are a name when the
// first starts another name of the document and the document writes the
// second three times or more; the second alone then names it as well.
// `group_words` holds the glossed names' first words, each with its trailing space.
void NameGroupUnits(const Language& lang, const std::vector<TaggedSentence>& sentences,
                    std::set<std::string> group_words, std::map<std::string, std::string>* heads) {
  for (const auto& entry : *heads) {
    size_t space = entry.first.find(' ');
    if (space != std::string::npos) group_words.insert(entry.first.substr(0, space + 1));
  }
  if (group_words.empty()) return;
  for (const auto& s : sentences) {
    for (const auto& phrases : AgentPhrases(lang, s)) {
      const std::string& pair = phrases.front();
      const std::string& own = phrases.back();
      if (phrases.size() != 2 || heads->count(pair) || heads->count(own) ||
          !group_words.count(pair.substr(0, pair.size() - own.size())) ||
          Occurrences(sentences, own) < kMinAgentNameOccurrences) {
        continue;
      }
      heads->emplace(pair, pair);
      heads->emplace(own, pair);
    }
  }
}

void RenameNames(const std::map<std::string, std::string>& renames, TaggedSentence* s) {
  for (auto& tag : s->tags) {
    auto found = renames.find(tag.id);
    if (tag.type == "UNK" && found != renames.end()) tag.id = found->second;
  }
}

}  // namespace

void ReadDocumentWide(const Language& lang, const RuleData& data, const RefDate& ref,
                      std::vector<TaggedSentence>* sentences) {
  std::set<std::string> initial_names = RepeatedInitialNames(lang, data, *sentences);
  initial_names.merge(LatinNameHeads(*sentences));
  UnglueInitialWords(lang, *sentences, &initial_names);
  std::set<std::string> joined = JoinedNames(lang, *sentences);
  for (auto& s : *sentences) {
    if ((!initial_names.empty() && (initial_names.count(UntaggedInitialWord(s)) || OpensWithGluedName(s, initial_names))) ||
        MentionsAny(s, joined)) {
      s = TagSentence(s.view.source, lang, data, ref, initial_names, joined);
    }
  }
  ReadYenSigns(lang, sentences);
  ReadSharedCurrencies(sentences);
  bool grown = GrowNamesBackwards(lang, sentences);
  std::map<std::string, std::string> heads = NameHeads(*sentences);
  heads.merge(InitialNamesWithoutCapitals(lang, *sentences));
  std::map<std::string, std::string> glossed;
  std::set<std::string> glossed_first_words;
  GlossedNames(lang, *sentences, &heads, &glossed, &glossed_first_words);
  std::map<std::string, std::string> acronyms = BracketedAcronyms(*sentences);
  for (auto& s : *sentences) RenameNames(acronyms, &s);  // JoinGlossAfterName then joins the bracket
  NameGroupUnits(lang, *sentences, std::move(glossed_first_words), &heads);
  std::set<std::string> places = PlaceNames(*sentences);
  std::set<std::string> always_versioned = AlwaysWithVersion(*sentences);
  std::vector<std::pair<std::string, std::string>> longest_first(heads.begin(), heads.end());
  std::stable_sort(longest_first.begin(), longest_first.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (size_t i = 0; i < sentences->size(); ++i) {
    TaggedSentence& s = (*sentences)[i];
    bool named = !heads.empty() && TagNameHeads(longest_first, &s);
    bool marked = named && GrowMarkedNames(lang, &s);
    bool counted = i > 0 && TagCountedProduct(lang, (*sentences)[i - 1], &s);
    bool priced = i > 0 && CarryCurrencyFromPrevious(lang, (*sentences)[i - 1], &s);
    bool equated = CurrencyBeforeEquivalent(lang, *sentences, i, &s);
    bool placed = JoinPlaceAfterName(&s);
    bool versioned = JoinVersionAfterName(always_versioned, &s);
    bool glossed_once = JoinGlossAfterName(&s);
    bool sited = RetypeKnownPlaces(lang, data, places, &s);
    bool product = JoinProductAfterCompany(lang, &s);
    if (named || marked || counted || grown || priced || equated || placed || versioned || glossed_once || product ||
        sited) {
      Render(lang, &s);
    }
  }
  std::string currency = OnlyCurrency(*sentences);
  for (auto& s : *sentences) {
    if (GiveDocumentCurrency(lang, currency, &s)) Render(lang, &s);
  }
  DropSpeakerLabels(lang, sentences);
  std::map<std::string, std::string> renames = LatinShortNames(lang, *sentences);
  renames.merge(glossed);
  if (!renames.empty()) {
    for (auto& s : *sentences) RenameNames(renames, &s);
  }
  ReadPeople(lang, sentences);
  ReadCountedModels(lang, sentences);
  ReadProducts(lang, sentences);
  CountUnknownProducts(lang, sentences);
  CountFamiliesAsTheirModel(sentences);
  ReadParentsOfUnits(lang, sentences);
  ReadPayees(lang, sentences);
  ReadQuotedSpeakers(lang, sentences);
}

namespace {

// "5 अरब हांगकांग डॉलर": a currency named after a place belongs to the amount.
// Drops the places inside [start, end) when nothing else is tagged there.
bool FreePlacesInside(size_t start, size_t end, std::vector<bool>* taken, std::vector<Tag>* tags) {
  auto place_inside = [&](const Tag& t) { return t.type == "PLACE" && t.start >= start && t.end <= end; };
  for (size_t i = start; i < end; ++i) {
    bool in_place = std::any_of(tags->begin(), tags->end(),
                                [&](const Tag& t) { return place_inside(t) && t.start <= i && i < t.end; });
    if ((*taken)[i] && !in_place) return false;
  }
  tags->erase(std::remove_if(tags->begin(), tags->end(), place_inside), tags->end());
  std::fill(taken->begin() + static_cast<long>(start), taken->begin() + static_cast<long>(end), false);
  return true;
}

}  // namespace

TaggedSentence TagSentence(std::string_view sentence, const Language& lang, const RuleData& data, const RefDate& ref,
                           const std::set<std::string>& known_names, const std::set<std::string>& joined_names) {
  TaggedSentence result;
  result.view = MakeView(sentence);
  const TextView& view = result.view;
  std::vector<bool> taken(view.text.size() + 1, false);
  std::vector<Tag> tags;
  tags.reserve(8);  // sentences have 3 tags on average: no regrowth for most
  // Names first: digits inside a name ("Il Sole 24 Ore", "Galaxy S25") are no amount.
  TagTickers(view, data, &taken, &tags);
  std::vector<size_t> starts = TokenStarts(view.text);
  TagPhrases(view, starts, data.gazetteer(), "", true, &taken, &tags);
  TagPluralHardware(view, data.gazetteer(), &taken, &tags);
  TagTransliteratedModels(view, lang, data.gazetteer(), &taken, &tags);
  for (const auto& q : FindQuantities(view, lang)) {
    if (!Free(taken, q.start, q.end) && !FreePlacesInside(q.start, q.end, &taken, &tags)) continue;
    tags.push_back(Tag{q.start, q.end, QuantityType(q), "", q, "", {}});
    Take(&taken, q.start, q.end);
  }
  // The date of a dateline in capitals ("SAO PAULO, Sept 15 (Wire) - ") is the page's, no figure's: a
  // second time in the sentence would leave the plan it opens undated. A dateline without capitals
  // may be a heading whose year is the figure's ("• 2026 का पूंजीगत खर्च - ").
  bool capitals = false;
  const size_t dateline_end = DatelineEnd(view, &capitals);
  const size_t page_date_end = capitals && dateline_end != std::string::npos ? dateline_end : 0;
  for (const auto& t : FindTimes(view, starts, lang, ref, taken)) {
    if (!AfterMaturityWord(view.text, lang, t.start) && t.end > page_date_end) {
      tags.push_back(Tag{t.start, t.end, "TIME", t.value, {}, "", {}});
    }
    Take(&taken, t.start, t.end);
  }
  TagPhrases(view, starts, lang.source_refs, "SRC", false, &taken, &tags);
  TagPhrases(view, starts, lang.unnamed_sources, "ANON", false, &taken, &tags);
  TagPhrases(view, starts, lang.refs, "REF", false, &taken, &tags);
  TagPhrases(view, starts, lang.possessives, "POSS", false, &taken, &tags);
  TagPlacesWithoutCapitals(view, starts, lang, &taken, &tags);
  TagSuffixedNames(view, starts, lang, &taken, &tags);
  TagDescribedNames(view, starts, lang, &taken, &tags);
  TagPeopleAfterRoles(view, starts, lang, &taken, &tags);
  TagProperNames(view, lang, data, known_names, dateline_end, capitals, &taken, &tags);
  TagRivalNames(view, lang, &taken, &tags);
  TagModelNames(view, starts, lang, &taken, &tags);
  TagKindNames(view, starts, lang, &taken, &tags);
  TagNamesBeforeMarker(view, starts, lang, &taken, &tags);
  TagNumberedProducts(view, lang, &taken, &tags);
  SortTags(&tags);
  if (!joined_names.empty()) MergeJoinedNames(view, joined_names, &tags);
  AbsorbLegalSuffixes(view, lang, &tags);
  TagListHead(view, lang, data, taken, &tags);
  JoinPlaceBeforeName(view, &tags);
  JoinOutletKindToName(view, &tags);
  JoinFamilyToModel(view, &tags);
  JoinModelCodeToFamily(view, &tags);
  RetypePlaces(view, lang, &tags);
  DropAppositiveRefs(view, lang, &tags);
  TypeCountedModelNumbers(view, lang, &tags);
  TagCounts(view, lang, &tags);
  TagGroups(view, lang, &tags);
  result.tags = std::move(tags);
  Render(lang, &result);
  return result;
}

}  // namespace kg::ingest
