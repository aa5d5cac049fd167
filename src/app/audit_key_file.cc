#include "app/audit_key_file.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/hmac_sha256.h"
#include "common/json_writer.h"

namespace keyline {
namespace {

constexpr const char* kHeader =
    "# Keyline audit key (审计密钥): keep secret, mode 0600, back it up apart from the database.\n"
    "# from=<first audit id> key=<hex>; see docs/operations.md, \"Audit chain\".\n";

Status Bad(const std::string& path, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument("审计密钥文件 " + path + " " + zh,
                                 "audit key file " + path + ": " + en);
}

Result<std::string> RandomSecret() {
  std::string secret(32, '\0');
  size_t got = 0;
  while (got < secret.size()) {
    ssize_t n = getrandom(secret.data() + got, secret.size() - got, 0);
    if (n < 0) return Status::Internal("getrandom failed");
    got += static_cast<size_t>(n);
  }
  return secret;
}

std::string KeyLine(int64_t from, const std::string& secret) {
  return "from=" + std::to_string(from) + " key=" + ToHex(secret) + "\n";
}

// Writes text to path atomically (temp file, fsync, rename), mode 0600.
Status WriteFile0600(const std::string& path, const std::string& text, bool exclusive) {
  std::filesystem::path p(path);
  std::error_code ec;
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::Unavailable("无法写入审计密钥文件 " + path,
                               "cannot write the audit key file " + path);
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (ok && exclusive) {
    ok = ::link(tmp.c_str(), path.c_str()) == 0;  // fails when another process created it
    ::unlink(tmp.c_str());
  } else if (ok) {
    ok = ::rename(tmp.c_str(), path.c_str()) == 0;
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return Status::Unavailable("无法写入审计密钥文件 " + path,
                               "cannot write the audit key file " + path);
  }
  return Status::Ok();
}

Result<std::optional<AuditEvent>> Newest(AuditRepository& repo, TxRunner& tx) {
  std::optional<AuditEvent> newest;
  Status st = tx.Read([&](Tx& t) -> Status {
    AuditQuery q;
    q.page.limit = 1;
    KL_ASSIGN_OR_RETURN(PageOf<AuditEvent> page, repo.List(t, q));
    if (!page.items.empty()) newest = page.items.front();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return newest;
}

std::string ChainJson(const char* what, int64_t from, int64_t entries, const std::string& path) {
  JsonWriter w;
  w.BeginObject().Key("event").String(what).Key("keyed_from").Int(from);
  w.Key("entries_before").Int(entries).Key("key_file").String(path).EndObject();
  return w.Take();
}

}  // namespace

std::string DefaultAuditKeyPath(const std::string& db_url) {
  if (db_url.rfind("sqlite:", 0) == 0) {
    return db_url.substr(7, db_url.find('?') == std::string::npos ? std::string::npos
                                                                  : db_url.find('?') - 7) +
           ".audit-key";
  }
  std::string name = "keyline";
  size_t q = db_url.find('?');
  std::string base = db_url.substr(0, q);
  size_t slash = base.rfind('/');
  if (slash != std::string::npos && slash + 1 < base.size() && base.find("://") + 2 != slash) {
    name = base.substr(slash + 1);
  }
  return "./data/" + name + ".audit-key";
}

std::string DefaultAuditWitnessPath(const std::string& db_url) {
  std::string key = DefaultAuditKeyPath(db_url);
  return key.substr(0, key.size() - std::string(".audit-key").size()) + ".audit-witness";
}

Result<AuditKeyRing> ReadAuditKeyFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound("审计密钥文件 " + path + " 不存在",
                            "audit key file " + path + " does not exist");
  }
  if ((st.st_mode & 077) != 0) {
    return Bad(path, "的权限过宽：请执行 chmod 600 " + path,
               "readable by group or others: run chmod 600 " + path);
  }
  std::ifstream in(path);
  if (!in) return Bad(path, "无法读取", "cannot be read");
  AuditKeyRing ring;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string from_field, key_field;
    fields >> from_field >> key_field;
    AuditKey key;
    std::string_view digits = std::string_view(from_field).substr(from_field.rfind('=') + 1);
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), key.from_id);
    bool ok = from_field.rfind("from=", 0) == 0 && r.ec == std::errc() && key.from_id >= 1 &&
              key_field.rfind("key=", 0) == 0 && FromHex(key_field.substr(4), &key.secret) &&
              key.secret.size() >= 16;
    if (!ok || (!ring.keys.empty() && key.from_id <= ring.keys.back().from_id)) {
      return Bad(path, "第 " + std::to_string(n) + " 行格式错误（应为 from=<编号> key=<十六进制>）",
                 "line " + std::to_string(n) +
                     " is malformed (expected from=<id> key=<hex>, ids increasing)");
    }
    ring.keys.push_back(std::move(key));
  }
  if (ring.keys.empty()) return Bad(path, "中没有密钥", "holds no key");
  return ring;
}

Result<bool> LoadOrCreateAuditKey(const std::string& path, AuditLog& log, AuditRepository& repo,
                                  TxRunner& tx) {
  auto ring = ReadAuditKeyFile(path);
  if (ring.ok()) {
    log.SetKeys(std::move(ring).value());
    return false;
  }
  if (ring.status().code() != ErrorCode::kNotFound) return ring.status();
  KL_ASSIGN_OR_RETURN(std::optional<AuditEvent> newest, Newest(repo, tx));
  if (newest && AuditLog::ComputeHash(*newest) != newest->hash) {
    return Status::Conflict(
        "审计密钥文件 " + path + " 不存在，但审计链已用密钥签署：请从备份恢复该文件（或用 " +
            "--audit-key 指明其位置），不要新建密钥",
        "the audit key file " + path +
            " is missing but the audit chain is already keyed: restore the file from a backup "
            "(or point --audit-key at it); a new key would hide what came before");
  }
  int64_t from = newest ? newest->id + 1 : 1;
  KL_ASSIGN_OR_RETURN(std::string secret, RandomSecret());
  KL_RETURN_IF_ERROR(WriteFile0600(path, std::string(kHeader) + KeyLine(from, secret), true));
  AuditKeyRing keys;
  keys.keys.push_back({from, std::move(secret)});
  log.SetKeys(std::move(keys));
  if (newest) {
    int64_t entries = 0;
    KL_RETURN_IF_ERROR(tx.Read([&](Tx& t) -> Status {
      KL_ASSIGN_OR_RETURN(AuditHead head, repo.ReadHead(t));
      entries = head.count;
      return Status::Ok();
    }));
    KL_RETURN_IF_ERROR(tx.Write([&](Tx& t) {
      return log.Record(t, Caller::System(), "key", "audit_chain", std::to_string(from), "",
                        ChainJson("keyed", from, entries, path));
    }));
  }
  return true;
}

Status RotateAuditKey(const std::string& path, AuditLog& log, AuditRepository& repo, TxRunner& tx) {
  KL_ASSIGN_OR_RETURN(AuditKeyRing ring, ReadAuditKeyFile(path));
  std::ifstream in(path);
  std::stringstream old_text;
  old_text << in.rdbuf();
  KL_ASSIGN_OR_RETURN(std::string secret, RandomSecret());
  AuditKeyRing previous = log.keys();
  Status st = tx.Write([&](Tx& t) -> Status {
    KL_ASSIGN_OR_RETURN(auto head, repo.LockHead(t));
    int64_t from = head ? head->first + 1 : 1;
    if (from <= ring.keys.back().from_id) {
      return Status::Conflict("审计密钥刚轮换过，请先写入一条审计记录",
                              "the newest key has no entry yet: nothing to rotate");
    }
    KL_RETURN_IF_ERROR(WriteFile0600(path, old_text.str() + KeyLine(from, secret), false));
    AuditKeyRing next = ring;
    next.keys.push_back({from, secret});
    log.SetKeys(next);
    Status recorded =
        log.Record(t, Caller::System(), "rotate_key", "audit_chain", std::to_string(from), "",
                   ChainJson("rotated", from, head ? head->first : 0, path));
    if (!recorded.ok()) {
      (void)WriteFile0600(path, old_text.str(), false);  // the entry is not there: undo
      log.SetKeys(previous);
    }
    return recorded;
  });
  return st;
}

}  // namespace keyline
