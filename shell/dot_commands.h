// The shell's own commands: lines that start with a dot (`.help`,
// `.format json`). They are recognised only at the start of a statement and
// end at the end of their line; they never reach the query engine.
#ifndef KG_SHELL_DOT_COMMANDS_H_
#define KG_SHELL_DOT_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"

namespace kg::shell {

enum class DotCommandKind { kHelp, kStats, kDocs, kPredicates, kFormat, kTimer, kQuit };

// What the shell knows of each command: for parsing, `.help` and completion.
struct DotCommandSpec {
  DotCommandKind kind;
  const char* name;                     // "format" (typed ".format")
  std::vector<const char*> arguments;   // allowed values; empty: takes none
  const char* help;                     // one line
};

const std::vector<DotCommandSpec>& DotCommandSpecs();

struct DotCommand {
  DotCommandKind kind = DotCommandKind::kHelp;
  std::string argument;  // "" when none was given (then the command reports its setting)
};

// True when the line is a dot command: its first non-blank character is '.'.
bool IsDotCommand(std::string_view line);

// Parses a dot command line. InvalidArgument names what is wrong: an
// unknown command, an argument not in its list, or too many arguments.
Result<DotCommand> ParseDotCommand(std::string_view line);

}  // namespace kg::shell

#endif  // KG_SHELL_DOT_COMMANDS_H_
