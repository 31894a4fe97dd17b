// IRIs in KGQL: <…> names an entity by its id or a predicate by its name,
// in any position, as `kg import` stores RDF terms.
#include <gtest/gtest.h>

#include "kg/query.h"
#include "spec_file.h"
#include "test_util.h"

namespace kg::testing {
namespace {

const char kOrg[] = "http://example.org/org/1";
const char kRival[] = "http://example.org/org/2";
const char kRivalOf[] = "http://example.org/rival_of";

class IriTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    DocumentInput input = MakeDocument("graph", "", "h1");
    input.statements.push_back(MakeStatement(Term::Entity(kOrg), kRivalOf, Term::Entity(kRival), "", 1, "line 1"));
    input.statements.push_back(MakeStatement(Term::Entity(kOrg), "http://example.org/founded",
                                             Term::Time("1958"), "", 2, "line 2"));
    input.statements.push_back(MakeStatement(Term::Entity(kRival), kRivalOf, Term::Entity(kRivalOf), "", 3, "line 3"));
    ASSERT_TRUE(store_->AddDocument(input).ok());
  }

  std::vector<std::string> Rows(const std::string& query) {
    auto result = RunQuery(*store_, query, QueryOptions{});
    EXPECT_TRUE(result.ok()) << query << ": " << result.status().ToString();
    return result.ok() ? RenderRows(*result) : std::vector<std::string>{};
  }

  std::string Error(const std::string& query) {
    auto result = RunQuery(*store_, query, QueryOptions{});
    EXPECT_FALSE(result.ok()) << query;
    return result.ok() ? "" : result.status().message();
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(IriTest, IriAsSubjectPredicateAndObject) {
  EXPECT_EQ(Rows("FIND ?o WHERE <http://example.org/org/1> <http://example.org/rival_of> ?o"),
            std::vector<std::string>{kRival});
  EXPECT_EQ(Rows("FIND ?s WHERE ?s <http://example.org/rival_of> <http://example.org/org/2>"),
            std::vector<std::string>{kOrg});
  // A predicate's IRI may also be an entity, as an object.
  EXPECT_EQ(Rows("FIND ?s WHERE ?s ?p <http://example.org/rival_of>"), std::vector<std::string>{kRival});
  EXPECT_EQ(Rows("FIND ?a ?c WHERE ?a <http://example.org/rival_of> ?b, ?b <http://example.org/rival_of> ?c"),
            std::vector<std::string>{std::string(kOrg) + " | " + kRivalOf});
}

TEST_F(IriTest, IriInFilterAndDescribe) {
  EXPECT_EQ(Rows("FIND ?s WHERE ?s ?p ?o FILTER ?o = <http://example.org/org/2>"), std::vector<std::string>{kOrg});
  EXPECT_FALSE(Rows("DESCRIBE <http://example.org/org/2>").empty());
}

TEST_F(IriTest, ComparisonsStillLexAsComparisons) {
  EXPECT_EQ(Rows("FIND ?o WHERE ?s <http://example.org/founded> ?o @ ?w FILTER ?o < 2000 AND ?o <> 1900"),
            std::vector<std::string>{"1958"});
  EXPECT_EQ(Rows("FIND ?o WHERE ?s <http://example.org/founded> ?o FILTER ?o<2000"), std::vector<std::string>{"1958"});
}

TEST_F(IriTest, UnknownIrisPointAtTheirPlace) {
  std::string predicate = Error("FIND ?o WHERE ?s <http://example.org/rivalof> ?o");
  EXPECT_NE(predicate.find("unknown predicate <http://example.org/rivalof> (line 1, column 18)"), std::string::npos)
      << predicate;
  EXPECT_NE(predicate.find("did you mean http://example.org/rival_of"), std::string::npos) << predicate;
  std::string entity = Error("FIND ?o WHERE\n  <http://example.org/org/3> ?p ?o");
  EXPECT_NE(entity.find("unknown entity <http://example.org/org/3> (line 2, column 3)"), std::string::npos) << entity;
  // An IRI is an id, not an alias: case matters.
  EXPECT_NE(Error("FIND ?o WHERE <HTTP://example.org/org/1> ?p ?o").find("unknown entity"), std::string::npos);
  // No spaces inside an IRI.
  EXPECT_NE(Error("FIND ?o WHERE <http://example.org/org 1> ?p ?o").find("line 1"), std::string::npos);
}

}  // namespace
}  // namespace kg::testing
