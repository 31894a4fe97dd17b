// Unicode normalisation shared by every component that compares names:
// aliases in the store, entity names in queries, gazetteer entries in ingest.
// One function so that all of them agree on what "the same name" means.
#ifndef KG_STORAGE_NORMALIZE_H_
#define KG_STORAGE_NORMALIZE_H_

#include <string>
#include <string_view>

namespace kg {

// NFC, then full Unicode case folding, then NFC again (folding can
// denormalise). Invalid UTF-8 is replaced by U+FFFD rather than failing.
std::string NormalizeName(std::string_view utf8);

// NFC only.
std::string ToNfc(std::string_view utf8);
// NFC in place: ASCII (most text) is left as it is, without a copy.
void MakeNfc(std::string* utf8);

}  // namespace kg

#endif  // KG_STORAGE_NORMALIZE_H_
