// kg import  (filled in with RDF import)
#include "shell/cli.h"

namespace kg::cli {
void RegisterImportCommand(CLI::App& app) { (void)app; }
}  // namespace kg::cli
