// PackedPosIterator against the plain keys it stands for: random claims
// (entity and quantity objects, dated and undated, entries of random sizes),
// packed into a RocksDB database, must walk, seek and step back exactly as a
// sorted set of their format-1 keys does.
#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "storage/encoding.h"
#include "storage/packed_pos.h"
#include "test_util.h"

namespace kg::storage {
namespace {

struct PackedDb {
  testing::TempDir dir;
  std::unique_ptr<rocksdb::DB> db;
  std::set<std::string> keys;  // the format-1 keys of every claim

  std::unique_ptr<PackedPosIterator> Iterator() const {
    return std::make_unique<PackedPosIterator>(std::unique_ptr<rocksdb::Iterator>(db->NewIterator(rocksdb::ReadOptions())));
  }
};

std::unique_ptr<rocksdb::DB> OpenEmptyDb(const std::string& path) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  EXPECT_TRUE(rocksdb::DB::Open(options, path, &raw).ok());
  return std::unique_ptr<rocksdb::DB>(raw);
}

std::string QuantityObject(const std::string& value) {
  auto canonical = CanonicalTerm(Term::Quantity(value, "USD"));
  EXPECT_TRUE(canonical.ok());
  return ObjectKeyForQuantity(*canonical);
}

// Claims of 4 predicates over 5 objects (one a quantity), with subjects
// drawn from a small range so that (p, O) prefixes hold up to ~300 claims.
std::unique_ptr<PackedDb> MakePackedDb(uint32_t seed) {
  auto packed = std::make_unique<PackedDb>();
  std::mt19937_64 random(seed);
  const std::vector<std::string> objects = {ObjectKeyForId(MakeId(TermKind::kEntity, 3)),
                                            ObjectKeyForId(MakeId(TermKind::kEntity, 900)), QuantityObject("12.5"),
                                            ObjectKeyForId(MakeId(TermKind::kText, 7)),
                                            ObjectKeyForId(MakeId(TermKind::kEntity, 4))};
  for (int i = 0; i < 2000; ++i) {
    ClaimKeyParts claim;
    claim.predicate = MakeId(TermKind::kPredicate, 1 + random() % 4);
    claim.object = objects[random() % objects.size()];
    claim.subject = MakeId(TermKind::kEntity, random() % 400);
    claim.when = random() % 5 == 0 ? *TimeId("2025-0" + std::to_string(1 + random() % 9)) : kNoTime;
    packed->keys.insert(PosKey(claim));
  }
  packed->db = OpenEmptyDb(packed->dir.path());
  // Entries of 1 to kPosEntryClaims claims, cut at random and at each prefix's end.
  std::vector<PosPair> pairs;
  std::string first_key, value;
  auto flush = [&] {
    if (pairs.empty()) return;
    EncodePosEntryValue(pairs, &value);
    EXPECT_TRUE(packed->db->Put(rocksdb::WriteOptions(), first_key, value).ok());
    pairs.clear();
  };
  ClaimKeyParts previous;
  size_t entry_size = 1;
  for (const std::string& key : packed->keys) {
    ClaimKeyParts claim;
    EXPECT_TRUE(ParsePosKey(key, &claim));
    const bool same_prefix = !pairs.empty() && claim.predicate == previous.predicate && claim.object == previous.object;
    if (!same_prefix || pairs.size() == entry_size) {
      flush();
      first_key = key;
      entry_size = random() % 3 == 0 ? kPosEntryClaims : 1 + random() % kPosEntryClaims;
    }
    pairs.emplace_back(claim.subject, claim.when);
    previous = claim;
  }
  flush();
  EXPECT_TRUE(packed->db->Flush(rocksdb::FlushOptions()).ok());
  return packed;
}

// Seek targets: every kind of prefix a reader uses (p; p O; p O s; whole
// keys), taken from existing claims and from between them.
std::vector<std::string> SeekTargets(const PackedDb& packed, uint32_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::string> keys(packed.keys.begin(), packed.keys.end());
  std::vector<std::string> targets;
  for (int i = 0; i < 400; ++i) {
    std::string key = keys[random() % keys.size()];
    ClaimKeyParts claim;
    EXPECT_TRUE(ParsePosKey(key, &claim));
    const size_t prefix = 8 + claim.object.size();
    switch (random() % 5) {
      case 0: targets.push_back(key.substr(0, 8)); break;
      case 1: targets.push_back(key.substr(0, prefix)); break;
      case 2: targets.push_back(key.substr(0, prefix + 8)); break;
      case 3: targets.push_back(key); break;
      default: key.back() = static_cast<char>(key.back() + 1); targets.push_back(key); break;  // between claims
    }
  }
  return targets;
}

TEST(PackedPosIteratorTest, WalksEveryClaimInKeyOrder) {
  auto packed = MakePackedDb(1);
  auto it = packed->Iterator();
  std::vector<std::string> walked;
  for (it->SeekToFirst(); it->Valid(); it->Next()) walked.push_back(it->key().ToString());
  EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  EXPECT_EQ(walked, std::vector<std::string>(packed->keys.begin(), packed->keys.end()));
}

TEST(PackedPosIteratorTest, SeeksLikeTheKeysItStandsFor) {
  auto packed = MakePackedDb(2);
  auto it = packed->Iterator();
  for (const std::string& target : SeekTargets(*packed, 3)) {
    it->Seek(target);
    auto expected = packed->keys.lower_bound(target);
    for (int step = 0; step < 3 && expected != packed->keys.end(); ++step, ++expected, it->Next()) {
      ASSERT_TRUE(it->Valid()) << "seek target of " << target.size() << " bytes";
      EXPECT_EQ(it->key().ToString(), *expected);
    }
    if (expected == packed->keys.end()) {
      EXPECT_FALSE(it->Valid());
    }
  }
  EXPECT_TRUE(it->status().ok()) << it->status().ToString();
}

// A cursor's lookups move forward from where the last one ended: inside
// the current entry, to the next one, or far.
TEST(PackedPosIteratorTest, ForwardSeeksFromWhereItStands) {
  auto packed = MakePackedDb(4);
  std::vector<std::string> targets = SeekTargets(*packed, 5);
  std::sort(targets.begin(), targets.end());
  auto it = packed->Iterator();
  for (const std::string& target : targets) {
    it->Seek(target);
    auto expected = packed->keys.lower_bound(target);
    ASSERT_EQ(it->Valid(), expected != packed->keys.end());
    if (it->Valid()) {
      EXPECT_EQ(it->key().ToString(), *expected);
    }
  }
}

TEST(PackedPosIteratorTest, StepsBackLikeTheKeys) {
  auto packed = MakePackedDb(6);
  auto it = packed->Iterator();
  for (const std::string& target : SeekTargets(*packed, 7)) {
    it->SeekForPrev(target);
    auto expected = packed->keys.upper_bound(target);
    if (expected == packed->keys.begin()) {
      EXPECT_FALSE(it->Valid());
      continue;
    }
    --expected;
    for (int step = 0; step < 3; ++step) {
      ASSERT_TRUE(it->Valid());
      EXPECT_EQ(it->key().ToString(), *expected);
      it->Prev();
      if (expected == packed->keys.begin()) break;
      --expected;
    }
  }
  it->SeekToLast();
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->key().ToString(), *packed->keys.rbegin());
}

TEST(PackedPosIteratorTest, ReportsADamagedEntry) {
  testing::TempDir dir;
  std::unique_ptr<rocksdb::DB> db = OpenEmptyDb(dir.path());
  ASSERT_NE(db, nullptr);
  ClaimKeyParts claim;
  claim.predicate = MakeId(TermKind::kPredicate, 1);
  claim.object = ObjectKeyForId(MakeId(TermKind::kEntity, 2));
  claim.subject = MakeId(TermKind::kEntity, 3);
  // A second claim equal to the first (a zero step without a later time).
  ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), PosKey(claim), std::string(1, '\0')).ok());
  PackedPosIterator it{std::unique_ptr<rocksdb::Iterator>(db->NewIterator(rocksdb::ReadOptions()))};
  it.SeekToFirst();
  ASSERT_TRUE(it.Valid());
  it.Next();
  EXPECT_FALSE(it.Valid());
  EXPECT_TRUE(it.status().IsCorruption());
}

// Claims of one prefix with subjects 1..n (every third dated), as pairs.
std::vector<PosPair> Claims(size_t n) {
  std::vector<PosPair> pairs;
  for (size_t i = 1; i <= n; ++i) pairs.emplace_back(MakeId(TermKind::kEntity, 2 * i), i % 3 == 0 ? *TimeId("2025") : kNoTime);
  return pairs;
}

std::string TestPrefix() {
  return ObjectKeyForId(MakeId(TermKind::kPredicate, 1)) + ObjectKeyForId(MakeId(TermKind::kEntity, 2));
}

// The sizes of the entries CutPosEntries makes, each checked to decode
// back to its share of the claims.
std::vector<size_t> CutSizes(size_t claims, size_t piece) {
  const std::vector<PosPair> pairs = Claims(claims);
  std::vector<size_t> sizes;
  std::vector<PosPair> joined, decoded;
  EXPECT_TRUE(CutPosEntries(TestPrefix(), pairs, piece, [&](const std::string& key, const std::string& value) {
                EXPECT_EQ(PosPrefix(key), TestPrefix());
                EXPECT_TRUE(DecodePosEntry(key, value, &decoded));
                sizes.push_back(decoded.size());
                joined.insert(joined.end(), decoded.begin(), decoded.end());
                return rocksdb::Status::OK();
              }).ok());
  EXPECT_EQ(joined, pairs);
  return sizes;
}

TEST(PackedPosWriteTest, EntriesAreCutAtTheLimit) {
  using Sizes = std::vector<size_t>;
  EXPECT_EQ(CutSizes(0, kPosSplitClaims), Sizes{});
  EXPECT_EQ(CutSizes(1, kPosSplitClaims), Sizes{1});
  EXPECT_EQ(CutSizes(128, kPosSplitClaims), Sizes{128});
  EXPECT_EQ(CutSizes(129, kPosSplitClaims), (Sizes{64, 65}));
  EXPECT_EQ(CutSizes(256, kPosSplitClaims), (Sizes{64, 64, 128}));
  EXPECT_EQ(CutSizes(257, kPosSplitClaims), (Sizes{64, 64, 64, 65}));
  EXPECT_EQ(CutSizes(129, kPosEntryClaims), (Sizes{128, 1}));
  EXPECT_EQ(CutSizes(300, kPosEntryClaims), (Sizes{128, 128, 44}));
}

// RewritePosEntries applied to a database of packed entries, against a set
// of the claims' plain keys: entries split past the limit, join changes
// before a prefix's first entry, vanish when emptied, and several changes
// to one entry in one batch all land.
class RewriteTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = OpenEmptyDb(dir_.path()); }

  void Apply(const PosChanges& changes) {
    for (const auto& [key, added] : changes) {
      if (added) {
        keys_.insert(key);
      } else {
        keys_.erase(key);
      }
    }
    rocksdb::ReadOptions options;
    std::unique_ptr<rocksdb::Iterator> entries(db_->NewIterator(options));
    rocksdb::WriteBatch batch;
    const PosEntryWrites writes{[&](const std::string& key, const std::string& value) { return batch.Put(key, value); },
                                [&](const std::string& key) { batch.Delete(key); }};
    ASSERT_TRUE(RewritePosEntries(entries.get(), changes, writes).ok());
    entries.reset();
    ASSERT_TRUE(db_->Write(rocksdb::WriteOptions(), &batch).ok());
  }

  // Every claim in order, and the sizes of the entries holding them.
  void Expect(const std::vector<size_t>& entry_sizes) {
    PackedPosIterator it{std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(rocksdb::ReadOptions()))};
    std::vector<std::string> walked;
    for (it.SeekToFirst(); it.Valid(); it.Next()) walked.push_back(it.key().ToString());
    ASSERT_TRUE(it.status().ok()) << it.status().ToString();
    EXPECT_EQ(walked, std::vector<std::string>(keys_.begin(), keys_.end()));
    std::vector<size_t> sizes;
    std::vector<PosPair> decoded;
    std::unique_ptr<rocksdb::Iterator> entries(db_->NewIterator(rocksdb::ReadOptions()));
    for (entries->SeekToFirst(); entries->Valid(); entries->Next()) {
      ASSERT_TRUE(DecodePosEntry(entries->key().ToString(), entries->value().ToString(), &decoded));
      sizes.push_back(decoded.size());
    }
    EXPECT_EQ(sizes, entry_sizes);
  }

  static std::string Key(const std::string& prefix, const PosPair& claim) {
    std::string key = prefix;
    key += ObjectKeyForId(claim.first);
    key += ObjectKeyForId(claim.second);
    return key;
  }

  static PosChanges Changes(const std::vector<PosPair>& claims, bool added, const std::string& prefix = TestPrefix()) {
    PosChanges changes;
    for (const PosPair& claim : claims) changes[Key(prefix, claim)] = added;
    return changes;
  }

  testing::TempDir dir_;
  std::unique_ptr<rocksdb::DB> db_;
  std::set<std::string> keys_;
};

TEST_F(RewriteTest, SplitsPastTheLimitAndRemovesEmptiedEntries) {
  const std::vector<PosPair> claims = Claims(200);
  Apply(Changes({claims.begin(), claims.begin() + 128}, true));  // one batch, one new entry
  Expect({128});
  Apply(Changes({claims[128]}, true));
  Expect({64, 65});
  Apply(Changes({claims.begin() + 129, claims.end()}, true));  // all into the last entry: 136 claims, split
  Expect({64, 64, 72});
  Apply(Changes({claims.begin(), claims.begin() + 64}, false));  // the first entry emptied
  Expect({64, 72});
  // Before the first entry (it joins it), and one into each other entry.
  const std::vector<PosPair> more = {{MakeId(TermKind::kEntity, 1), kNoTime},
                                     {MakeId(TermKind::kEntity, 2 * 100 + 1), kNoTime},
                                     {MakeId(TermKind::kEntity, 2 * 190 + 1), kNoTime}};
  Apply(Changes(more, true));
  Expect({66, 73});
  // Another prefix beside it, then removals in both in one batch.
  const std::string other = ObjectKeyForId(MakeId(TermKind::kPredicate, 1)) + QuantityObject("7");
  Apply(Changes({claims.begin(), claims.begin() + 3}, true, other));
  PosChanges both = Changes({more[0], claims[199]}, false);
  both.merge(Changes({claims[1]}, false, other));
  Apply(both);
  if (TestPrefix() < other) {
    Expect({65, 72, 2});
  } else {
    Expect({2, 65, 72});
  }
}

}  // namespace
}  // namespace kg::storage
