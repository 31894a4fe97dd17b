#include "small_store.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace kg::testing {

namespace {

using S = DocumentInput::Statement;

Term E(const char* id) { return Term::Entity(id); }
Term Q(const char* decimal, const char* unit, Bound bound = Bound::kExact) { return Term::Quantity(decimal, unit, bound); }

void Add(Store& store, const char* id, const char* lang, std::vector<S> statements, std::vector<Alias> aliases = {}) {
  DocumentInput input = MakeDocument(id, lang, std::string("hash-") + id);
  input.statements = std::move(statements);
  input.aliases = std::move(aliases);
  auto added = store.AddDocument(input);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
}

S Attributed(S statement, const char* who) {
  statement.mention.attributed_to = who;
  return statement;
}

}  // namespace

void FillSmallStore(Store& store) {
  Add(store, "d1", "en",
      {MakeStatement(E("Acme"), "plans_capex", Q("50000000000", "CNY"), "2026", 0, "Acme will spend 50bn yuan next year."),
       MakeStatement(E("Acme"), "plans_capex", Q("7000000000", "USD"), "2026", 1, "That is about seven billion dollars."),
       MakeStatement(E("Acme"), "capex", Q("40000000000", "CNY"), "2025", 2, "It spent 40bn yuan this year."),
       MakeStatement(E("Acme"), "develops", E("Widget"), "", 3, "Acme makes the Widget assistant."),
       MakeStatement(E("Widget"), "overtook", E("Gizmo"), "", 4, "Widget has passed Gizmo in users."),
       MakeStatement(E("Widget"), "competes_with", E("Globex"), "", 5, "Widget fights Globex for users."),
       MakeStatement(E("Acme"), "plans_order", Q("5000", "Sprocket"), "2025-10", 6, "Acme ordered 5,000 Sprockets."),
       MakeStatement(E("Acme"), "daily_tokens", Q("2000000000000", "tokens", Bound::kAtLeast), "2025-10-14", 7,
                     "Acme serves over two trillion tokens a day."),
       Attributed(MakeStatement(E("Acme"), "owns", E("Umbrella Labs"), "", 8, "Acme owns Umbrella Labs, a paper says."),
                  "Daily Planet")},
      {{"ACME Corp", "Acme", ""}, {"Acme", "Acme", ""}, {"Widget", "Widget", ""}, {"Gizmo", "Gizmo", ""},
       {"Globex", "Globex", ""}, {"Sprocket", "Sprocket", ""}, {"Umbrella Labs", "Umbrella Labs", ""}});
  Add(store, "d2", "it",
      {MakeStatement(E("Acme"), "plans_capex", Q("50000000000", "CNY"), "2026", 0, "Acme spenderà 50 miliardi di yuan."),
       MakeStatement(E("Acme"), "plans_capex", Q("500000000000", "CNY"), "2026", 1, "Altri dicono 500 miliardi."),
       MakeStatement(E("Globex"), "capex", Q("120000000000", "CNY"), "2025", 2, "Globex ha investito 120 miliardi."),
       MakeStatement(E("Globex"), "develops", E("Gizmo"), "", 3, "Globex sviluppa Gizmo."),
       MakeStatement(E("Gizmo"), "overtook", E("Sprocket"), "", 4, "Gizmo ha superato Sprocket."),
       MakeStatement(E("Globex"), "plans_order", Q("800", "Sprocket"), "", 5, "Globex ordina 800 Sprocket.")},
      {{"Globex Inc", "Globex", "it"}});
  Add(store, "d3", "hi",
      {MakeStatement(E("Acme"), "plans_capex", Q("50000000000", "CNY"), "2026", 0, "एक्मे 50 अरब युआन खर्च करेगी।"),
       MakeStatement(E("Initech"), "capex", Q("3000000000", "USD"), "2025", 1, "इनिटेक ने 3 अरब डॉलर खर्च किए।"),
       MakeStatement(E("Initech"), "develops", E("Sprocket"), "", 2, "इनिटेक स्प्रॉकेट बनाती है।"),
       MakeStatement(E("Umbrella Labs"), "competes_with", E("Globex"), "", 3, "अम्ब्रेला लैब्स ग्लोबेक्स से मुकाबला करती है।"),
       MakeStatement(E("Acme"), "capex_growth", Q("7", "percent", Bound::kApprox), "2026", 4, "खर्च लगभग 7 प्रतिशत बढ़ेगा।")},
      {{"एक्मे", "Acme", "hi"}, {"इनिटेक", "Initech", "hi"}, {"Initech", "Initech", ""}});
  Status declared = store.DeclarePredicate(PredicateInfo{"plans_capex", "plans capital expenditure", false, false});
  ASSERT_TRUE(declared.ok()) << declared.ToString();
  declared = store.DeclarePredicate(PredicateInfo{"headquartered_in", "has its headquarters in", true, false});
  ASSERT_TRUE(declared.ok()) << declared.ToString();
  declared = store.DeclarePredicate(PredicateInfo{"competes_with", "competes with", false, true});
  ASSERT_TRUE(declared.ok()) << declared.ToString();
}

}  // namespace kg::testing
