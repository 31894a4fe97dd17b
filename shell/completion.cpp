#include "shell/completion.h"

#include <algorithm>
#include <set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "kg/query.h"
#include "shell/dot_commands.h"
#include "storage/normalize.h"

namespace kg::shell {

namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool StartsWithIgnoringAsciiCase(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(text[i]) != AsciiLower(prefix[i])) return false;
  }
  return true;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithIgnoringAsciiCase(a, b);
}

// Keywords are offered in the case the user types: "fi" gives "find".
std::string InCaseOf(std::string_view word, std::string_view keyword) {
  const bool lower = std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                     std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  std::string result(keyword);
  for (char& c : result) c = lower ? AsciiLower(c) : AsciiUpper(c);
  return result;
}

// The lexer's NAME_START and NAME_PART (grammar/KGQL.g4).
bool IsNameStart(UChar32 c) { return c == '_' || u_isalpha(c); }
bool IsNamePart(UChar32 c) {
  const int8_t type = u_charType(c);
  return IsNameStart(c) || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
         type == U_COMBINING_SPACING_MARK || type == U_DECIMAL_DIGIT_NUMBER || type == U_LETTER_NUMBER ||
         type == U_OTHER_NUMBER;
}

// Whether the lexer reads `text` as one NAME: a start character, then name
// characters, with single '-' or '.' between runs of them ("GPT-4o").
bool LexesAsName(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  bool after_separator = false;
  for (int32_t i = 0; i < length;) {
    const bool first = i == 0;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (first ? !IsNameStart(c) : !(IsNamePart(c) || ((c == '-' || c == '.') && !after_separator))) return false;
    after_separator = c == '-' || c == '.';
  }
  return !text.empty() && !after_separator;
}

bool IsKeyword(std::string_view name) {
  const auto& keywords = QueryKeywords();
  return std::any_of(keywords.begin(), keywords.end(),
                     [&](const std::string& keyword) { return EqualsIgnoringAsciiCase(keyword, name); });
}

// ".format " before the word: the spec of that command.
const DotCommandSpec* CommandBeforeArgument(std::string_view line_before) {
  const size_t start = line_before.find_first_not_of(" \t");
  if (start == std::string_view::npos || line_before[start] != '.') return nullptr;
  const std::string_view rest = line_before.substr(start + 1);
  const size_t name_end = rest.find_first_of(" \t");
  if (name_end == std::string_view::npos) return nullptr;
  if (rest.find_first_not_of(" \t", name_end) != std::string_view::npos) return nullptr;  // already has one
  for (const DotCommandSpec& spec : DotCommandSpecs()) {
    if (rest.substr(0, name_end) == spec.name) return &spec;
  }
  return nullptr;
}

std::vector<std::string> DotCompletions(std::string_view line_before, std::string_view word) {
  std::vector<std::string> candidates;
  if (line_before.find_first_not_of(" \t") == std::string_view::npos && word.starts_with(".")) {
    for (const DotCommandSpec& spec : DotCommandSpecs()) {
      std::string name = std::string(".") + spec.name;
      if (name.starts_with(word)) candidates.push_back(std::move(name));
    }
  } else if (const DotCommandSpec* spec = CommandBeforeArgument(line_before)) {
    for (const char* argument : spec->arguments) {
      if (std::string_view(argument).starts_with(word)) candidates.emplace_back(argument);
    }
  }
  return candidates;
}

std::string Quote(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

void AddEntityCandidates(const std::vector<std::string>& entities, std::string_view word,
                         std::vector<std::string>* candidates) {
  const bool quoted = word.starts_with("\"");
  const std::string prefix = NormalizeName(quoted ? word.substr(1) : word);
  std::set<std::string> seen;
  for (const std::string& entity : entities) {
    if (!NormalizeName(entity).starts_with(prefix)) continue;
    std::string text = quoted ? Quote(entity) : QuoteNameIfNeeded(entity);
    if (seen.insert(text).second) candidates->push_back(std::move(text));
  }
}

}  // namespace

std::string QuoteNameIfNeeded(std::string_view name) {
  return LexesAsName(name) && !IsKeyword(name) ? std::string(name) : Quote(name);
}

std::vector<std::string> CompletionCandidates(const Vocabulary& vocabulary, std::string_view line_before,
                                              std::string_view word) {
  const bool at_line_start = line_before.find_first_not_of(" \t") == std::string_view::npos;
  if (at_line_start ? word.starts_with(".") : IsDotCommand(line_before)) return DotCompletions(line_before, word);
  std::vector<std::string> candidates;
  if (word.starts_with("?")) return candidates;  // a variable: nothing to offer
  if (!word.starts_with("\"")) {
    for (const std::string& keyword : vocabulary.keywords) {
      if (!word.empty() && StartsWithIgnoringAsciiCase(keyword, word)) candidates.push_back(InCaseOf(word, keyword));
    }
    for (const std::string& predicate : vocabulary.predicates) {
      if (StartsWithIgnoringAsciiCase(predicate, word)) candidates.push_back(predicate);
    }
  }
  if (!word.empty()) AddEntityCandidates(vocabulary.entities, word, &candidates);
  std::vector<std::string> unique;
  for (std::string& candidate : candidates) {
    if (std::find(unique.begin(), unique.end(), candidate) == unique.end()) unique.push_back(std::move(candidate));
  }
  return unique;
}

Result<Vocabulary> LoadVocabulary(const Store& store, size_t max_entities) {
  Vocabulary vocabulary;
  vocabulary.keywords = QueryKeywords();
  auto predicates = store.Predicates();
  if (!predicates.ok()) return predicates.status();
  for (const auto& [name, count] : *predicates) vocabulary.predicates.push_back(name);

  // The store has no list of entities: they are gathered from the claims,
  // reading a bounded number so that the first Tab stays quick.
  const size_t max_claims = 10 * max_entities;
  size_t claims = 0;
  std::set<std::string> entities;
  const auto add = [&](const Term& term) {
    if (term.kind == TermKind::kEntity && entities.size() < max_entities) entities.insert(term.value);
  };
  KG_RETURN_IF_ERROR(store.Match(Pattern{}, [&](const ClaimRecord& record) {
    add(record.claim.subject);
    add(record.claim.object);
    return entities.size() < max_entities && ++claims < max_claims;
  }));
  for (const std::string& entity : entities) {
    vocabulary.entities.push_back(entity);
    auto aliases = store.AliasesOf(entity);
    if (!aliases.ok()) continue;  // completion without aliases is still useful
    for (const Alias& alias : *aliases) {
      if (alias.text != entity) vocabulary.entities.push_back(alias.text);
    }
  }
  return vocabulary;
}

}  // namespace kg::shell
