#include "shell/cli.h"

#include <iostream>

namespace kg::cli {

namespace {
int g_exit_code = kExitOk;
}

void AddDbOption(CLI::App* cmd, std::string* db) {
  *db = kDefaultDb;
  cmd->add_option("--db", *db, "store directory")->capture_default_str();
}

std::unique_ptr<Store> OpenOrReport(const std::string& db, bool read_only) {
  OpenOptions options;
  options.read_only = read_only;
  options.create_if_missing = !read_only;
  auto store = Store::Open(db, options);
  if (!store.ok()) {
    std::cerr << "kg: " << db << ": " << store.status().ToString() << "\n";
    SetExitCode(kExitUsage);
    return nullptr;
  }
  return std::move(store).value();
}

void SetExitCode(int code) { g_exit_code = code; }
int ExitCode() { return g_exit_code; }

}  // namespace kg::cli
