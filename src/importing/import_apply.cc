// ImportService: writing a confirmed plan inside the confirming transaction — the ledger's
// projects (Apply) with their year's figures (ApplyFigures: the annual plan, the opening
// balance, the 包抓 assignment, the owner's credit code), and the monthly figures (SubmitRow,
// ApplyReports). import_service.h has the contracts.
#include <string>
#include <unordered_map>

#include "common/date.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "importing/import_service.h"

namespace keyline::importing {
namespace {

// Error rows block a confirmation unless the user chose to skip them.
Status RefuseErrors(const LedgerPlan& plan, bool skip_errors) {
  if (plan.summary.errors == 0 || skip_errors) return Status::Ok();
  return Status::InvalidArgument(
      "试导入仍有" + std::to_string(plan.summary.errors) +
          "行错误：请修改文件或列对应，或选择跳过错误行（skip_errors）",
      std::to_string(plan.summary.errors) +
          " rows have errors: fix the file or the mapping, or confirm with skip_errors");
}

// Counts a row that writes nothing; false for a create or an update.
bool CountedAsNotWritten(const PlanRow& row, ConfirmResult* result) {
  switch (row.action) {
    case RowAction::kCreate:
    case RowAction::kUpdate:
      return false;
    case RowAction::kUnchanged:
      ++result->unchanged;
      break;
    case RowAction::kSkip:
      ++result->skipped;
      break;
    case RowAction::kError:
      ++result->errors_skipped;
      break;
  }
  return true;
}

}  // namespace

Status ImportService::SubmitRow(Tx& tx, const Caller& caller, const PlanRow& row, int period) {
  ReportInput input;
  input.completed_investment = row.month_investment;
  input.progress_text = row.progress;
  input.problems = row.problems;
  auto submitted =
      reports_.SubmitInTx(tx, caller, *row.project_id, period, row.report_version, input);
  if (!submitted.ok() && submitted.status().code() == ErrorCode::kConflict &&
      !submitted.status().details().empty()) {
    // Warnings of the report checks: the office confirms them by importing.
    std::vector<std::string> codes;
    for (const FieldError& e : submitted.status().details()) codes.push_back(e.field);
    input.confirmed_warnings = codes;
    submitted = reports_.SubmitInTx(tx, caller, *row.project_id, period, row.report_version, input);
  }
  return submitted.status();
}

Status ImportService::ApplyReports(Tx& tx, const Caller& caller, const LedgerPlan& plan, int period,
                                   bool skip_errors, ConfirmResult* result) {
  // Another company's project in a company's file is never skipped: nothing is written.
  for (const PlanRow& row : plan.rows) {
    if (!row.foreign) continue;
    return Status::InvalidArgument(row.reasons.front().zh, row.reasons.front().en,
                                   {{"row", row.reasons.front().zh, row.reasons.front().en}});
  }
  KL_RETURN_IF_ERROR(RefuseErrors(plan, skip_errors));
  for (const PlanRow& row : plan.rows) {
    if (CountedAsNotWritten(row, result)) continue;
    Status st = SubmitRow(tx, caller, row, period);
    if (!st.ok()) {
      std::string n = std::to_string(row.row);
      return Status(st.code(), "第" + n + "行：" + st.message_zh(),
                    "row " + n + ": " + st.message_en(), st.details());
    }
    if (row.action == RowAction::kCreate) {
      ++result->created;
    } else {
      ++result->updated;
    }
  }
  return Status::Ok();
}

Status ImportService::Apply(Tx& tx, const Caller& caller, const LedgerPlan& plan, bool skip_errors,
                            const std::string& import_ref, ConfirmResult* result) {
  KL_RETURN_IF_ERROR(RefuseErrors(plan, skip_errors));
  int64_t now = clock_.NowMs();
  std::unordered_map<std::string, int64_t> owners, leaders;
  for (const PlanRow& row : plan.rows) {
    if (CountedAsNotWritten(row, result)) continue;
    Project project = row.project;
    if (!row.new_owner.empty()) {
      std::string key = CompactText(row.new_owner);
      auto it = owners.find(key);
      if (it == owners.end()) {
        Unit unit;
        unit.name = row.new_owner;
        unit.kind = UnitKind::kCompany;
        unit.credit_code = row.owner_code;
        unit.created_at = unit.updated_at = now;
        KL_ASSIGN_OR_RETURN(unit.id, repos_.units->Insert(tx, unit));
        unit.version = 1;
        KL_RETURN_IF_ERROR(
            audit_.Record(tx, caller, "create", "unit", std::to_string(unit.id), "", ToJson(unit)));
        it = owners.emplace(key, unit.id).first;
        ++result->owners_created;
      }
      project.owner_unit_id = it->second;
    }
    auto row_error = [&](const Status& st) {
      std::string n = std::to_string(row.row);
      return Status(st.code(), "第" + n + "行：" + st.message_zh(),
                    "row " + n + ": " + st.message_en(), st.details());
    };
    int64_t project_id = 0;
    if (row.action == RowAction::kCreate) {
      auto created = projects_.CreateInTx(tx, caller, project, "台账导入 " + import_ref);
      if (!created.ok()) return row_error(created.status());
      project_id = created->id;
      ++result->created;
    } else {
      project_id = *row.project_id;
      auto updated =
          projects_.UpdateInTx(tx, caller, *row.project_id, project.version, [&](Project& p) {
            Stage stage = p.stage;
            p = project;
            p.stage = stage;
            return Status::Ok();
          });
      if (!updated.ok()) return row_error(updated.status());
      ++result->updated;
    }
    Status figures = ApplyFigures(tx, caller, row, project_id, import_ref, &leaders);
    if (!figures.ok()) return row_error(figures);
  }
  result->leaders_created = static_cast<int64_t>(leaders.size());
  return Status::Ok();
}

Status ImportService::ApplyFigures(Tx& tx, const Caller& caller, const PlanRow& row,
                                   int64_t project_id, const std::string& import_ref,
                                   std::unordered_map<std::string, int64_t>* leaders) {
  int64_t now = clock_.NowMs();
  std::string today = projects_.Today();
  // A valid credit code for an owner registered without one.
  if (row.owner_code && row.owner_code_for_existing && row.project.owner_unit_id) {
    KL_ASSIGN_OR_RETURN(Unit unit, repos_.units->Get(tx, *row.project.owner_unit_id));
    if (!unit.credit_code) {
      Unit before = unit;
      unit.credit_code = row.owner_code;
      unit.updated_at = now;
      KL_RETURN_IF_ERROR(repos_.units->Update(tx, unit, before.version));
      unit.version = before.version + 1;
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "update", "unit", std::to_string(unit.id),
                                       ToJson(before), ToJson(unit)));
    }
  }
  if (row.annual_plan) {
    KL_RETURN_IF_ERROR(plans_.ImportBaselineInTx(tx, caller, project_id, row.plan_year,
                                                 *row.annual_plan, "台账导入 " + import_ref,
                                                 row.action == RowAction::kCreate));
  }
  if (row.opening_balance) {
    MonthlyReport report;
    std::optional<MonthlyReport> before;
    if (row.balance_id) {
      KL_ASSIGN_OR_RETURN(report, report_rows_.Get(tx, *row.balance_id));
      before = report;
    } else {
      report.project_id = project_id;
      report.period = row.balance_period;
      report.origin = "import";
      report.status = ReportStatus::kApproved;
      report.created_at = now;
      report.first_submitted_at = now;
      report.submitted_at = now;
      report.submitted_by = caller.user_id;
      report.reviewed_at = now;
      report.reviewed_by = caller.user_id;
    }
    report.completed_investment = *row.opening_balance;
    if (row.progress) report.progress_text = *row.progress;
    report.review_comment = "台账导入期初数（" + std::to_string(row.balance_period / 100) + "年1-" +
                            std::to_string(row.balance_period % 100) + "月累计）" + import_ref;
    report.updated_at = now;
    if (before) {
      KL_RETURN_IF_ERROR(report_rows_.Update(tx, report, before->version));
      report.version = before->version + 1;
    } else {
      KL_ASSIGN_OR_RETURN(report.id, report_rows_.Insert(tx, report));
      report.version = 1;
    }
    KL_RETURN_IF_ERROR(audit_.Record(tx, caller, before ? "update" : "import", "monthly_report",
                                     std::to_string(report.id), before ? ToJson(*before) : "",
                                     ToJson(report)));
  }
  std::optional<int64_t> leader = row.leader_id;
  if (!row.new_leader.empty()) {
    std::string key = CompactText(row.new_leader);
    auto it = leaders->find(key);
    if (it == leaders->end()) {
      Person person;
      person.name = row.new_leader;
      person.kind = PersonKind::kLeader;
      person.created_at = person.updated_at = now;
      KL_ASSIGN_OR_RETURN(person.id, repos_.people->Insert(tx, person));
      person.version = 1;
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "create", "person", std::to_string(person.id),
                                       "", ToJson(person)));
      it = leaders->emplace(key, person.id).first;
    }
    leader = it->second;
  }
  if (leader) {
    // The open 包抓领导 assignment ends yesterday; the new one starts today.
    std::vector<Assignment> current;
    if (row.action != RowAction::kCreate) {
      KL_ASSIGN_OR_RETURN(current, repos_.projects->ListAssignments(tx, project_id));
    }
    for (Assignment& a : current) {
      if (a.role != AssignmentRole::kLeadLeader || a.valid_to || !a.person_id) continue;
      if (*a.person_id == *leader) return Status::Ok();
      Assignment before = a;
      auto day = Date::Parse(today);
      if (day.ok()) a.valid_to = Date::FromDays(day->ToDays() - 1).ToString();
      if (a.valid_from && *a.valid_to < *a.valid_from) a.valid_to = a.valid_from;
      KL_RETURN_IF_ERROR(repos_.projects->UpdateAssignment(tx, a, before.version));
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "update", "assignment", std::to_string(a.id),
                                       ToJson(before), ToJson(a)));
    }
    Assignment a;
    a.project_id = project_id;
    a.role = AssignmentRole::kLeadLeader;
    a.person_id = leader;
    a.valid_from = today;
    a.note = "台账导入 " + import_ref;
    a.created_at = now;
    KL_ASSIGN_OR_RETURN(a.id, repos_.projects->InsertAssignment(tx, a));
    a.version = 1;
    KL_RETURN_IF_ERROR(
        audit_.Record(tx, caller, "create", "assignment", std::to_string(a.id), "", ToJson(a)));
  }
  return Status::Ok();
}

}  // namespace keyline::importing
