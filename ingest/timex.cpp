#include "ingest/timex.h"

#include <chrono>
#include <cstdio>

namespace kg::ingest {

namespace {

bool IsYearAt(const std::string& text, size_t pos, int* year) {
  if (pos + 4 > text.size() || IsWordCharBefore(text, pos) || IsWordCharAt(text, pos + 4)) return false;
  for (size_t i = 0; i < 4; ++i) if (text[pos + i] < '0' || text[pos + i] > '9') return false;
  if (pos > 0 && (text[pos - 1] == '.' || text[pos - 1] == ',')) return false;
  // "2025-2027" is a span of years, not one year.
  bool dash_after = pos + 5 < text.size() && text[pos + 4] == '-' && text[pos + 5] >= '0' && text[pos + 5] <= '9';
  bool dash_before = pos >= 2 && text[pos - 1] == '-' && text[pos - 2] >= '0' && text[pos - 2] <= '9';
  if (dash_after || dash_before) return false;
  if (pos + 5 < text.size() && (text[pos + 4] == '.' || text[pos + 4] == ',') && text[pos + 5] >= '0' &&
      text[pos + 5] <= '9') {
    return false;
  }
  *year = std::stoi(text.substr(pos, 4));
  return *year >= 1900 && *year <= 2100;
}

bool IsDigitAt(const std::string& text, size_t pos) { return pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; }

// The end of the language's fiscal-year prefix (`fiscal_prefix`: "fy", "वित्त
// वर्ष") at `pos` with at most one space after it, when a digit follows; 0 otherwise.
size_t FiscalPrefixEnd(const std::string& text, size_t pos, const Language& lang) {
  for (const std::string& prefix : lang.fiscal_prefixes) {
    if (text.compare(pos, prefix.size(), prefix) != 0) continue;
    size_t end = pos + prefix.size();
    if (end < text.size() && text[end] == ' ') ++end;
    if (IsDigitAt(text, end)) return end;
  }
  return 0;
}

}  // namespace

bool AfterFiscalPrefix(const std::string& text, size_t pos, const Language& lang) {
  size_t before = pos > 0 && text[pos - 1] == ' ' ? pos - 1 : pos;
  for (const std::string& prefix : lang.fiscal_prefixes) {
    if (before >= prefix.size() && text.compare(before - prefix.size(), prefix.size(), prefix) == 0) return true;
  }
  return false;
}

namespace {

// A fiscal year: "2026-27" (the second year in two digits, the next one:
// Indian fiscal years) is named by the year it starts in; a prefixed one
// ("FY2026", "FY 2026", "FY26", "वित्त वर्ष 27") by its year as written,
// whatever the country's convention (Indian FY27 ends in March 2027, a
// Japanese FY2026 starts in April 2026). Its end: the position after it, 0
// when it is none. "2026-2027" (four digits after the dash) stays a span.
size_t FiscalYearAt(const std::string& text, size_t pos, const Language& lang, int* year) {
  size_t prefix_end = FiscalPrefixEnd(text, pos, lang);
  bool prefixed = prefix_end != 0;
  size_t at = prefixed ? prefix_end : pos;
  if (!IsDigitAt(text, at) || !IsDigitAt(text, at + 1)) return 0;
  size_t digits = IsDigitAt(text, at + 2) && IsDigitAt(text, at + 3) ? 4 : 2;
  if (IsWordCharAt(text, at + digits) || (digits == 2 && !prefixed)) return 0;
  int value = std::stoi(text.substr(at, digits));
  if (digits == 2) value += 2000;
  size_t end = at + digits;
  bool span = digits == 4 && text[end] == '-' && IsDigitAt(text, end + 1) && IsDigitAt(text, end + 2) &&
              !IsWordCharAt(text, end + 3);
  if (span && std::stoi(text.substr(end + 1, 2)) != (value + 1) % 100) return 0;
  if (span) end += 3;
  if ((!prefixed && !span) || value < 1900 || value > 2100) return 0;
  *year = value;
  return end;
}

std::string Month(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

// The fiscal year the publication date falls in, named (as "2026-27" is)
// by the calendar year it starts in: with an April start, March 2026 is in
// the fiscal year 2025. 0 when the month is unknown: a bare year cannot tell.
int CurrentFiscalYear(const RefDate& ref, int start_month) {
  if (ref.month == 0 || start_month < 1 || start_month > 12) return 0;
  return ref.month >= start_month ? ref.year : ref.year - 1;
}

// The month of the day `delta` days from the publication day ("yesterday": -1): "ieri" of a page
// published on the 1st is the month before. A publication date without a day leaves it undated (as the
// paraphrase sets expect: "priced yesterday" of a page of "2025-12" names no date).
std::string MonthOfDay(const RefDate& ref, int delta) {
  if (ref.day == 0 || ref.month == 0) return "";
  std::chrono::year_month_day day{std::chrono::sys_days{std::chrono::year{ref.year} / ref.month / ref.day} +
                                  std::chrono::days{delta}};
  return Month(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())));
}

// A relative phrase's value: "year+1", "month+0", "day-1", "year-1", or "fiscal+1"
// (the next fiscal year; `fiscal_start` is the month it starts in).
std::string ResolveRelative(const std::string& value, const RefDate& ref, const std::string& fiscal_start = "") {
  if (ref.year == 0) return "";
  size_t sign = value.find_first_of("+-");
  if (sign == std::string::npos) return "";
  std::string unit = value.substr(0, sign);
  int delta = std::stoi(value.substr(sign));
  if (unit == "year") return std::to_string(ref.year + delta);
  if (unit == "fiscal") {
    int current = fiscal_start.empty() ? 0 : CurrentFiscalYear(ref, std::stoi(fiscal_start));
    return current == 0 ? "" : std::to_string(current + delta);
  }
  if (unit == "day") return MonthOfDay(ref, delta);
  if (unit == "month" && ref.month > 0) {
    int index = ref.year * 12 + (ref.month - 1) + delta;
    return Month(index / 12, index % 12 + 1);
  }
  return "";
}

// A month named without a year: the one nearest the publication date,
// looking back up to nine months and ahead up to two.
int YearOfMonth(int month, const RefDate& ref) {
  if (ref.month == 0) return ref.year;
  int diff = month - ref.month;
  if (diff > 2) return ref.year - 1;
  if (diff < -9) return ref.year + 1;
  return ref.year;
}

}  // namespace

RefDate RefDate::Parse(const std::string& published) {
  RefDate ref;
  if (published.size() >= 4) {
    try {
      ref.year = std::stoi(published.substr(0, 4));
      if (published.size() >= 7) ref.month = std::stoi(published.substr(5, 2));
      if (published.size() >= 10) ref.day = std::stoi(published.substr(8, 2));
    } catch (...) {
      ref = RefDate{};
    }
  }
  return ref;
}

std::vector<TimeMention> FindTimes(const TextView& view, const std::vector<size_t>& starts, const Language& lang,
                                   const RefDate& ref, const std::vector<bool>& taken) {
  std::vector<TimeMention> found;
  const std::string& text = view.text;
  size_t next = 0;  // the end of the last time found
  for (size_t pos : starts) {
    if (pos < next || taken[pos] || IsWordCharBefore(text, pos)) continue;
    size_t end = 0;
    TimeMention t;
    t.start = pos;
    int year = 0;
    if (const Phrase* p = lang.relative_times.Match(view, pos, &end)) {
      t.value = ResolveRelative(p->value, ref, p->extra);
      t.end = end;
    } else if (const Phrase* m = lang.months.Match(view, pos, &end)) {
      int month = std::stoi(m->value);
      size_t after = SkipSpaces(text, end);
      int explicit_year = 0;
      size_t relative_end = 0;
      const Phrase* relative = lang.relative_times.Match(view, after, &relative_end);
      if (IsYearAt(text, after, &explicit_year)) {
        t.value = Month(explicit_year, month);
        end = after + 4;
      } else if (relative != nullptr && relative->value.rfind("year", 0) == 0 && ref.year != 0) {
        // "in March last year": that year's March, not the nearest one.
        t.value = Month(std::stoi(ResolveRelative(relative->value, ref)), month);
        end = relative_end;
      } else if (ref.year != 0) {
        t.value = Month(YearOfMonth(month, ref), month);
      }
      t.end = end;
    } else if (const Phrase* q = lang.quarters.Match(view, pos, &end)) {
      size_t after = SkipSpaces(text, end);
      int explicit_year = ref.year;
      if (IsYearAt(text, after, &explicit_year)) end = after + 4;
      if (explicit_year != 0) t.value = std::to_string(explicit_year) + "-Q" + q->value;
      t.end = end;
    } else if (size_t fiscal_end = FiscalYearAt(text, pos, lang, &year); fiscal_end != 0) {
      t.value = std::to_string(year);
      t.end = fiscal_end;
    } else if (IsYearAt(text, pos, &year)) {
      t.value = std::to_string(year);
      t.end = pos + 4;
    }
    if (t.end == 0) continue;
    bool free = true;
    for (size_t i = t.start; i < t.end; ++i) free = free && !taken[i];
    if (free && !t.value.empty()) found.push_back(t);
    next = t.end;
  }
  return found;
}

std::string TimeAtGrain(const std::string& iso, WhenGrain grain) {
  if (grain == WhenGrain::kNone) return "";
  if (grain == WhenGrain::kYear) return iso.substr(0, 4);
  return iso;
}

}  // namespace kg::ingest
