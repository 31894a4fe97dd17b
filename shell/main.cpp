// kg: the command line of kgstore. Each subcommand lives in its own file and
// registers itself here; `kg` alone opens the interactive shell.
#include <clocale>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "kg/store.h"
#include "shell/cli.h"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");  // libedit and ICU need the user's UTF-8 locale
  kg::KeepFreedMemoryForQueries();
  CLI::App app{"kg: an embedded knowledge-graph store of claims with provenance"};
  app.require_subcommand(0, 1);
  kg::cli::RegisterStoreCommands(app);
  kg::cli::RegisterIngestCommand(app);
  kg::cli::RegisterQueryCommand(app);
  kg::cli::RegisterExportCommand(app);
  kg::cli::RegisterImportCommand(app);
  kg::cli::RegisterShellCommand(app);
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) return kg::cli::RunDefaultShell();
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "kg: internal error: " << e.what() << "\n";
    return kg::cli::kExitFailed;
  }
  return kg::cli::ExitCode();
}
