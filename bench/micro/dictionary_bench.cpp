// The term dictionary of the generated store (~90k terms): term -> id for
// terms it holds and terms it does not, and the public name lookup
// (Store::ResolveEntity) that queries go through. Items are lookups.
//
// FindTermId is internal (storage/rocks_store.h): the public API has no
// term -> id call, and the dictionary is what every bound pattern position
// pays first.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/micro/generated_store.h"
#include "storage/rocks_store.h"

namespace {

using kg::bench::EntityName;
using kg::bench::kEntities;

// Every generated entity, or as many names the store has never seen.
std::vector<kg::Term> EntityTerms(bool existing) {
  std::vector<kg::Term> terms;
  for (int n = 0; n < kEntities; ++n) {
    terms.push_back(kg::Term::Entity(existing ? EntityName(n) : "Missing" + std::to_string(n)));
  }
  return terms;
}

void BM_DictionaryFindTermId(benchmark::State& state) {
  const auto& generated = kg::bench::SharedStore();
  const auto* store = dynamic_cast<const kg::storage::RocksStore*>(generated.store.get());
  if (store == nullptr) {
    state.SkipWithError(generated.store ? "not a RocksStore" : generated.error.c_str());
    return;
  }
  const bool existing = state.range(0) == 1;
  const auto terms = EntityTerms(existing);
  size_t i = 0;
  for (auto _ : state) {
    auto id = store->FindTermId(terms[i++ % terms.size()]);
    if (!id.ok() || (*id != 0) != existing) {
      state.SkipWithError("dictionary lookup gave the wrong answer");
      return;
    }
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["terms_in_store"] = static_cast<double>(generated.terms);
}
BENCHMARK(BM_DictionaryFindTermId)->ArgName("existing")->Arg(1)->Arg(0);

void BM_ResolveEntity(benchmark::State& state) {
  const auto& generated = kg::bench::SharedStore();
  if (!generated.store) {
    state.SkipWithError(generated.error.c_str());
    return;
  }
  const bool existing = state.range(0) == 1;
  const auto terms = EntityTerms(existing);
  size_t i = 0;
  for (auto _ : state) {
    auto ids = generated.store->ResolveEntity(terms[i++ % terms.size()].value);
    if (!ids.ok() || ids->empty() == existing) {
      state.SkipWithError("entity lookup gave the wrong answer");
      return;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ResolveEntity)->ArgName("existing")->Arg(1)->Arg(0);

}  // namespace
