// One deterministic store shared by the store and query microbenchmarks,
// built once per process in a temp dir (removed at exit) so that building it
// is never part of a measurement.
//
// Content (fixed sizes, fixed seed; ~80k claims, ~90k terms, 800 documents):
//   every entity E00000..E39999 is a subject or object somewhere;
//   owns      15,000 claims  Exxxxx -> Exxxxx (random pairs)
//   supplies  15,000 claims  Exxxxx -> Exxxxx (random pairs)
//   label     25,000 claims  E00000..E24999 -> "label n"@en (distinct texts)
//   revenue   25,000 claims  E15000..E39999 -> USD n @ year (distinct amounts)
// Each claim has one mention; documents hold 100 statements each.
#ifndef KG_BENCH_MICRO_GENERATED_STORE_H_
#define KG_BENCH_MICRO_GENERATED_STORE_H_

#include <memory>
#include <string>

#include "kg/store.h"

namespace kg::bench {

inline constexpr int kEntities = 40000;
inline constexpr int kJoinClaims = 15000;   // per join predicate (owns, supplies)
inline constexpr int kLabelClaims = 25000;
inline constexpr int kRevenueClaims = 25000;

// "E00042": the id of the n-th generated entity.
std::string EntityName(int n);

struct GeneratedStore {
  std::unique_ptr<Store> store;  // null when building failed
  std::string error;             // why, when it failed
  uint64_t claims = 0;
  uint64_t terms = 0;
  double build_seconds = 0;
};

// The shared store, built on first use.
const GeneratedStore& SharedStore();

}  // namespace kg::bench

#endif  // KG_BENCH_MICRO_GENERATED_STORE_H_
