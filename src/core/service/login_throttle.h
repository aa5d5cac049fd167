// LoginThrottle: growing delays after wrong passwords, per (account name, client address).
//
// Each (account, address) pair has its own count of consecutive wrong passwords (logins and
// wrong old passwords in a password change alike). The first `free_failures` cost nothing;
// after that the pair must wait base_delay, then twice that after the next failure, and so on
// up to max_delay. Only the pair is held back: the same account from another address, or
// another account from the same address, is not affected, so nobody can lock somebody else
// out. The account name is taken as typed, whether or not such an account exists, so the
// delays say nothing about which usernames exist. A success forgets the pair; an admin unlock
// forgets every address of the account.
//
// State is in memory, per process (see docs/operations.md): several Keyline nodes each keep
// their own. Memory is bounded: pairs with no failure for forget_after are dropped, and
// max_entries caps the table. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"
#include "common/status.h"

namespace keyline {

// kRateLimited (429) telling how many seconds to wait (rounded up), in Chinese and English.
Status ThrottledStatus(int64_t wait_ms);

struct LoginThrottleOptions {
  int free_failures = 5;                       // wrong passwords before the first delay
  int64_t base_delay_ms = 30'000;              // after free_failures; doubles per further one
  int64_t max_delay_ms = 15 * 60'000;          // the delay never grows past this
  int64_t forget_after_ms = 24 * 3'600'000LL;  // a pair idle this long starts afresh
  size_t max_entries = 200'000;                // pairs kept at most
};

class LoginThrottle {
 public:
  explicit LoginThrottle(const Clock& clock, LoginThrottleOptions options = {});

  // 0 when (account, ip) may try a password now; otherwise the milliseconds to wait.
  int64_t WaitMs(const std::string& account, const std::string& ip);
  // One wrong password from ip for account (counted whether or not the account exists).
  // Returns until when (epoch ms) the pair is now held back, 0 when it is not.
  int64_t RecordFailure(const std::string& account, const std::string& ip);
  // A right password: the pair starts afresh.
  void RecordSuccess(const std::string& account, const std::string& ip);
  // Admin unlock: every address of the account starts afresh.
  void Forget(const std::string& account);
  // Consecutive failures remembered for the pair (for tests and diagnostics).
  int Failures(const std::string& account, const std::string& ip);

 private:
  struct Entry {
    int failures = 0;
    int64_t last_failure_ms = 0;
    int64_t blocked_until_ms = 0;
  };
  void EvictLocked(int64_t now_ms);

  const Clock& clock_;
  LoginThrottleOptions options_;
  std::mutex mu_;
  // account -> address -> entry
  std::unordered_map<std::string, std::map<std::string, Entry>> entries_;
  size_t size_ = 0;  // pairs in entries_
  int64_t last_sweep_ms_ = 0;
};

}  // namespace keyline
