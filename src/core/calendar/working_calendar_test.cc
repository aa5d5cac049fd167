#include "core/calendar/working_calendar.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace keyline {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

// The shipped calendar file, read from the source tree.
const WorkingCalendar& Official() {
  static const WorkingCalendar cal = [] {
    std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/reference/holidays-cn.csv");
    std::stringstream ss;
    ss << in.rdbuf();
    Result<WorkingCalendar> parsed = WorkingCalendar::ParseCsv(ss.str());
    EXPECT_TRUE(parsed.ok()) << parsed.status().message_en();
    return parsed.ok() ? *parsed : WorkingCalendar();
  }();
  return cal;
}

TEST(WorkingCalendarTest, WeekendsAndHolidaysAreOffAndTiaoxiuWeekendsAreWorked) {
  const WorkingCalendar& cal = Official();
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-09-30")));   // Wednesday
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-10-01")));  // 国庆节
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-10-07")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-10-10")));   // Saturday, 国庆节调休
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-09-20")));   // Sunday, 国庆节调休
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-10-11")));  // ordinary Sunday
  EXPECT_EQ(cal.DayName(D("2026-10-03")), "国庆节");
  EXPECT_EQ(cal.DayName(D("2026-10-10")), "国庆节调休");
  EXPECT_EQ(cal.DayName(D("2026-10-12")), "");
  EXPECT_TRUE(cal.covers(2024));
  EXPECT_TRUE(cal.covers(2026));
  EXPECT_FALSE(cal.covers(2027));
}

// 13710 deadlines for a problem raised on the eve of the 国庆 week.
TEST(WorkingCalendarTest, ThirteenSevenTenAcrossNationalDay) {
  const WorkingCalendar& cal = Official();
  Date raised = D("2026-09-30");
  EXPECT_EQ(cal.AddWorkingDays(raised, 1), D("2026-10-08"));  // deploy
  EXPECT_EQ(cal.AddWorkingDays(raised, 3), D("2026-10-10"));  // feed back: the 调休 Saturday
  EXPECT_EQ(cal.AddWorkingDays(raised, 7), D("2026-10-15"));  // settle
  EXPECT_EQ(cal.WorkingDaysBetween(raised, D("2026-10-15")), 7);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2026-10-15"), raised), -7);
  EXPECT_EQ(cal.WorkingDaysBetween(raised, raised), 0);
}

TEST(WorkingCalendarTest, SpringFestival) {
  const WorkingCalendar& cal = Official();
  EXPECT_EQ(cal.AddWorkingDays(D("2026-02-13"), 1), D("2026-02-14"));  // 调休 Saturday
  EXPECT_EQ(cal.AddWorkingDays(D("2026-02-14"), 1), D("2026-02-24"));
  EXPECT_EQ(cal.AddWorkingDays(D("2026-02-15"), 0), D("2026-02-24"));
  EXPECT_EQ(cal.AddWorkingDays(D("2026-02-24"), 0), D("2026-02-24"));
}

TEST(WorkingCalendarTest, NthWorkingDayOfMonthForReportDueDates) {
  const WorkingCalendar& cal = Official();
  EXPECT_EQ(cal.NthWorkingDayOfMonth(2026, 10, 1), D("2026-10-08"));
  EXPECT_EQ(cal.NthWorkingDayOfMonth(2026, 10, 3), D("2026-10-10"));
  EXPECT_EQ(cal.NthWorkingDayOfMonth(2026, 10, 5), D("2026-10-13"));
  EXPECT_EQ(cal.NthWorkingDayOfMonth(2026, 3, 5), D("2026-03-06"));
  EXPECT_EQ(cal.NthWorkingDayOfMonth(2026, 2, 5), D("2026-02-06"));
  // Past the end of the month it keeps counting.
  EXPECT_EQ(cal.NthWorkingDayOfMonth(2026, 11, 22), D("2026-12-01"));
}

TEST(WorkingCalendarTest, UnknownYearsCountMondayToFriday) {
  WorkingCalendar empty;
  EXPECT_FALSE(empty.IsWorkingDay(D("2027-10-02")));  // Saturday
  EXPECT_TRUE(empty.IsWorkingDay(D("2027-10-01")));   // Friday (no notice loaded)
  EXPECT_EQ(empty.AddWorkingDays(D("2027-10-01"), 1), D("2027-10-04"));
}

TEST(WorkingCalendarTest, RejectsMalformedFilesNamingTheLine) {
  struct Case {
    const char* csv;
    const char* expect_en;
  };
  const Case cases[] = {
      {"2026-10-01,holiday,国庆节\n2026-13-01,holiday,x\n", "line 2: invalid date"},
      {"# c\n2026-10-01,rest,国庆节\n", "line 2: kind must be holiday or workday"},
      {"2026-10-01\n", "line 1: expected date,kind,name"},
      {"2026-10-01,holiday,a\n2026-10-01,workday,b\n", "line 2: date listed twice"},
  };
  for (const Case& c : cases) {
    Result<WorkingCalendar> r = WorkingCalendar::ParseCsv(c.csv);
    ASSERT_FALSE(r.ok()) << c.csv;
    EXPECT_NE(r.status().message_en().find(c.expect_en), std::string::npos)
        << r.status().message_en();
    EXPECT_NE(r.status().message_zh().find("工作日历第"), std::string::npos);
  }
  Result<WorkingCalendar> ok = WorkingCalendar::ParseCsv("\n# only comments\r\n\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(ok->covers(2026));
}

}  // namespace
}  // namespace keyline
