#include "export/rdf_terms.h"

#include <utility>

#include "storage/encoding.h"

namespace kg::rdf {

Node Node::Iri(std::string iri) {
  Node n;
  n.kind = Kind::kIri;
  n.value = std::move(iri);
  return n;
}

Node Node::Blank(std::string label) {
  Node n;
  n.kind = Kind::kBlank;
  n.value = std::move(label);
  return n;
}

Node Node::Literal(std::string lexical, std::string datatype, std::string lang) {
  Node n;
  n.kind = Kind::kLiteral;
  n.value = std::move(lexical);
  n.datatype = std::move(datatype);
  n.lang = std::move(lang);
  return n;
}

Node Node::TripleTerm(Node subject, Node predicate, Node object) {
  Node n;
  n.kind = Kind::kTripleTerm;
  n.parts = {std::move(subject), std::move(predicate), std::move(object)};
  return n;
}

size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* code_point) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  size_t length;
  char32_t cp;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  static const char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *code_point = cp;
  return length;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void AppendPercent(unsigned char byte, std::string* out) {
  out->push_back('%');
  out->push_back(kHex[byte >> 4]);
  out->push_back(kHex[byte & 0xF]);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// RFC 3987 ipchar minus what we always encode: unreserved, sub-delims, ":" "@".
bool StaysInSegment(char c) {
  if (IsAsciiAlpha(c) || IsAsciiDigit(c)) return true;
  switch (c) {
    case '-': case '.': case '_': case '~':
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=': case ':': case '@':
      return true;
    default:
      return false;
  }
}

// ucschar of RFC 3987: what non-ASCII may appear unencoded in an IRI.
bool IsUcsChar(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xD7FF) return true;
  if (cp >= 0xF900 && cp <= 0xFDCF) return true;
  if (cp >= 0xFDF0 && cp <= 0xFFEF) return true;
  if (cp >= 0x10000 && cp <= 0xEFFFD) return (cp & 0xFFFF) < 0xFFFE;
  return false;
}

bool ForbiddenInIriRef(unsigned char c) {
  if (c <= 0x20) return true;
  switch (c) {
    case '<': case '>': case '"': case '{': case '}': case '|': case '^': case '`': case '\\':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string EncodeIriSegment(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (StaysInSegment(c)) {
        out.push_back(c);
      } else {
        AppendPercent(static_cast<unsigned char>(c), &out);
      }
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t length = DecodeUtf8(text, i, &cp);
    if (length > 0 && IsUcsChar(cp)) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      // Invalid UTF-8 or a character IRIs exclude (C1 controls, specials).
      size_t span = length > 0 ? length : 1;
      for (size_t k = 0; k < span; ++k) AppendPercent(static_cast<unsigned char>(text[i + k]), &out);
      i += span;
    }
  }
  return out;
}

std::string DecodeIriSegment(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string SanitizeIri(std::string_view iri) {
  std::string out;
  out.reserve(iri.size());
  for (char c : iri) {
    if (ForbiddenInIriRef(static_cast<unsigned char>(c))) {
      AppendPercent(static_cast<unsigned char>(c), &out);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool HasIriScheme(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  if (!IsAsciiAlpha(text[0])) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = text[i];
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

bool IsAbsoluteIri(std::string_view text) {
  if (!HasIriScheme(text)) return false;
  for (char c : text) {
    if (ForbiddenInIriRef(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string EscapeLiteral(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      char32_t cp = 0;
      size_t length = DecodeUtf8(text, i, &cp);
      if (length == 0) {
        out.append("\xEF\xBF\xBD");  // U+FFFD for a byte that is not UTF-8
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  return out;
}

bool IsValidLangTag(std::string_view tag) {
  size_t part_length = 0;
  bool first_part = true;
  for (char c : tag) {
    if (c == '-') {
      if (part_length == 0) return false;
      first_part = false;
      part_length = 0;
      continue;
    }
    bool ok = first_part ? IsAsciiAlpha(c) : (IsAsciiAlpha(c) || IsAsciiDigit(c));
    if (!ok || ++part_length > 8) return false;
  }
  return part_length > 0;
}

std::string SanitizeBlankLabel(std::string_view label) {
  std::string out;
  for (char c : label) {
    if (IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_') {
      out.push_back(c);
    } else {
      out.push_back('x');
      out.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
      out.push_back(kHex[static_cast<unsigned char>(c) & 0xF]);
    }
  }
  return out.empty() ? "b" : out;
}

void StableHasher::Add(std::string_view bytes) {
  hash_ = storage::Fingerprint(bytes, hash_);
  part_size_ += bytes.size();
}

void StableHasher::EndPart() {
  // The length closes each part, so ("ab","c") and ("a","bc") differ.
  std::string length;
  for (size_t shift = 0; shift < 64; shift += 8) length.push_back(static_cast<char>(part_size_ >> shift));
  hash_ = storage::Fingerprint(length, hash_);
  part_size_ = 0;
}

std::string StableHasher::Hex() const {
  std::string out(16, '0');
  uint64_t hash = hash_;
  for (int i = 15; i >= 0; --i, hash >>= 4) out[i] = kHex[hash & 0xF];
  for (char& c : out) c = static_cast<char>(c >= 'A' ? c - 'A' + 'a' : c);
  return out;
}

std::string StableHash(const std::vector<std::string_view>& parts) {
  StableHasher hasher;
  for (std::string_view part : parts) {
    hasher.Add(part);
    hasher.EndPart();
  }
  return hasher.Hex();
}

}  // namespace kg::rdf
