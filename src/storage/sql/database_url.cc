#include "storage/sql/database_url.h"

#include <string_view>

namespace keyline::sql {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";

Status BadUrl(std::string_view why_zh, std::string_view why_en) {
  return Status::InvalidArgument(
      "数据库地址无效：" + std::string(why_zh) + "（应为 sqlite:路径 或 postgresql://…）",
      "invalid database URL: " + std::string(why_en) +
          " (expected sqlite:PATH or postgresql://...)");
}

Status ParseSqliteQuery(std::string_view query, DatabaseUrl* out) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair == "synchronous=full" || pair == "synchronous=FULL") {
      out->sqlite_synchronous_full = true;
    } else if (pair == "synchronous=normal" || pair == "synchronous=NORMAL") {
      out->sqlite_synchronous_full = false;
    } else {
      return BadUrl(
          "不支持的 SQLite 参数 " + std::string(pair),
          "unsupported SQLite option '" + std::string(pair) + "' (only synchronous=normal|full)");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url) {
  std::string_view u = url;
  DatabaseUrl out;
  if (u.starts_with("postgresql://") || u.starts_with("postgres://")) {
    out.dialect = Dialect::kPostgres;
    return out;
  }
  if (!u.starts_with(kSqliteScheme)) {
    return BadUrl("未知的数据库类型", "unknown database scheme");
  }
  std::string_view rest = u.substr(kSqliteScheme.size());
  if (rest.starts_with("//")) rest.remove_prefix(2);
  size_t q = rest.find('?');
  std::string_view path = rest.substr(0, q);
  if (path.empty()) return BadUrl("缺少 SQLite 文件路径", "missing SQLite file path");
  if (path == ":memory:" || path.starts_with("file:")) {
    return BadUrl("SQLite 需要普通文件路径（不支持 :memory:）",
                  "SQLite needs a plain file path (:memory: and file: URIs are not supported)");
  }
  if (q != std::string_view::npos) KL_RETURN_IF_ERROR(ParseSqliteQuery(rest.substr(q + 1), &out));
  out.sqlite_path = std::string(path);
  return out;
}

}  // namespace keyline::sql
