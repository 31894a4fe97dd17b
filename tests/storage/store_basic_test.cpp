// The Store contract on small hand-made documents: adding, merging,
// replacing, removing, aliases, conflicts, statistics.
#include <gtest/gtest.h>

#include "test_util.h"

namespace kg::testing {
namespace {

DocumentInput CapexDocument(const std::string& id, const std::string& lang, const std::string& hash,
                            const std::string& amount, Bound bound) {
  DocumentInput doc = MakeDocument(id, lang, hash);
  doc.statements.push_back(MakeStatement(Term::Entity("Acme"), "plans_capex", Term::Quantity(amount, "CNY"), "2026", 0,
                                         "Acme will spend a great deal next year.", bound));
  doc.statements.push_back(MakeStatement(Term::Entity("Acme"), "headquartered_in", Term::Entity("Springfield"), "", 1,
                                         "Acme sits in Springfield."));
  doc.aliases.push_back({"ACME Corp", "Acme", "en"});
  return doc;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = OpenStore(dir_.Sub("db")); ASSERT_NE(store_, nullptr); }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, AddsAndMatchesClaims) {
  auto added = store_->AddDocument(CapexDocument("d1", "en", "h1", "160000000000", Bound::kApprox));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->outcome, AddOutcome::kNew);
  EXPECT_EQ(added->claims_new, 2u);
  EXPECT_EQ(added->mentions, 2u);

  Pattern pattern;
  pattern.subject = Term::Entity("Acme");
  pattern.predicate = "plans_capex";
  auto claims = MatchAll(*store_, pattern);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].claim.object.value, "160000000000");
  EXPECT_EQ(claims[0].claim.object.unit, "CNY");
  EXPECT_EQ(claims[0].claim.object.bound, Bound::kApprox);
  EXPECT_EQ(claims[0].claim.when, "2026");
  ASSERT_EQ(claims[0].mentions.size(), 1u);
  EXPECT_EQ(claims[0].mentions[0].doc, "d1");
  EXPECT_EQ(claims[0].mentions[0].lang, "en");
  EXPECT_EQ(claims[0].mentions[0].text, "Acme will spend a great deal next year.");
  EXPECT_EQ(claims[0].mentions[0].rule, "test.rule");
  ExpectConsistent(*store_);
}

TEST_F(StoreTest, SameClaimFromTwoDocumentsIsOneClaimWithMostFrequentBound) {
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d1", "en", "h1", "160000000000", Bound::kExact)).ok());
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d2", "hi", "h2", "160000000000.00", Bound::kApprox)).ok());
  auto added = store_->AddDocument(CapexDocument("d3", "it", "h3", "160000000000", Bound::kApprox));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->claims_new, 0u);
  EXPECT_EQ(added->claims_merged, 2u);
  Pattern pattern;
  pattern.predicate = "plans_capex";
  auto claims = MatchAll(*store_, pattern);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].mentions.size(), 3u);
  EXPECT_EQ(claims[0].claim.object.bound, Bound::kApprox);
  ExpectConsistent(*store_);
}

TEST_F(StoreTest, IdenticalReAddIsUnchangedAndChangedContentReplaces) {
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d1", "en", "h1", "160000000000", Bound::kExact)).ok());
  auto again = store_->AddDocument(CapexDocument("d1", "en", "h1", "160000000000", Bound::kExact));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, AddOutcome::kUnchanged);
  ExpectConsistent(*store_);

  auto replaced = store_->AddDocument(CapexDocument("d1", "en", "h2", "1600000000000", Bound::kExact));
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->outcome, AddOutcome::kReplaced);
  Pattern pattern;
  pattern.predicate = "plans_capex";
  auto claims = MatchAll(*store_, pattern);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].claim.object.value, "1600000000000");
  auto stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1u);
  EXPECT_EQ(stats->claims, 2u);
  EXPECT_EQ(stats->mentions, 2u);
  ExpectConsistent(*store_);
}

TEST_F(StoreTest, RemovingADocumentRetractsItsClaims) {
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d1", "en", "h1", "160000000000", Bound::kExact)).ok());
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d2", "en", "h2", "23000000000", Bound::kExact)).ok());
  ASSERT_TRUE(store_->RemoveDocument("d1").ok());
  EXPECT_EQ(store_->RemoveDocument("d1").code(), Status::Code::kNotFound);
  auto claims = MatchAll(*store_, Pattern{});
  ASSERT_EQ(claims.size(), 2u);  // d2's capex and the shared headquarters claim
  for (const auto& c : claims) {
    ASSERT_EQ(c.mentions.size(), 1u);
    EXPECT_EQ(c.mentions[0].doc, "d2");
  }
  ASSERT_TRUE(store_->RemoveDocument("d2").ok());
  EXPECT_TRUE(MatchAll(*store_, Pattern{}).empty());
  auto predicates = store_->Predicates();
  ASSERT_TRUE(predicates.ok());
  EXPECT_TRUE(predicates->empty());
  ExpectConsistent(*store_);
}

TEST_F(StoreTest, ResolvesAliasesAndIdsCaseInsensitively) {
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d1", "en", "h1", "1", Bound::kExact)).ok());
  ASSERT_TRUE(store_->AddAliases({{"एक्मे", "Acme", "hi"}, {"阿克米", "Acme", "zh"}}).ok());
  for (const char* name : {"acme corp", "ACME CORP", "एक्मे", "阿克米", "acme", "ACME"}) {
    auto resolved = store_->ResolveEntity(name);
    ASSERT_TRUE(resolved.ok());
    EXPECT_EQ(*resolved, std::vector<std::string>{"Acme"}) << name;
  }
  auto none = store_->ResolveEntity("nobody");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto aliases = store_->AliasesOf("Acme");
  ASSERT_TRUE(aliases.ok());
  EXPECT_EQ(aliases->size(), 3u);
  ExpectConsistent(*store_);
}

TEST_F(StoreTest, ConflictsAreSameUnitDifferentValuesOrDeclaredSingleValued) {
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d1", "en", "h1", "160000000000", Bound::kExact)).ok());
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d2", "en", "h2", "1600000000000", Bound::kExact)).ok());
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d3", "en", "h3", "1600000000000", Bound::kExact)).ok());
  DocumentInput usd = MakeDocument("d4", "en", "h4");
  usd.statements.push_back(MakeStatement(Term::Entity("Acme"), "plans_capex", Term::Quantity("23000000000", "USD"),
                                         "2026", 0, "Acme in dollars."));
  usd.statements.push_back(MakeStatement(Term::Entity("Acme"), "headquartered_in", Term::Entity("Shelbyville"), "",
                                         1, "Acme moved."));
  ASSERT_TRUE(store_->AddDocument(usd).ok());

  auto conflicts = store_->Conflicts(std::nullopt, std::nullopt);
  ASSERT_TRUE(conflicts.ok());
  ASSERT_EQ(conflicts->size(), 1u);  // headquartered_in is not declared single-valued yet
  const Conflict& c = (*conflicts)[0];
  EXPECT_EQ(c.predicate, "plans_capex");
  EXPECT_EQ(c.when, "2026");
  ASSERT_EQ(c.alternatives.size(), 2u);
  EXPECT_EQ(c.alternatives[0].claim.object.value, "1600000000000");  // two sources first
  EXPECT_EQ(c.alternatives[1].claim.object.value, "160000000000");

  ASSERT_TRUE(store_->DeclarePredicate({"headquartered_in", "has its head office in", true, false}).ok());
  conflicts = store_->Conflicts(Term::Entity("Acme"), std::string("headquartered_in"));
  ASSERT_TRUE(conflicts.ok());
  ASSERT_EQ(conflicts->size(), 1u);
  EXPECT_EQ((*conflicts)[0].alternatives.front().claim.object.value, "Springfield");
  auto declared = store_->DeclaredPredicates();
  ASSERT_TRUE(declared.ok());
  ASSERT_EQ(declared->size(), 1u);
  EXPECT_TRUE((*declared)[0].single_valued);
}

TEST_F(StoreTest, DocumentsStatsAndPredicates) {
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d1", "en", "h1", "5", Bound::kExact)).ok());
  auto docs = store_->Documents();
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].content_hash, "h1");
  EXPECT_EQ((*docs)[0].size, 1234u);
  auto doc = store_->GetDocument("d1");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->published, "2025-12-03");
  EXPECT_EQ(store_->GetDocument("nope").status().code(), Status::Code::kNotFound);
  auto predicates = store_->Predicates();
  ASSERT_TRUE(predicates.ok());
  EXPECT_EQ(*predicates, (std::vector<std::pair<std::string, uint64_t>>{{"headquartered_in", 1}, {"plans_capex", 1}}));
  auto stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1u);
  EXPECT_EQ(stats->claims, 2u);
  EXPECT_EQ(stats->entities, 2u);
  EXPECT_EQ(stats->predicates, 2u);
  EXPECT_EQ(stats->aliases, 1u);
  EXPECT_EQ(stats->format_version, 2u);
  EXPECT_GT(stats->disk_bytes, 0u);
}

TEST_F(StoreTest, BadInputIsRejectedWithoutWriting) {
  DocumentInput doc = CapexDocument("d1", "en", "h1", "12,5", Bound::kExact);
  auto added = store_->AddDocument(doc);
  EXPECT_EQ(added.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(added.status().message().find("statement 0"), std::string::npos) << added.status().message();
  doc = CapexDocument("d1", "en", "h1", "12", Bound::kExact);
  doc.statements[0].claim.when = "2026-13";
  EXPECT_EQ(store_->AddDocument(doc).status().code(), Status::Code::kInvalidArgument);
  auto docs = store_->Documents();
  ASSERT_TRUE(docs.ok());
  EXPECT_TRUE(docs->empty());
  Pattern pattern;
  pattern.when = "yesterday";
  EXPECT_EQ(store_->Match(pattern, [](const ClaimRecord&) { return true; }).code(), Status::Code::kInvalidArgument);
}

TEST_F(StoreTest, DataSurvivesReopen) {
  ASSERT_TRUE(store_->AddDocument(CapexDocument("d1", "en", "h1", "7.50", Bound::kAtLeast)).ok());
  store_.reset();
  store_ = OpenStore(dir_.Sub("db"));
  ASSERT_NE(store_, nullptr);
  Pattern pattern;
  pattern.object = Term::Quantity("7.5", "CNY");
  auto claims = MatchAll(*store_, pattern);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].claim.object.value, "7.5");
  EXPECT_EQ(claims[0].claim.object.bound, Bound::kAtLeast);
  ExpectConsistent(*store_);
}

}  // namespace
}  // namespace kg::testing
