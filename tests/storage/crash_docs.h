// The documents the crash and multi-process tests write: deterministic from
// their number and version, so a reader can tell whether one is complete.
#ifndef KG_TESTS_STORAGE_CRASH_DOCS_H_
#define KG_TESTS_STORAGE_CRASH_DOCS_H_

#include <string>

#include "kg/store.h"

namespace kg::testing {

inline std::string CrashDocId(int number) { return "crash-" + std::to_string(number); }
inline std::string CrashSubject(int number) { return "Subject " + std::to_string(number); }
// Statements about the document's own subject, by version.
inline int CrashOwnStatements(int number, int version) { return 1 + (number * 7 + version * 3) % 9; }

// Every document also states one shared claim, so claims merge across
// documents and a half-written document would show in its mention count.
inline DocumentInput CrashDocument(int number, int version) {
  DocumentInput doc;
  doc.document.id = CrashDocId(number);
  doc.document.lang = "en";
  doc.document.content_hash = "v" + std::to_string(version);
  doc.document.size = 100;
  auto add = [&](Term subject, std::string predicate, Term object, std::string when) {
    DocumentInput::Statement s;
    s.claim = {std::move(subject), std::move(predicate), std::move(object), std::move(when)};
    s.mention.sentence = static_cast<uint32_t>(doc.statements.size());
    s.mention.text = "statement " + std::to_string(doc.statements.size()) + " of " + doc.document.id;
    s.mention.rule = "crash";
    doc.statements.push_back(std::move(s));
  };
  for (int i = 0; i < CrashOwnStatements(number, version); ++i) {
    add(Term::Entity(CrashSubject(number)), "measures", Term::Quantity(std::to_string(i * 10 + version), "m"),
        i % 2 == 0 ? "2025" : "");
  }
  add(Term::Entity("Shared"), "mentioned_by", Term::Entity("Everyone"), "");
  doc.aliases.push_back({"subj " + std::to_string(number), CrashSubject(number), "en"});
  return doc;
}

// The document the bulk-load crash test loads: `statements` statements
// about 500 subjects, some merging with claims CrashDocument wrote.
inline DocumentInput BulkCrashDocument(int statements) {
  DocumentInput doc;
  doc.document.id = "bulk";
  doc.document.lang = "en";
  doc.document.content_hash = "bulk-" + std::to_string(statements);
  for (int i = 0; i < statements; ++i) {
    DocumentInput::Statement s;
    if (i % 1000 == 0) {
      s.claim = {Term::Entity("Shared"), "mentioned_by", Term::Entity("Everyone"), ""};
    } else {
      s.claim = {Term::Entity("Bulk " + std::to_string(i % 500)), i % 3 ? "links" : "measures",
                 i % 3 ? Term::Entity("Target " + std::to_string(i % 777)) : Term::Quantity(std::to_string(i % 91), "m"),
                 i % 4 ? "" : "2025"};
    }
    s.mention.sentence = static_cast<uint32_t>(i);
    s.mention.rule = "bulk";
    doc.statements.push_back(std::move(s));
  }
  return doc;
}

}  // namespace kg::testing

#endif  // KG_TESTS_STORAGE_CRASH_DOCS_H_
