// The document writer skips reads and writes it knows to be redundant (terms
// and aliases every document sends again): these tests pin down that what is
// stored is the same as if every write had been made.
#include <functional>

#include <gtest/gtest.h>

#include "test_util.h"

namespace kg::testing {
namespace {

DocumentInput DocumentWithAliases(const std::string& id, const std::vector<std::string>& spellings) {
  DocumentInput doc = MakeDocument(id, "en", "hash-" + id);
  doc.statements.push_back(MakeStatement(Term::Entity("Orbis Labs"), "plans_capex", Term::Quantity("7", "EUR"), "2026",
                                         0, "Orbis Labs will spend seven euros."));
  for (const std::string& text : spellings) doc.aliases.push_back({text, "Orbis Labs", "en"});
  return doc;
}

// The alias of "Orbis Labs" as stored (all spellings here normalise alike).
std::string StoredSpelling(const Store& store) {
  auto aliases = store.AliasesOf("Orbis Labs");
  EXPECT_TRUE(aliases.ok());
  if (!aliases.ok() || aliases->size() != 1) return "";
  return (*aliases)[0].text;
}

uint64_t AliasCount(const Store& store) {
  auto stats = store.GetStats();
  EXPECT_TRUE(stats.ok());
  return stats.ok() ? stats->aliases : 0;
}

TEST(WritePathTest, ResentAliasesAreCountedOnceAndTheLastSpellingWins) {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d1", {"Orbis"})).ok());
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d2", {"Orbis"})).ok());
  EXPECT_EQ(StoredSpelling(*store), "Orbis");
  EXPECT_EQ(AliasCount(*store), 1u);
  // A spelling already stored, then another one in the same document: the
  // later one is written even though the first needs no write.
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d3", {"Orbis", "ORBIS"})).ok());
  EXPECT_EQ(StoredSpelling(*store), "ORBIS");
  // The other way round: the stored spelling comes last and must be
  // written again over the one before it in the same document.
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d4", {"orbis", "ORBIS"})).ok());
  EXPECT_EQ(StoredSpelling(*store), "ORBIS");
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d5", {"orbis"})).ok());
  EXPECT_EQ(StoredSpelling(*store), "orbis");
  EXPECT_EQ(AliasCount(*store), 1u);
  ExpectConsistent(*store);
}

TEST(WritePathTest, AReopenedStoreSeesWhatTheWriterSkipped) {
  TempDir dir;
  {
    auto store = OpenStore(dir.Sub("db"));
    ASSERT_NE(store, nullptr);
    for (const char* id : {"d1", "d2", "d3"}) ASSERT_TRUE(store->AddDocument(DocumentWithAliases(id, {"Orbis"})).ok());
  }
  auto store = OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d4", {"Orbis"})).ok());
  EXPECT_EQ(StoredSpelling(*store), "Orbis");
  EXPECT_EQ(AliasCount(*store), 1u);
  auto claims = MatchAll(*store, Pattern{});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].mentions.size(), 4u);
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->entities, 1u);
  ExpectConsistent(*store);
}

// A re-added document is unchanged only when its statements are: the
// statement fingerprint must see every field, and where one field ends.
TEST(WritePathTest, ChangingAnyFieldOfAStatementReplacesTheDocument) {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  DocumentInput doc = MakeDocument("d", "en", "same-hash");
  doc.statements.push_back(MakeStatement(Term::Entity("Orbis Labs"), "plans_capex", Term::Quantity("7", "EUR"), "2026",
                                         3, "Orbis Labs will spend seven euros."));
  ASSERT_TRUE(store->AddDocument(doc).ok());
  using Change = std::function<void(DocumentInput::Statement&)>;
  const std::vector<std::pair<std::string, Change>> changes = {
      {"subject", [](auto& s) { s.claim.subject.value = "Orbis Lab"; }},
      {"predicate", [](auto& s) { s.claim.predicate = "plans_capexx"; }},
      {"object value", [](auto& s) { s.claim.object.value = "70"; }},
      {"object unit", [](auto& s) { s.claim.object.unit = "USD"; }},
      {"object kind", [](auto& s) { s.claim.object = Term::Text("70", "en"); }},
      {"object lang", [](auto& s) { s.claim.object.lang = "it"; }},
      {"a byte moved from text to lang", [](auto& s) { s.claim.object = Term::Text("7", "it"); }},
      {"when", [](auto& s) { s.claim.when = "2027"; }},
      {"sentence", [](auto& s) { s.mention.sentence = 4; }},
      {"start", [](auto& s) { s.mention.start = 1; }},
      {"end", [](auto& s) { s.mention.end = 9; }},
      {"rule", [](auto& s) { s.mention.rule = "capex.en.2"; }},
      {"attribution", [](auto& s) { s.mention.attributed_to = "Orbis Labs"; }},
      {"a byte moved from attribution to rule", [](auto& s) { s.mention.rule = "capex.en.2O"; s.mention.attributed_to = "rbis Labs"; }},
      {"bound", [](auto& s) { s.mention.bound = Bound::kAtLeast; }},
      {"text", [](auto& s) { s.mention.text = "Orbis Labs will spend 7 euros."; }},
  };
  for (const auto& [field, change] : changes) {
    change(doc.statements[0]);
    auto replaced = store->AddDocument(doc);
    ASSERT_TRUE(replaced.ok()) << field << ": " << replaced.status().ToString();
    EXPECT_EQ(replaced->outcome, AddOutcome::kReplaced) << field;
    auto again = store->AddDocument(doc);
    ASSERT_TRUE(again.ok()) << field;
    EXPECT_EQ(again->outcome, AddOutcome::kUnchanged) << field;
  }
  ExpectConsistent(*store);
}

TEST(WritePathTest, TermsOfARemovedDocumentKeepTheirIdsWhenUsedAgain) {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d1", {"Orbis"})).ok());
  auto before = store->GetStats();
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(store->RemoveDocument("d1").ok());
  EXPECT_TRUE(MatchAll(*store, Pattern{}).empty());
  ASSERT_TRUE(store->AddDocument(DocumentWithAliases("d2", {"Orbis"})).ok());
  auto after = store->GetStats();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->terms, before->terms);
  auto claims = MatchAll(*store, Pattern{});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].claim.subject.value, "Orbis Labs");
  ASSERT_EQ(claims[0].mentions.size(), 1u);
  EXPECT_EQ(claims[0].mentions[0].doc, "d2");
  ExpectConsistent(*store);
}

}  // namespace
}  // namespace kg::testing
