#include "core/service/login_throttle.h"

#include <algorithm>

namespace keyline {

LoginThrottle::LoginThrottle(const Clock& clock, LoginThrottleOptions options)
    : clock_(clock), options_(options) {}

int64_t LoginThrottle::WaitMs(const std::string& account, const std::string& ip) {
  int64_t now = clock_.NowMs();
  std::lock_guard lock(mu_);
  auto a = entries_.find(account);
  if (a == entries_.end()) return 0;
  auto e = a->second.find(ip);
  if (e == a->second.end()) return 0;
  return std::max<int64_t>(0, e->second.blocked_until_ms - now);
}

int64_t LoginThrottle::RecordFailure(const std::string& account, const std::string& ip) {
  int64_t now = clock_.NowMs();
  std::lock_guard lock(mu_);
  EvictLocked(now);
  auto [it, inserted] = entries_[account].try_emplace(ip);
  if (inserted) ++size_;
  Entry& e = it->second;
  if (!inserted && now - e.last_failure_ms > options_.forget_after_ms) e = Entry{};
  ++e.failures;
  e.last_failure_ms = now;
  int over = e.failures - options_.free_failures;  // 0 after the last free failure
  if (over >= 0) {
    int64_t delay = options_.base_delay_ms;
    for (int i = 0; i < over && delay < options_.max_delay_ms; ++i) delay *= 2;
    e.blocked_until_ms = now + std::min(delay, options_.max_delay_ms);
  }
  return e.blocked_until_ms > now ? e.blocked_until_ms : 0;
}

Status ThrottledStatus(int64_t wait_ms) {
  std::string seconds = std::to_string((wait_ms + 999) / 1000);
  return Status(ErrorCode::kRateLimited, "密码错误次数过多，请" + seconds + "秒后再试",
                "too many wrong passwords from this address; retry in " + seconds + " s");
}

void LoginThrottle::RecordSuccess(const std::string& account, const std::string& ip) {
  std::lock_guard lock(mu_);
  auto a = entries_.find(account);
  if (a == entries_.end()) return;
  size_ -= a->second.erase(ip);
  if (a->second.empty()) entries_.erase(a);
}

void LoginThrottle::Forget(const std::string& account) {
  std::lock_guard lock(mu_);
  auto a = entries_.find(account);
  if (a == entries_.end()) return;
  size_ -= a->second.size();
  entries_.erase(a);
}

int LoginThrottle::Failures(const std::string& account, const std::string& ip) {
  std::lock_guard lock(mu_);
  auto a = entries_.find(account);
  if (a == entries_.end()) return 0;
  auto e = a->second.find(ip);
  return e == a->second.end() ? 0 : e->second.failures;
}

void LoginThrottle::EvictLocked(int64_t now_ms) {
  bool full = size_ >= options_.max_entries;
  if (!full && now_ms - last_sweep_ms_ < 60'000) return;
  last_sweep_ms_ = now_ms;
  // First the pairs that have been quiet long enough to start afresh anyway; when still full,
  // the pairs not holding anybody back right now (they lose at most their free attempts).
  for (int pass = 0; pass < 2; ++pass) {
    for (auto a = entries_.begin(); a != entries_.end();) {
      std::erase_if(a->second, [&](const auto& kv) {
        const Entry& e = kv.second;
        bool drop = pass == 0 ? now_ms - e.last_failure_ms > options_.forget_after_ms
                              : e.blocked_until_ms <= now_ms;
        if (drop) --size_;
        return drop;
      });
      a = a->second.empty() ? entries_.erase(a) : std::next(a);
    }
    if (size_ < options_.max_entries) return;
  }
  // Every remaining pair is holding somebody back right now: keep them (the per-address rate
  // limiter in front of the login bounds how fast new pairs can appear).
}

}  // namespace keyline
