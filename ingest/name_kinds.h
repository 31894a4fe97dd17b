// What an unknown name is, read from its context: a person or a product.
//
// People named in an article: an unknown name that the page writes as a
// person's ("analyst Hugh Lambert", "Mr Okafor", "Mario Rossi, amministratore
// delegato di ...", or a first name and surname, then the surname alone) is
// tagged PERSON, so it is never a claim's subject nor the page's main
// organisation: "confirmed by Payne" gave Payne the page's budget when he was
// read as an unknown company.
#ifndef KG_INGEST_NAME_KINDS_H_
#define KG_INGEST_NAME_KINDS_H_

#include <vector>

#include "ingest/rule_data.h"
#include "ingest/tagger.h"

namespace kg::ingest {

// Retypes the document's unknown names that are people (UNK -> PERSON) and
// renders the sentences it changes. An analyst's firm written before the
// role ("Macquarie analyst Hugh Lambert") joins the person's mention: the
// firm is no party to what its analyst forecasts.
void ReadPeople(const Language& lang, std::vector<TaggedSentence>* sentences);

// Retypes the unknown names the page writes right after a product word
// ("il modello X", "मॉडल X", "the platform X"; lexicon `product_word`) to
// UNKPRODUCT in the whole document: the rules that take an unknown name
// (`UNKNOWN_NAME`) still take it, and those of overtook, lags_behind,
// unit_price ... take it as a product (`PRODUCT`, `RIVAL`); it is never a
// company, nor the page's main organisation.
void ReadProducts(const Language& lang, std::vector<TaggedSentence>* sentences);

// Is the unknown name s.tags[i] written as a product: right after a product word ("la piattaforma X")
// or with one in apposition after it ("X Cloud, una piattaforma ...", "X, the group's GPU cloud
// platform")? Such a name made of its maker's name is no full name of the maker.
bool NamedAsProduct(const Language& lang, const TaggedSentence& s, size_t i);

// A company named as the parent of the unit right after it ("G42's cloud unit Core42 will invest ...")
// becomes `PARENT`: the unit is what the sentence is about, and the `owns` rules read the pair.
// "We will spend ...," says Priya Rao, chief financial officer of Halcyon AI: the first person inside the
// quote becomes the speaker's company (an analyst's "we" becomes the analyst: no company's plan).
void ReadQuotedSpeakers(const Language& lang, std::vector<TaggedSentence>* sentences);

// A company named as where the money goes, at the end of its clause ("Most of it will go to Nvidia: the
// company plans to buy ...") becomes `PAYEE`: no subject, so the anaphor after it is the buyer's.
void ReadPayees(const Language& lang, std::vector<TaggedSentence>* sentences);

void ReadParentsOfUnits(const Language& lang, std::vector<TaggedSentence>* sentences);

// Where the word at view position `pos` ends: at a space or punctuation (" ,.;:()\"").
size_t WordEndAt(const std::string& text, size_t pos);

}  // namespace kg::ingest

#endif  // KG_INGEST_NAME_KINDS_H_
