// A matching view of a piece of UTF-8 text: lower-cased, Devanagari digits
// as ASCII, no Devanagari nukta, typographic apostrophes and quotes unified, no-break spaces as
// spaces. Every byte of the view remembers the byte of the source it came
// from, so whatever is found in the view maps back to exact source spans.
#ifndef KG_INGEST_TEXT_VIEW_H_
#define KG_INGEST_TEXT_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::ingest {

struct TextView {
  std::string text;              // the folded text
  std::vector<uint32_t> origin;  // origin[i]: source byte of text[i]; one extra entry at the end
  std::string_view source;       // the text the view was made from

  size_t SourceOffset(size_t view_pos) const { return origin[view_pos]; }
};

TextView MakeView(std::string_view source);

// The folded text of MakeView alone, for text already in NFC.
std::string FoldText(std::string_view nfc_text);
// Folds a phrase of the rule data (any normalisation) the way MakeView folds text.
std::string FoldPhrase(std::string_view phrase);
// Drops the Devanagari nukta as MakeView does, and nothing else: for rule
// patterns, whose case and escapes must stay as written.
std::string FoldNukta(std::string_view nfc_text);

// The non-ASCII cases of the functions below, which are inline because
// they run on nearly every byte of the text and most bytes are ASCII.
uint32_t MultiByteCodePointAt(std::string_view text, size_t pos, size_t* length);
uint32_t MultiByteCodePointBefore(std::string_view text, size_t pos);
bool IsNonAsciiWordCodePoint(uint32_t c);
bool IsNonAsciiUpperCodePoint(uint32_t c);

// Code point at `pos` (U+FFFD on a broken sequence) and its length in bytes.
inline uint32_t CodePointAt(std::string_view text, size_t pos, size_t* length) {
  auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    *length = 1;
    return byte;
  }
  return MultiByteCodePointAt(text, pos, length);
}
// The code point that ends just before `pos`, or 0 at the start.
inline uint32_t CodePointBefore(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  auto byte = static_cast<unsigned char>(text[pos - 1]);
  return byte < 0x80 ? byte : MultiByteCodePointBefore(text, pos);
}

// Where the code point after the one at `pos` starts (past its continuation bytes).
inline size_t NextCodePointStart(std::string_view text, size_t pos) {
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

// Letters, digits and combining marks make up words (Devanagari vowel signs
// are marks, so a Hindi word is one run).
inline bool IsWordCodePoint(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return IsNonAsciiWordCodePoint(c);
}
inline bool IsWordCharAt(std::string_view text, size_t pos) {
  size_t length = 0;
  return pos < text.size() && IsWordCodePoint(CodePointAt(text, pos, &length));
}
inline bool IsWordCharBefore(std::string_view text, size_t pos) { return IsWordCodePoint(CodePointBefore(text, pos)); }
// Upper or title case (the tagger asks this of every letter of the text).
inline bool IsUpperCodePoint(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return IsNonAsciiUpperCodePoint(c);
}
bool IsSpaceAt(std::string_view text, size_t pos);
size_t SkipSpaces(std::string_view text, size_t pos);

// Where `needle` next occurs in `text` at or after `from`, or npos: as
// std::string::find, but with memmem, which does not stop at every byte
// equal to the needle's first (in Devanagari text every other byte is 0xE0).
size_t FindText(std::string_view text, std::string_view needle, size_t from = 0);

// How many words (runs of characters other than spaces) `text` holds.
size_t CountWords(std::string_view text);

}  // namespace kg::ingest

#endif  // KG_INGEST_TEXT_VIEW_H_
