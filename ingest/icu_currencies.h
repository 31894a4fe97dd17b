// Currencies from ICU: every current ISO 4217 code, its names in the
// language (singular and plural: "Kenyan shillings", "corone svedesi",
// "केन्याई शिलिंग") and the symbols the language's regional locales write
// ("Ksh" in en_KE, "₦" in en_NG), added to a language's currency tables at
// load time. The hand lexicon is read first and wins; what ICU lacks
// ("Rmb", bare "crowns") stays in it.
#ifndef KG_INGEST_ICU_CURRENCIES_H_
#define KG_INGEST_ICU_CURRENCIES_H_

#include "ingest/phrase_table.h"
#include "ingest/rule_data.h"

namespace kg::ingest {

// Adds to `lang`'s currencies_before and currencies_after what neither
// already holds. Left out, so that no word of text turns into money: a code
// or symbol the gazetteer names an entity by ("AMD" is the Armenian dram),
// a name or symbol two currencies share ("kr"), a symbol of letters that is
// no acronym and shorter than three letters ("R", "Le"), and a stopword.
void AddIcuCurrencies(const PhraseTable& gazetteer, Language* lang);

}  // namespace kg::ingest

#endif  // KG_INGEST_ICU_CURRENCIES_H_
