// The first two bytes of a set of words: a cheap test that rejects most
// text positions where none of the words can start, before any hashing or
// trie walking. A one-byte word admits any byte after it.
#ifndef KG_INGEST_BYTE_PAIRS_H_
#define KG_INGEST_BYTE_PAIRS_H_

#include <bitset>
#include <cstddef>
#include <string_view>

namespace kg::ingest {

class FirstBytePairs {
 public:
  void Add(std::string_view word) {
    if (word.empty()) return;
    const size_t first = Byte(word, 0) * 256;
    if (word.size() > 1) {
      pairs_.set(first + Byte(word, 1));
      return;
    }
    for (size_t second = 0; second < 256; ++second) pairs_.set(first + second);
  }

  // Whether one of the words may start at `pos` (< text.size()) of `text`.
  bool MayStartAt(std::string_view text, size_t pos) const {
    return pairs_[Byte(text, pos) * 256 + (pos + 1 < text.size() ? Byte(text, pos + 1) : 0)];
  }

 private:
  static size_t Byte(std::string_view text, size_t pos) { return static_cast<unsigned char>(text[pos]); }
  std::bitset<256 * 256> pairs_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_BYTE_PAIRS_H_
