// The seed store: the corpus in KG_SHARED_DIR "/corpus" ingested by the
// built `kg` (KG_BINARY) with its manifest, into a fresh directory.
#ifndef KG_TESTS_QUERY_SEED_STORE_H_
#define KG_TESTS_QUERY_SEED_STORE_H_

#include <memory>
#include <string>

#include "kg/store.h"

namespace kg::testing {

// Ingests into `dir`/seed and opens it read-only; nullptr (and a test
// failure) when `kg ingest` fails.
std::unique_ptr<Store> IngestSeedCorpus(const std::string& dir);

// Runs a shell command, returning its exit status; its stdout and stderr
// go to `output`.
int RunCommand(const std::string& command, std::string* output);

}  // namespace kg::testing

#endif  // KG_TESTS_QUERY_SEED_STORE_H_
