// AuthService: logging in and out, and turning a session token into a user.
//
// - The session token is 256 random bits handed to the browser in an HttpOnly cookie; the
//   database stores only its SHA-256, so a leaked database does not leak live sessions.
// - Each session has its own CSRF token, returned at login and required on every write.
// - kMaxFailedLogins consecutive wrong passwords lock the account for kLockoutMinutes.
// - A session idle for longer than the configured minutes expires.
// - Unknown usernames cost the same argon2id work as known ones (no user enumeration by time)
//   and get the same message as a wrong password.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/account.h"
#include "core/ports/repositories.h"
#include "core/ports/secrets.h"
#include "core/service/audit_log.h"
#include "core/service/session_cache.h"

namespace keyline {

struct LoginResult {
  std::string token;       // goes into the cookie; never stored
  std::string csrf_token;  // goes into X-CSRF-Token on writes
  User user;
};

struct AuthOptions {
  int max_failed_logins = 5;
  int lockout_minutes = 15;
  int session_idle_minutes = 30;
  int session_max_hours = 12;  // absolute lifetime, whatever the activity
};

class AuthService {
 public:
  AuthService(const Repositories& repos, AuditLog& audit, PasswordHasher& hasher,
              TokenSource& tokens, SessionCache& cache, const Clock& clock,
              AuthOptions options = {});

  // kUnauthenticated for a wrong username or password, kLocked while locked out,
  // kForbidden for a disabled account.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& ip, const std::string& user_agent);

  // The session and its user; kUnauthenticated when unknown, expired or the user is disabled.
  Result<AuthenticatedSession> Authenticate(const std::string& token);

  // Ends the session (idempotent).
  Status Logout(const std::string& token);

  // True when the header carries the session's CSRF token (constant-time compare).
  static bool CheckCsrf(const Session& session, std::string_view header_value);

  // The stored id of a token.
  static std::string SessionIdHash(std::string_view token);

 private:
  Status RecordFailure(const User& user, const std::string& ip, int64_t now);

  Repositories repos_;
  AuditLog& audit_;
  PasswordHasher& hasher_;
  TokenSource& tokens_;
  SessionCache& cache_;
  const Clock& clock_;
  AuthOptions options_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against for unknown usernames
};

}  // namespace keyline
