// A temporary directory holding the query tests' small store, for tests
// that run the `kg` binary on it.
#ifndef KG_TESTS_SHELL_SHELL_FIXTURE_H_
#define KG_TESTS_SHELL_SHELL_FIXTURE_H_

#include <string>

#include <gtest/gtest.h>

#include "small_store.h"
#include "test_util.h"

namespace kg::testing {

class ShellStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore(db_);
    ASSERT_NE(store, nullptr);
    FillSmallStore(*store);
  }  // closing the store lets the shell open it

  TempDir dir_;
  std::string db_ = dir_.Sub("db");
};

}  // namespace kg::testing

#endif  // KG_TESTS_SHELL_SHELL_FIXTURE_H_
