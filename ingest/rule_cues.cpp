#include "ingest/rule_cues.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>

#include <unicode/utf8.h>

namespace kg::ingest {

namespace {

// One element of a sequence in a regular expression, with its quantifier.
struct Item {
  enum Kind { kLiteral, kGroup, kOther } kind = kOther;
  std::string_view text;  // the literal code point, or the group's body
  std::string_view source;  // the whole atom as written, without its quantifier
  bool once = true;       // no quantifier
  bool required = true;   // matched at least once (not '?', '*', '{0,n}', not a lookaround)
};

using Sequence = std::vector<Item>;

size_t Utf8Length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Escapes that stand for one thing and are two bytes long.
constexpr std::string_view kShortEscapes = "sSwWdDbBnrtfAzZGhHvVXR.()[]{}\\-'$^*+?|/#&,:\"<>=!%@~`;_ ";

class Parser {
 public:
  explicit Parser(std::string_view pattern) : p_(pattern) {}

  // The alternatives of the whole text; false on syntax this reader does not
  // know. `spans`, when given: each alternative's text.
  bool Alternatives(std::vector<Sequence>* out, std::vector<std::string_view>* spans = nullptr) {
    out->assign(1, Sequence{});
    size_t begin = 0;
    while (pos_ < p_.size()) {
      if (p_[pos_] == '|') {
        if (spans != nullptr) spans->push_back(p_.substr(begin, pos_ - begin));
        begin = ++pos_;
        out->emplace_back();
        continue;
      }
      Item item;
      size_t start = pos_;
      if (!Atom(&item)) return false;
      item.source = p_.substr(start, pos_ - start);
      if (!Quantifier(&item)) return false;
      out->back().push_back(item);
    }
    if (spans != nullptr) spans->push_back(p_.substr(begin));
    return true;
  }

 private:
  // Skips "{...}" at pos_ (after \p, \x...); false when there is none.
  bool SkipBraces() {
    if (pos_ >= p_.size() || p_[pos_] != '{') return false;
    size_t close = p_.find('}', pos_);
    if (close == std::string_view::npos) return false;
    pos_ = close + 1;
    return true;
  }

  bool Escape() {
    if (pos_ + 1 >= p_.size()) return false;
    char c = p_[pos_ + 1];
    pos_ += 2;
    if (c == 'p' || c == 'P' || c == 'N') return SkipBraces();
    if (c == 'x') {
      if (SkipBraces()) return true;
      pos_ += 2;
      return pos_ <= p_.size();
    }
    if (c == 'u' || c == 'U') {
      pos_ += c == 'u' ? 4 : 8;
      return pos_ <= p_.size();
    }
    return kShortEscapes.find(c) != std::string_view::npos || std::isdigit(static_cast<unsigned char>(c));
  }

  // A [class], possibly nested ([[a-z]&&[^x]]).
  bool Class() {
    int depth = 0;
    while (pos_ < p_.size()) {
      char c = p_[pos_];
      if (c == '\\') {
        if (!Escape()) return false;
        continue;
      }
      ++pos_;
      if (c == '[') {
        ++depth;
        if (pos_ < p_.size() && p_[pos_] == '^') ++pos_;
        if (pos_ < p_.size() && p_[pos_] == ']') ++pos_;  // a leading ']' is literal
      } else if (c == ']' && --depth == 0) {
        return true;
      }
    }
    return false;
  }

  // A (group): pos_ on '(', leaves pos_ after ')'; `body` without its (?:...) prefix.
  bool Group(Item* item) {
    size_t open = pos_++;
    int depth = 1;
    while (pos_ < p_.size() && depth > 0) {
      char c = p_[pos_];
      if (c == '\\') {
        if (!Escape()) return false;
      } else if (c == '[') {
        if (!Class()) return false;
      } else {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        ++pos_;
      }
    }
    if (depth != 0) return false;
    std::string_view body = p_.substr(open + 1, pos_ - open - 2);
    item->kind = Item::kGroup;
    if (body.empty() || body[0] != '?') {
      item->text = body;
      return true;
    }
    std::string_view kind = body.substr(1);
    if (kind.starts_with(":") || kind.starts_with(">")) {
      item->text = body.substr(2);
    } else if (kind.starts_with("=") || kind.starts_with("!") || kind.starts_with("<=") || kind.starts_with("<!")) {
      item->kind = Item::kOther;  // a lookaround consumes nothing
      item->required = false;
    } else if (kind.starts_with("<")) {
      size_t close = body.find('>');
      if (close == std::string_view::npos) return false;
      item->text = body.substr(close + 1);
    } else {
      return false;  // inline flags such as (?i) change what literals mean
    }
    return true;
  }

  bool Atom(Item* item) {
    char c = p_[pos_];
    if (c == '\\') return Escape();
    if (c == '[') return Class();
    if (c == '(') return Group(item);
    if (c == '.' || c == '^' || c == '$') {
      ++pos_;
      return true;
    }
    if (c == ')' || c == '?' || c == '*' || c == '+' || c == '{' || c == ']' || c == '}') return false;
    size_t length = std::min(Utf8Length(static_cast<unsigned char>(c)), p_.size() - pos_);
    item->kind = Item::kLiteral;
    item->text = p_.substr(pos_, length);
    pos_ += length;
    return true;
  }

  bool Quantifier(Item* item) {
    if (pos_ >= p_.size()) return true;
    char c = p_[pos_];
    if (c == '?' || c == '*') {
      item->once = item->required = false;
    } else if (c == '+') {
      item->once = false;
    } else if (c == '{') {
      size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos || !std::isdigit(static_cast<unsigned char>(p_[pos_ + 1]))) return false;
      item->once = false;
      item->required = p_[pos_ + 1] != '0' || (close > pos_ + 2 && p_[pos_ + 2] != ',' && p_[pos_ + 2] != '}');
      pos_ = close;
    } else {
      return true;
    }
    ++pos_;
    if (pos_ < p_.size() && (p_[pos_] == '?' || p_[pos_] == '+')) ++pos_;  // lazy or possessive
    return true;
  }

  std::string_view p_;
  size_t pos_ = 0;
};

// The literal text every match of `sequence` starts with.
std::string LeadingLiteral(const Sequence& sequence) {
  std::string literal;
  for (const Item& item : sequence) {
    if (item.kind != Item::kLiteral || !item.required) break;
    literal += item.text;
    if (!item.once) break;
  }
  return literal;
}

size_t CodePoints(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Placeholder types (upper case: patterns are lower-cased) are cues of
// their own, with the placeholder syntax (see RuleData::Compile).
bool Useful(const Cue& cue) {
  return std::all_of(cue.begin(), cue.end(), [](const std::string& alternative) {
    bool type_name = std::all_of(alternative.begin(), alternative.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
    return CodePoints(alternative) >= 2 && !type_name;
  });
}

void AddCue(Cue cue, std::vector<Cue>* cues) {
  if (!cue.empty() && Useful(cue)) cues->push_back(std::move(cue));
}

void CollectCues(const Sequence& sequence, std::vector<Cue>* cues);
bool LessSelective(const Cue& a, const Cue& b);

// A cue of a match of one of `alternatives`: for each, its most selective
// cue, or else its leading literal ("(?:is|was)\s+up against|faces" gives
// {up against, faces}); empty when one of them has neither.
Cue CueOfAlternatives(const std::vector<Sequence>& alternatives) {
  Cue cue;
  for (const auto& alternative : alternatives) {
    std::vector<Cue> own;
    CollectCues(alternative, &own);
    if (own.empty()) own.push_back(Cue{LeadingLiteral(alternative)});
    if (own[0][0].empty()) return {};
    for (auto& word : *std::max_element(own.begin(), own.end(), LessSelective)) {
      if (std::find(cue.begin(), cue.end(), word) == cue.end()) cue.push_back(std::move(word));
    }
  }
  return cue;
}

// The literal text right before a group, joined to each alternative's
// leading literal: "⟦(?:POSS)#" gives "⟦POSS", a cue that neither part
// is alone. Empty when an alternative starts otherwise than with a literal.
Cue RunIntoGroup(const std::string& run, const std::vector<Sequence>& alternatives) {
  Cue cue;
  for (const auto& alternative : alternatives) {
    std::string literal = LeadingLiteral(alternative);
    if (literal.empty()) return {};
    cue.push_back(run + literal);
  }
  return cue;
}

void CollectCues(const Sequence& sequence, std::vector<Cue>* cues) {
  std::string run;
  for (const Item& item : sequence) {
    if (item.kind == Item::kLiteral && item.required) {
      run += item.text;
      if (item.once) continue;
    }
    std::vector<Sequence> alternatives;
    bool group = item.kind == Item::kGroup && item.required && Parser(item.text).Alternatives(&alternatives);
    if (group && item.once && !run.empty()) AddCue(RunIntoGroup(run, alternatives), cues);
    AddCue(run.empty() ? Cue{} : Cue{run}, cues);
    run.clear();
    if (!group) continue;
    if (alternatives.size() == 1) {
      CollectCues(alternatives[0], cues);
    } else {
      AddCue(CueOfAlternatives(alternatives), cues);
    }
  }
  AddCue(run.empty() ? Cue{} : Cue{run}, cues);
}

// `sequence` with each group of one alternative that it matches once spliced in, nested ones
// included: "(?<s>\d+)" is "\d+", and a run of literals may go on into the group.
bool Flatten(const Sequence& sequence, Sequence* out) {
  for (const Item& item : sequence) {
    std::vector<Sequence> inner;
    if (item.kind != Item::kGroup || !item.required || !item.once) {
      out->push_back(item);
    } else if (!Parser(item.text).Alternatives(&inner)) {
      return false;
    } else if (inner.size() > 1) {
      out->push_back(item);
    } else if (!Flatten(inner[0], out)) {
      return false;
    }
  }
  return true;
}

// The cues of `sequence` in the order every match meets them (see OrderedCues): each literal
// run (joined to the group right after it: "⟦(?:ORG|GROUP)" gives {⟦ORG, ⟦GROUP}) and each
// group of alternatives it must match; a repeated group stands for its first repetition.
void CollectOrderedCues(const Sequence& sequence, std::vector<Cue>* cues) {
  std::string run;
  // Ends the literal run: a cue of its own, or `joined` to the group after it.
  auto end_run = [&](Cue joined = {}) {
    AddCue(!joined.empty() ? std::move(joined) : run.empty() ? Cue{} : Cue{run}, cues);
    run.clear();
  };
  for (const Item& item : sequence) {
    if (item.kind == Item::kLiteral && item.required) {
      run += item.text;
      if (!item.once) end_run();
      continue;
    }
    std::vector<Sequence> alternatives;
    if (item.kind != Item::kGroup || !item.required || !Parser(item.text).Alternatives(&alternatives)) {
      end_run();
      continue;
    }
    Cue joined = item.once && !run.empty() ? RunIntoGroup(run, alternatives) : Cue{};
    bool into_group = !joined.empty();
    end_run(std::move(joined));
    if (!into_group) AddCue(CueOfAlternatives(alternatives), cues);
  }
  end_run();
}

// The cue that rules out most text: the one whose shortest word is the
// longest ("on" occurs almost everywhere, "dividend" rarely), then the one
// with fewer words.
bool LessSelective(const Cue& a, const Cue& b) {
  // A placeholder ("⟦MONEY") is in most sentences a rule is tried on, whatever its length.
  auto placeholders = [](const Cue& cue) {
    return std::all_of(cue.begin(), cue.end(), [](const std::string& word) { return word.starts_with("⟦"); });
  };
  if (placeholders(a) != placeholders(b)) return placeholders(a);
  auto shortest = [](const Cue& cue) {
    size_t n = SIZE_MAX;
    for (const auto& word : cue) n = std::min(n, CodePoints(word));
    return n;
  };
  if (shortest(a) != shortest(b)) return shortest(a) < shortest(b);
  return a.size() > b.size();
}

// A look-ahead for the first character of a group's alternatives, to put
// before the group.
struct Guard {
  const char* at;  // the group's '(' in the pattern
  std::string look_ahead;
};

// "(?=[...])" of the code points that `alternatives` start with, or "" when
// one of them starts otherwise than with a literal it needs.
std::string FirstCharLookAhead(const std::vector<Sequence>& alternatives) {
  std::set<std::string_view> firsts;
  for (const auto& alternative : alternatives) {
    if (alternative.empty() || alternative[0].kind != Item::kLiteral || !alternative[0].required) return "";
    firsts.insert(alternative[0].text);
  }
  std::string look_ahead = "(?=[";
  for (std::string_view first : firsts) {
    UChar32 c = 0;
    int32_t i = 0;
    U8_NEXT(first.data(), i, static_cast<int32_t>(first.size()), c);
    if (c < 0) return "";
    char hex[16];
    std::snprintf(hex, sizeof hex, "\\x{%X}", static_cast<unsigned>(c));
    look_ahead += hex;
  }
  return look_ahead + "])";
}

// The guards of the groups of `alternatives` (alternations of at least two,
// which the group must match), nested ones included; false when the syntax
// is not known.
bool CollectGuards(const std::vector<Sequence>& alternatives, std::vector<Guard>* guards) {
  for (const auto& sequence : alternatives) {
    for (size_t i = 0; i < sequence.size(); ++i) {
      const Item& item = sequence[i];
      if (item.kind != Item::kGroup) continue;
      std::vector<Sequence> inner;
      if (!Parser(item.text).Alternatives(&inner) || !CollectGuards(inner, guards)) return false;
      if (!item.required || inner.size() < 2) continue;
      std::string look_ahead = FirstCharLookAhead(inner);
      if (look_ahead.empty()) continue;
      // Before a "\b" right in front: ICU's word-boundary test costs far more than the set test.
      bool boundary_before = i > 0 && sequence[i - 1].source == "\\b" && sequence[i - 1].once;
      guards->push_back({boundary_before ? sequence[i - 1].source.data() : item.source.data(), std::move(look_ahead)});
    }
  }
  return true;
}

}  // namespace

size_t MostSelectiveCue(const std::vector<Cue>& cues) {
  return static_cast<size_t>(std::max_element(cues.begin(), cues.end(), LessSelective) - cues.begin());
}

std::string WithFirstCharGuards(std::string_view pattern) {
  std::vector<Sequence> alternatives;
  std::vector<Guard> guards;
  if (!Parser(pattern).Alternatives(&alternatives) || !CollectGuards(alternatives, &guards)) return std::string(pattern);
  std::sort(guards.begin(), guards.end(), [](const Guard& a, const Guard& b) { return a.at < b.at; });
  std::string guarded;
  const char* copied = pattern.data();
  for (const Guard& guard : guards) {
    guarded.append(copied, guard.at);
    guarded += guard.look_ahead;
    copied = guard.at;
  }
  guarded.append(copied, pattern.data() + pattern.size());
  return guarded;
}

std::vector<std::string> TopLevelAlternatives(std::string_view pattern) {
  std::vector<Sequence> alternatives;
  std::vector<std::string_view> spans;
  if (!Parser(pattern).Alternatives(&alternatives, &spans) || spans.size() < 2) return {};
  return {spans.begin(), spans.end()};
}

std::vector<Cue> PatternCues(std::string_view pattern) {
  std::vector<Sequence> alternatives;
  std::vector<Cue> cues;
  if (!Parser(pattern).Alternatives(&alternatives)) return cues;
  if (alternatives.size() == 1) {
    CollectCues(alternatives[0], &cues);
  } else if (Cue any = CueOfAlternatives(alternatives); !any.empty()) {
    cues.push_back(std::move(any));
  }
  DropImpliedCues(&cues);
  return cues;
}

std::vector<Cue> OrderedCues(std::string_view pattern) {
  std::vector<Sequence> alternatives;
  Sequence flat;
  std::vector<Cue> cues;
  if (!Parser(pattern).Alternatives(&alternatives) || alternatives.size() != 1 || !Flatten(alternatives[0], &flat)) {
    return cues;
  }
  CollectOrderedCues(flat, &cues);
  return cues;
}

bool CuesInOrder(const std::vector<Cue>& cues, std::string_view text) {
  size_t from = 0;
  for (const Cue& cue : cues) {
    // The earliest end of a word at or after `from`: every later cue's match ends after it.
    size_t end = std::string_view::npos;
    for (const std::string& word : cue) {
      size_t at = text.substr(0, end).find(word, from);
      if (at != std::string_view::npos) end = at + word.size();
    }
    if (end == std::string_view::npos) return false;
    from = end;
  }
  return true;
}

void DropImpliedCues(std::vector<Cue>* cues) {
  // `other` implies `cue` when each of its words contains one of `cue`'s.
  auto implies = [](const Cue& other, const Cue& cue) {
    return std::all_of(other.begin(), other.end(), [&](const std::string& long_word) {
      return std::any_of(cue.begin(), cue.end(), [&](const std::string& word) { return long_word.find(word) != std::string::npos; });
    });
  };
  for (size_t i = cues->size(); i-- > 0;) {
    for (size_t j = 0; j < cues->size(); ++j) {
      if (j != i && implies((*cues)[j], (*cues)[i])) {
        cues->erase(cues->begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }
}

bool CuesPresent(const std::vector<Cue>& cues, std::string_view text) {
  return std::all_of(cues.begin(), cues.end(), [&](const Cue& cue) {
    return std::any_of(cue.begin(), cue.end(), [&](const std::string& word) { return text.find(word) != std::string_view::npos; });
  });
}

void CueIndex::AddChild(uint32_t node, unsigned char c, uint32_t child) {
  Node& n = nodes_[node];
  if (n.table < 0 && (node == 0 || n.children.size() + 1 >= kTableFrom)) {
    n.table = static_cast<int64_t>(tables_.size());
    tables_.emplace_back().fill(0);
    for (const auto& [byte, existing] : n.children) tables_.back()[byte] = existing;
    n.children.clear();
  }
  if (n.table >= 0) {
    tables_[static_cast<size_t>(n.table)][c] = child;
  } else {
    n.children.emplace_back(c, child);
  }
}

uint32_t CueIndex::WordNode(const std::string& word) {
  first_pairs_.Add(word);
  uint32_t node = 0;
  for (unsigned char c : word) {
    if (uint32_t child = Child(node, c); child != 0) {
      node = child;
      continue;
    }
    nodes_.emplace_back();
    auto child = static_cast<uint32_t>(nodes_.size() - 1);
    AddChild(node, c, child);
    node = child;
  }
  if (nodes_[node].word < 0) nodes_[node].word = ids_++;
  return node;
}

uint32_t CueIndex::Add(const std::string& word) { return static_cast<uint32_t>(nodes_[WordNode(word)].word); }

uint32_t CueIndex::AddCue(const Cue& cue) {
  if (cue.size() == 1) return Add(cue.front());
  auto [known, added] = cue_ids_.try_emplace(cue, ids_);
  if (added) {
    ++ids_;
    for (const auto& word : cue) nodes_[WordNode(word)].cues.push_back(known->second);
  }
  return known->second;
}

CuePresence CueIndex::Present(std::string_view text) const {
  CuePresence present(ids_, 0);
  Walk(text, [&present](const Node& reached) {
    if (present[static_cast<size_t>(reached.word)] != 0) return true;
    present[static_cast<size_t>(reached.word)] = 1;
    for (uint32_t cue : reached.cues) present[cue] = 1;
    return true;
  });
  return present;
}

bool CueIndex::AnyIn(std::string_view text) const {
  bool any = nodes_[0].word >= 0;
  if (!any) {
    Walk(text, [&any](const Node&) {
      any = true;
      return false;  // one is enough
    });
  }
  return any;
}

bool CuesPresent(const CueIds& ids, const CuePresence& present) {
  return std::all_of(ids.begin(), ids.end(), [&](uint32_t id) { return id < present.size() && present[id] != 0; });
}

}  // namespace kg::ingest
