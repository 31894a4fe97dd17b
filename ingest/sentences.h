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

class SentenceSplitter {
 public:
  static Result<SentenceSplitter> Create(const std::string& locale);

  // Byte spans of the sentences of `text` within `line`, trimmed of spaces.
  std::vector<Span> Split(std::string_view text, Span line) const;

 private:
  std::shared_ptr<const icu::BreakIterator> prototype_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_SENTENCES_H_
