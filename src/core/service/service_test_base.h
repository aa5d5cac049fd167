// The base of the service tests beside the services (`*_service_test.cc`): the services run on
// a real SqlStore, without HTTP, through the storage contract tests' fixture
// (storage/repos/store_test_base.h: a fresh SQLite file per test and, under scripts/with-pg.sh,
// a fresh PostgreSQL database), with a manual clock, the audit log and the official working-day
// calendar (reference/holidays-cn.csv). SQLite's ":memory:" is refused by the URL parser
// (storage/sql/database_url.h), so "in memory" here is a scratch file in a temp directory.
//
// The district every test starts from:
//   dept_a_, dept_b_          two departments (行业部门)
//   company_a_, company_b_    two companies (项目单位)
//   leader_person_            a leader (领导), person record
//   project_a_                responsible dept_a_, owned by company_a_, under construction
//                             since 2026-03-01, total investment 5000 万元
//   project_b_                the same for dept_b_ and company_b_
// and one Caller per role (Office, DeptA, DeptB, ReporterA, ReporterB, Leader). Today starts
// on Wednesday 2026-09-30, 10:00 Beijing time (SetToday moves it).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "common/clock.h"
#include "common/date.h"
#include "core/calendar/working_calendar.h"
#include "core/service/audit_log.h"
#include "storage/repos/store_test_base.h"

namespace keyline::service_test {

// Fails the test (fatally) when a Result is not OK, else assigns its value (KL_CONCAT_ is
// common/status.h's).
#define KL_ASSERT_OK_AND_ASSIGN(lhs, expr)                \
  auto KL_CONCAT_(kl_r_, __LINE__) = (expr);              \
  ASSERT_TRUE(KL_CONCAT_(kl_r_, __LINE__).ok())           \
      << KL_CONCAT_(kl_r_, __LINE__).status().ToString(); \
  lhs = std::move(KL_CONCAT_(kl_r_, __LINE__)).value()

class ServiceTest : public storage_test::StoreTest {
 protected:
  void SetUp() override {
    OpenStore();
    if (!store_) return;
    std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/reference/holidays-cn.csv");
    std::stringstream text;
    text << in.rdbuf();
    auto calendar = WorkingCalendar::ParseCsv(text.str());
    ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
    calendar_ = std::move(calendar).value();
    audit_ = std::make_unique<AuditLog>(*r().audit, clock_);
    SetToday("2026-09-30");
    ASSERT_OK_S(Write([&](Tx& tx) -> Status {
      for (auto [name, kind, out] : {std::tuple{"甲局", UnitKind::kDepartment, &dept_a_},
                                     std::tuple{"乙局", UnitKind::kDepartment, &dept_b_},
                                     std::tuple{"甲公司", UnitKind::kCompany, &company_a_},
                                     std::tuple{"乙公司", UnitKind::kCompany, &company_b_}}) {
        Unit u;
        u.name = name;
        u.kind = kind;
        KL_ASSIGN_OR_RETURN(*out, r().units->Insert(tx, u));
      }
      Person leader;
      leader.name = "王领导";
      leader.kind = PersonKind::kLeader;
      KL_ASSIGN_OR_RETURN(leader_person_, r().people->Insert(tx, leader));
      for (auto [name, dept, company, out] :
           {std::tuple{"一号项目", dept_a_, company_a_, &project_a_},
            std::tuple{"二号项目", dept_b_, company_b_, &project_b_}}) {
        Project p;
        p.name = name;
        p.version = 1;
        p.stage = Stage::kConstruction;
        p.actual_start = "2026-03-01";
        p.planned_start = "2026-03-01";
        p.total_investment = Money{5000 * Money::kCentsPerWan};
        p.responsible_unit_id = dept;
        p.owner_unit_id = company;
        KL_ASSIGN_OR_RETURN(*out, r().projects->Insert(tx, p));
      }
      return Status::Ok();
    }));
  }

  // Moves the clock to 10:00 Beijing time on `date` ("YYYY-MM-DD").
  void SetToday(const std::string& date) {
    auto d = Date::Parse(date);
    ASSERT_TRUE(d.ok()) << date;
    clock_.Set(d->ToDays() * 86'400'000 + 2 * 3'600'000);
  }

  static Caller Make(int64_t user_id, const char* username, Role role, int64_t unit_id) {
    Caller c;
    c.user_id = user_id;
    c.username = username;
    c.role = role;
    c.unit_id = unit_id;
    return c;
  }
  Caller Office() const { return Make(1, "fagai", Role::kSupervisor, 0); }
  Caller DeptA() const { return Make(2, "dept_a", Role::kDepartment, dept_a_); }
  Caller DeptB() const { return Make(3, "dept_b", Role::kDepartment, dept_b_); }
  Caller ReporterA() const { return Make(4, "company_a", Role::kReporter, company_a_); }
  Caller ReporterB() const { return Make(5, "company_b", Role::kReporter, company_b_); }
  Caller Leader() const {
    Caller c = Make(6, "leader", Role::kLeader, 0);
    c.person_id = leader_person_;
    return c;
  }

  // The audit entries recorded so far, oldest first.
  std::vector<AuditEvent> AuditEntries() {
    std::vector<AuditEvent> out;
    EXPECT_TRUE(Read([&](Tx& tx) -> Status {
                  return r().audit->Scan(tx, [&](const AuditEvent& e) {
                    out.push_back(e);
                    return true;
                  });
                }).ok());
    return out;
  }

  ManualClock clock_{0};
  WorkingCalendar calendar_;
  std::unique_ptr<AuditLog> audit_;
  int64_t dept_a_ = 0, dept_b_ = 0, company_a_ = 0, company_b_ = 0;
  int64_t leader_person_ = 0;
  int64_t project_a_ = 0, project_b_ = 0;
};

}  // namespace keyline::service_test
