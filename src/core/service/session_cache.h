// SessionCache: recently authenticated sessions kept in memory for a few seconds, so a busy
// client does not cost two database reads per request. Anything that ends sessions or
// changes an account (logout, password change, disable, role change) evicts through here,
// so the cache never outlives a revocation on this server. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/model/account.h"

namespace keyline {

struct AuthenticatedSession {
  User user;
  Session session;
  int64_t cached_at_ms = 0;
};

class SessionCache {
 public:
  explicit SessionCache(int64_t ttl_ms = 5000, size_t max_entries = 50000)
      : ttl_ms_(ttl_ms), max_entries_(max_entries) {}

  std::optional<AuthenticatedSession> Get(const std::string& id_hash, int64_t now_ms);
  void Put(const std::string& id_hash, AuthenticatedSession entry);
  void Evict(const std::string& id_hash);
  void EvictUser(int64_t user_id);

 private:
  int64_t ttl_ms_;
  size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<std::string, AuthenticatedSession> entries_;
};

}  // namespace keyline
