// Strict reading of JSON request bodies.
//
// A body must be one JSON object (≤ depth 20). FieldReader reads typed fields from it, collects
// one FieldError per bad field (wrong type, bad format, too long, unknown enum code), and at
// the end rejects any key it was not asked about (unknown fields are errors, so a typo never
// silently drops data). Nothing here touches the domain beyond its value types.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/enum_table.h"
#include "common/money.h"
#include "common/result.h"
#include "http/request.h"

namespace keyline::api {

// Parses body as a JSON object. kInvalidArgument for malformed JSON, a non-object, excessive
// nesting; kUnsupportedMedia is the caller's job (content type).
Result<boost::json::object> ParseJsonObject(std::string_view body);

// The request body as a JSON object: kUnsupportedMedia unless the Content-Type is
// application/json, then ParseJsonObject.
Result<boost::json::object> ReadJsonBody(const http::Request& request);

class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object) : object_(object) {}

  bool Has(std::string_view key) const { return object_.contains(key); }
  // True when the key is present with JSON null.
  bool IsNull(std::string_view key) const;

  // Each getter marks the key as known. Absent key -> nullopt (and an error if required).
  // Explicit null -> nullopt with no error unless required.
  std::optional<std::string> String(std::string_view key, bool required, size_t max_chars);
  std::optional<int64_t> Int(std::string_view key, bool required, int64_t min, int64_t max);
  std::optional<double> Double(std::string_view key, bool required);
  std::optional<bool> Bool(std::string_view key, bool required);
  // A date "YYYY-MM-DD".
  std::optional<std::string> Date(std::string_view key, bool required);
  // An amount in 万元: a decimal string ("11500.25") or an integer.
  std::optional<Money> Amount(std::string_view key, bool required);
  template <typename E>
  std::optional<E> Enum(std::string_view key, std::span<const EnumEntry<E>> table, bool required) {
    auto code = String(key, required, 64);
    if (!code) return std::nullopt;
    auto value = ParseEnum(table, *code);
    if (!value) {
      AddError(key, "取值无效，可选：" + EnumCodes(table),
               "invalid value; expected one of " + EnumCodes(table));
    }
    return value;
  }
  // The raw value of an array field (marks it known); nullptr when absent or null.
  const boost::json::array* Array(std::string_view key, bool required);

  void AddError(std::string_view field, std::string zh, std::string en);
  // Marks keys as known without reading them (e.g. read-only fields a client echoes back).
  void Ignore(std::initializer_list<std::string_view> keys);

  // OK, or kInvalidArgument listing every bad and every unknown field.
  Status Finish();

 private:
  const boost::json::value* Find(std::string_view key, bool required);
  const boost::json::object& object_;
  std::set<std::string, std::less<>> known_;
  std::vector<FieldError> errors_;
};

}  // namespace keyline::api
