// kg query  (query helper fills this in)
#include "shell/cli.h"

namespace kg::cli {
void RegisterQueryCommand(CLI::App& app) { (void)app; }
}  // namespace kg::cli
