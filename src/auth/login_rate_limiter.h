// LoginRateLimiter: a token bucket per client IP in front of POST /session, so a single
// address cannot spray passwords across many accounts (the growing delays per account and
// address, core/service/login_throttle.h, stop guessing one account). Thread-safe; memory is
// bounded by evicting idle buckets.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"

namespace keyline::auth {

class LoginRateLimiter {
 public:
  // burst attempts at once, refilled at per_minute attempts per minute.
  LoginRateLimiter(const Clock& clock, int burst = 20, int per_minute = 20);

  // True when this IP may attempt a login now (and consumes one attempt).
  bool Allow(const std::string& ip);

 private:
  struct Bucket {
    double tokens = 0;
    int64_t updated_ms = 0;
  };
  void EvictIdle(int64_t now_ms);

  const Clock& clock_;
  double burst_;
  double per_ms_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  int64_t last_eviction_ms_ = 0;
};

}  // namespace keyline::auth
