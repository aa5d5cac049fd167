// The expression language's vocabulary: sources, fields, time variables and enum codes.
// Internal to the engine (expr.cc and its tests); the public view is FieldCatalogue().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/expr.h"

namespace keyline::engine {

// The field `name` of `source`; nullptr when there is none.
const FieldInfo* FindField(Source source, std::string_view name);
// "a|b|c": the field names of `source`, for error messages.
std::string FieldNames(Source source);
std::optional<Source> FindSource(std::string_view name);
std::optional<TimeVar> FindTimeVar(std::string_view name);
// True for the enum-valued types (compared with = != in only).
bool IsEnum(ValueType t);
// The enum value of `code` for an enum type; nullopt when unknown. *allowed receives the
// valid codes ("a|b|c") either way.
std::optional<int64_t> ParseEnumCode(ValueType t, std::string_view code, std::string* allowed);

}  // namespace keyline::engine
