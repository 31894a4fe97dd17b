// Ingest throughput, end to end (extraction + one atomic write per
// document), on the seed corpus replicated to 50 MB or more of text.
// Every copy gets its own id and a distinct first line, so each is a new
// document. Reports bytes per second of wall-clock time (Google Benchmark's
// "bytes_per_second") and MB per second of the process's CPU time
// ("cpu_MB/s", all threads, RocksDB's included: the one-core figure).
// BM_IngestCorpus/sync_each:1 syncs every document (kg ingest before group
// commit); sync_each:0 writes unsynced and syncs once at the end (kg ingest).
//
//   build-dir/bench/ingest/ingest_bench [--benchmark_filter=...]
//   KG_BENCH_MB=10 ...   (a smaller corpus for a quick look)
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "ingest/batch.h"
#include "ingest/rule_extractor.h"
#include "kg/store.h"

namespace {

namespace fs = std::filesystem;

struct Article {
  kg::Document meta;
  std::string text;
};

std::vector<Article> SeedArticles() {
  auto inputs = kg::ingest::ReadManifest(KG_SHARED_DIR "/corpus/manifest.tsv");
  std::vector<Article> articles;
  if (!inputs.ok()) return articles;
  for (const auto& input : *inputs) {
    std::ifstream in(input.path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    articles.push_back({input.meta, text.str()});
  }
  return articles;
}

size_t TargetBytes() {
  const char* mb = std::getenv("KG_BENCH_MB");
  return static_cast<size_t>(mb ? std::atoi(mb) : 50) << 20;
}

void BM_IngestCorpus(benchmark::State& state) {
  auto seed = SeedArticles();
  auto extractor = kg::ingest::RuleExtractor::Create(KG_SOURCE_DIR "/ingest/data");
  if (seed.empty() || !extractor.ok()) {
    state.SkipWithError("cannot read the seed corpus or the rule data");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    fs::path dir = fs::temp_directory_path() / ("kg-ingest-bench-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto store = kg::Store::Open(dir.string(), kg::OpenOptions{});
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    for (const auto& [name, spec] : (*extractor)->data().predicates()) (void)(*store)->DeclarePredicate(spec.info);
    const kg::WriteOptions write{.sync = state.range(0) != 0};
    state.ResumeTiming();
    std::clock_t cpu_start = std::clock();
    size_t bytes = 0;
    size_t documents = 0;
    for (size_t copy = 0; bytes < TargetBytes(); ++copy) {
      for (const auto& article : seed) {
        kg::Document meta = article.meta;
        meta.id += "_" + std::to_string(copy);
        std::string text = "Copy " + std::to_string(copy) + "\n" + article.text;
        auto input = (*extractor)->Extract(text, meta);
        if (!input.ok() || !(*store)->AddDocument(*input, write).ok()) {
          state.SkipWithError("ingest failed");
          return;
        }
        bytes += text.size();
        ++documents;
      }
    }
    if (!(*store)->Sync().ok()) {
      state.SkipWithError("sync failed");
      return;
    }
    double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    state.SetBytesProcessed(static_cast<int64_t>(state.bytes_processed() + bytes));
    state.counters["documents"] = static_cast<double>(documents);
    state.counters["MB"] = static_cast<double>(bytes) / (1 << 20);
    state.counters["cpu_MB/s"] = static_cast<double>(bytes) / (1 << 20) / cpu_seconds;
    state.PauseTiming();
    store->reset();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_IngestCorpus)->ArgName("sync_each")->Arg(1)->Arg(0)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

// Extraction alone, one seed article at a time.
void BM_ExtractArticle(benchmark::State& state) {
  auto seed = SeedArticles();
  auto extractor = kg::ingest::RuleExtractor::Create(KG_SOURCE_DIR "/ingest/data");
  if (seed.empty() || !extractor.ok()) {
    state.SkipWithError("cannot read the seed corpus or the rule data");
    return;
  }
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const Article& article = seed[i++ % seed.size()];
    auto input = (*extractor)->Extract(article.text, article.meta);
    benchmark::DoNotOptimize(input);
    bytes += static_cast<int64_t>(article.text.size());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractArticle);

}  // namespace

BENCHMARK_MAIN();
