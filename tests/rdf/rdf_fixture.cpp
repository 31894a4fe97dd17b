#include "tests/rdf/rdf_fixture.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "export/rdf_mapping.h"

namespace kg::testing {

namespace {

DocumentInput::Statement Say(Term subject, std::string predicate, Term object, std::string when,
                             uint32_t sentence, uint32_t start, std::string text, Bound bound = Bound::kExact,
                             std::string attributed_to = "") {
  DocumentInput::Statement statement;
  statement.claim = Claim{std::move(subject), std::move(predicate), std::move(object), std::move(when)};
  statement.mention.sentence = sentence;
  statement.mention.start = start;
  statement.mention.end = start + static_cast<uint32_t>(text.size());
  statement.mention.text = std::move(text);
  statement.mention.rule = "test.rule." + std::to_string(sentence);
  statement.mention.bound = bound;
  statement.mention.attributed_to = std::move(attributed_to);
  return statement;
}

Document Doc(std::string id, std::string lang) {
  Document doc;
  doc.id = std::move(id);
  doc.lang = std::move(lang);
  return doc;
}

const std::string kHardEntity = "Odd \"name\" \\ with\ttab\nand newline 😀";
const std::string kHardText = "quote \" backslash \\ newline \n tab \t देवनागरी 😀";

}  // namespace

void BuildSampleStore(Store& store) {
  Term bytedance = Term::Entity("ByteDance");
  Term capex = Term::Quantity("160000000000", "CNY");

  DocumentInput en;
  en.document = Doc("doc-en", "en");
  en.document.published = "2025-12";
  en.document.source = "https://news.example.org/a?x=1";
  en.document.title = "Capex \"plans\" for 2026";
  en.document.content_hash = "abc123";
  en.document.size = 1234;
  en.statements = {
      Say(bytedance, "plans_capex", capex, "2026", 1, 10, "The firm means to spend about CNY 160bn.", Bound::kApprox,
          "Financial Times"),
      Say(bytedance, "headquartered_in", Term::Entity("Beijing"), "", 2, 60, "Its head office is in Beijing."),
      Say(bytedance, "plans_order", Term::Quantity("20000", "H200"), "", 3, 100, "It wants 20000 H200 chips."),
      Say(Term::Entity(kHardEntity), "says", Term::Text(kHardText, "en"), "", 4, 140, kHardText),
      Say(bytedance, "founded", Term::Time("2012-03-01"), "", 5, 200, "It was set up in March 2012."),
  };
  en.aliases = {Alias{"字节跳动", "ByteDance", "zh"}};

  DocumentInput hi;
  hi.document = Doc("doc hi/1", "hi");
  hi.document.published = "2025-12-03";
  hi.document.title = "हिंदी शीर्षक";
  hi.statements = {
      Say(bytedance, "plans_capex", capex, "2026", 0, 0, "कंपनी लगभग 160 अरब युआन खर्च करेगी।", Bound::kApprox),
      Say(bytedance, "daily_tokens", Term::Quantity("30000000000000", "tokens"), "2025-10", 1, 90,
          "रोज़ 30 खरब से अधिक टोकन।", Bound::kAtLeast),
  };
  hi.aliases = {Alias{"बीजिंग", "Beijing", "hi"}};

  DocumentInput it;
  it.document = Doc("doc-it", "it");
  it.statements = {
      Say(bytedance, "plans_capex", capex, "2026", 2, 30, "Almeno 160 miliardi di yuan.", Bound::kAtLeast),
      Say(Term::Entity("Volcano Engine"), "competes_with", Term::Entity("Alibaba"), "", 3, 80, "Sfida Alibaba."),
      Say(Term::Entity("An IRI with spaces"), "has note", Term::Text("", "it"), "", 4, 120, ""),
  };
  it.aliases = {Alias{"Pechino", "Beijing", "it"}};

  for (const DocumentInput* input : {&en, &hi, &it}) {
    auto added = store.AddDocument(*input);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
  ASSERT_TRUE(store.DeclarePredicate({"plans_capex", "plans capital expenditure", false, false}).ok());
  ASSERT_TRUE(store.DeclarePredicate({"headquartered_in", "has its head office in", true, false}).ok());
  ASSERT_TRUE(store.DeclarePredicate({"competes_with", "", false, true}).ok());
}

namespace {

// Ids the export mints IRIs for: not blank nodes, not absolute IRIs.
bool Minted(const std::string& id) {
  static const std::regex kAbsoluteIri("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|^`\\\\]+");
  return !id.starts_with("_:") && !std::regex_match(id, kAbsoluteIri);
}

uint64_t Present(const std::string& field) { return field.empty() ? 0 : 1; }

}  // namespace

uint64_t ExpectedStatementCount(const Store& store, ExportFormat format) {
  bool quads = format == ExportFormat::kNQuads || format == ExportFormat::kTriG;
  uint64_t count = 0;

  std::set<std::string> predicates;
  auto used = store.Predicates();
  auto declared = store.DeclaredPredicates();
  EXPECT_TRUE(used.ok() && declared.ok());
  for (const auto& [name, n] : *used) predicates.insert(name);
  for (const PredicateInfo& info : *declared) predicates.insert(info.name);
  for (const std::string& name : predicates) {
    if (!Minted(name)) continue;
    count += 2;  // rdf:type rdf:Property, rdfs:label
    for (const PredicateInfo& info : *declared) {
      if (info.name == name) count += (info.single_valued ? 1 : 0) + (info.symmetric ? 1 : 0);
    }
  }

  auto documents = store.Documents();
  EXPECT_TRUE(documents.ok());
  for (const Document& doc : *documents) {
    count += 1 + Present(doc.lang) + Present(doc.published) + Present(doc.source) + Present(doc.title) +
             Present(doc.content_hash) + (doc.size > 0 ? 1 : 0);
  }

  std::set<std::string> entities;
  Status status = store.Match(Pattern{}, [&](const ClaimRecord& record) {
    const Claim& claim = record.claim;
    bool quantity = claim.object.kind == TermKind::kQuantity;
    std::set<std::string> docs;
    for (const Mention& m : record.mentions) docs.insert(m.doc);
    count += 1;                                  // the direct triple
    if (quads) count += docs.size();             // ... in each document's graph
    count += 1;                                  // rdf:type kg:Claim
    count += format == ExportFormat::kTurtle12 ? 1 : 3;  // rdf:reifies, or rdf:subject/predicate/object
    bool datatype_unit = claim.object.unit.starts_with("http://www.w3.org/2001/XMLSchema#");
    if (quantity) count += 1 + (claim.object.unit.empty() || datatype_unit ? 0 : 1);  // kg:bound, kg:unit
    count += Present(claim.when);
    count += docs.size();                        // prov:wasDerivedFrom
    for (const Mention& m : record.mentions) {
      count += 1;                                // kg:mention
      count += 5 + Present(m.rule) + (quantity ? 1 : 0) + Present(m.attributed_to);
      count += 3;                                // the TextPositionSelector
    }
    entities.insert(claim.subject.value);
    if (claim.object.kind == TermKind::kEntity) entities.insert(claim.object.value);
    return true;
  });
  EXPECT_TRUE(status.ok()) << status.ToString();

  for (const std::string& id : entities) {
    if (!Minted(id)) continue;
    std::set<std::pair<std::string, std::string>> labels = {{id, ""}};
    auto aliases = store.AliasesOf(id);
    EXPECT_TRUE(aliases.ok());
    for (const Alias& alias : *aliases) labels.insert({alias.text, alias.lang});
    count += labels.size();
  }
  return count;
}

std::string ExportText(const Store& store, ExportFormat format, const std::string& base) {
  std::ostringstream out;
  ExportOptions options;
  options.format = format;
  options.base_iri = base;
  Status status = rdf::ExportRdf(store, options, out);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return out.str();
}

std::string SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

int RunCommand(const std::string& command, std::string* output) {
  output->clear();
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output->append(buffer.data(), n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

}  // namespace kg::testing
