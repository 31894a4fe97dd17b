#include "shell/dot_commands.h"

#include <set>

#include <gtest/gtest.h>

namespace kg::shell {
namespace {

TEST(DotCommands, RecognisesALineStartingWithADot) {
  EXPECT_TRUE(IsDotCommand(".help"));
  EXPECT_TRUE(IsDotCommand("   .format json"));
  EXPECT_FALSE(IsDotCommand("FIND ?x WHERE ?x owns ?y;"));
  EXPECT_FALSE(IsDotCommand(""));
}

TEST(DotCommands, ParsesEachCommand) {
  const std::pair<const char*, DotCommandKind> cases[] = {
      {".help", DotCommandKind::kHelp},   {".stats", DotCommandKind::kStats},
      {".docs", DotCommandKind::kDocs},   {".predicates", DotCommandKind::kPredicates},
      {".quit", DotCommandKind::kQuit},   {".exit", DotCommandKind::kQuit},
      {".format", DotCommandKind::kFormat}, {".timer", DotCommandKind::kTimer},
  };
  for (const auto& [line, kind] : cases) {
    auto command = ParseDotCommand(line);
    ASSERT_TRUE(command.ok()) << line << ": " << command.status().ToString();
    EXPECT_EQ(command->kind, kind) << line;
    EXPECT_EQ(command->argument, "") << line;
  }
}

TEST(DotCommands, TakesAnArgumentFromItsList) {
  auto format = ParseDotCommand("  .format   json  ");
  ASSERT_TRUE(format.ok());
  EXPECT_EQ(format->kind, DotCommandKind::kFormat);
  EXPECT_EQ(format->argument, "json");
  auto timer = ParseDotCommand(".timer off");
  ASSERT_TRUE(timer.ok());
  EXPECT_EQ(timer->argument, "off");
}

TEST(DotCommands, RejectsAnUnknownCommand) {
  auto command = ParseDotCommand(".fromat json");
  ASSERT_FALSE(command.ok());
  EXPECT_EQ(command.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(command.status().message().find(".fromat"), std::string::npos);
  EXPECT_NE(command.status().message().find(".help"), std::string::npos);
}

TEST(DotCommands, RejectsAnArgumentOutsideItsList) {
  auto command = ParseDotCommand(".format xml");
  ASSERT_FALSE(command.ok());
  EXPECT_NE(command.status().message().find("table|json|csv"), std::string::npos);
  EXPECT_FALSE(ParseDotCommand(".timer maybe").ok());
}

TEST(DotCommands, RejectsExtraArguments) {
  EXPECT_FALSE(ParseDotCommand(".quit now").ok());
  EXPECT_FALSE(ParseDotCommand(".format json csv").ok());
  EXPECT_FALSE(ParseDotCommand(".").ok());
}

TEST(DotCommands, EveryCommandIsNamedOnceAndDocumented) {
  std::set<std::string> names;
  for (const DotCommandSpec& spec : DotCommandSpecs()) {
    EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
  }
  EXPECT_EQ(names.count("help"), 1u);
}

}  // namespace
}  // namespace kg::shell
