// Relations a page states by describing a name instead of with a verb: an
// apposition or a relative clause after the name ("ELYZA, the Tokyo AI
// startup that KDDI took control of", "Noovle, la società del cloud del
// gruppo TIM", "NTT, with which KDDI competes") or a head noun around it
// ("the group's WAKONX platform", "La controllata tedesca myLoc"). Rules
// read such descriptions one phrasing at a time; here the head noun's class
// (`relation_head`: subsidiary -> owns, platform -> operates, model ->
// develops, rival -> competes_with) or a verb of the relative clause
// (`relation_verb`: "took control of", "si contende") gives the predicate,
// and the other party is the company named after a `party_link` ("of",
// "del gruppo"), as the relative clause's subject or before "'s", else the
// page's company when an anaphor or an `own_party` ("the group's", "il
// gruppo", "our own") names it. A `relation_guard` word ("sold", "former",
// "minority", "runs on") or a negation in the description states nothing.
#ifndef KG_INGEST_DESCRIPTIONS_H_
#define KG_INGEST_DESCRIPTIONS_H_

#include <vector>

#include "ingest/relations.h"
#include "ingest/rule_data.h"
#include "ingest/tagger.h"

namespace kg::ingest {

// The statements the descriptions of sentence `s` give that `found` (the
// statements already read from it) does not hold between the same two
// parties. Their rule is "description.<lang>.<predicate>".
std::vector<Extracted> ReadDescriptions(const Language& lang, const TaggedSentence& s,
                                        const std::vector<Extracted>& found, const DocumentContext& context);

}  // namespace kg::ingest

#endif  // KG_INGEST_DESCRIPTIONS_H_
