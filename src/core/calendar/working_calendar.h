// The official working-day calendar of the PRC: weekends off, public holidays off, and the
// 调休 weekend days that are worked. Deadlines (13710 problem limits, report due days, procedure
// time limits) count working days on it.
//
// The calendar is data (reference/holidays-cn.csv, from the 国务院办公厅 yearly notices), never
// code: ParseCsv reads it, and an office can load a newer file without a rebuild. Years the file
// does not mention count Monday to Friday only; covers(year) tells which years are known.
//
// Thread-safety: immutable after construction; safe to share between threads.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/date.h"
#include "common/result.h"

namespace keyline {

class WorkingCalendar {
 public:
  // An empty calendar: Monday to Friday, no holidays.
  WorkingCalendar() = default;

  // Parses "date,kind,name" lines (kind = holiday | workday); '#' lines and blank lines are
  // skipped. kInvalidArgument naming the line for a malformed line or date, an unknown kind or
  // a date listed twice. A holiday on a weekend is allowed (it only gives the day its name).
  static Result<WorkingCalendar> ParseCsv(std::string_view csv);

  bool IsWorkingDay(const Date& date) const;
  // The holiday or 调休 name of the date ("国庆节", "国庆节调休"), or "" for an ordinary day.
  std::string DayName(const Date& date) const;
  // True when the file lists at least one entry for the year.
  bool covers(int year) const { return years_.count(year) > 0; }

  // The n-th working day after `from` (from itself is not counted), n >= 1. For n <= 0: `from`
  // when it is a working day, else the next working day.
  Date AddWorkingDays(const Date& from, int n) const;
  // The n-th working day of the month (n >= 1); past the month's end it keeps counting into
  // the next month.
  Date NthWorkingDayOfMonth(int year, int month, int n) const;
  // Working days in (from, to]; negative when to < from.
  int WorkingDaysBetween(const Date& from, const Date& to) const;

 private:
  struct Entry {
    bool working = false;
    std::string name;
  };
  std::unordered_map<int64_t, Entry> overrides_;  // day number -> entry
  std::set<int> years_;
};

}  // namespace keyline
