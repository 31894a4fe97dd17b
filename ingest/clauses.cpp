#include "ingest/clauses.h"

#include <algorithm>

#include "ingest/text_view.h"

namespace kg::ingest {

namespace {

// Dashes ("-", "–") cut only between spaces: "Oslo-based" is one word.
std::string BoundaryNeedle(const std::string& boundary) {
  bool dash = boundary == "-" || boundary == "–" || boundary == "—";
  return dash ? " " + boundary + " " : boundary;
}

constexpr const char* kDashes[] = {"-", "–", "—"};

// The end of the first dash between spaces at or after `from` (the closing dash of a gloss), or npos.
size_t NextDash(const std::string& text, size_t from) {
  size_t end = std::string::npos;
  for (const char* dash : kDashes) {
    std::string needle = BoundaryNeedle(dash);
    size_t at = text.find(needle, from);
    if (at != std::string::npos) end = std::min(end, at + needle.size());
  }
  return end;
}

// Whether the boundary `needle` at `at` stands between two digits ("1,20,000", "7,500").
bool InsideNumber(const std::string& text, size_t at, const std::string& needle) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return at > 0 && at + needle.size() < text.size() && digit(text[at - 1]) && digit(text[at + needle.size()]);
}

using Spans = std::vector<std::pair<size_t, size_t>>;

bool Inside(const Spans& spans, size_t pos) {
  return std::any_of(spans.begin(), spans.end(), [pos](const auto& s) { return pos >= s.first && pos < s.second; });
}

// Whether a word of `phrases` occurs in `text` at [from, to), outside the spans `skipped`.
bool Occurs(const std::vector<std::string>& phrases, const std::string& text, size_t from, size_t to,
            const Spans& skipped) {
  for (const auto& phrase : phrases) {
    for (size_t at = FindWord(text, phrase, from); at < to; at = FindWord(text, phrase, at + 1)) {
      if (!Inside(skipped, at)) return true;
    }
  }
  return false;
}

bool AnyWord(const std::vector<std::string>& phrases, const std::string& text) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&text](const std::string& p) { return FindWord(text, p) != std::string::npos; });
}

}  // namespace

size_t FindWord(const std::string& text, const std::string& phrase, size_t from) {
  bool stem = !phrase.empty() && phrase.back() == '*';
  std::string_view needle(phrase.data(), stem ? phrase.size() - 1 : phrase.size());
  bool word_start = IsWordCharAt(needle, 0);
  bool word_end = !needle.empty() && IsWordCharBefore(needle, needle.size());
  for (size_t at = FindText(text, needle, from); at != std::string::npos; at = FindText(text, needle, at + 1)) {
    if (word_start && IsWordCharBefore(text, at)) continue;
    if (word_end && !stem && IsWordCharAt(text, at + needle.size())) continue;
    return at;
  }
  return std::string::npos;
}

std::vector<size_t> FindWords(const std::string& text, const std::string& phrase) {
  std::vector<size_t> found;
  for (size_t at = FindWord(text, phrase); at != std::string::npos; at = FindWord(text, phrase, at + 1)) found.push_back(at);
  return found;
}

std::vector<std::pair<size_t, size_t>> QuotedSpans(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t open = std::string::npos;
  for (size_t pos = text.find('"'); pos != std::string::npos; pos = text.find('"', pos + 1)) {
    bool opens = pos + 1 < text.size() && text[pos + 1] != ' ' && (pos == 0 || text[pos - 1] == ' ' || text[pos - 1] == '(');
    if (open == std::string::npos) {
      if (opens) open = pos;
    } else if (!opens) {
      spans.emplace_back(open, pos);
      open = std::string::npos;
    }
  }
  if (open != std::string::npos) return {};
  return spans;
}

ClauseCuts FindClauseCuts(const FrameLexicon& frames, const std::string& text) {
  ClauseCuts cuts;
  for (const auto& aside : frames.asides) {
    for (size_t at : FindWords(text, ", " + aside)) {
      size_t end = text.find(',', at + 2);
      cuts.asides.emplace_back(at, end == std::string::npos ? text.size() : end);
    }
  }
  // "— यानी GPU और एक्सेलरेटर —": a gloss between dashes, both dashes included.
  for (const auto& aside : frames.dash_asides) {
    for (const char* dash : kDashes) {
      std::string open = BoundaryNeedle(dash);
      for (size_t at : FindWords(text, open + aside)) {
        size_t close = NextDash(text, at + open.size());
        cuts.asides.emplace_back(at, close == std::string::npos ? text.size() : close);
      }
    }
  }
  // A boundary inside an aside ("..., which was approved but not yet published, ...") ends no clause,
  // nor does the dash that opens a gloss.
  for (const auto& boundary : frames.boundaries) {
    std::string needle = BoundaryNeedle(boundary);
    for (size_t at : FindWords(text, needle)) {
      if (InsideNumber(text, at, needle)) continue;  // "7,500": a digit group, no clause's end
      auto inside = [at](const auto& a) { return at >= a.first && at < a.second; };
      if (std::none_of(cuts.asides.begin(), cuts.asides.end(), inside)) cuts.boundaries.emplace_back(at, at + needle.size());
    }
  }
  if (text.find('"') != std::string::npos) cuts.quotes = QuotedSpans(text);
  return cuts;
}

bool MayBeNegated(const Language& lang, const std::string& text) {
  return AnyWord(lang.denials, text) || AnyWord(lang.negations, text) || AnyWord(lang.negations_after_object, text);
}

bool UnderNegation(const Language& lang, const TaggedSentence& s, const StatementSpan& statement) {
  const std::string& text = s.view.text;
  // Most sentences hold none of these words: the clauses are found only for those that do.
  if (!MayBeNegated(lang, text)) return false;
  ClauseCuts cuts = FindClauseCuts(lang.frames, text);
  // Words inside an aside the object is not in, or inside a counter phrase, negate nothing.
  Spans skipped;
  for (const auto& aside : cuts.asides) {
    if (statement.object_start < aside.first || statement.object_start >= aside.second) skipped.push_back(aside);
  }
  for (const auto& counter : lang.negation_counters) {
    for (size_t at : FindWords(text, counter)) skipped.emplace_back(at, at + counter.size());
  }
  if (Occurs(lang.denials, text, 0, text.size(), skipped)) return true;
  size_t clause_from = 0, clause_to = text.size();
  for (const auto& [start, end] : cuts.boundaries) {
    if (end <= statement.object_start) clause_from = std::max(clause_from, end);
    if (start >= statement.object_end) clause_to = std::min(clause_to, start);
  }
  size_t from = std::max(statement.from, clause_from);
  size_t to = std::min(statement.to, clause_to);
  return Occurs(lang.negations, text, from, to, skipped) ||
         (statement.object_is_figure && Occurs(lang.negations_after_object, text, statement.to, clause_to, skipped));
}

}  // namespace kg::ingest
