// People named in an article: an unknown name that the page writes as a
// person's ("analyst Hugh Lambert", "Mr Okafor", "Mario Rossi, amministratore
// delegato di ...", or a first name and surname, then the surname alone) is
// tagged PERSON, so it is never a claim's subject nor the page's main
// organisation: "confirmed by Payne" gave Payne the page's budget when he was
// read as an unknown company.
#ifndef KG_INGEST_PEOPLE_H_
#define KG_INGEST_PEOPLE_H_

#include <vector>

#include "ingest/rule_data.h"
#include "ingest/tagger.h"

namespace kg::ingest {

// Retypes the document's unknown names that are people (UNK -> PERSON) and
// renders the sentences it changes. An analyst's firm written before the
// role ("Macquarie analyst Hugh Lambert") joins the person's mention: the
// firm is no party to what its analyst forecasts.
void ReadPeople(const Language& lang, std::vector<TaggedSentence>* sentences);

}  // namespace kg::ingest

#endif  // KG_INGEST_PEOPLE_H_
