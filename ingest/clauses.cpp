#include "ingest/clauses.h"

#include <algorithm>

#include "ingest/phrase_match.h"
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

bool IsCompanyTag(const Tag& tag) { return tag.type == "ORG" || tag.type == "UNK"; }
bool IsCompanyOrAnaphor(const Tag& tag) { return IsCompanyTag(tag) || tag.type == "REF" || tag.type == "POSS"; }

// Whether the whole word or phrase `word` stands at `pos` (compared there only: no search through the text); an
// elided article ends no word ("l'" in "l'operatore"), as for FindWord.
bool WordAt(const std::string& text, const std::string& word, size_t pos) {
  if (word.empty() || text.compare(pos, word.size(), word) != 0) return false;
  bool starts = !IsWordCharAt(word, 0) || !IsWordCharBefore(text, pos);
  bool ends = !IsWordCharBefore(word, word.size()) || !IsWordCharAt(text, pos + word.size());
  return starts && ends;
}

// The end of the aside set off right after the company name ending at `name_end`, or npos.
size_t AsideAfterName(const Language& lang, const std::string& text, size_t name_end) {
  size_t next = SkipSpaces(text, name_end);
  if (next < text.size() && text[next] == '(') {
    size_t close = text.find(')', next);
    return close == std::string::npos ? close : close + 1;
  }
  for (std::string_view dash : kDashes) {  // " — ": compared in place, most names are followed by none
    size_t after = name_end + 1 + dash.size();
    if (next == name_end + 1 && text.compare(next, dash.size(), dash) == 0 && after < text.size() && text[after] == ' ') {
      return NextDash(text, after);
    }
  }
  if (name_end >= text.size() || text[name_end] != ',') return std::string::npos;
  size_t word = SkipSpaces(text, name_end + 1);
  bool opens = PhraseEnd(text, word, lang.relative_words) != std::string::npos ||
               PhraseEnd(text, word, lang.aside_openers) != std::string::npos ||
               PhraseEnd(text, word, lang.description_openers) != std::string::npos;
  // A colon or semicolon before the closing comma ends the clause: "Var Group, la controllata ...: 600 GPU H200 ...,".
  size_t close = text.find_first_of(",:;", word);
  return opens && close != std::string::npos && text[close] == ',' ? close + 1 : std::string::npos;
}

}  // namespace

std::vector<SubjectAside> SubjectAsides(const Language& lang, const TaggedSentence& s) {
  const std::string& text = s.view.text;
  std::vector<SubjectAside> asides;
  // The opener starts the sentence's first clause ("Unlike ...,") or, a postposition, ends it ("... के विपरीत,").
  size_t first_comma = text.find(',');
  if (first_comma == 0) first_comma = std::string::npos;
  size_t clause_end = first_comma == std::string::npos ? first_comma : text.find_last_not_of(' ', first_comma - 1) + 1;
  const size_t first_word = SkipSpaces(text, 0);
  auto opens_first_clause = [&](const std::string& w) {
    return WordAt(text, w, first_word) || (clause_end >= w.size() && WordAt(text, w, clause_end - w.size()));
  };
  if (first_comma != std::string::npos && std::any_of(lang.aside_openers.begin(), lang.aside_openers.end(), opens_first_clause)) {
    asides.push_back({0, first_comma + 1, -1});
  }
  for (size_t i = 0; i < s.tags.size(); ++i) {
    if (!IsCompanyTag(s.tags[i])) continue;
    size_t end = AsideAfterName(lang, text, s.tags[i].end);
    if (end != std::string::npos) asides.push_back({s.tags[i].end, end, static_cast<int>(i)});
  }
  return asides;
}

bool InSubjectAside(const std::vector<SubjectAside>& asides, size_t pos, size_t object_start) {
  return std::any_of(asides.begin(), asides.end(),
                     [&](const SubjectAside& a) { return pos >= a.from && pos < a.to && object_start >= a.to; });
}

int SubjectOutsideAsides(const std::vector<SubjectAside>& asides, const TaggedSentence& s, size_t subject,
                         size_t object_start) {
  int at = static_cast<int>(subject);
  // Only a company or an anaphor is moved ("LG Corp, the group's holding company, owns ..."): a product in the aside
  // ("Tencent, which develops the Hunyuan model, said its chatbot ...") is the rule's reading.
  if (!IsCompanyOrAnaphor(s.tags[subject])) return at;
  // The subject's own relative clause states its own figure: "Unlike Orbis, which plans to invest $1bn, X ...".
  auto own_clause = [&](const SubjectAside& a) { return a.head == at && object_start >= a.from && object_start < a.to; };
  if (std::any_of(asides.begin(), asides.end(), own_clause)) return at;
  for (const auto& aside : asides) {
    const size_t pos = s.tags[subject].start;
    if (pos < aside.from || pos >= aside.to || object_start < aside.to) continue;
    if (aside.head >= 0) return aside.head;
    at = -1;
    for (size_t i = subject + 1; i < s.tags.size() && s.tags[i].start < object_start && at < 0; ++i) {
      if (s.tags[i].start >= aside.to && IsCompanyOrAnaphor(s.tags[i])) at = static_cast<int>(i);
    }
  }
  return at;
}

namespace {

bool IsStem(const std::string& phrase) { return !phrase.empty() && phrase.back() == '*'; }

// The text FindWord looks for: `phrase` without the '*' of a stem.
std::string_view Needle(const std::string& phrase) {
  return std::string_view(phrase.data(), IsStem(phrase) ? phrase.size() - 1 : phrase.size());
}

}  // namespace

size_t FindWord(const std::string& text, const std::string& phrase, size_t from) {
  bool stem = IsStem(phrase);
  std::string_view needle = Needle(phrase);
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
  // A word FindWord finds occurs in the text: without any, none of the searches below can succeed.
  if (!lang.negation_words.AnyIn(text)) return false;
  return AnyWord(lang.denials, text) || AnyWord(lang.negations, text) || AnyWord(lang.negations_after_object, text);
}

CueIndex NegationWords(const Language& lang) {
  CueIndex words;
  for (const auto* list : {&lang.denials, &lang.negations, &lang.negations_after_object}) {
    for (const auto& phrase : *list) words.Add(std::string(Needle(phrase)));
  }
  return words;
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
