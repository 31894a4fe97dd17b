// Runs Q1–Q6 of the shared peer benchmark (/work/shared/bench/queries.json)
// against a store loaded with `kg import`, through the public API, and prints
// one JSON line per query exactly as the peer runners do:
//   {"peer","dataset","phase","seconds","first_s","rows","reps"}
// seconds is the median of REPEATS runs; caller_cpu_s and process_cpu_s the
// medians of the CPU time the calling thread and the whole process spent
// in them: with queries on both cores (OpenOptions::query_threads) the
// first is what a run would take on a box with a core free for the helper
// (at least), the second what both threads spent together. The rows stream through
// kg::RunQuery's RowVisitor and every cell is decoded to its text form and
// kept (appended to one flat buffer, with the offset where each cell ends),
// so the timing includes what a caller pays to read the whole answer as
// strings, as the peers' fetchall of Python strings does.
//
// Every query is KGQL through kg::RunQuery; IRIs are written <…>.
//
// usage: kgstore_bench_runner STORE_DIR QUERIES.json QUERYSET DATASET_NAME [REPEATS [Qn...]]
// Naming queries runs only those (to profile one with perf).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/runner/bench_queries.h"
#include "kg/query.h"
#include "kg/store.h"

namespace {

// A query's answer as text: cell i is text[ends[i - 1], ends[i]).
struct Rows : kg::RowVisitor {
  size_t count = 0;
  std::string text;
  std::vector<size_t> ends;

  void Columns(const std::vector<std::string>&) override {}
  bool Row(const kg::RowView& row) override {
    for (size_t i = 0; i < row.size(); ++i) {
      row[i].AppendText(&text);
      ends.push_back(text.size());
    }
    ++count;
    return true;
  }
  std::string Cell(size_t i) const {
    const size_t begin = i == 0 ? 0 : ends[i - 1];
    return text.substr(begin, ends[i] - begin);
  }
};
// A query fills rows; for a count query, the count is its single cell.
using Query = std::function<kg::Status(const kg::Store&, Rows*)>;

kg::Status Kgql(const kg::Store& store, const std::string& text, Rows* rows) {
  auto info = kg::RunQuery(store, text, kg::QueryOptions{}, *rows);
  return info.ok() ? kg::Status::OK() : info.status();
}

std::vector<std::pair<std::string, Query>> SetQueries(const nlohmann::json& q) {
  std::vector<std::pair<std::string, Query>> queries;
  for (auto& [name, text] : kg::bench::QueryTexts(q)) {
    queries.emplace_back(name, [text](const kg::Store& s, Rows* rows) { return Kgql(s, text, rows); });
  }
  return queries;
}

// Q6 reports the count itself, the others their number of rows (as sqlite.py).
int64_t RowsReported(const std::string& name, const Rows& rows) {
  if (name == "Q6") return rows.ends.empty() ? -1 : std::stoll(rows.Cell(0));
  return static_cast<int64_t>(rows.count);
}

double CpuSeconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

int RunAll(const kg::Store& store, const nlohmann::json& qset, const std::string& dataset, int repeats,
           const std::vector<std::string>& only) {
  for (const auto& [name, query] : SetQueries(qset)) {
    if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
    std::vector<double> times, caller_cpu, process_cpu;
    int64_t rows_reported = 0;
    for (int i = 0; i < repeats; ++i) {
      Rows rows;
      const double caller0 = CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
      const double process0 = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
      auto t0 = std::chrono::steady_clock::now();
      kg::Status st = query(store, &rows);
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      caller_cpu.push_back(CpuSeconds(CLOCK_THREAD_CPUTIME_ID) - caller0);
      process_cpu.push_back(CpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - process0);
      if (!st.ok()) {
        std::cerr << name << ": " << st.ToString() << "\n";
        return 1;
      }
      rows_reported = RowsReported(name, rows);
    }
    // Microsecond resolution, as the peers round.
    auto micros = [](double s) { return std::round(s * 1e6) / 1e6; };
    const double first = micros(times[0]);
    nlohmann::ordered_json line;
    line["peer"] = "kgstore";
    line["dataset"] = dataset;
    line["phase"] = name;
    line["seconds"] = micros(Median(times));
    line["first_s"] = first;
    line["rows"] = rows_reported;
    line["reps"] = repeats;
    line["caller_cpu_s"] = micros(Median(caller_cpu));
    line["process_cpu_s"] = micros(Median(process_cpu));
    std::cout << line.dump() << std::endl;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: kgstore_bench_runner STORE_DIR QUERIES.json QUERYSET DATASET_NAME [REPEATS [Qn...]]\n";
    return 2;
  }
  kg::KeepFreedMemoryForQueries();  // as the kg shell does: a query's freed memory serves the next
  const std::string qset_name = argv[3];
  std::ifstream in(argv[2]);
  nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (all.is_discarded() || !all.contains(qset_name)) {
    std::cerr << argv[2] << ": not a queries.json with set '" << qset_name << "'\n";
    return 2;
  }
  const int repeats = argc > 5 ? std::max(1, std::atoi(argv[5])) : 5;
  kg::OpenOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  auto store = kg::Store::Open(argv[1], options);
  if (!store.ok()) {
    std::cerr << argv[1] << ": " << store.status().ToString() << "\n";
    return 1;
  }
  const std::vector<std::string> only(argv + std::min(argc, 6), argv + argc);
  return RunAll(**store, all[qset_name], argv[4], repeats, only);
}
