// kg export  (filled in with the claims export)
#include "shell/cli.h"

namespace kg::cli {
void RegisterExportCommand(CLI::App& app) { (void)app; }
}  // namespace kg::cli
