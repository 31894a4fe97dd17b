#include "ingest/quantity.h"

#include <algorithm>
#include <cctype>

#include "ingest/timex.h"

namespace kg::ingest {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string StripZeros(std::string integer, std::string fraction) {
  size_t nz = integer.find_first_not_of('0');
  integer = nz == std::string::npos ? "0" : integer.substr(nz);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? integer : integer + "." + fraction;
}

// Integer digits with group separators: western (1,234,567) or Indian
// (12,34,567) grouping; "" when the grouping is wrong.
std::string UngroupInteger(const std::string& part, char group) {
  std::vector<std::string> groups;
  size_t start = 0;
  while (true) {
    size_t sep = part.find(group, start);
    groups.push_back(part.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) break;
    start = sep + 1;
  }
  for (const auto& g : groups) {
    if (g.empty()) return "";
    for (char c : g) if (!IsDigit(c)) return "";
  }
  if (groups.size() == 1) return groups[0];
  if (groups[0].size() > 3 || groups.back().size() != 3) return "";
  bool western = true, indian = groups[0].size() <= 2;
  for (size_t i = 1; i + 1 < groups.size(); ++i) {
    if (groups[i].size() != 3) western = false;
    if (groups[i].size() != 2) indian = false;
  }
  if (!western && !indian) return "";
  std::string digits;
  for (const auto& g : groups) digits += g;
  return digits;
}

std::optional<std::string> ParseWith(const std::string& token, char decimal, char group) {
  size_t dot = token.find(decimal);
  std::string integer = token.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : token.substr(dot + 1);
  if (dot != std::string::npos && (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string::npos)) {
    return std::nullopt;
  }
  std::string digits = UngroupInteger(integer, group);
  if (digits.empty()) return std::nullopt;
  return StripZeros(digits, fraction);
}

// Position after a phrase of `table` at `pos` (spaces skipped first), or npos.
size_t After(const PhraseTable& table, const TextView& view, size_t pos, const Phrase** found, bool glued = false) {
  size_t at = SkipSpaces(view.text, pos);
  size_t end = 0;
  const Phrase* phrase = table.Match(view, at, &end, glued);
  if (phrase == nullptr) return std::string::npos;
  if (found) *found = phrase;
  return end;
}

// A currency phrase's value: one code, or the codes of a word several share.
void SetCurrency(const std::string& codes, QuantityMention* q) {
  size_t space = codes.find(' ');
  q->unit = codes.substr(0, space);
  q->shared_units = space == std::string::npos ? "" : codes;
}

bool IsYear(const std::string& token) {
  if (token.size() != 4 || token.find_first_not_of("0123456789") != std::string::npos) return false;
  int year = std::stoi(token);
  return year >= 1900 && year <= 2100;
}

// Digits with separators from `pos`: "1,00,000", "20.000", "1,7".
size_t NumberEnd(const std::string& text, size_t pos) {
  size_t end = pos;
  while (end < text.size()) {
    if (IsDigit(text[end])) { ++end; continue; }
    if ((text[end] == ',' || text[end] == '.') && end + 1 < text.size() && IsDigit(text[end + 1])) { end += 1; continue; }
    break;
  }
  return end;
}

// Scale words after a number ending at `number_end`, possibly several ("2.4
// लाख करोड़") and glued ("30tn", "28mila"): their exponent; `*end` after them.
int ReadScales(const TextView& view, const Language& lang, size_t number_end, size_t* end) {
  const std::string& text = view.text;
  int exponent = 0;
  *end = number_end;
  while (true) {
    const Phrase* scale = nullptr;
    size_t next = std::string::npos;
    if (*end == number_end && !IsSpaceAt(text, *end)) {
      size_t e = 0;
      scale = lang.glued_scales.Match(view, *end, &e);
      if (scale != nullptr) next = e;
    }
    if (next == std::string::npos) next = After(lang.scales, view, *end, &scale);
    if (next == std::string::npos) break;
    exponent += std::stoi(scale->value);
    *end = next;
  }
  return exponent;
}

// Sum of two non-negative whole numbers written in decimal digits.
std::string AddWholeNumbers(const std::string& a, const std::string& b) {
  std::string sum;
  int carry = 0;
  for (size_t i = 0; i < a.size() || i < b.size() || carry; ++i) {
    int digit = carry;
    if (i < a.size()) digit += a[a.size() - 1 - i] - '0';
    if (i < b.size()) digit += b[b.size() - 1 - i] - '0';
    sum.insert(sum.begin(), static_cast<char>('0' + digit % 10));
    carry = digit / 10;
  }
  return sum;
}

// "Un miliardo e cento milioni", "two billion and 400 million": a
// coordinator and a whole amount of a smaller scale after a scaled one add
// to it. Sets `*sum` and returns the position after the smaller amount, or
// npos (then nothing is set).
size_t AddJoinedSmallerAmount(const TextView& view, const Language& lang, size_t end, const std::string& first,
                              int exponent, std::string* sum) {
  const std::string& text = view.text;
  size_t at = After(lang.coordinators, view, end, nullptr);
  if (at == std::string::npos) return std::string::npos;
  at = SkipSpaces(text, at);
  size_t number_end = 0;
  std::optional<std::string> value;
  if (const Phrase* word = lang.number_words.Match(view, at, &number_end)) {
    value = word->value;
  } else if (at < text.size() && IsDigit(text[at])) {
    number_end = NumberEnd(text, at);
    value = ParseNumber(text.substr(at, number_end - at), lang);
  }
  if (!value) return std::string::npos;
  size_t second_end = 0;
  int second_exponent = ReadScales(view, lang, number_end, &second_end);
  if (second_exponent <= 0 || second_exponent >= exponent) return std::string::npos;
  std::string second = ShiftDecimal(*value, second_exponent);
  if (first.find('.') != std::string::npos || second.find('.') != std::string::npos) return std::string::npos;
  *sum = AddWholeNumbers(first, second);
  return second_end;
}

// The number word at `at`, also when written as one with a glued scale
// ("duemila", "trentamila"): `*end` after the word (where such a scale starts).
// One glued match serves the plain word too: a second table look-up at every
// word start cost a tenth of FindQuantities.
const Phrase* NumberWordAt(const TextView& view, const Language& lang, size_t at, size_t* end) {
  const Phrase* word = lang.number_words.Match(view, at, end, /*glued_ok=*/true);
  if (word == nullptr || !IsWordCharAt(view.text, *end)) return word;
  size_t scale_end = 0;
  if (lang.glued_scales.Match(view, *end, &scale_end) != nullptr) return word;
  return lang.number_words.Match(view, at, end);  // a shorter word may still end at the boundary
}

// Whether a number word worth two or more counts what follows it: a count noun, after a
// `count_adjective` or not ("mille chip B200", "eight more GPUs"), or a model's name, a word with a
// digit ("twelve B300s", "otto H200"). "One" and its kin are articles as often as numbers.
bool CountsProducts(const TextView& view, const Language& lang, const std::string& value, size_t end) {
  if (value.find('.') != std::string::npos || value == "1") return false;
  const std::string& text = view.text;
  size_t at = SkipSpaces(text, end);
  size_t after = 0;
  if (lang.count_adjectives.Match(view, at, &after) != nullptr) at = SkipSpaces(text, after);
  if (lang.count_nouns.Match(view, at, &after) != nullptr) return true;
  size_t word_end = at;
  while (word_end < text.size() && IsWordCharAt(text, word_end)) word_end = NextCodePointStart(text, word_end);
  return word_end > at && std::any_of(text.begin() + at, text.begin() + word_end, IsDigit);
}

bool LooksLikePhoneOrCode(const std::string& text, size_t start, size_t end) {
  if (start > 0 && (text[start - 1] == '+' || text[start - 1] == '-' || text[start - 1] == '/')) return true;
  if (end < text.size() && (text[end] == '-' || text[end] == '/') && end + 1 < text.size() && IsDigit(text[end + 1])) {
    return true;
  }
  return false;
}

Bound ParseBoundName(const std::string& name) {
  Bound bound = Bound::kExact;
  ParseBound(name, &bound);
  return bound;
}

// Is the word right before view position `pos` a range word with `value`?
bool RangeWordBefore(const TextView& view, const Language& lang, size_t pos, const std::string& value) {
  const std::string& text = view.text;
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  size_t start = pos;
  while (start > 0 && IsWordCharBefore(text, start)) --start;
  while (start < pos && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  size_t end = 0;
  const Phrase* phrase = lang.ranges.Match(view, start, &end);
  return phrase != nullptr && end == pos && phrase->value == value;
}

bool RangeWordAt(const TextView& view, const Language& lang, size_t pos, const std::string& value, size_t* end) {
  const Phrase* phrase = nullptr;
  *end = After(lang.ranges, view, pos, &phrase);
  return *end != std::string::npos && phrase->value == value;
}

// "between X and Y" (a range word before, a joining word between, or a
// range word after: "X से Y के बीच"): at least X, at most Y; a bare X takes
// Y's scale and unit ("tra 1 e 1,2 miliardi di euro").
void ReadRanges(const TextView& view, const Language& lang, std::vector<QuantityMention>* found) {
  if (lang.ranges.empty()) return;
  for (size_t i = 0; i + 1 < found->size(); ++i) {
    QuantityMention& low = (*found)[i];
    QuantityMention& high = (*found)[i + 1];
    size_t end = 0;
    bool bare_low = low.unit.empty() && !low.scaled;
    // A `join_alone` word makes a range without a word before or after when the first figure is bare
    // ("25,000 से 30,000 GPU"); with units on both it may be a change ("₹500 करोड़ से ₹800 करोड़ हो गया").
    bool alone_word = RangeWordAt(view, lang, low.end, "join_alone", &end);
    if (!alone_word && !RangeWordAt(view, lang, low.end, "join", &end)) continue;
    bool alone = alone_word && bare_low;
    if (SkipSpaces(view.text, end) != high.start) continue;
    if (!alone && !RangeWordBefore(view, lang, low.start, "before") && !RangeWordAt(view, lang, high.end, "after", &end)) {
      continue;
    }
    // "X से Y तक": the "up to" after the second figure is the range's own bound.
    if (low.bound != Bound::kExact || (high.bound != Bound::kExact && high.bound != Bound::kAtMost)) continue;
    if (bare_low) {
      low.value = ShiftDecimal(low.value, high.exponent);
      low.unit = high.unit;
      low.shared_units = high.shared_units;
      low.kind = high.kind;
    }
    if (low.unit != high.unit) continue;
    low.bound = Bound::kAtLeast;
    high.bound = Bound::kAtMost;
  }
}

}  // namespace

std::string ShiftDecimal(const std::string& plain, int exponent) {
  size_t dot = plain.find('.');
  std::string integer = plain.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : plain.substr(dot + 1);
  while (exponent > 0) {
    if (fraction.empty()) integer += '0';
    else { integer += fraction[0]; fraction.erase(0, 1); }
    --exponent;
  }
  while (exponent < 0) {
    fraction.insert(0, 1, integer.empty() ? '0' : integer.back());
    if (!integer.empty()) integer.pop_back();
    ++exponent;
  }
  return StripZeros(integer.empty() ? "0" : integer, fraction);
}

std::optional<std::string> ParseNumber(const std::string& token, const Language& lang) {
  if (token.empty() || !IsDigit(token[0]) || !IsDigit(token.back())) return std::nullopt;
  if (auto value = ParseWith(token, lang.decimal_separator, lang.group_separator)) return value;
  // A single separator the language reads as grouping but that cannot be
  // grouping ("1.7" in Italian): the other convention, whole token only.
  char other = lang.decimal_separator == '.' ? ',' : '.';
  if (token.find(lang.decimal_separator) == std::string::npos && token.find(other) == token.rfind(other)) {
    return ParseWith(token, other, lang.decimal_separator);
  }
  return std::nullopt;
}

// "450 milioni di euro, contro i 380 milioni spesi": a bare amount with a
// scale word after an amount of money in the same sentence is in its currency.
// An equivalent in brackets ("(about $650 million)") is not the text's currency.
void CarryCurrency(const std::string& text, std::vector<QuantityMention>* found) {
  const QuantityMention* money = nullptr;
  for (QuantityMention& q : *found) {
    if (q.kind == QuantityKind::kMoney) {
      size_t open = text.rfind('(', q.start);
      size_t close = text.rfind(')', q.start);
      bool bracketed = open != std::string::npos && (close == std::string::npos || close < open);
      if (!bracketed || money == nullptr) money = &q;
      continue;
    }
    if (money != nullptr && q.kind == QuantityKind::kNumber && q.scaled && q.unit.empty()) {
      q.kind = QuantityKind::kMoney;
      q.unit = money->unit;
      q.shared_units = money->shared_units;
    }
  }
}

namespace {

// Whether a figure may start in the text: every figure has a digit or a number word at a word
// start (after its bound and currency, if any). A sentence with neither is then tested with one
// table at each word start instead of three (FindQuantities 224M -> 192M, docs/ingest.md).
bool MayHoldFigure(const TextView& view, const Language& lang) {
  const std::string& text = view.text;
  if (std::any_of(text.begin(), text.end(), IsDigit)) return true;
  size_t end = 0;
  for (size_t at = 0; at < text.size(); at = NextCodePointStart(text, at)) {
    if (!IsWordCharBefore(text, at) && NumberWordAt(view, lang, at, &end) != nullptr) return true;
  }
  return false;
}

}  // namespace

std::vector<QuantityMention> FindQuantities(const TextView& view, const Language& lang) {
  std::vector<QuantityMention> found;
  const std::string& text = view.text;
  if (!MayHoldFigure(view, lang)) return found;
  size_t pos = 0;
  while (pos < text.size()) {
    bool word_start = !IsWordCharBefore(text, pos);
    if (!word_start && !IsDigit(text[pos])) {
      // The rest of the letter too: no phrase or number starts inside one (a Devanagari
      // letter's second byte once went the long way below, seen as after a broken one).
      pos = NextCodePointStart(text, pos);
      continue;
    }
    QuantityMention q;
    q.start = pos;
    size_t at = pos;
    // [bound] [currency] number
    const Phrase* phrase = nullptr;
    if (size_t end = After(lang.bounds_before, view, at, &phrase); end != std::string::npos && word_start) {
      q.bound = ParseBoundName(phrase->value);
      at = SkipSpaces(text, end);
    }
    if (size_t end = After(lang.currencies_before, view, at, &phrase, true);
        end != std::string::npos && (!IsWordCharBefore(text, at) || at == pos)) {
      SetCurrency(phrase->value, &q);
      at = SkipSpaces(text, end);
      // The bound may follow the currency: "डॉलर में क़रीब 19 अरब" (in dollars, about 19 billion).
      if (size_t bound_end = After(lang.bounds_before, view, at, &phrase);
          bound_end != std::string::npos && q.bound == Bound::kExact) {
        q.bound = ParseBoundName(phrase->value);
        at = SkipSpaces(text, bound_end);
      }
    }
    const Phrase* number_word = nullptr;
    size_t word_end = 0;
    if (at < text.size() && !IsDigit(text[at]) && !IsWordCharBefore(text, at)) {
      number_word = NumberWordAt(view, lang, at, &word_end);
    }
    if (number_word == nullptr &&
        (at >= text.size() || !IsDigit(text[at]) || (IsWordCharBefore(text, at) && q.unit.empty()))) {
      pos = NextCodePointStart(text, pos);
      continue;
    }
    size_t number_end = number_word != nullptr ? word_end : NumberEnd(text, at);
    std::string token = text.substr(at, number_end - at);
    auto value = number_word != nullptr ? std::optional<std::string>(number_word->value) : ParseNumber(token, lang);
    if (!value || LooksLikePhoneOrCode(text, at, number_end)) { pos = number_end; continue; }
    size_t end = number_end;
    int exponent = ReadScales(view, lang, number_end, &end);
    q.scaled = exponent != 0 || end != number_end;
    std::string joined_value;  // "un miliardo e cento milioni": the sum, when a smaller amount is joined
    if (q.scaled) {
      if (size_t e = AddJoinedSmallerAmount(view, lang, end, ShiftDecimal(*value, exponent), exponent, &joined_value);
          e != std::string::npos) {
        end = e;
      }
    }
    if (IsWordCharAt(text, end) && !q.scaled) { pos = end; continue; }  // "5G", "24x7"
    if (number_word != nullptr && !q.scaled && !CountsProducts(view, lang, *value, end)) {
      pos = end;  // "one of the", "एक जीपीयू", "two companies": no figure
      continue;
    }
    // [of] currency | percent | unit
    if (q.unit.empty()) {
      size_t after = end;
      if (size_t link = After(lang.unit_links, view, end, nullptr); link != std::string::npos) after = link;
      for (size_t from : {end, after}) {
        if (size_t e = After(lang.currencies_after, view, from, &phrase); e != std::string::npos) {
          SetCurrency(phrase->value, &q); end = e; break;
        }
        if (size_t e = After(lang.percent_words, view, from, &phrase, true); e != std::string::npos) {
          q.unit = "percent"; q.kind = QuantityKind::kPercent; end = e; break;
        }
        if (size_t e = After(lang.units, view, from, &phrase); e != std::string::npos) {
          q.unit = phrase->value; q.kind = QuantityKind::kUnit; end = e; break;
        }
      }
      if (!q.unit.empty() && q.kind == QuantityKind::kNumber) q.kind = QuantityKind::kMoney;
    } else if (size_t e = After(lang.percent_words, view, end, &phrase, true); e != std::string::npos) {
      // "डॉलर में 2% की मजबूती" (the dollar up 2%): a percentage after a currency phrase is no amount of it.
      q.unit = "percent"; q.shared_units.clear(); q.kind = QuantityKind::kPercent; end = e;
    } else {
      q.kind = QuantityKind::kMoney;
    }
    if (q.unit.empty() && !q.scaled && exponent == 0 && (IsYear(token) || AfterFiscalPrefix(text, at, lang))) {
      pos = number_end;
      continue;
    }
    // A bound after the figure ("से अधिक"), unless a copula makes it a comparison.
    if (size_t e = After(lang.bounds_after, view, end, &phrase); e != std::string::npos) {
      const Phrase* blocker = nullptr;
      if (After(lang.bound_blockers, view, e, &blocker) == std::string::npos && q.bound == Bound::kExact) {
        q.bound = ParseBoundName(phrase->value);
        end = e;
      }
    }
    q.value = joined_value.empty() ? ShiftDecimal(*value, exponent) : joined_value;
    q.exponent = exponent;
    q.end = end;
    found.push_back(q);
    pos = end;
  }
  ReadRanges(view, lang, &found);
  CarryCurrency(text, &found);
  return found;
}

}  // namespace kg::ingest
