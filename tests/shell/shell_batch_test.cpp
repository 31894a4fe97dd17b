// `kg shell` with a file on stdin: it runs every statement, prints no
// prompts, reports failures on stderr and exits non-zero if any failed.
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "shell_session.h"
#include "shell_fixture.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ShellBatchTest : public ShellStoreTest {
 protected:
  ProcessOutput Run(const std::string& input) { return RunKg(dir_.path(), "shell --db " + ShellQuote(db_), input); }
};

TEST_F(ShellBatchTest, RunsEveryStatementAndReportsTheOneThatFailed) {
  const ProcessOutput run = Run(
      "FIND ?x WHERE Acme develops ?x;\n"
      "-- a comment between statements\n"
      "FIND ?x WHERE ?x develops\n"
      "  ;\n"
      "FIND ?y WHERE Globex develops ?y; -- the last one\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("Widget"));
  EXPECT_THAT(run.out, HasSubstr("Gizmo"));  // the statement after the failure still ran
  EXPECT_THAT(run.err, HasSubstr("statement at line 3"));
  EXPECT_THAT(run.err, HasSubstr("^"));  // RunQuery's caret under the place
  EXPECT_THAT(run.out, Not(HasSubstr("kg>")));
}

TEST_F(ShellBatchTest, ExitsZeroWhenEverythingSucceeds) {
  const ProcessOutput run = Run("FIND ?x WHERE Acme develops ?x; PREDICATES;\nDOCUMENTS");  // last ';' optional
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_THAT(run.out, HasSubstr("Widget"));
  EXPECT_THAT(run.out, HasSubstr("plans_capex"));
  EXPECT_THAT(run.out, HasSubstr("d3"));
  EXPECT_THAT(run.out, Not(HasSubstr(".help")));  // no banner either
  EXPECT_THAT(run.out, Not(HasSubstr("\033[")));  // nor colour, off a terminal
}

TEST_F(ShellBatchTest, SemicolonInsideAStringDoesNotSplit) {
  const ProcessOutput run = Run("ENTITIES LIKE 'Ac;me'; ENTITIES LIKE \"Glo;\"; FIND ?x WHERE Acme develops ?x;\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Widget"));
}

TEST_F(ShellBatchTest, DotCommandsWorkFromAFile) {
  const ProcessOutput run = Run(".format csv\nFIND ?x WHERE Acme develops ?x;\n.format json\n"
                                "FIND ?x WHERE Globex develops ?x;\n.timer on\nPREDICATES;\n.stats\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("x\r\nWidget\r\n"));  // CSV lines end in CRLF (RFC 4180)
  EXPECT_THAT(run.out, HasSubstr("\"Gizmo\""));
  EXPECT_THAT(run.out, HasSubstr("Run time:"));
  EXPECT_THAT(run.out, HasSubstr("\"documents\""));
}

TEST_F(ShellBatchTest, DocsAndPredicatesListTheStore) {
  const ProcessOutput run = Run(".docs\n.predicates\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("d3"));
  EXPECT_THAT(run.out, HasSubstr("plans capital expenditure"));
}

TEST_F(ShellBatchTest, KgAloneOpensTheStoreInTheCurrentDirectory) {
  std::filesystem::create_directory_symlink(db_, dir_.Sub("kgdata"));
  const ProcessOutput run = RunKg(dir_.path(), "", "FIND ?x WHERE Acme develops ?x;\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Widget"));
}

TEST_F(ShellBatchTest, QuitStopsReading) {
  const ProcessOutput run = Run("FIND ?x WHERE Acme develops ?x;\n.quit\nFIND ?y WHERE Globex develops ?y;\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Widget"));
  EXPECT_THAT(run.out, Not(HasSubstr("Gizmo")));
}

TEST_F(ShellBatchTest, AnUnknownDotCommandFails) {
  const ProcessOutput run = Run("PREDICATES;\n.fromat json\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("line 2"));
  EXPECT_THAT(run.err, HasSubstr(".fromat"));
}

TEST_F(ShellBatchTest, RunsBesideAWriter) {
  auto writer = OpenStore(db_);  // holds the store open for writing
  ASSERT_NE(writer, nullptr);
  const ProcessOutput run = Run("FIND ?x WHERE Acme develops ?x;\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Widget"));
}

TEST_F(ShellBatchTest, SaysSoWhenTheStoreDoesNotExist) {
  const ProcessOutput run = RunKg(dir_.path(), "shell --db " + ShellQuote(dir_.Sub("missing")), "PREDICATES;\n");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("no store at"));
  EXPECT_THAT(run.err, HasSubstr("kg ingest"));
}

}  // namespace
}  // namespace kg::testing
