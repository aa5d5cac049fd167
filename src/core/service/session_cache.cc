#include "core/service/session_cache.h"

#include <algorithm>
#include <iterator>

namespace keyline {

std::optional<AuthenticatedSession> SessionCache::Get(const std::string& id_hash, int64_t now_ms) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(id_hash);
  if (it == entries_.end()) return std::nullopt;
  if (now_ms - it->second.cached_at_ms > ttl_ms_ || now_ms < it->second.cached_at_ms) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void SessionCache::Put(const std::string& id_hash, AuthenticatedSession entry) {
  std::lock_guard lock(mu_);
  if (entries_.size() >= max_entries_) entries_.clear();  // crude but bounded
  entries_[id_hash] = std::move(entry);
}

void SessionCache::Evict(const std::string& id_hash) {
  std::lock_guard lock(mu_);
  entries_.erase(id_hash);
  uses_.erase(id_hash);
}

void SessionCache::EvictUser(int64_t user_id) {
  std::lock_guard lock(mu_);
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.user.id == user_id; });
  std::erase_if(uses_, [&](const auto& kv) { return kv.second.user_id == user_id; });
}

int64_t SessionCache::LastUse(const std::string& id_hash) {
  std::lock_guard lock(mu_);
  auto it = uses_.find(id_hash);
  return it == uses_.end() ? 0 : it->second.at_ms;
}

void SessionCache::NoteUse(const std::string& id_hash, int64_t user_id, int64_t now_ms) {
  std::lock_guard lock(mu_);
  // Forgetting uses can only make a session look idle since its stored last_seen_at, which
  // is at most a touch interval older: bounded, and only past max_entries live sessions.
  if (uses_.size() >= max_entries_ && !uses_.contains(id_hash)) uses_.clear();
  Use& use = uses_[id_hash];
  use.at_ms = std::max(use.at_ms, now_ms);
  use.user_id = user_id;
}

}  // namespace keyline
