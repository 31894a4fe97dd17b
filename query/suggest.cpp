#include "query/suggest.h"

#include <algorithm>
#include <set>

#include <unicode/unistr.h>

#include "storage/normalize.h"

namespace kg::query {

namespace {

std::u32string CodePoints(const std::string& utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(NormalizeName(utf8));
  std::u32string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) out.push_back(text.char32At(i));
  return out;
}

size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> ClosestNames(const std::string& wanted, const std::vector<std::string>& names,
                                      size_t max) {
  std::u32string target = CodePoints(wanted);
  size_t limit = std::max<size_t>(2, target.size() / 3);
  std::vector<std::pair<size_t, std::string>> scored;
  std::set<std::string> seen;
  for (const auto& name : names) {
    if (!seen.insert(name).second) continue;
    std::u32string candidate = CodePoints(name);
    // Cheap bound first: the distance is at least the length difference.
    size_t gap = candidate.size() > target.size() ? candidate.size() - target.size() : target.size() - candidate.size();
    if (gap > limit) continue;
    size_t distance = EditDistance(target, candidate);
    if (distance <= limit) scored.emplace_back(distance, name);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
  return out;
}

std::string DidYouMean(const std::string& wanted, const std::vector<std::string>& names) {
  return FormatSuggestions(ClosestNames(wanted, names));
}

std::string FormatSuggestions(const std::vector<std::string>& close) {
  if (close.empty()) return "";
  std::string out = "; did you mean ";
  for (size_t i = 0; i < close.size(); ++i) {
    if (i > 0) out += i + 1 == close.size() ? " or " : ", ";
    out += close[i];
  }
  return out + "?";
}

}  // namespace kg::query
