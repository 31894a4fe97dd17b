#include "storage/test_hooks.h"

#include "storage/store_write.h"

namespace kg::storage {

namespace {

// Removes one claim's pos key, or the claim from its packed entry.
Status DropPosClaim(RocksStore& store, const std::string& key, rocksdb::WriteBatch* batch) {
  if (!store.packed_pos()) {
    batch->Delete(store.cf(kPos), key);
    return Status::OK();
  }
  return RewritePackedPos(store, {{key, false}}, batch);
}

}  // namespace

Status DamageForTest(Store& store, Damage damage) {
  auto* rocks = dynamic_cast<RocksStore*>(&store);
  if (rocks == nullptr) return Status::InvalidArgument("not a RocksDB store");
  std::string first_key;
  KG_RETURN_IF_ERROR(rocks->ScanPrefix(kSpo, "", [&](std::string_view key, std::string_view) {
    first_key = std::string(key);
    return false;
  }));
  ClaimKeyParts parts;
  if (first_key.empty() || !ParseSpoKey(first_key, &parts)) return Status::NotFound("no claim to damage");
  std::lock_guard lock(rocks->write_mutex());
  rocksdb::WriteBatch batch;
  switch (damage) {
    case Damage::kDropPosEntry:
      KG_RETURN_IF_ERROR(DropPosClaim(*rocks, PosKey(parts), &batch));
      break;
    case Damage::kStrayOspEntry:
      parts.when = *TimeId("1999");
      batch.Put(rocks->cf(kOsp), OspKey(parts), "");
      break;
    case Damage::kWrongMentionCount:
      batch.Put(rocks->cf(kSpo), first_key, IdKey(999));
      break;
    case Damage::kDropDocMention: {
      std::string first_listed;
      KG_RETURN_IF_ERROR(rocks->ScanPrefix(kDocMentions, "", [&](std::string_view key, std::string_view) {
        first_listed = std::string(key);
        return false;
      }));
      batch.Delete(rocks->cf(kDocMentions), first_listed);
      break;
    }
    case Damage::kGarblePosEntry:
      if (!rocks->packed_pos()) return Status::NotSupported("a format-1 pos has no packed entries");
      batch.Put(rocks->cf(kPos), PosKey(parts), std::string(1, '\x80'));  // a varint cut short
      break;
    case Damage::kStrayTermByValue:
      batch.Put(rocks->cf(kTermByValue), TermValueKey(Term::Entity("nobody-at-all")), IdKey(~uint64_t{0} >> 8));
      break;
  }
  return rocks->Commit(&batch);
}

}  // namespace kg::storage

namespace kg::storage {

Status CreateFormat1StoreForTest(const std::string& path) {
  constexpr uint32_t kPlainPosFormat = 1;
  {
    auto store = Store::Open(path, OpenOptions{});
    if (!store.ok()) return store.status();
    auto* rocks = dynamic_cast<RocksStore*>(store->get());
    auto claims = rocks->ReadCounter(counter::kClaims);
    if (!claims.ok()) return claims.status();
    if (*claims != 0) return Status::InvalidArgument(path + " is not a new store");
    std::string format;
    PutBig32(&format, kPlainPosFormat);
    rocksdb::WriteBatch batch;
    batch.Put(rocks->cf(kMeta), kFormatKey, format);
    KG_RETURN_IF_ERROR(rocks->Commit(&batch));
  }
  return WriteMarker(path, kPlainPosFormat);
}

}  // namespace kg::storage
