// RDF terms as the writers and the reader see them, and the text rules they
// obey: which characters an IRI may carry, how literals are escaped, what a
// language tag looks like, and the stable hash behind minted IRIs.
#ifndef KG_EXPORT_RDF_TERMS_H_
#define KG_EXPORT_RDF_TERMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::rdf {

// Namespaces of the vocabularies the mapping uses.
inline constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";
// A literal's explicit plain-string datatype (compared for every literal read).
inline const std::string kXsdString = std::string(kXsd) + "string";
inline constexpr const char* kProv = "http://www.w3.org/ns/prov#";
inline constexpr const char* kDcterms = "http://purl.org/dc/terms/";
inline constexpr const char* kOa = "http://www.w3.org/ns/oa#";
// kgstore's own terms (claim node, mention details); fixed, not under --base.
inline constexpr const char* kKg = "https://kgstore.org/ns#";

// One RDF term. A triple term (RDF 1.2) holds its subject, predicate and
// object in `parts`.
struct Node {
  enum class Kind : uint8_t { kIri, kBlank, kLiteral, kTripleTerm };
  Kind kind = Kind::kIri;
  std::string value;     // IRI, blank node label (without "_:") or lexical form
  std::string datatype;  // literals: "" means xsd:string (or rdf:langString with lang)
  std::string lang;      // literals: BCP 47 tag or ""
  std::vector<Node> parts;

  static Node Iri(std::string iri);
  static Node Blank(std::string label);
  static Node Literal(std::string lexical, std::string datatype = "", std::string lang = "");
  static Node TripleTerm(Node subject, Node predicate, Node object);

  bool operator==(const Node& other) const = default;
};

struct Quad {
  Node subject;
  Node predicate;
  Node object;
  Node graph;  // an IRI, a blank node, or an empty IRI for the default graph
  bool InDefaultGraph() const { return graph.kind == Node::Kind::kIri && graph.value.empty(); }
};

// Percent-encodes what may not stand in one IRI path segment (RFC 3987
// ipchar): ASCII outside unreserved / sub-delims / ":" / "@", and "/", "?",
// "#", "%". Non-ASCII letters and other UTF-8 stay as they are; invalid
// UTF-8 bytes are percent-encoded too.
std::string EncodeIriSegment(std::string_view text);
// The inverse: decodes every %HH; malformed escapes stay literally.
std::string DecodeIriSegment(std::string_view text);

// Makes any string safe inside <...> of N-Triples and Turtle: characters
// that IRIREF forbids (controls, space, <>"{}|^`\) are percent-encoded.
std::string SanitizeIri(std::string_view iri);

// True for "scheme:rest" with a scheme as RFC 3986 spells it and no
// whitespace: such ids are written as IRIs verbatim.
bool IsAbsoluteIri(std::string_view text);
// Only the "scheme:rest" part of IsAbsoluteIri: for a text already known to
// hold none of the characters an IRI reference forbids.
bool HasIriScheme(std::string_view text);

// The body of a double-quoted N-Triples/Turtle string: \" \\ \n \r \t as
// ECHAR, other controls as \u00XX, invalid UTF-8 as U+FFFD.
std::string EscapeLiteral(std::string_view text);

// BCP 47 as RDF accepts it: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*.
bool IsValidLangTag(std::string_view tag);

// A blank node label that every parser accepts: [A-Za-z0-9_] kept, any
// other byte written as "x" + two hex digits.
std::string SanitizeBlankLabel(std::string_view label);

// 64-bit FNV-1a over the parts, each followed by a separator that no part
// can contain unambiguously (its length), as 16 hex digits. Stable across
// runs and platforms: minted IRIs depend on it.
std::string StableHash(const std::vector<std::string_view>& parts);

// StableHash fed piece by piece, for a part too large to hold (a whole
// file): Add the bytes of a part, EndPart, ..., then Hex.
class StableHasher {
 public:
  void Add(std::string_view bytes);
  void EndPart();
  std::string Hex() const;

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
  uint64_t part_size_ = 0;
};

// Length of the valid UTF-8 sequence at text[pos], or 0 when the bytes there
// are not one (overlong, surrogate, truncated); sets *code_point.
size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* code_point);
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace kg::rdf

#endif  // KG_EXPORT_RDF_TERMS_H_
