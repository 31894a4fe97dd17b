// Disk-backed sequences of fixed-size records for the bulk loader.
//
// An external sort of fixed-size records for the bulk loader: records are
// sorted in memory up to a budget, each full buffer is spilled as a sorted
// run to a file, and reading merges the runs (k-way) with the last buffer.
// Memory stays at the budget plus one read buffer per run.
#ifndef KG_STORAGE_BULK_SORTER_H_
#define KG_STORAGE_BULK_SORTER_H_

#include <algorithm>
#include <cstdio>
#include <memory>
#include <queue>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "kg/status.h"

namespace kg::storage {

template <typename Record, typename Less>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<Record>, "records are written to disk as bytes");

 public:
  // Runs are written as `<file_prefix>.<n>` and removed by the destructor.
  ExternalSorter(std::string file_prefix, size_t budget_bytes, Less less)
      : prefix_(std::move(file_prefix)),
        capacity_(std::max<size_t>(1024, budget_bytes / sizeof(Record))),
        less_(std::move(less)) {}
  ~ExternalSorter() {
    for (Run& run : runs_) {
      if (run.file != nullptr) std::fclose(run.file);
      std::remove(run.path.c_str());
    }
  }
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  Status Add(const Record& record) {
    // The whole buffer at once: growing it copied every record several
    // times (pages not yet written cost nothing).
    if (buffer_.capacity() == 0) buffer_.reserve(capacity_);
    buffer_.push_back(record);
    ++count_;
    return buffer_.size() >= capacity_ ? Spill() : Status::OK();
  }

  uint64_t size() const { return count_; }

  // Ends adding; Next then yields every record in order.
  Status Finish() {
    std::sort(buffer_.begin(), buffer_.end(), less_);
    for (size_t i = 0; i < runs_.size(); ++i) {
      Run& run = runs_[i];
      run.file = std::fopen(run.path.c_str(), "rb");
      if (run.file == nullptr) return Status::IOError("cannot reopen sorted run " + run.path);
      KG_RETURN_IF_ERROR(Refill(&run));
      if (run.pos < run.records.size()) heap_.push(Head{i});
    }
    if (buffer_pos_ < buffer_.size()) heap_.push(Head{kBuffer});
    return Status::OK();
  }

  // The next record in order; false at the end or on a read error (status()).
  bool Next(Record* out) {
    if (heap_.empty()) return false;
    Head head = heap_.top();
    heap_.pop();
    if (head.run == kBuffer) {
      *out = buffer_[buffer_pos_++];
      if (buffer_pos_ < buffer_.size()) heap_.push(head);
      return true;
    }
    Run& run = runs_[head.run];
    *out = run.records[run.pos++];
    if (run.pos == run.records.size()) {
      status_ = Refill(&run);
      if (!status_.ok()) return false;
    }
    if (run.pos < run.records.size()) heap_.push(head);
    return true;
  }

  const Status& status() const { return status_; }

 private:
  static constexpr size_t kBuffer = static_cast<size_t>(-1);
  static constexpr size_t kReadRecords = (1 << 20) / sizeof(Record) + 1;

  struct Run {
    std::string path;
    std::FILE* file = nullptr;
    std::vector<Record> records;
    size_t pos = 0;
  };

  // A heap entry: which run (or the in-memory buffer) holds the next record.
  struct Head {
    size_t run;
  };
  struct HeadGreater {
    const ExternalSorter* sorter;
    bool operator()(const Head& a, const Head& b) const { return sorter->less_(sorter->Front(b), sorter->Front(a)); }
  };

  const Record& Front(const Head& head) const {
    if (head.run == kBuffer) return buffer_[buffer_pos_];
    const Run& run = runs_[head.run];
    return run.records[run.pos];
  }

  Status Spill() {
    std::sort(buffer_.begin(), buffer_.end(), less_);
    Run run;
    run.path = prefix_ + "." + std::to_string(runs_.size());
    std::FILE* file = std::fopen(run.path.c_str(), "wb");
    if (file == nullptr) return Status::IOError("cannot create sorted run " + run.path);
    runs_.push_back(std::move(run));
    const size_t written = std::fwrite(buffer_.data(), sizeof(Record), buffer_.size(), file);
    const bool closed = std::fclose(file) == 0;
    if (written != buffer_.size() || !closed) return Status::IOError("cannot write sorted run " + runs_.back().path);
    buffer_.clear();
    return Status::OK();
  }

  Status Refill(Run* run) {
    run->records.resize(kReadRecords);
    const size_t got = std::fread(run->records.data(), sizeof(Record), kReadRecords, run->file);
    if (got < kReadRecords && std::ferror(run->file)) return Status::IOError("cannot read sorted run " + run->path);
    run->records.resize(got);
    run->pos = 0;
    return Status::OK();
  }

  std::string prefix_;
  size_t capacity_;
  Less less_;
  std::vector<Record> buffer_;
  size_t buffer_pos_ = 0;
  uint64_t count_ = 0;
  std::vector<Run> runs_;
  std::priority_queue<Head, std::vector<Head>, HeadGreater> heap_{HeadGreater{this}};
  Status status_;
};

// Fixed-size records kept on disk in the order they were added, read back
// once in that order: what needs no sort costs one buffered write and read.
// Records move in blocks of about 1 MiB (a stdio call per record, with its
// lock, was most of the cost).
template <typename Record>
class RecordLog {
  static_assert(std::is_trivially_copyable_v<Record>, "records are written to disk as bytes");

 public:
  explicit RecordLog(std::string path) : path_(std::move(path)) {}
  ~RecordLog() {
    if (file_ != nullptr) std::fclose(file_);
    std::remove(path_.c_str());
  }
  RecordLog(const RecordLog&) = delete;
  RecordLog& operator=(const RecordLog&) = delete;

  Status Add(const Record& record) {
    if (block_.capacity() == 0) block_.reserve(kBlockRecords);
    block_.push_back(record);
    return block_.size() == kBlockRecords ? WriteBlock() : Status::OK();
  }

  // Ends adding; Next then yields the records in the order they came.
  Status Finish() {
    KG_RETURN_IF_ERROR(WriteBlock());
    if (file_ != nullptr && (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)) {
      return Status::IOError("cannot rewind " + path_);
    }
    return Status::OK();
  }

  // False at the end or on a read error (status()).
  bool Next(Record* out) {
    if (pos_ == block_.size()) {
      if (file_ == nullptr) return false;
      block_.resize(kBlockRecords);
      const size_t got = std::fread(block_.data(), sizeof(Record), kBlockRecords, file_);
      if (got < kBlockRecords && std::ferror(file_)) status_ = Status::IOError("cannot read back " + path_);
      block_.resize(got);
      pos_ = 0;
      if (got == 0) return false;
    }
    *out = block_[pos_++];
    return true;
  }

  const Status& status() const { return status_; }

 private:
  static constexpr size_t kBlockRecords = (1 << 20) / sizeof(Record) + 1;

  Status WriteBlock() {
    if (block_.empty()) return Status::OK();
    if (file_ == nullptr && (file_ = std::fopen(path_.c_str(), "w+b")) == nullptr) {
      return Status::IOError("cannot create " + path_);
    }
    if (std::fwrite(block_.data(), sizeof(Record), block_.size(), file_) != block_.size()) {
      return Status::IOError("cannot write " + path_);
    }
    block_.clear();
    return Status::OK();
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  std::vector<Record> block_;  // being filled, or read back from pos_
  size_t pos_ = 0;
  Status status_;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_BULK_SORTER_H_
