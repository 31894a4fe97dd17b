#include "storage/worker_pool.h"

#include <algorithm>
#include <cstdlib>

namespace kg::storage {

size_t QueryThreads(int requested) {
  if (requested > 0) return static_cast<size_t>(requested);
  if (const char* text = std::getenv("KG_QUERY_THREADS")) {
    const long threads = std::strtol(text, nullptr, 10);
    if (threads > 0) return static_cast<size_t>(threads);
  }
  return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 2);
}

struct WorkerPool::Job {
  std::function<void()> task;
  size_t copies_left = 0;  // copies still to start
  size_t running = 0;
};

WorkerPool::WorkerPool(size_t helpers) {
  for (size_t i = 0; i < helpers; ++i) threads_.emplace_back([this] { Serve(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

std::shared_ptr<WorkerPool::Job> WorkerPool::Offer(std::function<void()> task, size_t copies) {
  auto job = std::make_shared<Job>();
  job->task = std::move(task);
  job->copies_left = copies;
  if (copies == 0) return job;
  {
    std::lock_guard lock(mutex_);
    offered_.push_back(job);
  }
  if (copies == 1) {
    work_.notify_one();
  } else {
    work_.notify_all();
  }
  return job;
}

void WorkerPool::Withdraw(const std::shared_ptr<Job>& job) {
  std::unique_lock lock(mutex_);
  offered_.erase(std::remove(offered_.begin(), offered_.end(), job), offered_.end());
  job->copies_left = 0;
  finished_.wait(lock, [&] { return job->running == 0; });
}

void WorkerPool::Serve() {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_.wait(lock, [&] { return stopping_ || !offered_.empty(); });
    if (offered_.empty()) return;  // stopping
    std::shared_ptr<Job> job = offered_.front();
    if (--job->copies_left == 0) offered_.pop_front();
    ++job->running;
    lock.unlock();
    job->task();
    lock.lock();
    --job->running;
    finished_.notify_all();
  }
}

}  // namespace kg::storage
