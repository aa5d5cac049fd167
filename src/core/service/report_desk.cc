#include "core/service/report_desk.h"

#include <algorithm>

#include "common/date.h"
#include "core/reporting/figures.h"
#include "core/service/project_access.h"
#include "core/service/reporting_access.h"

namespace keyline {
namespace {

const char* StateOf(const std::optional<ReportStatus>& status) {
  if (!status) return "missing";
  switch (*status) {
    case ReportStatus::kDraft:
      return "draft";
    case ReportStatus::kSubmitted:
      return "submitted";
    case ReportStatus::kReturned:
      return "returned";
    case ReportStatus::kApproved:
      return "approved";
  }
  return "missing";
}

// What needs the reporter's work first: returned, missing, draft; then submitted, approved.
int StateOrder(const std::string& state) {
  static const char* kOrder[] = {"returned", "missing", "draft", "submitted", "approved"};
  for (int i = 0; i < 5; ++i) {
    if (state == kOrder[i]) return i;
  }
  return 5;
}

}  // namespace

std::string ReportDesk::Today() const { return Date::FromUnixMsBeijing(clock_.NowMs()).ToString(); }

Result<ReportTodo> ReportDesk::Todo(const Caller& caller, std::optional<int> period) {
  std::string today = Today();
  ReportTodo todo;
  if (period) {
    KL_RETURN_IF_ERROR(CheckReportPeriod(*period));
    todo.period = *period;
  } else {
    int month = std::stoi(today.substr(0, 4)) * 100 + std::stoi(today.substr(5, 2));
    todo.period = ReportPeriodOf(month);
  }
  KL_ASSIGN_OR_RETURN(todo.window, settings_.Window(todo.period));
  ProjectScope scope = ScopeFor(caller, today);
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::vector<ReportingRow> rows,
                        reporting_.reports->Reporting(tx, todo.period, ProjectQuery{}, scope));
    todo.items.reserve(rows.size());
    for (ReportingRow& row : rows) {
      TodoItem item;
      item.project_id = row.project_id;
      item.project_name = std::move(row.project_name);
      item.state = StateOf(row.status);
      item.late = row.late;
      todo.items.push_back(std::move(item));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::stable_sort(todo.items.begin(), todo.items.end(), [](const TodoItem& a, const TodoItem& b) {
    return StateOrder(a.state) < StateOrder(b.state);
  });
  return todo;
}

Result<ReportPrefill> ReportDesk::Prefill(const Caller& caller, int64_t project_id, int period) {
  KL_RETURN_IF_ERROR(CheckReportPeriod(period));
  if (!MayFillReports(caller.role)) {
    return Status::Forbidden("只有项目单位可以填报月报",
                             "only the project company fills monthly reports");
  }
  ReportPrefill out;
  out.project_id = project_id;
  out.period = period;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_ASSIGN_OR_RETURN(std::vector<MonthlyReport> reports,
                        reporting_.reports->ListForProject(tx, project_id));
    const MonthlyReport* source = nullptr;
    for (const MonthlyReport& r : reports) {
      if (r.period >= period || r.origin != "report") continue;
      if (!source || r.period > source->period) source = &r;
    }
    if (source) {
      out.source_period = source->period;
      out.progress_text = source->progress_text;
      out.progress_percent = source->progress_percent;
      out.workers = source->workers;
      out.main_works = source->next_plan;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

void ReportDesk::ApproveOne(const Caller& caller, const BatchTarget& target,
                            const std::string& comment, BatchResult* result) {
  BatchOutcome out;
  out.project_id = target.project_id;
  out.period = target.period;
  Result<MonthlyReport> approved =
      reports_.Approve(caller, target.project_id, target.period, target.version, comment);
  if (approved.ok()) {
    out.approved = true;
    out.report_id = approved->id;
    out.version = approved->version;
    ++result->approved;
  } else {
    const Status& s = approved.status();
    switch (s.code()) {
      case ErrorCode::kNotFound:
        out.reason_code = "not_found";
        break;
      case ErrorCode::kForbidden:
        out.reason_code = "forbidden";
        break;
      case ErrorCode::kConflict:
        out.reason_code = "conflict";
        break;
      default:
        out.reason_code = "invalid";
        break;
    }
    out.reason_zh = s.message_zh();
    out.reason_en = s.message_en();
    out.version = target.version;
    ++result->skipped;
  }
  result->outcomes.push_back(std::move(out));
}

Result<BatchResult> ReportDesk::ApproveBatch(const Caller& caller,
                                             const std::vector<BatchTarget>& targets,
                                             const std::string& comment) {
  if (!MayReviewReports(caller.role)) {
    return Status::Forbidden("只有责任部门或发改部门可以审核月报",
                             "only the responsible department or the 发改 office reviews "
                             "monthly reports");
  }
  BatchResult result;
  for (const BatchTarget& t : targets) ApproveOne(caller, t, comment, &result);
  return result;
}

Result<BatchResult> ReportDesk::ApproveAllWithoutWarnings(const Caller& caller,
                                                          std::optional<int> period,
                                                          const std::string& comment) {
  if (!MayReviewReports(caller.role)) {
    return Status::Forbidden("只有责任部门或发改部门可以审核月报",
                             "only the responsible department or the 发改 office reviews "
                             "monthly reports");
  }
  if (period) KL_RETURN_IF_ERROR(CheckReportPeriod(*period));
  ReportQuery query;
  query.period = period;
  query.statuses = {ReportStatus::kSubmitted};
  query.page.limit = static_cast<int64_t>(kMaxBatch);
  KL_ASSIGN_OR_RETURN(PageOf<ReportListItem> queue, reports_.List(caller, query));
  BatchResult result;
  for (const ReportListItem& item : queue.items) {
    const MonthlyReport& r = item.report;
    if (!r.confirmed_warnings.empty()) {
      BatchOutcome out;
      out.project_id = r.project_id;
      out.period = r.period;
      out.report_id = r.id;
      out.version = r.version;
      out.reason_code = "has_warnings";
      out.reason_zh =
          "月报带有报送预警（" + std::to_string(r.confirmed_warnings.size()) + " 项），请逐条审核";
      out.reason_en = "the report carries submit warnings; review it on its own";
      ++result.skipped;
      result.outcomes.push_back(std::move(out));
      continue;
    }
    ApproveOne(caller, {r.project_id, r.period, r.version}, comment, &result);
  }
  return result;
}

Result<ReviewCompare> ReportDesk::Compare(const Caller& caller, int64_t project_id, int period) {
  KL_RETURN_IF_ERROR(CheckReportPeriod(period));
  ReviewCompare c;
  c.project_id = project_id;
  c.period = period;
  KL_ASSIGN_OR_RETURN(c.figures, stats_.Figures(caller, project_id, period));
  int last = PreviousPeriod(period);
  if (last / 100 >= 2000) {
    KL_ASSIGN_OR_RETURN(ProjectFigures before, stats_.Figures(caller, project_id, last));
    c.last_period = last;
    c.last_month = before.month;
  }
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::optional<AnnualPlan> plan,
                        reporting_.plans->Baseline(tx, project_id, period / 100));
    if (plan) {
      c.plan_year = plan->planned_investment;
      c.plan_month = plan->monthly[period % 100 - 1];
    }
    KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> report,
                        reporting_.reports->Find(tx, project_id, period));
    if (report) c.confirmed_warnings = report->confirmed_warnings;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  KL_ASSIGN_OR_RETURN(c.warnings, reports_.Warnings(caller, project_id, period));
  return c;
}

}  // namespace keyline
