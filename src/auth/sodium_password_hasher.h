// PasswordHasher with libsodium's argon2id (crypto_pwhash_str_alg, ARGON2ID13).
//
// Hashing is deliberately expensive (64 MiB, 2 passes at the interactive limits), so at most
// `max_concurrent` hashes run at once; a caller waits up to `wait_budget_ms` for a slot and
// then gets kUnavailable ("busy, retry"), rather than letting a login flood exhaust memory.
// A timed-out wait is never reported as a mismatch.
#pragma once

#include <condition_variable>
#include <mutex>

#include "core/ports/secrets.h"

namespace keyline::auth {

struct HashLimits {
  unsigned long long ops = 0;
  size_t mem_bytes = 0;
};

class SodiumPasswordHasher final : public PasswordHasher {
 public:
  // fast=true uses libsodium's minimum limits: for tests only.
  explicit SodiumPasswordHasher(bool fast = false, int max_concurrent = 2,
                                int wait_budget_ms = 1000);

  Result<std::string> Hash(std::string_view password) override;
  Result<bool> Verify(std::string_view encoded_hash, std::string_view password) override;
  bool NeedsRehash(std::string_view encoded_hash) override;

  HashLimits limits() const { return limits_; }

 private:
  bool Acquire();
  void Release();

  HashLimits limits_;
  int max_concurrent_;
  int wait_budget_ms_;
  int running_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace keyline::auth
