// Repository interfaces of the monthly reporting cycle (annual plans, reporting settings,
// monthly reports, attachments). Same conventions as repositories.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/reporting.h"
#include "core/ports/repositories.h"

namespace keyline {

class PlanRepository {
 public:
  virtual ~PlanRepository() = default;
  // Every version of the project's plan for the year, oldest first.
  virtual Result<std::vector<AnnualPlan>> Versions(Tx& tx, int64_t project_id, int year) = 0;
  // The newest version, or nullopt when the year has no plan.
  virtual Result<std::optional<AnnualPlan>> Current(Tx& tx, int64_t project_id, int year) = 0;
  // The newest confirmed version (the baseline the figures and checks use), or nullopt.
  virtual Result<std::optional<AnnualPlan>> Baseline(Tx& tx, int64_t project_id, int year) = 0;
  // The newest version of each year, by year.
  virtual Result<std::vector<AnnualPlan>> CurrentByYear(Tx& tx, int64_t project_id) = 0;
  // kConflict when (project, year, version) exists.
  virtual Status Insert(Tx& tx, const AnnualPlan& plan) = 0;
  // Rewrites the row (project, year, version); kNotFound when absent.
  virtual Status Update(Tx& tx, const AnnualPlan& plan) = 0;
};

class ReportingSettingsRepository {
 public:
  virtual ~ReportingSettingsRepository() = default;
  // A stored setting's JSON text, or nullopt.
  virtual Result<std::optional<std::string>> GetSetting(Tx& tx, const std::string& key) = 0;
  virtual Status PutSetting(Tx& tx, const std::string& key, const std::string& json,
                            int64_t now) = 0;
  // The explicit windows stored for periods in [from, to].
  virtual Result<std::vector<ReportWindow>> ListWindows(Tx& tx, int from, int to) = 0;
  virtual Status PutWindow(Tx& tx, const ReportWindow& window, int64_t now) = 0;
  // OK also when there was none.
  virtual Status DeleteWindow(Tx& tx, int period) = 0;
};

// Sums over the counted (submitted or approved) reports of one project.
struct ReportTotals {
  Money before_year;                    // periods before January of the year
  Money year_before_period;             // January of the year .. period − 1
  std::vector<Money> recent_months;     // up to the three latest counted months before period
  std::optional<int> previous_percent;  // progress percent of the latest counted report
};

struct ReportQuery {
  std::optional<int> period;
  std::vector<ReportStatus> statuses;  // any of
  std::optional<int64_t> project_id;
  std::optional<int64_t> unit_id;  // owner, responsible or assigned unit
  Page page;                       // newest period first, then project id
};

// One project in a completeness count: whether and when it reported for the period.
struct ReportingRow {
  int64_t project_id = 0;
  std::string project_name;
  std::optional<int64_t> owner_unit_id;
  std::optional<int64_t> responsible_unit_id;
  std::string stage;
  std::optional<ReportStatus> status;  // nullopt: no report row at all
  std::optional<int64_t> first_submitted_at;
  bool late = false;
};

// Totals of the projects matching a filter: by stage and by key-list level, with the year's
// confirmed annual plans and the investment reported for the year up to a period.
struct PortfolioGroup {
  std::string code;  // stage or level code
  int64_t projects = 0;
  Money total_investment;
};
struct PortfolioTotals {
  std::vector<PortfolioGroup> by_stage;
  std::vector<PortfolioGroup> by_level;
  int64_t planned_projects = 0;  // projects with a confirmed plan for the year
  Money annual_planned;          // sum of their newest confirmed plans
  Money completed_to_period;     // counted reports of the year up to and including the period
};

// A report in a list, with what a review queue shows of its project.
struct ReportListItem {
  MonthlyReport report;
  std::string project_name;
  std::optional<int64_t> owner_unit_id;
  std::optional<int64_t> responsible_unit_id;
};

class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  virtual Result<MonthlyReport> Get(Tx& tx, int64_t id) = 0;
  virtual Result<std::optional<MonthlyReport>> Find(Tx& tx, int64_t project_id, int period) = 0;
  // kConflict when the project already has a report for the period.
  virtual Result<int64_t> Insert(Tx& tx, const MonthlyReport& report) = 0;
  // kConflict when the stored version is not expected_version; stored version +1.
  virtual Status Update(Tx& tx, const MonthlyReport& report, int64_t expected_version) = 0;
  virtual Result<std::vector<MonthlyReport>> ListForProject(Tx& tx, int64_t project_id) = 0;
  virtual Result<PageOf<ReportListItem>> List(Tx& tx, const ReportQuery& query,
                                              const ProjectScope& scope) = 0;
  virtual Result<ReportTotals> Totals(Tx& tx, int64_t project_id, int period) = 0;
  // Projects matching filter (its unit, region, leader ... conditions; paging ignored) that
  // must report for period — stage 在建, or a confirmed plan for the period's year and not
  // withdrawn, or a report submitted for the period — with their report's state.
  virtual Result<PortfolioTotals> Portfolio(Tx& tx, int period, const ProjectQuery& filter,
                                            const ProjectScope& scope) = 0;
  virtual Result<std::vector<ReportingRow>> Reporting(Tx& tx, int period,
                                                      const ProjectQuery& filter,
                                                      const ProjectScope& scope) = 0;
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  // Stores the metadata and the bytes (deduplicated by hash); returns the id.
  virtual Result<int64_t> Insert(Tx& tx, const Attachment& meta, const std::string& bytes) = 0;
  virtual Result<Attachment> Get(Tx& tx, int64_t id) = 0;
  virtual Result<std::string> ReadBytes(Tx& tx, const std::string& sha256) = 0;
  virtual Result<std::vector<Attachment>> ListFor(Tx& tx, AttachmentOwner kind,
                                                  int64_t owner_id) = 0;
  virtual Status Delete(Tx& tx, int64_t id) = 0;
};

struct ReportingRepositories {
  PlanRepository* plans = nullptr;
  ReportingSettingsRepository* settings = nullptr;
  ReportRepository* reports = nullptr;
  AttachmentRepository* attachments = nullptr;
};

}  // namespace keyline
