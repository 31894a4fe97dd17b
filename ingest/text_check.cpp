#include "ingest/text_check.h"

#include <map>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "ingest/text_view.h"
#include "storage/normalize.h"

namespace kg::ingest {

Status CheckText(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::InvalidArgument("empty document");
  size_t line_start = 0;
  int32_t length = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  while (i < length) {
    int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return Status::InvalidArgument("invalid UTF-8 at byte offset " + std::to_string(at));
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
      return Status::InvalidArgument("binary data (control byte 0x" + std::to_string(c) + ") at byte offset " +
                                     std::to_string(at));
    }
    if (c == '\n') line_start = static_cast<size_t>(i);
    if (static_cast<size_t>(i) - line_start > kMaxLineBytes) {
      return Status::InvalidArgument("a line longer than " + std::to_string(kMaxLineBytes) +
                                     " bytes starts at byte offset " + std::to_string(line_start));
    }
  }
  return Status::OK();
}

std::string ArticleNfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) &&
      nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status) &&
      U_SUCCESS(status)) {
    return std::string(text);
  }
  return ToNfc(text);
}

std::string DetectLanguage(std::string_view text, const RuleData& data) {
  // Script first: Devanagari means Hindi; Latin is decided by frequent words.
  std::string_view sample = text.substr(0, 64 * 1024);
  size_t latin = 0, devanagari = 0, other = 0;
  size_t pos = 0;
  while (pos < sample.size()) {
    size_t length = 1;
    uint32_t c = CodePointAt(sample, pos, &length);
    pos += length;
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (script == USCRIPT_LATIN) ++latin;
    else if (script == USCRIPT_DEVANAGARI) ++devanagari;
    else ++other;
  }
  size_t letters = latin + devanagari + other;
  if (letters == 0) return "";
  if (devanagari * 4 >= letters) return data.language("hi") ? "hi" : "";
  if (latin * 2 < letters) return "";
  TextView view = MakeView(sample);
  std::map<std::string, size_t> hits;
  size_t start = std::string::npos;
  for (size_t i = 0; i <= view.text.size(); ++i) {
    bool word = i < view.text.size() && (IsWordCharAt(view.text, i) || view.text[i] == '\'');
    if (word && start == std::string::npos) start = i;
    if (!word && start != std::string::npos) {
      std::string token = view.text.substr(start, i - start);
      for (const auto& code : data.languages()) {
        const Language& lang = *data.language(code);
        if (code != "hi" && lang.stopwords.count(token) && !lang.function_words.count(token)) ++hits[code];
      }
      start = std::string::npos;
    }
  }
  std::string best;
  size_t best_hits = 0, second_hits = 0;
  for (const auto& [code, n] : hits) {
    if (n > best_hits) { second_hits = best_hits; best = code; best_hits = n; }
    else if (n > second_hits) { second_hits = n; }
  }
  return best_hits > second_hits ? best : "";
}

}  // namespace kg::ingest
