#include "ingest/tagger.h"

#include <algorithm>

namespace kg::ingest {

namespace {

const std::set<std::string> kProductTypes = {"HARDWARE", "MODEL", "APP", "SERVICE", "PRODUCT"};
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
    Tag tag{pos, end, "UNK", SourceText(view, pos + 1, pos + 1 + name.size()), {}};
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
    tags->push_back(Tag{pos, end, use_extra ? p->extra : type, p->value, {}});
    Take(taken, pos, end);
    next_free = end;
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

bool IsCapitalisedLatin(const TextView& view, size_t pos) {
  size_t length = 1;
  uint32_t c = CodePointAt(view.source, view.origin[pos], &length);
  return IsUpperCodePoint(c) && c <= 0x24F;
}

// Capitalised Latin words not in the gazetteer: "QuestMobile", "Reliance Jio".
void TagProperNames(const TextView& view, const Language& lang, const RuleData& data,
                    const std::set<std::string>& known_names, std::vector<bool>* taken, std::vector<Tag>* tags) {
  const std::string& text = view.text;
  const std::string_view source = view.source;
  size_t first_word = SkipSpaces(text, 0);
  while (first_word < text.size() && !IsWordCharAt(text, first_word)) ++first_word;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 1;
    uint32_t c = CodePointAt(source, view.origin[pos], &length);
    if (taken->at(pos) || IsWordCharBefore(text, pos) || !IsUpperCodePoint(c) || c > 0x24F) { ++pos; continue; }
    size_t start = pos;
    size_t end = pos;
    size_t words = 0;
    bool inner_capital = false;
    while (true) {
      size_t w = end;
      while (w < text.size() && !taken->at(w) && (IsWordCharAt(text, w) || ((text[w] == '-' || text[w] == '&') && IsWordCharAt(text, w + 1)))) {
        if (w > end && IsUpperCodePoint(CodePointAt(source, view.origin[w], &length))) inner_capital = true;
        if (text[w] >= '0' && text[w] <= '9') inner_capital = true;
        ++w;
      }
      std::string word = text.substr(end, w - end);
      if (w == end || lang.stopwords.count(word) || data.stopcaps().count(SourceText(view, end, w))) break;
      end = w;
      ++words;
      size_t next = end;
      if (next < text.size() && text[next] == ' ' && next + 1 < text.size() && !taken->at(next + 1) &&
          IsUpperCodePoint(CodePointAt(source, view.origin[next + 1], &length))) {
        end = next + 1;
        continue;
      }
      break;
    }
    while (end > start && text[end - 1] == ' ') --end;
    bool sentence_initial = start == first_word;
    bool known = known_names.count(SourceText(view, start, end)) > 0;
    if (words == 0 || end <= start || (sentence_initial && words == 1 && !inner_capital && !known)) {
      pos = std::max(end, pos + 1);
      while (pos < text.size() && IsWordCharAt(text, pos)) ++pos;
      continue;
    }
    tags->push_back(Tag{start, end, "UNK", SourceText(view, start, end), {}});
    Take(taken, start, end);
    pos = end;
  }
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
void TagGroups(const TextView& view, const Language& lang, std::vector<Tag>* tags) {
  std::vector<Tag> out;
  size_t i = 0;
  while (i < tags->size()) {
    size_t j = i;
    bool coordinated = false;
    while (j + 1 < tags->size() && kMemberTypes.count((*tags)[j].type) && kMemberTypes.count((*tags)[j + 1].type) &&
           OnlyJoiners(view, lang, (*tags)[j].end, (*tags)[j + 1].start, &coordinated)) {
      ++j;
    }
    if (j - i + 1 >= 3 && kMemberTypes.count((*tags)[i].type) && coordinated) {
      Tag group{(*tags)[i].start, (*tags)[j].end, "GROUP", "", {}};
      for (size_t k = i; k <= j; ++k) {
        group.id += (k == i ? "" : k == j ? " and " : ", ") + (*tags)[k].id;
      }
      out.push_back(group);
      i = j + 1;
    } else {
      out.push_back((*tags)[i]);
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
  tags->insert(tags->begin(), Tag{start, end, "UNK", SourceText(view, start, end), {}});
}

// "20,000 H200 chips", "20.000 chip H200": a number of products.
void TagCounts(const TextView& view, const Language& lang, std::vector<Tag>* tags) {
  std::vector<Tag> out;
  for (size_t i = 0; i < tags->size(); ++i) {
    Tag tag = (*tags)[i];
    if (tag.type == "NUM" && i + 1 < tags->size() && kProductTypes.count((*tags)[i + 1].type)) {
      size_t gap = SkipSpaces(view.text, tag.end);
      size_t end = 0;
      if (lang.count_nouns.Match(view, gap, &end) != nullptr) gap = SkipSpaces(view.text, end);
      if (gap == (*tags)[i + 1].start) {
        tag.type = "COUNT";
        tag.id = (*tags)[i + 1].id;
        tag.quantity.unit = tag.id;
        tag.end = (*tags)[i + 1].end;
        ++i;
      }
    }
    out.push_back(tag);
  }
  *tags = std::move(out);
}

// "the company ByteDance": an anaphor right before a name is no anaphor.
void DropAppositiveRefs(const TextView& view, std::vector<Tag>* tags) {
  std::vector<Tag> out;
  for (size_t i = 0; i < tags->size(); ++i) {
    const Tag& tag = (*tags)[i];
    if (tag.type == "REF" && i + 1 < tags->size() && kMemberTypes.count((*tags)[i + 1].type) &&
        SkipSpaces(view.text, tag.end) == (*tags)[i + 1].start) {
      continue;
    }
    out.push_back(tag);
  }
  *tags = std::move(out);
}

}  // namespace

bool IsQuantityType(const std::string& type) {
  return type == "MONEY" || type == "PERCENT" || type == "TOKENS" || type == "UNIT" || type == "NUM" || type == "COUNT";
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

bool IsEntityType(const std::string& type) { return !IsQuantityType(type) && type != "TIME"; }

void Render(const Language& lang, TaggedSentence* sentence) {
  const TextView& view = sentence->view;
  const std::vector<Tag>& tags = sentence->tags;
  std::string& out = sentence->tagged_text;
  out.clear();
  out.reserve(view.text.size() + tags.size() * 12);
  size_t pos = 0;
  for (size_t i = 0; i < tags.size(); ++i) {
    for (; pos < tags[i].start; ++pos) if (view.text[pos] != '"') out += view.text[pos];
    out += "⟦" + tags[i].type + "#" + std::to_string(i) + "⟧";
    pos = tags[i].end;
  }
  for (; pos < view.text.size(); ++pos) if (view.text[pos] != '"') out += view.text[pos];
  sentence->tagged = icu::UnicodeString::fromUTF8(out);
  sentence->cues_present = lang.cues.Present(out);
}

std::string UntaggedInitialWord(const TaggedSentence& sentence) {
  const TextView& view = sentence.view;
  auto [start, end] = InitialWord(view);
  if (end == start || !IsCapitalisedLatin(view, start)) return "";
  if (!sentence.tags.empty() && sentence.tags[0].start < end) return "";
  return SourceText(view, start, end);
}

TaggedSentence TagSentence(std::string_view sentence, const Language& lang, const RuleData& data, const RefDate& ref,
                           const std::set<std::string>& known_names) {
  TaggedSentence result;
  result.view = MakeView(sentence);
  const TextView& view = result.view;
  std::vector<bool> taken(view.text.size() + 1, false);
  std::vector<Tag> tags;
  // Names first: digits inside a name ("Il Sole 24 Ore", "Galaxy S25") are no amount.
  TagTickers(view, data, &taken, &tags);
  std::vector<size_t> starts = TokenStarts(view.text);
  TagPhrases(view, starts, data.gazetteer(), "", true, &taken, &tags);
  for (const auto& q : FindQuantities(view, lang)) {
    if (!Free(taken, q.start, q.end)) continue;
    tags.push_back(Tag{q.start, q.end, QuantityType(q), "", q});
    Take(&taken, q.start, q.end);
  }
  for (const auto& t : FindTimes(view, starts, lang, ref, taken)) {
    tags.push_back(Tag{t.start, t.end, "TIME", t.value, {}});
    Take(&taken, t.start, t.end);
  }
  TagPhrases(view, starts, lang.source_refs, "SRC", false, &taken, &tags);
  TagPhrases(view, starts, lang.refs, "REF", false, &taken, &tags);
  TagPhrases(view, starts, lang.possessives, "POSS", false, &taken, &tags);
  TagProperNames(view, lang, data, known_names, &taken, &tags);
  std::sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) { return a.start < b.start; });
  TagListHead(view, lang, data, taken, &tags);
  DropAppositiveRefs(view, &tags);
  TagCounts(view, lang, &tags);
  TagGroups(view, lang, &tags);
  result.tags = std::move(tags);
  Render(lang, &result);
  return result;
}

}  // namespace kg::ingest
