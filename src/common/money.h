// Money: an exact amount of yuan, stored as an integer number of cents (分).
//
// Ledgers speak 万元 (10,000 yuan) and 亿元; the API exchanges amounts as decimal strings in
// 万元 ("43000", "11500.25") so that nothing passes through a binary floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace keyline {

struct Money {
  int64_t cents = 0;

  static constexpr int64_t kCentsPerYuan = 100;
  static constexpr int64_t kCentsPerWan = 1'000'000;  // 1 万元 = 10,000 元 = 1,000,000 分

  static Money FromYuan(int64_t yuan) { return Money{yuan * kCentsPerYuan}; }
  static Money FromWan(int64_t wan) { return Money{wan * kCentsPerWan}; }

  // Parses a decimal amount in 万元: optional '-', digits, optional '.' and up to 6 decimals
  // (6 decimals of 万元 = 1 分). Rejects anything else, and amounts above 10^12 万元.
  // Returns kInvalidArgument with a Chinese and English message on failure.
  static Result<Money> ParseWan(std::string_view text);

  // Formats in 万元 with trailing zeros trimmed ("43000", "11500.25", "-0.000001").
  std::string ToWanString() const;

  friend bool operator==(Money a, Money b) { return a.cents == b.cents; }
  friend auto operator<=>(Money a, Money b) { return a.cents <=> b.cents; }
  friend Money operator+(Money a, Money b) { return Money{a.cents + b.cents}; }
  friend Money operator-(Money a, Money b) { return Money{a.cents - b.cents}; }
};

}  // namespace keyline
