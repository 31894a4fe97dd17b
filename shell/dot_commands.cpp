#include "shell/dot_commands.h"

#include <sstream>

namespace kg::shell {

const std::vector<DotCommandSpec>& DotCommandSpecs() {
  static const std::vector<DotCommandSpec> specs = {
      {DotCommandKind::kHelp, "help", {}, "show this help"},
      {DotCommandKind::kStats, "stats", {}, "counts of documents, claims, mentions, entities, predicates"},
      {DotCommandKind::kDocs, "docs", {}, "list the documents in the store"},
      {DotCommandKind::kPredicates, "predicates", {}, "list the predicates with their number of claims"},
      {DotCommandKind::kFormat, "format", {"table", "json", "csv"}, "how results are printed"},
      {DotCommandKind::kTimer, "timer", {"on", "off"}, "print the time each statement takes"},
      {DotCommandKind::kQuit, "quit", {}, "leave the shell (also .exit, Ctrl-D)"},
      {DotCommandKind::kQuit, "exit", {}, ""},
  };
  return specs;
}

bool IsDotCommand(std::string_view line) {
  const size_t first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == '.';
}

namespace {

std::vector<std::string> Words(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string Choices(const DotCommandSpec& spec) {
  std::string choices;
  for (const char* argument : spec.arguments) {
    if (!choices.empty()) choices += "|";
    choices += argument;
  }
  return choices;
}

}  // namespace

Result<DotCommand> ParseDotCommand(std::string_view line) {
  const std::vector<std::string> words = Words(line);
  if (words.empty() || words[0].size() < 2 || words[0][0] != '.') {
    return Status::InvalidArgument("not a dot command: '" + std::string(line) + "'");
  }
  const std::string name = words[0].substr(1);
  for (const DotCommandSpec& spec : DotCommandSpecs()) {
    if (name != spec.name) continue;
    const size_t max_words = spec.arguments.empty() ? 1 : 2;
    if (words.size() > max_words) {
      return Status::InvalidArgument(spec.arguments.empty()
                                         ? "." + name + " takes no argument"
                                         : "usage: ." + name + " " + Choices(spec));
    }
    DotCommand command{spec.kind, words.size() == 2 ? words[1] : ""};
    if (command.argument.empty()) return command;
    for (const char* allowed : spec.arguments) {
      if (command.argument == allowed) return command;
    }
    return Status::InvalidArgument("usage: ." + name + " " + Choices(spec));
  }
  return Status::InvalidArgument("unknown command '." + name + "' (.help lists the commands)");
}

}  // namespace kg::shell
