// kg stats | check | docs  (storage helper fills these in)
#include "shell/cli.h"

namespace kg::cli {
void RegisterStoreCommands(CLI::App& app) { (void)app; }
}  // namespace kg::cli
