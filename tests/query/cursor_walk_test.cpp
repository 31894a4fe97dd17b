// ClaimCursor steps forward instead of seeking when the next lookup starts
// at its next key (storage/id_scan.cpp, MoveTo), and serves lookups whose
// subject varies from pos (IdPattern::subject_varies). Either way a lookup
// must find exactly what a fresh seek in spo finds, whatever the order of
// the lookups.
#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "storage/id_scan.h"
#include "test_util.h"

namespace kg::testing {
namespace {

using storage::ClaimCursor;
using storage::ClaimKeyParts;
using storage::IdPattern;
using storage::TermId;

const char* const kSubjects[] = {"S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"};

std::vector<std::string> Matches(ClaimCursor& cursor, const IdPattern& pattern) {
  std::vector<std::string> keys;
  for (cursor.Seek(pattern); cursor.Valid(); cursor.Next()) keys.push_back(storage::SpoKey(cursor.parts()));
  EXPECT_TRUE(cursor.status().ok()) << cursor.status().ToString();
  return keys;
}

TEST(CursorWalkTest, LookupsInAnyOrderFindWhatASeekFinds) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  std::mt19937 rng(7);
  DocumentInput input = MakeDocument("walk", "en", "w");
  for (uint32_t i = 0; i < 300; ++i) {
    input.statements.push_back(MakeStatement(Term::Entity(kSubjects[rng() % std::size(kSubjects)]),
                                             rng() % 2 ? "p0" : "p1", Term::Entity(kSubjects[rng() % 3]),
                                             rng() % 3 ? "" : "2026", i, "Sentence " + std::to_string(i)));
  }
  ASSERT_TRUE(store->AddDocument(input).ok());
  const auto& rocks = dynamic_cast<const storage::RocksStore&>(*store);
  storage::IdScanner scanner(rocks);
  auto id = [&](const Term& term) {
    TermId found = scanner.IdOf(term).value();
    EXPECT_NE(found, 0u) << term.ToString();
    return found;
  };
  std::vector<TermId> subjects;
  for (const char* subject : kSubjects) subjects.push_back(id(Term::Entity(subject)));
  std::sort(subjects.begin(), subjects.end());

  ClaimCursor walking(scanner);  // reused across lookups, as a join step's
  int found = 0;
  for (int round = 0; round < 3; ++round) {
    std::vector<TermId> order = subjects;
    if (round == 1) std::reverse(order.begin(), order.end());
    if (round == 2) std::shuffle(order.begin(), order.end(), rng);
    for (const char* predicate : {"p0", "p1"}) {
      for (int object = 0; object < 3; ++object) {
        for (TermId subject : order) {
          IdPattern pattern;
          pattern.subject = subject;
          pattern.predicate = id(Term::Predicate(predicate));
          pattern.object = storage::ObjectKeyForId(id(Term::Entity(kSubjects[object])));
          ClaimCursor fresh(scanner);
          const std::vector<std::string> expected = Matches(fresh, pattern);
          pattern.subject_varies = true;
          EXPECT_EQ(Matches(walking, pattern), expected);
          found += static_cast<int>(expected.size());
        }
      }
    }
  }
  EXPECT_GT(found, 100);  // not a comparison of empty answers
}

}  // namespace
}  // namespace kg::testing
