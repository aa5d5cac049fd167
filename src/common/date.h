// Calendar dates ("YYYY-MM-DD") and report periods (YYYYMM).
//
// Dates are stored as ISO text in both databases, so they sort and compare as strings.
// China has one time zone without DST; timestamps are int64 milliseconds since the epoch (UTC).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace keyline {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Parses exactly "YYYY-MM-DD" with a real calendar day between 1900-01-01 and 2199-12-31.
  static Result<Date> Parse(std::string_view text);
  // Days since 1970-01-01 (negative before it).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // The UTC+8 (Beijing) calendar date of a millisecond timestamp.
  static Date FromUnixMsBeijing(int64_t unix_ms);
  std::string ToString() const;  // "YYYY-MM-DD"

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

// A reporting period, YYYYMM (e.g. 202610).
struct Period {
  int value = 0;
  // Parses "YYYYMM" (year 1900..2199, month 01..12).
  static Result<Period> Parse(std::string_view text);
  int year() const { return value / 100; }
  int month() const { return value % 100; }
};

}  // namespace keyline
