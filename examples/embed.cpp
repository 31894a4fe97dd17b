// Embedding kgstore: open a store, add a document with two claims, match a
// pattern and print what comes back.
//
//   build (CMake):      find_package(kgstore) + target_link_libraries(app kgstore::kgstore)
//   build (pkg-config): c++ embed.cpp $(pkg-config --cflags --libs kgstore)
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <unistd.h>

#include <kg/kg.h>

namespace {

kg::DocumentInput ExampleDocument() {
  kg::DocumentInput input;
  input.document.id = "example-1";
  input.document.lang = "en";
  input.document.title = "An example";
  input.document.content_hash = "0001";

  kg::DocumentInput::Statement capex;
  capex.claim = {kg::Term::Entity("Acme"), "plans_capex", kg::Term::Quantity("160000000000", "CNY"), "2026"};
  capex.mention.text = "Acme plans to spend about 160 billion yuan in 2026.";
  capex.mention.end = static_cast<uint32_t>(capex.mention.text.size());
  capex.mention.bound = kg::Bound::kApprox;
  input.statements.push_back(capex);

  kg::DocumentInput::Statement seat;
  seat.claim = {kg::Term::Entity("Acme"), "headquartered_in", kg::Term::Entity("Springfield"), ""};
  seat.mention.sentence = 1;
  seat.mention.text = "Acme has its head office in Springfield.";
  input.statements.push_back(seat);
  return input;
}

}  // namespace

int main() {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("kgstore-embed-example-" + std::to_string(::getpid()));
  auto store = kg::Store::Open(dir.string(), kg::OpenOptions{});
  if (!store.ok()) {
    std::cerr << "cannot open the store: " << store.status().ToString() << "\n";
    return 1;
  }
  auto added = (*store)->AddDocument(ExampleDocument());
  if (!added.ok()) {
    std::cerr << "cannot add the document: " << added.status().ToString() << "\n";
    return 1;
  }
  std::cout << "added " << added->claims_new << " claims\n";

  kg::Pattern pattern;
  pattern.subject = kg::Term::Entity("Acme");
  kg::Status status = (*store)->Match(pattern, [](const kg::ClaimRecord& record) {
    const kg::Claim& c = record.claim;
    std::cout << c.subject.ToString() << " " << c.predicate << " " << c.object.ToString()
              << (c.when.empty() ? "" : " @" + c.when) << " (" << record.mentions.size() << " mention)\n";
    return true;
  });
  store->reset();
  std::filesystem::remove_all(dir);
  if (!status.ok()) {
    std::cerr << "match failed: " << status.ToString() << "\n";
    return 1;
  }
  return 0;
}
