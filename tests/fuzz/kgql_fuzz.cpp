// libFuzzer target for KGQL: any bytes go through RunQuery (parse, bind,
// plan and a capped execution) over a small store; nothing may crash,
// leak an exception or trip a sanitizer.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "kg/query.h"
#include "kg/store.h"

namespace {

kg::DocumentInput::Statement Statement(const char* subject, const char* predicate, kg::Term object,
                                       const char* when) {
  kg::DocumentInput::Statement s;
  s.claim = kg::Claim{kg::Term::Entity(subject), predicate, std::move(object), when};
  s.mention.text = "A sentence written for the fuzzer.";
  s.mention.end = static_cast<uint32_t>(s.mention.text.size());
  return s;
}

std::unique_ptr<kg::Store> MakeStore() {
  std::string dir = (std::filesystem::temp_directory_path() / "kgql-fuzz-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) std::abort();
  auto store = kg::Store::Open(dir, kg::OpenOptions{});
  if (!store.ok()) std::abort();
  kg::DocumentInput input;
  input.document = kg::Document{"f1", "en", "2025-12", "fuzz", "Fuzz", "hash", 10};
  input.statements = {
      Statement("Acme", "plans_capex", kg::Term::Quantity("50000000000", "CNY"), "2026"),
      Statement("Acme", "plans_capex", kg::Term::Quantity("500000000000", "CNY"), "2026"),
      Statement("Acme", "develops", kg::Term::Entity("Widget"), ""),
      Statement("Widget", "overtook", kg::Term::Entity("Gizmo"), ""),
      Statement("Globex", "plans_order", kg::Term::Quantity("800", "Gizmo"), "2025-10"),
  };
  input.aliases = {{"Acme", "Acme", ""}, {"एक्मे", "Acme", "hi"}, {"Widget", "Widget", ""}, {"Gizmo", "Gizmo", ""},
                   {"Globex", "Globex", ""}};
  if (!(*store)->AddDocument(input).ok()) std::abort();
  return std::move(store).value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<kg::Store> store = MakeStore();
  kg::QueryOptions options;
  options.max_rows = 100;
  options.timeout_ms = 1000;
  auto result = kg::RunQuery(*store, std::string(reinterpret_cast<const char*>(data), size), options);
  if (result.ok()) {
    for (const auto& row : result->rows) {
      if (row.size() != result->columns.size()) std::abort();
    }
  } else if (result.status().message().empty()) {
    std::abort();
  }
  return 0;
}
