#include "auth/login_rate_limiter.h"

#include <algorithm>

namespace keyline::auth {

LoginRateLimiter::LoginRateLimiter(const Clock& clock, int burst, int per_minute)
    : clock_(clock), burst_(burst), per_ms_(per_minute / 60000.0) {}

bool LoginRateLimiter::Allow(const std::string& ip) {
  int64_t now = clock_.NowMs();
  std::lock_guard lock(mu_);
  EvictIdle(now);
  auto [it, inserted] = buckets_.try_emplace(ip, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!inserted) {
    b.tokens = std::min(burst_, b.tokens + (now - b.updated_ms) * per_ms_);
    b.updated_ms = now;
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

void LoginRateLimiter::EvictIdle(int64_t now_ms) {
  if (now_ms - last_eviction_ms_ < 60000 && buckets_.size() < 100000) return;
  last_eviction_ms_ = now_ms;
  // A bucket idle long enough to be full again carries no information.
  int64_t full_after_ms = static_cast<int64_t>(burst_ / per_ms_) + 1;
  std::erase_if(buckets_,
                [&](const auto& kv) { return now_ms - kv.second.updated_ms > full_after_ms; });
}

}  // namespace keyline::auth
