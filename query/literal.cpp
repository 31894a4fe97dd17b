#include "query/literal.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "storage/encoding.h"

namespace kg::query {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Number of decimal zeros a scale word or suffix stands for; -1 if none.
int ScaleZeros(std::string_view scale) {
  static const std::array<std::pair<const char*, int>, 8> kScales = {{
      {"k", 3}, {"thousand", 3}, {"m", 6}, {"million", 6},
      {"bn", 9}, {"billion", 9}, {"tn", 12}, {"trillion", 12},
  }};
  std::string lower = Lower(scale);
  for (const auto& [word, zeros] : kScales) {
    if (lower == word) return zeros;
  }
  return -1;
}

}  // namespace

std::optional<std::string> ScaledDecimal(std::string_view number, std::string_view scale) {
  size_t digits_end = 0;
  while (digits_end < number.size() && (std::isdigit(static_cast<unsigned char>(number[digits_end])) ||
                                        number[digits_end] == '.')) {
    ++digits_end;
  }
  std::string_view digits = number.substr(0, digits_end);
  std::string_view suffix = number.substr(digits_end);
  if (!suffix.empty() && !scale.empty()) return std::nullopt;  // "5bn billion"
  if (scale.empty()) scale = suffix;
  int zeros = scale.empty() ? 0 : ScaleZeros(scale);
  if (zeros < 0) return std::nullopt;

  size_t dot = digits.find('.');
  std::string integer(digits.substr(0, dot));
  std::string fraction = dot == std::string_view::npos ? "" : std::string(digits.substr(dot + 1));
  if (!AllDigits(integer) || (dot != std::string_view::npos && !AllDigits(fraction))) return std::nullopt;
  // Shift the decimal point right by `zeros` places.
  std::string shifted = fraction.substr(0, std::min<size_t>(fraction.size(), zeros));
  shifted.append(zeros - shifted.size(), '0');
  std::string rest = fraction.size() > static_cast<size_t>(zeros) ? fraction.substr(zeros) : "";
  return storage::CanonicalDecimal(rest.empty() ? integer + shifted : integer + shifted + "." + rest);
}

std::optional<std::string> KnownUnit(std::string_view word) {
  static const std::array<std::pair<const char*, const char*>, 22> kUnits = {{
      {"rmb", "CNY"}, {"yuan", "CNY"}, {"cny", "CNY"}, {"¥", "CNY"},
      {"$", "USD"}, {"usd", "USD"}, {"dollar", "USD"}, {"dollars", "USD"},
      {"€", "EUR"}, {"eur", "EUR"}, {"euro", "EUR"}, {"euros", "EUR"},
      {"£", "GBP"}, {"gbp", "GBP"}, {"₹", "INR"}, {"inr", "INR"}, {"rupees", "INR"},
      {"%", "percent"}, {"pct", "percent"}, {"percent", "percent"},
      {"token", "tokens"}, {"tokens", "tokens"},
  }};
  std::string lower = Lower(word);
  for (const auto& [written, unit] : kUnits) {
    if (lower == written) return std::string(unit);
  }
  return std::nullopt;
}

std::optional<std::string> CurrencyCode(std::string_view word) {
  auto three_capitals = [](std::string_view w) {
    return w.size() == 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  auto unit = KnownUnit(word);
  if (unit) return three_capitals(*unit) ? unit : std::nullopt;
  if (three_capitals(word)) return std::string(word);
  return std::nullopt;
}

std::optional<GluedQuantity> SplitGluedQuantity(std::string_view text) {
  size_t digit = 0;
  while (digit < text.size() && !std::isdigit(static_cast<unsigned char>(text[digit]))) ++digit;
  if (digit == 0 || digit == text.size()) return std::nullopt;
  // Only currencies the language knows: RTX4090 is a product, not RTX 4090.
  auto known = KnownUnit(text.substr(0, digit));
  auto currency = known ? CurrencyCode(*known) : std::nullopt;
  if (!currency) return std::nullopt;
  auto decimal = ScaledDecimal(text.substr(digit));
  if (!decimal) return std::nullopt;
  return GluedQuantity{*currency, *decimal};
}

int CompareDecimal(const std::string& a, const std::string& b) {
  bool a_negative = !a.empty() && a[0] == '-';
  bool b_negative = !b.empty() && b[0] == '-';
  if (a_negative != b_negative) return a_negative ? -1 : 1;
  auto split = [](const std::string& s, bool negative) {
    std::string body = negative ? s.substr(1) : s;
    size_t dot = body.find('.');
    std::string integer = body.substr(0, dot);
    size_t first = integer.find_first_not_of('0');
    integer = first == std::string::npos ? "" : integer.substr(first);
    return std::make_pair(integer, dot == std::string::npos ? std::string() : body.substr(dot + 1));
  };
  auto [a_int, a_frac] = split(a, a_negative);
  auto [b_int, b_frac] = split(b, b_negative);
  int magnitude = 0;
  if (a_int.size() != b_int.size()) {
    magnitude = a_int.size() < b_int.size() ? -1 : 1;
  } else if (int c = a_int.compare(b_int); c != 0) {
    magnitude = c < 0 ? -1 : 1;
  } else {
    size_t width = std::max(a_frac.size(), b_frac.size());
    a_frac.resize(width, '0');
    b_frac.resize(width, '0');
    int f = a_frac.compare(b_frac);
    magnitude = f < 0 ? -1 : (f > 0 ? 1 : 0);
  }
  return a_negative ? -magnitude : magnitude;
}

}  // namespace kg::query
