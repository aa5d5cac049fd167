// Facts: the engine's in-memory copy of what indicators are computed from.
//
// Struct-of-arrays, sized for 100,000 projects, 800,000 procedures and 3,600,000 monthly
// reports: a report is 16 bytes (project row, period, cents), a procedure 16. Rows refer to
// their project by row index (int32), not by id. Conventions:
//   money   int64 cents (Money::cents)
//   dates   int32 yyyymmdd (20260315); 0 = no date
//   periods int32 YYYYMM
//   enums   uint8 of the core enum (Stage, ProjectLevel, ...)
//   codes   region (GB/T 2260, 6..12 digits) and industry (GB/T 4754) codes are interned in a
//           Dictionary; id 0 is the empty code
//   unit    responsible unit id (责任单位); 0 = none
//
// Who fills it: tests, and the loader in storage/engine (LoadFacts at start, then LiveFacts
// replaces the rows of each project a committed write touched: SetProject / Replace* / SetLead).
// Child rows are removed by swap-with-last, so row order is not stable across changes; project
// rows are never removed (a project is withdrawn, not deleted), so project row indexes are.
// Facts is a plain value: not thread-safe for writes; concurrent const reads are fine.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "core/model/attraction.h"
#include "core/model/funds.h"
#include "core/model/project.h"
#include "core/model/reporting.h"
#include "core/model/supervision.h"

namespace keyline::engine {

// yyyymmdd of an ISO "YYYY-MM-DD" date; 0 for an empty or malformed text.
int32_t DateKey(std::string_view iso);

// Interned strings; id 0 is always "".
class Dictionary {
 public:
  Dictionary() : strings_{""} { ids_.emplace("", 0); }
  uint32_t Intern(std::string_view s);
  // nullopt when s was never interned.
  std::optional<uint32_t> Find(std::string_view s) const;
  const std::string& Get(uint32_t id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }

 private:
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> ids_;
};

// Input rows (what a loader or a test hands in). Dates are yyyymmdd, 0 = none.
struct ProjectFact {
  int64_t id = 0;
  Stage stage = Stage::kConceived;
  ProjectLevel level = ProjectLevel::kNone;
  int64_t unit = 0;
  std::string region;
  std::string industry;
  int64_t total_cents = 0;
  int32_t planned_start = 0, planned_completion = 0;
  int32_t actual_start = 0, actual_completion = 0;
  StatsStatus stats_status = StatsStatus::kNotApplicable;
  int32_t stats_date = 0;
  int64_t leader = 0;  // the current 包抓领导 (person id); 0 = none
};
struct PlanFact {  // the current baseline of one project's annual plan
  int64_t project_id = 0;
  int year = 0;
  int64_t planned_cents = 0;
  std::array<int64_t, 12> monthly_cents{};  // breakdown, sums to planned_cents
  int32_t planned_start = 0, planned_completion = 0;
};
struct ReportFact {  // one monthly report (one per project and period)
  int64_t project_id = 0;
  int32_t period = 0;
  int64_t completed_cents = 0;
  ReportStatus status = ReportStatus::kApproved;
  int32_t submitted_on = 0;  // yyyymmdd of the (last) submission; 0 = never submitted
  bool late = false;         // submitted after the period's due day
};
struct FundFact {  // one funding line's totals (research §7): 申请 ≥ 下达 ≥ 到位 ≥ 支付
  int64_t project_id = 0;
  FundingSource source = FundingSource::kOther;
  int year = 0;
  int64_t applied_cents = 0, issued_cents = 0, arrived_cents = 0, paid_cents = 0;
};
struct ProcedureFact {
  int64_t project_id = 0;
  ProcedureStatus status = ProcedureStatus::kNotStarted;
  int32_t due = 0, done = 0;
};
struct ProblemFact {
  int64_t project_id = 0;
  ProblemStatus status = ProblemStatus::kOpen;
  ProblemSeverity severity = ProblemSeverity::kOrdinary;
  int32_t raised = 0, due = 0, closed = 0;
};
struct LeadFact {  // 招商引资 lead; signed = date of 签约, landed = date it reached 注册 or 落地
  int64_t id = 0;
  int64_t unit = 0;
  std::string industry;
  LeadStage stage = LeadStage::kLead;
  int64_t amount_cents = 0;
  int32_t signed_on = 0, landed_on = 0;
  std::optional<int64_t> project_id;
};

struct Facts {
  struct Projects {
    std::vector<int64_t> id;
    std::vector<uint8_t> stage, level, stats_status;
    std::vector<int64_t> unit;
    std::vector<uint32_t> region, industry;
    std::vector<int64_t> total;
    std::vector<int32_t> planned_start, planned_completion, actual_start, actual_completion,
        stats_date;
    std::vector<int64_t> leader;
    // 三个一批 rounds (campaign_rounds.id) the project is in, sorted; a project may be in several.
    std::vector<std::vector<int64_t>> campaigns;
    size_t size() const { return id.size(); }
  } projects;
  struct Plans {
    std::vector<int32_t> project;
    std::vector<int16_t> year;
    std::vector<int64_t> planned;
    std::vector<std::array<int64_t, 12>> monthly;
    std::vector<int32_t> planned_start, planned_completion;
    size_t size() const { return project.size(); }
    template <typename F>
    void ForEachColumn(F&& f) {
      f(project);
      f(year);
      f(planned);
      f(monthly);
      f(planned_start);
      f(planned_completion);
    }
  } plans;
  struct Reports {
    std::vector<int32_t> project;
    std::vector<int32_t> period;
    std::vector<int64_t> amount;
    std::vector<uint8_t> status, late;
    std::vector<int32_t> submitted_on;
    size_t size() const { return project.size(); }
    template <typename F>
    void ForEachColumn(F&& f) {
      f(project);
      f(period);
      f(amount);
      f(status);
      f(late);
      f(submitted_on);
    }
  } reports;
  struct Funds {
    std::vector<int32_t> project;
    std::vector<uint8_t> source;
    std::vector<int16_t> year;
    std::vector<int64_t> applied, issued, arrived, paid;
    size_t size() const { return project.size(); }
    template <typename F>
    void ForEachColumn(F&& f) {
      f(project);
      f(source);
      f(year);
      f(applied);
      f(issued);
      f(arrived);
      f(paid);
    }
  } funds;
  struct Procedures {
    std::vector<int32_t> project;
    std::vector<uint8_t> status;
    std::vector<int32_t> due, done;
    size_t size() const { return project.size(); }
    template <typename F>
    void ForEachColumn(F&& f) {
      f(project);
      f(status);
      f(due);
      f(done);
    }
  } procedures;
  struct Problems {
    std::vector<int32_t> project;
    std::vector<uint8_t> status, severity;
    std::vector<int32_t> raised, due, closed;
    size_t size() const { return project.size(); }
    template <typename F>
    void ForEachColumn(F&& f) {
      f(project);
      f(status);
      f(severity);
      f(raised);
      f(due);
      f(closed);
    }
  } problems;
  struct Leads {
    std::vector<int64_t> id;
    std::vector<int64_t> unit;
    std::vector<uint32_t> industry;
    std::vector<uint8_t> stage;
    std::vector<int64_t> amount;
    std::vector<int32_t> signed_on, landed_on;
    std::vector<int32_t> project;  // row, -1 = not (yet) a project
    size_t size() const { return id.size(); }
    template <typename F>
    void ForEachColumn(F&& f) {
      f(id);
      f(unit);
      f(industry);
      f(stage);
      f(amount);
      f(signed_on);
      f(landed_on);
      f(project);
    }
  } leads;
  Dictionary regions, industries;
  std::unordered_map<int64_t, int32_t> project_row;  // project id → row

  // Each Add returns the new row, or kInvalidArgument (duplicate project id) / kNotFound (a
  // project id that was not added first).
  Result<int32_t> AddProject(const ProjectFact& p);
  Result<int32_t> AddPlan(const PlanFact& p);
  Result<int32_t> AddReport(const ReportFact& r);
  Result<int32_t> AddProcedure(const ProcedureFact& p);
  Result<int32_t> AddProblem(const ProblemFact& p);
  Result<int32_t> AddLead(const LeadFact& l);
  Result<int32_t> AddFund(const FundFact& f);

  // ---- incremental changes (LiveFacts) ----
  // Adds the project or overwrites its row in place (keeps its campaigns). Returns its row.
  int32_t SetProject(const ProjectFact& p);
  // Replace all rows of one project in one table by `rows` (each row's project_id must be
  // project_id; kNotFound when the project is not in the facts).
  Status ReplacePlans(int64_t project_id, const std::vector<PlanFact>& rows);
  Status ReplaceReports(int64_t project_id, const std::vector<ReportFact>& rows);
  Status ReplaceProcedures(int64_t project_id, const std::vector<ProcedureFact>& rows);
  Status ReplaceProblems(int64_t project_id, const std::vector<ProblemFact>& rows);
  Status ReplaceFunds(int64_t project_id, const std::vector<FundFact>& rows);
  Status SetCampaigns(int64_t project_id, std::vector<int64_t> rounds);
  // Adds or overwrites a lead (kNotFound when its project is unknown); RemoveLead: no-op when
  // the lead is not there.
  Status SetLead(const LeadFact& l);
  void RemoveLead(int64_t lead_id);
  // The report row of (project, period), or -1.
  int32_t FindReport(int64_t project_id, int32_t period) const;
  // Row indexes of one project's child rows (valid until the next change).
  const std::vector<int32_t>& ReportRowsOf(int32_t project_row) const;
  // One project's reports in period order with running totals of the amount per report status
  // (cum[i][status] = Σ amount of entries 0..i with that status): a sum over a period range and
  // a set of statuses is two binary searches. Kept by AddReport and ReplaceReports.
  struct ReportSeries {
    std::vector<int32_t> period;
    std::vector<uint8_t> status;
    std::vector<std::array<int64_t, 4>> cum;
  };
  const ReportSeries& ReportSeriesOf(int32_t project_row) const;
  // Counts every change; caches built from the facts compare it.
  uint64_t change_count() const { return change_count_; }
  // Rows of one project in the other per-project tables (valid until the next change).
  const std::vector<int32_t>& PlanRowsOf(int32_t project_row) const;
  const std::vector<int32_t>& ProcedureRowsOf(int32_t project_row) const;
  const std::vector<int32_t>& ProblemRowsOf(int32_t project_row) const;
  // Identifies this Facts object: drawn afresh on construction, copy and assignment, so a
  // (generation, change_count) pair names one state of one object.
  uint64_t generation() const { return generation_.id; }
  // The project rows touched by the changes after change number `since` of this generation
  // (-1 for a change to a lead only; duplicates possible), appended to `rows`; false when they
  // are no longer known (another generation, or older than the last kJournal changes).
  bool ChangedRowsSince(uint64_t generation, uint64_t since, std::vector<int32_t>* rows) const;
  static constexpr size_t kJournal = 8192;

 private:
  // Child rows per project row, per table (kept by Add* and Replace*).
  std::vector<std::vector<int32_t>> plan_rows_, report_rows_, procedure_rows_, problem_rows_,
      fund_rows_;
  std::unordered_map<int64_t, int32_t> lead_row_;  // lead id → row
  std::vector<ReportSeries> report_series_;        // per project row
  void AddToSeries(int32_t project_row, int32_t report_row);
  void RebuildSeries(int32_t project_row);
  uint64_t change_count_ = 0;
  struct Generation {
    uint64_t id = Next();
    Generation() = default;
    Generation(const Generation&) : id(Next()) {}
    Generation& operator=(const Generation&) {
      id = Next();
      return *this;
    }
    static uint64_t Next();
  } generation_;
  // (change number, project row) of the last changes, oldest first.
  std::vector<std::pair<uint64_t, int32_t>> journal_;
  // Counts one change to `project_row` (-1: a lead).
  void Note(int32_t project_row);
  std::vector<std::vector<int32_t>>& RowsOf(std::vector<std::vector<int32_t>>& index,
                                            int32_t project_row);

  Result<int32_t> RowOf(int64_t project_id) const;
};

}  // namespace keyline::engine
