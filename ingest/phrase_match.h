// Whole-word matching of the rule data's phrase lists (description openers, party links, relative
// words, titles ...) at one position of a folded text: compared in place, never searched for. A phrase
// that ends in an apostrophe (Italian "l'", "dell'") is glued to the word after it.
#ifndef KG_INGEST_PHRASE_MATCH_H_
#define KG_INGEST_PHRASE_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg::ingest {

// The end of the longest of `phrases` that starts at `pos` and ends a word there, or npos.
size_t PhraseEnd(std::string_view text, size_t pos, const std::vector<std::string>& phrases);

// Does `phrase`, or one of `phrases`, end at `end`, starting a word?
bool PhraseEndsAt(std::string_view text, size_t end, const std::string& phrase);
bool PhraseEndsAt(std::string_view text, size_t end, const std::vector<std::string>& phrases);

// Where the word after the longest of `phrases` at `pos` starts ("the Madrid-based group", "l'operatore"):
// right after a glued phrase, past the spaces after any other; npos when none stands there.
size_t WordAfterPhrase(std::string_view text, size_t pos, const std::vector<std::string>& phrases);

// Does one of `phrases` stand right before the word at `pos`, glued to it or followed by spaces?
bool PhraseBefore(std::string_view text, size_t pos, const std::vector<std::string>& phrases);

// `pos` moved back over the spaces before it.
size_t BackOverSpaces(std::string_view text, size_t pos);

}  // namespace kg::ingest

#endif  // KG_INGEST_PHRASE_MATCH_H_
