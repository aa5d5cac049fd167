#include "common/money.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

TEST(MoneyTest, ParsesWanExactly) {
  struct Case {
    const char* text;
    int64_t cents;
  } cases[] = {
      {"0", 0},
      {"1", 1'000'000},
      {"430000", 430'000'000'000},
      {"11500.25", 11'500'250'000},
      {"0.000001", 1},
      {"-2.5", -2'500'000},
      {"999999999999.999999", 999'999'999'999'999'999},
  };
  for (const auto& c : cases) {
    auto m = Money::ParseWan(c.text);
    ASSERT_TRUE(m.ok()) << c.text;
    EXPECT_EQ(m->cents, c.cents) << c.text;
  }
}

TEST(MoneyTest, RejectsMalformedAmounts) {
  for (const char* bad : {"", "-", ".", "1.", ".5", "1.0000001", "1e5", "1,000", " 1", "1 ", "abc",
                          "1000000000000", "--1", "+1", "0x10", "１２"}) {
    auto m = Money::ParseWan(bad);
    EXPECT_FALSE(m.ok()) << "accepted: '" << bad << "'";
    if (!m.ok()) {
      EXPECT_EQ(m.status().code(), ErrorCode::kInvalidArgument);
      EXPECT_FALSE(m.status().message_zh().empty());
    }
  }
}

TEST(MoneyTest, FormatsRoundTrip) {
  for (const char* text : {"0", "1", "430000", "11500.25", "0.000001", "-2.5", "63.6"}) {
    auto m = Money::ParseWan(text);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->ToWanString(), text);
  }
  EXPECT_EQ(Money{INT64_MIN}.ToWanString(), "-9223372036854.775808");
}

TEST(MoneyTest, ArithmeticIsExact) {
  Money sum;
  for (int i = 0; i < 10; ++i) sum = sum + *Money::ParseWan("0.1");
  EXPECT_EQ(sum, *Money::ParseWan("1"));
}

}  // namespace
}  // namespace keyline
