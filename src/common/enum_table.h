// EnumTable: one table per enum that names each value in the API (stable lower_snake code)
// and in Chinese, so parsing, printing and documentation never drift apart.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace keyline {

template <typename E>
struct EnumEntry {
  E value;
  std::string_view code;  // API / storage code, e.g. "construction"
  std::string_view zh;    // Chinese label, e.g. "在建"
};

template <typename E>
std::optional<E> ParseEnum(std::span<const EnumEntry<E>> table, std::string_view code) {
  for (const auto& e : table) {
    if (e.code == code) return e.value;
  }
  return std::nullopt;
}

template <typename E>
std::string_view EnumCode(std::span<const EnumEntry<E>> table, E value) {
  for (const auto& e : table) {
    if (e.value == value) return e.code;
  }
  return "";
}

template <typename E>
std::string_view EnumZh(std::span<const EnumEntry<E>> table, E value) {
  for (const auto& e : table) {
    if (e.value == value) return e.zh;
  }
  return "";
}

// "a|b|c": the allowed codes, for error messages.
template <typename E>
std::string EnumCodes(std::span<const EnumEntry<E>> table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += "|";
    out += e.code;
  }
  return out;
}

}  // namespace keyline
