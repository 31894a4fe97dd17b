// kg ingest  (ingest helper fills this in)
#include "shell/cli.h"

namespace kg::cli {
void RegisterIngestCommand(CLI::App& app) { (void)app; }
}  // namespace kg::cli
