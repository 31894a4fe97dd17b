// Disk-backed sequences of fixed-size records for the bulk loader.
//
// An external sort of fixed-size records for the bulk loader: records are
// sorted in memory up to a budget, each full buffer is spilled as a sorted
// run to a file, and reading merges the runs (k-way) with the last buffer.
// Memory stays at the budget plus one read buffer per run and reader.
#ifndef KG_STORAGE_BULK_SORTER_H_
#define KG_STORAGE_BULK_SORTER_H_

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
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
    whole_.reset();  // closes its files before they are removed
    for (const std::string& path : run_paths_) std::remove(path.c_str());
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

  // The records from `from` (inclusive) to `to` (exclusive), each end open
  // when unset, merged from the runs and the sorted buffer. Readers of a
  // sealed sorter are independent: readers of disjoint ranges can run on
  // different threads at once, and write separate files of one ordering.
  class Range {
   public:
    // False at the end or on a read error (status()).
    bool Next(Record* out) {
      while (!heap_.empty()) {
        const size_t source = heap_.top().source;
        heap_.pop();
        const Record& front = Front(source);
        if (to_ && !sorter_->less_(front, *to_)) continue;  // this source has nothing more below `to`
        *out = front;
        if (!Advance(source)) return false;
        return true;
      }
      return false;
    }

    const Status& status() const { return status_; }

   private:
    friend class ExternalSorter;
    static constexpr size_t kInBuffer = static_cast<size_t>(-1);
    static constexpr size_t kReadRecords = (1 << 20) / sizeof(Record) + 1;

    struct RunReader {
      std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{nullptr, &std::fclose};
      std::vector<Record> records;
      size_t pos = 0;
    };
    struct Head {
      size_t source;  // a run, or kInBuffer
    };
    struct HeadGreater {
      const Range* range;
      bool operator()(const Head& a, const Head& b) const {
        return range->sorter_->less_(range->Front(b.source), range->Front(a.source));
      }
    };

    Range(const ExternalSorter& sorter, std::optional<Record> from, std::optional<Record> to)
        : sorter_(&sorter), to_(to), heap_(HeadGreater{this}) {
      const auto& buffer = sorter.buffer_;
      buffer_pos_ = from ? std::lower_bound(buffer.begin(), buffer.end(), *from, sorter.less_) - buffer.begin() : 0;
      runs_.resize(sorter.run_paths_.size());
      for (size_t i = 0; i < runs_.size() && status_.ok(); ++i) status_ = OpenRun(i, from);
      if (!status_.ok()) return;
      for (size_t i = 0; i < runs_.size(); ++i) {
        if (runs_[i].pos < runs_[i].records.size()) heap_.push(Head{i});
      }
      if (buffer_pos_ < buffer.size()) heap_.push(Head{kInBuffer});
    }

    const Record& Front(size_t source) const {
      return source == kInBuffer ? sorter_->buffer_[buffer_pos_] : runs_[source].records[runs_[source].pos];
    }

    // Moves past the front record of `source`; false on a read error.
    bool Advance(size_t source) {
      if (source == kInBuffer) {
        if (++buffer_pos_ < sorter_->buffer_.size()) heap_.push(Head{source});
        return true;
      }
      RunReader& run = runs_[source];
      if (++run.pos == run.records.size()) {
        status_ = Refill(source);
        if (!status_.ok()) return false;
      }
      if (run.pos < run.records.size()) heap_.push(Head{source});
      return true;
    }

    // Opens run `i` at its first record not before `from` (a binary search
    // over the file: its records have a fixed size).
    Status OpenRun(size_t i, const std::optional<Record>& from) {
      const std::string& path = sorter_->run_paths_[i];
      RunReader& run = runs_[i];
      run.file.reset(std::fopen(path.c_str(), "rb"));
      if (!run.file) return Status::IOError("cannot reopen sorted run " + path);
      if (from) {
        if (std::fseek(run.file.get(), 0, SEEK_END) != 0) return Status::IOError("cannot read sorted run " + path);
        size_t low = 0;
        size_t high = static_cast<size_t>(std::ftell(run.file.get())) / sizeof(Record);
        while (low < high) {
          const size_t middle = low + (high - low) / 2;
          Record record;
          if (std::fseek(run.file.get(), static_cast<long>(middle * sizeof(Record)), SEEK_SET) != 0 ||
              std::fread(&record, sizeof(Record), 1, run.file.get()) != 1) {
            return Status::IOError("cannot read sorted run " + path);
          }
          if (sorter_->less_(record, *from)) {
            low = middle + 1;
          } else {
            high = middle;
          }
        }
        if (std::fseek(run.file.get(), static_cast<long>(low * sizeof(Record)), SEEK_SET) != 0) {
          return Status::IOError("cannot read sorted run " + path);
        }
      }
      return Refill(i);
    }

    Status Refill(size_t i) {
      RunReader& run = runs_[i];
      run.records.resize(kReadRecords);
      const size_t got = std::fread(run.records.data(), sizeof(Record), kReadRecords, run.file.get());
      if (got < kReadRecords && std::ferror(run.file.get())) {
        return Status::IOError("cannot read sorted run " + sorter_->run_paths_[i]);
      }
      run.records.resize(got);
      run.pos = 0;
      return Status::OK();
    }

    const ExternalSorter* sorter_;
    std::optional<Record> to_;
    std::vector<RunReader> runs_;
    size_t buffer_pos_ = 0;
    std::priority_queue<Head, std::vector<Head>, HeadGreater> heap_;
    Status status_;
  };

  // Ends adding: sorts the records still in memory. Then Read gives ranges.
  void Seal() { std::sort(buffer_.begin(), buffer_.end(), less_); }

  // A record about halfway through the whole order: the weighted median of
  // evenly spaced samples of the sorted buffer and of each spilled run.
  // Records may come in an order unlike the sorter's (a bulk load's claims
  // come by subject, its orderings sort otherwise), so the runs and the
  // buffer can cover different key ranges: the buffer's own middle split an
  // ordering's work 3:1 (1M triples, wps). Unset when there is no record.
  // After Seal.
  std::optional<Record> Middle() const {
    std::vector<std::pair<Record, size_t>> samples;  // a record and how many records it stands for
    AddSamples(buffer_.size(), [&](size_t i) { return std::optional<Record>(buffer_[i]); }, &samples);
    for (const std::string& path : run_paths_) {
      std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
      if (!file || std::fseek(file.get(), 0, SEEK_END) != 0) continue;  // a split point is only a hint
      const size_t records = static_cast<size_t>(std::ftell(file.get())) / sizeof(Record);
      AddSamples(records, [&](size_t i) -> std::optional<Record> {
        Record record;
        if (std::fseek(file.get(), static_cast<long>(i * sizeof(Record)), SEEK_SET) != 0 ||
            std::fread(&record, sizeof(Record), 1, file.get()) != 1) {
          return std::nullopt;
        }
        return record;
      }, &samples);
    }
    if (samples.empty()) return std::nullopt;
    std::sort(samples.begin(), samples.end(), [&](const auto& a, const auto& b) { return less_(a.first, b.first); });
    size_t total = 0;
    for (const auto& sample : samples) total += sample.second;
    size_t before = 0;
    for (const auto& [record, weight] : samples) {
      before += weight;
      if (2 * before >= total) return record;
    }
    return samples.back().first;
  }

  // After Seal; the Range must not outlive the sorter. The Range is built in
  // place (its heap points back at it) and returned through the unique_ptr.
  std::unique_ptr<Range> Read(std::optional<Record> from, std::optional<Record> to) const {
    return std::unique_ptr<Range>(new Range(*this, from, to));
  }

  // Ends adding; Next then yields every record in order.
  Status Finish() {
    Seal();
    whole_ = Read(std::nullopt, std::nullopt);
    return whole_->status();
  }

  // The next record in order; false at the end or on a read error (status()).
  bool Next(Record* out) { return whole_->Next(out); }

  const Status& status() const { return whole_ ? whole_->status() : no_error_; }

 private:
  // Up to kMiddleSamples evenly spaced records of `count` sorted ones, read
  // by `at` (nullopt: unreadable, left out).
  template <typename At>
  static void AddSamples(size_t count, At at, std::vector<std::pair<Record, size_t>>* samples) {
    const size_t taken = std::min(count, kMiddleSamples);
    for (size_t i = 0; i < taken; ++i) {
      const size_t index = i * count / taken;
      const size_t next = (i + 1) * count / taken;
      if (std::optional<Record> record = at(index)) samples->emplace_back(*record, next - index);
    }
  }
  static constexpr size_t kMiddleSamples = 256;

  Status Spill() {
    std::sort(buffer_.begin(), buffer_.end(), less_);
    const std::string path = prefix_ + "." + std::to_string(run_paths_.size());
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) return Status::IOError("cannot create sorted run " + path);
    run_paths_.push_back(path);
    const size_t written = std::fwrite(buffer_.data(), sizeof(Record), buffer_.size(), file);
    const bool closed = std::fclose(file) == 0;
    if (written != buffer_.size() || !closed) return Status::IOError("cannot write sorted run " + path);
    buffer_.clear();
    return Status::OK();
  }

  std::string prefix_;
  size_t capacity_;
  Less less_;
  std::vector<Record> buffer_;
  uint64_t count_ = 0;
  std::vector<std::string> run_paths_;
  std::unique_ptr<Range> whole_;  // what Finish and Next read
  Status no_error_;
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
