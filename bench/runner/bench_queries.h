// The KGQL text of the peer benchmark's Q1–Q6 (/work/shared/bench/README.md)
// with the constants of one query set of queries.json. Shared by the runner
// and by the test that checks their row counts.
#ifndef KG_BENCH_RUNNER_BENCH_QUERIES_H_
#define KG_BENCH_RUNNER_BENCH_QUERIES_H_

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace kg::bench {

inline std::string Iri(const nlohmann::json& value) { return "<" + value.get<std::string>() + ">"; }

// Q1 all triples of a subject; Q2 subjects of a predicate and object; Q3 a
// two-hop join; Q4 a star around a claim node; Q5 claims per predicate;
// Q6 all claims.
inline std::vector<std::pair<std::string, std::string>> QueryTexts(const nlohmann::json& q) {
  const auto& q4 = q["q4"];
  return {
      {"Q1", "FIND ?p ?o WHERE " + Iri(q["q1"]["s"]) + " ?p ?o"},
      {"Q2", "FIND ?s WHERE ?s " + Iri(q["q2"]["p"]) + " " + Iri(q["q2"]["o"])},
      {"Q3", "FIND ?a ?b ?c WHERE ?a " + Iri(q["q3"]["p1"]) + " ?b, ?b " + Iri(q["q3"]["p2"]) + " ?c"},
      {"Q4", "FIND ?x ?o ?src WHERE ?x " + Iri(q4["p1"]) + " " + Iri(q4["o1"]) + ", ?x " + Iri(q4["p2"]) + " " +
                 Iri(q4["o2"]) + ", ?x " + Iri(q4["p3"]) + " ?o, ?x " + Iri(q4["p4"]) + " ?src"},
      {"Q5", "FIND ?p COUNT(*) WHERE ?s ?p ?o"},
      {"Q6", "FIND COUNT(*) WHERE ?s ?p ?o"},
  };
}

}  // namespace kg::bench

#endif  // KG_BENCH_RUNNER_BENCH_QUERIES_H_
