// When a running query stops early: its deadline (QueryOptions::timeout_ms)
// has passed or its caller cancelled it (QueryOptions::cancel). Shared by the
// executors, which ask once per candidate row.
#ifndef KG_QUERY_STOP_CHECK_H_
#define KG_QUERY_STOP_CHECK_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "kg/query.h"

namespace kg::query {

class StopCheck {
 public:
  explicit StopCheck(const QueryOptions& options)
      : cancel_(options.cancel),
        deadline_(options.timeout_ms == 0 ? Clock::time_point::max()
                                          : Clock::now() + std::chrono::milliseconds(options.timeout_ms)) {}

  // True from the first call that finds the deadline passed or the flag set.
  // Looks only every 256th call: it is asked per row, the clock costs ~20 ns.
  bool Due() {
    if (!reason_.empty()) return true;
    if ((++calls_ & 0xff) != 1) return false;
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) {
      reason_ = "cancelled";
    } else if (deadline_ != Clock::time_point::max() && Clock::now() > deadline_) {
      reason_ = "timeout";
    }
    return !reason_.empty();
  }

  // Whether Due() has said so, without looking again.
  bool stopped() const { return !reason_.empty(); }
  // "timeout" or "cancelled" once Due() said so, else empty.
  const std::string& reason() const { return reason_; }

 private:
  using Clock = std::chrono::steady_clock;
  const std::atomic<bool>* cancel_;
  Clock::time_point deadline_;
  uint64_t calls_ = 0;
  std::string reason_;
};

}  // namespace kg::query

#endif  // KG_QUERY_STOP_CHECK_H_
