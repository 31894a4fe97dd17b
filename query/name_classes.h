// The Unicode classes of KGQL names, tested by the lexer's predicates
// (grammar/KGQL.g4) instead of being spelled out as sets: \p{L}, \p{M}
// and \p{N} are thousands of intervals, which every process paid for in
// the lexer's static ATN set-up (~40M instructions) before lexing a query.
#ifndef KG_QUERY_NAME_CLASSES_H_
#define KG_QUERY_NAME_CLASSES_H_

#include <cstddef>

#include <unicode/uchar.h>

namespace kg::query {

// \p{L}: a name's first code point beyond ASCII.
inline bool IsNameStart(size_t code_point) {
  return (U_GET_GC_MASK(static_cast<UChar32>(code_point)) & U_GC_L_MASK) != 0;
}

// \p{L}, \p{M} or \p{N}: any later code point beyond ASCII (marks, so that
// Devanagari names stay one token).
inline bool IsNamePart(size_t code_point) {
  return (U_GET_GC_MASK(static_cast<UChar32>(code_point)) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

}  // namespace kg::query

#endif  // KG_QUERY_NAME_CLASSES_H_
