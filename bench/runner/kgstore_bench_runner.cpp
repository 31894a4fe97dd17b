// Runs Q1–Q6 of the shared peer benchmark (/work/shared/bench/queries.json)
// against a store loaded with `kg import`, through the public API, and prints
// one JSON line per query exactly as the peer runners do:
//   {"peer","dataset","phase","seconds","first_s","rows","reps"}
// seconds is the median of REPEATS runs; every row is decoded to strings so
// the timing includes what a caller pays to read the answer.
//
// KGQL predicates are bare names, so the IRI predicates of Q2–Q4 cannot be
// written in KGQL: those go through Store::Match (without mentions), joined
// here. Q1, Q5 and Q6 have no constant predicate and use kg::RunQuery.
//
// usage: kgstore_bench_runner STORE_DIR QUERIES.json QUERYSET DATASET_NAME [REPEATS]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "kg/query.h"
#include "kg/store.h"

namespace {

using Row = std::vector<std::string>;
using Rows = std::vector<Row>;
// A query fills rows; for a count query, the count is its single cell.
using Query = std::function<kg::Status(const kg::Store&, Rows*)>;

kg::Status Kgql(const kg::Store& store, const std::string& text, Rows* rows) {
  auto result = kg::RunQuery(store, text, kg::QueryOptions{});
  if (!result.ok()) return result.status();
  for (const auto& r : result->rows) {
    Row row;
    for (const auto& cell : r) row.push_back(cell.ToString());
    rows->push_back(std::move(row));
  }
  return kg::Status::OK();
}

kg::Pattern ByPredicate(const std::string& predicate) {
  kg::Pattern p;
  p.predicate = predicate;
  p.with_mentions = false;
  return p;
}

// Objects of `subject predicate ?o`, as strings.
kg::Status ObjectsOf(const kg::Store& store, const kg::Term& subject, const std::string& predicate,
                     std::vector<std::string>* objects) {
  kg::Pattern p = ByPredicate(predicate);
  p.subject = subject;
  return store.Match(p, [&](const kg::ClaimRecord& r) {
    objects->push_back(r.claim.object.ToString());
    return true;
  });
}

std::string Quoted(const std::string& iri) { return "\"" + iri + "\""; }

std::vector<std::pair<std::string, Query>> NewsQueries(const nlohmann::json& q) {
  std::vector<std::pair<std::string, Query>> queries;
  const std::string q1 = "FIND ?p ?o WHERE " + Quoted(q["q1"]["s"]) + " ?p ?o";
  queries.emplace_back("Q1", [q1](const kg::Store& s, Rows* rows) { return Kgql(s, q1, rows); });

  const std::string q2p = q["q2"]["p"], q2o = q["q2"]["o"];
  queries.emplace_back("Q2", [q2p, q2o](const kg::Store& s, Rows* rows) {
    kg::Pattern p = ByPredicate(q2p);
    p.object = kg::Term::Entity(q2o);
    return s.Match(p, [&](const kg::ClaimRecord& r) {
      rows->push_back({r.claim.subject.ToString()});
      return true;
    });
  });

  // ?a p1 ?b . ?b p2 ?c : hash join on ?b, p2 side built first.
  const std::string q3p1 = q["q3"]["p1"], q3p2 = q["q3"]["p2"];
  queries.emplace_back("Q3", [q3p1, q3p2](const kg::Store& s, Rows* rows) {
    std::unordered_map<std::string, std::vector<std::string>> owned;
    kg::Status st = s.Match(ByPredicate(q3p2), [&](const kg::ClaimRecord& r) {
      owned[r.claim.subject.ToString()].push_back(r.claim.object.ToString());
      return true;
    });
    if (!st.ok()) return st;
    return s.Match(ByPredicate(q3p1), [&](const kg::ClaimRecord& r) {
      const std::string b = r.claim.object.ToString();
      auto it = owned.find(b);
      if (it == owned.end()) return true;
      const std::string a = r.claim.subject.ToString();
      for (const auto& c : it->second) rows->push_back({a, b, c});
      return true;
    });
  });

  // Star on claim nodes: ?x p1 o1 . ?x p2 o2 . ?x p3 ?o . ?x p4 ?src
  const nlohmann::json q4 = q["q4"];
  queries.emplace_back("Q4", [q4](const kg::Store& s, Rows* rows) {
    std::vector<kg::Term> nodes;
    kg::Pattern first = ByPredicate(q4["p1"]);
    first.object = kg::Term::Entity(q4["o1"]);
    kg::Status st = s.Match(first, [&](const kg::ClaimRecord& r) {
      nodes.push_back(r.claim.subject);
      return true;
    });
    if (!st.ok()) return st;
    for (const auto& x : nodes) {
      bool has_p2 = false;
      kg::Pattern second = ByPredicate(q4["p2"]);
      second.subject = x;
      second.object = kg::Term::Entity(q4["o2"]);
      st = s.Match(second, [&](const kg::ClaimRecord&) { has_p2 = true; return false; });
      if (!st.ok()) return st;
      if (!has_p2) continue;
      std::vector<std::string> objects, sources;
      if (!(st = ObjectsOf(s, x, q4["p3"], &objects)).ok()) return st;
      if (!(st = ObjectsOf(s, x, q4["p4"], &sources)).ok()) return st;
      const std::string xs = x.ToString();
      for (const auto& o : objects)
        for (const auto& src : sources) rows->push_back({xs, o, src});
    }
    return kg::Status::OK();
  });

  queries.emplace_back("Q5", [](const kg::Store& s, Rows* rows) {
    return Kgql(s, "FIND ?p COUNT(*) WHERE ?s ?p ?o", rows);
  });
  queries.emplace_back("Q6", [](const kg::Store& s, Rows* rows) {
    return Kgql(s, "FIND COUNT(*) WHERE ?s ?p ?o", rows);
  });
  return queries;
}

// Q6 reports the count itself, the others their number of rows (as sqlite.py).
int64_t RowsReported(const std::string& name, const Rows& rows) {
  if (name == "Q6") return rows.empty() || rows[0].empty() ? -1 : std::stoll(rows[0][0]);
  return static_cast<int64_t>(rows.size());
}

int RunAll(const kg::Store& store, const nlohmann::json& qset, const std::string& dataset, int repeats) {
  for (const auto& [name, query] : NewsQueries(qset)) {
    std::vector<double> times;
    int64_t rows_reported = 0;
    for (int i = 0; i < repeats; ++i) {
      Rows rows;
      auto t0 = std::chrono::steady_clock::now();
      kg::Status st = query(store, &rows);
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      if (!st.ok()) {
        std::cerr << name << ": " << st.ToString() << "\n";
        return 1;
      }
      rows_reported = RowsReported(name, rows);
    }
    // Microsecond resolution, as the peers round.
    auto micros = [](double s) { return std::round(s * 1e6) / 1e6; };
    const double first = micros(times[0]);
    std::sort(times.begin(), times.end());
    nlohmann::ordered_json line;
    line["peer"] = "kgstore";
    line["dataset"] = dataset;
    line["phase"] = name;
    line["seconds"] = micros(times[times.size() / 2]);
    line["first_s"] = first;
    line["rows"] = rows_reported;
    line["reps"] = repeats;
    std::cout << line.dump() << std::endl;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: kgstore_bench_runner STORE_DIR QUERIES.json QUERYSET DATASET_NAME [REPEATS]\n";
    return 2;
  }
  const std::string qset_name = argv[3];
  if (qset_name != "news") {
    std::cerr << "query set '" << qset_name << "' is not supported yet (only news)\n";
    return 2;
  }
  std::ifstream in(argv[2]);
  nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (all.is_discarded() || !all.contains(qset_name)) {
    std::cerr << argv[2] << ": not a queries.json with set '" << qset_name << "'\n";
    return 2;
  }
  const int repeats = argc > 5 ? std::max(1, std::atoi(argv[5])) : 5;
  kg::OpenOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  auto store = kg::Store::Open(argv[1], options);
  if (!store.ok()) {
    std::cerr << argv[1] << ": " << store.status().ToString() << "\n";
    return 1;
  }
  return RunAll(**store, all[qset_name], argv[4], repeats);
}
