// Quantities in text: numbers in a language's conventions (20,000 / 20.000 /
// 1,7 / 1,00,000 / Devanagari digits), scale words (billion, miliardi,
// लाख करोड़), currencies, percentages, units, and the bound a text puts on
// them (about, more than, से अधिक). Values are exact decimal strings.
#ifndef KG_INGEST_QUANTITY_H_
#define KG_INGEST_QUANTITY_H_

#include <optional>
#include <string>
#include <vector>

#include "ingest/rule_data.h"
#include "ingest/text_view.h"
#include "kg/model.h"

namespace kg::ingest {

enum class QuantityKind { kMoney, kPercent, kUnit, kNumber };

struct QuantityMention {
  size_t start = 0;  // view positions [start, end)
  size_t end = 0;
  QuantityKind kind = QuantityKind::kNumber;
  std::string value;  // plain decimal
  std::string unit;   // ISO 4217 code, "percent", "tokens"; "" for a bare number
  // A currency word several currencies share ("crowns": "SEK NOK DKK CZK ISK"):
  // them all, `unit` the first until the document tells (ReadDocumentWide).
  std::string shared_units;
  Bound bound = Bound::kExact;
  bool scaled = false;  // a scale word was applied
  int exponent = 0;     // the power of ten of its scale words
};

// "1.7" shifted by 12 decimal places -> "1700000000000"; "2.34" by 0 -> "2.34".
std::string ShiftDecimal(const std::string& plain, int exponent);

// Parses the digits and separators of one number written in `lang`'s
// conventions (view text: ASCII digits). nullopt when the token is not a
// well-formed number as a whole.
std::optional<std::string> ParseNumber(const std::string& token, const Language& lang);

// Every quantity in the view, left to right. Bare years (2026) are not
// quantities: they are times. A range ("between €7bn and €7.5bn", "tra 1 e
// 1,2 miliardi di euro", "2,000 से 2,500 करोड़ रुपये के बीच") is two quantities,
// at least the first and at most the second.
std::vector<QuantityMention> FindQuantities(const TextView& view, const Language& lang);

}  // namespace kg::ingest

#endif  // KG_INGEST_QUANTITY_H_
