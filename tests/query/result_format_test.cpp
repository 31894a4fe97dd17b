// Rendering results (shell/result_format.h) and `kg query` end to end.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "query/display_width.h"
#include "seed_store.h"
#include "shell/result_format.h"
#include "small_store.h"
#include "test_util.h"

namespace kg::testing {
namespace {

using shell::ResultFormat;

QueryResult Sample() {
  QueryResult result;
  result.columns = {"org", "amount", "when", "sources", "doc"};
  result.rows.push_back({Value::OfTerm(Term::Entity("ByteDance")),
                         Value::OfTerm(Term::Quantity("160000000000", "CNY", Bound::kApprox)),
                         Value::OfTerm(Term::Time("2026")), Value::OfNumber(5), Value::OfString("d1")});
  result.rows.push_back({Value::OfTerm(Term::Entity("बाइटडांस")), Value::OfTerm(Term::Quantity("7", "percent")),
                         Value::Null(), Value::OfNumber(12), Value::OfString("say \"hi\", then go")});
  result.rows.push_back({Value::OfTerm(Term::Entity("字节跳动")), Value::OfTerm(Term::Text("bonjour", "fr")),
                         Value::OfTerm(Term::Time("2025-10")), Value::OfNumber(0), Value::OfString("d3")});
  return result;
}

std::string Render(const QueryResult& result, ResultFormat format, bool colour = false) {
  std::ostringstream out;
  shell::PrintResult(result, format, colour, out);
  return out.str();
}

TEST(ResultFormatTest, TableColumnsLineUpByDisplayWidth) {
  std::istringstream lines(Render(Sample(), ResultFormat::kTable));
  std::string line;
  std::vector<size_t> bars;  // display column of the first " | " in each line
  while (std::getline(lines, line)) {
    if (line.rfind("(", 0) == 0) {
      EXPECT_EQ(line, "(3 rows)");
      continue;
    }
    EXPECT_NE(line.back(), ' ') << "trailing padding: " << line;
    size_t bar = line.find(" | ");
    if (bar == std::string::npos) bar = line.find("-+-");
    ASSERT_NE(bar, std::string::npos) << line;
    bars.push_back(DisplayWidth(line.substr(0, bar)));
  }
  ASSERT_EQ(bars.size(), 5u);  // header, rule, three rows
  for (size_t i = 1; i < bars.size(); ++i) {
    EXPECT_EQ(bars[i], bars[0]);
  }
  // 字节跳动 is four characters wide two columns each: the widest cell.
  EXPECT_EQ(bars[0], 9u);
}

TEST(ResultFormatTest, TableNumbersAlignRightAndStopIsShown) {
  QueryResult result = Sample();
  result.stopped_by = "max_rows";
  std::string table = Render(result, ResultFormat::kTable);
  EXPECT_NE(table.find("|       5 |"), std::string::npos) << table;
  EXPECT_NE(table.find("(3 rows; stopped by max_rows)"), std::string::npos) << table;
  EXPECT_EQ(table.find("\033["), std::string::npos);  // no colour unless asked
  EXPECT_NE(Render(result, ResultFormat::kTable, true).find("\033[1m"), std::string::npos);
}

TEST(ResultFormatTest, JsonEncodesTermsAsTheClaimsExport) {
  auto json = nlohmann::json::parse(Render(Sample(), ResultFormat::kJson));
  EXPECT_EQ(json["columns"], nlohmann::json({"org", "amount", "when", "sources", "doc"}));
  ASSERT_EQ(json["rows"].size(), 3u);
  EXPECT_EQ(json["rows"][0][0], nlohmann::json({{"type", "entity"}, {"id", "ByteDance"}}));
  EXPECT_EQ(json["rows"][0][1],
            nlohmann::json({{"type", "quantity"}, {"value", "160000000000"}, {"unit", "CNY"}, {"bound", "approx"}}));
  EXPECT_EQ(json["rows"][0][2], "2026");
  EXPECT_EQ(json["rows"][0][3], 5);
  EXPECT_EQ(json["rows"][0][4], "d1");
  EXPECT_TRUE(json["rows"][1][2].is_null());
  EXPECT_EQ(json["rows"][2][1], nlohmann::json({{"type", "text"}, {"value", "bonjour"}, {"lang", "fr"}}));
  EXPECT_FALSE(json.contains("stopped_by"));
}

TEST(ResultFormatTest, CsvQuotesWhatNeedsIt) {
  std::string csv = Render(Sample(), ResultFormat::kCsv);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "org,amount,when,sources,doc");
  EXPECT_NE(csv.find("बाइटडांस,7 percent,,12,\"say \"\"hi\"\", then go\"\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("ByteDance,≈ CNY 160bn,2026,5,d1\r\n"), std::string::npos) << csv;
}

TEST(ResultFormatTest, FormatNames) {
  ResultFormat format;
  for (const char* name : {"table", "json", "csv"}) {
    ASSERT_TRUE(shell::ParseResultFormat(name, &format));
    EXPECT_STREQ(shell::ResultFormatName(format), name);
  }
  EXPECT_FALSE(shell::ParseResultFormat("xml", &format));
}

class KgQueryCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore(dir_.path());
    ASSERT_NE(store, nullptr);
    FillSmallStore(*store);
  }
  std::string Kg(const std::string& args, int* status) {
    std::string output;
    // A subshell, so that the redirections in `args` decide what is kept.
    *status = RunCommand(std::string("( '") + KG_BINARY + "' query --db '" + dir_.path() + "' " + args + " )", &output);
    return output;
  }
  TempDir dir_;
};

TEST_F(KgQueryCommandTest, JsonOutput) {
  int status = -1;
  std::string out = Kg("--format json 'FIND ?amt WHERE Acme capex ?amt @2025' 2>/dev/null", &status);
  EXPECT_EQ(status, 0) << out;
  auto json = nlohmann::json::parse(out);
  EXPECT_EQ(json["columns"], nlohmann::json({"amt"}));
  EXPECT_EQ(json["rows"], nlohmann::json::parse(
                              R"([[{"type":"quantity","value":"40000000000","unit":"CNY","bound":"exact"}]])"));
}

TEST_F(KgQueryCommandTest, QueryFromStdinAsCsv) {
  int status = -1;
  TempDir files;
  std::string query_file = files.Sub("query.kgql");
  std::ofstream(query_file) << "FIND ?o\nWHERE Initech develops ?o\n";
  std::string out = Kg("--format csv - < '" + query_file + "' 2>/dev/null", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out, "o\r\nSprocket\r\n");
}

TEST_F(KgQueryCommandTest, ErrorsGoToStderrWithNonZeroStatus) {
  int status = -1;
  std::string out = Kg("'FIND ?x WHERE ?x competes_with Globx' 2>/dev/null", &status);
  EXPECT_EQ(status, 1);
  EXPECT_EQ(out, "");
  out = Kg("'FIND ?x WHERE ?x competes_with Globx' 2>&1 >/dev/null", &status);
  EXPECT_NE(out.find("did you mean Globex?"), std::string::npos) << out;
  out = Kg("--format xml PREDICATES 2>/dev/null", &status);
  EXPECT_NE(status, 0);
}

// kg query streams JSON and CSV row by row; the text must be exactly what
// printing the collected result gives, caps included.
TEST_F(KgQueryCommandTest, StreamedOutputEqualsTheCollectedResultPrinted) {
  const std::vector<std::pair<std::string, uint64_t>> queries = {
      {"FIND ?s ?p ?o WHERE ?s ?p ?o", 0},
      {"FIND ?s ?p ?o WHERE ?s ?p ?o", 2},
      {"FIND ?amt WHERE Acme capex ?amt @2025", 0},
      {"FIND ?amt WHERE Acme capex ?amt @1999", 0},
      {"FIND ?p COUNT(*) WHERE ?s ?p ?o", 0},
  };
  for (ResultFormat format : {ResultFormat::kJson, ResultFormat::kCsv}) {
    for (const auto& [text, max_rows] : queries) {
      std::string expected;
      {
        auto store = OpenStore(dir_.path());
        ASSERT_NE(store, nullptr);
        auto result = RunQuery(*store, text, QueryOptions{.max_rows = max_rows});
        ASSERT_TRUE(result.ok()) << result.status().ToString();
        expected = Render(*result, format);
      }
      int status = -1;
      std::string out = Kg(std::string("--format ") + shell::ResultFormatName(format) + " --max-rows " +
                               std::to_string(max_rows) + " '" + text + "' 2>/dev/null",
                           &status);
      EXPECT_EQ(status, 0) << text;
      EXPECT_EQ(out, expected) << text;
    }
  }
}

TEST_F(KgQueryCommandTest, CapsAreReported) {
  int status = -1;
  std::string out = Kg("--max-rows 2 'FIND ?s WHERE ?s ?p ?o' 2>/dev/null", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(out.find("(2 rows; stopped by max_rows)"), std::string::npos) << out;
}

}  // namespace
}  // namespace kg::testing
