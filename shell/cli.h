// Shared plumbing of the `kg` subcommands: the --db option, opening the
// store with a clear message, and the process exit status.
#ifndef KG_SHELL_CLI_H_
#define KG_SHELL_CLI_H_

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "kg/store.h"

namespace kg::cli {

inline constexpr const char* kDefaultDb = "./kgdata";

// Exit statuses: 0 success, 1 the work failed (bad input, check failed),
// 2 usage error or the store could not be opened.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// Adds `--db DIR` (default ./kgdata) to `cmd`.
void AddDbOption(CLI::App* cmd, std::string* db);

// Opens the store; on failure prints "kg: <db>: <reason>" to stderr and
// returns nullptr.
std::unique_ptr<Store> OpenOrReport(const std::string& db, bool read_only);

// The status `kg` exits with; commands set it from their callbacks.
void SetExitCode(int code);
int ExitCode();

// Registration of each subcommand family (one file each).
void RegisterStoreCommands(CLI::App& app);   // stats, check, docs
void RegisterIngestCommand(CLI::App& app);   // ingest
void RegisterQueryCommand(CLI::App& app);    // query
void RegisterExportCommand(CLI::App& app);   // export
void RegisterImportCommand(CLI::App& app);   // import
void RegisterShellCommand(CLI::App& app);  // shell
// What `kg` with no subcommand does: the shell on the default store.
int RunDefaultShell();

}  // namespace kg::cli

#endif  // KG_SHELL_CLI_H_
