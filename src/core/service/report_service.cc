#include "core/service/report_service.h"

#include <algorithm>

#include "common/date.h"
#include "common/json_writer.h"
#include "common/sha256.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/reporting/attachment_rules.h"
#include "core/reporting/report_window.h"
#include "core/service/project_access.h"
#include "core/service/reporting_access.h"

namespace keyline {
namespace {

Status StaleReport() {
  return Status::Conflict("月报已被他人修改，请刷新后重试",
                          "the report was changed by someone else; reload and retry");
}

std::string PeriodZh(int period) {
  return std::to_string(period / 100) + " 年 " + std::to_string(period % 100) + " 月";
}

Status CheckPeriod(int period) {
  int year = period / 100;
  int month = period % 100;
  if (year < 2000 || year > 2100 || month < 1 || month > 12) {
    return Status::NotFound("报告期无效（应为 YYYYMM）", "invalid period (expected YYYYMM)");
  }
  return Status::Ok();
}

void Apply(const ReportInput& in, MonthlyReport* r) {
  if (in.completed_investment) r->completed_investment = *in.completed_investment;
  if (in.progress_text) r->progress_text = *in.progress_text;
  if (in.progress_percent) r->progress_percent = *in.progress_percent;
  if (in.workers) r->workers = *in.workers;
  if (in.main_works) r->main_works = *in.main_works;
  if (in.next_plan) r->next_plan = *in.next_plan;
  if (in.problems) r->problems = *in.problems;
  if (in.confirmed_warnings) r->confirmed_warnings = *in.confirmed_warnings;
}

}  // namespace

std::string ReportService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Result<Project> ReportService::LoadProject(Tx& tx, const Caller& caller, int64_t project_id,
                                           Access access) {
  KL_ASSIGN_OR_RETURN(Project project,
                      LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()));
  switch (access) {
    case Access::kRead:
      break;
    case Access::kFill:
      if (!MayFillReports(caller.role)) {
        return Status::Forbidden("只有项目单位可以填报月报",
                                 "only the project company fills monthly reports");
      }
      break;
    case Access::kReview:
      if (!MayReviewReports(caller.role)) {
        return Status::Forbidden("只有责任部门或发改部门可以审核月报",
                                 "only the responsible department or the 发改 office reviews "
                                 "monthly reports");
      }
      break;
  }
  return project;
}

Status ReportService::CheckWritable(const MonthlyReport& r, const ReportWindow& w) const {
  switch (r.status) {
    case ReportStatus::kSubmitted:
      return Status::Conflict("月报已报送，待审核；如需修改请联系审核部门退回",
                              "the report is submitted and awaits review; ask the reviewer to "
                              "return it for changes");
    case ReportStatus::kApproved:
      return Status::Conflict("月报已审核通过，如需修改请联系发改部门解锁",
                              "the report is approved; ask the 发改 office to unlock it");
    case ReportStatus::kDraft:
    case ReportStatus::kReturned:
      break;
  }
  if (r.unlocked) return Status::Ok();
  WindowPhase phase = PhaseOn(w, Today());
  if (phase == WindowPhase::kNotOpen) {
    return Status::Conflict(
        PeriodZh(w.period) + "月报尚未开始填报（" + w.opens_on + " 开始）",
        "reporting for " + std::to_string(w.period) + " opens on " + w.opens_on);
  }
  if (phase == WindowPhase::kLocked) {
    return Status::Conflict(
        PeriodZh(w.period) + "月报已于 " + w.locks_after + " 后锁定，如需补报请联系发改部门解锁",
        "reporting for " + std::to_string(w.period) + " locked after " + w.locks_after +
            "; ask the 发改 office to unlock it");
  }
  return Status::Ok();
}

Result<ReportView> ReportService::Get(const Caller& caller, int64_t project_id, int period) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(ReportWindow window, settings_.Window(period));
  ReportView view;
  view.window = window;
  bool may_fill = false;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadProject(tx, caller, project_id, Access::kRead).status());
    may_fill = MayFillReports(caller.role);
    KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> found,
                        reporting_.reports->Find(tx, project_id, period));
    if (found) {
      view.report = std::move(*found);
      KL_ASSIGN_OR_RETURN(view.attachments, reporting_.attachments->ListFor(
                                                tx, AttachmentOwner::kReport, view.report.id));
    } else {
      view.report.project_id = project_id;
      view.report.period = period;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  view.editable = may_fill && CheckWritable(view.report, window).ok();
  return view;
}

Result<std::vector<MonthlyReport>> ReportService::ListForProject(const Caller& caller,
                                                                 int64_t project_id) {
  std::vector<MonthlyReport> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadProject(tx, caller, project_id, Access::kRead).status());
    KL_ASSIGN_OR_RETURN(out, reporting_.reports->ListForProject(tx, project_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<PageOf<ReportListItem>> ReportService::List(const Caller& caller, const ReportQuery& query) {
  PageOf<ReportListItem> out;
  ProjectScope scope = ScopeFor(caller, Today());
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, reporting_.reports->List(tx, query, scope));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status ReportService::PrepareEdit(Tx& tx, const Caller& caller, int64_t project_id, int period,
                                  int64_t expected_version, const ReportInput& input,
                                  const ReportWindow& w, MonthlyReport* before,
                                  MonthlyReport* after, bool* exists) {
  KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> found,
                      reporting_.reports->Find(tx, project_id, period));
  *exists = found.has_value();
  if (found) {
    *before = std::move(*found);
  } else {
    before->project_id = project_id;
    before->period = period;
    before->status = ReportStatus::kDraft;
  }
  if (before->version != expected_version) return StaleReport();
  KL_RETURN_IF_ERROR(CheckWritable(*before, w));
  *after = *before;
  Apply(input, after);
  return ValidateReportFields(*after);
}

Status ReportService::Persist(Tx& tx, const Caller& caller, const char* action, bool exists,
                              const MonthlyReport& before, MonthlyReport* after) {
  int64_t now = clock_.NowMs();
  after->updated_at = now;
  if (exists) {
    KL_RETURN_IF_ERROR(reporting_.reports->Update(tx, *after, before.version));
    after->version = before.version + 1;
  } else {
    after->created_at = now;
    KL_ASSIGN_OR_RETURN(after->id, reporting_.reports->Insert(tx, *after));
    after->version = 1;
  }
  return audit_.Record(tx, caller, action, "monthly_report", std::to_string(after->id),
                       exists ? ToJson(before) : "", ToJson(*after));
}

Result<MonthlyReport> ReportService::Save(const Caller& caller, int64_t project_id, int period,
                                          int64_t expected_version, const ReportInput& input) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(ReportWindow window, settings_.Window(period));
  MonthlyReport after;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadProject(tx, caller, project_id, Access::kFill).status());
    MonthlyReport before;
    bool exists = false;
    KL_RETURN_IF_ERROR(PrepareEdit(tx, caller, project_id, period, expected_version, input, window,
                                   &before, &after, &exists));
    return Persist(tx, caller, exists ? "update" : "create", exists, before, &after);
  });
  if (!st.ok()) return st;
  return after;
}

Result<ReportCheckContext> ReportService::CheckContext(Tx& tx, const Project& project, int period) {
  ReportCheckContext c;
  c.total_investment = project.total_investment;
  c.has_actual_start = project.actual_start.has_value();
  KL_ASSIGN_OR_RETURN(ReportTotals totals, reporting_.reports->Totals(tx, project.id, period));
  KL_ASSIGN_OR_RETURN(std::optional<AnnualPlan> plan,
                      reporting_.plans->Baseline(tx, project.id, period / 100));
  Money opening = totals.before_year;
  if (plan) {
    if (plan->completed_before) opening = *plan->completed_before;
    c.plan_month = plan->monthly[period % 100 - 1];
  }
  c.cumulative_before = opening + totals.year_before_period;
  c.recent_months = std::move(totals.recent_months);
  c.previous_percent = totals.previous_percent;
  return c;
}

Result<SubmitResult> ReportService::Submit(const Caller& caller, int64_t project_id, int period,
                                           int64_t expected_version, const ReportInput& input) {
  SubmitResult result;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(result,
                        SubmitInTx(tx, caller, project_id, period, expected_version, input));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return result;
}

Result<SubmitResult> ReportService::SubmitInTx(Tx& tx, const Caller& caller, int64_t project_id,
                                               int period, int64_t expected_version,
                                               const ReportInput& input) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(ReportWindow window, settings_.Window(tx, period));
  KL_ASSIGN_OR_RETURN(ReportRules rules, settings_.Rules(tx));
  std::string today = Today();
  SubmitResult result;
  KL_ASSIGN_OR_RETURN(Project project, LoadProject(tx, caller, project_id, Access::kFill));
  MonthlyReport before;
  MonthlyReport after;
  bool exists = false;
  KL_RETURN_IF_ERROR(PrepareEdit(tx, caller, project_id, period, expected_version, input, window,
                                 &before, &after, &exists));
  KL_ASSIGN_OR_RETURN(ReportCheckContext context, CheckContext(tx, project, period));
  ReportCheckOutcome outcome = CheckReport(after, context, rules);
  if (!outcome.errors.empty()) {
    std::string zh = outcome.errors.front().message_zh;
    std::string en = outcome.errors.front().message_en;
    return Status::InvalidArgument(zh, en, std::move(outcome.errors));
  }
  if (!outcome.unconfirmed.empty()) {
    std::vector<FieldError> details;
    for (const ReportWarning& w : outcome.unconfirmed) {
      details.push_back({w.code, w.message_zh, w.message_en});
    }
    std::string zh = "请确认以下提示后再报送：" + details.front().message_zh;
    std::string en = "confirm these warnings, then submit again: " + details.front().message_en;
    return Status(ErrorCode::kConflict, std::move(zh), std::move(en), std::move(details));
  }
  // Keep only the confirmations that still apply.
  std::vector<std::string> kept;
  for (const ReportWarning& w : outcome.warnings) kept.push_back(w.code);
  after.confirmed_warnings = kept;
  int64_t now = clock_.NowMs();
  after.status = ReportStatus::kSubmitted;
  after.submitted_at = now;
  after.submitted_by = caller.user_id;
  if (!after.first_submitted_at) {
    after.first_submitted_at = now;
    after.late = today > window.due_on;
  }
  after.unlocked = false;
  KL_RETURN_IF_ERROR(Persist(tx, caller, "submit", exists, before, &after));
  result.report = after;
  result.warnings = std::move(outcome.warnings);
  return result;
}

Result<MonthlyReport> ReportService::Review(const Caller& caller, int64_t project_id, int period,
                                            int64_t expected_version, const std::string& comment,
                                            bool approve) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  if (!approve && comment.empty()) {
    return Status::InvalidArgument("退回须填写修改意见", "returning a report needs a comment",
                                   {{"comment", "退回须填写修改意见", "a comment is required"}});
  }
  if (comment.size() > 2000) {
    return Status::InvalidArgument("审核意见过长（最多 2000 字节）",
                                   "the comment is too long (at most 2000 bytes)",
                                   {{"comment", "审核意见过长", "comment too long"}});
  }
  MonthlyReport after;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadProject(tx, caller, project_id, Access::kReview).status());
    KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> found,
                        reporting_.reports->Find(tx, project_id, period));
    if (!found) return Status::NotFound("月报尚未填报", "the report does not exist");
    MonthlyReport before = std::move(*found);
    if (before.version != expected_version) return StaleReport();
    if (before.status != ReportStatus::kSubmitted) {
      return Status::Conflict("只能审核已报送的月报", "only a submitted report can be reviewed");
    }
    after = before;
    int64_t now = clock_.NowMs();
    after.status = approve ? ReportStatus::kApproved : ReportStatus::kReturned;
    after.reviewed_at = now;
    after.reviewed_by = caller.user_id;
    after.review_comment = comment;
    if (!approve) ++after.return_count;
    return Persist(tx, caller, approve ? "approve" : "return", true, before, &after);
  });
  if (!st.ok()) return st;
  return after;
}

Result<MonthlyReport> ReportService::Approve(const Caller& caller, int64_t project_id, int period,
                                             int64_t expected_version, const std::string& comment) {
  return Review(caller, project_id, period, expected_version, comment, true);
}

Result<MonthlyReport> ReportService::Return(const Caller& caller, int64_t project_id, int period,
                                            int64_t expected_version, const std::string& comment) {
  return Review(caller, project_id, period, expected_version, comment, false);
}

Result<MonthlyReport> ReportService::Unlock(const Caller& caller, int64_t project_id, int period,
                                            const std::string& reason) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  if (!MayManageReporting(caller.role)) {
    return Status::Forbidden("只有发改部门可以解锁月报",
                             "only the 发改 office may unlock a report");
  }
  if (reason.empty() || reason.size() > 2000) {
    return Status::InvalidArgument("解锁须说明原因（最多 2000 字节）",
                                   "unlocking needs a reason (at most 2000 bytes)",
                                   {{"reason", "解锁须说明原因", "a reason is required"}});
  }
  MonthlyReport after;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadProject(tx, caller, project_id, Access::kRead).status());
    KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> found,
                        reporting_.reports->Find(tx, project_id, period));
    bool exists = found.has_value();
    MonthlyReport before;
    if (exists) {
      before = std::move(*found);
    } else {
      before.project_id = project_id;
      before.period = period;
    }
    if (before.status == ReportStatus::kSubmitted) {
      return Status::Conflict("月报已报送待审核，无需解锁；请审核或退回",
                              "the report awaits review; approve or return it instead");
    }
    after = before;
    after.unlocked = true;
    if (after.status == ReportStatus::kApproved) after.status = ReportStatus::kReturned;
    after.review_comment = "解锁：" + reason;
    return Persist(tx, caller, "unlock", exists, before, &after);
  });
  if (!st.ok()) return st;
  return after;
}

Result<std::vector<ReportWarning>> ReportService::Warnings(const Caller& caller, int64_t project_id,
                                                           int period) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(ReportRules rules, settings_.Rules());
  std::vector<ReportWarning> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project, LoadProject(tx, caller, project_id, Access::kRead));
    KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> found,
                        reporting_.reports->Find(tx, project_id, period));
    if (!found) return Status::Ok();
    KL_ASSIGN_OR_RETURN(ReportCheckContext context, CheckContext(tx, project, period));
    out = CheckReport(*found, context, rules).warnings;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Attachment> ReportService::AddAttachment(const Caller& caller, int64_t project_id,
                                                int period, const std::string& filename,
                                                const std::string& bytes) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(std::string type, AcceptAttachment(filename, bytes));
  KL_ASSIGN_OR_RETURN(ReportWindow window, settings_.Window(period));
  Attachment meta;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadProject(tx, caller, project_id, Access::kFill).status());
    KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> found,
                        reporting_.reports->Find(tx, project_id, period));
    MonthlyReport report;
    if (found) {
      report = std::move(*found);
      KL_RETURN_IF_ERROR(CheckWritable(report, window));
    } else {
      MonthlyReport before;
      MonthlyReport empty;
      bool exists = false;
      KL_RETURN_IF_ERROR(PrepareEdit(tx, caller, project_id, period, 0, ReportInput{}, window,
                                     &before, &empty, &exists));
      KL_RETURN_IF_ERROR(Persist(tx, caller, "create", false, before, &empty));
      report = empty;
    }
    KL_ASSIGN_OR_RETURN(std::vector<Attachment> existing,
                        reporting_.attachments->ListFor(tx, AttachmentOwner::kReport, report.id));
    KL_RETURN_IF_ERROR(CheckAttachmentCount(existing.size()));
    meta = DescribeAttachment(AttachmentOwner::kReport, report.id, filename, type, bytes,
                              caller.user_id, clock_.NowMs());
    KL_ASSIGN_OR_RETURN(meta.id, reporting_.attachments->Insert(tx, meta, bytes));
    return audit_.Record(tx, caller, "create", "attachment", std::to_string(meta.id), "",
                         ToJson(meta));
  });
  if (!st.ok()) return st;
  return meta;
}

Status ReportService::DeleteAttachmentIn(Tx& tx, const Caller& caller, const Attachment& meta) {
  KL_ASSIGN_OR_RETURN(MonthlyReport report, reporting_.reports->Get(tx, meta.owner_id));
  Result<Project> project = LoadProject(tx, caller, report.project_id, Access::kFill);
  if (!project.ok()) {
    if (project.status().code() == ErrorCode::kNotFound) {
      return Status::NotFound("附件不存在或无权查看", "attachment not found");
    }
    return project.status();
  }
  KL_ASSIGN_OR_RETURN(ReportWindow window, settings_.Window(tx, report.period));
  KL_RETURN_IF_ERROR(CheckWritable(report, window));
  KL_RETURN_IF_ERROR(reporting_.attachments->Delete(tx, meta.id));
  return audit_.Record(tx, caller, "delete", "attachment", std::to_string(meta.id), ToJson(meta),
                       "");
}

}  // namespace keyline
