// The submit-time checks of a monthly report (ReportRules): errors block the submission,
// warnings flag an unusual figure that the reporter must confirm before it is accepted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "core/model/reporting.h"

namespace keyline {

struct ReportWarning {
  std::string code;  // stable: "large_vs_plan", "large_vs_history", "progress_regressed"
  std::string message_zh;
  std::string message_en;
};

// What the checks look at besides the report itself.
struct ReportCheckContext {
  Money total_investment;
  bool has_actual_start = false;        // the project records an actual start date
  Money cumulative_before;              // since start, excluding this period's report
  std::optional<Money> plan_month;      // this month's planned amount, when a plan exists
  std::vector<Money> recent_months;     // up to the last three reported months before this one
  std::optional<int> previous_percent;  // last month's progress percent
};

struct ReportCheckOutcome {
  std::vector<FieldError> errors;
  std::vector<ReportWarning> warnings;  // all warnings, confirmed or not
  // Warnings not in report.confirmed_warnings: the submission waits for these.
  std::vector<ReportWarning> unconfirmed;
};

// Field-level validation that applies to drafts too: amounts not negative, percent 0..100,
// workers 0..1,000,000, texts within their limits. Returns kInvalidArgument with details.
Status ValidateReportFields(const MonthlyReport& report);

// The submit checks. Never fails; the outcome says what was found.
ReportCheckOutcome CheckReport(const MonthlyReport& report, const ReportCheckContext& context,
                               const ReportRules& rules);

// kInvalidArgument when a factor is not in [1, 100] or the amount is negative.
Status ValidateReportRules(const ReportRules& rules);

}  // namespace keyline
