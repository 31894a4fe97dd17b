#include "ingest/phrase_table.h"

#include <algorithm>

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
  size_t length = 1;
  uint64_t first = CodePointAt(text, pos, &length);
  if (pos + length >= text.size()) return first << 32;
  size_t second_length = 1;
  return (first << 32) | CodePointAt(text, pos + length, &second_length);
}

}  // namespace

void PhraseTable::Add(const std::string& written, std::string value, std::string extra) {
  Phrase phrase{written, FoldPhrase(written), std::move(value), std::move(extra)};
  if (phrase.folded.empty()) return;
  phrase.ends_in_word = IsWordCharBefore(phrase.folded, phrase.folded.size());
  size_t length = 1;
  phrase.capitalised = IsUpperCodePoint(CodePointAt(written, 0, &length));
  phrase.acronym = phrase.capitalised && IsAcronym(written);
  uint64_t key = StartKey(phrase.folded, 0);
  first_pairs_.Add(phrase.folded);
  phrases_.push_back(std::move(phrase));
  size_t index = phrases_.size() - 1;
  auto& bucket = by_start_[key];
  bucket.push_back(index);
  std::stable_sort(bucket.begin(), bucket.end(),
                   [this](size_t a, size_t b) { return phrases_[a].folded.size() > phrases_[b].folded.size(); });
  exact_.emplace(phrases_[index].folded, index);
}

bool PhraseTable::CaseFits(const Phrase& phrase, const TextView& view, size_t pos, size_t end) {
  if (!phrase.capitalised) return true;
  std::string_view source = view.source.substr(view.origin[pos], view.origin[end] - view.origin[pos]);
  if (phrase.acronym) return source == phrase.written;
  size_t length = 1;
  return IsUpperCodePoint(CodePointAt(source, 0, &length));
}

const Phrase* PhraseTable::Match(const TextView& view, size_t pos, size_t* end, bool glued_ok) const {
  if (pos >= view.text.size() || !first_pairs_.MayStartAt(view.text, pos)) return nullptr;
  // Phrases of two or more code points first: they are the longer ones.
  uint64_t two = StartKey(view.text, pos);
  for (uint64_t key : {two, two & ~uint64_t{0xFFFFFFFF}}) {
    if (const Phrase* phrase = MatchBucket(key, view, pos, end, glued_ok)) return phrase;
  }
  return nullptr;
}

const Phrase* PhraseTable::MatchBucket(uint64_t key, const TextView& view, size_t pos, size_t* end, bool glued_ok) const {
  auto bucket = by_start_.find(key);
  if (bucket == by_start_.end()) return nullptr;
  for (size_t index : bucket->second) {
    const Phrase& phrase = phrases_[index];
    if (view.text.compare(pos, phrase.folded.size(), phrase.folded) != 0) continue;
    size_t stop = pos + phrase.folded.size();
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
