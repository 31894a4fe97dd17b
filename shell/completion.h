// Tab completion for the shell: which words may replace the one being typed.
//
// Keywords come from kg::QueryKeywords(), the same list the grammar uses;
// predicates and entity names (ids and aliases) come from the open store.
// This file knows nothing of libedit: the line editor asks it for
// candidates, so the choice of words is testable on its own.
#ifndef KG_SHELL_COMPLETION_H_
#define KG_SHELL_COMPLETION_H_

#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"
#include "kg/store.h"

namespace kg::shell {

struct Vocabulary {
  std::vector<std::string> keywords;    // as the grammar spells them (upper case)
  std::vector<std::string> predicates;
  std::vector<std::string> entities;    // canonical ids and aliases
};

// Reads predicates and entity names (ids and aliases) from the store: at
// most `max_entities` entities, found among at most ten times as many
// claims, so that completion stays quick on a large store.
Result<Vocabulary> LoadVocabulary(const Store& store, size_t max_entities = 20000);

// Candidates to replace `word`, the partial word before the cursor;
// `line_before` is the input line up to where `word` starts.
//  - at the start of a line, ".fo" completes dot commands (".format");
//  - after a dot command, its arguments ("json");
//  - elsewhere keywords (in the case the user types them), then predicates,
//    then entity names, quoted when they are not plain words.
std::vector<std::string> CompletionCandidates(const Vocabulary& vocabulary, std::string_view line_before,
                                              std::string_view word);

// An entity name as KGQL accepts it: bare when it is a plain word, else in
// double quotes with `"` and `\` escaped.
std::string QuoteNameIfNeeded(std::string_view name);

}  // namespace kg::shell

#endif  // KG_SHELL_COMPLETION_H_
