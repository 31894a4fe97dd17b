// A child process for the crash and multi-process tests.
//
//   kg_store_helper write DIR FIRST   add documents FIRST, FIRST+1, ... (and
//                                     replace older ones) forever, printing
//                                     each number once it is committed
//   kg_store_helper hold DIR          open DIR for writing, add one document,
//                                     print "ready", wait for stdin to close
//   kg_store_helper bulk DIR N        bulk-load BulkCrashDocument(N), printing
//                                     "adding", "finishing" and "done"
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "crash_docs.h"

namespace {

std::unique_ptr<kg::Store> OpenWriter(const std::string& dir) {
  auto store = kg::Store::Open(dir, kg::OpenOptions{});
  if (!store.ok()) {
    std::cerr << "kg_store_helper: " << store.status().ToString() << "\n";
    std::exit(2);
  }
  return std::move(store).value();
}

int Write(const std::string& dir, int first) {
  auto store = OpenWriter(dir);
  for (int number = first;; ++number) {
    // Every third step replaces an earlier document with a second version.
    bool replace = number % 3 == 2 && number - 2 >= first;
    int target = replace ? number - 2 : number;
    auto added = store->AddDocument(kg::testing::CrashDocument(target, replace ? 1 : 0));
    if (!added.ok()) {
      std::cerr << "kg_store_helper: " << added.status().ToString() << "\n";
      return 1;
    }
    if (!replace) std::printf("%d\n", number);
    std::fflush(stdout);
  }
}

int Hold(const std::string& dir) {
  auto store = OpenWriter(dir);
  if (!store->AddDocument(kg::testing::CrashDocument(0, 0)).ok()) return 1;
  std::printf("ready\n");
  std::fflush(stdout);
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}

int Bulk(const std::string& dir, int statements) {
  auto store = OpenWriter(dir);
  const kg::DocumentInput doc = kg::testing::BulkCrashDocument(statements);
  kg::BulkLoadOptions options;
  options.memory_budget = 1 << 20;  // spill runs, as a large load would
  auto loader = store->BeginBulkLoad(doc.document, options);
  if (!loader.ok()) return 1;
  std::printf("adding\n");
  std::fflush(stdout);
  for (const auto& s : doc.statements) {
    if (!(*loader)->Add(s).ok()) return 1;
  }
  std::printf("finishing\n");
  std::fflush(stdout);
  if (!(*loader)->Finish().ok()) return 1;
  std::printf("done\n");
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "write" && argc == 4) return Write(argv[2], std::atoi(argv[3]));
  if (mode == "hold" && argc == 3) return Hold(argv[2]);
  if (mode == "bulk" && argc == 4) return Bulk(argv[2], std::atoi(argv[3]));
  std::cerr << "usage: kg_store_helper write DIR FIRST | hold DIR | bulk DIR N\n";
  return 2;
}
