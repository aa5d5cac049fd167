#include "core/service/login_throttle.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

constexpr int64_t kSecond = 1000;

class LoginThrottleTest : public ::testing::Test {
 protected:
  ManualClock clock_{1'000'000'000};
  LoginThrottle throttle_{clock_};  // defaults: 5 free, 30 s doubling, 15 min cap

  void Fail(const std::string& account, const std::string& ip, int times) {
    for (int i = 0; i < times; ++i) throttle_.RecordFailure(account, ip);
  }
};

TEST_F(LoginThrottleTest, FiveFreeFailuresThenGrowingDelaysUpToTheCap) {
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(throttle_.RecordFailure("admin", "10.0.0.1"), 0) << "failure " << i + 1;
    EXPECT_EQ(throttle_.WaitMs("admin", "10.0.0.1"), 0);
  }
  int64_t expected = 30 * kSecond;
  for (int failure = 5; failure <= 12; ++failure) {
    int64_t until = throttle_.RecordFailure("admin", "10.0.0.1");
    int64_t want = std::min<int64_t>(expected, 15 * 60 * kSecond);
    EXPECT_EQ(until, clock_.NowMs() + want) << "failure " << failure;
    EXPECT_EQ(throttle_.WaitMs("admin", "10.0.0.1"), want);
    clock_.Advance(want - 1);
    EXPECT_EQ(throttle_.WaitMs("admin", "10.0.0.1"), 1) << "held back to the millisecond";
    clock_.Advance(1);
    EXPECT_EQ(throttle_.WaitMs("admin", "10.0.0.1"), 0);
    expected *= 2;
  }
  EXPECT_EQ(throttle_.Failures("admin", "10.0.0.1"), 12);
}

TEST_F(LoginThrottleTest, OnlyThePairIsHeldBack) {
  Fail("admin", "10.0.0.66", 20);
  EXPECT_GT(throttle_.WaitMs("admin", "10.0.0.66"), 0);
  EXPECT_EQ(throttle_.WaitMs("admin", "10.0.0.1"), 0) << "the owner's address is not locked out";
  EXPECT_EQ(throttle_.WaitMs("fgw", "10.0.0.66"), 0) << "nor another account from that address";
  EXPECT_EQ(throttle_.WaitMs("no-such-user", "10.0.0.66"), 0);
}

TEST_F(LoginThrottleTest, UnknownAccountsAreHeldBackExactlyLikeKnownOnes) {
  Fail("admin", "10.0.0.9", 6);
  Fail("nobody-at-all", "10.0.0.9", 6);
  EXPECT_EQ(throttle_.WaitMs("admin", "10.0.0.9"), throttle_.WaitMs("nobody-at-all", "10.0.0.9"));
}

TEST_F(LoginThrottleTest, SuccessAndUnlockStartAfresh) {
  Fail("edu", "10.0.0.1", 7);
  Fail("edu", "10.0.0.2", 7);
  throttle_.RecordSuccess("edu", "10.0.0.1");
  EXPECT_EQ(throttle_.Failures("edu", "10.0.0.1"), 0);
  EXPECT_GT(throttle_.WaitMs("edu", "10.0.0.2"), 0) << "a success forgets its own address only";
  throttle_.Forget("edu");
  EXPECT_EQ(throttle_.WaitMs("edu", "10.0.0.2"), 0) << "an admin unlock forgets every address";
  EXPECT_EQ(throttle_.Failures("edu", "10.0.0.2"), 0);
}

TEST_F(LoginThrottleTest, AQuietPairIsForgotten) {
  Fail("edu", "10.0.0.1", 4);
  clock_.Advance(24 * 3600 * kSecond + 1);
  EXPECT_EQ(throttle_.RecordFailure("edu", "10.0.0.1"), 0) << "counting starts again";
  EXPECT_EQ(throttle_.Failures("edu", "10.0.0.1"), 1);
}

TEST_F(LoginThrottleTest, TheTableStaysBounded) {
  LoginThrottleOptions options;
  options.max_entries = 100;
  LoginThrottle small(clock_, options);
  for (int i = 0; i < 1000; ++i) small.RecordFailure("u" + std::to_string(i), "10.0.0.1");
  // Pairs holding nobody back are dropped when the table is full.
  int remembered = 0;
  for (int i = 0; i < 1000; ++i) remembered += small.Failures("u" + std::to_string(i), "10.0.0.1");
  EXPECT_LE(remembered, 101);
}

TEST(ThrottledStatus, SaysHowLongToWaitInBothLanguages) {
  Status st = ThrottledStatus(29'001);
  EXPECT_EQ(st.code(), ErrorCode::kRateLimited);
  EXPECT_NE(st.message_zh().find("30秒"), std::string::npos) << st.message_zh();
  EXPECT_NE(st.message_en().find("30 s"), std::string::npos) << st.message_en();
}

}  // namespace
}  // namespace keyline
