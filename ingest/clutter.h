// Page clutter: navigation, share buttons, "You May Also Like" teasers,
// editor lines. Claims from clutter are false positives, so clutter lines
// are dropped before sentence splitting, by generic signals: cue phrases of
// the language's lexicon (clutter_block ends the article, clutter_line and
// clutter_prefix drop one line, clutter_teaser drops a teaser heading inside
// the article and the titles under it), short lines without sentence punctuation,
// lines wrapped in parentheses and teasers cut off with "...".
#ifndef KG_INGEST_CLUTTER_H_
#define KG_INGEST_CLUTTER_H_

#include <string_view>
#include <vector>

#include "ingest/rule_data.h"

namespace kg::ingest {

struct Span {
  size_t start = 0;
  size_t end = 0;
};

// The byte spans of the lines of `text` (in NFC) that are article content.
std::vector<Span> ContentLines(std::string_view text, const Language& lang);

}  // namespace kg::ingest

#endif  // KG_INGEST_CLUTTER_H_
