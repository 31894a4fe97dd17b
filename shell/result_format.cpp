#include "shell/result_format.h"

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

#include "export/term_json.h"
#include "query/display_width.h"
#include "query/shaping.h"

namespace kg::shell {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";
// Long cells (sentences) are cut in tables; JSON and CSV keep them whole.
constexpr size_t kMaxCellWidth = 80;

// A table cell: one line, at most kMaxCellWidth columns wide.
std::string CellText(const Value& value) {
  std::string text = value.ToString();
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  if (DisplayWidth(text) <= kMaxCellWidth) return text;
  // Cut at a code point boundary, leaving room for the ellipsis.
  std::string cut;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) length = 4; else if (lead >= 0xE0) length = 3; else if (lead >= 0xC0) length = 2;
    std::string next = cut + text.substr(i, length);
    if (DisplayWidth(next) > kMaxCellWidth - 1) break;
    cut = std::move(next);
    i += length;
  }
  return cut + "…";
}

// `last`: the last column of a line is not padded on the right.
void Pad(std::ostream& out, const std::string& text, size_t width, bool right_align, bool last) {
  size_t padding = width - std::min(width, DisplayWidth(text));
  if (right_align) out << std::string(padding, ' ');
  out << text;
  if (!right_align && !last) out << std::string(padding, ' ');
}

void PrintTable(const QueryResult& result, bool colour, std::ostream& out) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths;
  for (const auto& column : result.columns) widths.push_back(DisplayWidth(column));
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      line.push_back(CellText(row[c]));
      widths[c] = std::max(widths[c], DisplayWidth(line.back()));
    }
    cells.push_back(std::move(line));
  }
  for (size_t c = 0; c < result.columns.size(); ++c) {
    out << (c ? " | " : "") << (colour ? kBold : "");
    Pad(out, result.columns[c], widths[c], false, c + 1 == result.columns.size());
    out << (colour ? kReset : "");
  }
  out << "\n";
  for (size_t c = 0; c < widths.size(); ++c) out << (c ? "-+-" : "") << std::string(widths[c], '-');
  out << "\n";
  for (size_t r = 0; r < cells.size(); ++r) {
    for (size_t c = 0; c < cells[r].size(); ++c) {
      bool number = result.rows[r][c].kind == Value::Kind::kNumber;
      bool null = result.rows[r][c].kind == Value::Kind::kNull;
      out << (c ? " | " : "") << (colour && null ? kDim : "");
      Pad(out, cells[r][c], widths[c], number, c + 1 == cells[r].size());
      out << (colour && null ? kReset : "");
    }
    out << "\n";
  }
  out << (colour ? kDim : "") << "(" << result.rows.size() << (result.rows.size() == 1 ? " row" : " rows");
  if (result.stopped_by == "cancelled") {
    out << "; cancelled";
  } else if (!result.stopped_by.empty()) {
    out << "; stopped by " << result.stopped_by;
  }
  out << ")" << (colour ? kReset : "") << "\n";
}

// Appends a CSV field; a field with a comma, quote or line break is quoted
// and its quotes doubled.
void AppendCsvField(std::string_view text, std::string* line) {
  auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
  if (std::none_of(text.begin(), text.end(), special)) {
    line->append(text);
    return;
  }
  line->push_back('"');
  for (char c : text) {
    if (c == '"') line->push_back('"');
    line->push_back(c);
  }
  line->push_back('"');
}

std::string CompactJson(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// {"columns":[...],"rows":[[...],...],"stopped_by":"..."}: the compact form
// nlohmann would give the whole object, written a row at a time.
class JsonRowPrinter : public RowPrinter {
 public:
  explicit JsonRowPrinter(std::ostream& out) : out_(out) {}
  void Columns(const std::vector<std::string>& names) override {
    out_ << "{\"columns\":" << CompactJson(names) << ",\"rows\":[";
  }
  bool Row(const RowView& row) override {
    nlohmann::json cells = nlohmann::json::array();
    for (size_t c = 0; c < row.size(); ++c) cells.push_back(ValueToJson(row[c]));
    out_ << (first_ ? "" : ",") << CompactJson(cells);
    first_ = false;
    return static_cast<bool>(out_);
  }
  void Finish(const std::string& stopped_by) override {
    out_ << "]";
    if (!stopped_by.empty()) out_ << ",\"stopped_by\":" << CompactJson(stopped_by);
    out_ << "}\n";
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

// RFC 4180: a header line, then one line per row, CRLF line ends.
class CsvRowPrinter : public RowPrinter {
 public:
  explicit CsvRowPrinter(std::ostream& out) : out_(out) {}
  void Columns(const std::vector<std::string>& names) override {
    line_.clear();
    for (size_t c = 0; c < names.size(); ++c) {
      if (c > 0) line_.push_back(',');
      AppendCsvField(names[c], &line_);
    }
    WriteLine();
  }
  bool Row(const RowView& row) override {
    // A row's text is built in one reused buffer and written at once: a
    // large answer is mostly this loop.
    line_.clear();
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) line_.push_back(',');
      cell_.clear();
      row[c].AppendText(&cell_);
      AppendCsvField(cell_, &line_);
    }
    WriteLine();
    return static_cast<bool>(out_);
  }
  void Finish(const std::string&) override {}

 private:
  void WriteLine() {
    line_ += "\r\n";
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }

  std::ostream& out_;
  std::string line_;
  std::string cell_;
};

}  // namespace

const char* ResultFormatName(ResultFormat format) {
  switch (format) {
    case ResultFormat::kTable: return "table";
    case ResultFormat::kJson: return "json";
    case ResultFormat::kCsv: return "csv";
  }
  return "table";
}

bool ParseResultFormat(const std::string& name, ResultFormat* format) {
  for (ResultFormat f : {ResultFormat::kTable, ResultFormat::kJson, ResultFormat::kCsv}) {
    if (name == ResultFormatName(f)) {
      *format = f;
      return true;
    }
  }
  return false;
}

nlohmann::json ValueToJson(const Value& value) {
  switch (value.kind) {
    case Value::Kind::kNull: return nullptr;
    case Value::Kind::kNumber: return value.number;
    case Value::Kind::kString: return value.text;
    case Value::Kind::kTerm:
      if (value.term.kind == TermKind::kTime || value.term.kind == TermKind::kPredicate) return value.term.value;
      return TermToJson(value.term);
  }
  return nullptr;
}

void PrintResult(const QueryResult& result, ResultFormat format, bool colour, std::ostream& out) {
  switch (format) {
    case ResultFormat::kTable: PrintTable(result, colour, out); break;
    case ResultFormat::kJson:
    case ResultFormat::kCsv: {
      auto printer = StreamingPrinter(format, out);
      query::Replay(result, *printer);
      printer->Finish(result.stopped_by);
      break;
    }
  }
}

std::unique_ptr<RowPrinter> StreamingPrinter(ResultFormat format, std::ostream& out) {
  switch (format) {
    case ResultFormat::kJson: return std::make_unique<JsonRowPrinter>(out);
    case ResultFormat::kCsv: return std::make_unique<CsvRowPrinter>(out);
    case ResultFormat::kTable: break;
  }
  return nullptr;
}

}  // namespace kg::shell
