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

void ProjectVisible(const BoundFind& find, const Row& row, std::vector<const Value*>* cells) {
  static const Value kNull;
  cells->clear();
  for (size_t c = 0; c < find.visible_columns; ++c) {
    const OutputColumn& column = find.columns[c];
    cells->push_back(column.is_count || column.slot < 0 ? &kNull : &row.values[column.slot]);
  }
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

std::vector<std::vector<Value>> Shaper::Finish() {
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
  return std::move(rows_);
}

ResultCollector::ResultCollector(const BoundFind& find, const QueryOptions& options, RowVisitor& visitor)
    : find_(find),
      options_(options),
      visitor_(visitor),
      streaming_(!find.aggregate && !find.distinct && find.order.empty()),
      shaper_(find) {
  visitor_.Columns(ColumnNames(find));
}

bool ResultCollector::AddOutput(const RowView& visible) {
  if (find_.limit && info_.rows >= *find_.limit) return false;
  if (options_.max_rows > 0 && info_.rows >= options_.max_rows) {
    info_.stopped_by = "max_rows";
    return false;
  }
  ++info_.rows;
  if (!visitor_.Row(visible)) {
    info_.stopped_by = "visitor";
    return false;
  }
  return !find_.limit || info_.rows < *find_.limit;
}

bool ResultCollector::AddSolution(const Row& row, int64_t times) {
  if (!streaming_) {
    shaper_.Add(row, times);
    return true;
  }
  ProjectVisible(find_, row, &cells_);
  for (int64_t i = 0; i < times; ++i) {
    if (!AddOutput(RowView(cells_.data(), cells_.size()))) return false;
  }
  return true;
}

QueryInfo ResultCollector::Finish(const std::string& stopped_by) {
  if (!streaming_) {
    for (const auto& row : shaper_.Finish()) {
      cells_.clear();
      for (size_t c = 0; c < find_.visible_columns; ++c) cells_.push_back(&row[c]);
      if (!AddOutput(RowView(cells_.data(), cells_.size()))) break;
    }
  }
  if (!stopped_by.empty()) info_.stopped_by = stopped_by;
  return std::move(info_);
}

QueryInfo Replay(const QueryResult& result, RowVisitor& visitor) {
  QueryInfo info;
  info.stopped_by = result.stopped_by;
  visitor.Columns(result.columns);
  std::vector<const Value*> cells;
  for (const auto& row : result.rows) {
    cells.clear();
    for (const auto& cell : row) cells.push_back(&cell);
    ++info.rows;
    if (!visitor.Row(RowView(cells.data(), cells.size()))) {
      info.stopped_by = "visitor";
      break;
    }
  }
  return info;
}

}  // namespace kg::query
