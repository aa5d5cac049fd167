// RankingRepository over SQL: ranking_schemes with their groups and components (one row per
// position), and ranking_exemptions. A group's unit ids and kinds are stored comma-separated.
#include <string>

#include "storage/repos/lights_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

constexpr const char* kListSql =
    "SELECT code, name_zh, name_en, period_kind, red_top_n, red_require_target, "
    "red_target_percent, black_bottom_n, black_missed_target, black_target_percent, updated_by, "
    "updated_at, visible_to_all FROM ranking_schemes ORDER BY code";
constexpr const char* kGetSql =
    "SELECT code, name_zh, name_en, period_kind, red_top_n, red_require_target, "
    "red_target_percent, black_bottom_n, black_missed_target, black_target_percent, updated_by, "
    "updated_at, visible_to_all FROM ranking_schemes WHERE code = $1";
constexpr const char* kGroupsSql =
    "SELECT code, name_zh, unit_ids, unit_kinds FROM ranking_scheme_groups WHERE scheme_code = "
    "$1 ORDER BY position";
constexpr const char* kComponentsSql =
    "SELECT indicator, weight, name_zh FROM ranking_scheme_components WHERE scheme_code = $1 "
    "ORDER BY position";
constexpr const char* kInsertSql =
    "INSERT INTO ranking_schemes (code, name_zh, name_en, period_kind, red_top_n, "
    "red_require_target, red_target_percent, black_bottom_n, black_missed_target, "
    "black_target_percent, updated_by, updated_at, visible_to_all) VALUES ($1, $2, $3, $4, $5, "
    "$6, $7, $8, $9, $10, $11, $12, $13)";
constexpr const char* kUpdateSql =
    "UPDATE ranking_schemes SET name_zh = $2, name_en = $3, period_kind = $4, red_top_n = $5, "
    "red_require_target = $6, red_target_percent = $7, black_bottom_n = $8, "
    "black_missed_target = $9, black_target_percent = $10, updated_by = $11, updated_at = $12, "
    "visible_to_all = $13 WHERE code = $1";
constexpr const char* kDeleteGroupsSql = "DELETE FROM ranking_scheme_groups WHERE scheme_code = $1";
constexpr const char* kDeleteComponentsSql =
    "DELETE FROM ranking_scheme_components WHERE scheme_code = $1";
constexpr const char* kDeleteSql = "DELETE FROM ranking_schemes WHERE code = $1";
constexpr const char* kInsertGroupSql =
    "INSERT INTO ranking_scheme_groups (scheme_code, position, code, name_zh, unit_ids, "
    "unit_kinds) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kInsertComponentSql =
    "INSERT INTO ranking_scheme_components (scheme_code, position, indicator, weight, name_zh) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kInsertExemptionSql =
    "INSERT INTO ranking_exemptions (scheme_code, period, unit_id, reason, created_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr const char* kExemptionsSql =
    "SELECT id, scheme_code, period, unit_id, reason, created_by, created_at FROM "
    "ranking_exemptions WHERE scheme_code = $1 AND period = $2 ORDER BY unit_id";

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

template <typename T>
std::string Join(const std::vector<T>& items) {
  std::string out;
  for (const T& x : items) {
    if (!out.empty()) out += ",";
    if constexpr (std::is_same_v<T, std::string>) {
      out += x;
    } else {
      out += std::to_string(x);
    }
  }
  return out;
}

Result<RankingScheme> ReadScheme(sql::Conn& conn, sql::ResultSet& rs, size_t r) {
  RankingScheme s;
  s.code = rs.TakeText(r, 0);
  s.name_zh = rs.TakeText(r, 1);
  s.name_en = rs.TakeText(r, 2);
  s.period_kind =
      rs.GetText(r, 3) == "month" ? RankingPeriodKind::kMonth : RankingPeriodKind::kQuarter;
  s.red_top_n = rs.GetInt(r, 4);
  s.red_require_target = rs.GetInt(r, 5) != 0;
  s.red_target_percent = rs.GetInt(r, 6);
  s.black_bottom_n = rs.GetInt(r, 7);
  s.black_missed_target = rs.GetInt(r, 8) != 0;
  s.black_target_percent = rs.GetInt(r, 9);
  s.updated_by = rs.GetInt(r, 10);
  s.updated_at = rs.GetInt(r, 11);
  s.visible_to_all = rs.GetInt(r, 12) != 0;
  KL_ASSIGN_OR_RETURN(sql::ResultSet g, conn.Query(kGroupsSql, {TextValue(s.code)}));
  for (size_t i = 0; i < g.size(); ++i) {
    RankingGroup group;
    group.code = g.TakeText(i, 0);
    group.name_zh = g.TakeText(i, 1);
    for (const std::string& id : Split(g.GetText(i, 2))) {
      group.unit_ids.push_back(std::stoll(id));
    }
    group.unit_kinds = Split(g.GetText(i, 3));
    s.groups.push_back(std::move(group));
  }
  KL_ASSIGN_OR_RETURN(sql::ResultSet c, conn.Query(kComponentsSql, {TextValue(s.code)}));
  for (size_t i = 0; i < c.size(); ++i) {
    s.components.push_back({c.TakeText(i, 0), c.GetInt(i, 1), c.TakeText(i, 2)});
  }
  return s;
}

std::vector<sql::Value> SchemeValues(const RankingScheme& s) {
  return {TextValue(s.code),
          TextValue(s.name_zh),
          TextValue(s.name_en),
          TextValue(s.period_kind == RankingPeriodKind::kMonth ? "month" : "quarter"),
          IntValue(s.red_top_n),
          BoolValue(s.red_require_target),
          IntValue(s.red_target_percent),
          IntValue(s.black_bottom_n),
          BoolValue(s.black_missed_target),
          IntValue(s.black_target_percent),
          IntValue(s.updated_by),
          IntValue(s.updated_at),
          BoolValue(s.visible_to_all)};
}

Status WriteParts(sql::Conn& conn, const RankingScheme& s) {
  for (size_t i = 0; i < s.groups.size(); ++i) {
    const RankingGroup& g = s.groups[i];
    KL_RETURN_IF_ERROR(
        conn.Exec(kInsertGroupSql, {TextValue(s.code), IntValue(static_cast<int64_t>(i)),
                                    TextValue(g.code), TextValue(g.name_zh),
                                    TextValue(Join(g.unit_ids)), TextValue(Join(g.unit_kinds))})
            .status());
  }
  for (size_t i = 0; i < s.components.size(); ++i) {
    const RankingComponent& c = s.components[i];
    KL_RETURN_IF_ERROR(conn.Exec(kInsertComponentSql,
                                 {TextValue(s.code), IntValue(static_cast<int64_t>(i)),
                                  TextValue(c.indicator), IntValue(c.weight), TextValue(c.name_zh)})
                           .status());
  }
  return Status::Ok();
}

Status DeleteParts(sql::Conn& conn, const std::string& code) {
  KL_RETURN_IF_ERROR(conn.Exec(kDeleteGroupsSql, {TextValue(code)}).status());
  return conn.Exec(kDeleteComponentsSql, {TextValue(code)}).status();
}

Status SchemeNotFound() { return NotFoundStatus("排名方案", "ranking scheme"); }

class SqlRankingRepository final : public RankingRepository {
 public:
  Result<std::vector<RankingScheme>> List(Tx& tx) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kListSql, {}));
    std::vector<RankingScheme> out;
    for (size_t r = 0; r < rs.size(); ++r) {
      KL_ASSIGN_OR_RETURN(RankingScheme s, ReadScheme(conn, rs, r));
      out.push_back(std::move(s));
    }
    return out;
  }

  Result<RankingScheme> Get(Tx& tx, const std::string& code) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kGetSql, {TextValue(code)}));
    if (rs.empty()) return SchemeNotFound();
    return ReadScheme(conn, rs, 0);
  }

  Status Insert(Tx& tx, const RankingScheme& s) override {
    sql::Conn& conn = ConnOf(tx);
    KL_RETURN_IF_ERROR(conn.Exec(kInsertSql, SchemeValues(s)).status());
    return WriteParts(conn, s);
  }

  Status Update(Tx& tx, const RankingScheme& s) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, SchemeValues(s)));
    if (changed == 0) return SchemeNotFound();
    KL_RETURN_IF_ERROR(DeleteParts(conn, s.code));
    return WriteParts(conn, s);
  }

  Status Delete(Tx& tx, const std::string& code) override {
    sql::Conn& conn = ConnOf(tx);
    KL_RETURN_IF_ERROR(DeleteParts(conn, code));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kDeleteSql, {TextValue(code)}));
    if (changed == 0) return SchemeNotFound();
    return Status::Ok();
  }

  Result<int64_t> InsertExemption(Tx& tx, const RankingExemption& e) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kInsertExemptionSql,
                         {TextValue(e.scheme), TextValue(e.period), IntValue(e.unit_id),
                          TextValue(e.reason), IntValue(e.created_by), IntValue(e.created_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO ranking_exemptions returned no id");
    return rs.GetInt(0, 0);
  }

  Result<std::vector<RankingExemption>> Exemptions(Tx& tx, const std::string& scheme,
                                                   const std::string& period) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kExemptionsSql, {TextValue(scheme), TextValue(period)}));
    std::vector<RankingExemption> out;
    for (size_t r = 0; r < rs.size(); ++r) {
      out.push_back({rs.GetInt(r, 0), rs.TakeText(r, 1), rs.TakeText(r, 2), rs.GetInt(r, 3),
                     rs.TakeText(r, 4), rs.GetInt(r, 5), rs.GetInt(r, 6)});
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<RankingRepository> NewSqlRankingRepository() {
  return std::make_unique<SqlRankingRepository>();
}

}  // namespace keyline::storage
