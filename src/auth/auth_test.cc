#include <gtest/gtest.h>

#include <set>

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
  EXPECT_TRUE(hasher.Verify(*hash, "Correct-Horse-9"));
  EXPECT_FALSE(hasher.Verify(*hash, "correct-horse-9"));
  EXPECT_FALSE(hasher.Verify("", "x"));
  EXPECT_FALSE(hasher.Verify("$argon2id$garbage", "x"));
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
