// The claim model: terms, claims, their mentions and the documents they come
// from. These are plain values; the store gives every term a compact id, but
// ids never appear here.
//
// A claim is (subject, predicate, object, when). The same claim stated by
// several documents is ONE claim with one Mention per statement. Identity of
// a quantity is its unit and exact decimal value; its bound (about, at least)
// is recorded per mention, because documents differ in how they hedge the
// same figure (see docs/model.md).
#ifndef KG_MODEL_H_
#define KG_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kg {

enum class TermKind : uint8_t {
  kEntity = 1,
  kPredicate = 2,
  kQuantity = 3,
  kTime = 4,
  kText = 5,
};

enum class Bound : uint8_t { kExact = 0, kApprox = 1, kAtLeast = 2, kAtMost = 3 };

// "exact", "approx", "at_least", "at_most" and back; false for anything else.
const char* BoundName(Bound bound);
bool ParseBound(const std::string& name, Bound* bound);

// One node of the graph. Which fields matter depends on `kind`:
//   kEntity    value = canonical id ("ByteDance", "Volcano Engine")
//   kPredicate value = predicate name ("plans_capex")
//   kQuantity  value = plain decimal ("160000000000", "1.5", "-3"), unit =
//              ISO 4217 code, "tokens", "percent" or an entity id ("H200");
//              bound as stated
//   kTime      value = "2026", "2025-10" or "2025-10-14"
//   kText      value = the text, lang = BCP 47 tag ("en", "hi")
struct Term {
  TermKind kind = TermKind::kEntity;
  std::string value;
  std::string unit;
  Bound bound = Bound::kExact;
  std::string lang;

  static Term Entity(std::string id);
  static Term Predicate(std::string name);
  static Term Quantity(std::string decimal, std::string unit, Bound bound = Bound::kExact);
  static Term Time(std::string iso);
  static Term Text(std::string text, std::string lang);

  // Identity: kind, value, unit, lang. The bound is not part of it.
  bool SameAs(const Term& other) const;
  // Short human form: `ByteDance`, `CNY 160bn`, `≥ 30tn tokens`, `"text"@en`.
  std::string ToString() const;
};

struct Claim {
  Term subject;        // an entity (or, for imported RDF, any term)
  std::string predicate;
  Term object;
  std::string when;    // "" when the claim has no time qualifier
};

// One place where a document states a claim.
struct Mention {
  std::string doc;            // document id
  std::string lang;           // language of the document
  uint32_t sentence = 0;      // 0-based sentence number
  uint32_t start = 0;         // byte span [start, end) of the sentence in
  uint32_t end = 0;           //   the document's UTF-8 text
  std::string text;           // the sentence
  std::string rule;           // extraction rule that fired ("capex.en.2")
  std::string attributed_to;  // whom the document attributes it to, or ""
  Bound bound = Bound::kExact;  // the bound this mention gives a quantity
};

struct Document {
  std::string id;
  std::string lang;
  std::string published;     // "2025-12" or "2025-12-03", or ""
  std::string source;
  std::string title;
  std::string content_hash;  // hex digest of the UTF-8 text as ingested
  uint64_t size = 0;         // bytes
};

// A claim with every mention the store holds for it.
struct ClaimRecord {
  Claim claim;
  std::vector<Mention> mentions;
};

// An alias of an entity as written somewhere ("Pechino", lang "it").
struct Alias {
  std::string text;
  std::string entity;  // canonical id
  std::string lang;    // "" when not tied to a language
};

}  // namespace kg

#endif  // KG_MODEL_H_
