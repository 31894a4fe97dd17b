// Literals of KGQL in canonical form: amounts as exact plain decimals,
// units as the claim model spells them, and exact decimal comparison.
#ifndef KG_QUERY_LITERAL_H_
#define KG_QUERY_LITERAL_H_

#include <optional>
#include <string>
#include <string_view>

namespace kg::query {

// "160bn" -> "160000000000", "1.6tn" -> "1600000000000", "7" -> "7",
// "2.50" -> "2.5", "3 million" (number "3", scale "million"). nullopt when
// the text is not a number with an optional scale (k, m, bn, tn, thousand,
// million, billion, trillion; any case).
std::optional<std::string> ScaledDecimal(std::string_view number, std::string_view scale = {});

// The claim model's unit for a word or symbol written beside an amount:
// RMB, yuan, CNY, ¥ -> CNY; $, dollars -> USD; € -> EUR; £ -> GBP; ₹ -> INR;
// %, pct, percent -> percent; token(s) -> tokens (any case). nullopt for
// anything else (it may be an entity: H200).
std::optional<std::string> KnownUnit(std::string_view word);

// The ISO 4217 code of a currency written before an amount: a known
// currency word or symbol, or any three capital letters (JPY). nullopt
// otherwise.
std::optional<std::string> CurrencyCode(std::string_view word);

// "RMB160bn" -> {"CNY", "160000000000"}; nullopt unless the text is a
// known currency word (not just any three capitals) glued to a number.
struct GluedQuantity {
  std::string unit;
  std::string decimal;
};
std::optional<GluedQuantity> SplitGluedQuantity(std::string_view text);

// Exact comparison of plain decimals ("-3", "1.5", "160000000000"):
// negative, zero or positive like strcmp. Both must be well formed.
int CompareDecimal(const std::string& a, const std::string& b);

}  // namespace kg::query

#endif  // KG_QUERY_LITERAL_H_
