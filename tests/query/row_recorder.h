// A RowVisitor for tests: renders each streamed row as RenderRows does
// (cells joined by " | ") while the row is being handed over, which is
// the only time its borrowed cells are valid, and can stop after a number
// of rows.
#ifndef KG_TESTS_QUERY_ROW_RECORDER_H_
#define KG_TESTS_QUERY_ROW_RECORDER_H_

#include <string>
#include <vector>

#include "kg/query.h"

namespace kg::testing {

class RowRecorder : public RowVisitor {
 public:
  // `stop_after`: Row returns false on that row (0: never).
  explicit RowRecorder(size_t stop_after = 0) : stop_after_(stop_after) {}

  void Columns(const std::vector<std::string>& names) override {
    columns = names;
    ++column_calls;
  }
  bool Row(const RowView& row) override {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i) text += (i ? " | " : "") + row[i].ToString();
    rows.push_back(std::move(text));
    return stop_after_ == 0 || rows.size() < stop_after_;
  }

  std::vector<std::string> columns;
  int column_calls = 0;
  std::vector<std::string> rows;

 private:
  size_t stop_after_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_QUERY_ROW_RECORDER_H_
