#include "app/audit_witness_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace keyline {
namespace {

bool IntField(std::string_view token, std::string_view name, int64_t* out) {
  if (token.substr(0, name.size()) != name || token.size() <= name.size() ||
      token[name.size()] != '=') {
    return false;
  }
  std::string_view digits = token.substr(name.size() + 1);
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
  return r.ec == std::errc() && r.ptr == digits.data() + digits.size() && *out >= 0;
}

}  // namespace

std::string FormatWitnessMark(const AuditWitnessMark& m) {
  return "at=" + std::to_string(m.at_ms) + " count=" + std::to_string(m.head.count) +
         " last_id=" + std::to_string(m.head.last_id) + " hash=" + m.head.hash;
}

bool ParseWitnessMark(const std::string& line, AuditWitnessMark* m) {
  std::istringstream in(line);
  std::string at, count, last_id, hash;
  if (!(in >> at >> count >> last_id)) return false;
  in >> hash;  // absent for an empty log
  if (!IntField(at, "at", &m->at_ms) || !IntField(count, "count", &m->head.count) ||
      !IntField(last_id, "last_id", &m->head.last_id)) {
    return false;
  }
  if (hash.rfind("hash=", 0) != 0 && !(hash.empty() && m->head.last_id == 0)) return false;
  m->head.hash = hash.empty() ? "" : hash.substr(5);
  return m->head.last_id == 0 || m->head.hash.size() == 64;
}

Result<std::vector<AuditWitnessMark>> FileAuditWitness::ReadMarks() {
  std::vector<AuditWitnessMark> marks;
  std::ifstream in(path_);
  if (!in) {
    if (!std::filesystem::exists(path_)) return marks;
    return Status::Unavailable("无法读取审计见证文件 " + path_,
                               "cannot read the audit witness file " + path_);
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    AuditWitnessMark m;
    if (!ParseWitnessMark(line, &m)) {
      return Status::InvalidArgument(
          "审计见证文件 " + path_ + " 第 " + std::to_string(n) + " 行格式错误",
          "audit witness file " + path_ + ": line " + std::to_string(n) + " is malformed");
    }
    marks.push_back(std::move(m));
  }
  return marks;
}

Status FileAuditWitness::Append(const AuditWitnessMark& mark) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!last_) {
    auto marks = ReadMarks();
    if (marks.ok() && !marks->empty()) last_ = marks->back().head;
  }
  if (last_ && *last_ == mark.head) return Status::Ok();
  std::filesystem::path p(path_);
  std::error_code ec;
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::Unavailable("无法写入审计见证文件 " + path_,
                               "cannot write the audit witness file " + path_);
  }
  std::string line = FormatWitnessMark(mark) + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ok = ok && ::fdatasync(fd) == 0;
  ::close(fd);
  if (!ok) {
    return Status::Unavailable("无法写入审计见证文件 " + path_,
                               "cannot write the audit witness file " + path_);
  }
  last_ = mark.head;
  return Status::Ok();
}

}  // namespace keyline
