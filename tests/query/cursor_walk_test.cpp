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
#include "storage/test_hooks.h"
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

// 700 claims of p0 and p1 with objects O0 and O1: four pos prefixes, the
// longest several packed entries long.
void AddLists(Store& store) {
  std::mt19937 rng(9);
  DocumentInput input = MakeDocument("lists", "en", "l");
  for (uint32_t i = 0; i < 700; ++i) {
    input.statements.push_back(MakeStatement(Term::Entity("S" + std::to_string(rng() % 400)), rng() % 4 ? "p0" : "p1",
                                             Term::Entity(rng() % 5 ? "O0" : "O1"), rng() % 3 ? "" : "2026", i,
                                             "Sentence " + std::to_string(i)));
  }
  ASSERT_TRUE(store.AddDocument(input).ok());
}

// A join that searches a list reads a whole (p, O) of pos at once
// (IdScanner::ReadPosClaims): the same (subject, time) pairs, in the same
// order, as a cursor's walk of that prefix, in a packed store (prefixes
// of several entries) and in a format-1 store (a key per claim).
TEST(CursorWalkTest, ReadPosClaimsGivesTheWalksClaims) {
  for (const bool format1 : {false, true}) {
    SCOPED_TRACE(format1 ? "format 1" : "format 2");
    TempDir dir;
    if (format1) {
      ASSERT_TRUE(storage::CreateFormat1StoreForTest(dir.path()).ok());
    }
    auto store = OpenStore(dir.path());
    ASSERT_NE(store, nullptr);
    AddLists(*store);
    const auto& rocks = dynamic_cast<const storage::RocksStore&>(*store);
    storage::IdScanner scanner(rocks);
    size_t longest = 0;
    for (const char* predicate : {"p0", "p1"}) {
      for (const char* object : {"O0", "O1"}) {
        IdPattern pattern;
        pattern.predicate = scanner.IdOf(Term::Predicate(predicate)).value();
        pattern.object = storage::ObjectKeyForId(scanner.IdOf(Term::Entity(object)).value());
        ClaimCursor cursor(scanner);
        std::vector<storage::PosPair> walked;
        for (cursor.Seek(pattern); cursor.Valid(); cursor.Next()) {
          walked.emplace_back(cursor.parts().subject, cursor.parts().when);
        }
        std::vector<storage::PosPair> read = {{1, 1}};  // appended to, not replaced
        ASSERT_TRUE(scanner.ReadPosClaims(*pattern.predicate, *pattern.object, &read).ok());
        walked.insert(walked.begin(), storage::PosPair{1, 1});
        EXPECT_EQ(read, walked);
        longest = std::max(longest, walked.size());
      }
    }
    EXPECT_GT(longest, storage::kPosEntryClaims);  // a prefix of several packed entries
  }
}

// A packed (p, O) run too small for the index's sizes is read to cut it at
// exact claims (IdScanner::SplitKeys), and only when it holds min_matches:
// the executor's floor for running such a first step in morsels.
TEST(CursorWalkTest, SplitKeysCutsASmallPackedRunOnlyWithItsMinimumClaims) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  AddLists(*store);
  const auto& rocks = dynamic_cast<const storage::RocksStore&>(*store);
  storage::IdScanner scanner(rocks);
  IdPattern pattern;
  pattern.predicate = scanner.IdOf(Term::Predicate("p0")).value();
  pattern.object = storage::ObjectKeyForId(scanner.IdOf(Term::Entity("O0")).value());
  std::vector<storage::PosPair> claims;
  ASSERT_TRUE(scanner.ReadPosClaims(*pattern.predicate, *pattern.object, &claims).ok());
  ASSERT_GT(claims.size(), 4u);
  auto cuts = [&](size_t min_matches) {
    auto split = scanner.SplitKeys(pattern, 4, min_matches);
    EXPECT_TRUE(split.ok()) << split.status().ToString();
    return split.ok() ? split->size() : 0;
  };
  EXPECT_EQ(cuts(0), 3u);
  EXPECT_EQ(cuts(claims.size()), 3u);
  EXPECT_EQ(cuts(claims.size() + 1), 0u);
}

}  // namespace
}  // namespace kg::testing
