#include "common/number_format.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

TEST(NumberFormat, WanHasGroupsTwoDecimalsAndRoundsHalfAwayFromZero) {
  EXPECT_EQ(FormatWan(Money{45'929'704'729}), "45,929.70");  // 45929.704729 万元
  EXPECT_EQ(FormatWan(Money::FromWan(4'567'890)), "4,567,890.00");
  EXPECT_EQ(FormatWan(Money{12'345'678}), "12.35");
  EXPECT_EQ(FormatWan(Money{5'000}), "0.01");  // exactly half a hundredth: away from zero
  EXPECT_EQ(FormatWan(Money{4'999}), "0.00");
  EXPECT_EQ(FormatWan(Money{-5'000}), "-0.01");
  EXPECT_EQ(FormatWan(Money{-4'999}), "0.00");  // no "-0.00"
  EXPECT_EQ(FormatWan(Money{0}), "0.00");
  EXPECT_EQ(FormatWan(Money::FromWan(999)), "999.00");
  EXPECT_EQ(FormatWan(Money::FromWan(1000)), "1,000.00");
}

TEST(NumberFormat, YiDividesByTenThousandWan) {
  EXPECT_EQ(FormatYi(Money::FromWan(45'929)), "4.59");
  EXPECT_EQ(FormatYi(Money::FromWan(45'950)), "4.60");
  EXPECT_EQ(FormatYi(Money::FromWan(123'456'789)), "12,345.68");
  EXPECT_EQ(FormatYi(Money{0}), "0.00");
}

TEST(NumberFormat, PercentOfUsesTheIndicatorsDecimals) {
  EXPECT_EQ(FormatPercentOf(11, 12, 1), "91.7");
  EXPECT_EQ(FormatPercentOf(11, 12, 2), "91.67");
  EXPECT_EQ(FormatPercentOf(1, 8, 1), "12.5");
  EXPECT_EQ(FormatPercentOf(1, 16, 1), "6.3");  // 6.25 → 6.3, half away from zero
  EXPECT_EQ(FormatPercentOf(-1, 16, 1), "-6.3");
  EXPECT_EQ(FormatPercentOf(2, 5, 0), "40");
  EXPECT_EQ(FormatPercentOf(1, 0, 1), "");
  EXPECT_EQ(FormatPercentOf(1, -4, 1), "-25.0");
}

TEST(NumberFormat, NumberRoundsAndGroups) {
  EXPECT_EQ(FormatNumber(87.5, 1), "87.5");
  EXPECT_EQ(FormatNumber(87.55, 0), "88");
  EXPECT_EQ(FormatNumber(-2.25, 1), "-2.3");
  EXPECT_EQ(FormatNumber(1234567.891, 2, true), "1,234,567.89");
  EXPECT_EQ(FormatNumber(1.0 / 0.0, 2), "");
  // Decimal ties binary cannot hold round as the exact text does (engine, web): away from zero.
  EXPECT_EQ(FormatNumber(1.005, 2), "1.01");
  EXPECT_EQ(FormatFraction(29.0 / 2000, 1), "1.5");  // 1.45 %
  EXPECT_EQ(FormatFraction(-29.0 / 2000, 1), "-1.5");
  EXPECT_EQ(FormatNumber(1.0049, 2), "1.00");
}

TEST(NumberFormat, FractionMatchesPercentOf) {
  EXPECT_EQ(FormatFraction(0.9166666, 1), "91.7");
  EXPECT_EQ(FormatFraction(0.048, 1), "4.8");
  EXPECT_EQ(FormatFraction(1.0, 2), "100.00");
  EXPECT_EQ(FormatFraction(-0.0001, 1), "0.0");
  EXPECT_EQ(FormatFraction(0.4, 0), "40");
}

}  // namespace
}  // namespace keyline
