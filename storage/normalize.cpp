#include "storage/normalize.h"

#include <cstdint>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace kg {

namespace {
const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? nfc : nullptr;
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// ASCII text is already NFC and folds by lower-casing: most names are ASCII,
// and this spares them a round trip through UTF-16.
// Eight bytes at a time: every term of a bulk load passes here.
bool IsAscii(std::string_view utf8) {
  size_t i = 0;
  for (; i + 8 <= utf8.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, utf8.data() + i, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < utf8.size(); ++i) {
    if (static_cast<unsigned char>(utf8[i]) >= 0x80) return false;
  }
  return true;
}

icu::UnicodeString Nfc(const icu::UnicodeString& text) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return text;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(text, status);
  return U_SUCCESS(status) ? out : text;
}
}  // namespace

std::string ToNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return ToUtf8(Nfc(text));
}

void MakeNfc(std::string* utf8) {
  if (!IsAscii(*utf8)) *utf8 = ToNfc(*utf8);
}

std::string NormalizeName(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string folded(utf8);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = Nfc(text);
  folded.foldCase();
  return ToUtf8(Nfc(folded));
}

}  // namespace kg
