// ReportRepository over SQL: monthly_reports, and the per-period reporting state of projects.
#include <string>

#include "storage/repos/project_query.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/reporting_sql_repositories.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_REPORT_COLUMNS_R                                                                 \
  "r.id, r.project_id, r.period, r.status, r.version, r.completed_investment, "             \
  "r.progress_text, r.progress_percent, r.workers, r.main_works, r.next_plan, r.problems, " \
  "r.confirmed_warnings, r.first_submitted_at, r.submitted_at, r.submitted_by, r.late, "    \
  "r.reviewed_at, r.reviewed_by, r.review_comment, r.return_count, r.unlocked, "            \
  "r.created_at, r.updated_at, r.origin"
#define KL_REPORT_COLUMNS                                                            \
  "id, project_id, period, status, version, completed_investment, progress_text, "   \
  "progress_percent, workers, main_works, next_plan, problems, confirmed_warnings, " \
  "first_submitted_at, submitted_at, submitted_by, late, reviewed_at, reviewed_by, " \
  "review_comment, return_count, unlocked, created_at, updated_at, origin"

constexpr const char* kGetSql = "SELECT " KL_REPORT_COLUMNS " FROM monthly_reports WHERE id = $1";
constexpr const char* kFindSql =
    "SELECT " KL_REPORT_COLUMNS " FROM monthly_reports WHERE project_id = $1 AND period = $2";
constexpr const char* kListForProjectSql =
    "SELECT " KL_REPORT_COLUMNS " FROM monthly_reports WHERE project_id = $1 ORDER BY period";
constexpr const char* kInsertSql =
    "INSERT INTO monthly_reports (project_id, period, status, completed_investment, "
    "progress_text, progress_percent, workers, main_works, next_plan, problems, "
    "confirmed_warnings, first_submitted_at, submitted_at, submitted_by, late, reviewed_at, "
    "reviewed_by, review_comment, return_count, unlocked, created_at, updated_at, origin, "
    "version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
    "$17, $18, $19, $20, $21, $22, $23, 1) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE monthly_reports SET project_id = $1, period = $2, status = $3, "
    "completed_investment = $4, progress_text = $5, progress_percent = $6, workers = $7, "
    "main_works = $8, next_plan = $9, problems = $10, confirmed_warnings = $11, "
    "first_submitted_at = $12, submitted_at = $13, submitted_by = $14, late = $15, "
    "reviewed_at = $16, reviewed_by = $17, review_comment = $18, return_count = $19, "
    "unlocked = $20, created_at = $21, updated_at = $22, origin = $23, version = version + 1 "
    "WHERE id = $24 AND version = $25";
constexpr const char* kExistsSql = "SELECT 1 FROM monthly_reports WHERE id = $1";

// Counted reports (submitted or approved; a returned report counts again once resubmitted)
// before a period, newest first: one pass gives the sums and the recent months.
constexpr const char* kHistorySql =
    "SELECT period, completed_investment, progress_percent FROM monthly_reports "
    "WHERE project_id = $1 AND period < $2 AND status IN ('submitted', 'approved') "
    "ORDER BY period DESC";

Result<MonthlyReport> ReadReport(sql::ResultSet& rs, size_t row) {
  MonthlyReport r;
  r.id = rs.GetInt(row, 0);
  r.project_id = rs.GetInt(row, 1);
  r.period = static_cast<int>(rs.GetInt(row, 2));
  KL_ASSIGN_OR_RETURN(
      r.status, StoredEnum(ReportStatusTable(), rs.GetText(row, 3), "monthly_reports.status"));
  r.version = rs.GetInt(row, 4);
  r.completed_investment = Money{rs.GetInt(row, 5)};
  r.progress_text = rs.TakeText(row, 6);
  r.progress_percent = static_cast<int>(rs.GetInt(row, 7));
  r.workers = static_cast<int>(rs.GetInt(row, 8));
  r.main_works = rs.TakeText(row, 9);
  r.next_plan = rs.TakeText(row, 10);
  r.problems = rs.TakeText(row, 11);
  std::string warnings = rs.TakeText(row, 12);
  size_t pos = 0;
  while (pos < warnings.size()) {
    size_t end = warnings.find(',', pos);
    if (end == std::string::npos) end = warnings.size();
    if (end > pos) r.confirmed_warnings.push_back(warnings.substr(pos, end - pos));
    pos = end + 1;
  }
  r.first_submitted_at = rs.GetOptInt(row, 13);
  r.submitted_at = rs.GetOptInt(row, 14);
  r.submitted_by = rs.GetOptInt(row, 15);
  r.late = rs.GetInt(row, 16) != 0;
  r.reviewed_at = rs.GetOptInt(row, 17);
  r.reviewed_by = rs.GetOptInt(row, 18);
  r.review_comment = rs.TakeText(row, 19);
  r.return_count = static_cast<int>(rs.GetInt(row, 20));
  r.unlocked = rs.GetInt(row, 21) != 0;
  r.created_at = rs.GetInt(row, 22);
  r.updated_at = rs.GetInt(row, 23);
  r.origin = rs.TakeText(row, 24);
  return r;
}

std::vector<sql::Value> ReportValues(const MonthlyReport& r) {
  std::string warnings;
  for (const std::string& w : r.confirmed_warnings) {
    if (!warnings.empty()) warnings.push_back(',');
    warnings += w;
  }
  return {IntValue(r.project_id),
          IntValue(r.period),
          TextValue(EnumCode(ReportStatusTable(), r.status)),
          IntValue(r.completed_investment.cents),
          TextValue(r.progress_text),
          IntValue(r.progress_percent),
          IntValue(r.workers),
          TextValue(r.main_works),
          TextValue(r.next_plan),
          TextValue(r.problems),
          TextValue(warnings),
          sql::Opt(r.first_submitted_at),
          sql::Opt(r.submitted_at),
          sql::Opt(r.submitted_by),
          BoolValue(r.late),
          sql::Opt(r.reviewed_at),
          sql::Opt(r.reviewed_by),
          TextValue(r.review_comment),
          IntValue(r.return_count),
          BoolValue(r.unlocked),
          IntValue(r.created_at),
          IntValue(r.updated_at),
          TextValue(r.origin)};
}

class SqlReportRepository final : public ReportRepository {
 public:
  Result<MonthlyReport> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("月报", "monthly report");
    return ReadReport(rs, 0);
  }

  Result<std::optional<MonthlyReport>> Find(Tx& tx, int64_t project_id, int period) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kFindSql, {IntValue(project_id), IntValue(period)}));
    if (rs.empty()) return std::optional<MonthlyReport>();
    KL_ASSIGN_OR_RETURN(MonthlyReport r, ReadReport(rs, 0));
    return std::optional<MonthlyReport>(std::move(r));
  }

  Result<int64_t> Insert(Tx& tx, const MonthlyReport& report) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, ReportValues(report)));
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const MonthlyReport& report, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> params = ReportValues(report);
    params.push_back(IntValue(report.id));
    params.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, params));
    return VersionedUpdateOutcome(conn, changed, kExistsSql, IntValue(report.id), "月报",
                                  "monthly report");
  }

  Result<std::vector<MonthlyReport>> ListForProject(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kListForProjectSql, {IntValue(project_id)}));
    return ReadRows<MonthlyReport>(rs, ReadReport);
  }

  Result<PageOf<ReportListItem>> List(Tx& tx, const ReportQuery& q,
                                      const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    ProjectQuery filter;
    filter.unit_id = q.unit_id;
    BuiltSql ids = BuildProjectMatchSql(conn.dialect(), filter, scope, "p.id");
    // The project filter's placeholders are $1..$n; the builder continues after them.
    std::string where = " WHERE r.project_id IN (" + ids.sql + ")";
    SqlBuilder conds;
    conds.mutable_params() = ids.params;
    conds.Append(where);
    if (q.period) conds.Append(" AND r.period = ?", {IntValue(*q.period)});
    if (q.project_id) conds.Append(" AND r.project_id = ?", {IntValue(*q.project_id)});
    if (!q.statuses.empty()) {
      std::vector<sql::Value> codes;
      for (ReportStatus s : q.statuses)
        codes.push_back(TextValue(EnumCode(ReportStatusTable(), s)));
      conds.Append(" AND r.status IN (");
      conds.AppendList(codes);
      conds.Append(")");
    }
    PageOf<ReportListItem> page;
    std::vector<sql::Value> params = conds.params();
    size_t n = params.size();
    std::string sql = "SELECT " KL_REPORT_COLUMNS_R
                      ", p.name, p.owner_unit_id, p.responsible_unit_id FROM monthly_reports r "
                      "JOIN projects p ON p.id = r.project_id" +
                      conds.text() + " ORDER BY r.period DESC, r.project_id LIMIT $" +
                      std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2);
    params.push_back(IntValue(ClampLimit(q.page)));
    params.push_back(IntValue(ClampOffset(q.page)));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(sql, params));
    KL_ASSIGN_OR_RETURN(
        page.items,
        ReadRows<ReportListItem>(rs, [](sql::ResultSet& r, size_t row) -> Result<ReportListItem> {
          KL_ASSIGN_OR_RETURN(MonthlyReport report, ReadReport(r, row));
          return ReportListItem{std::move(report), r.TakeText(row, 25), r.GetOptInt(row, 26),
                                r.GetOptInt(row, 27)};
        }));
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet count,
        conn.Query("SELECT COUNT(*) FROM monthly_reports r" + conds.text(), conds.params()));
    page.total = count.GetInt(0, 0);
    return page;
  }

  Result<ReportTotals> Totals(Tx& tx, int64_t project_id, int period) override {
    sql::Conn& conn = ConnOf(tx);
    int january = period / 100 * 100 + 1;
    KL_ASSIGN_OR_RETURN(sql::ResultSet rows,
                        conn.Query(kHistorySql, {IntValue(project_id), IntValue(period)}));
    ReportTotals t;
    for (size_t i = 0; i < rows.size(); ++i) {
      Money amount{rows.GetInt(i, 1)};
      Money& bucket = rows.GetInt(i, 0) < january ? t.before_year : t.year_before_period;
      bucket = bucket + amount;
      if (i < 3) t.recent_months.push_back(amount);
    }
    if (!rows.empty()) t.previous_percent = static_cast<int>(rows.GetInt(0, 2));
    return t;
  }

  Result<PortfolioTotals> Portfolio(Tx& tx, int period, const ProjectQuery& filter,
                                    const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    PortfolioTotals out;
    for (const char* column : {"p.stage", "p.level"}) {
      BuiltSql grouped = BuildProjectMatchSql(
          conn.dialect(), filter, scope,
          std::string(column) + ", COUNT(*), COALESCE(SUM(p.total_investment), 0)");
      KL_ASSIGN_OR_RETURN(
          sql::ResultSet rs,
          conn.Query(grouped.sql + " GROUP BY " + column + " ORDER BY " + column, grouped.params));
      auto& groups = std::string(column) == "p.stage" ? out.by_stage : out.by_level;
      for (size_t i = 0; i < rs.size(); ++i) {
        groups.push_back({rs.TakeText(i, 0), rs.GetInt(i, 1), Money{rs.GetInt(i, 2)}});
      }
    }
    BuiltSql ids = BuildProjectMatchSql(conn.dialect(), filter, scope, "p.id");
    size_t n = ids.params.size();
    std::string p1 = "$" + std::to_string(n + 1);
    std::string p2 = "$" + std::to_string(n + 2);
    std::vector<sql::Value> params = ids.params;
    params.push_back(IntValue(period / 100));
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet plans,
        conn.Query("SELECT COUNT(*), COALESCE(SUM(ap.planned_investment), 0) FROM annual_plans ap "
                   "WHERE ap.year = " +
                       p1 +
                       " AND ap.status = 'confirmed' AND ap.version = "
                       "(SELECT MAX(b.version) FROM annual_plans b WHERE b.project_id = "
                       "ap.project_id AND b.year = ap.year AND b.status = 'confirmed') AND "
                       "ap.project_id IN (" +
                       ids.sql + ")",
                   params));
    out.planned_projects = plans.GetInt(0, 0);
    out.annual_planned = Money{plans.GetInt(0, 1)};
    params.back() = IntValue(period / 100 * 100 + 1);
    params.push_back(IntValue(period));
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet done,
        conn.Query("SELECT COALESCE(SUM(r.completed_investment), 0) FROM monthly_reports r "
                   "WHERE r.period >= " +
                       p1 + " AND r.period <= " + p2 +
                       " AND r.status IN ('submitted', 'approved') AND r.project_id IN (" +
                       ids.sql + ")",
                   params));
    out.completed_to_period = Money{done.GetInt(0, 0)};
    return out;
  }

  Result<std::vector<ReportingRow>> Reporting(Tx& tx, int period, const ProjectQuery& filter,
                                              const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    BuiltSql match = BuildProjectMatchSql(conn.dialect(), filter, scope, "p.id");
    size_t n = match.params.size();
    std::string p_period = "$" + std::to_string(n + 1);
    std::string p_year = "$" + std::to_string(n + 2);
    // Must report: 在建, or reported for the period, or a confirmed plan for the year.
    std::string sql =
        "SELECT p.id, p.name, p.owner_unit_id, p.responsible_unit_id, p.stage, r.status, "
        "r.first_submitted_at, r.late FROM projects p LEFT JOIN monthly_reports r ON "
        "r.project_id = p.id AND r.period = " +
        p_period + " WHERE p.id IN (" + match.sql +
        ") AND (p.stage = 'construction' OR r.first_submitted_at IS NOT NULL OR "
        "(p.stage <> 'withdrawn' AND EXISTS (SELECT 1 FROM annual_plans ap WHERE "
        "ap.project_id = p.id AND ap.year = " +
        p_year + " AND ap.status = 'confirmed'))) ORDER BY p.id";
    std::vector<sql::Value> params = match.params;
    params.push_back(IntValue(period));
    params.push_back(IntValue(period / 100));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(sql, params));
    return ReadRows<ReportingRow>(rs, [](sql::ResultSet& r, size_t row) -> Result<ReportingRow> {
      ReportingRow out;
      out.project_id = r.GetInt(row, 0);
      out.project_name = r.TakeText(row, 1);
      out.owner_unit_id = r.GetOptInt(row, 2);
      out.responsible_unit_id = r.GetOptInt(row, 3);
      out.stage = r.TakeText(row, 4);
      if (!r.IsNull(row, 5)) {
        KL_ASSIGN_OR_RETURN(out.status, StoredEnum(ReportStatusTable(), r.GetText(row, 5),
                                                   "monthly_reports.status"));
      }
      out.first_submitted_at = r.GetOptInt(row, 6);
      out.late = r.GetInt(row, 7) != 0;
      return out;
    });
  }
};

}  // namespace

std::unique_ptr<ReportRepository> NewSqlReportRepository() {
  return std::make_unique<SqlReportRepository>();
}

}  // namespace keyline::storage
