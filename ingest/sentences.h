// Sentence splitting with ICU's BreakIterator for the language's locale
// (English with abbreviation suppressions, so "U.S. President" stays one
// sentence; Hindi ends sentences at the danda ।).
#ifndef KG_INGEST_SENTENCES_H_
#define KG_INGEST_SENTENCES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>

#include "ingest/clutter.h"
#include "kg/status.h"

namespace kg::ingest {

// Longest sentence kept whole; longer runs of text are cut at spaces.
inline constexpr size_t kMaxSentenceBytes = 4096;

class SentenceSplitter {
 public:
  // `abbreviations`: words ending in a period after which a sentence does
  // not end ("U.S.", "Inc."), beyond what ICU already knows.
  static Result<SentenceSplitter> Create(const std::string& locale, std::vector<std::string> abbreviations = {});

  // Byte spans of the sentences of `text` within `line`, trimmed of spaces.
  std::vector<Span> Split(std::string_view text, Span line) const;
  // The same for every line, in order (one break iterator per call, not per line).
  std::vector<Span> Split(std::string_view text, const std::vector<Span>& lines) const;

 private:
  bool EndsWithAbbreviation(std::string_view sentence) const;
  void SplitLine(icu::BreakIterator& iter, std::string_view text, Span line, std::vector<Span>* sentences) const;

  std::shared_ptr<const icu::BreakIterator> prototype_;
  std::vector<std::string> abbreviations_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_SENTENCES_H_
