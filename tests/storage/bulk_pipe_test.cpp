// The pipe between two threads of a bulk load's Finish: batches arrive whole
// and in order, a closed pipe ends the consumer after the last batch, and a
// consumer that gives up releases a producer blocked on a full pipe.
#include <future>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "storage/bulk_pipe.h"

namespace kg::storage {
namespace {

TEST(BatchPipeTest, BatchesArriveInOrderUntilTheProducerCloses) {
  BatchPipe<int> pipe(/*batches_in_flight=*/2);
  auto consumer = std::async(std::launch::async, [&] {
    std::vector<int> seen, batch;
    while (pipe.Pop(&batch)) seen.insert(seen.end(), batch.begin(), batch.end());
    return seen;
  });
  std::vector<int> expected;
  for (int first = 0; first < 1000; first += 10) {
    std::vector<int> batch(10);
    std::iota(batch.begin(), batch.end(), first);
    expected.insert(expected.end(), batch.begin(), batch.end());
    ASSERT_TRUE(pipe.Push(std::move(batch)));
  }
  pipe.Close();
  EXPECT_EQ(consumer.get(), expected);
}

TEST(BatchPipeTest, ConsumerClosingReleasesABlockedProducer) {
  BatchPipe<int> pipe(/*batches_in_flight=*/1);
  ASSERT_TRUE(pipe.Push({1}));
  auto producer = std::async(std::launch::async, [&] { return pipe.Push({2}); });  // blocks: the pipe is full
  pipe.Close();
  EXPECT_FALSE(producer.get());
  std::vector<int> batch;
  ASSERT_TRUE(pipe.Pop(&batch));  // what was in the pipe is still handed out
  EXPECT_EQ(batch, std::vector<int>{1});
  EXPECT_FALSE(pipe.Pop(&batch));
}

}  // namespace
}  // namespace kg::storage
