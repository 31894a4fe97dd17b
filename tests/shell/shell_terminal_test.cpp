// `kg shell` on a terminal (a tmux pseudo-terminal): banner, prompts,
// history across sessions, Tab completion, statements over several lines,
// output formats, Ctrl-C and Ctrl-D. Every wait is bounded and polls the
// screen; none asserts speed.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "shell_session.h"
#include "shell_fixture.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;

class ShellTerminalTest : public ShellStoreTest {
 protected:
  // Starts `kg shell` in a fresh terminal, with its own HOME and history
  // file, and waits for its first prompt.
  std::unique_ptr<TerminalSession> Start(const std::string& lang = "C.UTF-8") {
    const std::string command = "env HOME=" + ShellQuote(dir_.path()) + " KG_HISTORY=" + ShellQuote(history_) +
                                " LANG=" + lang + " LC_ALL= TERM=xterm " + ShellQuote(KG_BINARY) +
                                " shell --db " + ShellQuote(db_);
    auto session = std::make_unique<TerminalSession>(dir_.Sub("tmux.sock"), command);
    EXPECT_TRUE(session->started());
    EXPECT_TRUE(session->WaitFor("kg>")) << session->Screen();
    return session;
  }

  std::string History() const {
    std::ifstream in(history_);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string history_ = dir_.Sub("history");
};

TEST_F(ShellTerminalTest, BannerNamesTheStoreItsCountsAndHelp) {
  auto session = Start();
  const std::string screen = session->Screen();
  EXPECT_THAT(screen, HasSubstr(db_));
  EXPECT_THAT(screen, HasSubstr("3 documents"));
  EXPECT_THAT(screen, HasSubstr(".help"));
  session->Type(".help");
  session->Press("Enter");
  EXPECT_TRUE(session->WaitFor(".timer on|off")) << session->Screen();
}

TEST_F(ShellTerminalTest, UpArrowRecallsAStatementFromAnEarlierSession) {
  {
    auto first = Start();
    first->Type("FIND ?product WHERE Acme develops ?product;");
    first->Press("Enter");
    ASSERT_TRUE(first->WaitFor("Widget")) << first->Screen();
    first->Press("C-d");
    ASSERT_TRUE(first->WaitForExit());
  }
  EXPECT_THAT(History(), HasSubstr("Acme"));
  auto second = Start();
  second->Press("Up");
  ASSERT_TRUE(second->WaitFor("kg> FIND ?product WHERE Acme develops ?product;")) << second->Screen();
  second->Press("Enter");
  EXPECT_TRUE(second->WaitFor("Widget")) << second->Screen();
}

TEST_F(ShellTerminalTest, TabCompletesKeywordsPredicatesAndNames) {
  auto session = Start();
  session->Type("FIN");
  session->Press("Tab");
  ASSERT_TRUE(session->WaitFor("kg> FIND")) << session->Screen();
  session->Type("?x WHERE Acme devel");
  session->Press("Tab");
  ASSERT_TRUE(session->WaitFor("WHERE Acme develops")) << session->Screen();
  session->Type("?x FROM d1 ORD");
  session->Press("Tab");
  ASSERT_TRUE(session->WaitFor("d1 ORDER")) << session->Screen();
  session->Type("BY ?x;");
  session->Press("Enter");
  EXPECT_TRUE(session->WaitFor("Widget")) << session->Screen();

  session->Type("DESCRIBE Umbr");  // a name with a space comes quoted
  session->Press("Tab");
  ASSERT_TRUE(session->WaitFor("kg> DESCRIBE \"Umbrella Labs\"")) << session->Screen();
  session->Press("C-u");
  session->Type("DESCRIBE \"Initech\"; DESCRIBE \"Gizm");  // an opened quote is kept
  session->Press("Tab");
  EXPECT_TRUE(session->WaitFor("DESCRIBE \"Gizmo\"")) << session->Screen();

  session->Press("C-u");
  session->Type("FI");  // FIND or FILTER: a second Tab lists both
  session->Press("Tab");
  session->Press("Tab");
  EXPECT_TRUE(session->WaitFor("FILTER  FIND")) << session->Screen();
}

TEST_F(ShellTerminalTest, AStatementMaySpanLines) {
  auto session = Start();
  session->Type("FIND ?rival");
  session->Press("Enter");
  ASSERT_TRUE(session->WaitFor("...>")) << session->Screen();
  session->Type("WHERE ?rival competes_with Globex");
  session->Press("Enter");
  session->Type(";");
  session->Press("Enter");
  EXPECT_TRUE(session->WaitFor("Umbrella Labs")) << session->Screen();
}

TEST_F(ShellTerminalTest, FormatJsonChangesTheOutput) {
  auto session = Start();
  session->Type(".format json");
  session->Press("Enter");
  session->Type("FIND ?maker WHERE ?maker develops Gizmo;");
  session->Press("Enter");
  EXPECT_TRUE(session->WaitFor("\"Globex\"")) << session->Screen();
  EXPECT_TRUE(session->WaitFor("\"maker\"")) << session->Screen();
}

TEST_F(ShellTerminalTest, CtrlCDropsTheLineAndCtrlDLeaves) {
  auto session = Start();
  session->Type("FIND ?x WHERE oops");
  // Ctrl-C once the shell has echoed the line (it is then waiting for a
  // key), and the next line once a fresh prompt shows: typed ahead of the
  // echo, the interrupt may reach the editor between two reads.
  ASSERT_TRUE(session->WaitFor("kg> FIND ?x WHERE oops")) << session->Screen();
  session->Press("C-c");
  ASSERT_TRUE(session->WaitForCount("kg>", 2)) << session->Screen();
  session->Type("FIND ?who WHERE ?who develops Sprocket;");
  session->Press("Enter");
  ASSERT_TRUE(session->WaitFor("Initech")) << session->Screen();
  EXPECT_EQ(session->Count("Error"), 0u) << session->Screen();  // the dropped line never ran
  session->Press("C-d");
  EXPECT_TRUE(session->WaitForExit());
}

TEST_F(ShellTerminalTest, CtrlCCancelsARunningStatementAndTheShellGoesOn) {
  auto session = Start();
  // Six unconnected patterns: millions of solutions, far longer than the
  // pause before Ctrl-C (the pause is not a speed assertion: it only lets
  // the statement start).
  session->Type("FIND COUNT(*) WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h, ?i ?t ?j, ?k ?u ?l;");
  session->Press("Enter");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  session->Press("C-c");
  ASSERT_TRUE(session->WaitFor("cancelled")) << session->Screen();
  session->Type("FIND ?who WHERE ?who develops Sprocket;");
  session->Press("Enter");
  EXPECT_TRUE(session->WaitFor("Initech")) << session->Screen();
  session->Press("C-d");
  EXPECT_TRUE(session->WaitForExit());
}

TEST_F(ShellTerminalTest, ErrorsShowWhereTheStatementIsWrong) {
  auto session = Start();
  session->Type("FIND ?x WHERE Acme ?x;");
  session->Press("Enter");
  EXPECT_TRUE(session->WaitFor("Error")) << session->Screen();
  EXPECT_TRUE(session->WaitFor("^")) << session->Screen();
}

// Under LANG=C the shell still reads Devanagari (it switches to a UTF-8
// character type): the Hindi alias resolves to the entity.
TEST_F(ShellTerminalTest, DevanagariInputWorksUnderTheCLocale) {
  auto session = Start("C");
  session->Type("FIND ?product WHERE एक्मे develops ?product;");
  session->Press("Enter");
  EXPECT_TRUE(session->WaitFor("Widget")) << session->Screen();
}

}  // namespace
}  // namespace kg::testing
