// The claims export: one JSON object per claim and line, sorted by subject,
// predicate, when and object (the contract in docs/claims.md). Streams one
// subject at a time, so memory holds the subjects and one subject's claims.
#ifndef KG_EXPORT_CLAIMS_JSONL_H_
#define KG_EXPORT_CLAIMS_JSONL_H_

#include <ostream>

#include <nlohmann/json.hpp>

#include "kg/store.h"

namespace kg {

// One claim as its JSON line (without the newline).
nlohmann::json ClaimToJson(const ClaimRecord& record);

Status WriteClaimsJsonl(const Store& store, std::ostream& out);

}  // namespace kg

#endif  // KG_EXPORT_CLAIMS_JSONL_H_
