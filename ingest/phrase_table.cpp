#include "ingest/phrase_table.h"

#include <algorithm>
#include <cstring>

namespace kg::ingest {

namespace {

bool IsAcronym(const std::string& written) {
  size_t upper = 0;
  size_t letters = 0;
  size_t pos = 0;
  while (pos < written.size()) {
    size_t length = 1;
    uint32_t c = CodePointAt(written, pos, &length);
    if (IsWordCodePoint(c)) {
      ++letters;
      if (IsUpperCodePoint(c)) ++upper;
    }
    pos += length;
  }
  return letters <= 4 && upper >= 2 && upper == letters;
}

// The bucket key of the text at `pos`: its first two code points (or one).
uint64_t StartKey(std::string_view text, size_t pos) {
  const auto first_byte = static_cast<unsigned char>(text[pos]);
  if (first_byte < 0x80 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) < 0x80) {
    return (uint64_t{first_byte} << 32) | static_cast<unsigned char>(text[pos + 1]);  // two ASCII bytes, the most common
  }
  size_t length = 1;
  uint64_t first = CodePointAt(text, pos, &length);
  if (pos + length >= text.size()) return first << 32;
  size_t second_length = 1;
  return (first << 32) | CodePointAt(text, pos + length, &second_length);
}

// The home slot of `key` in a table of `size` slots (a power of two).
size_t SlotOf(uint64_t key, size_t size) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (size - 1);
}

// Up to eight bytes of `text` from `pos`, zero-padded, as one word.
uint64_t HeadAt(std::string_view text, size_t pos) {
  uint64_t head = 0;
  if (pos + sizeof head <= text.size()) {
    std::memcpy(&head, text.data() + pos, sizeof head);  // one load, where a variable size is a call
  } else {
    std::memcpy(&head, text.data() + pos, text.size() - pos);
  }
  return head;
}

// The mask of the first `bytes` bytes of a word loaded by HeadAt.
uint64_t HeadMask(size_t bytes) {
  if (bytes >= sizeof(uint64_t)) return ~uint64_t{0};
  uint64_t mask = 0;
  std::memset(&mask, 0xFF, bytes);
  return mask;
}

}  // namespace

void PhraseTable::Add(const std::string& written, std::string value, std::string extra) {
  Insert(written, std::move(value), std::move(extra));
  Reindex();
}

void PhraseTable::AddAll(std::vector<Entry> entries) {
  for (Entry& entry : entries) Insert(entry.written, std::move(entry.value), std::move(entry.extra));
  Reindex();
}

void PhraseTable::Insert(const std::string& written, std::string value, std::string extra) {
  Phrase phrase{written, FoldPhrase(written), std::move(value), std::move(extra)};
  if (phrase.folded.empty()) return;
  phrase.ends_in_word = IsWordCharBefore(phrase.folded, phrase.folded.size());
  size_t length = 1;
  phrase.capitalised = IsUpperCodePoint(CodePointAt(written, 0, &length));
  phrase.acronym = phrase.capitalised && IsAcronym(written);
  uint64_t key = StartKey(phrase.folded, 0);
  has_single_code_point_ = has_single_code_point_ || (key & 0xFFFFFFFF) == 0;
  first_pairs_.Add(phrase.folded);
  phrases_.push_back(std::move(phrase));
  size_t index = phrases_.size() - 1;
  auto& bucket = by_start_[key];
  bucket.push_back(index);
  std::stable_sort(bucket.begin(), bucket.end(),
                   [this](size_t a, size_t b) { return phrases_[a].folded.size() > phrases_[b].folded.size(); });
  exact_.emplace(phrases_[index].folded, index);
}

void PhraseTable::Reindex() {
  size_t size = 1;
  while (size < 2 * by_start_.size()) size *= 2;  // at most half full: probes stay short
  slots_.assign(size, Slot{});
  bucket_phrases_.clear();
  for (const auto& [key, bucket] : by_start_) {
    size_t slot = SlotOf(key, size);
    while (slots_[slot].key != kNoKey) slot = (slot + 1) & (size - 1);
    slots_[slot].key = key;
    slots_[slot].begin = static_cast<uint32_t>(bucket_phrases_.size());
    for (size_t index : bucket) {
      const std::string& folded = phrases_[index].folded;
      bucket_phrases_.push_back(Candidate{HeadAt(folded, 0), HeadMask(folded.size()), static_cast<uint32_t>(index),
                                          static_cast<uint32_t>(folded.size())});
    }
    slots_[slot].end = static_cast<uint32_t>(bucket_phrases_.size());
  }
}

bool PhraseTable::CaseFits(const Phrase& phrase, const TextView& view, size_t pos, size_t end) {
  if (!phrase.capitalised) return true;
  std::string_view source = view.source.substr(view.origin[pos], view.origin[end] - view.origin[pos]);
  if (phrase.acronym) return source == phrase.written;
  size_t length = 1;
  return IsUpperCodePoint(CodePointAt(source, 0, &length));
}

const Phrase* PhraseTable::MatchAt(const TextView& view, size_t pos, size_t* end, bool glued_ok) const {
  // Phrases of two or more code points first: they are the longer ones.
  uint64_t two = StartKey(view.text, pos);
  if (const Phrase* phrase = MatchBucket(two, view, pos, end, glued_ok)) return phrase;
  if (!has_single_code_point_) return nullptr;
  return MatchBucket(two & ~uint64_t{0xFFFFFFFF}, view, pos, end, glued_ok);
}

const Phrase* PhraseTable::MatchBucket(uint64_t key, const TextView& view, size_t pos, size_t* end, bool glued_ok) const {
  if (slots_.empty()) return nullptr;
  size_t slot = SlotOf(key, slots_.size());
  while (slots_[slot].key != key) {
    if (slots_[slot].key == kNoKey) return nullptr;
    slot = (slot + 1) & (slots_.size() - 1);
  }
  const uint64_t text_head = HeadAt(view.text, pos);
  for (uint32_t i = slots_[slot].begin; i < slots_[slot].end; ++i) {
    const Candidate& candidate = bucket_phrases_[i];
    size_t stop = pos + candidate.size;
    if ((text_head & candidate.mask) != candidate.head || stop > view.text.size()) continue;
    const Phrase& phrase = phrases_[candidate.index];
    if (candidate.size > kHeadBytes &&
        std::memcmp(view.text.data() + pos + kHeadBytes, phrase.folded.data() + kHeadBytes, candidate.size - kHeadBytes) != 0) {
      continue;
    }
    if (!glued_ok && phrase.ends_in_word && IsWordCharAt(view.text, stop)) continue;
    if (!CaseFits(phrase, view, pos, stop)) continue;
    *end = stop;
    return &phrase;
  }
  return nullptr;
}

const Phrase* PhraseTable::Find(const std::string& folded) const {
  auto it = exact_.find(folded);
  return it == exact_.end() ? nullptr : &phrases_[it->second];
}

}  // namespace kg::ingest
