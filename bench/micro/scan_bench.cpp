// One pattern with a bound predicate (`?s label ?o`, 25,000 claims) through
// Store::Match, with and without reading each claim's mentions. Items are
// claims visited.
#include <benchmark/benchmark.h>

#include "bench/micro/generated_store.h"

namespace {

void BM_MatchBoundPredicate(benchmark::State& state) {
  const auto& generated = kg::bench::SharedStore();
  if (!generated.store) {
    state.SkipWithError(generated.error.c_str());
    return;
  }
  kg::Pattern pattern;
  pattern.predicate = "label";
  pattern.with_mentions = state.range(0) == 1;
  int64_t visited = 0;
  for (auto _ : state) {
    int64_t claims = 0;
    kg::Status status = generated.store->Match(pattern, [&](const kg::ClaimRecord& record) {
      benchmark::DoNotOptimize(record.claim.object.value.data());
      ++claims;
      return true;
    });
    if (!status.ok() || claims != kg::bench::kLabelClaims) {
      state.SkipWithError("the scan failed or missed claims");
      return;
    }
    visited += claims;
  }
  state.SetItemsProcessed(visited);
}
BENCHMARK(BM_MatchBoundPredicate)->ArgName("mentions")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
