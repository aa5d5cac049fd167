// ReportDesk: the monthly work of reporters and reviewers in fewer steps.
//
//   Todo          a reporter's (or anyone's, scoped) list of the reports due for a period: every
//                 project that must report (ReportRepository::Reporting) with the state of its
//                 report — missing (未填), draft (草稿), submitted (已报送), returned (退回),
//                 approved (已通过) — and the period's window (截止日 = window.due_on).
//   Prefill       what a new report starts from: the latest earlier report the company filed
//                 (not an imported opening balance): its 形象进度 text and percent, its workers,
//                 and its 下月计划 as this month's 主要工作. The investment is never carried over.
//   ApproveBatch  approves several submitted reports, each through ReportService::Approve (its
//                 own transaction, version check and audit entry), and answers per report:
//                 approved, or skipped with a reason (out of scope, changed meanwhile, not
//                 submitted, carries confirmed submit warnings when only those without are
//                 wanted).
//   Compare       what a reviewer weighs a report against: the month's and the year's plan
//                 (the confirmed baseline), last month's figure and this period's figures as
//                 ReportingStats::Figures defines them (one definition), and the submit
//                 warnings the report raises today (ReportService::Warnings).
// Every read is scoped like the project ledger: a project outside the caller's scope is
// kNotFound.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/reporting.h"
#include "core/model/role.h"
#include "core/ports/reporting_repositories.h"
#include "core/ports/repositories.h"
#include "core/reporting/report_checks.h"
#include "core/service/report_service.h"
#include "core/service/reporting_settings.h"
#include "core/service/reporting_stats.h"

namespace keyline {

struct TodoItem {
  int64_t project_id = 0;
  std::string project_name;
  std::string state;  // "missing" | "draft" | "submitted" | "returned" | "approved"
  bool late = false;  // first submitted after the due day
};

struct ReportTodo {
  int period = 0;
  ReportWindow window;
  std::vector<TodoItem> items;  // returned, missing, draft first (what needs work), then the rest
};

struct ReportPrefill {
  int64_t project_id = 0;
  int period = 0;
  std::optional<int> source_period;  // the report the fields come from; nullopt: none
  std::string progress_text;
  int progress_percent = 0;
  int workers = 0;
  std::string main_works;  // the source's 下月计划
};

struct BatchTarget {
  int64_t project_id = 0;
  int period = 0;
  int64_t version = 0;  // the version the reviewer saw
};

struct BatchOutcome {
  int64_t project_id = 0;
  int period = 0;
  bool approved = false;
  std::optional<int64_t> report_id;
  std::optional<int64_t> version;  // after approval, or as read
  std::string reason_code;         // "" when approved; not_found, forbidden, conflict,
                                   // has_warnings, invalid
  std::string reason_zh, reason_en;
};

struct BatchResult {
  std::vector<BatchOutcome> outcomes;
  int64_t approved = 0;
  int64_t skipped = 0;
};

struct ReviewCompare {
  int64_t project_id = 0;
  int period = 0;
  ProjectFigures figures;               // this period (ReportingStats::Figures)
  std::optional<Money> plan_month;      // the baseline's amount for the month
  std::optional<Money> plan_year;       // the baseline's 年度计划投资
  std::optional<int> last_period;       // the month before
  std::optional<Money> last_month;      // its figure (ReportingStats::Figures of last_period)
  std::vector<ReportWarning> warnings;  // the submit warnings the report raises today
  std::vector<std::string> confirmed_warnings;  // the codes the reporter confirmed
};

class ReportDesk {
 public:
  static constexpr size_t kMaxBatch = 500;

  ReportDesk(const Repositories& repos, const ReportingRepositories& reporting,
             ReportService& reports, ReportingStats& stats, ReportingSettings& settings,
             const Clock& clock)
      : repos_(repos),
        reporting_(reporting),
        reports_(reports),
        stats_(stats),
        settings_(settings),
        clock_(clock) {}

  // period nullopt: the period being reported today (the month before this one).
  Result<ReportTodo> Todo(const Caller& caller, std::optional<int> period);
  // kForbidden unless the caller fills reports (reporter, admin, supervisor); kNotFound for a
  // project outside the scope; kInvalidArgument for a bad period.
  Result<ReportPrefill> Prefill(const Caller& caller, int64_t project_id, int period);
  // kForbidden unless the caller reviews (admin, supervisor, department). Each target is
  // approved or skipped; comment (≤ 1000 bytes) goes on every approved report.
  Result<BatchResult> ApproveBatch(const Caller& caller, const std::vector<BatchTarget>& targets,
                                   const std::string& comment);
  // The submitted reports in the caller's scope (of period, or of every period) without
  // confirmed warnings are approved; those with warnings are skipped (has_warnings). At most
  // kMaxBatch reports per call (the rest stay in the queue).
  Result<BatchResult> ApproveAllWithoutWarnings(const Caller& caller, std::optional<int> period,
                                                const std::string& comment);
  Result<ReviewCompare> Compare(const Caller& caller, int64_t project_id, int period);

 private:
  std::string Today() const;
  void ApproveOne(const Caller& caller, const BatchTarget& target, const std::string& comment,
                  BatchResult* result);

  Repositories repos_;
  ReportingRepositories reporting_;
  ReportService& reports_;
  ReportingStats& stats_;
  ReportingSettings& settings_;
  const Clock& clock_;
};

}  // namespace keyline
