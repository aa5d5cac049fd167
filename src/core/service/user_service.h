// UserService: accounts. Admins create, change, disable and unlock accounts; every user may
// change their own password. Passwords follow a policy (8..128 chars, at least three of
// lower case, upper case, digits and symbols, not the username) and are stored as argon2id.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"
#include "core/ports/secrets.h"
#include "core/service/audit_log.h"
#include "core/service/login_throttle.h"

namespace keyline {

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kLeader;
  int64_t unit_id = 0;
  std::optional<int64_t> person_id;
  std::string password;
};

// Fields an admin may change; nullopt leaves the field as it is.
struct UserChange {
  std::optional<std::string> display_name;
  std::optional<Role> role;
  std::optional<int64_t> unit_id;
  std::optional<std::optional<int64_t>> person_id;
  std::optional<bool> disabled;
};

// kInvalidArgument with a field error when the password breaks the policy.
Status CheckPasswordPolicy(const std::string& username, const std::string& password);

class UserService {
 public:
  UserService(const Repositories& repos, AuditLog& audit, PasswordHasher& hasher,
              const Clock& clock)
      : repos_(repos), audit_(audit), hasher_(hasher), clock_(clock) {}

  Result<std::vector<User>> List(const Caller& caller);
  Result<User> Get(const Caller& caller, int64_t id);
  Result<User> GetByUsername(const Caller& caller, const std::string& username);
  Result<User> Create(const Caller& caller, const NewUser& user);
  // Create in two steps, for a caller that runs its own transaction (keyline setup): the
  // password policy and the (slow) hash outside it, then the row and its audit entry inside.
  Result<std::string> HashNewPassword(const NewUser& user);
  Result<User> CreateInTx(Tx& tx, const Caller& caller, const NewUser& user,
                          const std::string& password_hash);
  Result<User> Update(const Caller& caller, int64_t id, int64_t expected_version,
                      const UserChange& change);
  // Admin reset: sets a new password, clears the lockout and ends the user's sessions.
  Status SetPassword(const Caller& caller, int64_t id, const std::string& new_password);
  // Clears failed logins and the lockout: the account's delays at every address (throttle).
  Status Unlock(const Caller& caller, int64_t id);
  // The caller's own password; the old one must match. Ends all of the caller's sessions.
  // A wrong old password counts in the login throttle for (username, caller.ip) and is audited
  // ("change_password_failed"); while held back: kRateLimited (ThrottledStatus) without
  // checking. kUnavailable when the hasher is busy (nothing counted).
  Status ChangeOwnPassword(const Caller& caller, const std::string& old_password,
                           const std::string& new_password);

  // Called with a user id after that user's sessions were ended (evicts cached sessions).
  void OnSessionsEnded(std::function<void(int64_t)> fn) { on_sessions_ended_ = std::move(fn); }
  // The login throttle shared with AuthService (not owned); without one nothing is held back.
  void UseLoginThrottle(LoginThrottle* throttle) { throttle_ = throttle; }

 private:
  Status ValidateUser(Tx& tx, const User& user);

  Repositories repos_;
  AuditLog& audit_;
  PasswordHasher& hasher_;
  const Clock& clock_;
  std::function<void(int64_t)> on_sessions_ended_;
  LoginThrottle* throttle_ = nullptr;
};

}  // namespace keyline
