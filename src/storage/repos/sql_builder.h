// SqlBuilder: assembles a WHERE clause from constant SQL fragments and bound values.
//
// Fragments are compile-time constants written with '?' where a value goes; Bind numbers
// them $1..$n in order. User input only ever travels as a bound value, never as SQL text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/sql/database.h"

namespace keyline::storage {

class SqlBuilder {
 public:
  // Appends fragment, replacing each '?' with the next placeholder bound to values[i].
  // The number of '?' must equal values.size().
  void Append(std::string_view fragment, std::vector<sql::Value> values = {});
  // Appends " AND (fragment)" (or " WHERE (fragment)" for the first condition) to the
  // condition list, which WhereClause() returns.
  void And(std::string_view fragment, std::vector<sql::Value> values = {});
  // Appends a comma-separated list of placeholders, one per value: "$3, $4, $5".
  void AppendList(const std::vector<sql::Value>& values);

  // Everything appended with Append so far.
  const std::string& text() const { return text_; }
  const std::vector<sql::Value>& params() const { return params_; }
  std::vector<sql::Value>& mutable_params() { return params_; }

 private:
  std::string Placeholder(sql::Value value);

  std::string text_;
  std::vector<sql::Value> params_;
  bool has_where_ = false;
};

}  // namespace keyline::storage
