// A kg::Term as JSON, exactly as the claims export writes an object:
//   {"type":"entity","id":"ByteDance"}
//   {"type":"quantity","value":"160000000000","unit":"CNY","bound":"approx"}
//   {"type":"text","value":"…","lang":"en"}
// (and, for completeness, {"type":"time","value":"2026"} and
// {"type":"predicate","id":"owns"}). Shared with `kg query --format json`.
#ifndef KG_EXPORT_TERM_JSON_H_
#define KG_EXPORT_TERM_JSON_H_

#include <nlohmann/json.hpp>

#include "kg/model.h"

namespace kg {

nlohmann::json TermToJson(const Term& term);

}  // namespace kg

#endif  // KG_EXPORT_TERM_JSON_H_
