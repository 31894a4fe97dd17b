// Runs independent steps of a bulk load on two threads: the calling one and
// one helper, each taking the next step not yet taken.
#ifndef KG_STORAGE_BULK_TASKS_H_
#define KG_STORAGE_BULK_TASKS_H_

#include <atomic>
#include <functional>
#include <future>
#include <vector>

#include "kg/status.h"

namespace kg::storage {

// Every task runs, even after one failed; the result is the first failure
// in task order. An exception of a task reaches the caller.
inline Status RunOnTwoThreads(const std::vector<std::function<Status()>>& tasks) {
  std::vector<Status> results(tasks.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) results[i] = tasks[i]();
  };
  std::future<void> helper = std::async(std::launch::async, work);
  work();
  helper.get();
  for (Status& result : results) KG_RETURN_IF_ERROR(result);
  return Status::OK();
}

}  // namespace kg::storage

#endif  // KG_STORAGE_BULK_TASKS_H_
