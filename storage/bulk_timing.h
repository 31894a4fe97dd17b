// Phase times of a bulk load on stderr, when the environment sets
// KG_BULK_TIMING (to anything): wall and process CPU seconds of each phase,
// to see where a load's time goes without a profiler (docs/storage.md).
#ifndef KG_STORAGE_BULK_TIMING_H_
#define KG_STORAGE_BULK_TIMING_H_

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>

namespace kg::storage {

class BulkPhaseClock {
 public:
  BulkPhaseClock() : enabled_(std::getenv("KG_BULK_TIMING") != nullptr) { Restart(); }

  // Prints the time since the last mark (or the start) under `phase`.
  void Mark(const char* phase) {
    if (!enabled_) return;
    const double wall = WallNow(), cpu = CpuNow();
    std::fprintf(stderr, "bulk load: %-28s wall %7.3f s  cpu %7.3f s\n", phase, wall - wall_, cpu - cpu_);
    wall_ = wall;
    cpu_ = cpu;
  }

  void Restart() {
    if (!enabled_) return;
    wall_ = WallNow();
    cpu_ = CpuNow();
  }

 private:
  static double WallNow() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  static double CpuNow() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
  }

  bool enabled_;
  double wall_ = 0, cpu_ = 0;
};

// The wall and this thread's CPU time of one task of a phase, printed when
// it ends (with KG_BULK_TIMING): which task of a phase's threads is the
// longest.
class BulkTaskClock {
 public:
  explicit BulkTaskClock(std::string task) : task_(std::move(task)), enabled_(std::getenv("KG_BULK_TIMING") != nullptr) {
    if (!enabled_) return;
    wall_ = std::chrono::steady_clock::now();
    cpu_ = ThreadCpu();
  }
  ~BulkTaskClock() {
    if (!enabled_) return;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    std::fprintf(stderr, "bulk load:   task %-21s wall %7.3f s  cpu %7.3f s\n", task_.c_str(), wall, ThreadCpu() - cpu_);
  }
  BulkTaskClock(const BulkTaskClock&) = delete;
  BulkTaskClock& operator=(const BulkTaskClock&) = delete;

 private:
  static double ThreadCpu() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
  }

  std::string task_;
  bool enabled_;
  std::chrono::steady_clock::time_point wall_;
  double cpu_ = 0;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_BULK_TIMING_H_
