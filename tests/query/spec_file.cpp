#include "spec_file.h"

#include <fstream>

#include <gtest/gtest.h>

namespace kg::testing {

std::vector<SpecCase> ReadSpecFile(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<SpecCase> cases;
  std::string line;
  int number = 0;
  enum { kBetween, kQuery, kExpected } state = kBetween;
  while (std::getline(in, line)) {
    ++number;
    if (state == kBetween) {
      if (line.empty() || line[0] == '#') continue;
      SpecCase c;
      c.file = path;
      c.line = number;
      c.expect_error = line.rfind("error", 0) == 0;
      c.rowsort = line.find("rowsort") != std::string::npos;
      EXPECT_TRUE(c.expect_error || line.rfind("query", 0) == 0) << path << ":" << number << ": bad directive " << line;
      cases.push_back(c);
      state = kQuery;
    } else if (state == kQuery) {
      if (line == "----") {
        state = kExpected;
      } else {
        cases.back().query += (cases.back().query.empty() ? "" : "\n") + line;
      }
    } else if (line.empty()) {
      state = kBetween;
    } else {
      cases.back().expected.push_back(line);
    }
  }
  EXPECT_NE(state, kQuery) << path << ": the last case has no ----";
  return cases;
}

std::vector<std::string> RenderRows(const QueryResult& result) {
  std::vector<std::string> rows;
  for (const auto& row : result.rows) {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i) text += (i ? " | " : "") + row[i].ToString();
    rows.push_back(text);
  }
  return rows;
}

}  // namespace kg::testing
