#include "query/shaping.h"

#include <algorithm>

#include "query/value.h"

namespace kg::query {

namespace {

std::string RowKey(const std::vector<Value>& values) {
  std::string key;
  for (const auto& value : values) key += ValueKey(value) + '\xfe';
  return key;
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

Shaper::Group& Shaper::GroupOf(const Row& row) {
  std::vector<Value> key_values;
  for (int slot : find_.group_slots) key_values.push_back(row.values[slot]);
  auto [it, inserted] = group_index_.emplace(RowKey(key_values), groups_.size());
  if (inserted) {
    groups_.push_back(Group{Project(find_, row), std::vector<int64_t>(find_.columns.size(), 0),
                            std::vector<std::set<std::string>>(find_.columns.size())});
  }
  return groups_[it->second];
}

void Shaper::Add(const Row& row, int64_t times) {
  if (!find_.aggregate) {
    for (int64_t i = 0; i < times; ++i) rows_.push_back(Project(find_, row));
    return;
  }
  Group& group = GroupOf(row);
  for (size_t c = 0; c < find_.columns.size(); ++c) {
    const OutputColumn& column = find_.columns[c];
    if (!column.is_count) continue;
    if (column.slot >= 0 && row.values[column.slot].kind == Value::Kind::kNull) continue;
    if (column.distinct && column.slot >= 0) {
      group.seen[c].insert(ValueKey(row.values[column.slot]));
    } else {
      group.counts[c] += times;
    }
  }
}

void Shaper::Finish(uint64_t max_rows, QueryResult* result) {
  if (find_.aggregate) {
    // No solutions and no GROUP BY: one row of zero counts, as SQL does.
    if (groups_.empty() && find_.group_slots.empty()) GroupOf(Row(find_.slot_names.size()));
    for (auto& group : groups_) {
      for (size_t c = 0; c < find_.columns.size(); ++c) {
        const OutputColumn& column = find_.columns[c];
        if (!column.is_count) continue;
        bool distinct = column.distinct && column.slot >= 0;
        group.values[c] = Value::OfNumber(distinct ? static_cast<int64_t>(group.seen[c].size()) : group.counts[c]);
      }
      rows_.push_back(std::move(group.values));
    }
    groups_.clear();
  }
  if (find_.distinct) {
    std::set<std::string> seen;
    std::vector<std::vector<Value>> unique;
    for (auto& row : rows_) {
      if (seen.insert(RowKey(row)).second) unique.push_back(std::move(row));
    }
    rows_ = std::move(unique);
  }
  if (!find_.order.empty()) {
    std::stable_sort(rows_.begin(), rows_.end(), [&](const auto& a, const auto& b) {
      for (const auto& key : find_.order) {
        int c = CompareValues(a[key.column], b[key.column]);
        if (c != 0) return key.descending ? c > 0 : c < 0;
      }
      return false;
    });
  }
  if (find_.limit && rows_.size() > *find_.limit) rows_.resize(*find_.limit);
  if (max_rows > 0 && rows_.size() > max_rows) {
    rows_.resize(max_rows);
    result->stopped_by = "max_rows";
  }
  for (auto& row : rows_) {
    row.resize(find_.visible_columns);
    result->rows.push_back(std::move(row));
  }
  rows_.clear();
}

ResultCollector::ResultCollector(const BoundFind& find, const QueryOptions& options)
    : find_(find),
      options_(options),
      streaming_(!find.aggregate && !find.distinct && find.order.empty()),
      shaper_(find) {
  result_.columns = ColumnNames(find);
}

bool ResultCollector::AddOutput(std::vector<Value> visible) {
  if (find_.limit && result_.rows.size() >= *find_.limit) return false;
  if (options_.max_rows > 0 && result_.rows.size() >= options_.max_rows) {
    result_.stopped_by = "max_rows";
    return false;
  }
  result_.rows.push_back(std::move(visible));
  return !find_.limit || result_.rows.size() < *find_.limit;
}

bool ResultCollector::AddSolution(const Row& row, int64_t times) {
  if (!streaming_) {
    shaper_.Add(row, times);
    return true;
  }
  for (int64_t i = 0; i < times; ++i) {
    std::vector<Value> projected = Project(find_, row);
    projected.resize(find_.visible_columns);
    if (!AddOutput(std::move(projected))) return false;
  }
  return true;
}

QueryResult ResultCollector::Finish(const std::string& stopped_by) {
  if (!streaming_) shaper_.Finish(options_.max_rows, &result_);
  if (!stopped_by.empty()) result_.stopped_by = stopped_by;
  return std::move(result_);
}

}  // namespace kg::query
