// Byte encodings of the store's keys and values (docs/storage.md).
//
// Every key component either has a fixed width (8-byte big-endian ids) or is
// self-delimiting, so that concatenated keys compare component by component
// and a key prefix never matches a longer, different component. Quantities
// and times are encoded so that byte order equals value order.
#ifndef KG_STORAGE_ENCODING_H_
#define KG_STORAGE_ENCODING_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "kg/model.h"
#include "kg/status.h"

namespace kg::storage {

using TermId = uint64_t;

// The kind sits in an id's top byte, so ids of one kind are contiguous.
inline constexpr int kKindShift = 56;
inline constexpr TermId kNoTime = 0;  // the `when` of a claim without one

inline TermKind KindOfId(TermId id) { return static_cast<TermKind>(id >> kKindShift); }
inline TermId MakeId(TermKind kind, uint64_t sequence) {
  return (static_cast<TermId>(kind) << kKindShift) | sequence;
}

// Fixed-width big-endian integers.
// Inline, one byte swap and one append: keys are built of these (a bulk
// load puts several per statement), and the out-of-line byte loop was ~3%
// of a load's time. The readers likewise: every index key a query reads
// goes through GetBig64 (a call with a loop of shifts, it was 6% of a
// join's instructions).
inline void PutBig64(std::string* out, uint64_t value) {
  if constexpr (std::endian::native == std::endian::little) value = __builtin_bswap64(value);
  out->append(reinterpret_cast<const char*>(&value), sizeof(value));
}
inline void PutBig32(std::string* out, uint32_t value) {
  if constexpr (std::endian::native == std::endian::little) value = __builtin_bswap32(value);
  out->append(reinterpret_cast<const char*>(&value), sizeof(value));
}
inline void SetBig64(char* at, uint64_t value) {  // writes at[0..8)
  if constexpr (std::endian::native == std::endian::little) value = __builtin_bswap64(value);
  std::memcpy(at, &value, sizeof(value));
}
inline uint64_t GetBig64(std::string_view in) {  // reads in[0..8)
  uint64_t value = 0;
  std::memcpy(&value, in.data(), sizeof(value));
  if constexpr (std::endian::native == std::endian::little) value = __builtin_bswap64(value);
  return value;
}
inline uint32_t GetBig32(std::string_view in) {  // reads in[0..4)
  uint32_t value = 0;
  std::memcpy(&value, in.data(), sizeof(value));
  if constexpr (std::endian::native == std::endian::little) value = __builtin_bswap32(value);
  return value;
}

// Length-prefixed strings and varints for values (not keys).
void PutVarint(std::string* out, uint64_t value);
void PutString(std::string* out, std::string_view value);
bool GetVarint(std::string_view* in, uint64_t* value);
bool GetString(std::string_view* in, std::string* value);

// Order-preserving, self-delimiting string encoding for keys: 0x00 becomes
// 00 FF and the string ends with 00 01.
void PutOrderedString(std::string* out, std::string_view value);
bool GetOrderedString(std::string_view* in, std::string* value);

// Decimals. Canonical form: optional '-', no leading zeros, no trailing zeros
// after a point, no point without a fraction, "0" for zero ("1.50" -> "1.5",
// "007" -> "7", "-0" -> "0"). Nullopt when `text` is not a plain decimal.
std::optional<std::string> CanonicalDecimal(std::string_view text);
// Order-preserving, self-delimiting encoding of a canonical decimal.
void PutOrderedDecimal(std::string* out, std::string_view canonical);
bool GetOrderedDecimal(std::string_view* in, std::string* canonical);

// Times "YYYY", "YYYY-MM", "YYYY-MM-DD" as ids that sort by time, a coarser
// time before the finer ones it contains (2025 < 2025-01 < 2025-01-01).
std::optional<TermId> TimeId(std::string_view iso);
std::string TimeString(TermId id);

// A term in canonical form (NFC names, canonical decimals, checked times),
// or InvalidArgument naming what is wrong. The bound is kept. By value: a
// caller that passes a temporary has its strings moved, not copied.
Result<Term> CanonicalTerm(Term term);
// CanonicalTerm in place; InvalidArgument leaves `*term` half made.
Status MakeCanonical(Term* term);

// The dictionary key of a canonical term: kind byte, then for entities and
// predicates the name, for texts the ordered lang then the text, for
// quantities the ordered unit then the ordered decimal, for times the id.
std::string TermValueKey(const Term& canonical);

// A term as stored in the id -> term direction.
std::string EncodeTerm(const Term& canonical);
// EncodeTerm appended to `out` (no string of its own).
void AppendEncodedTerm(std::string* out, const Term& canonical);
bool DecodeTerm(std::string_view in, Term* term);

// The object component of claim keys: a quantity is its value key (so a
// predicate's quantities sort by unit, then value); any other term is its id.
std::string ObjectKeyForQuantity(const Term& canonical);
std::string ObjectKeyForId(TermId id);
// Splits a self-delimiting object component off the front of `in`.
bool SplitObjectKey(std::string_view* in, std::string_view* object_key);
// Decodes a quantity object component back into its term.
bool DecodeQuantityObject(std::string_view object_key, Term* term);

// A claim key: s(8) p(8) O w(8). The index keys are permutations of it.
struct ClaimKeyParts {
  TermId subject = 0;
  TermId predicate = 0;
  std::string object;  // the object component
  TermId when = kNoTime;
};

std::string SpoKey(const ClaimKeyParts& c);
std::string PosKey(const ClaimKeyParts& c);
std::string OspKey(const ClaimKeyParts& c);
std::string WpsKey(const ClaimKeyParts& c);
// The same keys into `*key`, replacing what it held: a bulk load builds
// millions of them in one buffer each instead of allocating every one.
void SetSpoKey(const ClaimKeyParts& c, std::string* key);
void SetPosKey(const ClaimKeyParts& c, std::string* key);
void SetOspKey(const ClaimKeyParts& c, std::string* key);
void SetWpsKey(const ClaimKeyParts& c, std::string* key);
bool ParseSpoKey(std::string_view key, ClaimKeyParts* c);
bool ParsePosKey(std::string_view key, ClaimKeyParts* c);
bool ParseOspKey(std::string_view key, ClaimKeyParts* c);
bool ParseWpsKey(std::string_view key, ClaimKeyParts* c);

// 64-bit FNV-1a: stable across builds, for content fingerprints. A byte at
// a time, so data hashed in pieces hashes as the whole (file content hashes).
uint64_t Fingerprint(std::string_view data, uint64_t seed = 14695981039346656037ULL);

// A fingerprint of a record's fields, added one by one: nothing is encoded
// first, and strings are taken eight bytes a step (FNV-1a's byte loop, on
// an encoded copy, cost ~2.7k instructions per statement on a bulk load's
// one ordered thread). Stable across builds on little-endian machines.
class FieldFingerprint {
 public:
  explicit FieldFingerprint(uint64_t seed) : hash_(seed) {}

  void Add(uint64_t number) { hash_ = Step(hash_, number); }
  // With its length, so that fields cannot run into each other.
  void Add(std::string_view bytes) {
    hash_ = Step(hash_, bytes.size());
    const char* at = bytes.data();
    size_t left = bytes.size();
    for (; left >= 8; at += 8, left -= 8) {
      uint64_t word;
      std::memcpy(&word, at, 8);
      hash_ = Step(hash_, word);
    }
    if (left == 0) return;
    uint64_t tail = 0;
    std::memcpy(&tail, at, left);
    hash_ = Step(hash_, tail);
  }

  uint64_t value() const { return hash_; }

 private:
  static uint64_t Step(uint64_t hash, uint64_t word) {
    hash = (hash ^ word) * 0x9E3779B97F4A7C15ULL;  // odd: 2^64 / golden ratio
    return hash ^ (hash >> 29);  // the high bits, which saw every input bit, fold back down
  }

  uint64_t hash_;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_ENCODING_H_
