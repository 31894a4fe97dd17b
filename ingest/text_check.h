// What a document must be before extraction: non-empty text, valid UTF-8,
// not binary, no absurdly long line, in a language the rule data knows.
#ifndef KG_INGEST_TEXT_CHECK_H_
#define KG_INGEST_TEXT_CHECK_H_

#include <string>
#include <string_view>

#include "ingest/rule_data.h"
#include "kg/status.h"

namespace kg::ingest {

// Longest line accepted; longer lines are not articles.
inline constexpr size_t kMaxLineBytes = 1 << 20;

// OK, or InvalidArgument saying what is wrong and, for invalid UTF-8 and
// binary data, at which byte offset.
Status CheckText(std::string_view text);

// `text` in NFC. Most articles already are: they are checked in UTF-8 and
// copied as they are, without the round trip through UTF-16 of ToNfc.
std::string ArticleNfc(std::string_view text);

// "hi", "it", "en"...: the language of the rule data whose script and
// frequent words the text matches best; "" when none fits.
std::string DetectLanguage(std::string_view text, const RuleData& data);

}  // namespace kg::ingest

#endif  // KG_INGEST_TEXT_CHECK_H_
