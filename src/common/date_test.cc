#include "common/date.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

TEST(DateTest, ParsesRealDays) {
  auto d = Date::Parse("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2024-02-29");
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "20240101",
                          "2024/01/01", "", "2024-01-32", "1899-12-31", "abcd-ef-gh"}) {
    EXPECT_FALSE(Date::Parse(bad).ok()) << bad;
  }
}

TEST(DateTest, DaysRoundTrip) {
  EXPECT_EQ((Date{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((Date{2000, 3, 1}).ToDays(), 11017);
  for (int64_t days = -30000; days < 80000; days += 37) {
    EXPECT_EQ(Date::FromDays(days).ToDays(), days);
  }
}

TEST(DateTest, BeijingDateOfTimestamp) {
  // 2026-11-23T16:00:00Z is midnight in Beijing.
  int64_t ms = (Date{2026, 11, 23}).ToDays() * 86400000LL + 16LL * 3600 * 1000;
  EXPECT_EQ(Date::FromUnixMsBeijing(ms).ToString(), "2026-11-24");
  EXPECT_EQ(Date::FromUnixMsBeijing(ms - 1).ToString(), "2026-11-23");
}

TEST(PeriodTest, ParsesYyyymm) {
  auto p = Period::Parse("202610");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->year(), 2026);
  EXPECT_EQ(p->month(), 10);
  for (const char* bad : {"202613", "202600", "2026-10", "20261", "abcdef", ""}) {
    EXPECT_FALSE(Period::Parse(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace keyline
