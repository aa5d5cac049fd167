#include "core/service/capabilities.h"

#include "core/attraction/attraction_access.h"
#include "core/service/engine_access.h"
#include "core/service/funds_access.h"
#include "core/service/project_access.h"
#include "core/service/reporting_access.h"
#include "core/service/supervision_access.h"

namespace keyline {

bool MayImportLedger(Role role) { return role == Role::kAdmin || role == Role::kSupervisor; }

bool MayImportReports(Role role) {
  return MayImportLedger(role) || role == Role::kDepartment || role == Role::kReporter;
}

std::vector<std::pair<std::string_view, bool>> CapabilitiesFor(const Caller& caller) {
  Role r = caller.role;
  return {
      {"browse_area", BrowsesArea(r)},
      {"create_projects", RoleMay(r, ProjectAction::kCreate)},
      {"write_projects", RoleMay(r, ProjectAction::kUpdate)},
      {"change_project_stage", RoleMay(r, ProjectAction::kChangeStage)},
      {"manage_assignments", RoleMay(r, ProjectAction::kManageAssignments)},
      {"change_project_key_fields", MayChangeProjectKeyFields(r)},
      {"edit_reference", MayWriteReference(r)},
      {"manage_users", MayManageUsers(r)},
      {"read_audit", MayManageUsers(r)},
      {"fill_reports", MayFillReports(r)},
      {"review_reports", MayReviewReports(r)},
      {"manage_reporting", MayManageReporting(r)},
      {"import_ledger", MayImportLedger(r)},
      {"import_reports", MayImportReports(r)},
      {"issue_bulletin", MayIssueBulletin(r)},
      {"read_issued_bulletins", ReadsIssuedBulletins(r)},
      {"configure_engine", MayConfigureEngine(r)},
      {"judge_lights", MayJudgeLights(r)},
      {"manage_supervision", MayManageSupervision(r)},
      {"raise_problems", MayRaiseProblems(r)},
      {"answer_orders", MayAnswerOrders(r)},
      {"write_funds", MayWriteFunds(r)},
      {"manage_key_lists", MayManageKeyLists(r)},
      {"read_attraction", RequireAttractionReader(caller).ok()},
      {"write_leads", WritesLeads(r)},
      {"enter_target_actuals", EntersTargetActuals(r)},
      {"manage_attraction", RequireAttractionOffice(caller).ok()},
  };
}

}  // namespace keyline
