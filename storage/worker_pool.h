// A few threads that help a running query, owned by the open store: started
// once (on the first query that asks), not per query. A query offers a job
// and keeps working itself; the pool's free threads join it. The job
// decides what each thread does (query/id_executor.cpp: threads claim
// morsels of a step's input), so the pool knows nothing of queries.
#ifndef KG_STORAGE_WORKER_POOL_H_
#define KG_STORAGE_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kg::storage {

// The threads a query may use, itself included: `requested` when above 0,
// else the KG_QUERY_THREADS environment variable when it holds a number
// above 0, else min(2, hardware threads). 1 is the serial path.
size_t QueryThreads(int requested);

class WorkerPool {
 public:
  explicit WorkerPool(size_t helpers);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  size_t helpers() const { return threads_.size(); }

  struct Job;
  // Runs `task` on up to `copies` pool threads as they come free, while
  // the caller goes on. `task` must not throw (it reports its own errors).
  std::shared_ptr<Job> Offer(std::function<void()> task, size_t copies);
  // Returns once no pool thread runs the job; copies not started by then
  // never start. Call before anything the task uses goes away.
  void Withdraw(const std::shared_ptr<Job>& job);

 private:
  void Serve();

  std::mutex mutex_;
  std::condition_variable work_;      // a job was offered, or the pool stops
  std::condition_variable finished_;  // a copy of a job returned
  std::deque<std::shared_ptr<Job>> offered_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_WORKER_POOL_H_
