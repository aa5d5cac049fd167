// Accounts, sessions and the audit log entries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/model/role.h"

namespace keyline {

struct User {
  int64_t id = 0;
  std::string username;  // unique, 2..64 chars of [A-Za-z0-9_.-@]
  std::string display_name;
  Role role = Role::kLeader;
  int64_t unit_id = 0;
  std::optional<int64_t> person_id;
  std::string password_hash;  // libsodium argon2id string; never leaves the server
  bool disabled = false;
  int failed_logins = 0;     // consecutive failures since the last success
  int64_t locked_until = 0;  // ms; 0 = not locked
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Session {
  std::string id_hash;  // hex SHA-256 of the opaque token; the token itself is never stored
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  std::string ip;
  std::string user_agent;
};

struct AuditEvent {
  int64_t id = 0;
  int64_t at = 0;
  int64_t user_id = 0;
  std::string username;
  std::string user_name;  // read only: the person's display name, else the login (not hashed)
  std::string role;
  std::string ip;
  std::string request_id;
  std::string action;  // create | update | delete | stage | login | logout | ...
  std::string entity;  // project | unit | person | region | user | assignment | session
  std::string entity_id;
  int64_t project_id = 0;   // the project the entry touches (0 = none), from AuditScopeOf
  int64_t lead_id = 0;      // the lead the entry touches (0 = none)
  std::string before_json;  // "" when there was nothing before
  std::string after_json;   // "" when nothing remains
  std::string prev_hash;    // hash of the previous entry; 64 zeros for the first
  // Keyed rows: hex HMAC-SHA-256 over the canonical form (id included) + prev_hash; rows before
  // the keyed switch-over: plain SHA-256 without id (core/service/audit_log.h).
  std::string hash;
};

// The caller acting through this account, from the address ip (request_id for the log).
inline Caller CallerFor(const User& user, std::string ip, std::string request_id = "") {
  Caller c;
  c.user_id = user.id;
  c.username = user.username;
  c.display_name = user.display_name;
  c.role = user.role;
  c.unit_id = user.unit_id;
  c.person_id = user.person_id;
  c.ip = std::move(ip);
  c.request_id = std::move(request_id);
  return c;
}

}  // namespace keyline
