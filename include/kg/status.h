// Status and Result: how every fallible call in kgstore reports failure.
//
// No exception crosses the public API: RocksDB, ANTLR and ICU errors are
// translated into a Status with a message a user can act on. A Result<T>
// holds either a value or a non-OK Status.
#ifndef KG_STATUS_H_
#define KG_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace kg {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input: a query, a file, an option
    kCorruption,       // the store or a file is damaged
    kIOError,
    kBusy,             // e.g. the store is locked by another process
    kNotSupported,     // e.g. a store written by a newer kgstore
    kAborted,          // stopped by a limit (rows, time) or by the user
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) { return {Code::kInvalidArgument, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status NotSupported(std::string msg) { return {Code::kNotSupported, std::move(msg)}; }
  static Status Aborted(std::string msg) { return {Code::kAborted, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}   // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;  // OK exactly when value_ is set
};

}  // namespace kg

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define KG_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::kg::Status kg_status_ = (expr);       \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)

#endif  // KG_STATUS_H_
