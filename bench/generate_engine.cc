// Adds the engine's volumes (reports, procedures, problems, funds) to a database filled by
// generate_projects (bench/run_rates.sh):
//
//   generate_engine --db sqlite:bench/out/rates.db [--months 36] [--procedures 8]
//
// For every project: a confirmed 2026 annual plan (even split) when it is not a 谋划 project,
// `--months` monthly reports ending 2026-10 (3,600,000 for 100,000 projects and 36 months;
// mostly approved, some submitted, returned or draft) and `--procedures` procedure items (800,000
// for 8), some done, some overdue. Bulk insert with prepared statements, 50,000 rows per
// transaction, not audited (synthetic data, read by the engine's load at start).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/keyline_app.h"
#include "storage/repos/sql_store.h"

namespace keyline {
namespace {

constexpr const char* kPlanSql =
    "INSERT INTO annual_plans (project_id, year, version, status, planned_investment, "
    "planned_start, planned_completion, split, monthly, created_by, created_at, confirmed_by, "
    "confirmed_at, updated_at) VALUES ($1, 2026, 1, 'confirmed', $2, $3, $4, 'even', $5, 1, $6, "
    "1, $6, $6)";
constexpr const char* kReportSql =
    "INSERT INTO monthly_reports (project_id, period, status, version, completed_investment, "
    "submitted_at, late, created_at, updated_at) VALUES ($1, $2, $3, 2, $4, $5, $6, $7, $7)";
constexpr const char* kProcedureSql =
    "INSERT INTO project_procedures (project_id, seq, code, name, status, planned_due, "
    "actual_done, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)";

int Generate(const std::string& db_url, int months, int procedures) {
  Config config;
  config.db_url = db_url;
  auto app_or = KeylineApp::Open(config);
  if (!app_or.ok()) {
    std::fprintf(stderr, "open: %s\n", app_or.status().message_en().c_str());
    return 1;
  }
  sql::Database& db = (*app_or)->store().db();
  const int64_t now = (*app_or)->clock().NowMs();
  struct P {
    int64_t id;
    std::string stage;
    int64_t total;
  };
  std::vector<P> projects;
  Status st = db.Read([&](sql::Conn& c) -> Status {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        c.Query("SELECT id, stage, total_investment FROM projects ORDER BY id", {}));
    for (size_t r = 0; r < rs.size(); ++r) {
      projects.push_back({rs.GetInt(r, 0), rs.GetText(r, 1), rs.GetInt(r, 2)});
    }
    return Status::Ok();
  });
  if (!st.ok()) {
    std::fprintf(stderr, "read: %s\n", st.message_en().c_str());
    return 1;
  }
  std::mt19937_64 rng(5);
  auto pick = [&](uint64_t n) { return static_cast<int64_t>(rng() % n); };
  std::vector<int> periods;  // the last `months` months up to 2026-10
  for (int i = months - 1; i >= 0; --i) {
    int m = 2026 * 12 + 9 - i;
    periods.push_back((m / 12) * 100 + m % 12 + 1);
  }
  const char* statuses[] = {"approved", "approved", "approved",  "approved", "approved",
                            "approved", "approved", "submitted", "returned", "draft"};
  auto t0 = std::chrono::steady_clock::now();
  int64_t plans = 0, reports = 0, procs = 0;
  const size_t kPerTx = 50000 / static_cast<size_t>(months + procedures + 1) + 1;
  for (size_t begin = 0; begin < projects.size(); begin += kPerTx) {
    size_t end = std::min(projects.size(), begin + kPerTx);
    st = db.Write([&](sql::Conn& c) -> Status {
      for (size_t i = begin; i < end; ++i) {
        const P& p = projects[i];
        if (p.stage != "conceived" && p.stage != "withdrawn") {
          int64_t planned = (p.total / 5 / 1200) * 1200;  // a fifth this year, divisible
          std::string monthly;
          for (int m = 0; m < 12; ++m) monthly += (m ? "," : "") + std::to_string(planned / 12);
          KL_RETURN_IF_ERROR(
              c.Exec(kPlanSql,
                     {sql::Value(p.id), sql::Value(planned), sql::Value(std::string("2026-03-01")),
                      sql::Value(std::string("2026-12-31")), sql::Value(monthly), sql::Value(now)})
                  .status());
          ++plans;
        }
        for (int period : periods) {
          std::string status = statuses[pick(10)];
          int64_t amount = p.total / 60 / 100 * pick(200);
          sql::Value submitted = status == "draft" ? sql::Null() : sql::Value(now);
          KL_RETURN_IF_ERROR(
              c.Exec(kReportSql, {sql::Value(p.id), sql::Value(int64_t{period}), sql::Value(status),
                                  sql::Value(amount), submitted, sql::Value(int64_t{pick(10) == 0}),
                                  sql::Value(now)})
                  .status());
          ++reports;
        }
        for (int s = 0; s < procedures; ++s) {
          int due_month = 1 + static_cast<int>(pick(12));
          char due[16];
          std::snprintf(due, sizeof due, "2026-%02d-15", due_month);
          bool done = pick(3) != 0;
          const char* status = done ? "done" : (pick(5) == 0 ? "not_needed" : "in_progress");
          sql::Value done_on = done ? sql::Value(std::string(due)) : sql::Null();
          KL_RETURN_IF_ERROR(
              c.Exec(kProcedureSql,
                     {sql::Value(p.id), sql::Value(int64_t{s + 1}),
                      sql::Value("item" + std::to_string(s)),
                      sql::Value("手续" + std::to_string(s)), sql::Value(std::string(status)),
                      sql::Value(std::string(due)), done_on, sql::Value(now)})
                  .status());
          ++procs;
        }
      }
      return Status::Ok();
    });
    if (!st.ok()) {
      std::fprintf(stderr, "insert: %s\n", st.message_en().c_str());
      return 1;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("generated %lld plans, %lld reports, %lld procedures in %.1f s\n", (long long)plans,
              (long long)reports, (long long)procs, seconds);
  return 0;
}

}  // namespace
}  // namespace keyline

int main(int argc, char** argv) {
  std::string db = "sqlite:bench/out/rates.db";
  int months = 36, procedures = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") {
      db = argv[i + 1];
    } else if (flag == "--months") {
      months = std::atoi(argv[i + 1]);
    } else if (flag == "--procedures") {
      procedures = std::atoi(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: generate_engine [--db URL] [--months N] [--procedures N]\n");
      return 2;
    }
  }
  if (months < 1 || months > 120 || procedures < 0 || procedures > 50) {
    std::fprintf(stderr, "months 1..120, procedures 0..50\n");
    return 2;
  }
  return keyline::Generate(db, months, procedures);
}
