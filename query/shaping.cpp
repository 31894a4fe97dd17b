#include "query/shaping.h"

#include <algorithm>
#include <map>
#include <set>

#include "query/value.h"

namespace kg::query {

namespace {

std::string RowKey(const std::vector<Value>& values) {
  std::string key;
  for (const auto& value : values) key += ValueKey(value) + '\xfe';
  return key;
}

struct Group {
  std::vector<Value> values;                  // output row, counts filled at the end
  std::vector<int64_t> counts;                // per output column
  std::vector<std::set<std::string>> seen;    // COUNT(DISTINCT) keys per column
};

std::vector<std::vector<Value>> Aggregate(const BoundFind& find, const std::vector<Row>& solutions) {
  std::map<std::string, size_t> index;
  std::vector<Group> groups;
  for (const auto& row : solutions) {
    std::vector<Value> key_values;
    for (int slot : find.group_slots) key_values.push_back(row.values[slot]);
    auto [it, inserted] = index.emplace(RowKey(key_values), groups.size());
    if (inserted) {
      groups.push_back(Group{Project(find, row), std::vector<int64_t>(find.columns.size(), 0),
                             std::vector<std::set<std::string>>(find.columns.size())});
    }
    Group& group = groups[it->second];
    for (size_t c = 0; c < find.columns.size(); ++c) {
      const OutputColumn& column = find.columns[c];
      if (!column.is_count) continue;
      if (column.slot >= 0 && row.values[column.slot].kind == Value::Kind::kNull) continue;
      if (column.distinct && column.slot >= 0) {
        group.seen[c].insert(ValueKey(row.values[column.slot]));
      } else {
        ++group.counts[c];
      }
    }
  }
  // No solutions and no GROUP BY: one row of zero counts, as SQL does.
  if (groups.empty() && find.group_slots.empty()) {
    groups.push_back(Group{Project(find, Row(find.slot_names.size())), std::vector<int64_t>(find.columns.size(), 0),
                           std::vector<std::set<std::string>>(find.columns.size())});
  }
  std::vector<std::vector<Value>> rows;
  for (auto& group : groups) {
    for (size_t c = 0; c < find.columns.size(); ++c) {
      const OutputColumn& column = find.columns[c];
      if (!column.is_count) continue;
      int64_t count = column.distinct && column.slot >= 0 ? static_cast<int64_t>(group.seen[c].size()) : group.counts[c];
      group.values[c] = Value::OfNumber(count);
    }
    rows.push_back(std::move(group.values));
  }
  return rows;
}

}  // namespace

std::vector<Value> Project(const BoundFind& find, const Row& row) {
  std::vector<Value> out;
  out.reserve(find.columns.size());
  for (const auto& column : find.columns) {
    out.push_back(column.is_count || column.slot < 0 ? Value::Null() : row.values[column.slot]);
  }
  return out;
}

std::vector<std::string> ColumnNames(const BoundFind& find) {
  std::vector<std::string> names;
  for (size_t c = 0; c < find.visible_columns; ++c) names.push_back(find.columns[c].name);
  return names;
}

void Shape(const BoundFind& find, const std::vector<Row>& solutions, uint64_t max_rows, QueryResult* result) {
  std::vector<std::vector<Value>> rows;
  if (find.aggregate) {
    rows = Aggregate(find, solutions);
  } else {
    for (const auto& row : solutions) rows.push_back(Project(find, row));
  }
  if (find.distinct) {
    std::set<std::string> seen;
    std::vector<std::vector<Value>> unique;
    for (auto& row : rows) {
      if (seen.insert(RowKey(row)).second) unique.push_back(std::move(row));
    }
    rows = std::move(unique);
  }
  if (!find.order.empty()) {
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
      for (const auto& key : find.order) {
        int c = CompareValues(a[key.column], b[key.column]);
        if (c != 0) return key.descending ? c > 0 : c < 0;
      }
      return false;
    });
  }
  if (find.limit && rows.size() > *find.limit) rows.resize(*find.limit);
  if (max_rows > 0 && rows.size() > max_rows) {
    rows.resize(max_rows);
    result->stopped_by = "max_rows";
  }
  for (auto& row : rows) {
    row.resize(find.visible_columns);
    result->rows.push_back(std::move(row));
  }
}

}  // namespace kg::query
