// Key encodings of storage/encoding.h, without a store: what every read and
// write pays per key. Inputs are built before timing; items are keys.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "storage/encoding.h"

namespace {

using kg::TermKind;
using namespace kg::storage;

constexpr size_t kInputs = 4096;  // cycled through; small enough to stay in cache

std::vector<TermId> Ids() {
  std::vector<TermId> ids;
  for (size_t i = 0; i < kInputs; ++i) ids.push_back(MakeId(TermKind::kEntity, i * 7919));
  return ids;
}

// Amounts as documents write them: integers, fractions, negatives, zeros.
std::vector<std::string> DecimalTexts() {
  std::vector<std::string> texts;
  for (size_t i = 0; i < kInputs; ++i) {
    switch (i % 4) {
      case 0: texts.push_back(std::to_string(i * 1000003)); break;
      case 1: texts.push_back(std::to_string(i) + ".50"); break;
      case 2: texts.push_back("-" + std::to_string(i * 17) + ".125"); break;
      default: texts.push_back("160000000000"); break;
    }
  }
  return texts;
}

// Claims whose object is an entity id or, every other one, a quantity.
std::vector<ClaimKeyParts> Claims() {
  std::vector<ClaimKeyParts> claims;
  for (size_t i = 0; i < kInputs; ++i) {
    ClaimKeyParts c;
    c.subject = MakeId(TermKind::kEntity, i);
    c.predicate = MakeId(TermKind::kPredicate, i % 30);
    c.object = i % 2 == 0 ? ObjectKeyForId(MakeId(TermKind::kEntity, i * 31))
                          : ObjectKeyForQuantity(kg::Term::Quantity(std::to_string(i * 1000), "USD"));
    c.when = i % 3 == 0 ? kNoTime : *TimeId("2025-10");
    claims.push_back(std::move(c));
  }
  return claims;
}

void BM_TermIdKeyRoundTrip(benchmark::State& state) {
  const auto ids = Ids();
  std::string key;
  size_t i = 0;
  for (auto _ : state) {
    key.clear();
    PutBig64(&key, ids[i++ % kInputs]);
    benchmark::DoNotOptimize(GetBig64(key));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TermIdKeyRoundTrip);

// Canonical form plus the ordered key, as a quantity on its way into a key.
void BM_OrderedDecimalEncode(benchmark::State& state) {
  const auto texts = DecimalTexts();
  std::string key;
  size_t i = 0;
  for (auto _ : state) {
    key.clear();
    auto canonical = CanonicalDecimal(texts[i++ % kInputs]);
    PutOrderedDecimal(&key, *canonical);
    benchmark::DoNotOptimize(key.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OrderedDecimalEncode);

void BM_OrderedDecimalDecode(benchmark::State& state) {
  std::vector<std::string> keys;
  for (const auto& text : DecimalTexts()) PutOrderedDecimal(&keys.emplace_back(), *CanonicalDecimal(text));
  std::string decoded;
  size_t i = 0;
  for (auto _ : state) {
    std::string_view in = keys[i++ % kInputs];
    benchmark::DoNotOptimize(GetOrderedDecimal(&in, &decoded));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OrderedDecimalDecode);

// The four orderings written for every new claim.
void BM_ClaimKeyBuild(benchmark::State& state) {
  const auto claims = Claims();
  size_t i = 0;
  for (auto _ : state) {
    const ClaimKeyParts& c = claims[i++ % kInputs];
    benchmark::DoNotOptimize(SpoKey(c));
    benchmark::DoNotOptimize(PosKey(c));
    benchmark::DoNotOptimize(OspKey(c));
    benchmark::DoNotOptimize(WpsKey(c));
  }
  state.SetItemsProcessed(state.iterations() * 4);
}
BENCHMARK(BM_ClaimKeyBuild);

void BM_ClaimKeyParse(benchmark::State& state) {
  std::vector<std::string> keys;
  for (const auto& c : Claims()) {
    keys.push_back(SpoKey(c));
    keys.push_back(PosKey(c));
    keys.push_back(OspKey(c));
    keys.push_back(WpsKey(c));
  }
  ClaimKeyParts parts;
  size_t i = 0;
  for (auto _ : state) {
    const size_t k = (i++ % kInputs) * 4;
    benchmark::DoNotOptimize(ParseSpoKey(keys[k], &parts));
    benchmark::DoNotOptimize(ParsePosKey(keys[k + 1], &parts));
    benchmark::DoNotOptimize(ParseOspKey(keys[k + 2], &parts));
    benchmark::DoNotOptimize(ParseWpsKey(keys[k + 3], &parts));
  }
  state.SetItemsProcessed(state.iterations() * 4);
}
BENCHMARK(BM_ClaimKeyParse);

}  // namespace
