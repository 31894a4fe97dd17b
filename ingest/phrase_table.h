// PhraseTable: the phrases of one kind in the rule data (currency words,
// scale words, aliases of entities...), matched longest first at a position
// of a TextView. A phrase written with a capital initial in the data only
// matches a capitalised word ("May" the month, not "may"); a short acronym
// ("US", "FT") only matches exactly as written.
#ifndef KG_INGEST_PHRASE_TABLE_H_
#define KG_INGEST_PHRASE_TABLE_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/byte_pairs.h"
#include "ingest/text_view.h"

namespace kg::ingest {

struct Phrase {
  std::string written;  // as the data file writes it
  std::string folded;   // as it appears in a TextView
  std::string value;    // what it means (an ISO code, an exponent, an entity id)
  std::string extra;    // a second field (entity type, position)
  // Read from `written` and `folded` once, when the phrase is added.
  bool ends_in_word = false;  // must not be followed by a word character
  bool capitalised = false;   // matches only capitalised text
  bool acronym = false;       // matches only exactly as written
};

class PhraseTable {
 public:
  struct Entry {
    std::string written, value, extra;
  };
  void Add(const std::string& written, std::string value, std::string extra = "");
  // The same for many phrases, in order, laying the table out once: Add
  // lays it out anew each time, which for ~5,000 gazetteer names made the
  // load quadratic.
  void AddAll(std::vector<Entry> entries);

  // The longest phrase that starts exactly at `pos` of the view and ends at
  // a word boundary (or anywhere when `glued_ok`), or nullptr. `*end` is
  // set to the view position after it.
  // Inline up to the first-bytes test, which most positions fail: a call
  // each was a fifth of the tables' cost.
  const Phrase* Match(const TextView& view, size_t pos, size_t* end, bool glued_ok = false) const {
    if (pos >= view.text.size() || !first_pairs_.MayStartAt(view.text, pos)) return nullptr;
    return MatchAt(view, pos, end, glued_ok);
  }
  // The phrase whose folded form is exactly `folded`, or nullptr.
  const Phrase* Find(const std::string& folded) const;

  bool empty() const { return phrases_.empty(); }
  const std::vector<Phrase>& phrases() const { return phrases_; }

 private:
  static bool CaseFits(const Phrase& phrase, const TextView& view, size_t pos, size_t end);
  // Match past the first-bytes test.
  const Phrase* MatchAt(const TextView& view, size_t pos, size_t* end, bool glued_ok) const;
  // Adds the phrase to phrases_, by_start_ and exact_ (not yet to slots_).
  void Insert(const std::string& written, std::string value, std::string extra);
  const Phrase* MatchBucket(uint64_t key, const TextView& view, size_t pos, size_t* end, bool glued_ok) const;
  // Lays by_start_ out flat in slots_ and bucket_phrases_ (after each Add).
  void Reindex();
  std::vector<Phrase> phrases_;
  // By the first two code points (the second 0 for one-code-point phrases), longest first.
  std::unordered_map<uint64_t, std::vector<size_t>> by_start_;
  // The same for matching, where a hash map's scattered nodes cost a cache
  // miss each: open addressing over a power-of-two array of slots, each
  // naming its bucket's run of candidates in bucket_phrases_.
  struct Slot {
    uint64_t key = kNoKey;
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  static constexpr uint64_t kNoKey = UINT64_MAX;  // no key: code points have 21 bits
  std::vector<Slot> slots_;
  // A phrase of a bucket with its first bytes inline: with ~1,100 entities
  // in three scripts, buckets hold many phrases that share their first two
  // code points, and most differ from the text within eight bytes; they
  // are passed over without reading the phrase or calling memcmp.
  struct Candidate {
    uint64_t head = 0;  // the folded phrase's first bytes (up to kHeadBytes), zero-padded
    uint64_t mask = 0;  // 0xFF for each byte of `head` the phrase has
    uint32_t index = 0;  // into phrases_
    uint32_t size = 0;   // of the folded phrase
  };
  static constexpr size_t kHeadBytes = sizeof(uint64_t);
  std::vector<Candidate> bucket_phrases_;
  std::unordered_map<std::string, size_t> exact_;
  bool has_single_code_point_ = false;  // a phrase of one code point ("$", "%")
  FirstBytePairs first_pairs_;  // most positions fail this test before any hashing
};

}  // namespace kg::ingest

#endif  // KG_INGEST_PHRASE_TABLE_H_
