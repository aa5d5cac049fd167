// LightsRepository over SQL: light_rules, light_judgements, and the labels of projects, units
// and people the lights are shown with.
#include <string>

#include "storage/repos/funds_sql_repositories.h"
#include "storage/repos/lights_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

constexpr const char* kRulesSql =
    "SELECT dimension, enabled, yellow, red, red_items, updated_by, updated_at FROM light_rules "
    "ORDER BY dimension";
constexpr const char* kUpdateRuleSql =
    "UPDATE light_rules SET enabled = $2, yellow = $3, red = $4, red_items = $5, "
    "updated_by = $6, updated_at = $7 WHERE dimension = $1";
constexpr const char* kInsertRuleSql =
    "INSERT INTO light_rules (dimension, enabled, yellow, red, red_items, updated_by, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kInsertJudgementSql =
    "INSERT INTO light_judgements (project_id, period, dimension, colour, computed_colour, "
    "reason, created_by, created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
    "$9) RETURNING id";
#define KL_JUDGEMENT_COLUMNS                                                                \
  "SELECT id, project_id, period, dimension, colour, computed_colour, reason, created_by, " \
  "created_by_name, created_at FROM light_judgements WHERE period BETWEEN $1 AND $2"
constexpr const char* kJudgementsSql = KL_JUDGEMENT_COLUMNS " ORDER BY id";
constexpr const char* kProjectJudgementsSql =
    KL_JUDGEMENT_COLUMNS " AND project_id = $3 ORDER BY id";
constexpr const char* kVisibleHead =
    "SELECT p.id, COALESCE(p.code, ''), p.name, COALESCE(p.responsible_unit_id, 0), "
    "COALESCE(u.name, '') FROM projects p LEFT JOIN units u ON u.id = p.responsible_unit_id "
    "WHERE p.id IN (";
constexpr const char* kUnitsSql = "SELECT id, name, kind FROM units ORDER BY id";
constexpr const char* kPeopleSql = "SELECT id, name FROM people WHERE id IN (";

class SqlLightsRepository final : public LightsRepository {
 public:
  Result<std::vector<LightRuleRow>> Rules(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kRulesSql, {}));
    std::vector<LightRuleRow> out;
    for (size_t r = 0; r < rs.size(); ++r) {
      out.push_back({rs.GetText(r, 0), rs.GetInt(r, 1) != 0, rs.GetInt(r, 2), rs.GetInt(r, 3),
                     rs.GetInt(r, 4), rs.GetInt(r, 5), rs.GetInt(r, 6)});
    }
    return out;
  }

  Status PutRules(Tx& tx, const std::vector<LightRuleRow>& rules) override {
    for (const LightRuleRow& r : rules) {
      std::vector<sql::Value> v = {
          TextValue(r.dimension), BoolValue(r.enabled),   IntValue(r.yellow),    IntValue(r.red),
          IntValue(r.red_items),  IntValue(r.updated_by), IntValue(r.updated_at)};
      KL_ASSIGN_OR_RETURN(int64_t changed, ConnOf(tx).Exec(kUpdateRuleSql, v));
      if (changed == 0) KL_RETURN_IF_ERROR(ConnOf(tx).Exec(kInsertRuleSql, v).status());
    }
    return Status::Ok();
  }

  Result<int64_t> InsertJudgement(Tx& tx, const LightJudgementRow& j) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertJudgementSql,
            {IntValue(j.project_id), IntValue(j.period), TextValue(j.dimension),
             TextValue(j.colour), TextValue(j.computed_colour), TextValue(j.reason),
             IntValue(j.created_by), TextValue(j.created_by_name), IntValue(j.created_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO light_judgements returned no id");
    return rs.GetInt(0, 0);
  }

  Result<std::vector<LightJudgementRow>> Judgements(Tx& tx, int first, int last,
                                                    std::optional<int64_t> project) override {
    std::vector<sql::Value> v = {IntValue(first), IntValue(last)};
    if (project) v.push_back(IntValue(*project));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(project ? kProjectJudgementsSql : kJudgementsSql, v));
    std::vector<LightJudgementRow> out;
    for (size_t r = 0; r < rs.size(); ++r) {
      LightJudgementRow j;
      j.id = rs.GetInt(r, 0);
      j.project_id = rs.GetInt(r, 1);
      j.period = static_cast<int>(rs.GetInt(r, 2));
      j.dimension = rs.TakeText(r, 3);
      j.colour = rs.TakeText(r, 4);
      j.computed_colour = rs.TakeText(r, 5);
      j.reason = rs.TakeText(r, 6);
      j.created_by = rs.GetInt(r, 7);
      j.created_by_name = rs.TakeText(r, 8);
      j.created_at = rs.GetInt(r, 9);
      out.push_back(std::move(j));
    }
    return out;
  }

  Result<std::vector<ProjectLabel>> VisibleProjects(Tx& tx, const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b = InScopedProjects(conn.dialect(), scope, kVisibleHead);
    b.Append(" ORDER BY p.id");
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(b.text(), b.params()));
    std::vector<ProjectLabel> out;
    out.reserve(rs.size());
    for (size_t r = 0; r < rs.size(); ++r) {
      out.push_back({rs.GetInt(r, 0), rs.TakeText(r, 1), rs.TakeText(r, 2), rs.GetInt(r, 3),
                     rs.TakeText(r, 4)});
    }
    return out;
  }

  Result<std::vector<UnitLabel>> Units(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kUnitsSql, {}));
    std::vector<UnitLabel> out;
    for (size_t r = 0; r < rs.size(); ++r) {
      out.push_back({rs.GetInt(r, 0), rs.TakeText(r, 1), rs.TakeText(r, 2)});
    }
    return out;
  }

  Result<std::map<int64_t, std::string>> PeopleNames(Tx& tx,
                                                     const std::vector<int64_t>& ids) override {
    std::map<int64_t, std::string> out;
    for (size_t from = 0; from < ids.size(); from += 500) {
      SqlBuilder b;
      b.Append(kPeopleSql);
      std::vector<sql::Value> v;
      for (size_t i = from; i < ids.size() && i < from + 500; ++i) v.push_back(IntValue(ids[i]));
      b.AppendList(v);
      b.Append(")");
      KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(b.text(), b.params()));
      for (size_t r = 0; r < rs.size(); ++r) out[rs.GetInt(r, 0)] = rs.TakeText(r, 1);
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<LightsRepository> NewSqlLightsRepository() {
  return std::make_unique<SqlLightsRepository>();
}

}  // namespace keyline::storage
