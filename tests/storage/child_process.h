// A child process with its stdout on a pipe, for the multi-process tests.
#ifndef KG_TESTS_STORAGE_CHILD_PROCESS_H_
#define KG_TESTS_STORAGE_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace kg::testing {

class ChildProcess {
 public:
  // Starts `argv[0]` with the given arguments; stdin and stdout are pipes.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();  // kills the child if it still runs
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return pid_ > 0; }
  // The next line the child printed, without its newline; false at EOF.
  bool ReadLine(std::string* line);
  void CloseStdin();
  void Kill();  // SIGKILL
  // Waits for the child to end; its exit status, or -signal if killed.
  int Wait();

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  std::string buffer_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_STORAGE_CHILD_PROCESS_H_
