#include "export/claims_jsonl.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "export/term_json.h"

namespace kg {

namespace {

// Orders objects: by kind, unit, then numerically for quantities.
bool ObjectLess(const Term& a, const Term& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.unit != b.unit) return a.unit < b.unit;
  if (a.kind == TermKind::kQuantity) {
    long double x = std::strtold(a.value.c_str(), nullptr);
    long double y = std::strtold(b.value.c_str(), nullptr);
    if (x != y) return x < y;
  }
  return std::tie(a.value, a.lang) < std::tie(b.value, b.lang);
}

bool ClaimLess(const ClaimRecord& a, const ClaimRecord& b) {
  if (a.claim.predicate != b.claim.predicate) return a.claim.predicate < b.claim.predicate;
  if (a.claim.when != b.claim.when) return a.claim.when < b.claim.when;
  return ObjectLess(a.claim.object, b.claim.object);
}

std::string SubjectKey(const Term& t) { return t.value + '\x1f' + std::to_string(static_cast<int>(t.kind)) + '\x1f' + t.unit + '\x1f' + t.lang; }

}  // namespace

nlohmann::json ClaimToJson(const ClaimRecord& record) {
  nlohmann::json line;
  const Claim& claim = record.claim;
  line["s"] = claim.subject.kind == TermKind::kEntity ? nlohmann::json(claim.subject.value) : TermToJson(claim.subject);
  line["p"] = claim.predicate;
  line["o"] = TermToJson(claim.object);
  if (!claim.when.empty()) line["when"] = claim.when;
  nlohmann::json sources = nlohmann::json::array();
  // Sources in a fixed order (the store lists them by internal document
  // number), so export -> import -> export is the identity.
  std::vector<Mention> mentions = record.mentions;
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return std::tie(a.doc, a.sentence, a.start, a.end, a.rule, a.text) <
           std::tie(b.doc, b.sentence, b.start, b.end, b.rule, b.text);
  });
  for (const Mention& m : mentions) {
    nlohmann::json source = {{"doc", m.doc},   {"lang", m.lang}, {"sentence", m.sentence},
                             {"start", m.start}, {"end", m.end}, {"text", m.text},
                             {"rule", m.rule}};
    if (!m.attributed_to.empty()) source["attributed_to"] = m.attributed_to;
    if (claim.object.kind == TermKind::kQuantity) source["bound"] = BoundName(m.bound);
    sources.push_back(std::move(source));
  }
  line["sources"] = std::move(sources);
  return line;
}

Status WriteClaimsJsonl(const Store& store, std::ostream& out) {
  std::map<std::string, Term> subjects;
  KG_RETURN_IF_ERROR(store.Match(Pattern{}, [&](const ClaimRecord& record) {
    subjects.emplace(SubjectKey(record.claim.subject), record.claim.subject);
    return true;
  }));
  for (const auto& [key, subject] : subjects) {
    std::vector<ClaimRecord> claims;
    Pattern pattern;
    pattern.subject = subject;
    KG_RETURN_IF_ERROR(store.Match(pattern, [&](const ClaimRecord& record) {
      claims.push_back(record);
      return true;
    }));
    std::sort(claims.begin(), claims.end(), ClaimLess);
    for (const auto& record : claims) {
      out << ClaimToJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    if (!out) return Status::IOError("write failed");
  }
  return Status::OK();
}

}  // namespace kg
