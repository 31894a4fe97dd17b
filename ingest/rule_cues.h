// Cues of a rule: words its regular expression cannot match without. A
// sentence that lacks every alternative of a cue cannot match, so the rule
// is skipped without running the (costly) regular expression. The cues are
// read from the pattern itself, so the rule files need no extra data.
#ifndef KG_INGEST_RULE_CUES_H_
#define KG_INGEST_RULE_CUES_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg::ingest {

// One cue: the pattern matches only text that contains one of these.
using Cue = std::vector<std::string>;

// The cues of an ICU regular expression (UTF-8): the literal text it must
// match at its top level, and each group it must match whose alternatives
// all start with literal text ("\b(?:plans?|budget\w*)" gives {plan,
// budget}). Conservative: empty when the pattern has a top-level '|', an
// inline flag, or a construct it does not know. Cues shorter than two
// characters, or made only of placeholder syntax, are left out.
std::vector<Cue> PatternCues(std::string_view pattern);

// Whether `text` contains one alternative of every cue.
bool CuesPresent(const std::vector<Cue>& cues, std::string_view text);

}  // namespace kg::ingest

#endif  // KG_INGEST_RULE_CUES_H_
