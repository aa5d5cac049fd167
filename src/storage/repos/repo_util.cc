#include "storage/repos/repo_util.h"

#include <algorithm>
#include <chrono>

#include "common/date.h"

namespace keyline::storage {
namespace {

void AppendEscaped(std::string* out, std::string_view text) {
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
}

}  // namespace

std::string LikeContains(std::string_view text) {
  std::string out = "%";
  AppendEscaped(&out, text);
  out.push_back('%');
  return out;
}

std::string LikePrefix(std::string_view text) {
  std::string out;
  AppendEscaped(&out, text);
  out.push_back('%');
  return out;
}

int64_t ClampLimit(const Page& page) { return std::clamp<int64_t>(page.limit, 1, 500); }
int64_t ClampOffset(const Page& page) { return std::max<int64_t>(page.offset, 0); }

Status NotFoundStatus(std::string_view what_zh, std::string_view what_en) {
  return Status::NotFound(std::string(what_zh) + "不存在", std::string(what_en) + " not found");
}

Status VersionedUpdateOutcome(sql::Conn& conn, int64_t changed, std::string_view exists_sql,
                              const sql::Value& key, std::string_view what_zh,
                              std::string_view what_en) {
  if (changed == 1) return Status::Ok();
  if (changed > 1) return Status::Internal("versioned update changed several rows");
  KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(exists_sql, {key}));
  if (rs.empty()) return NotFoundStatus(what_zh, what_en);
  return Status::Conflict(
      std::string(what_zh) + "已被他人修改，请刷新后重试",
      "the " + std::string(what_en) + " was changed by someone else; reload and retry");
}

std::string TodayBeijing() {
  int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  return Date::FromUnixMsBeijing(ms).ToString();
}

}  // namespace keyline::storage
