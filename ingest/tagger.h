// Typed mentions of one sentence, and the sentence rewritten for the rules:
// every mention becomes a placeholder ⟦TYPE#n⟧ (n: its index), so a rule is
// a regular expression over words and placeholders:
//   "TikTok owner ByteDance plans..." -> "⟦APP#0⟧ owner ⟦ORG#1⟧ plans..."
#ifndef KG_INGEST_TAGGER_H_
#define KG_INGEST_TAGGER_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>

#include "ingest/quantity.h"
#include "ingest/rule_data.h"
#include "ingest/text_view.h"
#include "ingest/timex.h"

namespace kg::ingest {

struct Tag {
  size_t start = 0;  // view positions [start, end)
  size_t end = 0;
  std::string type;  // gazetteer type (ORG, PLACE, HARDWARE...), UNK, GROUP, REF, POSS, SRC,
                     // MONEY, PERCENT, TOKENS, UNIT, NUM, COUNT, TIME
  std::string id;    // entity id; for COUNT the counted product; for TIME the ISO value
  QuantityMention quantity;  // quantities and COUNT
  std::string product_type;  // COUNT: the counted product's type (HARDWARE...)
  std::vector<std::string> members;  // GROUP: the member ids, in order
};

struct TaggedSentence {
  TextView view;
  std::vector<Tag> tags;  // by start
  std::string tagged_text;    // the placeholder text, UTF-8
  icu::UnicodeString tagged;  // the same for the regular expressions
  CuePresence cues_present;  // which words of the language's CueIndex occur in tagged_text
};

bool IsQuantityType(const std::string& type);
// The placeholder type of a quantity: MONEY, PERCENT, TOKENS, UNIT or NUM.
std::string QuantityType(const QuantityMention& q);
bool IsEntityType(const std::string& type);
// Is `type` a product's (HARDWARE, MODEL, APP, SERVICE, PRODUCT)?
bool IsProductType(const std::string& type);
// Is view `text` at `pos` a place suffix ("-based")?
bool PlaceSuffixAt(const Language& lang, const std::string& text, size_t pos);
// Is tags[i] a company named as a maker or supplier, not as a subject: right
// before its product or count ("Nvidia H200 chips", "एनवीडिया के 3,000 B200")
// or before a case marker of a non-subject ("एनवीडिया से")?
bool NamedAsSupplier(const TaggedSentence& s, const Language& lang, size_t i);

// A lexicon `ref` may carry a value: `topic` (the anaphor names the
// document's own product, "that platform": it points to the main company),
// or the case marker it ends with ("उसने" = "उस" + "ने"), which the rules
// then read after its placeholder: "⟦REF#0⟧ ने".
inline constexpr const char* kTopicRef = "topic";
inline bool IsFusedMarker(const std::string& ref_value) { return !ref_value.empty() && ref_value != kTopicRef; }

// `joined_names`: "Samsung SDS" pairs (a gazetteer organisation and an
// unknown name) the document writes twice or more: one unknown name.
// `known_names`: single words the document uses as names elsewhere (UNK
// ids); at the start of a sentence, where any word is capitalised, only
// these (and the head of a list of unknown names) count as names.
TaggedSentence TagSentence(std::string_view sentence, const Language& lang, const RuleData& data,
                           const RefDate& ref, const std::set<std::string>& known_names = {},
                           const std::set<std::string>& joined_names = {});

// The capitalised single word that starts the sentence, as written, when
// no tag covers it ("Lumora competes with..."); "" otherwise.
std::string UntaggedInitialWord(const TaggedSentence& sentence);

// The last count of products in `s` ("ordered 4,000 H200 chips"), the product "each chip" or "each one"
// in the next sentence is; nullptr when none.
const Tag* LastCount(const TaggedSentence& s);

// Readings that need the whole document, after every sentence is tagged:
// "¥" is the yen when the document speaks of Japan (`yen_context`), else
// the yuan; the first word of an unknown name found with a `name_suffix`
// ("हिंडाल्को इंडस्ट्रीज") names it alone elsewhere ("हिंडाल्को ने ..."); and a
// count noun in the sentence after an order of products is that product
// ("Each chip cost $30,000" after "ordered 4,000 H200 chips").
// Also: a capitalised word that starts several sentences ("Kioxia will ...")
// and is never written in lower case is a name; so is a word of another
// script that starts several sentences before a postposition ("सीमेंस ने
// ...") when the document names no organisation as often.
void ReadDocumentWide(const Language& lang, const RuleData& data, const RefDate& ref,
                      std::vector<TaggedSentence>* sentences);

// A scaled number with no unit ("110 milioni"): an amount whose currency
// the sentence leaves out.
bool IsBareScaledAmount(const Tag& tag);
// The bare amount `tag` is money in `currency`.
void GiveCurrency(const std::string& currency, Tag* tag);

// Is the text between two amounts, [from, to) of the view, only what sets
// off an equivalent: spaces, brackets, commas, dashes and `equivalence`
// words ("($23bn)", ", circa", "pari a"), with at least one of them?
bool IsEquivalenceGap(const Language& lang, const TextView& view, size_t from, size_t to);
// Is `gap`, the text between a counted product and a company, a `maker_link`, after a comma or not, with at
// most one word before it naming the product ("chips made by") and one after it describing the maker
// ("prodotte dalla bolzanina")?
bool IsMakerGap(const Language& lang, std::string_view gap);
// "4,2 miliardi di euro (circa 4,9 miliardi di dollari)": the index of the amount of money that tags[i]
// restates in another currency, right after it or after its time in brackets ("EUR 4.2bn in 2027
// (about $4.9bn)"); -1 when tags[i] converts none. A page's figures are in the currency of the first.
int ConvertedAmount(const Language& lang, const TaggedSentence& s, size_t i);

// Sets the placeholder text and the cue words present from the view and
// the tags (used again after the tags change).
void Render(const Language& lang, TaggedSentence* sentence);

// Gives every unknown name (`UNK`) whose id is in `ids` the type `type` in all the sentences, and renders
// the sentences that changed: what one sentence tells of a name ("12,000 CX-9 chips") holds on the page.
void RetypeUnknownNames(const Language& lang, const std::set<std::string>& ids, const std::string& type,
                        std::vector<TaggedSentence>* sentences);

}  // namespace kg::ingest

#endif  // KG_INGEST_TAGGER_H_
