// Annual plans (年度计划), the reporting calendar and monthly reports (月报): the entities of
// the monthly reporting cycle. Money is exact (cents); dates are "YYYY-MM-DD"; periods YYYYMM;
// timestamps are ms since the epoch.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/enum_table.h"
#include "common/money.h"

namespace keyline {

// ---- Annual plan ----

enum class PlanStatus { kDraft, kConfirmed };
// How the planned investment is spread over the months when no breakdown is given.
enum class PlanSplit { kEven, kSCurve, kCustom };
std::span<const EnumEntry<PlanStatus>> PlanStatusTable();
std::span<const EnumEntry<PlanSplit>> PlanSplitTable();

// One version of a project's plan for one year. Version 1 is the first plan; a confirmed plan
// is a baseline: a later change makes version n+1 with a reason and leaves n readable.
struct AnnualPlan {
  int64_t project_id = 0;
  int year = 0;
  int version = 0;  // 1, 2, ... per (project, year)
  PlanStatus status = PlanStatus::kDraft;
  Money planned_investment;                       // 年度计划投资
  std::optional<std::string> planned_start;       // within the year
  std::optional<std::string> planned_completion;  // within the year
  std::string goals;                              // 年度建设内容 / 形象进度目标
  PlanSplit split = PlanSplit::kEven;
  std::array<Money, 12> monthly{};  // sums to planned_investment
  // 截至上年底累计完成投资: the opening balance of "cumulative since start" for this year;
  // nullopt = the sum of Keyline's own reports before the year.
  std::optional<Money> completed_before;
  std::string reason;  // why this version was made (required from version 2 on)
  int64_t created_by = 0;
  std::string created_by_name;
  int64_t created_at = 0;
  std::optional<int64_t> confirmed_by;
  std::optional<int64_t> confirmed_at;
  int64_t updated_at = 0;
};

// ---- Reporting calendar ----

// The rule that places each month's window: the report of month M opens on calendar day
// open_day of M, is due on the due_working_day-th working day of M+1 and locks after the
// lock_working_day-th working day of M+1 (working days on the official calendar).
struct ReportWindowRule {
  int open_day = 25;          // 1..28
  int due_working_day = 5;    // 1..20
  int lock_working_day = 10;  // due_working_day..23
};

// The dates of one period's window. A period may override the rule with explicit dates.
struct ReportWindow {
  int period = 0;
  std::string opens_on;     // first day a report may be saved or submitted
  std::string due_on;       // submitted on or before this day = on time
  std::string locks_after;  // from the next day on, the report is read-only
  bool overridden = false;
};

// ---- Validation rules ----

// Submit-time checks. Errors block; warnings must be confirmed by the reporter.
struct ReportRules {
  // 累计完成投资不得超过总投资: cumulative since start > total investment.
  bool cumulative_over_total_is_error = true;
  // A month above plan_factor × the planned month, or above history_factor × the average of
  // the last three reported months, is flagged (when it is also ≥ min_flag_amount).
  double plan_factor = 3.0;
  double history_factor = 3.0;
  Money min_flag_amount{100 * Money::kCentsPerWan};  // 100 万元
  // Progress percent lower than last month's is flagged.
  bool flag_progress_regression = true;
  // A project without an actual start date may not report investment (always an error).
};

// ---- Monthly report ----

enum class ReportStatus { kDraft, kSubmitted, kReturned, kApproved };
std::span<const EnumEntry<ReportStatus>> ReportStatusTable();

struct MonthlyReport {
  int64_t id = 0;
  int64_t project_id = 0;
  int period = 0;  // YYYYMM
  ReportStatus status = ReportStatus::kDraft;
  int64_t version = 0;
  Money completed_investment;                   // 本月完成投资
  std::string progress_text;                    // 形象进度
  int progress_percent = 0;                     // 0..100
  int workers = 0;                              // 在岗人数
  std::string main_works;                       // 本月主要工作
  std::string next_plan;                        // 下月计划
  std::string problems;                         // 存在问题
  std::vector<std::string> confirmed_warnings;  // warning codes the reporter confirmed
  std::optional<int64_t> first_submitted_at;
  std::optional<int64_t> submitted_at;  // the latest submission
  std::optional<int64_t> submitted_by;
  bool late = false;  // first submitted after the due day
  std::optional<int64_t> reviewed_at;
  std::optional<int64_t> reviewed_by;
  std::string review_comment;
  int return_count = 0;
  bool unlocked = false;  // a supervisor reopened it after lock or approval
  // "report": filled by the company; "import": an opening balance from the office's ledger
  // (台账导入期初数): the year-to-date amount up to this month, approved as the office's figure.
  std::string origin = "report";
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// What a file is attached to.
enum class AttachmentOwner { kReport, kProcedure };
std::span<const EnumEntry<AttachmentOwner>> AttachmentOwnerTable();

struct Attachment {
  int64_t id = 0;
  AttachmentOwner owner_kind = AttachmentOwner::kReport;
  int64_t owner_id = 0;  // monthly report id or project procedure id
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;  // hex
  int64_t created_by = 0;
  int64_t created_at = 0;
  // Where and when a JPEG photo was taken, from its EXIF (core/reporting/exif.h): the camera's
  // local time "YYYY-MM-DDTHH:MM:SS" and WGS 84 degrees (north / east positive); empty when the
  // file has none.
  std::optional<std::string> taken_at;
  std::optional<double> latitude;
  std::optional<double> longitude;
};

// ---- Derived figures ----

struct ProjectFigures {
  int64_t project_id = 0;
  int period = 0;
  Money month;         // 本月完成
  Money year_to_date;  // 1–M 月累计完成
  Money since_start;   // 自开工累计完成
  std::optional<Money> annual_plan;
  std::optional<double> annual_completion_rate;  // year_to_date / annual_plan, 0..
  double elapsed_share = 0;                      // 序时进度 = M / 12
  std::optional<double> gap_points;              // (rate − elapsed) × 100, 百分点
  std::optional<double> share_of_total;          // since_start / total investment
  Money total_investment;
};

}  // namespace keyline
