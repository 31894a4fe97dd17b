// Query specifications in the style of duckdb's sqllogictest: each case is
// a statement followed by its expected rows (cells joined by " | ") or by
// the text its error must contain.
//
//   # comment
//   query rowsort            (rowsort: compare rows sorted; plain: in order)
//   FIND ?x WHERE ?x competes_with Globex
//   ----
//   Umbrella Labs
//   Widget
//
//   error
//   FIND ?x WHERE ?x competes_with Globx
//   ----
//   did you mean Globex?
#ifndef KG_TESTS_QUERY_SPEC_FILE_H_
#define KG_TESTS_QUERY_SPEC_FILE_H_

#include <string>
#include <vector>

#include "kg/query.h"

namespace kg::testing {

struct SpecCase {
  std::string file;
  int line = 0;  // where the case starts
  bool expect_error = false;
  bool rowsort = false;
  std::string query;
  std::vector<std::string> expected;  // rows, or error fragments
};

// Parses a spec file; a malformed one fails the calling test.
std::vector<SpecCase> ReadSpecFile(const std::string& path);

// " | "-joined cells, as the expected rows are written.
std::vector<std::string> RenderRows(const QueryResult& result);

}  // namespace kg::testing

#endif  // KG_TESTS_QUERY_SPEC_FILE_H_
