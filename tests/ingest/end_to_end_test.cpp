// kg ingest and kg export end to end: the seed corpus scored against its
// gold file, re-ingestion, an edited article, and bad input.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kg/store.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

namespace fs = std::filesystem;

const std::string kKg = KG_BINARY;

std::string Python() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

std::string Ingest(const std::string& db, const std::string& args, int* exit_code, std::string* err = nullptr) {
  std::string out;
  *exit_code = RunCommand("KG_RULES_DIR=" + kRulesDir + " " + kKg + " ingest --db " + db + " " + args, &out, err);
  return out;
}

std::vector<nlohmann::json> Export(const std::string& db) {
  std::string out, err;
  EXPECT_EQ(RunCommand(kKg + " export --db " + db + " --format claims", &out, &err), 0) << err;
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// Every (claim, source) pair of an export, as text, for the given documents.
std::multiset<std::string> SourcesOf(const std::vector<nlohmann::json>& claims, const std::set<std::string>& docs) {
  std::multiset<std::string> out;
  for (const auto& claim : claims) {
    nlohmann::json bare = claim;
    bare.erase("sources");
    bare["o"].erase("bound");  // a claim shows the bound of one of its mentions; each source has its own
    for (const auto& source : claim["sources"]) {
      if (docs.count(source["doc"].get<std::string>())) out.insert(bare.dump() + source.dump());
    }
  }
  return out;
}

TEST(EndToEnd, SeedCorpusMeetsTheBar) {
  std::string db = TempDir("seed") + "/db";
  int code = 0;
  std::string out = Ingest(db, "--manifest " + kCorpusDir + "/manifest.tsv", &code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("documents: 5 new"), std::string::npos) << out;
  std::string claims = TempDir("seed-export") + "/claims.jsonl";
  std::string err;
  ASSERT_EQ(RunCommand(kKg + " export --db " + db + " --format claims -o " + claims, nullptr, &err), 0) << err;
  std::string report;
  ASSERT_EQ(RunCommand(Python() + " " KG_SHARED_DIR "/eval/score.py " KG_SHARED_DIR "/eval/seed-gold.jsonl " + claims + " --json",
                &report, &err),
            0)
      << err;
  auto score = nlohmann::json::parse(report);
  EXPECT_GE(score["precision"].get<double>(), 0.90) << score["false_positives"].dump(1);
  EXPECT_GE(score["req_recall"].get<double>(), 0.90) << score["missed_required"].dump(1);
  EXPECT_GE(score["prov_recall"].get<double>(), 0.85) << score["provenance_missing"].dump(1);

  // The same articles again: nothing changes.
  auto before = Export(db);
  out = Ingest(db, "--manifest " + kCorpusDir + "/manifest.tsv", &code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("documents: 0 new, 5 unchanged, 0 replaced, 0 failed"), std::string::npos) << out;
  EXPECT_EQ(Export(db), before);
}

TEST(EndToEnd, EditedArticleChangesOnlyItsMentions) {
  std::string db = TempDir("edit") + "/db";
  int code = 0;
  Ingest(db, "--manifest " + kCorpusDir + "/manifest.tsv", &code);
  ASSERT_EQ(code, 0);
  auto before = Export(db);

  std::string copy = TempDir("edit-corpus");
  for (const auto& entry : fs::directory_iterator(kCorpusDir)) fs::copy(entry.path(), copy + "/" + entry.path().filename().string());
  const std::string edited_id = "002_3d0abd305cf3f02e";
  std::string path = copy + "/" + edited_id + ".txt";
  std::string text = ReadAll(path);
  size_t at = text.find("Rmb85 billion");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 13, "Rmb95 billion");
  fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
  WriteAll(path, text);

  std::string out = Ingest(db, copy, &code);  // the folder's manifest.tsv is used
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("documents: 0 new, 4 unchanged, 1 replaced, 0 failed"), std::string::npos) << out;
  auto after = Export(db);
  std::set<std::string> others;
  for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
    std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".txt" && stem != edited_id) others.insert(stem);
  }
  EXPECT_EQ(SourcesOf(before, others), SourcesOf(after, others));
  EXPECT_NE(SourcesOf(before, {edited_id}), SourcesOf(after, {edited_id}));
  bool new_figure = false;
  for (const auto& claim : after) {
    if (claim["o"].value("value", "") == "95000000000") new_figure = true;
  }
  EXPECT_TRUE(new_figure);
}

TEST(EndToEnd, BadInputIsReportedAndSkipped) {
  std::string dir = TempDir("bad-input");
  WriteAll(dir + "/good.txt", "Orbis Telecom plans to spend $3 billion in capital expenditure in 2026, the company said.\n");
  WriteAll(dir + "/empty.txt", "");
  WriteAll(dir + "/binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0binary", 18));
  WriteAll(dir + "/badutf8.txt", "Orbis Telecom \xff plans more.\n");
  WriteAll(dir + "/russian.txt", "Компания объявила о планах инвестировать в новые центры обработки данных.\n");
  WriteAll(dir + "/huge.txt", std::string(50u << 20, 'a'));
  std::string db = TempDir("bad-input-db") + "/db";
  int code = 0;
  std::string err;
  std::string out = Ingest(db, dir, &code, &err);
  EXPECT_NE(code, 0);
  EXPECT_NE(out.find("1 new"), std::string::npos) << out;
  EXPECT_NE(out.find("5 failed"), std::string::npos) << out;
  for (const char* name : {"empty.txt", "binary.bin", "badutf8.txt", "russian.txt", "huge.txt"}) {
    EXPECT_NE(err.find(name), std::string::npos) << name << " not reported in: " << err;
  }
  EXPECT_NE(err.find("invalid UTF-8 at byte offset 14"), std::string::npos) << err;
  EXPECT_NE(err.find("unknown language"), std::string::npos) << err;

  auto store = Store::Open(db, OpenOptions{false, true});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto docs = (*store)->Documents();
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].id, "good");
  size_t claims = 0;
  ASSERT_TRUE((*store)->Match(Pattern{}, [&](const ClaimRecord& r) {
    for (const auto& m : r.mentions) EXPECT_EQ(m.doc, "good");
    ++claims;
    return true;
  }).ok());
  EXPECT_EQ(claims, 1u);
}

}  // namespace
}  // namespace kg::ingest::testing
