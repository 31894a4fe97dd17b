#include "storage/encoding.h"

#include <cstring>

#include "storage/normalize.h"

namespace kg::storage {

void PutVarint(std::string* out, uint64_t value) {
  // Built aside and appended once: a push_back per byte, each checking the
  // capacity, was most of encoding a mention or a fingerprinted statement.
  char bytes[10];
  size_t size = 0;
  while (value >= 0x80) {
    bytes[size++] = static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  bytes[size++] = static_cast<char>(value);
  out->append(bytes, size);
}

void PutString(std::string* out, std::string_view value) {
  PutVarint(out, value.size());
  out->append(value);
}

bool GetVarint(std::string_view* in, uint64_t* value) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    auto byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      return true;
    }
  }
  return false;
}

bool GetString(std::string_view* in, std::string* value) {
  uint64_t size = 0;
  // Most strings are shorter than 128 bytes: their length is one byte.
  if (!in->empty() && static_cast<uint8_t>(in->front()) < 0x80) {
    size = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
  } else if (!GetVarint(in, &size)) {
    return false;
  }
  if (size > in->size()) return false;
  // clear + append: cheaper than assign (_M_replace guards against the
  // source overlapping the string), and the buffer is kept.
  value->clear();
  if (size > 0) value->append(in->data(), size);
  in->remove_prefix(size);
  return true;
}

void PutOrderedString(std::string* out, std::string_view value) {
  // Runs up to each 0x00 at once (a push_back per byte was the cost).
  for (size_t zero; (zero = value.find('\0')) != std::string_view::npos; value.remove_prefix(zero + 1)) {
    out->append(value.data(), zero + 1);
    out->push_back('\xff');
  }
  out->append(value);
  out->append("\0\x01", 2);
}

bool GetOrderedString(std::string_view* in, std::string* value) {
  value->clear();
  for (size_t i = 0; i + 1 < in->size(); ++i) {
    char c = (*in)[i];
    if (c != '\0') {
      value->push_back(c);
      continue;
    }
    char next = (*in)[i + 1];
    if (next == '\x01') {
      in->remove_prefix(i + 2);
      return true;
    }
    if (next != '\xff') return false;
    value->push_back('\0');
    ++i;
  }
  return false;
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A canonical decimal as sign, significant digits and exponent E, so that
// the value is 0.d1d2...dn x 10^E.
struct DecimalParts {
  bool negative = false;
  std::string digits;  // empty for zero
  int32_t exponent = 0;
};

DecimalParts SplitDecimal(std::string_view canonical) {
  DecimalParts parts;
  if (!canonical.empty() && canonical[0] == '-') {
    parts.negative = true;
    canonical.remove_prefix(1);
  }
  size_t point = canonical.find('.');
  std::string_view whole = canonical.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? "" : canonical.substr(point + 1);
  if (whole != "0") {
    parts.exponent = static_cast<int32_t>(whole.size());
    parts.digits = std::string(whole) + std::string(fraction);
  } else {
    size_t zeros = fraction.find_first_not_of('0');
    if (zeros == std::string_view::npos) return parts;  // zero
    parts.exponent = -static_cast<int32_t>(zeros);
    parts.digits = std::string(fraction.substr(zeros));
  }
  while (!parts.digits.empty() && parts.digits.back() == '0') parts.digits.pop_back();
  return parts;
}

std::string JoinDecimal(const DecimalParts& parts) {
  if (parts.digits.empty()) return "0";
  std::string out = parts.negative ? "-" : "";
  const auto digits = static_cast<int32_t>(parts.digits.size());
  if (parts.exponent <= 0) {
    out += "0." + std::string(static_cast<size_t>(-parts.exponent), '0') + parts.digits;
  } else if (parts.exponent >= digits) {
    out += parts.digits + std::string(static_cast<size_t>(parts.exponent - digits), '0');
  } else {
    out += parts.digits.substr(0, parts.exponent) + "." + parts.digits.substr(parts.exponent);
  }
  return out;
}

constexpr char kNegativeMark = '\x40';
constexpr char kZeroMark = '\x80';
constexpr char kPositiveMark = '\xc0';

}  // namespace

std::optional<std::string> CanonicalDecimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? "" : text.substr(point + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (point != std::string_view::npos && fraction.empty()) return std::nullopt;  // "3."
  for (char c : whole) if (!IsDigit(c)) return std::nullopt;
  for (char c : fraction) if (!IsDigit(c)) return std::nullopt;
  while (whole.size() > 1 && whole[0] == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  std::string out(whole.empty() ? "0" : whole);
  if (!fraction.empty()) out += "." + std::string(fraction);
  if (out == "0") return out;
  return (negative ? "-" : "") + out;
}

void PutOrderedDecimal(std::string* out, std::string_view canonical) {
  DecimalParts parts = SplitDecimal(canonical);
  if (parts.digits.empty()) {
    out->push_back(kZeroMark);
    return;
  }
  // Larger exponents mean larger magnitudes; for negatives everything is
  // complemented so that larger magnitudes sort first.
  uint32_t biased = static_cast<uint32_t>(parts.exponent) ^ 0x80000000u;
  out->push_back(parts.negative ? kNegativeMark : kPositiveMark);
  PutBig32(out, parts.negative ? ~biased : biased);
  for (char d : parts.digits) {
    int digit = d - '0';
    out->push_back(static_cast<char>(parts.negative ? 11 - digit : digit + 1));
  }
  out->push_back(parts.negative ? '\xff' : '\0');
}

bool GetOrderedDecimal(std::string_view* in, std::string* canonical) {
  if (in->empty()) return false;
  char mark = in->front();
  in->remove_prefix(1);
  if (mark == kZeroMark) {
    *canonical = "0";
    return true;
  }
  if ((mark != kNegativeMark && mark != kPositiveMark) || in->size() < 5) return false;
  DecimalParts parts;
  parts.negative = mark == kNegativeMark;
  uint32_t biased = GetBig32(*in);
  if (parts.negative) biased = ~biased;
  parts.exponent = static_cast<int32_t>(biased ^ 0x80000000u);
  in->remove_prefix(4);
  const char end = parts.negative ? '\xff' : '\0';
  while (!in->empty() && in->front() != end) {
    int byte = static_cast<uint8_t>(in->front());
    int digit = parts.negative ? 11 - byte : byte - 1;
    if (digit < 0 || digit > 9) return false;
    parts.digits.push_back(static_cast<char>('0' + digit));
    in->remove_prefix(1);
  }
  if (in->empty() || parts.digits.empty()) return false;
  in->remove_prefix(1);
  *canonical = JoinDecimal(parts);
  return true;
}

namespace {

bool ParseNumber(std::string_view text, size_t digits, int* value) {
  if (text.size() != digits) return false;
  *value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return false;
    *value = *value * 10 + (c - '0');
  }
  return true;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<TermId> TimeId(std::string_view iso) {
  int year = 0, month = 0, day = 0;
  if (!ParseNumber(iso.substr(0, 4), 4, &year)) return std::nullopt;
  if (iso.size() > 4) {
    if (iso.size() < 7 || iso[4] != '-' || !ParseNumber(iso.substr(5, 2), 2, &month)) return std::nullopt;
    if (month < 1 || month > 12) return std::nullopt;
  }
  if (iso.size() > 7) {
    if (iso.size() != 10 || iso[7] != '-' || !ParseNumber(iso.substr(8, 2), 2, &day)) return std::nullopt;
    if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  }
  uint64_t code = (static_cast<uint64_t>(year) << 16) | (static_cast<uint64_t>(month) << 8) | day;
  return MakeId(TermKind::kTime, code);
}

std::string TimeString(TermId id) {
  if (id == kNoTime) return "";
  const auto year = static_cast<unsigned>((id >> 16) & 0xffff);
  const auto month = static_cast<unsigned>((id >> 8) & 0xff);
  const auto day = static_cast<unsigned>(id & 0xff);
  char buffer[16];
  if (month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04u", year);
  } else if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04u-%02u", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", year, month, day);
  }
  return buffer;
}

Status MakeCanonical(Term* in_place) {
  Term& term = *in_place;
  switch (term.kind) {
    case TermKind::kEntity:
    case TermKind::kPredicate:
      MakeNfc(&term.value);
      term.unit.clear();
      term.lang.clear();
      if (term.value.empty()) return Status::InvalidArgument("empty entity or predicate name");
      break;
    case TermKind::kQuantity: {
      auto decimal = CanonicalDecimal(term.value);
      if (!decimal) return Status::InvalidArgument("not a plain decimal: \"" + term.value + "\"");
      if (term.unit.empty()) return Status::InvalidArgument("quantity " + term.value + " has no unit");
      term.value = std::move(*decimal);
      MakeNfc(&term.unit);
      term.lang.clear();
      break;
    }
    case TermKind::kTime:
      if (!TimeId(term.value)) return Status::InvalidArgument("not a time (YYYY, YYYY-MM or YYYY-MM-DD): \"" + term.value + "\"");
      term.unit.clear();
      term.lang.clear();
      break;
    case TermKind::kText:
      MakeNfc(&term.value);
      term.unit.clear();
      break;
    default:
      return Status::InvalidArgument("unknown term kind " + std::to_string(static_cast<int>(term.kind)));
  }
  if (term.kind != TermKind::kQuantity) term.bound = Bound::kExact;
  return Status::OK();
}

Result<Term> CanonicalTerm(Term term) {
  KG_RETURN_IF_ERROR(MakeCanonical(&term));
  return term;  // a parameter: moved out
}

std::string TermValueKey(const Term& canonical) {
  std::string key;
  // Room for the longest form (the ordered strings add a few bytes): one
  // allocation instead of one when the kind byte goes in and another later.
  key.reserve(12 + canonical.value.size() + canonical.unit.size() + canonical.lang.size());
  key.push_back(static_cast<char>(canonical.kind));
  switch (canonical.kind) {
    case TermKind::kQuantity:
      PutOrderedString(&key, canonical.unit);
      PutOrderedDecimal(&key, canonical.value);
      break;
    case TermKind::kTime:
      PutBig64(&key, *TimeId(canonical.value));
      break;
    case TermKind::kText:
      PutOrderedString(&key, canonical.lang);
      key += canonical.value;
      break;
    default:
      key += canonical.value;
  }
  return key;
}

std::string EncodeTerm(const Term& canonical) {
  std::string out;
  // Room for the three strings and their lengths: growing as they come
  // reallocated up to three times per term.
  out.reserve(16 + canonical.value.size() + canonical.unit.size() + canonical.lang.size());
  AppendEncodedTerm(&out, canonical);
  return out;
}

void AppendEncodedTerm(std::string* out, const Term& canonical) {
  out->push_back(static_cast<char>(canonical.kind));
  PutString(out, canonical.value);
  PutString(out, canonical.unit);
  PutString(out, canonical.lang);
}

bool DecodeTerm(std::string_view in, Term* term) {
  if (in.empty()) return false;
  auto kind = static_cast<uint8_t>(in.front());
  if (kind < 1 || kind > 5) return false;
  in.remove_prefix(1);
  // Every field is assigned (no `*term = Term{}` first): a caller's term
  // keeps its strings' buffers, and decoding into it allocates nothing.
  term->kind = static_cast<TermKind>(kind);
  term->bound = Bound::kExact;
  return GetString(&in, &term->value) && GetString(&in, &term->unit) && GetString(&in, &term->lang) && in.empty();
}

std::string ObjectKeyForQuantity(const Term& canonical) { return TermValueKey(canonical); }

std::string ObjectKeyForId(TermId id) {
  std::string key;
  PutBig64(&key, id);
  return key;
}

bool SplitObjectKey(std::string_view* in, std::string_view* object_key) {
  if (in->empty()) return false;
  if (static_cast<TermKind>(in->front()) != TermKind::kQuantity) {
    if (in->size() < 8) return false;
    *object_key = in->substr(0, 8);
    in->remove_prefix(8);
    return true;
  }
  std::string_view rest = in->substr(1);
  std::string unit, decimal;
  if (!GetOrderedString(&rest, &unit) || !GetOrderedDecimal(&rest, &decimal)) return false;
  size_t used = in->size() - rest.size();
  *object_key = in->substr(0, used);
  in->remove_prefix(used);
  return true;
}

bool DecodeQuantityObject(std::string_view object_key, Term* term) {
  if (object_key.empty() || static_cast<TermKind>(object_key.front()) != TermKind::kQuantity) return false;
  object_key.remove_prefix(1);
  *term = Term{};
  term->kind = TermKind::kQuantity;
  return GetOrderedString(&object_key, &term->unit) && GetOrderedDecimal(&object_key, &term->value) &&
         object_key.empty();
}

// The bytes of a claim key besides its object: subject, predicate and time
// ids. Keys are built in one allocation (growing them 8 bytes at a time
// reallocated twice per key).
constexpr size_t kClaimKeyIds = 24;

void SetSpoKey(const ClaimKeyParts& c, std::string* key) {
  key->clear();
  key->reserve(kClaimKeyIds + c.object.size());
  PutBig64(key, c.subject);
  PutBig64(key, c.predicate);
  key->append(c.object);
  PutBig64(key, c.when);
}

void SetPosKey(const ClaimKeyParts& c, std::string* key) {
  key->clear();
  key->reserve(kClaimKeyIds + c.object.size());
  PutBig64(key, c.predicate);
  key->append(c.object);
  PutBig64(key, c.subject);
  PutBig64(key, c.when);
}

void SetOspKey(const ClaimKeyParts& c, std::string* key) {
  key->clear();
  key->reserve(kClaimKeyIds + c.object.size());
  key->append(c.object);
  PutBig64(key, c.subject);
  PutBig64(key, c.predicate);
  PutBig64(key, c.when);
}

void SetWpsKey(const ClaimKeyParts& c, std::string* key) {
  key->clear();
  key->reserve(kClaimKeyIds + c.object.size());
  PutBig64(key, c.when);
  PutBig64(key, c.predicate);
  PutBig64(key, c.subject);
  key->append(c.object);
}

namespace {

std::string Built(void (*set)(const ClaimKeyParts&, std::string*), const ClaimKeyParts& c) {
  std::string key;
  set(c, &key);
  return key;
}

}  // namespace

std::string SpoKey(const ClaimKeyParts& c) { return Built(SetSpoKey, c); }
std::string PosKey(const ClaimKeyParts& c) { return Built(SetPosKey, c); }
std::string OspKey(const ClaimKeyParts& c) { return Built(SetOspKey, c); }
std::string WpsKey(const ClaimKeyParts& c) { return Built(SetWpsKey, c); }

namespace {
bool TakeId(std::string_view* in, TermId* id) {
  if (in->size() < 8) return false;
  *id = GetBig64(*in);
  in->remove_prefix(8);
  return true;
}

bool TakeObject(std::string_view* in, std::string* object) {
  std::string_view part;
  if (!SplitObjectKey(in, &part)) return false;
  object->assign(part);
  return true;
}
}  // namespace

bool ParseSpoKey(std::string_view key, ClaimKeyParts* c) {
  return TakeId(&key, &c->subject) && TakeId(&key, &c->predicate) && TakeObject(&key, &c->object) &&
         TakeId(&key, &c->when) && key.empty();
}

bool ParsePosKey(std::string_view key, ClaimKeyParts* c) {
  return TakeId(&key, &c->predicate) && TakeObject(&key, &c->object) && TakeId(&key, &c->subject) &&
         TakeId(&key, &c->when) && key.empty();
}

bool ParseOspKey(std::string_view key, ClaimKeyParts* c) {
  return TakeObject(&key, &c->object) && TakeId(&key, &c->subject) && TakeId(&key, &c->predicate) &&
         TakeId(&key, &c->when) && key.empty();
}

bool ParseWpsKey(std::string_view key, ClaimKeyParts* c) {
  return TakeId(&key, &c->when) && TakeId(&key, &c->predicate) && TakeId(&key, &c->subject) &&
         TakeObject(&key, &c->object) && key.empty();
}

uint64_t Fingerprint(std::string_view data, uint64_t seed) {
  uint64_t hash = seed;
  for (char c : data) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace kg::storage
