// Lint of ingest/data/gazetteer.tsv: the tagger matches every name of an
// entry (its id and its aliases) longest first, case-folded, and a name also
// matches the first words of a longer name the gazetteer does not know. So
// a name given to two entries, a name that is a function word of a
// language, and a product family's name given to one of its models each
// put claims on the wrong entity; a malformed line loses its entry.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/text_view.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

const std::set<std::string> kEntityTypes = {"ORG",      "MEDIA", "PLACE", "PERSON",  "GROUP",
                                            "HARDWARE", "MODEL", "APP",   "SERVICE", "PRODUCT"};
const std::set<std::string> kProductTypes = {"HARDWARE", "MODEL", "APP", "SERVICE", "PRODUCT"};

struct Entry {
  int line = 0;
  std::string id;
  std::string type;
  std::vector<std::string> names;  // the id first, then the aliases
};

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.push_back("");
  return parts;
}

bool Trimmed(const std::string& s) { return !s.empty() && s.front() != ' ' && s.back() != ' '; }

// Reads the gazetteer; each malformed line is a failure naming it.
std::vector<Entry> ReadEntries() {
  std::vector<Entry> entries;
  std::ifstream in(kRulesDir + "/gazetteer.tsv");
  EXPECT_TRUE(in.good()) << "gazetteer.tsv not readable";
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    SCOPED_TRACE("gazetteer.tsv:" + std::to_string(n) + ": " + line);
    std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() < 2 || fields.size() > 3) {
      ADD_FAILURE() << "expected id, type and optionally aliases, tab-separated";
      continue;
    }
    Entry entry{n, fields[0], fields[1], {fields[0]}};
    EXPECT_TRUE(Trimmed(entry.id)) << "empty id or spaces around it";
    EXPECT_TRUE(kEntityTypes.count(entry.type)) << "unknown type '" << entry.type << "'";
    if (fields.size() == 3) {
      EXPECT_FALSE(fields[2].empty()) << "a tab with no aliases after it";
      for (const std::string& alias : Split(fields[2], '|')) {
        EXPECT_TRUE(Trimmed(alias)) << "empty alias or spaces around '" << alias << "'";
        entry.names.push_back(alias);
      }
    }
    entries.push_back(std::move(entry));
  }
  EXPECT_GT(entries.size(), 100u);
  return entries;
}

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> entries = ReadEntries();
  return entries;
}

// Is `shorter` the first whole words of `longer` ("Ascend" of "Ascend 910C")?
bool IsWordPrefix(const std::string& shorter, const std::string& longer) {
  std::string s = FoldPhrase(shorter), l = FoldPhrase(longer);
  return l.size() > s.size() && l.compare(0, s.size(), s) == 0 && !IsWordCharAt(l, s.size());
}

TEST(GazetteerLint, LinesAreWellFormed) { Entries(); }

TEST(GazetteerLint, NoNameBelongsToTwoEntries) {
  std::map<std::string, const Entry*> owner;  // folded name -> entry
  for (const Entry& entry : Entries()) {
    std::set<std::string> own;  // as written: "NVIDIA" beside "Nvidia" is a case variant
    for (const std::string& name : entry.names) {
      EXPECT_TRUE(own.insert(name).second) << "line " << entry.line << ": '" << name << "' twice in " << entry.id;
      auto [it, fresh] = owner.emplace(FoldPhrase(name), &entry);
      EXPECT_TRUE(fresh || it->second == &entry)
          << "'" << name << "' names both " << it->second->id << " (line " << it->second->line << ") and "
          << entry.id << " (line " << entry.line << ")";
    }
  }
}

// The words a language's lexicon reads as something else than a name:
// function words, capitalised non-names, months, relative times,
// anaphors, scale and currency words.
std::map<std::string, std::string> LexiconWords() {
  std::map<std::string, std::string> words;  // folded -> where
  for (const std::string& code : Data().languages()) {
    const Language& lang = *Data().language(code);
    for (const std::string& word : lang.stopwords) words.emplace(word, code + " stopword");
    const std::pair<const char*, const PhraseTable*> tables[] = {
        {"month", &lang.months},    {"time", &lang.relative_times},           {"ref", &lang.refs},
        {"scale", &lang.scales},    {"currency_before", &lang.currencies_before},
        {"currency_after", &lang.currencies_after}, {"possessive", &lang.possessives}};
    for (const auto& [key, table] : tables) {
      for (const Phrase& phrase : table->phrases()) words.emplace(phrase.folded, code + " " + key);
    }
  }
  for (const std::string& word : Data().stopcaps()) words.emplace(FoldPhrase(word), "stopcap");
  return words;
}

TEST(GazetteerLint, NoNameIsALexiconWord) {
  const std::map<std::string, std::string> words = LexiconWords();
  ASSERT_GT(words.size(), 100u);
  for (const Entry& entry : Entries()) {
    for (const std::string& name : entry.names) {
      auto it = words.find(FoldPhrase(name));
      EXPECT_TRUE(it == words.end()) << "line " << entry.line << ": '" << name << "' of " << entry.id << " is a "
                                     << it->second;
    }
  }
}

// A lexicon `country` (common: no headquarters town, `object town`) names a gazetteer place by its id; a
// misspelt one would let that country through as a town.
TEST(GazetteerLint, EveryCountryIsAGazetteerPlace) {
  std::set<std::string> places;
  for (const Entry& entry : Entries()) {
    if (entry.type == "PLACE") places.insert(FoldPhrase(entry.id));
  }
  for (const std::string& code : Data().languages()) {
    const Language& lang = *Data().language(code);
    EXPECT_FALSE(lang.countries.empty()) << code;
    for (const std::string& country : lang.countries) EXPECT_TRUE(places.count(country)) << code << ": " << country;
  }
}

// A product family (Ascend, Gaudi, Gemini) is an entry of its own: its name
// given to one model ("Ascend" to "Ascend 910B") would also name every other
// model of the family the gazetteer does not know.
TEST(GazetteerLint, AModelDoesNotTakeItsFamilysName) {
  for (const Entry& entry : Entries()) {
    if (!kProductTypes.count(entry.type)) continue;
    for (const std::string& alias : entry.names) {
      EXPECT_FALSE(IsWordPrefix(alias, entry.id))
          << "line " << entry.line << ": '" << alias << "' is the family of " << entry.id << ", not its name";
    }
  }
}

// Does `family`'s id start one of `member`'s names ("Instinct" of "Instinct MI350X")?
bool IsFamilyOf(const Entry& family, const Entry& member) {
  for (const std::string& name : member.names) {
    if (IsWordPrefix(family.id, name)) return true;
  }
  return false;
}

// A name that starts another product's name must be that product's family
// (its id starts one of the other's names): "Gaudi" before "Gaudi 3".
TEST(GazetteerLint, ANameThatStartsAnotherProductsIsItsFamily) {
  for (const Entry& family : Entries()) {
    if (!kProductTypes.count(family.type)) continue;
    for (const Entry& member : Entries()) {
      if (&member == &family || !kProductTypes.count(member.type) || IsFamilyOf(family, member)) continue;
      for (const std::string& name : family.names) {
        for (const std::string& longer : member.names) {
          EXPECT_FALSE(IsWordPrefix(name, longer)) << "'" << name << "' (" << family.id << ", line " << family.line
                                                   << ") starts '" << longer << "' (" << member.id << ", line "
                                                   << member.line << ") but is not its family";
        }
      }
    }
  }
}

}  // namespace
}  // namespace kg::ingest::testing
