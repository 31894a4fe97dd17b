// Differential test: every pattern shape (each of s, p, o, when bound or
// not) over a random store must give exactly what a brute-force scan of the
// statements in memory gives, before and after removals and replacements.
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "test_util.h"

namespace kg::testing {
namespace {

const std::vector<std::string> kEntities = {"Alpha", "Beta", "Gamma", "Delta", "Épsilon", "ज़ेटा"};
const std::vector<std::string> kPredicates = {"owns", "plans_capex", "competes_with", "founded"};
const std::vector<std::string> kWhens = {"", "2025", "2025-10", "2025-10-14", "2026"};


std::string ObjectKey(const Term& t) {
  return std::to_string(static_cast<int>(t.kind)) + ":" + t.value + ":" + t.unit + ":" + t.lang;
}

std::string ClaimKey(const Claim& c) {
  return c.subject.value + "|" + c.predicate + "|" + ObjectKey(c.object) + "|" + c.when;
}

// Claim key -> sorted document ids of its mentions (one per mention).
using Expectation = std::map<std::string, std::multiset<std::string>>;

class Differential : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.Sub("db"));
    ASSERT_NE(store_, nullptr);
  }

  template <typename T>
  const T& Pick(const std::vector<T>& pool) {
    return pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng_)];
  }

  DocumentInput RandomDocument(const std::string& id, int version) {
    DocumentInput doc = MakeDocument(id, "en", id + "-v" + std::to_string(version));
    int count = std::uniform_int_distribution<int>(1, 8)(rng_);
    for (int i = 0; i < count; ++i) {
      doc.statements.push_back(MakeStatement(Term::Entity(Pick(kEntities)), Pick(kPredicates), Pick(objects_),
                                             Pick(kWhens), static_cast<uint32_t>(i), "sentence " + std::to_string(i)));
    }
    return doc;
  }

  Expectation Expected(const Pattern& p) const {
    Expectation out;
    for (const auto& [id, doc] : live_) {
      for (const auto& s : doc.statements) {
        const Claim& c = s.claim;
        if (p.subject && !p.subject->SameAs(c.subject)) continue;
        if (p.predicate && *p.predicate != c.predicate) continue;
        if (p.object && !p.object->SameAs(c.object)) continue;
        if (p.when && *p.when != c.when) continue;
        out[ClaimKey(c)].insert(id);
      }
    }
    return out;
  }

  Expectation Actual(const Pattern& p) const {
    Expectation out;
    for (const ClaimRecord& r : MatchAll(*store_, p)) {
      auto& docs = out[ClaimKey(r.claim)];
      EXPECT_TRUE(docs.empty()) << "claim visited twice: " << ClaimKey(r.claim);
      for (const Mention& m : r.mentions) docs.insert(m.doc);
    }
    return out;
  }

  Pattern RandomPattern(int mask) {
    Pattern p;
    // Mostly values the store holds; sometimes one it has never seen.
    bool unseen = std::uniform_int_distribution<int>(0, 9)(rng_) == 0;
    if (mask & 1) p.subject = Term::Entity(unseen ? "Nobody" : Pick(kEntities));
    if (mask & 2) p.predicate = Pick(kPredicates);
    if (mask & 4) p.object = Pick(objects_);
    if (mask & 8) p.when = Pick(kWhens);
    return p;
  }

  void CompareAllShapes(int rounds_per_shape) {
    for (int mask = 0; mask < 16; ++mask) {
      for (int round = 0; round < rounds_per_shape; ++round) {
        Pattern p = RandomPattern(mask);
        Expectation expected = Expected(p);
        ASSERT_EQ(Actual(p), expected) << "pattern shape " << mask << " round " << round;
        // Without mentions: the same claims, none of their mentions.
        p.with_mentions = false;
        std::set<std::string> claims;
        for (const ClaimRecord& r : MatchAll(*store_, p)) {
          EXPECT_TRUE(r.mentions.empty());
          claims.insert(ClaimKey(r.claim));
        }
        ASSERT_EQ(claims.size(), expected.size()) << "pattern shape " << mask << " without mentions";
        for (const auto& [key, docs] : expected) EXPECT_EQ(claims.count(key), 1u) << key;
      }
    }
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::mt19937_64 rng_{20251203};
  std::vector<Term> objects_ = TestObjectPool(kEntities);
  std::map<std::string, DocumentInput> live_;
};

TEST_F(Differential, EveryPatternShapeMatchesBruteForce) {
  for (int i = 0; i < 40; ++i) {
    std::string id = "doc" + std::to_string(i);
    live_[id] = RandomDocument(id, 0);
    auto added = store_->AddDocument(live_[id]);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
  CompareAllShapes(12);
  ExpectConsistent(*store_);

  // Remove a third, replace a third.
  int n = 0;
  for (auto it = live_.begin(); it != live_.end(); ++n) {
    if (n % 3 == 0) {
      ASSERT_TRUE(store_->RemoveDocument(it->first).ok());
      it = live_.erase(it);
      continue;
    }
    if (n % 3 == 1) {
      it->second = RandomDocument(it->first, 1);
      auto replaced = store_->AddDocument(it->second);
      ASSERT_TRUE(replaced.ok());
      EXPECT_EQ(replaced->outcome, AddOutcome::kReplaced);
    }
    ++it;
  }
  CompareAllShapes(12);
  ExpectConsistent(*store_);

  auto stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, live_.size());
  EXPECT_EQ(stats->claims, Expected(Pattern{}).size());
}

}  // namespace
}  // namespace kg::testing
