// ImportRepository over SQL: table import_sessions (migration 10) and the bulk key reads of
// projects and units an import matches rows on.
#include <unordered_map>

#include "core/ports/import_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

constexpr const char* kInsertSql =
    "INSERT INTO import_sessions (kind, status, creator_id, file_name, sheet, period, sheets, "
    "table_data, mapping, result, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
constexpr const char* kGetSql =
    "SELECT id, kind, status, creator_id, file_name, sheet, period, sheets, table_data, mapping, "
    "result, created_at, expires_at, confirmed_at, value_mappings FROM import_sessions WHERE id = "
    "$1";
constexpr const char* kMappingSql =
    "UPDATE import_sessions SET mapping = $2 WHERE id = $1 AND status = 'dry_run'";
constexpr const char* kValueMappingsSql =
    "UPDATE import_sessions SET value_mappings = $2 WHERE id = $1 AND status = 'dry_run'";
constexpr const char* kDoneSql =
    "UPDATE import_sessions SET status = 'done', result = $2, confirmed_at = $3 "
    "WHERE id = $1 AND status = 'dry_run'";
constexpr const char* kDeleteExpiredSql = "DELETE FROM import_sessions WHERE expires_at < $1";
constexpr const char* kProjectKeysSql =
    "SELECT id, name, code, owner_unit_id, responsible_unit_id FROM projects ORDER BY id";
constexpr const char* kUnitKeysSql = "SELECT id, name, kind FROM units ORDER BY id";
constexpr const char* kUnitCodesSql =
    "SELECT credit_code, id FROM units WHERE credit_code IS NOT NULL AND credit_code <> '' "
    "ORDER BY id";
constexpr const char* kYearPlansSql =
    "SELECT project_id, version, status, planned_investment FROM annual_plans WHERE year = $1 "
    "ORDER BY project_id, version";
constexpr const char* kYearReportsSql =
    "SELECT project_id, period, completed_investment, status, origin, id, progress_text FROM "
    "monthly_reports WHERE period >= $1 AND period <= $2";
constexpr const char* kOpenLeadersSql =
    "SELECT project_id, person_id FROM project_assignments WHERE role = 'lead_leader' AND "
    "person_id IS NOT NULL AND valid_to IS NULL ORDER BY id";

class SqlImportRepository final : public ImportRepository {
 public:
  Result<int64_t> Insert(Tx& tx, ImportSession& s) override {
    // The stored table (tens of MiB for a large sheet) is moved into the parameters and back,
    // not copied.
    std::vector<sql::Value> params;
    params.reserve(12);
    params.push_back(TextValue(s.kind));
    params.push_back(TextValue(s.status));
    params.push_back(IntValue(s.creator_id));
    params.push_back(TextValue(s.file_name));
    params.push_back(IntValue(s.sheet));
    params.push_back(sql::Opt(s.period));
    params.push_back(TextValue(s.sheets));
    params.push_back(sql::Value(std::move(s.table)));
    params.push_back(TextValue(s.mapping));
    params.push_back(TextValue(s.result));
    params.push_back(IntValue(s.created_at));
    params.push_back(IntValue(s.expires_at));
    Result<sql::ResultSet> rs = ConnOf(tx).Query(kInsertSql, params);
    s.table = std::move(std::get<std::string>(params[7]));
    if (!rs.ok()) return rs.status();
    return rs->GetInt(0, 0);
  }

  Result<ImportSession> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("导入记录", "import");
    ImportSession s;
    s.id = rs.GetInt(0, 0);
    s.kind = rs.TakeText(0, 1);
    s.status = rs.TakeText(0, 2);
    s.creator_id = rs.GetInt(0, 3);
    s.file_name = rs.TakeText(0, 4);
    s.sheet = rs.GetInt(0, 5);
    s.period = rs.GetOptInt(0, 6);
    s.sheets = rs.TakeText(0, 7);
    s.table = rs.TakeText(0, 8);
    s.mapping = rs.TakeText(0, 9);
    s.result = rs.TakeText(0, 10);
    s.created_at = rs.GetInt(0, 11);
    s.expires_at = rs.GetInt(0, 12);
    s.confirmed_at = rs.GetOptInt(0, 13);
    s.value_mappings = rs.TakeText(0, 14);
    return s;
  }

  Status UpdateMapping(Tx& tx, int64_t id, const std::string& mapping) override {
    KL_ASSIGN_OR_RETURN(int64_t changed,
                        ConnOf(tx).Exec(kMappingSql, {IntValue(id), TextValue(mapping)}));
    if (changed == 0) {
      return Status::Conflict("导入已确认，不能再修改列对应",
                              "the import is already confirmed; the mapping cannot change");
    }
    return Status::Ok();
  }

  Status UpdateValueMappings(Tx& tx, int64_t id, const std::string& value_mappings) override {
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        ConnOf(tx).Exec(kValueMappingsSql, {IntValue(id), TextValue(value_mappings)}));
    if (changed == 0) {
      return Status::Conflict("导入已确认，不能再修改名称对应",
                              "the import is already confirmed; the value mappings cannot change");
    }
    return Status::Ok();
  }

  Status MarkDone(Tx& tx, int64_t id, const std::string& result, int64_t at) override {
    KL_ASSIGN_OR_RETURN(int64_t changed,
                        ConnOf(tx).Exec(kDoneSql, {IntValue(id), TextValue(result), IntValue(at)}));
    if (changed == 0) {
      return Status::Conflict("该导入已确认过", "the import has already been confirmed");
    }
    return Status::Ok();
  }

  Result<int64_t> DeleteExpired(Tx& tx, int64_t now) override {
    return ConnOf(tx).Exec(kDeleteExpiredSql, {IntValue(now)});
  }

  Result<std::vector<ProjectMatchKey>> ProjectKeys(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kProjectKeysSql, {}));
    std::vector<ProjectMatchKey> out;
    out.reserve(rs.size());
    for (size_t i = 0; i < rs.size(); ++i) {
      out.push_back({rs.GetInt(i, 0), rs.TakeText(i, 1), rs.TakeOptText(i, 2), rs.GetOptInt(i, 3),
                     rs.GetOptInt(i, 4)});
    }
    return out;
  }

  Result<std::vector<UnitNameKey>> UnitKeys(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kUnitKeysSql, {}));
    std::vector<UnitNameKey> out;
    out.reserve(rs.size());
    for (size_t i = 0; i < rs.size(); ++i) {
      auto kind = ParseUnitKind(rs.GetText(i, 2));
      out.push_back({rs.GetInt(i, 0), rs.TakeText(i, 1), kind.value_or(UnitKind::kOther)});
    }
    return out;
  }

  Result<std::vector<std::pair<std::string, int64_t>>> UnitCreditCodes(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kUnitCodesSql, {}));
    std::vector<std::pair<std::string, int64_t>> out;
    for (size_t i = 0; i < rs.size(); ++i) out.emplace_back(rs.TakeText(i, 0), rs.GetInt(i, 1));
    return out;
  }

  Result<std::vector<std::pair<int64_t, StoredFigures>>> YearFigures(Tx& tx, int year,
                                                                     int month) override {
    std::unordered_map<int64_t, StoredFigures> by_project;
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet plans, conn.Query(kYearPlansSql, {IntValue(year)}));
    for (size_t i = 0; i < plans.size(); ++i) {  // the last version wins
      StoredFigures& f = by_project[plans.GetInt(i, 0)];
      f.plan_confirmed = plans.GetText(i, 2) == "confirmed";
      f.planned = Money{plans.GetInt(i, 3)};
    }
    if (month >= 1 && month <= 12) {
      int last = year * 100 + month;
      KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                          conn.Query(kYearReportsSql, {IntValue(year * 100 + 1), IntValue(last)}));
      for (size_t i = 0; i < rs.size(); ++i) {
        StoredFigures& f = by_project[rs.GetInt(i, 0)];
        int64_t period = rs.GetInt(i, 1);
        Money amount{rs.GetInt(i, 2)};
        std::string status = rs.GetText(i, 3);
        bool imported = rs.GetText(i, 4) == "import";
        if (imported && period == last) {
          f.balance_id = rs.GetInt(i, 5);
          f.balance = amount;
          f.balance_progress = rs.TakeText(i, 6);
          continue;
        }
        if (!imported && period == last) f.company_report_at_month = true;
        if (status == "submitted" || status == "approved") f.reported.cents += amount.cents;
      }
    }
    KL_ASSIGN_OR_RETURN(sql::ResultSet leaders, conn.Query(kOpenLeadersSql, {}));
    for (size_t i = 0; i < leaders.size(); ++i) {
      by_project[leaders.GetInt(i, 0)].leader_id = leaders.GetInt(i, 1);
    }
    std::vector<std::pair<int64_t, StoredFigures>> out;
    out.reserve(by_project.size());
    for (auto& [id, f] : by_project) out.emplace_back(id, std::move(f));
    return out;
  }
};

}  // namespace

std::unique_ptr<ImportRepository> NewSqlImportRepository() {
  return std::make_unique<SqlImportRepository>();
}

}  // namespace keyline::storage
