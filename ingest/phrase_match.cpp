#include "ingest/phrase_match.h"

#include <algorithm>

#include "ingest/text_view.h"

namespace kg::ingest {

namespace {

bool Glued(const std::string& phrase) { return phrase.back() == '\''; }

}  // namespace

bool PhraseEndsAt(std::string_view text, size_t end, const std::string& p) {
  if (p.empty() || end < p.size() || text.compare(end - p.size(), p.size(), p) != 0) return false;
  return !IsWordCharAt(p, 0) || !IsWordCharBefore(text, end - p.size());
}

size_t PhraseEnd(std::string_view text, size_t pos, const std::vector<std::string>& phrases) {
  size_t best = std::string::npos;
  for (const auto& p : phrases) {
    if (p.empty() || text.compare(pos, p.size(), p) != 0) continue;
    size_t end = pos + p.size();
    if (IsWordCharBefore(p, p.size()) && IsWordCharAt(text, end)) continue;
    if (best == std::string::npos || end > best) best = end;
  }
  return best;
}

bool PhraseEndsAt(std::string_view text, size_t end, const std::vector<std::string>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return PhraseEndsAt(text, end, p); });
}

size_t WordAfterPhrase(std::string_view text, size_t pos, const std::vector<std::string>& phrases) {
  size_t best = std::string::npos, word = std::string::npos;
  for (const auto& p : phrases) {
    if (p.empty() || text.compare(pos, p.size(), p) != 0 || (best != std::string::npos && p.size() <= best)) continue;
    size_t end = pos + p.size();
    size_t next = Glued(p) ? end : SkipSpaces(text, end);
    if (next == end && !Glued(p)) continue;  // "a" of "assistant"
    best = p.size();
    word = next;
  }
  return word;
}

bool PhraseBefore(std::string_view text, size_t pos, const std::vector<std::string>& phrases) {
  size_t spaced = BackOverSpaces(text, pos);
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) {
    if (p.empty()) return false;
    return Glued(p) ? PhraseEndsAt(text, pos, p) : spaced < pos && PhraseEndsAt(text, spaced, p);
  });
}

size_t BackOverSpaces(std::string_view text, size_t pos) {
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  return pos;
}

}  // namespace kg::ingest
