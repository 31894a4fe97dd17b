// Cues of a rule: words its regular expression cannot match without. A
// sentence that lacks every alternative of a cue cannot match, so the rule
// is skipped without running the (costly) regular expression. The cues are
// read from the pattern itself, so the rule files need no extra data.
#ifndef KG_INGEST_RULE_CUES_H_
#define KG_INGEST_RULE_CUES_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byte_pairs.h"

namespace kg::ingest {

// One cue: the pattern matches only text that contains one of these.
using Cue = std::vector<std::string>;

// The cues of an ICU regular expression (UTF-8): the literal text it must
// match at its top level, and each group it must match whose alternatives
// all start with literal text ("\b(?:plans?|budget\w*)" gives {plan,
// budget}). A top-level alternation gives one cue: a cue of each
// alternative put together. Conservative: empty when an alternative has no
// cue, or the pattern has an inline flag or a construct it does not know.
// Cues shorter than two characters, or made only of placeholder syntax, are
// left out.
std::vector<Cue> PatternCues(std::string_view pattern);

// The cues of an ICU regular expression (UTF-8) in the order a match meets
// them, each after the end of the one before: its literal runs and the
// groups of alternatives it must match, groups of one alternative read
// inside ("{s:ORG}.{0,80}?\b(?:plans?|will)\b.{0,80}?{o:MONEY}" gives
// {⟦ORG, ⟦GROUP...}, {plan, will}, {⟦MONEY#}). A sentence can hold every cue
// (PatternCues) and still not in this order. Empty (no order known) for a
// top-level alternation or syntax PatternCues does not know.
std::vector<Cue> OrderedCues(std::string_view pattern);

// Whether `text` holds one word of each cue, each starting at or after the
// end of the previous cue's word (the earliest such end).
bool CuesInOrder(const std::vector<Cue>& cues, std::string_view text);

// The top-level alternatives of `pattern` as written ("a|b(?:c|d)" gives
// "a" and "b(?:c|d)"); empty when there is only one, or the syntax is not
// known (see PatternCues).
std::vector<std::string> TopLevelAlternatives(std::string_view pattern);

// `pattern` with a look-ahead for the first characters of every group whose
// alternatives all start with a literal (and which the pattern must match):
// "\b(?:plans|budget)" becomes "(?=[\x{62}\x{70}])\b(?:plans|budget)". At each
// position a lazy gap (".{0,80}?") reaches, ICU tests the word boundary, then
// tries the alternatives one by one and saves its whole state for each; the
// look-ahead turns most such positions away with one set test (both are
// zero-width tests of the same position: their order does not change what
// matches). The matches and captures are those of
// `pattern`: the look-ahead only tests what every alternative starts with.
// Unchanged when the syntax is not known (see PatternCues).
std::string WithFirstCharGuards(std::string_view pattern);

// `cues` without those another cue implies (each of its words contains one
// of theirs: "⟦ORG#" implies "⟦ORG"), which would only be tested twice.
void DropImpliedCues(std::vector<Cue>* cues);

// The index of the cue that rules out most text: a word's, the longest
// shortest word (a placeholder type such as "⟦ORG" is in most sentences).
// cues.size() when empty.
size_t MostSelectiveCue(const std::vector<Cue>& cues);

// Whether `text` contains one alternative of every cue.
bool CuesPresent(const std::vector<Cue>& cues, std::string_view text);

// present[id]: whether cue word `id`, or one alternative of cue `id`,
// occurs in a text. Bytes, not bits: every rule tests its cues in every
// sentence (vector<bool>'s bit extraction cost more than the test).
using CuePresence = std::vector<uint8_t>;

// The cue words of a language's rules, found in a sentence in one pass (a
// trie walked from each byte) instead of one search per word and rule.
class CueIndex {
 public:
  CueIndex() : nodes_(1) {}
  // The id of `word` (added when new).
  uint32_t Add(const std::string& word);
  // The id of `cue`, present where one of its words is (added when new): a
  // rule tests one byte per cue, not every alternative of a cue it lacks
  // (most rules lack one in most sentences).
  uint32_t AddCue(const Cue& cue);
  // present[id]: whether word `id` occurs in `text`.
  CuePresence Present(std::string_view text) const;
  // Whether any word occurs in `text` (the empty word occurs in every text).
  bool AnyIn(std::string_view text) const;

 private:
  // A node with few children lists them; one with many (the root, the
  // lead bytes of Devanagari, "⟦") has a table by byte, which it is walked
  // through far more often.
  struct Node {
    std::vector<std::pair<unsigned char, uint32_t>> children;
    int64_t table = -1;  // index in tables_, or -1
    int64_t word = -1;
    std::vector<uint32_t> cues;  // ids of the cues with this word among their alternatives
  };
  static constexpr size_t kTableFrom = 8;  // children
  // The child of `node` by byte `c`, or 0 (the root is no one's child).
  uint32_t Child(uint32_t node, unsigned char c) const {
    const Node& n = nodes_[node];
    if (n.table >= 0) return tables_[static_cast<size_t>(n.table)][c];
    for (const auto& [byte, child] : n.children) {
      if (byte == c) return child;
    }
    return 0;
  }
  void AddChild(uint32_t node, unsigned char c, uint32_t child);
  // Calls found(node) for each word node reached from each start in `text`, until it returns false.
  template <typename Found>
  void Walk(std::string_view text, Found found) const {
    for (size_t start = 0; start < text.size(); ++start) {
      if (!first_pairs_.MayStartAt(text, start)) continue;
      uint32_t node = 0;
      for (size_t i = start; i < text.size(); ++i) {
        node = Child(node, static_cast<unsigned char>(text[i]));
        if (node == 0) break;
        if (nodes_[node].word >= 0 && !found(nodes_[node])) return;
      }
    }
  }
  // The node that ends `word` (added, with an id, when new).
  uint32_t WordNode(const std::string& word);

  std::vector<Node> nodes_;  // nodes_[0]: the root
  std::vector<std::array<uint32_t, 256>> tables_;
  FirstBytePairs first_pairs_;  // a walk starts only where a word may start
  std::map<Cue, uint32_t> cue_ids_;  // cues of more than one word
  uint32_t ids_ = 0;                 // words and cues share one id space
};

// Ids of a CueIndex: one per cue (CueIndex::AddCue), or words.
using CueIds = std::vector<uint32_t>;

// Whether every id is present.
bool CuesPresent(const CueIds& ids, const CuePresence& present);

}  // namespace kg::ingest

#endif  // KG_INGEST_RULE_CUES_H_
