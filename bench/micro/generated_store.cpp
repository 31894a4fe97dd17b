#include "bench/micro/generated_store.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <vector>

namespace kg::bench {
namespace {

namespace fs = std::filesystem;

constexpr size_t kStatementsPerDocument = 100;

std::vector<Claim> GeneratedClaims() {
  std::mt19937_64 random(42);  // the engine's output sequence is fixed by the standard
  auto any_entity = [&] { return Term::Entity(EntityName(static_cast<int>(random() % kEntities))); };
  std::vector<Claim> claims;
  for (int n = 0; n < kJoinClaims; ++n) claims.push_back({any_entity(), "owns", any_entity(), ""});
  for (int n = 0; n < kJoinClaims; ++n) claims.push_back({any_entity(), "supplies", any_entity(), ""});
  for (int n = 0; n < kLabelClaims; ++n) {
    claims.push_back({Term::Entity(EntityName(n)), "label", Term::Text("label " + std::to_string(n), "en"), ""});
  }
  const int first_with_revenue = kEntities - kRevenueClaims;
  for (int n = 0; n < kRevenueClaims; ++n) {
    claims.push_back({Term::Entity(EntityName(first_with_revenue + n)), "revenue",
                      Term::Quantity(std::to_string(1000000 + 137 * n), "USD"), std::to_string(2000 + n % 26)});
  }
  return claims;
}

// Claims [first, first + count) as one document with one sentence per statement.
DocumentInput MakeDocument(const std::vector<Claim>& claims, size_t first, size_t count) {
  DocumentInput input;
  const size_t number = first / kStatementsPerDocument;
  input.document.id = "micro-" + std::to_string(number);
  input.document.lang = "en";
  input.document.source = "generated";
  uint32_t offset = 0;
  for (size_t i = 0; i < count; ++i) {
    Mention mention;
    mention.sentence = static_cast<uint32_t>(i);
    mention.text = "Statement " + std::to_string(i) + " of generated document " + std::to_string(number) + ".";
    mention.start = offset;
    mention.end = offset + static_cast<uint32_t>(mention.text.size());
    mention.rule = "micro.generated";
    offset = mention.end + 1;
    input.statements.push_back({claims[first + i], std::move(mention)});
  }
  input.document.size = offset;
  input.document.content_hash = "micro" + std::to_string(number);
  return input;
}

void Build(const std::string& dir, GeneratedStore* out) {
  auto start = std::chrono::steady_clock::now();
  auto store = Store::Open(dir, OpenOptions{});
  if (!store.ok()) {
    out->error = store.status().ToString();
    return;
  }
  const std::vector<Claim> claims = GeneratedClaims();
  for (size_t first = 0; first < claims.size(); first += kStatementsPerDocument) {
    size_t count = std::min(kStatementsPerDocument, claims.size() - first);
    auto added = (*store)->AddDocument(MakeDocument(claims, first, count), WriteOptions{.sync = false});
    if (!added.ok()) {
      out->error = added.status().ToString();
      return;
    }
  }
  auto stats = (*store)->GetStats();
  if (!(*store)->Sync().ok() || !stats.ok()) {
    out->error = "cannot sync or read the statistics of the generated store";
    return;
  }
  out->claims = stats->claims;
  out->terms = stats->terms;
  out->build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out->store = std::move(*store);
  std::fprintf(stderr, "generated store: %llu claims, %llu terms, built in %.2f s\n",
               static_cast<unsigned long long>(out->claims), static_cast<unsigned long long>(out->terms),
               out->build_seconds);
}

// Owns the temp dir for the life of the process.
struct StoreHolder {
  fs::path dir = fs::temp_directory_path() / ("kg-micro-bench-" + std::to_string(::getpid()));
  GeneratedStore generated;

  StoreHolder() {
    fs::remove_all(dir);
    Build(dir.string(), &generated);
  }
  ~StoreHolder() {
    generated.store.reset();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

}  // namespace

std::string EntityName(int n) {
  char name[16];
  std::snprintf(name, sizeof name, "E%05d", n);
  return name;
}

const GeneratedStore& SharedStore() {
  static StoreHolder holder;
  return holder.generated;
}

}  // namespace kg::bench
