// kg shell  (shell helper fills this in)
#include "shell/cli.h"

namespace kg::cli {
void RegisterShellCommand(CLI::App& app) { (void)app; }
int RunDefaultShell() { return kExitOk; }
}  // namespace kg::cli
