// "Did you mean ...": the closest known names to a misspelt one, by edit
// distance over normalised (case-folded) code points.
#ifndef KG_QUERY_SUGGEST_H_
#define KG_QUERY_SUGGEST_H_

#include <string>
#include <vector>

namespace kg::query {

// Up to `max` names within a distance that grows with the length of
// `wanted`, closest first; ties in the order given.
std::vector<std::string> ClosestNames(const std::string& wanted, const std::vector<std::string>& names,
                                      size_t max = 3);

// "; did you mean A, B or C?" or "" when `close` is empty.
std::string FormatSuggestions(const std::vector<std::string>& close);

// FormatSuggestions(ClosestNames(wanted, names)).
std::string DidYouMean(const std::string& wanted, const std::vector<std::string>& names);

}  // namespace kg::query

#endif  // KG_QUERY_SUGGEST_H_
