// The bulk loader against AddDocument: the same documents written both ways
// give stores that answer every pattern shape identically (claims and every
// field of every mention), have the same statistics and pass Check, also
// when the bulk load spills sorted runs, goes into a non-empty store, is
// followed by ordinary writes, re-imports an unchanged document or replaces
// a changed one. With many subjects in few (predicate, object) pairs the
// packed pos entries of format 2 split and are merged across loads; a
// format-1 store given the same writes answers the same.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <random>

#include <gtest/gtest.h>

#include "storage/test_hooks.h"
#include "test_util.h"

namespace kg::testing {
namespace {

const std::vector<std::string> kEntities = {"Alpha", "Beta", "Gamma", "Delta", "Épsilon", "ज़ेटा", "Omega"};
const std::vector<std::string> kPredicates = {"owns", "plans_capex", "competes_with", "founded"};
const std::vector<std::string> kWhens = {"", "2025", "2025-10", "2025-10-14", "2026"};


std::string MentionString(const Mention& m) {
  return m.doc + "|" + m.lang + "|" + std::to_string(m.sentence) + "|" + std::to_string(m.start) + "-" +
         std::to_string(m.end) + "|" + m.text + "|" + m.rule + "|" + m.attributed_to + "|" +
         std::to_string(static_cast<int>(m.bound));
}

// A claim with all its mentions, as one comparable string.
std::string RecordString(const ClaimRecord& r) {
  std::vector<std::string> mentions;
  for (const Mention& m : r.mentions) mentions.push_back(MentionString(m));
  std::sort(mentions.begin(), mentions.end());
  std::string out = r.claim.subject.ToString() + " " + r.claim.predicate + " " + r.claim.object.ToString() + " @" +
                    r.claim.when;
  for (const std::string& m : mentions) out += "\n  " + m;
  return out;
}

class BulkLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reference_ = OpenStore(dir_.Sub("reference"));
    bulk_ = OpenStore(dir_.Sub("bulk"));
    ASSERT_NE(reference_, nullptr);
    ASSERT_NE(bulk_, nullptr);
  }

  template <typename T>
  const T& Pick(const std::vector<T>& pool) {
    return pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng_)];
  }

  // Statements repeat claims (merged mentions), sentences and texts; some
  // mentions have no text, some a text of their own, some a bound.
  DocumentInput RandomDocument(const std::string& id, int version, int statements) {
    DocumentInput doc = MakeDocument(id, version % 2 ? "it" : "en", id + "-v" + std::to_string(version));
    for (int i = 0; i < statements; ++i) {
      const auto sentence = static_cast<uint32_t>(std::uniform_int_distribution<int>(0, statements / 2)(rng_));
      const int text_kind = std::uniform_int_distribution<int>(0, 4)(rng_);
      std::string text = text_kind == 0 ? "" : text_kind == 1 ? "own text " + std::to_string(i) : "sentence " + std::to_string(sentence);
      const Bound bound = i % 7 == 0 ? Bound::kAtLeast : Bound::kExact;
      auto s = MakeStatement(Term::Entity(Pick(kEntities) + std::to_string(i % 40)), Pick(kPredicates), Pick(objects_),
                             Pick(kWhens), sentence, text, bound);
      if (i % 5 == 0) s.mention.attributed_to = "Reuters";
      doc.statements.push_back(std::move(s));
    }
    return doc;
  }

  Result<AddResult> BulkAdd(const DocumentInput& doc, size_t memory_budget = 1) {
    BulkLoadOptions options;
    options.memory_budget = memory_budget;  // tiny: every 1024 statements spill a run
    auto loader = bulk_->BeginBulkLoad(doc.document, options);
    if (!loader.ok()) return loader.status();
    for (const auto& s : doc.statements) {
      Status added = (*loader)->Add(s);
      if (!added.ok()) return added;
    }
    return (*loader)->Finish();
  }

  void AddBoth(const DocumentInput& doc, AddOutcome expected) {
    auto reference = reference_->AddDocument(doc);
    ASSERT_TRUE(reference.ok()) << reference.status().ToString();
    auto bulk = BulkAdd(doc);
    ASSERT_TRUE(bulk.ok()) << bulk.status().ToString();
    EXPECT_EQ(reference->outcome, expected);
    EXPECT_EQ(bulk->outcome, expected);
    EXPECT_EQ(bulk->claims_new, reference->claims_new);
    EXPECT_EQ(bulk->mentions, reference->mentions);
  }

  std::vector<std::string> Answer(const Store& store, const Pattern& p) {
    std::vector<std::string> out;
    for (const ClaimRecord& r : MatchAll(store, p)) out.push_back(RecordString(r));
    std::sort(out.begin(), out.end());
    return out;
  }

  void CompareStores() { CompareStores(*reference_, *bulk_); }

  void CompareStores(const Store& reference, const Store& other) {
    size_t nonempty = 0;
    for (int mask = 0; mask < 16; ++mask) {
      for (int round = 0; round < 8; ++round) {
        Pattern p;
        if (mask & 1) p.subject = Term::Entity(subject_name_(round));
        if (mask & 2) p.predicate = Pick(kPredicates);
        if (mask & 4) p.object = Pick(objects_);
        if (mask & 8) p.when = Pick(kWhens);
        auto expected = Answer(reference, p);
        nonempty += !expected.empty();
        ASSERT_EQ(Answer(other, p), expected) << "pattern shape " << mask << " round " << round;
      }
    }
    EXPECT_GT(nonempty, 10u);  // the comparison saw claims, not only empty answers
    auto a = reference.GetStats();
    auto b = other.GetStats();
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(b->documents, a->documents);
    EXPECT_EQ(b->claims, a->claims);
    EXPECT_EQ(b->mentions, a->mentions);
    EXPECT_EQ(b->terms, a->terms);
    EXPECT_EQ(b->entities, a->entities);
    EXPECT_EQ(b->predicates, a->predicates);
    auto pa = reference.Predicates();
    auto pb = other.Predicates();
    ASSERT_TRUE(pa.ok() && pb.ok());
    EXPECT_EQ(*pb, *pa);
    ExpectConsistent(reference);
    ExpectConsistent(other);
  }

  // Statements of up to 600 subjects in two predicates' pairs with two
  // objects: (p, O) prefixes of hundreds of claims, several entries each.
  DocumentInput NarrowDocument(const std::string& id, int version, int statements) {
    DocumentInput doc = MakeDocument(id, "en", id + "-v" + std::to_string(version));
    const std::vector<Term> objects = {Term::Entity("Alpha"), Term::Quantity("5", "USD")};
    for (int i = 0; i < statements; ++i) {
      const int subject = std::uniform_int_distribution<int>(0, 599)(rng_);
      doc.statements.push_back(MakeStatement(Term::Entity(NarrowSubject(subject)), kPredicates[i % 2],
                                             objects[(i / 2) % 2], Pick(kWhens), static_cast<uint32_t>(i), ""));
    }
    return doc;
  }
  static std::string NarrowSubject(int number) { return "S" + std::to_string(number); }

  TempDir dir_;
  std::unique_ptr<Store> reference_;
  std::unique_ptr<Store> bulk_;
  std::mt19937_64 rng_{20261124};
  std::vector<Term> objects_ = TestObjectPool(kEntities);
  std::function<std::string(int round)> subject_name_ = [this](int round) {
    return Pick(kEntities) + std::to_string(round);
  };
};

TEST_F(BulkLoadTest, BulkAndIncrementalStoresAnswerEveryPatternAlike) {
  // Into empty stores, spilling several sorted runs.
  AddBoth(RandomDocument("big", 0, 5000), AddOutcome::kNew);
  CompareStores();
  // Ordinary documents after it, then bulk loads into the non-empty store.
  for (int i = 0; i < 5; ++i) {
    auto doc = RandomDocument("small" + std::to_string(i), 0, 20);
    ASSERT_TRUE(reference_->AddDocument(doc).ok());
    ASSERT_TRUE(bulk_->AddDocument(doc).ok());
  }
  AddBoth(RandomDocument("second", 0, 3000), AddOutcome::kNew);
  AddBoth(RandomDocument("third", 1, 40), AddOutcome::kNew);
  CompareStores();
  auto after = RandomDocument("after", 0, 30);
  ASSERT_TRUE(reference_->AddDocument(after).ok());
  ASSERT_TRUE(bulk_->AddDocument(after).ok());
  ASSERT_TRUE(reference_->RemoveDocument("small2").ok());
  ASSERT_TRUE(bulk_->RemoveDocument("small2").ok());
  CompareStores();
}

TEST_F(BulkLoadTest, UnchangedDocumentIsUnchangedAndChangedOneIsReplaced) {
  auto doc = RandomDocument("file", 0, 2000);
  AddBoth(doc, AddOutcome::kNew);
  AddBoth(doc, AddOutcome::kUnchanged);
  // The ordinary path also sees a bulk-loaded document as unchanged.
  auto again = bulk_->AddDocument(doc);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, AddOutcome::kUnchanged);
  AddBoth(RandomDocument("file", 1, 1500), AddOutcome::kReplaced);
  CompareStores();
}

TEST_F(BulkLoadTest, BadStatementIsRefusedAndTheRestLoads) {
  DocumentInput doc = RandomDocument("mixed", 0, 10);
  BulkLoadOptions options;
  auto loader = bulk_->BeginBulkLoad(doc.document, options);
  ASSERT_TRUE(loader.ok());
  auto bad = MakeStatement(Term::Entity("X"), "owns", Term::Quantity("ten", "USD"), "", 0, "bad");
  EXPECT_EQ((*loader)->Add(bad).code(), Status::Code::kInvalidArgument);
  bad = MakeStatement(Term::Entity("X"), "owns", Term::Entity("Y"), "2025-13", 0, "bad");
  EXPECT_EQ((*loader)->Add(bad).code(), Status::Code::kInvalidArgument);
  for (const auto& s : doc.statements) ASSERT_TRUE((*loader)->Add(s).ok());
  auto result = (*loader)->Finish();
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->mentions, doc.statements.size());
  ASSERT_TRUE(reference_->AddDocument(doc).ok());
  CompareStores();
}

TEST_F(BulkLoadTest, AbandonedLoadChangesNothingAndLeavesNoFiles) {
  auto first = RandomDocument("kept", 0, 50);
  ASSERT_TRUE(bulk_->AddDocument(first).ok());
  ASSERT_TRUE(reference_->AddDocument(first).ok());
  {
    auto doc = RandomDocument("dropped", 0, 3000);
    auto loader = bulk_->BeginBulkLoad(doc.document, BulkLoadOptions{.memory_budget = 1});
    ASSERT_TRUE(loader.ok());
    for (const auto& s : doc.statements) ASSERT_TRUE((*loader)->Add(s).ok());
    EXPECT_TRUE(std::filesystem::exists(dir_.Sub("bulk") + "/bulk-load.tmp"));
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("bulk") + "/bulk-load.tmp"));
  CompareStores();
}

// Bulk loads and ordinary writes into the same big prefixes: entries are
// written whole by a load into an empty store, split by the write path,
// merged with by later loads, emptied by removals and replacements. The
// three stores (bulk-loaded, written document by document, and a format-1
// store given the ordinary writes) must answer alike and pass Check after
// every step.
TEST_F(BulkLoadTest, PackedEntriesSplitAndMergeAcrossLoadsAndRemovals) {
  ASSERT_TRUE(storage::CreateFormat1StoreForTest(dir_.Sub("plain")).ok());
  std::unique_ptr<Store> plain = OpenStore(dir_.Sub("plain"));
  ASSERT_NE(plain, nullptr);
  auto stats = plain->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->format_version, 1u);
  subject_name_ = [this](int) { return NarrowSubject(std::uniform_int_distribution<int>(0, 599)(rng_)); };
  objects_ = {Term::Entity("Alpha"), Term::Quantity("5", "USD")};
  auto write_all = [&](const DocumentInput& doc, AddOutcome expected, bool bulk) {
    auto written = plain->AddDocument(doc);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    EXPECT_EQ(written->outcome, expected);
    if (bulk) {
      AddBoth(doc, expected);
    } else {
      for (Store* store : {reference_.get(), bulk_.get()}) {
        written = store->AddDocument(doc);
        ASSERT_TRUE(written.ok()) << written.status().ToString();
        EXPECT_EQ(written->outcome, expected);
      }
    }
    CompareStores();
    CompareStores(*reference_, *plain);
  };
  write_all(NarrowDocument("first", 0, 1500), AddOutcome::kNew, true);
  write_all(NarrowDocument("second", 0, 400), AddOutcome::kNew, false);
  const DocumentInput third = NarrowDocument("third", 0, 1200);
  write_all(third, AddOutcome::kNew, true);
  write_all(NarrowDocument("second", 1, 900), AddOutcome::kReplaced, true);
  write_all(NarrowDocument("first", 1, 300), AddOutcome::kReplaced, false);
  for (Store* store : {reference_.get(), bulk_.get(), plain.get()}) ASSERT_TRUE(store->RemoveDocument("first").ok());
  CompareStores();
  CompareStores(*reference_, *plain);
  // An unchanged re-import changes nothing, by either path.
  const std::vector<std::string> before = Answer(*bulk_, Pattern{});
  auto again = BulkAdd(third);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, AddOutcome::kUnchanged);
  auto added = bulk_->AddDocument(third);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->outcome, AddOutcome::kUnchanged);
  EXPECT_EQ(Answer(*bulk_, Pattern{}), before);
  ExpectConsistent(*bulk_);
}

}  // namespace
}  // namespace kg::testing
