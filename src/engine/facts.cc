#include "engine/facts.h"

#include <algorithm>
#include <atomic>
#include <string>

namespace keyline::engine {

int32_t DateKey(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
  int32_t v = 0;
  for (size_t i = 0; i < iso.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (iso[i] < '0' || iso[i] > '9') return 0;
    v = v * 10 + (iso[i] - '0');
  }
  return v;
}

uint32_t Dictionary::Intern(std::string_view s) {
  auto it = ids_.find(std::string(s));
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  ids_.emplace(std::string(s), id);
  return id;
}

std::optional<uint32_t> Dictionary::Find(std::string_view s) const {
  auto it = ids_.find(std::string(s));
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

Result<int32_t> Facts::RowOf(int64_t project_id) const {
  auto it = project_row.find(project_id);
  if (it == project_row.end()) {
    return Status::NotFound("引擎中没有项目 " + std::to_string(project_id),
                            "project " + std::to_string(project_id) + " is not in the engine");
  }
  return it->second;
}

Result<int32_t> Facts::AddProject(const ProjectFact& p) {
  if (project_row.count(p.id)) {
    return Status::InvalidArgument("项目重复：" + std::to_string(p.id),
                                   "duplicate project " + std::to_string(p.id));
  }
  auto row = static_cast<int32_t>(projects.size());
  auto& t = projects;
  t.id.push_back(p.id);
  t.stage.push_back(static_cast<uint8_t>(p.stage));
  t.level.push_back(static_cast<uint8_t>(p.level));
  t.stats_status.push_back(static_cast<uint8_t>(p.stats_status));
  t.unit.push_back(p.unit);
  t.region.push_back(regions.Intern(p.region));
  t.industry.push_back(industries.Intern(p.industry));
  t.total.push_back(p.total_cents);
  t.planned_start.push_back(p.planned_start);
  t.planned_completion.push_back(p.planned_completion);
  t.actual_start.push_back(p.actual_start);
  t.actual_completion.push_back(p.actual_completion);
  t.stats_date.push_back(p.stats_date);
  t.leader.push_back(p.leader);
  t.campaigns.emplace_back();
  project_row.emplace(p.id, row);
  Note(row);
  return row;
}

Result<int32_t> Facts::AddPlan(const PlanFact& p) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(p.project_id));
  auto row = static_cast<int32_t>(plans.size());
  plans.project.push_back(prow);
  plans.year.push_back(static_cast<int16_t>(p.year));
  plans.planned.push_back(p.planned_cents);
  plans.monthly.push_back(p.monthly_cents);
  plans.planned_start.push_back(p.planned_start);
  plans.planned_completion.push_back(p.planned_completion);
  RowsOf(plan_rows_, prow)[prow].push_back(row);
  Note(prow);
  return row;
}

Result<int32_t> Facts::AddReport(const ReportFact& r) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(r.project_id));
  auto row = static_cast<int32_t>(reports.size());
  reports.project.push_back(prow);
  reports.period.push_back(r.period);
  reports.amount.push_back(r.completed_cents);
  reports.status.push_back(static_cast<uint8_t>(r.status));
  reports.late.push_back(r.late ? 1 : 0);
  reports.submitted_on.push_back(r.submitted_on);
  RowsOf(report_rows_, prow)[prow].push_back(row);
  AddToSeries(prow, row);
  Note(prow);
  return row;
}

Result<int32_t> Facts::AddProcedure(const ProcedureFact& p) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(p.project_id));
  auto row = static_cast<int32_t>(procedures.size());
  procedures.project.push_back(prow);
  procedures.status.push_back(static_cast<uint8_t>(p.status));
  procedures.due.push_back(p.due);
  procedures.done.push_back(p.done);
  RowsOf(procedure_rows_, prow)[prow].push_back(row);
  Note(prow);
  return row;
}

Result<int32_t> Facts::AddProblem(const ProblemFact& p) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(p.project_id));
  auto row = static_cast<int32_t>(problems.size());
  problems.project.push_back(prow);
  problems.status.push_back(static_cast<uint8_t>(p.status));
  problems.severity.push_back(static_cast<uint8_t>(p.severity));
  problems.raised.push_back(p.raised);
  problems.due.push_back(p.due);
  problems.closed.push_back(p.closed);
  RowsOf(problem_rows_, prow)[prow].push_back(row);
  Note(prow);
  return row;
}

Result<int32_t> Facts::AddLead(const LeadFact& l) {
  if (lead_row_.count(l.id)) {
    return Status::InvalidArgument("线索重复：" + std::to_string(l.id),
                                   "duplicate lead " + std::to_string(l.id));
  }
  int32_t prow = -1;
  if (l.project_id) {
    KL_ASSIGN_OR_RETURN(prow, RowOf(*l.project_id));
  }
  auto row = static_cast<int32_t>(leads.size());
  leads.id.push_back(l.id);
  leads.unit.push_back(l.unit);
  leads.industry.push_back(industries.Intern(l.industry));
  leads.stage.push_back(static_cast<uint8_t>(l.stage));
  leads.amount.push_back(l.amount_cents);
  leads.signed_on.push_back(l.signed_on);
  leads.landed_on.push_back(l.landed_on);
  leads.project.push_back(prow);
  lead_row_.emplace(l.id, row);
  Note(-1);
  return row;
}

Result<int32_t> Facts::AddFund(const FundFact& f) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(f.project_id));
  auto row = static_cast<int32_t>(funds.size());
  funds.project.push_back(prow);
  funds.source.push_back(static_cast<uint8_t>(f.source));
  funds.year.push_back(static_cast<int16_t>(f.year));
  funds.applied.push_back(f.applied_cents);
  funds.issued.push_back(f.issued_cents);
  funds.arrived.push_back(f.arrived_cents);
  funds.paid.push_back(f.paid_cents);
  RowsOf(fund_rows_, prow)[prow].push_back(row);
  Note(prow);
  return row;
}

std::vector<std::vector<int32_t>>& Facts::RowsOf(std::vector<std::vector<int32_t>>& index,
                                                 int32_t project_row) {
  if (index.size() <= static_cast<size_t>(project_row)) index.resize(projects.size());
  return index;
}

namespace {

// Removes every row of `prow` from a table by moving the table's last row into each hole.
template <typename Table>
void RemoveRowsOf(Table& t, std::vector<std::vector<int32_t>>& index, int32_t prow) {
  if (index.size() <= static_cast<size_t>(prow)) return;
  std::vector<int32_t> rows = index[prow];
  std::sort(rows.begin(), rows.end(), std::greater<>());
  for (int32_t r : rows) {
    auto last = static_cast<int32_t>(t.size()) - 1;
    if (r != last) {
      // Rows of prow above r are gone already, so the last row belongs to another project.
      int32_t moved = t.project[last];
      t.ForEachColumn([&](auto& col) { col[r] = std::move(col[last]); });
      for (int32_t& x : index[moved]) {
        if (x == last) x = r;
      }
    }
    t.ForEachColumn([](auto& col) { col.pop_back(); });
  }
  index[prow].clear();
}

}  // namespace

int32_t Facts::SetProject(const ProjectFact& p) {
  auto it = project_row.find(p.id);
  if (it == project_row.end()) return *AddProject(p);
  int32_t row = it->second;
  auto& t = projects;
  t.stage[row] = static_cast<uint8_t>(p.stage);
  t.level[row] = static_cast<uint8_t>(p.level);
  t.stats_status[row] = static_cast<uint8_t>(p.stats_status);
  t.unit[row] = p.unit;
  t.region[row] = regions.Intern(p.region);
  t.industry[row] = industries.Intern(p.industry);
  t.total[row] = p.total_cents;
  t.planned_start[row] = p.planned_start;
  t.planned_completion[row] = p.planned_completion;
  t.actual_start[row] = p.actual_start;
  t.actual_completion[row] = p.actual_completion;
  t.stats_date[row] = p.stats_date;
  t.leader[row] = p.leader;
  Note(row);
  return row;
}

namespace {

// Replaces the rows of one project in one table: removes them, then adds `rows` with `add`.
template <typename Table, typename Fact, typename Add>
Status ReplaceRows(Table& t, std::vector<std::vector<int32_t>>& index, int32_t prow,
                   const std::vector<Fact>& rows, Add add) {
  RemoveRowsOf(t, index, prow);
  for (const auto& r : rows) KL_RETURN_IF_ERROR(add(r).status());
  return Status::Ok();
}

}  // namespace

Status Facts::ReplacePlans(int64_t project_id, const std::vector<PlanFact>& rows) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(project_id));
  Note(prow);
  return ReplaceRows(plans, plan_rows_, prow, rows, [this](const auto& r) { return AddPlan(r); });
}

Status Facts::ReplaceReports(int64_t project_id, const std::vector<ReportFact>& rows) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(project_id));
  Note(prow);
  if (report_series_.size() > static_cast<size_t>(prow)) report_series_[prow] = ReportSeries{};
  return ReplaceRows(reports, report_rows_, prow, rows,
                     [this](const auto& r) { return AddReport(r); });
}

Status Facts::ReplaceProcedures(int64_t project_id, const std::vector<ProcedureFact>& rows) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(project_id));
  Note(prow);
  return ReplaceRows(procedures, procedure_rows_, prow, rows,
                     [this](const auto& r) { return AddProcedure(r); });
}

Status Facts::ReplaceProblems(int64_t project_id, const std::vector<ProblemFact>& rows) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(project_id));
  Note(prow);
  return ReplaceRows(problems, problem_rows_, prow, rows,
                     [this](const auto& r) { return AddProblem(r); });
}

Status Facts::ReplaceFunds(int64_t project_id, const std::vector<FundFact>& rows) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(project_id));
  Note(prow);
  return ReplaceRows(funds, fund_rows_, prow, rows, [this](const auto& r) { return AddFund(r); });
}

Status Facts::SetCampaigns(int64_t project_id, std::vector<int64_t> rounds) {
  KL_ASSIGN_OR_RETURN(int32_t prow, RowOf(project_id));
  std::sort(rounds.begin(), rounds.end());
  rounds.erase(std::unique(rounds.begin(), rounds.end()), rounds.end());
  projects.campaigns[prow] = std::move(rounds);
  Note(prow);
  return Status::Ok();
}

Status Facts::SetLead(const LeadFact& l) {
  int32_t prow = -1;
  if (l.project_id) {
    KL_ASSIGN_OR_RETURN(prow, RowOf(*l.project_id));
  }
  auto it = lead_row_.find(l.id);
  if (it == lead_row_.end()) return AddLead(l).status();
  int32_t row = it->second;
  leads.unit[row] = l.unit;
  leads.industry[row] = industries.Intern(l.industry);
  leads.stage[row] = static_cast<uint8_t>(l.stage);
  leads.amount[row] = l.amount_cents;
  leads.signed_on[row] = l.signed_on;
  leads.landed_on[row] = l.landed_on;
  leads.project[row] = prow;
  Note(-1);
  return Status::Ok();
}

void Facts::RemoveLead(int64_t lead_id) {
  auto it = lead_row_.find(lead_id);
  if (it == lead_row_.end()) return;
  int32_t row = it->second;
  lead_row_.erase(it);
  auto last = static_cast<int32_t>(leads.size()) - 1;
  if (row != last) {
    leads.ForEachColumn([&](auto& col) { col[row] = std::move(col[last]); });
    lead_row_[leads.id[row]] = row;
  }
  leads.ForEachColumn([](auto& col) { col.pop_back(); });
  Note(-1);
}

int32_t Facts::FindReport(int64_t project_id, int32_t period) const {
  auto it = project_row.find(project_id);
  if (it == project_row.end()) return -1;
  for (int32_t r : ReportRowsOf(it->second)) {
    if (reports.period[r] == period) return r;
  }
  return -1;
}

void Facts::AddToSeries(int32_t prow, int32_t row) {
  if (report_series_.size() <= static_cast<size_t>(prow)) report_series_.resize(projects.size());
  ReportSeries& s = report_series_[prow];
  int32_t period = reports.period[row];
  uint8_t status = reports.status[row];
  if (status >= 4) return;
  if (!s.period.empty() && period <= s.period.back()) {
    RebuildSeries(prow);  // out of period order: rebuild from the project's rows
    return;
  }
  std::array<int64_t, 4> c{};
  if (!s.cum.empty()) c = s.cum.back();
  c[status] += reports.amount[row];
  s.period.push_back(period);
  s.status.push_back(status);
  s.cum.push_back(c);
}

void Facts::RebuildSeries(int32_t prow) {
  ReportSeries& s = report_series_[prow];
  std::vector<int32_t> rows = report_rows_[prow];
  std::sort(rows.begin(), rows.end(),
            [&](int32_t a, int32_t b) { return reports.period[a] < reports.period[b]; });
  s = ReportSeries{};
  std::array<int64_t, 4> c{};
  for (int32_t r : rows) {
    if (reports.status[r] >= 4) continue;
    c[reports.status[r]] += reports.amount[r];
    s.period.push_back(reports.period[r]);
    s.status.push_back(reports.status[r]);
    s.cum.push_back(c);
  }
}

const Facts::ReportSeries& Facts::ReportSeriesOf(int32_t project_row_index) const {
  static const ReportSeries kEmpty;
  if (report_series_.size() <= static_cast<size_t>(project_row_index)) return kEmpty;
  return report_series_[project_row_index];
}

const std::vector<int32_t>& Facts::ReportRowsOf(int32_t project_row_index) const {
  static const std::vector<int32_t> kEmpty;
  if (report_rows_.size() <= static_cast<size_t>(project_row_index)) return kEmpty;
  return report_rows_[project_row_index];
}

uint64_t Facts::Generation::Next() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

void Facts::Note(int32_t project_row) {
  ++change_count_;
  if (journal_.size() >= kJournal) {
    journal_.erase(journal_.begin(), journal_.begin() + static_cast<ptrdiff_t>(kJournal / 2));
  }
  journal_.emplace_back(change_count_, project_row);
}

bool Facts::ChangedRowsSince(uint64_t generation, uint64_t since,
                             std::vector<int32_t>* rows) const {
  if (generation != generation_.id || since > change_count_) return false;
  if (since == change_count_) return true;
  // Changes are numbered 1, 2, ...: every change after `since` must still be in the journal.
  if (journal_.empty() || journal_.front().first > since + 1) return false;
  for (const auto& [n, row] : journal_) {
    if (n > since) rows->push_back(row);
  }
  return true;
}

namespace {
const std::vector<int32_t>& RowsAt(const std::vector<std::vector<int32_t>>& index,
                                   int32_t project_row) {
  static const std::vector<int32_t> kEmpty;
  if (project_row < 0 || index.size() <= static_cast<size_t>(project_row)) return kEmpty;
  return index[static_cast<size_t>(project_row)];
}
}  // namespace

const std::vector<int32_t>& Facts::PlanRowsOf(int32_t project_row) const {
  return RowsAt(plan_rows_, project_row);
}

const std::vector<int32_t>& Facts::ProcedureRowsOf(int32_t project_row) const {
  return RowsAt(procedure_rows_, project_row);
}

const std::vector<int32_t>& Facts::ProblemRowsOf(int32_t project_row) const {
  return RowsAt(problem_rows_, project_row);
}

}  // namespace keyline::engine
