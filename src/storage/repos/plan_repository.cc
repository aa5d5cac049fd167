// PlanRepository and ReportingSettingsRepository over SQL: annual_plans, reporting_settings,
// report_windows.
#include <string>

#include "storage/repos/repo_util.h"
#include "storage/repos/reporting_sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_PLAN_COLUMNS                                                               \
  "project_id, year, version, status, planned_investment, planned_start, "            \
  "planned_completion, goals, split, monthly, completed_before, reason, created_by, " \
  "created_by_name, created_at, confirmed_by, confirmed_at, updated_at"

constexpr const char* kVersionsSql = "SELECT " KL_PLAN_COLUMNS
                                     " FROM annual_plans WHERE project_id = $1 AND year = $2 "
                                     "ORDER BY version";
constexpr const char* kCurrentSql = "SELECT " KL_PLAN_COLUMNS
                                    " FROM annual_plans WHERE project_id = $1 AND year = $2 "
                                    "ORDER BY version DESC LIMIT 1";
constexpr const char* kBaselineSql =
    "SELECT " KL_PLAN_COLUMNS
    " FROM annual_plans WHERE project_id = $1 AND year = $2 AND status = 'confirmed' "
    "ORDER BY version DESC LIMIT 1";
constexpr const char* kCurrentByYearSql =
    "SELECT " KL_PLAN_COLUMNS
    " FROM annual_plans a WHERE project_id = $1 AND version = (SELECT MAX(version) FROM "
    "annual_plans b WHERE b.project_id = a.project_id AND b.year = a.year) ORDER BY year";
constexpr const char* kInsertSql =
    "INSERT INTO annual_plans (" KL_PLAN_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";
constexpr const char* kUpdateSql =
    "UPDATE annual_plans SET status = $4, planned_investment = $5, planned_start = $6, "
    "planned_completion = $7, goals = $8, split = $9, monthly = $10, completed_before = $11, "
    "reason = $12, created_by = $13, created_by_name = $14, created_at = $15, "
    "confirmed_by = $16, confirmed_at = $17, updated_at = $18 "
    "WHERE project_id = $1 AND year = $2 AND version = $3";

constexpr const char* kGetSettingSql = "SELECT value FROM reporting_settings WHERE key = $1";
constexpr const char* kPutSettingSql =
    "INSERT INTO reporting_settings (key, value, updated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
constexpr const char* kListWindowsSql =
    "SELECT period, opens_on, due_on, locks_after FROM report_windows "
    "WHERE period >= $1 AND period <= $2 ORDER BY period";
constexpr const char* kPutWindowSql =
    "INSERT INTO report_windows (period, opens_on, due_on, locks_after, updated_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (period) DO UPDATE SET opens_on = "
    "excluded.opens_on, due_on = excluded.due_on, locks_after = excluded.locks_after, "
    "updated_at = excluded.updated_at";
constexpr const char* kDeleteWindowSql = "DELETE FROM report_windows WHERE period = $1";

std::string MonthlyText(const std::array<Money, 12>& monthly) {
  std::string out;
  for (size_t i = 0; i < monthly.size(); ++i) {
    if (i) out.push_back(',');
    out += std::to_string(monthly[i].cents);
  }
  return out;
}

Result<std::array<Money, 12>> ParseMonthly(const std::string& text) {
  std::array<Money, 12> out{};
  size_t pos = 0;
  for (size_t i = 0; i < 12; ++i) {
    size_t end = text.find(',', pos);
    if ((i < 11) == (end == std::string::npos)) {
      return Status::Internal("malformed annual_plans.monthly: " + text);
    }
    try {
      out[i] = Money{std::stoll(text.substr(pos, end - pos))};
    } catch (...) {
      return Status::Internal("malformed annual_plans.monthly: " + text);
    }
    pos = end + 1;
  }
  return out;
}

Result<AnnualPlan> ReadPlan(sql::ResultSet& rs, size_t row) {
  AnnualPlan p;
  p.project_id = rs.GetInt(row, 0);
  p.year = static_cast<int>(rs.GetInt(row, 1));
  p.version = static_cast<int>(rs.GetInt(row, 2));
  KL_ASSIGN_OR_RETURN(p.status,
                      StoredEnum(PlanStatusTable(), rs.GetText(row, 3), "annual_plans.status"));
  p.planned_investment = Money{rs.GetInt(row, 4)};
  p.planned_start = rs.TakeOptText(row, 5);
  p.planned_completion = rs.TakeOptText(row, 6);
  p.goals = rs.TakeText(row, 7);
  KL_ASSIGN_OR_RETURN(p.split,
                      StoredEnum(PlanSplitTable(), rs.GetText(row, 8), "annual_plans.split"));
  KL_ASSIGN_OR_RETURN(p.monthly, ParseMonthly(rs.GetText(row, 9)));
  if (auto v = rs.GetOptInt(row, 10)) p.completed_before = Money{*v};
  p.reason = rs.TakeText(row, 11);
  p.created_by = rs.GetInt(row, 12);
  p.created_by_name = rs.TakeText(row, 13);
  p.created_at = rs.GetInt(row, 14);
  p.confirmed_by = rs.GetOptInt(row, 15);
  p.confirmed_at = rs.GetOptInt(row, 16);
  p.updated_at = rs.GetInt(row, 17);
  return p;
}

std::vector<sql::Value> PlanValues(const AnnualPlan& p) {
  return {IntValue(p.project_id),
          IntValue(p.year),
          IntValue(p.version),
          TextValue(EnumCode(PlanStatusTable(), p.status)),
          IntValue(p.planned_investment.cents),
          sql::Opt(p.planned_start),
          sql::Opt(p.planned_completion),
          TextValue(p.goals),
          TextValue(EnumCode(PlanSplitTable(), p.split)),
          TextValue(MonthlyText(p.monthly)),
          p.completed_before ? IntValue(p.completed_before->cents) : sql::Null(),
          TextValue(p.reason),
          IntValue(p.created_by),
          TextValue(p.created_by_name),
          IntValue(p.created_at),
          sql::Opt(p.confirmed_by),
          sql::Opt(p.confirmed_at),
          IntValue(p.updated_at)};
}

class SqlPlanRepository final : public PlanRepository {
 public:
  Result<std::vector<AnnualPlan>> Versions(Tx& tx, int64_t project_id, int year) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kVersionsSql, {IntValue(project_id), IntValue(year)}));
    return ReadRows<AnnualPlan>(rs, ReadPlan);
  }

  Result<std::optional<AnnualPlan>> Current(Tx& tx, int64_t project_id, int year) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kCurrentSql, {IntValue(project_id), IntValue(year)}));
    if (rs.empty()) return std::optional<AnnualPlan>();
    KL_ASSIGN_OR_RETURN(AnnualPlan plan, ReadPlan(rs, 0));
    return std::optional<AnnualPlan>(std::move(plan));
  }

  Result<std::optional<AnnualPlan>> Baseline(Tx& tx, int64_t project_id, int year) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kBaselineSql, {IntValue(project_id), IntValue(year)}));
    if (rs.empty()) return std::optional<AnnualPlan>();
    KL_ASSIGN_OR_RETURN(AnnualPlan plan, ReadPlan(rs, 0));
    return std::optional<AnnualPlan>(std::move(plan));
  }

  Result<std::vector<AnnualPlan>> CurrentByYear(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kCurrentByYearSql, {IntValue(project_id)}));
    return ReadRows<AnnualPlan>(rs, ReadPlan);
  }

  Status Insert(Tx& tx, const AnnualPlan& plan) override {
    return ConnOf(tx).Exec(kInsertSql, PlanValues(plan)).status();
  }

  Status Update(Tx& tx, const AnnualPlan& plan) override {
    KL_ASSIGN_OR_RETURN(int64_t changed, ConnOf(tx).Exec(kUpdateSql, PlanValues(plan)));
    if (changed == 0) return NotFoundStatus("年度计划", "annual plan");
    return Status::Ok();
  }
};

class SqlReportingSettingsRepository final : public ReportingSettingsRepository {
 public:
  Result<std::optional<std::string>> GetSetting(Tx& tx, const std::string& key) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSettingSql, {TextValue(key)}));
    if (rs.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rs.TakeText(0, 0));
  }

  Status PutSetting(Tx& tx, const std::string& key, const std::string& json, int64_t now) override {
    return ConnOf(tx)
        .Exec(kPutSettingSql, {TextValue(key), TextValue(json), IntValue(now)})
        .status();
  }

  Result<std::vector<ReportWindow>> ListWindows(Tx& tx, int from, int to) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kListWindowsSql, {IntValue(from), IntValue(to)}));
    return ReadRows<ReportWindow>(rs, [](sql::ResultSet& r, size_t row) -> Result<ReportWindow> {
      ReportWindow w;
      w.period = static_cast<int>(r.GetInt(row, 0));
      w.opens_on = r.TakeText(row, 1);
      w.due_on = r.TakeText(row, 2);
      w.locks_after = r.TakeText(row, 3);
      w.overridden = true;
      return w;
    });
  }

  Status PutWindow(Tx& tx, const ReportWindow& w, int64_t now) override {
    return ConnOf(tx)
        .Exec(kPutWindowSql, {IntValue(w.period), TextValue(w.opens_on), TextValue(w.due_on),
                              TextValue(w.locks_after), IntValue(now)})
        .status();
  }

  Status DeleteWindow(Tx& tx, int period) override {
    return ConnOf(tx).Exec(kDeleteWindowSql, {IntValue(period)}).status();
  }
};

}  // namespace

std::unique_ptr<PlanRepository> NewSqlPlanRepository() {
  return std::make_unique<SqlPlanRepository>();
}
std::unique_ptr<ReportingSettingsRepository> NewSqlReportingSettingsRepository() {
  return std::make_unique<SqlReportingSettingsRepository>();
}

}  // namespace keyline::storage
