#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "auth/login_rate_limiter.h"
#include "auth/random_token_source.h"
#include "auth/sodium_password_hasher.h"
#include "common/clock.h"

namespace keyline::auth {
namespace {

TEST(SodiumPasswordHasher, HashesWithArgon2idAndVerifies) {
  SodiumPasswordHasher hasher(/*fast=*/true);
  auto hash = hasher.Hash("Correct-Horse-9");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(*hasher.Verify(*hash, "Correct-Horse-9"));
  EXPECT_FALSE(*hasher.Verify(*hash, "correct-horse-9"));
  EXPECT_FALSE(*hasher.Verify("", "x"));
  EXPECT_FALSE(*hasher.Verify("$argon2id$garbage", "x"));
  auto again = hasher.Hash("Correct-Horse-9");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*hash, *again) << "salted";
}

TEST(SodiumPasswordHasher, WeakHashNeedsRehashUnderProductionLimits) {
  SodiumPasswordHasher fast(true);
  SodiumPasswordHasher real(false);
  auto weak = fast.Hash("pw");
  ASSERT_TRUE(weak.ok());
  EXPECT_TRUE(real.NeedsRehash(*weak));
  EXPECT_FALSE(fast.NeedsRehash(*weak));
  EXPECT_GE(real.limits().mem_bytes, 64u << 20);
}

// A check that cannot get a hashing slot within the budget is "busy" (kUnavailable), never
// "wrong password": the right password is never reported as a mismatch.
TEST(SodiumPasswordHasher, BusyIsUnavailableNeverAMismatch) {
  SodiumPasswordHasher hasher(/*fast=*/false, /*max_concurrent=*/1, /*wait_budget_ms=*/5);
  auto hash = hasher.Hash("Correct-Horse-9");
  ASSERT_TRUE(hash.ok());
  std::atomic<bool> done{false};
  std::thread hog([&] {
    for (int hashed = 0; hashed < 4;) hashed += hasher.Hash("keeps the only slot busy").ok();
    done = true;
  });
  int busy = 0, matched = 0;
  while (!done) {
    auto v = hasher.Verify(*hash, "Correct-Horse-9");
    if (v.ok()) {
      EXPECT_TRUE(*v) << "the right password reported as wrong";
      ++matched;
    } else {
      EXPECT_EQ(v.status().code(), ErrorCode::kUnavailable);
      EXPECT_EQ(v.status().message_zh(), "系统繁忙，请稍后重试");
      EXPECT_EQ(v.status().message_en(), "The system is busy, please retry shortly");
      ++busy;
    }
  }
  hog.join();
  EXPECT_GT(busy, 0) << "the hog held the slot for four production hashes";
  auto after = hasher.Verify(*hash, "Correct-Horse-9");
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(*after);
}

TEST(RandomTokenSource, TokensAre43UrlSafeCharsAndDistinct) {
  RandomTokenSource source;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string t = source.NewToken();
    ASSERT_EQ(t.size(), 43u);
    for (char c : t) ASSERT_TRUE(isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(LoginRateLimiter, LimitsPerIpAndRefills) {
  ManualClock clock(1'000'000);
  LoginRateLimiter limiter(clock, /*burst=*/3, /*per_minute=*/6);
  EXPECT_TRUE(limiter.Allow("1.1.1.1"));
  EXPECT_TRUE(limiter.Allow("1.1.1.1"));
  EXPECT_TRUE(limiter.Allow("1.1.1.1"));
  EXPECT_FALSE(limiter.Allow("1.1.1.1"));
  EXPECT_TRUE(limiter.Allow("2.2.2.2")) << "another address has its own bucket";
  clock.Advance(10'000);  // 6/min -> one attempt per 10 s
  EXPECT_TRUE(limiter.Allow("1.1.1.1"));
  EXPECT_FALSE(limiter.Allow("1.1.1.1"));
}

}  // namespace
}  // namespace keyline::auth
