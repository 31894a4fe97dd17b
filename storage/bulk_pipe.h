// Batches of records handed from one thread of a bulk load to another, at
// most a few batches in flight: the producer blocks while the consumer is
// behind, so memory stays bounded.
#ifndef KG_STORAGE_BULK_PIPE_H_
#define KG_STORAGE_BULK_PIPE_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace kg::storage {

template <typename Record>
class BatchPipe {
 public:
  explicit BatchPipe(size_t batches_in_flight) : limit_(batches_in_flight) {}

  // False when the pipe was closed (the consumer gave up): stop producing.
  bool Push(std::vector<Record> batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || batches_.size() < limit_; });
    if (closed_) return false;
    batches_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }

  // The next batch; false once the pipe is closed and drained.
  bool Pop(std::vector<Record>* batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return false;
    *batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return true;
  }

  // By the producer: nothing more comes. By the consumer: take nothing more.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

 private:
  const size_t limit_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Record>> batches_;
  bool closed_ = false;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_BULK_PIPE_H_
