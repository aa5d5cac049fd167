#include "core/service/auth_service.h"

#include <algorithm>

#include "common/json_writer.h"
#include "common/sha256.h"

namespace keyline {
namespace {

constexpr int64_t kMinuteMs = 60'000;
// last_seen_at is written at most this often per session; the exact last use is kept in the
// session cache in between.
constexpr int64_t kTouchIntervalMs = kMinuteMs;

Status WrongCredentials() {
  return Status::Unauthenticated("用户名或密码错误", "wrong username or password");
}

Status SessionExpired() {
  return Status::Unauthenticated("登录已过期，请重新登录", "session expired; log in again");
}

}  // namespace

AuthService::AuthService(const Repositories& repos, AuditLog& audit, PasswordHasher& hasher,
                         TokenSource& tokens, SessionCache& cache, LoginThrottle& throttle,
                         const Clock& clock, AuthOptions options)
    : repos_(repos),
      audit_(audit),
      hasher_(hasher),
      tokens_(tokens),
      cache_(cache),
      throttle_(throttle),
      clock_(clock),
      options_(options) {}

std::string AuthService::SessionIdHash(std::string_view token) { return Sha256Hex(token); }

bool AuthService::CheckCsrf(const Session& session, std::string_view header_value) {
  const std::string& expected = session.csrf_token;
  if (expected.empty() || header_value.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    diff |= static_cast<unsigned char>(expected[i] ^ header_value[i]);
  }
  return diff == 0;
}

Status AuthService::RecordFailure(const User* user, const std::string& username,
                                  const std::string& ip) {
  int64_t blocked_until = throttle_.RecordFailure(username, ip);
  // One audited write for known and unknown usernames alike: the same work, the same time.
  return repos_.tx->Write([&](Tx& tx) -> Status {
    // An unknown username is recorded by the system (no account, no role to name), with the
    // name that was tried.
    Caller who = Caller::System("login");
    who.ip = ip;
    std::string id, tried;
    if (user == nullptr) {
      JsonWriter w;
      w.BeginObject().Key("username").String(username).EndObject();
      tried = w.Take();
    } else {
      // Re-read inside the transaction so concurrent failures count exactly. The columns are
      // for the admin's list (failures since the last success, held back until): the
      // throttle, not they, decides.
      KL_ASSIGN_OR_RETURN(User fresh, repos_.users->Get(tx, user->id));
      KL_RETURN_IF_ERROR(repos_.users->RecordLoginResult(
          tx, user->id, fresh.failed_logins + 1, std::max(fresh.locked_until, blocked_until)));
      who = CallerFor(fresh, ip);
      id = std::to_string(user->id);
    }
    return audit_.Record(tx, who, "login_failed", "user", id, "", tried);
  });
}

Result<std::string> AuthService::DummyHash() {
  std::lock_guard lock(dummy_mu_);
  if (dummy_hash_.empty()) {
    KL_ASSIGN_OR_RETURN(dummy_hash_, hasher_.Hash(tokens_.NewToken()));
  }
  return dummy_hash_;
}

Status AuthService::WarmUp() { return DummyHash().status(); }

Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                       const std::string& ip, const std::string& user_agent) {
  // Held back before any lookup: the answer cannot depend on whether the account exists.
  if (int64_t wait = throttle_.WaitMs(username, ip); wait > 0) return ThrottledStatus(wait);
  int64_t now = clock_.NowMs();
  User user;
  bool found = false;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    auto u = repos_.users->GetByUsername(tx, username);
    if (u.ok()) {
      user = std::move(*u);
      found = true;
      return Status::Ok();
    }
    return u.status().code() == ErrorCode::kNotFound ? Status::Ok() : u.status();
  }));
  // Unknown usernames are checked against a dummy hash: the same argon2id work (and the same
  // kUnavailable when the hasher is busy) as a real account.
  std::string dummy;
  if (!found) {
    KL_ASSIGN_OR_RETURN(dummy, DummyHash());
  }
  KL_ASSIGN_OR_RETURN(bool match, hasher_.Verify(found ? user.password_hash : dummy, password));
  if (!found || !match) {
    KL_RETURN_IF_ERROR(RecordFailure(found ? &user : nullptr, username, ip));
    return WrongCredentials();
  }
  if (user.disabled) {
    return Status::Forbidden("账号已停用，请联系管理员", "this account is disabled");
  }

  throttle_.RecordSuccess(username, ip);
  LoginResult result;
  result.token = tokens_.NewToken();
  result.csrf_token = tokens_.NewToken();
  std::optional<std::string> rehash;
  if (hasher_.NeedsRehash(user.password_hash)) {
    auto h = hasher_.Hash(password);
    if (h.ok()) rehash = *h;
  }
  Session session;
  session.id_hash = SessionIdHash(result.token);
  session.user_id = user.id;
  session.csrf_token = result.csrf_token;
  session.created_at = now;
  session.last_seen_at = now;
  session.ip = ip;
  session.user_agent = user_agent;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(repos_.users->RecordLoginResult(tx, user.id, 0, 0));
    if (rehash) {
      KL_ASSIGN_OR_RETURN(User fresh, repos_.users->Get(tx, user.id));
      fresh.password_hash = *rehash;
      fresh.updated_at = now;
      KL_RETURN_IF_ERROR(repos_.users->Update(tx, fresh, fresh.version));
    }
    KL_RETURN_IF_ERROR(repos_.sessions->Insert(tx, session));
    // Sweep sessions nobody has used for the idle period; cheap with the index. A stored
    // last_seen_at may lag the last use by up to the touch interval: leave that margin.
    KL_RETURN_IF_ERROR(repos_.sessions
                           ->DeleteIdleBefore(tx, now - options_.session_idle_minutes * kMinuteMs -
                                                      kTouchIntervalMs)
                           .status());
    return audit_.Record(tx, CallerFor(user, ip), "login", "session", std::to_string(user.id), "",
                         "");
  }));
  user.failed_logins = 0;
  user.locked_until = 0;
  result.user = std::move(user);
  return result;
}

Result<AuthenticatedSession> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return SessionExpired();
  int64_t now = clock_.NowMs();
  std::string id_hash = SessionIdHash(token);
  // Idle time counts from the last use: the stored last_seen_at or, when later, the last use
  // this process saw (stored at most once per kTouchIntervalMs). Checked before this request
  // counts as a use, so a session is neither expired early nor kept alive late.
  auto Expired = [&](const Session& s) {
    int64_t last_use = std::max(s.last_seen_at, cache_.LastUse(id_hash));
    return now - last_use > options_.session_idle_minutes * kMinuteMs ||
           now - s.created_at > options_.session_max_hours * 60 * kMinuteMs;
  };
  if (auto cached = cache_.Get(id_hash, now); cached && !Expired(cached->session)) {
    if (now - cached->session.last_seen_at < kTouchIntervalMs) {
      cache_.NoteUse(id_hash, cached->user.id, now);
      return *cached;
    }
  }
  AuthenticatedSession found;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    auto s = repos_.sessions->Get(tx, id_hash);
    if (!s.ok()) return s.status().code() == ErrorCode::kNotFound ? SessionExpired() : s.status();
    found.session = std::move(*s);
    auto u = repos_.users->Get(tx, found.session.user_id);
    if (!u.ok()) return u.status().code() == ErrorCode::kNotFound ? SessionExpired() : u.status();
    found.user = std::move(*u);
    return Status::Ok();
  });
  if (!st.ok()) {
    cache_.Evict(id_hash);
    return st;
  }
  if (Expired(found.session) || found.user.disabled) {
    cache_.Evict(id_hash);
    (void)repos_.tx->Write([&](Tx& tx) { return repos_.sessions->Delete(tx, id_hash); });
    return found.user.disabled ? Status::Unauthenticated("账号已停用", "this account is disabled")
                               : SessionExpired();
  }
  if (now - found.session.last_seen_at >= kTouchIntervalMs) {
    KL_RETURN_IF_ERROR(
        repos_.tx->Write([&](Tx& tx) { return repos_.sessions->Touch(tx, id_hash, now); }));
    found.session.last_seen_at = now;
  }
  cache_.NoteUse(id_hash, found.user.id, now);
  found.user.password_hash.clear();
  found.cached_at_ms = now;
  cache_.Put(id_hash, found);
  return found;
}

Status AuthService::Logout(const std::string& token) {
  if (token.empty()) return Status::Ok();
  std::string id_hash = SessionIdHash(token);
  cache_.Evict(id_hash);
  return repos_.tx->Write([&](Tx& tx) -> Status {
    auto s = repos_.sessions->Get(tx, id_hash);
    if (!s.ok()) return s.status().code() == ErrorCode::kNotFound ? Status::Ok() : s.status();
    KL_RETURN_IF_ERROR(repos_.sessions->Delete(tx, id_hash));
    User who;
    who.id = s->user_id;
    auto u = repos_.users->Get(tx, s->user_id);
    if (u.ok()) who = *u;
    return audit_.Record(tx, CallerFor(who, s->ip), "logout", "session", std::to_string(s->user_id),
                         "", "");
  });
}

}  // namespace keyline
