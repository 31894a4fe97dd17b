#include "shell/statement_splitter.h"

#include <gtest/gtest.h>

namespace kg::shell {
namespace {

std::vector<std::string> Texts(const std::vector<Statement>& statements) {
  std::vector<std::string> texts;
  for (const Statement& statement : statements) texts.push_back(statement.text);
  return texts;
}

TEST(StatementSplitter, SplitsSeveralStatementsOnOneLine) {
  StatementSplitter splitter;
  EXPECT_EQ(Texts(splitter.AddLine("PREDICATES; DOCUMENTS;  CONFLICTS ;")),
            (std::vector<std::string>{"PREDICATES", "DOCUMENTS", "CONFLICTS"}));
  EXPECT_FALSE(splitter.pending());
}

TEST(StatementSplitter, JoinsLinesUntilTheSemicolon) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("FIND ?x").empty());
  EXPECT_TRUE(splitter.pending());
  EXPECT_TRUE(splitter.AddLine("  WHERE ?x owns TikTok").empty());
  const auto done = splitter.AddLine(";");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "FIND ?x\n  WHERE ?x owns TikTok");
  EXPECT_EQ(done[0].first_line, 1);
  EXPECT_FALSE(splitter.pending());
}

TEST(StatementSplitter, SemicolonsInsideStringsDoNotEndAStatement) {
  StatementSplitter splitter;
  EXPECT_EQ(Texts(splitter.AddLine(R"(ENTITIES LIKE 'a;b'; ENTITIES LIKE "c;d";)")),
            (std::vector<std::string>{"ENTITIES LIKE 'a;b'", R"(ENTITIES LIKE "c;d")"}));
}

TEST(StatementSplitter, EscapedQuotesStayInsideTheString) {
  StatementSplitter splitter;
  EXPECT_EQ(Texts(splitter.AddLine(R"(ENTITIES LIKE 'it\'s;here'; DOCUMENTS;)")),
            (std::vector<std::string>{R"(ENTITIES LIKE 'it\'s;here')", "DOCUMENTS"}));
  EXPECT_EQ(Texts(splitter.AddLine(R"(ENTITIES LIKE "a\\"; DOCUMENTS;)")),
            (std::vector<std::string>{R"(ENTITIES LIKE "a\\")", "DOCUMENTS"}));
}

TEST(StatementSplitter, SemicolonsInsideCommentsDoNotEndAStatement) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("FIND ?x -- not here; nor here").empty());
  EXPECT_TRUE(splitter.AddLine("WHERE ?x owns ?y # nor; here").empty());
  const auto done = splitter.AddLine(";");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "FIND ?x -- not here; nor here\nWHERE ?x owns ?y # nor; here");
}

TEST(StatementSplitter, CommentsAndBlankLinesAloneAreNotPending) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("-- a comment").empty());
  EXPECT_TRUE(splitter.AddLine("").empty());
  EXPECT_TRUE(splitter.AddLine("   # another").empty());
  EXPECT_FALSE(splitter.pending());
  EXPECT_TRUE(splitter.AddLine(";;").empty());  // empty statements are skipped
  EXPECT_FALSE(splitter.Finish().has_value());
}

TEST(StatementSplitter, FirstLineSkipsLeadingCommentsAndBlanks) {
  StatementSplitter splitter;
  splitter.AddLine("PREDICATES;");
  splitter.AddLine("-- the next one");
  splitter.AddLine("");
  splitter.AddLine("  DOCUMENTS");
  const auto done = splitter.AddLine(";");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "DOCUMENTS");
  EXPECT_EQ(done[0].first_line, 4);
}

TEST(StatementSplitter, AnUnclosedStringEndsWithItsLine) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("ENTITIES LIKE 'oops").empty());
  const auto done = splitter.AddLine(";");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "ENTITIES LIKE 'oops");
}

TEST(StatementSplitter, FinishReturnsTheUnterminatedLastStatement) {
  StatementSplitter splitter;
  splitter.AddLine("PREDICATES; DOC");
  splitter.AddLine("UMENTS");
  const auto last = splitter.Finish();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->text, "DOC\nUMENTS");
  EXPECT_EQ(last->first_line, 1);
  EXPECT_FALSE(splitter.pending());
}

TEST(StatementSplitter, ResetDropsTheUnfinishedStatementButKeepsCounting) {
  StatementSplitter splitter;
  splitter.AddLine("FIND ?x WHERE 'half");
  splitter.Reset();
  EXPECT_FALSE(splitter.pending());
  EXPECT_EQ(splitter.SkipLine(), 2);
  const auto done = splitter.AddLine("DOCUMENTS;");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "DOCUMENTS");
  EXPECT_EQ(done[0].first_line, 3);
}

TEST(StatementSplitter, DevanagariPassesThroughUntouched) {
  StatementSplitter splitter;
  const auto done = splitter.AddLine("DESCRIBE बाइटडांस; DESCRIBE 'अलीबाबा; समूह';");
  EXPECT_EQ(Texts(done), (std::vector<std::string>{"DESCRIBE बाइटडांस", "DESCRIBE 'अलीबाबा; समूह'"}));
}

TEST(OneLine, JoinsLinesAndDropsComments) {
  EXPECT_EQ(OneLine("FIND ?x   -- who\n  WHERE ?x owns 'a -- b'  # end\n"), "FIND ?x WHERE ?x owns 'a -- b'");
  EXPECT_EQ(OneLine("DOCUMENTS"), "DOCUMENTS");
}

}  // namespace
}  // namespace kg::shell
