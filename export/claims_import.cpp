#include "export/claims_import.h"

#include <map>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "storage/encoding.h"

namespace kg {

namespace {

using nlohmann::json;

// Thrown only inside this file; one line's reason for being rejected.
struct LineError {
  std::string message;
};

const json& Field(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end()) throw LineError{std::string("missing \"") + name + "\""};
  return *it;
}

std::string String(const json& object, const char* name, bool required = true) {
  if (!required && !object.contains(name)) return "";
  const json& value = Field(object, name);
  if (!value.is_string()) throw LineError{std::string("\"") + name + "\" is not a string"};
  return value.get<std::string>();
}

uint32_t Number(const json& object, const char* name) {
  if (!object.contains(name)) return 0;
  const json& value = Field(object, name);
  if (!value.is_number_unsigned() || value.get<uint64_t>() > UINT32_MAX) {
    throw LineError{std::string("\"") + name + "\" is not a non-negative 32-bit integer"};
  }
  return value.get<uint32_t>();
}

Bound BoundOf(const json& object) {
  Bound bound = Bound::kExact;
  std::string name = String(object, "bound", false);
  if (!name.empty() && !ParseBound(name, &bound)) throw LineError{"unknown bound \"" + name + "\""};
  return bound;
}

// The inverse of TermToJson (export/term_json.h).
Term TermFromJson(const json& value) {
  if (!value.is_object()) throw LineError{"a term must be an object"};
  std::string type = String(value, "type");
  Term term;
  if (type == "entity") {
    term = Term::Entity(String(value, "id"));
  } else if (type == "predicate") {
    term = Term::Predicate(String(value, "id"));
  } else if (type == "quantity") {
    term = Term::Quantity(String(value, "value"), String(value, "unit"), BoundOf(value));
  } else if (type == "time") {
    term = Term::Time(String(value, "value"));
  } else if (type == "text") {
    term = Term::Text(String(value, "value"), String(value, "lang", false));
  } else {
    throw LineError{"unknown term type \"" + type + "\""};
  }
  auto canonical = storage::CanonicalTerm(term);
  if (!canonical.ok()) throw LineError{canonical.status().message()};
  return term;
}

Mention MentionFromJson(const json& source) {
  if (!source.is_object()) throw LineError{"a source must be an object"};
  Mention mention;
  mention.doc = String(source, "doc");
  if (mention.doc.empty()) throw LineError{"empty \"doc\""};
  mention.lang = String(source, "lang", false);
  mention.sentence = Number(source, "sentence");
  mention.start = Number(source, "start");
  mention.end = Number(source, "end");
  mention.text = String(source, "text", false);
  mention.rule = String(source, "rule", false);
  mention.attributed_to = String(source, "attributed_to", false);
  mention.bound = BoundOf(source);
  return mention;
}

class ClaimsImporter {
 public:
  ClaimsImporter(Store& store, const std::string& name, bool strict) : store_(store), name_(name), strict_(strict) {}

  Result<ClaimsImportReport> Run(const std::string& text) {
    std::istringstream in(text);
    uint32_t number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      try {
        ReadLine(line);
        ++report_.lines;
      } catch (const LineError& error) {
        report_.problems.push_back(name_ + ":" + std::to_string(number) + ": " + error.message);
      }
    }
    if (strict_ && !report_.problems.empty()) return report_;
    return Write();
  }

 private:
  void ReadLine(const std::string& line) {
    json value = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded() || !value.is_object()) throw LineError{"not a JSON object"};
    Claim claim;
    const json& subject = Field(value, "s");
    claim.subject = subject.is_string() ? Term::Entity(subject.get<std::string>()) : TermFromJson(subject);
    if (claim.subject.value.empty()) throw LineError{"empty subject"};
    claim.predicate = String(value, "p");
    if (claim.predicate.empty()) throw LineError{"empty predicate"};
    claim.object = TermFromJson(Field(value, "o"));
    // The mentions carry the bound; the object's bound is their summary.
    claim.object.bound = Bound::kExact;
    claim.when = String(value, "when", false);
    if (!claim.when.empty() && !storage::CanonicalTerm(Term::Time(claim.when)).ok()) {
      throw LineError{"\"when\" is not a time: \"" + claim.when + "\""};
    }
    const json& sources = Field(value, "sources");
    if (!sources.is_array() || sources.empty()) throw LineError{"\"sources\" must be a non-empty array"};
    std::vector<std::pair<std::string, DocumentInput::Statement>> statements;
    for (const json& source : sources) {
      Mention mention = MentionFromJson(source);
      std::string doc = mention.doc;
      statements.push_back({doc, {claim, std::move(mention)}});
    }
    // Only a line that is whole is added.
    for (auto& [doc, statement] : statements) {
      DocumentInput& input = docs_[doc];
      if (input.document.id.empty()) {
        input.document.id = doc;
        input.document.lang = statement.mention.lang;
      }
      input.statements.push_back(std::move(statement));
    }
  }

  Result<ClaimsImportReport> Write() {
    for (auto& [id, input] : docs_) {
      // A document the store already knows keeps its title, date and hash.
      if (auto existing = store_.GetDocument(id); existing.ok()) input.document = *existing;
      auto added = store_.AddDocument(input);
      if (!added.ok()) return Status::InvalidArgument(name_ + ": document " + id + ": " + added.status().message());
      ++report_.documents;
      report_.mentions += input.statements.size();
    }
    return report_;
  }

  Store& store_;
  const std::string& name_;
  bool strict_;
  ClaimsImportReport report_;
  std::map<std::string, DocumentInput> docs_;
};

}  // namespace

Result<ClaimsImportReport> ImportClaimsJsonl(Store& store, const std::string& text, const std::string& name,
                                             bool strict) {
  return ClaimsImporter(store, name, strict).Run(text);
}

}  // namespace kg
