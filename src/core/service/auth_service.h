// AuthService: logging in and out, and turning a session token into a user.
//
// - The session token is 256 random bits handed to the browser in an HttpOnly cookie; the
//   database stores only its SHA-256, so a leaked database does not leak live sessions.
// - Each session has its own CSRF token, returned at login and required on every write.
// - Wrong passwords hold back the (account, address) pair with growing delays (LoginThrottle):
//   another address, and so the account's owner, is not affected. Every wrong password is
//   audited ("login_failed", also for unknown usernames).
// - A login that cannot get a hashing slot within the hasher's budget is kUnavailable (503,
//   retry) and never counts as a wrong password.
// - A session idle for longer than the configured minutes expires: the idle time counts from
//   its last use (kept exactly in memory, written to the database at most once a minute).
// - Unknown usernames cost the same work as known ones (an argon2id check against a dummy
//   hash, one audited write) and get the same status and message as a wrong password.
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
#include "core/service/login_throttle.h"
#include "core/service/session_cache.h"

namespace keyline {

struct LoginResult {
  std::string token;       // goes into the cookie; never stored
  std::string csrf_token;  // goes into X-CSRF-Token on writes
  User user;
};

struct AuthOptions {
  int session_idle_minutes = 30;
  int session_max_hours = 12;  // absolute lifetime, whatever the activity
};

class AuthService {
 public:
  AuthService(const Repositories& repos, AuditLog& audit, PasswordHasher& hasher,
              TokenSource& tokens, SessionCache& cache, LoginThrottle& throttle, const Clock& clock,
              AuthOptions options = {});

  // kUnauthenticated for a wrong username or password (the same for an unknown username),
  // kRateLimited while (username, ip) is held back after wrong passwords (ThrottledStatus),
  // kUnavailable when the password hasher is busy (nothing counted), kForbidden for a
  // disabled account.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& ip, const std::string& user_agent);

  // The session and its user; kUnauthenticated when unknown, expired or the user is disabled.
  Result<AuthenticatedSession> Authenticate(const std::string& token);

  // Makes the dummy hash that unknown usernames are checked against, so that the first such
  // login costs no more than the others (serve calls it before listening). kUnavailable when
  // the hasher is busy.
  Status WarmUp();

  // Ends the session (idempotent).
  Status Logout(const std::string& token);

  // True when the header carries the session's CSRF token (constant-time compare).
  static bool CheckCsrf(const Session& session, std::string_view header_value);

  // The stored id of a token.
  static std::string SessionIdHash(std::string_view token);

 private:
  // Counts a wrong password for (username, ip) and audits it; user is null for an unknown one.
  Status RecordFailure(const User* user, const std::string& username, const std::string& ip);
  Result<std::string> DummyHash();

  Repositories repos_;
  AuditLog& audit_;
  PasswordHasher& hasher_;
  TokenSource& tokens_;
  SessionCache& cache_;
  LoginThrottle& throttle_;
  const Clock& clock_;
  AuthOptions options_;
  std::mutex dummy_mu_;
  std::string dummy_hash_;  // verified against for unknown usernames
};

}  // namespace keyline
