// Fills a Keyline database with a large, plausible ledger for load tests:
//
//   generate_projects --db sqlite:bench/out/bench.db --projects 100000
//
// Creates 60 departments/townships, 3,000 companies, 200 leaders and the accounts
// bench_fgw (supervisor) and bench_dept (department), then N projects spread over stages,
// levels, industries, regions and investment sizes, each with an owner, a responsible unit,
// a 包抓领导, sometimes a cooperating unit, and a location inside 雁塔区. Rows go straight
// through the repositories in batches of 2,000 per transaction (bulk load, not audited: this is
// synthetic data). Prints the ids the wrk scripts need; creates go to a township outside
// BENCH_UNITS so repeated runs do not change what the list benchmark reads.
//
// With --report-ids FILE (for bench/run_reports.sh) it also creates the company
// 压测报送公司 with the reporter account bench_company, makes that company the owner of every
// project under construction (all of which have an actual start date), writes their ids to
// FILE (one per line) and prints BENCH_REPORT_* lines. The random stream is the same with or
// without the option; only the owner of those projects differs.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/keyline_app.h"
#include "core/ports/repositories.h"
#include "core/service/user_service.h"

namespace keyline {
namespace {

constexpr const char* kBenchPassword = "Bench#2026pw";

int Generate(const std::string& db_url, int project_count, const std::string& report_ids_file) {
  const bool reports = !report_ids_file.empty();
  Config config;
  config.db_url = db_url;
  auto app_or = KeylineApp::Open(config);
  if (!app_or.ok()) {
    std::fprintf(stderr, "open: %s\n", app_or.status().message_en().c_str());
    return 1;
  }
  KeylineApp& app = **app_or;
  const Repositories& repos = app.repos();
  const int64_t now = app.clock().NowMs();
  std::mt19937_64 rng(20261126);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };

  std::vector<int64_t> departments, companies, leaders;
  int64_t report_company = 0;          // owner of the construction projects (--report-ids)
  std::vector<int64_t> report_projects;
  Status st = repos.tx->Write([&](Tx& tx) -> Status {
    auto region = repos.regions->Get(tx, "610113");
    if (!region.ok()) {
      KL_RETURN_IF_ERROR(repos.regions->Insert(tx, Region{"610113", "雁塔区", std::nullopt, 1}));
    }
    for (int i = 0; i < 60; ++i) {
      Unit u;
      u.name = (i < 40 ? "测试部门" : "测试街道") + std::to_string(i);
      u.kind = i < 40 ? UnitKind::kDepartment : UnitKind::kTownship;
      u.region_code = "610113";
      u.version = 1;
      u.created_at = u.updated_at = now;
      KL_ASSIGN_OR_RETURN(int64_t id, repos.units->Insert(tx, u));
      departments.push_back(id);
    }
    for (int i = 0; i < 3000; ++i) {
      Unit u;
      u.name = "测试建设有限公司" + std::to_string(i);
      u.kind = UnitKind::kCompany;
      u.region_code = "610113";
      u.version = 1;
      u.created_at = u.updated_at = now;
      KL_ASSIGN_OR_RETURN(int64_t id, repos.units->Insert(tx, u));
      companies.push_back(id);
    }
    for (int i = 0; i < 200; ++i) {
      Person p;
      p.name = "测试领导" + std::to_string(i);
      p.title = "副区长";
      p.unit_id = departments[0];
      p.kind = PersonKind::kLeader;
      p.version = 1;
      p.created_at = p.updated_at = now;
      KL_ASSIGN_OR_RETURN(int64_t id, repos.people->Insert(tx, p));
      leaders.push_back(id);
    }
    if (reports) {
      Unit u;
      u.name = "压测报送公司";
      u.kind = UnitKind::kCompany;
      u.region_code = "610113";
      u.version = 1;
      u.created_at = u.updated_at = now;
      KL_ASSIGN_OR_RETURN(report_company, repos.units->Insert(tx, u));
    }
    return Status::Ok();
  });
  if (!st.ok()) {
    std::fprintf(stderr, "reference data: %s\n", st.message_en().c_str());
    return 1;
  }
  Caller sys = Caller::System("bench");
  for (auto [name, role, unit] : {std::tuple{"bench_fgw", Role::kSupervisor, departments[0]},
                                  std::tuple{"bench_dept", Role::kDepartment, departments[1]}}) {
    NewUser u{name, name, role, unit, std::nullopt, kBenchPassword};
    auto created = app.users().Create(sys, u);
    if (!created.ok() && created.status().code() != ErrorCode::kConflict) {
      std::fprintf(stderr, "user: %s\n", created.status().message_en().c_str());
      return 1;
    }
  }
  if (reports) {
    NewUser u{"bench_company", "bench_company", Role::kReporter, report_company, std::nullopt,
              kBenchPassword};
    auto created = app.users().Create(sys, u);
    if (!created.ok() && created.status().code() != ErrorCode::kConflict) {
      std::fprintf(stderr, "user: %s\n", created.status().message_en().c_str());
      return 1;
    }
  }

  // Stage mix of a real ledger: most projects under construction or preparing.
  const Stage stage_mix[] = {Stage::kConceived,    Stage::kReserve,      Stage::kPreliminary,
                             Stage::kPreliminary,  Stage::kConstruction, Stage::kConstruction,
                             Stage::kConstruction, Stage::kConstruction, Stage::kCompleted,
                             Stage::kProduction};
  const char* industries[] = {"P83", "Q84", "K70", "F52", "E48", "I65", "N78", "C39", "D44"};
  const char* kinds[] = {"学校", "商业综合体", "产业园", "道路", "安置房", "医院", "管网", "公园"};
  auto t0 = std::chrono::steady_clock::now();
  const int kBatch = 2000;
  for (int done = 0; done < project_count;) {
    int n = std::min(kBatch, project_count - done);
    st = repos.tx->Write([&](Tx& tx) -> Status {
      for (int i = 0; i < n; ++i) {
        int serial = done + i;
        Project p;
        p.name = "雁塔区" + std::string(kinds[pick(8)]) + "建设项目" + std::to_string(serial);
        char code[32];
        std::snprintf(code, sizeof code, "2025-610113-%02d-01-%06d",
                      47 + static_cast<int>(pick(30)), serial);
        p.code = code;
        p.level = pick(10) < 3 ? ProjectLevel::kCity : ProjectLevel::kDistrict;
        p.category = static_cast<ProjectCategory>(pick(7));
        p.industry_code = industries[pick(9)];
        p.region_code = "610113";
        p.owner_unit_id = companies[pick(companies.size())];
        p.responsible_unit_id = departments[pick(departments.size())];
        p.total_investment = Money::FromWan(1000 + static_cast<int64_t>(pick(500000)));
        p.stage = stage_mix[pick(10)];
        int year = 2023 + static_cast<int>(pick(4));
        p.planned_start = std::to_string(year) + "-03-01";
        p.planned_completion = std::to_string(year + 2) + "-12-31";
        if (p.stage == Stage::kConstruction || p.stage == Stage::kCompleted ||
            p.stage == Stage::kProduction) {
          p.actual_start = p.planned_start;
        }
        if (p.stage == Stage::kCompleted || p.stage == Stage::kProduction) {
          p.actual_completion = p.planned_completion;
        }
        // A place inside 雁塔区 (108.85..109.05 E, 34.15..34.27 N) from the serial, not from
        // the random stream (so the other fields stay what they were): for the map.
        p.longitude = 108.85 + static_cast<double>(int64_t{serial} * 7919 % 10007) / 10007.0 * 0.2;
        p.latitude = 34.15 + static_cast<double>(int64_t{serial} * 104729 % 10009) / 10009.0 * 0.12;
        const bool reporting = reports && p.stage == Stage::kConstruction;
        if (reporting) p.owner_unit_id = report_company;
        p.version = 1;
        p.created_at = p.updated_at = now;
        KL_ASSIGN_OR_RETURN(p.id, repos.projects->Insert(tx, p));
        if (reporting) report_projects.push_back(p.id);
        Assignment a;
        a.project_id = p.id;
        a.role = AssignmentRole::kLeadLeader;
        a.person_id = leaders[pick(leaders.size())];
        a.valid_from = "2023-01-01";
        a.version = 1;
        a.created_at = now;
        KL_RETURN_IF_ERROR(repos.projects->InsertAssignment(tx, a).status());
        if (pick(4) == 0) {
          Assignment c;
          c.project_id = p.id;
          c.role = AssignmentRole::kCooperatingUnit;
          c.unit_id = departments[pick(departments.size())];
          c.version = 1;
          c.created_at = now;
          KL_RETURN_IF_ERROR(repos.projects->InsertAssignment(tx, c).status());
        }
      }
      return Status::Ok();
    });
    if (!st.ok()) {
      std::fprintf(stderr, "projects: %s\n", st.message_en().c_str());
      return 1;
    }
    done += n;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("generated %d projects in %.1f s\n", project_count, seconds);
  std::printf("BENCH_UNITS=");
  for (int i = 0; i < 40; ++i) std::printf("%s%lld", i ? "," : "", (long long)departments[i]);
  std::printf("\nBENCH_COMPANY=%lld\nBENCH_DEPARTMENT=%lld\nBENCH_PASSWORD=%s\n",
              (long long)companies[0], (long long)departments[59], kBenchPassword);
  if (reports) {
    FILE* f = std::fopen(report_ids_file.c_str(), "w");
    if (!f) {
      std::fprintf(stderr, "cannot write %s\n", report_ids_file.c_str());
      return 1;
    }
    for (int64_t id : report_projects) std::fprintf(f, "%lld\n", (long long)id);
    if (std::fclose(f) != 0) {
      std::fprintf(stderr, "cannot write %s\n", report_ids_file.c_str());
      return 1;
    }
    std::printf("BENCH_REPORT_USER=bench_company\nBENCH_REPORT_COMPANY=%lld\n"
                "BENCH_REPORT_PROJECTS=%zu\nBENCH_REPORT_IDS=%s\n",
                (long long)report_company, report_projects.size(), report_ids_file.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace keyline

int main(int argc, char** argv) {
  std::string db = "sqlite:bench/out/bench.db";
  int projects = 100000;
  std::string report_ids;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") {
      db = argv[i + 1];
    } else if (flag == "--projects") {
      projects = std::atoi(argv[i + 1]);
    } else if (flag == "--report-ids") {
      report_ids = argv[i + 1];
    } else {
      std::fprintf(stderr,
                   "usage: generate_projects [--db URL] [--projects N] [--report-ids FILE]\n");
      return 2;
    }
  }
  return keyline::Generate(db, projects, report_ids);
}
