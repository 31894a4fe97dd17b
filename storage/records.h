// Values stored under the store's keys: documents, mentions, predicate
// declarations. Keys are in encoding.h; this file is the value side.
#ifndef KG_STORAGE_RECORDS_H_
#define KG_STORAGE_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/model.h"
#include "kg/store.h"

namespace kg::storage {

// A document with its internal number (stable across replacements) and a
// fingerprint of its statements, which tells an unchanged re-add apart.
struct DocumentRecord {
  Document document;
  uint64_t number = 0;
  uint64_t statements_fingerprint = 0;
};

std::string EncodeDocument(const DocumentRecord& record);
bool DecodeDocument(std::string_view in, DocumentRecord* record);

// A mention without its document (the key carries the document number);
// `text` is empty when it equals the sentence stored for the document.
struct MentionRecord {
  uint32_t sentence = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  Bound bound = Bound::kExact;
  std::string rule;
  std::string attributed_to;
  bool text_inline = false;
  std::string text;
};

std::string EncodeMention(const MentionRecord& record);
// EncodeMention of `record` with text_inline as given, appended to `out`.
void AppendEncodedMention(std::string* out, const MentionRecord& record, bool text_inline);
bool DecodeMention(std::string_view in, MentionRecord* record);

std::string EncodePredicateInfo(const PredicateInfo& info);
bool DecodePredicateInfo(std::string_view in, PredicateInfo* info);

// Alias values: the alias as written.
std::string EncodeAliasValue(const Alias& alias);

}  // namespace kg::storage

#endif  // KG_STORAGE_RECORDS_H_
