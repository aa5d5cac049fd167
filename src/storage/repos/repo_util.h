// Small helpers shared by the SQL repositories: value conversion, LIKE escaping, paging
// limits, the optimistic-update outcome and stored-enum parsing. Private to storage/repos.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/enum_table.h"
#include "common/result.h"
#include "core/ports/repositories.h"
#include "storage/sql/database.h"

namespace keyline::storage {

inline sql::Value BoolValue(bool v) { return sql::Value(static_cast<int64_t>(v ? 1 : 0)); }
inline sql::Value IntValue(int64_t v) { return sql::Value(v); }
inline sql::Value TextValue(std::string_view v) { return sql::Value(std::string(v)); }

// A LIKE pattern matching text anywhere / at the start; %, _ and \ in text match literally
// (use with ESCAPE '\').
std::string LikeContains(std::string_view text);
std::string LikePrefix(std::string_view text);

// Page limits clamped to 1..500 and offset to >= 0.
int64_t ClampLimit(const Page& page);
int64_t ClampOffset(const Page& page);

// The outcome of "UPDATE ... WHERE key = .. AND version = ..": OK when one row changed;
// otherwise kNotFound when exists_sql ("SELECT 1 FROM t WHERE key = $1") finds nothing,
// else kConflict (the version moved on).
Status VersionedUpdateOutcome(sql::Conn& conn, int64_t changed, std::string_view exists_sql,
                              const sql::Value& key, std::string_view what_zh,
                              std::string_view what_en);

Status NotFoundStatus(std::string_view what_zh, std::string_view what_en);

// Every row of rs read with read(rs, row) -> Result<T>; the first error stops the reading.
// read may move cells out of rs.
template <typename T, typename ReadRow>
Result<std::vector<T>> ReadRows(sql::ResultSet& rs, ReadRow read) {
  std::vector<T> out;
  out.reserve(rs.size());
  for (size_t row = 0; row < rs.size(); ++row) {
    KL_ASSIGN_OR_RETURN(T item, read(rs, row));
    out.push_back(std::move(item));
  }
  return out;
}

// Parses an enum code read back from the database; kInternal when it is unknown.
template <typename E>
Result<E> StoredEnum(std::span<const EnumEntry<E>> table, std::string_view code,
                     std::string_view column) {
  auto value = ParseEnum(table, code);
  if (!value) {
    return Status::Internal("unknown stored code '" + std::string(code) + "' in " +
                            std::string(column));
  }
  return *value;
}

// The current Beijing calendar date, "YYYY-MM-DD"; used when a scope carries no date.
std::string TodayBeijing();

}  // namespace keyline::storage
