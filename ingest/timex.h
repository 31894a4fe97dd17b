// Time expressions: years, months, quarters and relative phrases ("this
// year", "quest'anno", "इस साल", "in October"), resolved against the
// document's publication date into "2026", "2025-10" or "2025-Q3".
#ifndef KG_INGEST_TIMEX_H_
#define KG_INGEST_TIMEX_H_

#include <string>
#include <vector>

#include "ingest/rule_data.h"
#include "ingest/text_view.h"

namespace kg::ingest {

// A publication date, "2025-12" or "2025-12-03"; year 0 when unknown.
struct RefDate {
  int year = 0;
  int month = 0;
  int day = 0;  // 0 when the publication date names no day
  static RefDate Parse(const std::string& published);
};

struct TimeMention {
  size_t start = 0;  // view positions
  size_t end = 0;
  std::string value;  // ISO: "2026", "2025-10", "2025-Q3"
};

// Every time expression of the view that can be resolved, starting at one
// of `starts` (where words and symbols start, ascending: a time starts
// nowhere else); positions in `taken` (already claimed by other mentions)
// are skipped.
std::vector<TimeMention> FindTimes(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                                   const RefDate& ref, const std::vector<bool>& taken);

// Does one of the language's fiscal-year prefixes ("fy", "वित्त वर्ष"), with at
// most one space after it, end right at view position `pos`? The number after
// it is a year, not an amount.
bool AfterFiscalPrefix(const std::string& text, size_t pos, const Language& lang);

// "2025-10" at year grain -> "2025"; a year stays a year.
std::string TimeAtGrain(const std::string& iso, WhenGrain grain);

}  // namespace kg::ingest

#endif  // KG_INGEST_TIMEX_H_
