#include "ingest/text_view.h"

#include <string.h>

#include <numeric>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "storage/normalize.h"

namespace kg::ingest {

namespace {

// What a source code point becomes in the view.
uint32_t FoldCodePoint(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;  // ASCII without a call into ICU
  if (c >= 0x0966 && c <= 0x096F) return '0' + (c - 0x0966);  // Devanagari digits
  if (c >= 0x0900 && c <= 0x097F) return c;  // the rest of Devanagari has no case: no call into ICU
  switch (c) {
    case 0x2018: case 0x2019: case 0x02BC: return '\'';
    case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: case 0x201E: return '"';
    case 0x00A0: case 0x202F: case 0x2009: case 0x2007: return ' ';
    case 0x2013: case 0x2014: return '-';
    default: break;
  }
  return static_cast<uint32_t>(u_tolower(static_cast<UChar32>(c)));
}

void AppendUtf8(std::string* out, uint32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
    return;
  }
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), error);
  if (error) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(buf, static_cast<size_t>(n));
}

uint32_t ByteAt(std::string_view text, size_t at) { return static_cast<unsigned char>(text[at]); }
bool IsContinuation(uint32_t byte) { return (byte & 0xC0) == 0x80; }
bool IsTwoByteLead(uint32_t lead) { return lead >= 0xC2 && lead <= 0xDF; }
// E0 needs a second byte from A0 (shorter forms are overlong), ED one below A0 (no surrogates).
bool StartsThreeBytes(uint32_t lead, uint32_t second) {
  return lead >= 0xE0 && lead <= 0xEF && IsContinuation(second) && (lead != 0xE0 || second >= 0xA0) &&
         (lead != 0xED || second < 0xA0);
}
uint32_t TwoByteCodePoint(uint32_t lead, uint32_t last) { return (lead & 0x1F) << 6 | (last & 0x3F); }
uint32_t ThreeByteCodePoint(uint32_t lead, uint32_t second, uint32_t last) {
  return (lead & 0x0F) << 12 | (second & 0x3F) << 6 | (last & 0x3F);
}

}  // namespace

// Well-formed two- and three-byte sequences (Latin accents, Devanagari, ⟦⟧,
// quotes: nearly all non-ASCII text here) are decoded inline: U8_NEXT's and
// U8_PREV's checks cost several times more. The rest, broken sequences
// included, goes to them.
uint32_t MultiByteCodePointAt(std::string_view text, size_t pos, size_t* length) {
  uint32_t lead = ByteAt(text, pos);
  if (IsTwoByteLead(lead) && pos + 1 < text.size() && IsContinuation(ByteAt(text, pos + 1))) {
    *length = 2;
    return TwoByteCodePoint(lead, ByteAt(text, pos + 1));
  }
  if (pos + 2 < text.size() && StartsThreeBytes(lead, ByteAt(text, pos + 1)) && IsContinuation(ByteAt(text, pos + 2))) {
    *length = 3;
    return ThreeByteCodePoint(lead, ByteAt(text, pos + 1), ByteAt(text, pos + 2));
  }
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(i) - pos;
  return c < 0 ? 0xFFFD : static_cast<uint32_t>(c);
}

uint32_t MultiByteCodePointBefore(std::string_view text, size_t pos) {
  if (pos >= 2 && IsContinuation(ByteAt(text, pos - 1))) {
    uint32_t last = ByteAt(text, pos - 1);
    if (IsTwoByteLead(ByteAt(text, pos - 2))) return TwoByteCodePoint(ByteAt(text, pos - 2), last);
    if (pos >= 3 && StartsThreeBytes(ByteAt(text, pos - 3), ByteAt(text, pos - 2))) {
      return ThreeByteCodePoint(ByteAt(text, pos - 3), ByteAt(text, pos - 2), last);
    }
  }
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c < 0 ? 0xFFFD : static_cast<uint32_t>(c);
}

namespace {

// The Devanagari nukta (U+093C): writers put it on some letters and leave
// it off others ("ख़रीद", "खरीद"; NFC keeps it a separate mark), so the view
// drops it and one spelling of a word or name matches both. Outputs are cut
// from the source text, which keeps it.
constexpr uint32_t kNukta = 0x093C;

// Folds the ASCII run of `source` that starts at `pos` (most of any text
// here) a run at a time, not a code point at a time; returns where it ends.
size_t FoldAsciiRun(std::string_view source, size_t pos, std::string* text, std::vector<uint32_t>* origin) {
  size_t end = pos;
  while (end < source.size() && ByteAt(source, end) < 0x80) ++end;
  if (end == pos) return pos;
  size_t from = text->size();
  text->append(source.substr(pos, end - pos));
  for (size_t i = from; i < text->size(); ++i) {
    char& c = (*text)[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  if (origin != nullptr) {
    size_t first = origin->size();
    origin->resize(first + (end - pos));
    std::iota(origin->begin() + static_cast<long>(first), origin->end(), static_cast<uint32_t>(pos));
  }
  return end;
}

// Appends the folded `source` to `text` and, when `origin` is given, the
// source byte of each byte appended.
void Fold(std::string_view source, std::string* text, std::vector<uint32_t>* origin) {
  text->reserve(text->size() + source.size());
  size_t pos = 0;
  while (pos < source.size()) {
    pos = FoldAsciiRun(source, pos, text, origin);
    if (pos >= source.size()) break;
    size_t length = 1;
    uint32_t c = CodePointAt(source, pos, &length);
    if (c == kNukta) {
      pos += length;
      continue;
    }
    size_t appended_from = text->size();
    AppendUtf8(text, FoldCodePoint(c));
    if (origin != nullptr) {  // push_back, not resize: this runs for every byte
      for (size_t i = appended_from; i < text->size(); ++i) origin->push_back(static_cast<uint32_t>(pos));
    }
    pos += length;
  }
}

}  // namespace

TextView MakeView(std::string_view source) {
  TextView view;
  view.source = source;
  view.origin.reserve(source.size() + 1);
  Fold(source, &view.text, &view.origin);
  view.origin.push_back(static_cast<uint32_t>(source.size()));
  return view;
}

std::string FoldText(std::string_view nfc_text) {
  std::string folded;
  Fold(nfc_text, &folded, nullptr);
  return folded;
}

std::string FoldPhrase(std::string_view phrase) { return FoldText(ToNfc(phrase)); }

std::string FoldNukta(std::string_view nfc_text) {
  static const std::string nukta = "\xE0\xA4\xBC";  // U+093C in UTF-8
  std::string out(nfc_text);
  for (size_t pos = out.find(nukta); pos != std::string::npos; pos = out.find(nukta, pos)) out.erase(pos, nukta.size());
  return out;
}

bool IsNonAsciiWordCodePoint(uint32_t c) {
  int32_t mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0;
}

bool IsNonAsciiUpperCodePoint(uint32_t c) {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsSpaceAt(std::string_view text, size_t pos) {
  return pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r');
}

size_t SkipSpaces(std::string_view text, size_t pos) {
  while (IsSpaceAt(text, pos)) ++pos;
  return pos;
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ++words;
  }
  return words;
}

size_t FindText(std::string_view text, std::string_view needle, size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const void* found = ::memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return found == nullptr ? std::string_view::npos : static_cast<size_t>(static_cast<const char*>(found) - text.data());
}

}  // namespace kg::ingest
