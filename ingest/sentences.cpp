#include "ingest/sentences.h"

#include <cctype>

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace kg::ingest {

Result<SentenceSplitter> SentenceSplitter::Create(const std::string& locale, std::vector<std::string> abbreviations) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale icu_locale((locale + "@ss=standard").c_str());
  std::shared_ptr<icu::BreakIterator> iter(icu::BreakIterator::createSentenceInstance(icu_locale, status));
  if (U_FAILURE(status) || !iter) {
    return Status::InvalidArgument("no sentence break rules for locale " + locale + ": " + u_errorName(status));
  }
  SentenceSplitter splitter;
  splitter.prototype_ = std::move(iter);
  splitter.abbreviations_ = std::move(abbreviations);
  return splitter;
}

bool SentenceSplitter::EndsWithAbbreviation(std::string_view sentence) const {
  for (const auto& abbreviation : abbreviations_) {
    if (sentence.size() < abbreviation.size()) continue;
    size_t at = sentence.size() - abbreviation.size();
    if (sentence.compare(at, abbreviation.size(), abbreviation) == 0 && (at == 0 || sentence[at - 1] == ' ')) return true;
  }
  return false;
}

std::vector<Span> SentenceSplitter::Split(std::string_view text, Span line) const {
  return Split(text, std::vector<Span>{line});
}

std::vector<Span> SentenceSplitter::Split(std::string_view text, const std::vector<Span>& lines) const {
  std::unique_ptr<icu::BreakIterator> iter(prototype_->clone());
  std::vector<Span> sentences;
  for (const Span& line : lines) SplitLine(*iter, text, line, &sentences);
  return sentences;
}

void SentenceSplitter::SplitLine(icu::BreakIterator& iter, std::string_view text, Span line,
                                 std::vector<Span>* out) const {
  std::vector<Span>& sentences = *out;
  const size_t first = sentences.size();  // sentences of earlier lines are never merged with this one's
  std::string_view part = text.substr(line.start, line.end - line.start);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(part.data(), static_cast<int32_t>(part.size())));
  // UTF-16 index -> byte offset within `part`.
  std::vector<size_t> byte_of(static_cast<size_t>(unicode.length()) + 1, part.size());
  {
    int32_t i = 0;
    int32_t u16 = 0;
    while (i < static_cast<int32_t>(part.size())) {
      byte_of[static_cast<size_t>(u16)] = static_cast<size_t>(i);
      UChar32 c = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(part.data()), i, static_cast<int32_t>(part.size()), c);
      u16 += U16_LENGTH(c < 0 ? 0xFFFD : c);
    }
  }
  iter.setText(unicode);
  int32_t start = iter.first();
  for (int32_t end = iter.next(); end != icu::BreakIterator::DONE; start = end, end = iter.next()) {
    size_t b = byte_of[static_cast<size_t>(start)];
    size_t e = byte_of[static_cast<size_t>(end)];
    while (b < e && std::isspace(static_cast<unsigned char>(part[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(part[e - 1]))) --e;
    if (b >= e) continue;
    if (sentences.size() > first && EndsWithAbbreviation(text.substr(sentences.back().start, sentences.back().end - sentences.back().start))) {
      sentences.back().end = line.start + e;  // "the U.S. | President": one sentence
    } else {
      sentences.push_back({line.start + b, line.start + e});
    }
    // Text without sentence punctuation is cut into pieces of bounded size
    // at spaces, so that no "sentence" (stored with every mention) is huge.
    while (sentences.back().end - sentences.back().start > kMaxSentenceBytes) {
      Span& last = sentences.back();
      size_t cut = text.rfind(' ', last.start + kMaxSentenceBytes);
      if (cut == std::string_view::npos || cut <= last.start) cut = last.start + kMaxSentenceBytes;
      while (cut > last.start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
      Span rest{cut, last.end};
      last.end = cut;
      while (rest.start < rest.end && text[rest.start] == ' ') ++rest.start;
      sentences.push_back(rest);
    }
  }
}

}  // namespace kg::ingest
