#include "seed_store.h"

#include <cstdio>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "test_util.h"

namespace kg::testing {

int RunCommand(const std::string& command, std::string* output) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output->append(buffer, n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::unique_ptr<Store> IngestSeedCorpus(const std::string& dir) {
  std::string db = dir + "/seed";
  std::string corpus = KG_SHARED_DIR "/corpus";
  std::string output;
  int status =
      RunCommand(std::string("'") + KG_BINARY + "' ingest --db '" + db + "' --manifest '" + corpus + "/manifest.tsv'", &output);
  EXPECT_EQ(status, 0) << output;
  if (status != 0) return nullptr;
  return OpenStore(db, /*read_only=*/true);
}

}  // namespace kg::testing
