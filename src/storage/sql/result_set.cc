#include <cassert>
#include <charconv>
#include <cstdlib>
#include <string>

#include "storage/sql/database.h"

namespace keyline::sql {
namespace {

// The cell at (row, col), or nullptr when out of range (a programmer error: asserts).
const Value* Cell(const ResultSet& rs, size_t row, size_t col) {
  bool in_range = row < rs.rows.size() && col < rs.rows[row].size();
  assert(in_range && "ResultSet cell out of range");
  return in_range ? &rs.rows[row][col] : nullptr;
}

std::optional<int64_t> ParseInt(const std::string& s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> ParseDouble(const std::string& s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<int64_t> AsInt(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return ParseInt(*s);
  return std::nullopt;
}

std::optional<double> AsDouble(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&v)) return ParseDouble(*s);
  return std::nullopt;
}

std::string AsText(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), *d);
    return ec == std::errc() ? std::string(buf, end) : std::string();
  }
  return "";
}

}  // namespace

bool ResultSet::IsNull(size_t row, size_t col) const {
  const Value* v = Cell(*this, row, col);
  return v == nullptr || std::holds_alternative<std::monostate>(*v);
}

int64_t ResultSet::GetInt(size_t row, size_t col, int64_t fallback) const {
  return GetOptInt(row, col).value_or(fallback);
}

double ResultSet::GetDouble(size_t row, size_t col, double fallback) const {
  return GetOptDouble(row, col).value_or(fallback);
}

std::string ResultSet::GetText(size_t row, size_t col) const {
  const Value* v = Cell(*this, row, col);
  return v ? AsText(*v) : "";
}

std::optional<int64_t> ResultSet::GetOptInt(size_t row, size_t col) const {
  const Value* v = Cell(*this, row, col);
  return v ? AsInt(*v) : std::nullopt;
}

std::optional<double> ResultSet::GetOptDouble(size_t row, size_t col) const {
  const Value* v = Cell(*this, row, col);
  return v ? AsDouble(*v) : std::nullopt;
}

std::optional<std::string> ResultSet::GetOptText(size_t row, size_t col) const {
  const Value* v = Cell(*this, row, col);
  if (v == nullptr || std::holds_alternative<std::monostate>(*v)) return std::nullopt;
  return AsText(*v);
}

std::string ResultSet::TakeText(size_t row, size_t col) {
  Value* v = const_cast<Value*>(Cell(*this, row, col));
  if (v == nullptr) return "";
  if (auto* s = std::get_if<std::string>(v)) return std::move(*s);
  return AsText(*v);
}

std::optional<std::string> ResultSet::TakeOptText(size_t row, size_t col) {
  Value* v = const_cast<Value*>(Cell(*this, row, col));
  if (v == nullptr || std::holds_alternative<std::monostate>(*v)) return std::nullopt;
  if (auto* s = std::get_if<std::string>(v)) return std::move(*s);
  return AsText(*v);
}

}  // namespace keyline::sql
