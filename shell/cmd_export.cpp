// kg export | import  (export helper fills these in)
#include "shell/cli.h"

namespace kg::cli {
void RegisterExportCommands(CLI::App& app) { (void)app; }
}  // namespace kg::cli
