#include "core/service/user_service.h"

#include <algorithm>

#include "core/model/json.h"
#include "core/service/capabilities.h"

namespace keyline {
namespace {

Status AdminOnly() {
  return Status::Forbidden("只有管理员可以管理账号", "only an admin may manage accounts");
}

Status StaleVersion() {
  return Status::Conflict("账号已被他人修改，请刷新后重试",
                          "the account was changed by someone else; reload and retry");
}

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ValidUsername(const std::string& name) {
  if (name.size() < 2 || name.size() > 64) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

Status FieldProblem(const char* field, std::string zh, std::string en) {
  std::vector<FieldError> details{{field, zh, en}};
  return Status::InvalidArgument(std::move(zh), std::move(en), std::move(details));
}

}  // namespace

Status CheckPasswordPolicy(const std::string& username, const std::string& password) {
  size_t length = Utf8Length(password);
  if (length < 8 || password.size() > 128) {
    return FieldProblem("password", "密码长度应为8至128个字符", "the password needs 8..128 chars");
  }
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      other = true;
    }
  }
  if (lower + upper + digit + other < 3) {
    return FieldProblem("password", "密码须包含大写字母、小写字母、数字、符号中的至少三类",
                        "the password needs three of: lower case, upper case, digits, symbols");
  }
  if (!username.empty() && password.find(username) != std::string::npos) {
    return FieldProblem("password", "密码不能包含用户名",
                        "the password must not contain the username");
  }
  return Status::Ok();
}

Status UserService::ValidateUser(Tx& tx, const User& user) {
  if (!ValidUsername(user.username)) {
    return FieldProblem("username", "用户名应为2至64位字母、数字或 _ . - @",
                        "username: 2..64 of letters, digits, _ . - @");
  }
  if (user.display_name.find_first_not_of(' ') == std::string::npos ||
      Utf8Length(user.display_name) > 100) {
    return FieldProblem("display_name", "姓名不能为空且不超过100字",
                        "display name is required (max 100)");
  }
  auto unit = repos_.units->Get(tx, user.unit_id);
  if (!unit.ok()) return FieldProblem("unit_id", "所属单位不存在", "unknown unit");
  if (user.person_id) {
    auto person = repos_.people->Get(tx, *user.person_id);
    if (!person.ok()) return FieldProblem("person_id", "关联人员不存在", "unknown person");
  }
  return Status::Ok();
}

Result<std::vector<User>> UserService::List(const Caller& caller) {
  if (!MayManageUsers(caller.role)) return AdminOnly();
  std::vector<User> out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.users->List(tx));
    return Status::Ok();
  }));
  for (User& u : out) u.password_hash.clear();
  return out;
}

Result<User> UserService::Get(const Caller& caller, int64_t id) {
  if (!MayManageUsers(caller.role) && caller.user_id != id) return AdminOnly();
  User out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.users->Get(tx, id));
    return Status::Ok();
  }));
  out.password_hash.clear();
  return out;
}

Result<User> UserService::GetByUsername(const Caller& caller, const std::string& username) {
  if (!MayManageUsers(caller.role) && caller.username != username) return AdminOnly();
  User out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.users->GetByUsername(tx, username));
    return Status::Ok();
  }));
  out.password_hash.clear();
  return out;
}

Result<User> UserService::Create(const Caller& caller, const NewUser& input) {
  if (!MayManageUsers(caller.role)) return AdminOnly();
  KL_ASSIGN_OR_RETURN(std::string hash, HashNewPassword(input));
  User user;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(user, CreateInTx(tx, caller, input, hash));
    return Status::Ok();
  }));
  return user;
}

Result<std::string> UserService::HashNewPassword(const NewUser& input) {
  KL_RETURN_IF_ERROR(CheckPasswordPolicy(input.username, input.password));
  return hasher_.Hash(input.password);
}

Result<User> UserService::CreateInTx(Tx& tx, const Caller& caller, const NewUser& input,
                                     const std::string& password_hash) {
  if (!MayManageUsers(caller.role)) return AdminOnly();
  User user;
  user.username = input.username;
  user.display_name = input.display_name;
  user.role = input.role;
  user.unit_id = input.unit_id;
  user.person_id = input.person_id;
  user.created_at = user.updated_at = clock_.NowMs();
  user.version = 1;
  user.password_hash = password_hash;
  KL_RETURN_IF_ERROR(ValidateUser(tx, user));
  auto existing = repos_.users->GetByUsername(tx, user.username);
  if (existing.ok()) {
    return Status::Conflict("用户名已存在：" + user.username,
                            "username already exists: " + user.username);
  }
  KL_ASSIGN_OR_RETURN(user.id, repos_.users->Insert(tx, user));
  KL_RETURN_IF_ERROR(
      audit_.Record(tx, caller, "create", "user", std::to_string(user.id), "", ToJson(user)));
  user.password_hash.clear();
  return user;
}

Result<User> UserService::Update(const Caller& caller, int64_t id, int64_t expected_version,
                                 const UserChange& change) {
  if (!MayManageUsers(caller.role)) return AdminOnly();
  if (id == caller.user_id &&
      ((change.disabled && *change.disabled) || (change.role && *change.role != Role::kAdmin))) {
    return Status::InvalidArgument("不能停用自己的账号或取消自己的管理员角色",
                                   "you cannot disable yourself or drop your own admin role");
  }
  User after;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(User before, repos_.users->Get(tx, id));
    if (before.version != expected_version) return StaleVersion();
    after = before;
    if (change.display_name) after.display_name = *change.display_name;
    if (change.role) after.role = *change.role;
    if (change.unit_id) after.unit_id = *change.unit_id;
    if (change.person_id) after.person_id = *change.person_id;
    if (change.disabled) after.disabled = *change.disabled;
    after.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(ValidateUser(tx, after));
    KL_RETURN_IF_ERROR(repos_.users->Update(tx, after, expected_version));
    after.version = expected_version + 1;
    // A changed role, unit or status takes effect now: end the user's sessions.
    if (after.role != before.role || after.unit_id != before.unit_id ||
        after.person_id != before.person_id || after.disabled) {
      KL_RETURN_IF_ERROR(repos_.sessions->DeleteForUser(tx, id));
    }
    return audit_.Record(tx, caller, "update", "user", std::to_string(id), ToJson(before),
                         ToJson(after));
  }));
  // Evict cached sessions even when they live on: the cached account data changed.
  if (on_sessions_ended_) on_sessions_ended_(id);
  after.password_hash.clear();
  return after;
}

Status UserService::SetPassword(const Caller& caller, int64_t id, const std::string& new_password) {
  if (!MayManageUsers(caller.role)) return AdminOnly();
  std::string username;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(User u, repos_.users->Get(tx, id));
    username = u.username;
    return Status::Ok();
  }));
  KL_RETURN_IF_ERROR(CheckPasswordPolicy(username, new_password));
  KL_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(new_password));
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(User u, repos_.users->Get(tx, id));
    u.password_hash = hash;
    u.failed_logins = 0;
    u.locked_until = 0;
    u.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.users->Update(tx, u, u.version));
    KL_RETURN_IF_ERROR(repos_.sessions->DeleteForUser(tx, id));
    return audit_.Record(tx, caller, "set_password", "user", std::to_string(id), "", "");
  }));
  if (on_sessions_ended_) on_sessions_ended_(id);
  return Status::Ok();
}

Status UserService::Unlock(const Caller& caller, int64_t id) {
  if (!MayManageUsers(caller.role)) return AdminOnly();
  std::string username;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(User u, repos_.users->Get(tx, id));
    username = u.username;
    KL_RETURN_IF_ERROR(repos_.users->RecordLoginResult(tx, id, 0, 0));
    return audit_.Record(tx, caller, "unlock", "user", std::to_string(id), "", "");
  }));
  if (throttle_) throttle_->Forget(username);
  return Status::Ok();
}

Status UserService::ChangeOwnPassword(const Caller& caller, const std::string& old_password,
                                      const std::string& new_password) {
  if (throttle_) {
    if (int64_t wait = throttle_->WaitMs(caller.username, caller.ip); wait > 0) {
      return ThrottledStatus(wait);
    }
  }
  User me;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(me, repos_.users->Get(tx, caller.user_id));
    return Status::Ok();
  }));
  KL_ASSIGN_OR_RETURN(bool old_matches, hasher_.Verify(me.password_hash, old_password));
  if (!old_matches) {
    int64_t blocked_until = throttle_ ? throttle_->RecordFailure(caller.username, caller.ip) : 0;
    KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
      KL_ASSIGN_OR_RETURN(User u, repos_.users->Get(tx, caller.user_id));
      KL_RETURN_IF_ERROR(repos_.users->RecordLoginResult(tx, u.id, u.failed_logins + 1,
                                                         std::max(u.locked_until, blocked_until)));
      return audit_.Record(tx, caller, "change_password_failed", "user",
                           std::to_string(caller.user_id), "", "");
    }));
    return FieldProblem("old_password", "原密码不正确", "the old password is wrong");
  }
  if (throttle_) throttle_->RecordSuccess(caller.username, caller.ip);
  if (old_password == new_password) {
    return FieldProblem("new_password", "新密码不能与原密码相同",
                        "the new password must differ from the old one");
  }
  KL_RETURN_IF_ERROR(CheckPasswordPolicy(me.username, new_password));
  KL_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(new_password));
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(User u, repos_.users->Get(tx, caller.user_id));
    u.password_hash = hash;
    u.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.users->Update(tx, u, u.version));
    KL_RETURN_IF_ERROR(repos_.sessions->DeleteForUser(tx, caller.user_id));
    return audit_.Record(tx, caller, "change_password", "user", std::to_string(caller.user_id), "",
                         "");
  }));
  if (on_sessions_ended_) on_sessions_ended_(caller.user_id);
  return Status::Ok();
}

}  // namespace keyline
