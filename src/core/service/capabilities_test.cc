// The role x action matrices of the access modules and the capabilities the session answers.
#include "core/service/capabilities.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <string>

#include "core/attraction/attraction_access.h"
#include "core/service/engine_access.h"
#include "core/service/funds_access.h"
#include "core/service/project_access.h"
#include "core/service/reporting_access.h"
#include "core/service/supervision_access.h"

namespace keyline {
namespace {

constexpr Role kRoles[] = {Role::kAdmin,    Role::kSupervisor, Role::kDepartment,
                           Role::kReporter, Role::kLeader,     Role::kServiceOfficer};

Caller CallerOf(Role role, int64_t user_id = 7, int64_t unit_id = 30) {
  Caller c;
  c.user_id = user_id;
  c.role = role;
  c.unit_id = unit_id;
  return c;
}

std::map<std::string, bool> CanOf(Role role) {
  std::map<std::string, bool> out;
  for (const auto& [name, allowed] : CapabilitiesFor(CallerOf(role))) {
    out[std::string(name)] = allowed;
  }
  return out;
}

std::set<std::string> Allowed(Role role) {
  std::set<std::string> out;
  for (const auto& [name, allowed] : CanOf(role)) {
    if (allowed) out.insert(name);
  }
  return out;
}

TEST(ProjectAccessTest, RoleActionMatrix) {
  // create, update, change stage, manage assignments
  const std::map<Role, std::array<bool, 4>> want = {
      {Role::kAdmin, {true, true, true, true}},
      {Role::kSupervisor, {true, true, true, true}},
      {Role::kDepartment, {true, true, true, true}},
      {Role::kReporter, {false, true, false, false}},
      {Role::kLeader, {false, false, false, false}},
      {Role::kServiceOfficer, {false, false, false, false}},
  };
  for (Role r : kRoles) {
    SCOPED_TRACE(std::string(RoleCode(r)));
    EXPECT_TRUE(RoleMay(r, ProjectAction::kRead));
    EXPECT_EQ(RoleMay(r, ProjectAction::kCreate), want.at(r)[0]);
    EXPECT_EQ(RoleMay(r, ProjectAction::kUpdate), want.at(r)[1]);
    EXPECT_EQ(RoleMay(r, ProjectAction::kChangeStage), want.at(r)[2]);
    EXPECT_EQ(RoleMay(r, ProjectAction::kManageAssignments), want.at(r)[3]);
    bool office = r == Role::kAdmin || r == Role::kSupervisor;
    EXPECT_EQ(MayChangeProjectKeyFields(r), office);
    EXPECT_EQ(MayWriteReference(r), office);
  }
}

TEST(ReportingAccessTest, RoleActionMatrix) {
  // fill, review, manage (settings, plans, unlock), issue bulletin, read issued bulletins
  const std::map<Role, std::array<bool, 5>> want = {
      {Role::kAdmin, {true, true, true, true, true}},
      {Role::kSupervisor, {true, true, true, true, true}},
      {Role::kDepartment, {false, true, false, false, false}},
      {Role::kReporter, {true, false, false, false, false}},
      {Role::kLeader, {false, false, false, false, true}},
      {Role::kServiceOfficer, {false, false, false, false, false}},
  };
  for (Role r : kRoles) {
    SCOPED_TRACE(std::string(RoleCode(r)));
    EXPECT_EQ(MayFillReports(r), want.at(r)[0]);
    EXPECT_EQ(MayReviewReports(r), want.at(r)[1]);
    EXPECT_EQ(MayManageReporting(r), want.at(r)[2]);
    EXPECT_EQ(MayIssueBulletin(r), want.at(r)[3]);
    EXPECT_EQ(ReadsIssuedBulletins(r), want.at(r)[4]);
  }
}

TEST(SupervisionAccessTest, ProblemRoleActionMatrix) {
  Problem p;
  p.raised_by = 99;       // someone else
  p.unit_ids = {30, 31};  // the callers' unit is responsible
  Problem elsewhere = p;
  elsewhere.unit_ids = {40};
  // raise, work (own unit's problem), work (another unit's), confirm (raised by someone else)
  const std::map<Role, std::array<bool, 4>> want = {
      {Role::kAdmin, {true, true, true, true}},
      {Role::kSupervisor, {true, true, true, true}},
      {Role::kDepartment, {true, true, false, false}},
      {Role::kReporter, {true, false, false, false}},
      {Role::kLeader, {false, false, false, true}},
      {Role::kServiceOfficer, {false, false, false, false}},
  };
  for (Role r : kRoles) {
    SCOPED_TRACE(std::string(RoleCode(r)));
    Caller c = CallerOf(r);
    EXPECT_EQ(MayRaiseProblems(r), want.at(r)[0]);
    EXPECT_EQ(MayWorkOnProblem(c, p), want.at(r)[1]);
    EXPECT_EQ(MayWorkOnProblem(c, elsewhere), want.at(r)[2]);
    EXPECT_EQ(MayConfirmProblem(c, p), want.at(r)[3]);
    // Whoever raised a problem confirms it.
    Problem own = p;
    own.raised_by = c.user_id;
    EXPECT_TRUE(MayConfirmProblem(c, own));
  }
}

TEST(SupervisionAccessTest, OrdersAnsweredByTheOfficeOrTheUnitTheyWereIssuedTo) {
  EXPECT_TRUE(MayAnswerOrder(CallerOf(Role::kSupervisor), 40));
  EXPECT_TRUE(MayAnswerOrder(CallerOf(Role::kDepartment, 7, 40), 40));
  EXPECT_FALSE(MayAnswerOrder(CallerOf(Role::kDepartment, 7, 30), 40));
  EXPECT_FALSE(MayAnswerOrder(CallerOf(Role::kLeader), 40));
  EXPECT_FALSE(MayAnswerOrder(CallerOf(Role::kReporter, 7, 40), 40));
}

TEST(CapabilitiesTest, EveryRoleHasEveryFlagOnce) {
  size_t n = CapabilitiesFor(CallerOf(Role::kAdmin)).size();
  EXPECT_EQ(n, 27u);
  for (Role r : kRoles) EXPECT_EQ(CanOf(r).size(), n) << RoleCode(r);
}

TEST(CapabilitiesTest, AdminMayDoEverything) {
  for (const auto& [name, allowed] : CanOf(Role::kAdmin)) EXPECT_TRUE(allowed) << name;
}

TEST(CapabilitiesTest, SupervisorMayDoEverythingButUsersAndAudit) {
  std::set<std::string> denied;
  for (const auto& [name, allowed] : CanOf(Role::kSupervisor)) {
    if (!allowed) denied.insert(name);
  }
  EXPECT_EQ(denied, (std::set<std::string>{"manage_users", "read_audit"}));
}

TEST(CapabilitiesTest, Department) {
  EXPECT_EQ(Allowed(Role::kDepartment),
            (std::set<std::string>{"browse_area", "create_projects", "write_projects",
                                   "change_project_stage", "manage_assignments", "review_reports",
                                   "import_reports", "judge_lights", "raise_problems",
                                   "answer_orders", "write_funds", "read_attraction", "write_leads",
                                   "enter_target_actuals"}));
}

TEST(CapabilitiesTest, CompanyWritesItsOwnProjectsAndReportsOnly) {
  EXPECT_EQ(Allowed(Role::kReporter), (std::set<std::string>{"write_projects", "fill_reports",
                                                             "import_reports", "raise_problems"}));
}

TEST(CapabilitiesTest, LeaderReads) {
  EXPECT_EQ(Allowed(Role::kLeader),
            (std::set<std::string>{"browse_area", "read_issued_bulletins", "read_attraction"}));
}

TEST(CapabilitiesTest, ServiceOfficerBrowsesOnly) {
  EXPECT_EQ(Allowed(Role::kServiceOfficer), (std::set<std::string>{"browse_area"}));
}

TEST(CapabilitiesTest, FlagsFollowTheAccessModules) {
  for (Role r : kRoles) {
    auto can = CanOf(r);
    Caller c = CallerOf(r);
    SCOPED_TRACE(std::string(RoleCode(r)));
    EXPECT_EQ(can["write_funds"], MayWriteFunds(r));
    EXPECT_EQ(can["manage_key_lists"], MayManageKeyLists(r));
    EXPECT_EQ(can["configure_engine"], MayConfigureEngine(r));
    EXPECT_EQ(can["judge_lights"], MayJudgeLights(r));
    EXPECT_EQ(can["read_attraction"], RequireAttractionReader(c).ok());
    EXPECT_EQ(can["manage_attraction"], RequireAttractionOffice(c).ok());
    EXPECT_EQ(can["manage_supervision"], MayManageSupervision(r));
  }
}

}  // namespace
}  // namespace keyline
