#include "storage/repos/sql_builder.h"

#include <cassert>

namespace keyline::storage {

std::string SqlBuilder::Placeholder(sql::Value value) {
  params_.push_back(std::move(value));
  return "$" + std::to_string(params_.size());
}

void SqlBuilder::Append(std::string_view fragment, std::vector<sql::Value> values) {
  size_t next = 0;
  for (char c : fragment) {
    if (c == '?') {
      assert(next < values.size());
      text_ += Placeholder(next < values.size() ? std::move(values[next]) : sql::Null());
      ++next;
    } else {
      text_.push_back(c);
    }
  }
  assert(next == values.size());
}

void SqlBuilder::And(std::string_view fragment, std::vector<sql::Value> values) {
  text_ += has_where_ ? " AND (" : " WHERE (";
  has_where_ = true;
  Append(fragment, std::move(values));
  text_ += ")";
}

void SqlBuilder::AppendList(const std::vector<sql::Value>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text_ += ", ";
    text_ += Placeholder(values[i]);
  }
}

}  // namespace keyline::storage
