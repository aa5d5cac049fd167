// Password hashing and random tokens: the cryptography core needs, behind an interface so
// core links no crypto library. Implemented in auth/ with libsodium (argon2id).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace keyline {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // Returns an encoded argon2id hash string. kUnavailable when no hashing slot freed up within
  // the wait budget (too many hashes running).
  virtual Result<std::string> Hash(std::string_view password) = 0;
  // True when password matches the encoded hash, false when it does not (or the hash is
  // malformed). kUnavailable when no hashing slot freed up within the wait budget: that is
  // "busy, retry", never "wrong password". Constant-time in the password.
  virtual Result<bool> Verify(std::string_view encoded_hash, std::string_view password) = 0;
  // True when the hash was made with weaker parameters than the current ones.
  virtual bool NeedsRehash(std::string_view encoded_hash) = 0;
};

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // 256 random bits, base64url without padding (43 chars). Thread-safe.
  virtual std::string NewToken() = 0;
};

}  // namespace keyline
