#include "auth/sodium_password_hasher.h"

#include <sodium.h>

#include <chrono>
#include <stdexcept>

namespace keyline::auth {
namespace {

void InitSodiumOnce() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

Status Busy() {
  return Status::Unavailable("系统繁忙，请稍后重试", "The system is busy, please retry shortly");
}

}  // namespace

SodiumPasswordHasher::SodiumPasswordHasher(bool fast, int max_concurrent, int wait_budget_ms)
    : max_concurrent_(max_concurrent < 1 ? 1 : max_concurrent),
      wait_budget_ms_(wait_budget_ms < 0 ? 0 : wait_budget_ms) {
  InitSodiumOnce();
  if (fast) {
    limits_ = {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  } else {
    limits_ = {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
  }
}

bool SodiumPasswordHasher::Acquire() {
  std::unique_lock lock(mu_);
  if (!cv_.wait_for(lock, std::chrono::milliseconds(wait_budget_ms_),
                    [&] { return running_ < max_concurrent_; })) {
    return false;
  }
  ++running_;
  return true;
}

void SodiumPasswordHasher::Release() {
  {
    std::lock_guard lock(mu_);
    --running_;
  }
  cv_.notify_one();
}

Result<std::string> SodiumPasswordHasher::Hash(std::string_view password) {
  if (!Acquire()) return Busy();
  char out[crypto_pwhash_STRBYTES];
  int rc = crypto_pwhash_str_alg(out, password.data(), password.size(), limits_.ops,
                                 limits_.mem_bytes, crypto_pwhash_ALG_ARGON2ID13);
  Release();
  if (rc != 0) return Status::Internal("argon2id hashing failed (out of memory?)");
  return std::string(out);
}

Result<bool> SodiumPasswordHasher::Verify(std::string_view encoded_hash,
                                          std::string_view password) {
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string hash(encoded_hash);  // NUL-terminated copy
  if (!Acquire()) return Busy();
  int rc = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size());
  Release();
  return rc == 0;
}

bool SodiumPasswordHasher::NeedsRehash(std::string_view encoded_hash) {
  std::string hash(encoded_hash);
  return crypto_pwhash_str_needs_rehash(hash.c_str(), limits_.ops, limits_.mem_bytes) != 0;
}

}  // namespace keyline::auth
