#include "core/calendar/working_calendar.h"

namespace keyline {
namespace {

// 1970-01-01 was a Thursday; returns 0 = Monday ... 6 = Sunday.
int Weekday(int64_t days) {
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

Status LineError(int line, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument("工作日历第 " + std::to_string(line) + " 行：" + zh,
                                 "working calendar line " + std::to_string(line) + ": " + en);
}

}  // namespace

Result<WorkingCalendar> WorkingCalendar::ParseCsv(std::string_view csv) {
  WorkingCalendar cal;
  int line_no = 0;
  while (!csv.empty()) {
    size_t nl = csv.find('\n');
    std::string_view line = Trim(csv.substr(0, nl));
    csv = nl == std::string_view::npos ? std::string_view() : csv.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    size_t c1 = line.find(',');
    size_t c2 = c1 == std::string_view::npos ? c1 : line.find(',', c1 + 1);
    if (c2 == std::string_view::npos) {
      return LineError(line_no, "应为“日期,类型,名称”", "expected date,kind,name");
    }
    std::string_view date_text = Trim(line.substr(0, c1));
    std::string_view kind = Trim(line.substr(c1 + 1, c2 - c1 - 1));
    std::string_view name = Trim(line.substr(c2 + 1));
    Result<Date> date = Date::Parse(date_text);
    if (!date.ok()) {
      return LineError(line_no, "日期无效：" + std::string(date_text),
                       "invalid date: " + std::string(date_text));
    }
    Entry entry;
    if (kind == "holiday") {
      entry.working = false;
    } else if (kind == "workday") {
      entry.working = true;
    } else {
      return LineError(line_no, "类型应为 holiday 或 workday",
                       "kind must be holiday or workday, got " + std::string(kind));
    }
    entry.name = std::string(name);
    int64_t day = date->ToDays();
    if (!cal.overrides_.emplace(day, std::move(entry)).second) {
      return LineError(line_no, "日期重复：" + std::string(date_text),
                       "date listed twice: " + std::string(date_text));
    }
    cal.years_.insert(date->year);
  }
  return cal;
}

bool WorkingCalendar::IsWorkingDay(const Date& date) const {
  int64_t day = date.ToDays();
  auto it = overrides_.find(day);
  if (it != overrides_.end()) return it->second.working;
  return Weekday(day) < 5;
}

std::string WorkingCalendar::DayName(const Date& date) const {
  auto it = overrides_.find(date.ToDays());
  return it == overrides_.end() ? std::string() : it->second.name;
}

Date WorkingCalendar::AddWorkingDays(const Date& from, int n) const {
  int64_t day = from.ToDays();
  if (n <= 0) {
    while (!IsWorkingDay(Date::FromDays(day))) ++day;
    return Date::FromDays(day);
  }
  while (n > 0) {
    ++day;
    if (IsWorkingDay(Date::FromDays(day))) --n;
  }
  return Date::FromDays(day);
}

Date WorkingCalendar::NthWorkingDayOfMonth(int year, int month, int n) const {
  Date first{year, month, 1};
  if (n <= 1) return AddWorkingDays(first, 0);
  return AddWorkingDays(AddWorkingDays(first, 0), n - 1);
}

int WorkingCalendar::WorkingDaysBetween(const Date& from, const Date& to) const {
  int64_t a = from.ToDays();
  int64_t b = to.ToDays();
  int sign = 1;
  if (b < a) {
    std::swap(a, b);
    sign = -1;
  }
  int count = 0;
  for (int64_t d = a + 1; d <= b; ++d) {
    if (IsWorkingDay(Date::FromDays(d))) ++count;
  }
  return sign * count;
}

}  // namespace keyline
