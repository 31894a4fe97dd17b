#include "ingest/clutter.h"

#include <algorithm>
#include <cctype>

#include "ingest/text_view.h"

namespace kg::ingest {

namespace {

// Lines shorter than this without sentence punctuation are headings,
// menus or buttons.
constexpr size_t kMinWordsWithoutPunctuation = 7;
// A line this long that ends a sentence is the article's prose, not a teaser's title.
constexpr size_t kMinParagraphWords = 12;
// A navigation bar's items ("Home | Cronaca | Economia") are this short.
constexpr size_t kMaxMenuItemWords = 3;

size_t CountWords(const std::string& folded) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    bool word = folded[i] != ' ' && folded[i] != '\t';
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

bool EndsLikeSentence(const std::string& folded) {
  static const std::vector<std::string> kEnds = {".", "!", "?", "।", "\"", ":", ";", ")"};
  for (const auto& end : kEnds) {
    if (folded.size() >= end.size() && folded.compare(folded.size() - end.size(), end.size(), end) == 0) return true;
  }
  return false;
}

// Every line of every article is searched for every cue (FindText, not
// std::string::find, which compares at every occurrence of a cue's first letter).
bool ContainsAny(const std::string& folded, const std::vector<std::string>& cues) {
  return std::any_of(cues.begin(), cues.end(),
                     [&](const std::string& cue) { return FindText(folded, cue) != std::string::npos; });
}

bool StartsWithAny(const std::string& folded, const std::vector<std::string>& cues) {
  return std::any_of(cues.begin(), cues.end(), [&](const std::string& cue) { return folded.rfind(cue, 0) == 0; });
}

// "Home | Cronaca | Torino | Economia | Sport": three items or more between bars, each a few words,
// and no sentence's end (section names would otherwise be read as unknown companies).
bool IsNavigationBar(const std::string& folded) {
  if (EndsLikeSentence(folded)) return false;
  size_t items = 0;
  for (size_t start = 0; start <= folded.size(); ++items) {
    size_t bar = folded.find('|', start);
    if (bar == std::string::npos) bar = folded.size();
    if (CountWords(folded.substr(start, bar - start)) > kMaxMenuItemWords) return false;
    start = bar + 1;
  }
  return items >= 3;
}

// "Headquarters: Lyon", "Sede: Torino": a fact box's label of a company's home and its answer, short
// and unpunctuated like a menu's item, but a fact (salience.cpp ReadHomeLabels reads it).
bool IsHomeLabelLine(const std::string& folded, const Language& lang) {
  return std::any_of(lang.home_labels.phrases().begin(), lang.home_labels.phrases().end(), [&](const Phrase& label) {
    return folded.rfind(label.folded, 0) == 0 && folded.compare(label.folded.size(), 1, ":") == 0;
  });
}

// The page's first line when it reads as a headline, not a site's name, a menu or a link: three words
// or more, no separator of a menu or a breadcrumb, and, in Latin script, a lower-case word and a
// capitalised one after the first ("Halvard Systems doubles down on AI"; not "Skip to main content",
// "THE COMPUTE LEDGER"). A company named there and never again in the body is still what the body's
// "the company" means.
constexpr size_t kMinHeadlineWords = 3;

bool IsHeadline(std::string_view line, const std::string& folded) {
  // a menu's or a breadcrumb's separators ("Home › Tech › Cloud", "#IndiaAI #Sensex")
  static const std::vector<std::string> kSeparators = {"|", ">", "/", "#", "»", "›", "·"};
  if (CountWords(folded) < kMinHeadlineWords ||
      std::any_of(kSeparators.begin(), kSeparators.end(), [&](const std::string& separator) {
        return folded.find(separator) != std::string::npos;
      })) {
    return false;
  }
  bool latin = false, lower = false, inner_capital = false;
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (!std::isalpha(c)) continue;
    latin = true;
    if (i > 0 && line[i - 1] != ' ') continue;  // not a word's first letter
    lower = lower || std::islower(c);
    inner_capital = inner_capital || (i > 0 && std::isupper(c));
  }
  return !latin || (lower && inner_capital);
}

// Page furniture whatever its length: menus, cue lines, asides, teasers cut short.
bool IsFurniture(const std::string& folded, const Language& lang) {
  if (IsNavigationBar(folded)) return true;
  if (ContainsAny(folded, lang.clutter_line) || StartsWithAny(folded, lang.clutter_prefix)) return true;
  if (folded.front() == '(' && folded.back() == ')') return true;  // an editor's aside
  if (folded.size() >= 3 && (folded.compare(folded.size() - 3, 3, "...") == 0 ||
                             folded.compare(folded.size() - 3, 3, "…") == 0)) {
    return true;  // a teaser cut short
  }
  return false;
}

// A short line without sentence punctuation: a heading, a menu's item or a button, unless a home's label.
bool IsShortHeading(const std::string& folded, const Language& lang) {
  return !EndsLikeSentence(folded) && CountWords(folded) < kMinWordsWithoutPunctuation && !IsHomeLabelLine(folded, lang);
}

// After a `clutter_block` heading at `from`: do one or more titles (lines that end no sentence) come
// first, and then two lines of prose, the first a paragraph? Then the heading was a box of links
// inside the article ("LEGGI ANCHE", two titles, the article resumes); otherwise it starts the page's
// tail (teasers that alternate a title and its summary among them).
bool ArticleResumesAfter(std::string_view text, size_t from) {
  size_t titles = 0;
  size_t prose = 0;
  while (from < text.size()) {
    size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    std::string folded = FoldText(text.substr(from, end - from));
    while (!folded.empty() && std::isspace(static_cast<unsigned char>(folded.back()))) folded.pop_back();
    if (!folded.empty()) {
      bool sentence = EndsLikeSentence(folded);
      if (prose > 0) return sentence;
      if (sentence && (titles == 0 || CountWords(folded) < kMinParagraphWords)) return false;
      if (sentence) ++prose;
      else ++titles;
    }
    from = end + 1;
  }
  return false;
}

}  // namespace

std::vector<Span> ContentLines(std::string_view text, const Language& lang) {
  std::vector<Span> lines;
  size_t start = 0;
  bool in_teasers = false;  // after a teaser heading, until a line ends a sentence
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    size_t first = start;
    size_t last = end;
    while (first < last && std::isspace(static_cast<unsigned char>(text[first]))) ++first;
    while (last > first && std::isspace(static_cast<unsigned char>(text[last - 1]))) --last;
    if (first < last) {
      std::string folded = FoldText(text.substr(first, last - first));  // the text is NFC already
      bool short_line = CountWords(folded) < kMinWordsWithoutPunctuation;
      bool block = StartsWithAny(folded, lang.clutter_block) && short_line;
      if (block && !ArticleResumesAfter(text, end + 1)) break;
      if (in_teasers && EndsLikeSentence(folded)) in_teasers = false;  // the article resumes
      if (block || StartsWithAny(folded, lang.clutter_teaser)) {
        in_teasers = short_line;  // a heading alone: the titles follow on their own lines
      } else if (!in_teasers && !IsFurniture(folded, lang) &&
                 (!IsShortHeading(folded, lang) || (lines.empty() && IsHeadline(text.substr(first, last - first), folded)))) {
        lines.push_back({first, last});
      }
    }
    start = end + 1;
  }
  return lines;
}

}  // namespace kg::ingest
