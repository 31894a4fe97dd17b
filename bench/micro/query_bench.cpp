// KGQL through kg::RunQuery on the generated store: parse, bind, plan and
// execute, every time. Items are result rows for the join and claims
// counted for COUNT(*).
#include <string>

#include <benchmark/benchmark.h>

#include "bench/micro/generated_store.h"
#include "kg/query.h"

namespace {

// Runs `text` once per iteration; `items` maps a result to what it covers.
template <typename ItemsOf>
void RunKgql(benchmark::State& state, const std::string& text, ItemsOf items_of) {
  const auto& generated = kg::bench::SharedStore();
  if (!generated.store) {
    state.SkipWithError(generated.error.c_str());
    return;
  }
  int64_t items = 0;
  int64_t rows = 0;
  for (auto _ : state) {
    auto result = kg::RunQuery(*generated.store, text, kg::QueryOptions{});
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      return;
    }
    rows = static_cast<int64_t>(result->rows.size());
    items += items_of(*result);
  }
  state.SetItemsProcessed(items);
  state.counters["rows"] = static_cast<double>(rows);
}

int64_t RowCount(const kg::QueryResult& result) { return static_cast<int64_t>(result.rows.size()); }

// The single cell of a COUNT(*) result, 0 when the shape is not that.
int64_t CountCell(const kg::QueryResult& result) {
  if (result.rows.size() != 1 || result.rows[0].size() != 1) return 0;
  return result.rows[0][0].number;
}

void BM_KgqlTwoWayJoin(benchmark::State& state) {
  RunKgql(state, "FIND ?a ?b ?c WHERE ?a owns ?b, ?b supplies ?c", RowCount);
}
BENCHMARK(BM_KgqlTwoWayJoin)->Unit(benchmark::kMillisecond);

void BM_KgqlCountAll(benchmark::State& state) {
  RunKgql(state, "FIND COUNT(*) WHERE ?s ?p ?o", CountCell);
}
BENCHMARK(BM_KgqlCountAll)->Unit(benchmark::kMillisecond);

void BM_KgqlCountPredicate(benchmark::State& state) {
  RunKgql(state, "FIND COUNT(*) WHERE ?s label ?o", CountCell);
}
BENCHMARK(BM_KgqlCountPredicate)->Unit(benchmark::kMillisecond);

}  // namespace
