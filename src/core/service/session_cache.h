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

  // The last use of a session this process has seen (epoch ms; 0 when none). Unlike the cached
  // entries these do not expire with the TTL: they carry the uses between two writes of the
  // session's last_seen_at, so idle expiry counts from the real last use.
  int64_t LastUse(const std::string& id_hash);
  void NoteUse(const std::string& id_hash, int64_t user_id, int64_t now_ms);

 private:
  struct Use {
    int64_t at_ms = 0;
    int64_t user_id = 0;
  };
  int64_t ttl_ms_;
  size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<std::string, AuthenticatedSession> entries_;
  std::unordered_map<std::string, Use> uses_;
};

}  // namespace keyline
