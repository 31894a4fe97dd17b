#include "ingest/salience.h"

#include <algorithm>
#include <set>

namespace kg::ingest {

namespace {

// How many sentences on a company stays the one anaphors point to, unless
// they restate it: the sentence right after ("Elisa will spend EUR 300m.
// The telecom group has ordered ..."); further on, "the company" is again
// the document's own, as journalists write after a paragraph on a rival.
constexpr size_t kSalienceReach = 1;

bool IsCompany(const Tag& tag) { return tag.type == "ORG" || tag.type == "UNK"; }

// The one subject of the sentence's statements that say whom it is about:
// figures stated of a company it names ("Elisa said it would spend EUR
// 300m") and statements of its anaphors, or "" when there are none or two.
// Figures stated of a model or a product ("Cantiere AI processes 2bn tokens a
// day", "Each B300 costs $30,000") do not make it what "the group" means next.
bool FigureOfAProduct(const std::string& predicate) { return predicate == "daily_tokens" || predicate == "unit_price"; }

std::string SubjectOfSentence(const std::vector<Extracted>& found) {
  std::set<std::string> subjects;
  for (const auto& e : found) {
    bool figure_of_name = e.subject_from == SubjectFrom::kName && e.claim.object.kind == TermKind::kQuantity &&
                          !FigureOfAProduct(e.claim.predicate);
    if (figure_of_name || (e.subject_from == SubjectFrom::kAnaphor && e.claim.predicate != kSamePrevious)) {
      subjects.insert(e.claim.subject.value);
    }
  }
  return subjects.size() == 1 ? *subjects.begin() : "";
}

// A name that may stand before the sentence's subject: a place ("In
// Finland, ..."), a counted product, an anaphor, a source already read or left unnamed,
// a unit's parent ("G42's cloud unit Core42"), a company paid ("Most of it will go to Nvidia: the company").
bool MayLead(const Tag& tag) {
  return !IsEntityType(tag.type) || tag.type == "PLACE" || tag.type == "COUNT" || tag.type == "REF" ||
         tag.type == "PARENT" || tag.type == "PAYEE" ||
         tag.type == "POSS" || tag.type == "SRC" || tag.type == "ATTR" || tag.type == "ANON";
}

// The first name of the sentence that may be its subject, or "".
std::string LeadingName(const TaggedSentence& s) {
  for (const auto& tag : s.tags) {
    if (!MayLead(tag)) return tag.id;
  }
  return "";
}

// The company a sentence names as its subject and names nothing else
// ("Anche Fastweb accelera.", "Elisa is expanding too."): a sentence about
// it; else "". A name further in ("Analysts at Jefferies said ...") is not
// what the sentence is about.
std::string OnlyName(const TaggedSentence& s) {
  if (s.tags.empty() || !IsCompany(s.tags[0]) || CountWords(std::string_view(s.view.text).substr(0, s.tags[0].start)) > 1) return "";
  for (const auto& tag : s.tags) {
    if (tag.id != s.tags[0].id || !IsCompany(tag)) return "";
  }
  return s.tags[0].id;
}

}  // namespace

std::string Salience::For(const TaggedSentence& s) const {
  if (age_ >= kSalienceReach) return "";
  for (const auto& tag : s.tags) {
    if (IsCompany(tag) && tag.id == current_) return "";
  }
  return current_;
}

void NoteHomes(const std::vector<Extracted>& found, Homes* homes) {
  for (const auto& e : found) {
    if (e.claim.predicate == "headquartered_in") (*homes)[e.claim.subject.value].insert(e.claim.object.value);
  }
}

namespace {

// The place a description tag i names ("Montreal" of "the Montreal-based group"), or "".
std::string DescribedPlace(const Language& lang, const TaggedSentence& s, size_t i) {
  if (i == 0 || s.tags[i].type != "REF" || s.tags[i - 1].type != "PLACE") return "";
  std::string between = s.view.text.substr(s.tags[i - 1].end, s.tags[i].start - s.tags[i - 1].end);
  size_t first = between.find_first_not_of(' '), last = between.find_last_not_of(' ');
  between = first == std::string::npos ? "" : between.substr(first, last - first + 1);  // the lexicon's phrases are trimmed
  bool linked = std::find(lang.description_links.begin(), lang.description_links.end(), between) != lang.description_links.end();
  return linked ? s.tags[i - 1].id : "";
}

// The one company at home in `place`, or "".
std::string AtHomeIn(const Homes& homes, const std::string& place) {
  std::string found;
  for (const auto& [company, places] : homes) {
    if (!places.count(place)) continue;
    if (!found.empty()) return "";
    found = company;
  }
  return found;
}

}  // namespace

bool ResolvePlaceDescriptions(const Language& lang, const Homes& homes, const std::string& antecedent,
                              TaggedSentence* s) {
  if (homes.empty() || lang.description_links.empty()) return false;
  bool changed = false;
  for (size_t i = 1; i < s->tags.size(); ++i) {
    std::string place = DescribedPlace(lang, *s, i);
    if (place.empty()) continue;
    std::string company = AtHomeIn(homes, place);
    if (company.empty() || company == antecedent) continue;
    s->tags[i].type = "ORG";
    s->tags[i].id = company;
    changed = true;
  }
  if (changed) Render(lang, s);
  return changed;
}

void Salience::Observe(const TaggedSentence& s, const std::vector<Extracted>& found, const std::string& topic) {
  std::string about = found.empty() ? OnlyName(s) : SubjectOfSentence(found);
  ++age_;
  if (!about.empty()) {
    current_ = about == topic ? "" : about;
    age_ = 0;
  } else if (!topic.empty() && LeadingName(s) == topic) {
    current_.clear();  // "Scaleway employs 900 people": back to the document's company
  }
}

}  // namespace kg::ingest
