#include "query/error.h"

#include <sstream>

#include "query/display_width.h"

namespace kg::query {

namespace {

std::string LineOf(const std::string& text, size_t line) {
  std::istringstream in(text);
  std::string current;
  for (size_t n = 1; std::getline(in, current); ++n) {
    if (n == line) break;
    current.clear();
  }
  if (!current.empty() && current.back() == '\r') current.pop_back();
  return current;
}

}  // namespace

Status ErrorAt(const std::string& text, SourcePos pos, const std::string& message, const std::string& suffix) {
  std::ostringstream out;
  out << message << " (line " << pos.line << ", column " << pos.column << ")" << suffix;
  std::string line = LineOf(text, pos.line);
  // Tabs would misalign the caret; show them as single spaces.
  for (char& c : line) {
    if (c == '\t') c = ' ';
  }
  size_t indent = DisplayWidthOfPrefix(line, pos.column - 1);
  out << "\n  " << line << "\n  " << std::string(indent, ' ') << "^";
  return Status::InvalidArgument(out.str());
}

}  // namespace kg::query
