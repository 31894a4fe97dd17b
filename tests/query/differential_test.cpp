// Differential: random patterns and joins over a random store give the
// same rows as a brute-force evaluation over every claim.
#include <algorithm>
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "kg/query.h"
#include "row_recorder.h"
#include "spec_file.h"
#include "test_util.h"

namespace kg::testing {
namespace {

const char* const kEntities[] = {"E0", "E1", "E2", "E3", "E4", "E5"};
const char* const kPredicates[] = {"p0", "p1", "p2"};
const char* const kWhens[] = {"", "2025", "2026"};
const char* const kVariables[] = {"a", "b", "c", "d"};
constexpr int kDocuments = 5;

Term RandomObject(std::mt19937& rng) {
  if (rng() % 3 == 0) return Term::Quantity(std::to_string(1 + rng() % 3) + "000000000", "CNY");
  return Term::Entity(kEntities[rng() % std::size(kEntities)]);
}

void FillRandomStore(Store& store, std::mt19937& rng) {
  // Enough claims per predicate (about 40) that the planner also picks
  // hash joins.
  for (int d = 0; d < kDocuments; ++d) {
    DocumentInput input = MakeDocument("doc" + std::to_string(d), d % 2 ? "en" : "it", "h" + std::to_string(d));
    for (int s = 0; s < 24; ++s) {
      input.statements.push_back(MakeStatement(Term::Entity(kEntities[rng() % std::size(kEntities)]),
                                               kPredicates[rng() % std::size(kPredicates)], RandomObject(rng),
                                               kWhens[rng() % std::size(kWhens)], s, "Sentence " + std::to_string(s)));
    }
    for (const char* entity : kEntities) input.aliases.push_back(Alias{entity, entity, ""});
    auto added = store.AddDocument(input);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
}

// A position of a random query: a variable name or a constant term.
struct Slot {
  std::string variable;
  std::optional<Term> constant;
};

struct RandomPattern {
  Slot subject, predicate, object, when;  // when: neither set = no @
};

std::string SlotText(const Slot& slot) {
  if (!slot.variable.empty()) return "?" + slot.variable;
  return slot.constant->ToString();
}

Slot RandomSlot(std::mt19937& rng, Term constant) {
  if (rng() % 2 == 0) return Slot{kVariables[rng() % std::size(kVariables)], std::nullopt};
  return Slot{"", std::move(constant)};
}

RandomPattern MakeRandomPattern(std::mt19937& rng) {
  RandomPattern p;
  p.subject = RandomSlot(rng, Term::Entity(kEntities[rng() % std::size(kEntities)]));
  p.predicate = rng() % 4 == 0 ? Slot{"p" + std::string(kVariables[rng() % std::size(kVariables)]), std::nullopt}
                               : Slot{"", Term::Predicate(kPredicates[rng() % std::size(kPredicates)])};
  p.object = RandomSlot(rng, RandomObject(rng));
  int when = static_cast<int>(rng() % 4);
  if (when == 1) p.when = Slot{"w", std::nullopt};
  if (when >= 2) p.when = Slot{"", Term::Time(kWhens[1 + rng() % 2])};
  return p;
}

using Bindings = std::map<std::string, std::string>;

// Binds `slot` to `value` (a rendered term); false on disagreement.
bool Unify(const Slot& slot, const std::string& value, Bindings& bindings) {
  if (slot.variable.empty()) return !slot.constant || slot.constant->ToString() == value;
  auto [it, inserted] = bindings.emplace(slot.variable, value);
  return inserted || it->second == value;
}

bool Matches(const RandomPattern& p, const ClaimRecord& record, Bindings& bindings) {
  if (p.when.variable.empty() && p.when.constant && p.when.constant->value != record.claim.when) return false;
  if (!p.when.variable.empty() && !Unify(p.when, record.claim.when, bindings)) return false;
  return Unify(p.subject, record.claim.subject.ToString(), bindings) &&
         Unify(p.predicate, record.claim.predicate, bindings) && Unify(p.object, record.claim.object.ToString(), bindings);
}

size_t MentionsIn(const ClaimRecord& record, const std::string& doc) {
  return std::count_if(record.mentions.begin(), record.mentions.end(), [&](const Mention& m) { return m.doc == doc; });
}

// Every row of the join, as " | "-joined values of `columns`; with
// `per_mention`, one row per choice of a mention per pattern, all in the
// same document (bound to ?doc).
void BruteForce(const std::vector<RandomPattern>& patterns, const std::vector<ClaimRecord>& claims, size_t index,
                Bindings bindings, std::vector<const ClaimRecord*>& chosen, bool per_mention,
                const std::vector<std::string>& columns, std::vector<std::string>* rows) {
  if (index == patterns.size()) {
    std::vector<std::string> docs = {""};
    if (per_mention) {
      docs.clear();
      for (int d = 0; d < kDocuments; ++d) docs.push_back("doc" + std::to_string(d));
    }
    for (const auto& doc : docs) {
      size_t copies = 1;
      for (const auto* record : chosen) copies *= per_mention ? MentionsIn(*record, doc) : 1;
      bindings["doc"] = doc;
      std::string row;
      for (size_t c = 0; c < columns.size(); ++c) row += (c ? " | " : "") + bindings[columns[c]];
      for (size_t i = 0; i < copies; ++i) rows->push_back(row);
    }
    return;
  }
  for (const auto& record : claims) {
    Bindings extended = bindings;
    if (!Matches(patterns[index], record, extended)) continue;
    chosen.push_back(&record);
    BruteForce(patterns, claims, index + 1, extended, chosen, per_mention, columns, rows);
    chosen.pop_back();
  }
}

Slot Var(const char* name) { return Slot{name, std::nullopt}; }
Slot Predicate(const char* name) { return Slot{"", Term::Predicate(name)}; }
Slot Entity(const char* name) { return Slot{"", Term::Entity(name)}; }

const std::vector<RandomPattern> kWholePredicateJoins[] = {
    {{Var("a"), Predicate("p0"), Var("b"), {}}, {Var("b"), Predicate("p1"), Var("c"), {}}},
    {{Var("a"), Predicate("p0"), Var("b"), {}}, {Var("a"), Predicate("p2"), Var("c"), {}}},
    {{Var("a"), Predicate("p1"), Var("b"), Var("w")}, {Var("b"), Predicate("p2"), Var("c"), Var("w")}},
    {{Var("a"), Predicate("p0"), Var("b"), {}}, {Var("b"), Predicate("p0"), Var("a"), {}}},
    {{Var("a"), Predicate("p2"), Var("b"), {}}, {Var("b"), Var("q"), Var("c"), {}}, {Var("c"), Predicate("p1"), Var("d"), {}}},
};

// Stars around ?x: lookups of a bound subject under a constant predicate
// and object walk forward through pos; those with a variable object read
// the subject's claims once (query/id_executor.cpp, ClaimsOf).
const std::vector<RandomPattern> kStars[] = {
    {{Var("x"), Predicate("p0"), Entity("E1"), {}}, {Var("x"), Predicate("p1"), Var("o"), {}},
     {Var("x"), Predicate("p2"), Var("c"), {}}},
    {{Var("x"), Predicate("p1"), Entity("E2"), {}}, {Var("x"), Predicate("p0"), Entity("E3"), {}},
     {Var("x"), Predicate("p2"), Var("o"), Var("w")}, {Var("x"), Predicate("p1"), Var("c"), {}}},
    {{Var("a"), Predicate("p0"), Var("x"), {}}, {Var("x"), Predicate("p1"), Entity("E2"), {}},
     {Var("x"), Predicate("p2"), Var("c"), {}}, {Var("x"), Predicate("p0"), Var("a"), {}}},
    {{Var("x"), Predicate("p2"), Entity("E0"), Var("w")}, {Var("x"), Predicate("p0"), Var("o"), Var("w")},
     {Var("x"), Predicate("p1"), Var("c"), {}}},
};

// The query text of `patterns`, finding all their variables (and ?doc
// with `per_mention`); `columns` receives the variables in order.
std::string QueryText(const std::vector<RandomPattern>& patterns, bool per_mention, std::vector<std::string>* columns) {
  std::string text;
  for (const auto& p : patterns) {
    for (const Slot* slot : {&p.subject, &p.predicate, &p.object, &p.when}) {
      if (!slot->variable.empty() && std::find(columns->begin(), columns->end(), slot->variable) == columns->end()) {
        columns->push_back(slot->variable);
      }
    }
    text += (text.empty() ? "" : ", ") + SlotText(p.subject) + " " + SlotText(p.predicate) + " " + SlotText(p.object);
    if (!p.when.variable.empty() || p.when.constant) text += " @" + SlotText(p.when);
  }
  if (per_mention) columns->push_back("doc");
  std::string query = "FIND";
  for (const auto& c : *columns) query += " ?" + c;
  return query + " WHERE " + text + (per_mention ? " FROM ?doc" : "");
}

// Runs `patterns` as a query and compares its rows with BruteForce's.
// Returns the number of rows, or -1 after a failure.
int ExpectSameAsBruteForce(const Store& store, const std::vector<ClaimRecord>& claims,
                           const std::vector<RandomPattern>& patterns, bool per_mention) {
  std::vector<std::string> columns;
  const std::string query = QueryText(patterns, per_mention, &columns);
  SCOPED_TRACE(query);
  auto result = RunQuery(store, query, QueryOptions{});
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return -1;
  std::vector<std::string> got = RenderRows(*result);
  // The streamed rows are the collected ones, in the same order.
  RowRecorder streamed;
  auto info = RunQuery(store, query, QueryOptions{}, streamed);
  EXPECT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(streamed.rows, got);
  std::vector<std::string> expected;
  std::vector<const ClaimRecord*> chosen;
  BruteForce(patterns, claims, 0, {}, chosen, per_mention, columns, &expected);
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(got, expected);
  return got == expected ? static_cast<int>(expected.size()) : -1;
}

// A store filled by FillRandomStore, and all its claims.
class QueryDifferentialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    FillRandomStore(*store_, rng_);
    claims_ = MatchAll(*store_, Pattern{});
    ASSERT_GT(claims_.size(), 20u);
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::mt19937 rng_{20251124};
  std::vector<ClaimRecord> claims_;
};

TEST_F(QueryDifferentialTest, JoinsMatchBruteForce) {
  Store* store = store_.get();
  std::mt19937& rng = rng_;
  const std::vector<ClaimRecord>& claims = claims_;

  int nonempty = 0;
  std::map<std::string, int> join_methods;
  for (int round = 0; round < 300; ++round) {
    std::vector<RandomPattern> patterns;
    size_t count = 1 + rng() % 3;
    for (size_t i = 0; i < count; ++i) patterns.push_back(MakeRandomPattern(rng));
    bool per_mention = rng() % 4 == 0;
    if (round < static_cast<int>(std::size(kWholePredicateJoins))) {
      // Joins of whole predicates, where the planner hashes.
      patterns = kWholePredicateJoins[round];
      per_mention = false;
    }
    std::vector<std::string> columns;
    const std::string query = QueryText(patterns, per_mention, &columns);
    if (columns.empty()) continue;  // nothing to FIND
    SCOPED_TRACE(query);
    const int rows = ExpectSameAsBruteForce(*store, claims, patterns, per_mention);
    ASSERT_GE(rows, 0);
    nonempty += rows > 0 ? 1 : 0;
    auto explained = RunQuery(*store, "EXPLAIN " + query, QueryOptions{});
    ASSERT_TRUE(explained.ok()) << explained.status().ToString();
    for (const auto& step : explained->rows) ++join_methods[step.back().ToString()];
  }
  EXPECT_GT(nonempty, 50);  // the comparison is not between empty sets only
  // Both ways of joining were compared.
  EXPECT_GE(join_methods["hash"], 5);
  EXPECT_GT(join_methods["lookup"], 10);
}

TEST_F(QueryDifferentialTest, StarsMatchBruteForce) {
  int rows = 0;
  for (const auto& star : kStars) {
    int found = ExpectSameAsBruteForce(*store_, claims_, star, false);
    ASSERT_GE(found, 0);
    rows += found;
  }
  EXPECT_GT(rows, 0);
}

// A hub subject has more claims than a star reads at once (64): its
// lookups fall back to seeks, and must find the same rows.
TEST(QueryStarTest, AroundAHubMatchesBruteForce) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  DocumentInput input = MakeDocument("hub", "en", "h");
  int sentence = 0;
  for (const char* subject : {"E0", "E1"}) {
    for (int amount = 1; amount <= 40; ++amount) {
      for (const char* predicate : {"p0", "p1"}) {
        input.statements.push_back(MakeStatement(Term::Entity(subject), predicate,
                                                 Term::Quantity(std::to_string(amount) + "000", "EUR"), "", sentence,
                                                 "Sentence " + std::to_string(sentence)));
        ++sentence;
      }
    }
    input.statements.push_back(MakeStatement(Term::Entity(subject), "p2", Term::Entity("E5"), "", sentence,
                                             "Sentence " + std::to_string(sentence)));
    ++sentence;
  }
  ASSERT_TRUE(store->AddDocument(input).ok());
  std::vector<ClaimRecord> claims = MatchAll(*store, Pattern{});
  ASSERT_GT(claims.size(), 128u);
  const std::vector<RandomPattern> hub_star = {{Var("x"), Predicate("p2"), Entity("E5"), {}},
                                               {Var("x"), Predicate("p0"), Var("a"), {}},
                                               {Var("x"), Predicate("p1"), Var("b"), {}}};
  EXPECT_EQ(ExpectSameAsBruteForce(*store, claims, hub_star, false), 2 * 40 * 40);
  std::vector<std::string> columns;
  auto explained = RunQuery(*store, "EXPLAIN " + QueryText(hub_star, false, &columns), QueryOptions{});
  ASSERT_TRUE(explained.ok()) << explained.status().ToString();
  std::vector<std::string> joins;
  for (const auto& step : explained->rows) joins.push_back(step.back().ToString());
  EXPECT_EQ(joins, (std::vector<std::string>{"scan", "lookup", "lookup"}));  // a star, not hashed
}

// Adds statements to a document, each in a sentence of its own.
struct StatementAdder {
  DocumentInput& input;
  int sentence = 0;
  void operator()(const std::string& subject, const std::string& predicate, const Term& object,
                  const char* when = "") {
    input.statements.push_back(MakeStatement(Term::Entity(subject), predicate, object, when, sentence,
                                             "Sentence " + std::to_string(sentence)));
    ++sentence;
  }
};

// A star reads only the stretch of its subject's claims between its lowest
// and highest predicate (spo keeps a subject's claims in predicate order):
// claims before, between and after that stretch, predicates a subject
// lacks, several values of one predicate and a predicate named twice must
// all give what the brute force gives.
TEST(QueryStarTest, StretchOfPredicatesMatchesBruteForce) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  DocumentInput input = MakeDocument("stretch", "en", "s");
  std::mt19937 rng(11);
  StatementAdder add{input};
  // q0 .. q5 get ids in this order.
  for (const char* predicate : {"q0", "q1", "q2", "q3", "q4", "q5"}) add("First", predicate, Term::Entity("V"));
  for (int x = 0; x < 40; ++x) {
    const std::string subject = "X" + std::to_string(x);
    auto value = [&] { return Term::Entity("V" + std::to_string(rng() % 9)); };
    add(subject, "q0", Term::Entity("A" + std::to_string(x % 6)));  // the anchor: ~7 subjects each
    if (rng() % 4 != 0) add(subject, "q1", value());
    for (int i = 0; i < static_cast<int>(rng() % 3); ++i) add(subject, "q2", value());
    for (int i = 0; i < static_cast<int>(rng() % 4); ++i) add(subject, "q3", value());
    if (rng() % 2 == 0) add(subject, "q4", value());
    add(subject, "q5", value());
  }
  ASSERT_TRUE(store->AddDocument(input).ok());
  std::vector<ClaimRecord> claims = MatchAll(*store, Pattern{});
  const std::vector<RandomPattern> stars[] = {
      {{Var("x"), Predicate("q0"), Entity("A1"), {}}, {Var("x"), Predicate("q1"), Var("a"), {}},
       {Var("x"), Predicate("q3"), Var("b"), {}}},
      {{Var("x"), Predicate("q0"), Entity("A2"), {}}, {Var("x"), Predicate("q3"), Var("b"), {}},
       {Var("x"), Predicate("q3"), Var("c"), {}}},
      {{Var("x"), Predicate("q0"), Entity("A3"), {}}, {Var("x"), Predicate("q4"), Var("d"), {}},
       {Var("x"), Predicate("q1"), Var("a"), {}}, {Var("x"), Predicate("q2"), Var("b"), {}}},
      {{Var("x"), Predicate("q0"), Entity("A4"), {}}, {Var("x"), Predicate("q2"), Var("b"), {}},
       {Var("x"), Predicate("q2"), Var("c"), {}}},
      {{Var("x"), Predicate("q0"), Entity("A5"), {}}, {Var("x"), Predicate("q5"), Var("e"), {}},
       {Var("x"), Predicate("q1"), Var("a"), {}}},
  };
  int rows = 0;
  for (const auto& star : stars) {
    const int found = ExpectSameAsBruteForce(*store, claims, star, false);
    ASSERT_GE(found, 0);
    rows += found;
    std::vector<std::string> columns;
    auto explained = RunQuery(*store, "EXPLAIN " + QueryText(star, false, &columns), QueryOptions{});
    ASSERT_TRUE(explained.ok()) << explained.status().ToString();
    for (size_t step = 1; step < explained->rows.size(); ++step) {
      EXPECT_EQ(explained->rows[step].back().ToString(), "lookup");  // the star, not hashed
    }
  }
  EXPECT_GT(rows, 20);
}

// The benchmark's Q4 shape, a star around reified claim nodes: the second
// step (a constant predicate and object, the subject varying) searches a
// list read once from pos (EXPLAIN: list) instead of looking each row up.
// Nodes lacking that claim, having it twice (two times) or only dated, a
// list of nodes outside the star, and an object no node has must all give
// what the brute force gives.
TEST(QueryListTest, ReifiedStarMatchesBruteForce) {
  DocumentInput input = MakeDocument("nodes", "en", "n");
  StatementAdder add{input};
  std::mt19937 rng(17);
  for (int node = 0; node < 200; ++node) {
    const std::string claim = "C" + std::to_string(node);
    add(claim, "subject", Term::Entity("O" + std::to_string(rng() % 3)), "");
    const int relation = static_cast<int>(rng() % 8);  // 6, 7: no relation
    if (relation < 6) add(claim, "relation", Term::Entity("R" + std::to_string(relation % 3)), "");
    if (relation == 0) add(claim, "relation", Term::Entity("R0"), "2026");      // R0 again at a time: two claims
    if (relation == 3) add(claim, "relation", Term::Entity("R2"), "2025");      // R2 only at a time
    add(claim, "object", Term::Entity("V" + std::to_string(rng() % 50)), "");
    if (rng() % 5 != 0) add(claim, "source", Term::Entity("A" + std::to_string(rng() % 20)), "");  // some lack it
  }
  // Nodes outside every star, numerous enough that R9's list is searched.
  for (int other = 0; other < 150; ++other) add("N" + std::to_string(other), "relation", Term::Entity("R9"), "");
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddDocument(input).ok());
  std::vector<ClaimRecord> claims = MatchAll(*store, Pattern{});
  auto star = [](const char* subject, const char* relation) {
    return std::vector<RandomPattern>{{Var("x"), Predicate("subject"), Entity(subject), {}},
                                      {Var("x"), Predicate("relation"), Entity(relation), {}},
                                      {Var("x"), Predicate("object"), Var("o"), {}},
                                      {Var("x"), Predicate("source"), Var("s"), {}}};
  };
  struct Case {
    std::vector<RandomPattern> patterns;
    bool empty;
  };
  const Case cases[] = {
      {star("O0", "R0"), false}, {star("O1", "R2"), false}, {star("O2", "R1"), false},
      {star("O1", "R9"), true},  // only nodes outside the star have R9
      {{{Var("x"), Predicate("subject"), Entity("O2"), {}}, {Var("x"), Predicate("relation"), Entity("R0"), {}}}, false},
  };
  for (const Case& test : cases) {
    const int rows = ExpectSameAsBruteForce(*store, claims, test.patterns, false);
    EXPECT_EQ(rows == 0, test.empty);
    std::vector<std::string> columns;
    auto explained = RunQuery(*store, "EXPLAIN " + QueryText(test.patterns, false, &columns), QueryOptions{});
    ASSERT_TRUE(explained.ok()) << explained.status().ToString();
    ASSERT_GE(explained->rows.size(), 2u);
    EXPECT_EQ(explained->rows[1].back().ToString(), "list");
  }
  // An entity never a relation's object: the list is empty.
  EXPECT_EQ(ExpectSameAsBruteForce(*store, claims, star("O0", "A0"), false), 0);
  // With a time variable the relation's lookups keep their seeks.
  std::vector<RandomPattern> timed = star("O0", "R0");
  timed[1].when = Var("w");
  EXPECT_GT(ExpectSameAsBruteForce(*store, claims, timed, false), 0);
}

// Hash joins over hundreds of join values: the table of id keys grows
// several times, and quantity values share it with entity ids.
TEST(QueryHashJoinTest, ManyJoinValuesMatchBruteForce) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  DocumentInput input = MakeDocument("many", "en", "h");
  constexpr int kEntityCount = 240;
  auto entity = [](int i) { return Term::Entity("E" + std::to_string(i % kEntityCount)); };
  for (int i = 0; i < 1200; ++i) {
    Term object = i % 7 == 0 ? Term::Quantity(std::to_string(1 + i % 3) + "000", "EUR") : entity(i * 37 + 11);
    input.statements.push_back(MakeStatement(entity(i), i % 2 ? "p1" : "p0", object, "", i,
                                             "Sentence " + std::to_string(i)));
  }
  ASSERT_TRUE(store->AddDocument(input).ok());
  std::vector<ClaimRecord> claims = MatchAll(*store, Pattern{});
  const std::vector<RandomPattern> joins[] = {
      {{Var("a"), Predicate("p0"), Var("b"), {}}, {Var("b"), Predicate("p1"), Var("c"), {}}},
      {{Var("a"), Predicate("p0"), Var("o"), {}}, {Var("b"), Predicate("p1"), Var("o"), {}}},
  };
  for (const auto& join : joins) {
    EXPECT_GT(ExpectSameAsBruteForce(*store, claims, join, false), 150);
    std::vector<std::string> columns;
    auto explained = RunQuery(*store, "EXPLAIN " + QueryText(join, false, &columns), QueryOptions{});
    ASSERT_TRUE(explained.ok()) << explained.status().ToString();
    EXPECT_EQ(explained->rows.back().back().ToString(), "hash");
  }
}

}  // namespace
}  // namespace kg::testing
