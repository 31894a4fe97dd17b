#include "storage/records.h"

#include "storage/encoding.h"

namespace kg::storage {

namespace {
bool GetU32(std::string_view* in, uint32_t* value) {
  uint64_t wide = 0;
  if (!GetVarint(in, &wide) || wide > UINT32_MAX) return false;
  *value = static_cast<uint32_t>(wide);
  return true;
}
}  // namespace

std::string EncodeDocument(const DocumentRecord& record) {
  const Document& d = record.document;
  std::string out;
  PutVarint(&out, record.number);
  PutVarint(&out, record.statements_fingerprint);
  PutVarint(&out, d.size);
  for (const std::string* field : {&d.id, &d.lang, &d.published, &d.source, &d.title, &d.content_hash}) {
    PutString(&out, *field);
  }
  return out;
}

bool DecodeDocument(std::string_view in, DocumentRecord* record) {
  Document& d = record->document;
  if (!GetVarint(&in, &record->number) || !GetVarint(&in, &record->statements_fingerprint) ||
      !GetVarint(&in, &d.size)) {
    return false;
  }
  for (std::string* field : {&d.id, &d.lang, &d.published, &d.source, &d.title, &d.content_hash}) {
    if (!GetString(&in, field)) return false;
  }
  return in.empty();
}

std::string EncodeMention(const MentionRecord& record) {
  std::string out;
  AppendEncodedMention(&out, record, record.text_inline);
  return out;
}

void AppendEncodedMention(std::string* out, const MentionRecord& record, bool text_inline) {
  PutVarint(out, record.sentence);
  PutVarint(out, record.start);
  PutVarint(out, record.end);
  out->push_back(static_cast<char>(record.bound));
  PutString(out, record.rule);
  PutString(out, record.attributed_to);
  out->push_back(text_inline ? '\1' : '\0');
  if (text_inline) PutString(out, record.text);
}

bool DecodeMention(std::string_view in, MentionRecord* record) {
  if (!GetU32(&in, &record->sentence) || !GetU32(&in, &record->start) || !GetU32(&in, &record->end) ||
      in.empty()) {
    return false;
  }
  auto bound = static_cast<uint8_t>(in.front());
  if (bound > static_cast<uint8_t>(Bound::kAtMost)) return false;
  record->bound = static_cast<Bound>(bound);
  in.remove_prefix(1);
  if (!GetString(&in, &record->rule) || !GetString(&in, &record->attributed_to) || in.empty()) return false;
  record->text_inline = in.front() == '\1';
  in.remove_prefix(1);
  record->text.clear();
  if (record->text_inline && !GetString(&in, &record->text)) return false;
  return in.empty();
}

std::string EncodePredicateInfo(const PredicateInfo& info) {
  std::string out;
  PutString(&out, info.name);
  PutString(&out, info.description);
  out.push_back(static_cast<char>((info.single_valued ? 1 : 0) | (info.symmetric ? 2 : 0)));
  return out;
}

bool DecodePredicateInfo(std::string_view in, PredicateInfo* info) {
  if (!GetString(&in, &info->name) || !GetString(&in, &info->description) || in.size() != 1) return false;
  info->single_valued = (in.front() & 1) != 0;
  info->symmetric = (in.front() & 2) != 0;
  return true;
}

std::string EncodeAliasValue(const Alias& alias) { return alias.text; }

}  // namespace kg::storage
