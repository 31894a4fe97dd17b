// Ctrl-C as a request to stop the current piece of work (an ingest run, a
// query in the shell) instead of ending the process: while an
// InterruptScope lives, SIGINT sets its flag, which the work polls; the
// previous handler is back when the scope ends.
#ifndef KG_SHELL_INTERRUPT_H_
#define KG_SHELL_INTERRUPT_H_

#include <atomic>
#include <csignal>

namespace kg::shell {

class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  // Set (once and for all) by the first Ctrl-C inside the scope.
  const std::atomic<bool>* flag() const;

 private:
  struct sigaction previous_ {};
};

}  // namespace kg::shell

#endif  // KG_SHELL_INTERRUPT_H_
