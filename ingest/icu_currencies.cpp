#include "ingest/icu_currencies.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include "ingest/text_view.h"

namespace kg::ingest {

namespace {

std::string Utf8(const UChar* text, int32_t length) {
  std::string out;
  icu::UnicodeString(text, length).toUTF8String(out);
  return out;
}

std::vector<std::string> CurrentIsoCodes() {
  std::vector<std::string> codes;
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* all = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
  if (U_FAILURE(status)) return codes;
  while (const char* code = uenum_next(all, nullptr, &status)) {
    if (U_FAILURE(status)) break;
    codes.emplace_back(code);
  }
  uenum_close(all);
  return codes;
}

// One of ucurr_getName's kinds of name of `code` in `locale`; "" when ICU has none.
std::string CurrencyName(const std::string& code, const char* locale, UCurrNameStyle style) {
  icu::UnicodeString iso(code.c_str());
  UBool is_choice = false;
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  const UChar* name = ucurr_getName(iso.getTerminatedBuffer(), locale, style, &is_choice, &length, &status);
  return U_FAILURE(status) || name == nullptr ? "" : Utf8(name, length);
}

std::string PluralName(const std::string& code, const char* locale, const char* count) {
  icu::UnicodeString iso(code.c_str());
  UBool is_choice = false;
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  const UChar* name = ucurr_getPluralName(iso.getTerminatedBuffer(), locale, &is_choice, count, &length, &status);
  return U_FAILURE(status) || name == nullptr ? "" : Utf8(name, length);
}

// A symbol with a currency sign ("₦", "E£", "GH₵"), an acronym ("RM"), or
// three letters or more ("Ksh"): no short word of text ("R", "Le", "kr.").
bool DistinctSymbol(const std::string& symbol) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(symbol);
  int32_t letters = 0, upper = 0, others = 0;
  bool sign = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_charType(c) == U_CURRENCY_SYMBOL) sign = true;
    else if (u_isalpha(c)) { ++letters; upper += u_isupper(c) ? 1 : 0; }
    else ++others;
  }
  if (sign) return true;
  if (others > 0) return false;
  return (letters >= 2 && upper == letters) || letters >= 3;
}

// Phrases offered for a table, each with the codes that offered it.
class Offers {
 public:
  void Add(const std::string& written, const std::string& code) {
    if (written.empty()) return;
    auto& offer = by_folded_[FoldPhrase(written)];
    if (offer.written.empty()) offer.written = written;
    offer.codes.insert(code);
  }
  // The phrases one code offered, that `table` lacks and that are no entity or stopword.
  std::vector<PhraseTable::Entry> Unambiguous(const PhraseTable& table, const PhraseTable& gazetteer,
                                              const std::set<std::string>& stopwords) const {
    std::vector<PhraseTable::Entry> entries;
    for (const auto& [folded, offer] : by_folded_) {
      if (offer.codes.size() != 1 || table.Find(folded) != nullptr || gazetteer.Find(folded) != nullptr ||
          stopwords.count(folded) != 0) {
        continue;
      }
      entries.push_back({offer.written, *offer.codes.begin(), ""});
    }
    return entries;
  }

 private:
  struct Offer {
    std::string written;
    std::set<std::string> codes;
  };
  std::map<std::string, Offer> by_folded_;
};

std::string LanguageOf(const char* locale) {
  char language[ULOC_LANG_CAPACITY] = {0};
  UErrorCode status = U_ZERO_ERROR;
  uloc_getLanguage(locale, language, sizeof(language), &status);
  return U_FAILURE(status) ? "" : language;
}

// The symbol each regional locale of `language` writes for its own
// currency: "Ksh" in en_KE, "₦" in en_NG.
void OfferRegionalSymbols(const std::string& language, Offers* symbols) {
  for (int32_t i = 0; i < uloc_countAvailable(); ++i) {
    const char* locale = uloc_getAvailable(i);
    if (LanguageOf(locale) != language) continue;
    UChar code[4] = {0};
    UErrorCode status = U_ZERO_ERROR;
    if (ucurr_forLocale(locale, code, 4, &status) != 3 || U_FAILURE(status)) continue;
    std::string iso = Utf8(code, 3);
    std::string symbol = CurrencyName(iso, locale, UCURR_SYMBOL_NAME);
    if (symbol != iso && DistinctSymbol(symbol)) symbols->Add(symbol, iso);
  }
}

}  // namespace

void AddIcuCurrencies(const PhraseTable& gazetteer, Language* lang) {
  const char* locale = lang->locale.c_str();
  Offers codes, symbols, names;
  for (const std::string& code : CurrentIsoCodes()) {
    codes.Add(code, code);
    for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME}) {
      std::string symbol = CurrencyName(code, locale, style);
      if (symbol != code && DistinctSymbol(symbol)) symbols.Add(symbol, code);
    }
    names.Add(CurrencyName(code, locale, UCURR_LONG_NAME), code);
    for (const char* count : {"zero", "one", "two", "few", "many", "other"}) names.Add(PluralName(code, locale, count), code);
  }
  OfferRegionalSymbols(LanguageOf(locale), &symbols);
  std::vector<PhraseTable::Entry> before = codes.Unambiguous(lang->currencies_before, gazetteer, lang->stopwords);
  std::vector<PhraseTable::Entry> after = codes.Unambiguous(lang->currencies_after, gazetteer, lang->stopwords);
  for (auto& entry : symbols.Unambiguous(lang->currencies_before, gazetteer, lang->stopwords)) before.push_back(entry);
  for (auto& entry : names.Unambiguous(lang->currencies_after, gazetteer, lang->stopwords)) after.push_back(entry);
  lang->currencies_before.AddAll(std::move(before));
  lang->currencies_after.AddAll(std::move(after));
}

}  // namespace kg::ingest
