#include "app/demo_supervision.h"

#include <algorithm>

#include "app/keyline_app.h"
#include "common/date.h"
#include "core/service/meeting_service.h"
#include "core/service/problem_service.h"
#include "core/service/procedure_service.h"
#include "core/service/project_service.h"

namespace keyline {
namespace {

std::string Shift(const std::string& date, int64_t days) {
  return Date::FromDays(Date::Parse(date)->ToDays() + days).ToString();
}

struct DemoProblem {
  int days_ago;  // raised this many days before today
  ProblemCategory category;
  ProblemSeverity severity;
  const char* title;
  enum Fate { kOpen, kDeployed, kClosed, kOverdue } fate;
};

// Twelve problems on different projects: four closed out, five being worked on, three overdue
// (escalated by the sweep, with supervision orders).
constexpr DemoProblem kProblems[] = {
    {78, ProblemCategory::kLand, ProblemSeverity::kOrdinary,
     "用地指标未落实，需调整土地利用年度计划", DemoProblem::kClosed},
    {70, ProblemCategory::kUtilities, ProblemSeverity::kOrdinary, "施工临时用电报装进度滞后",
     DemoProblem::kClosed},
    {64, ProblemCategory::kFunds, ProblemSeverity::kMajor, "专项债券资金到位滞后，影响工程款支付",
     DemoProblem::kClosed},
    {55, ProblemCategory::kPlanning, ProblemSeverity::kOrdinary, "规划设计方案需按专家意见修改",
     DemoProblem::kClosed},
    {45, ProblemCategory::kDemolition, ProblemSeverity::kOrdinary,
     "红线内尚有3户未签订征收补偿协议", DemoProblem::kOverdue},
    {36, ProblemCategory::kApprovals, ProblemSeverity::kOrdinary,
     "施工图审查意见未闭合，施工许可无法办理", DemoProblem::kOverdue},
    {26, ProblemCategory::kUtilities, ProblemSeverity::kOrdinary, "市政道路雨污水管网接驳点未确定",
     DemoProblem::kOverdue},
    {9, ProblemCategory::kEnvironment, ProblemSeverity::kOrdinary, "环评批复前置条件需补充材料",
     DemoProblem::kDeployed},
    {7, ProblemCategory::kConstruction, ProblemSeverity::kOrdinary, "施工单位劳动力不足，进度滞后",
     DemoProblem::kDeployed},
    {5, ProblemCategory::kFunds, ProblemSeverity::kOrdinary, "企业自筹资金到位率偏低",
     DemoProblem::kOpen},
    {3, ProblemCategory::kLand, ProblemSeverity::kMajor, "地块土壤污染状况调查未完成",
     DemoProblem::kOpen},
    {2, ProblemCategory::kOther, ProblemSeverity::kOrdinary, "项目统计入库资料不全",
     DemoProblem::kOpen},
};

class DemoSupervision {
 public:
  explicit DemoSupervision(KeylineApp& app)
      : app_(app), repos_(app.repos()), sys_(Caller::System("demo")) {}

  Status Run() {
    today_ = app_.problems().Today();
    KL_RETURN_IF_ERROR(LoadProjectsAndLeaders());
    std::vector<std::pair<int64_t, DemoProblem::Fate>> raised;
    KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
      for (const Project& p : projects_) KL_RETURN_IF_ERROR(Procedures(tx, p));
      return Problems(tx, &raised);
    }));
    KL_RETURN_IF_ERROR(WorkOnProblems(raised));
    KL_RETURN_IF_ERROR(app_.problems().Sweep(sys_).status());
    return Meeting();
  }

 private:
  Status LoadProjectsAndLeaders() {
    ProjectQuery q;
    q.stages = {Stage::kPreliminary, Stage::kConstruction};
    q.sort = ProjectSortField::kId;
    q.descending = false;
    q.page.limit = 500;
    KL_ASSIGN_OR_RETURN(auto page, app_.projects().List(sys_, q));
    projects_ = std::move(page.items);
    return repos_.tx->Read([&](Tx& tx) -> Status {
      PersonQuery pq;
      pq.kind = PersonKind::kLeader;
      pq.page.limit = 50;
      KL_ASSIGN_OR_RETURN(auto people, repos_.people->List(tx, pq));
      for (const Person& p : people.items) leaders_.push_back(p.id);
      return Status::Ok();
    });
  }

  // The shipped template planned from before the start, most items done with a 文号; every
  // sixth project in 前期 leaves its latest items in progress past their deadline.
  Status Procedures(Tx& tx, const Project& p) {
    bool building = p.stage == Stage::kConstruction;
    std::string anchor = building ? p.actual_start.value_or(p.planned_start.value_or(today_))
                                  : p.planned_start.value_or(today_);
    std::string start = std::min(Shift(anchor, building ? -300 : -200), Shift(today_, -120));
    KL_ASSIGN_OR_RETURN(auto items, app_.procedures().ApplyIn(tx, sys_, p.id, std::nullopt, start));
    bool lagging = !building && (++preliminary_count_ % 6 == 1);
    std::string done_before = lagging ? Shift(today_, -40) : today_;
    for (const ProjectProcedure& item : items) {
      if (item.code == "completion_acceptance") {
        KL_RETURN_IF_ERROR(PlanAcceptance(tx, p, item));
        continue;
      }
      if (!item.planned_due || !item.planned_start) continue;
      bool done = *item.planned_due < done_before;
      bool overdue = !done && *item.planned_due < today_;
      if (!done && !overdue) continue;
      std::string doc = "雁审〔" + item.planned_due->substr(0, 4) + "〕" +
                        std::to_string(100 + item.id % 900) + "号";
      auto patch = [&](ProjectProcedure& x) -> Status {
        x.actual_start = x.planned_start;
        if (done) {
          x.status = ProcedureStatus::kDone;
          x.actual_done = std::min(*x.planned_due, today_);
          x.doc_number = doc;
        } else {
          x.status = ProcedureStatus::kInProgress;
          x.note = "材料补正中";
        }
        return Status::Ok();
      };
      KL_RETURN_IF_ERROR(
          app_.procedures().UpdateIn(tx, sys_, p.id, item.id, item.version, patch).status());
    }
    return Status::Ok();
  }

  // 竣工验收 is due a month after the planned completion, not right after the permits.
  Status PlanAcceptance(Tx& tx, const Project& p, const ProjectProcedure& item) {
    std::string completion = p.planned_completion.value_or(Shift(today_, 720));
    auto patch = [&](ProjectProcedure& x) -> Status {
      x.planned_start = completion;
      x.planned_due = Shift(std::max(completion, Shift(today_, 30)), 30);
      return Status::Ok();
    };
    return app_.procedures().UpdateIn(tx, sys_, p.id, item.id, item.version, patch).status();
  }

  Status Problems(Tx& tx, std::vector<std::pair<int64_t, DemoProblem::Fate>>* raised) {
    size_t n = 0;
    for (const DemoProblem& d : kProblems) {
      // Spread over the projects; each project gets at most one problem.
      const Project& p = projects_.at((n * 7 + 3) % projects_.size());
      ++n;
      if (!p.responsible_unit_id) continue;
      Problem draft;
      draft.project_id = p.id;
      draft.title = d.title;
      draft.category = d.category;
      draft.severity = d.severity;
      draft.source = n % 3 == 0 ? ProblemSource::kSiteVisit : ProblemSource::kManual;
      draft.unit_ids = {*p.responsible_unit_id};
      if (!leaders_.empty()) draft.leader_person_id = leaders_[n % leaders_.size()];
      KL_ASSIGN_OR_RETURN(Problem created,
                          app_.problems().RaiseIn(tx, sys_, draft, Shift(today_, -d.days_ago)));
      raised->emplace_back(created.id, d.fate);
      if (d.fate == DemoProblem::kOverdue && !focus_project_) focus_project_ = p;
    }
    return Status::Ok();
  }

  Status WorkOnProblems(const std::vector<std::pair<int64_t, DemoProblem::Fate>>& raised) {
    auto act = [&](int64_t id, ProblemAction a, std::string text) -> Status {
      ProblemActionInput in;
      in.action = a;
      in.text = std::move(text);
      if (a == ProblemAction::kClose) in.rating = 5;
      return app_.problems().Act(sys_, id, in).status();
    };
    for (const auto& [id, fate] : raised) {
      if (fate == DemoProblem::kOpen) continue;
      KL_RETURN_IF_ERROR(act(id, ProblemAction::kDeploy, "已召开专题会研究部署"));
      if (fate == DemoProblem::kDeployed) continue;
      KL_RETURN_IF_ERROR(act(id, ProblemAction::kFeedback, "已对接相关部门，正在推进"));
      if (fate != DemoProblem::kClosed) continue;
      KL_RETURN_IF_ERROR(act(id, ProblemAction::kSolve, "问题已解决"));
      KL_RETURN_IF_ERROR(act(id, ProblemAction::kClose, "经核实已解决，同意销号"));
    }
    return Status::Ok();
  }

  // One held meeting a week ago: its agenda lists the overdue problems and procedures of that
  // day; it decided a problem, a task and a note; its minutes are issued.
  Status Meeting() {
    MeetingService& meetings = app_.meetings();
    DispatchMeeting draft;
    draft.title = "重点项目建设月度调度会";
    draft.held_on = Shift(today_, -7);
    draft.location = "区政府三楼第一会议室";
    if (!leaders_.empty()) draft.chair_person_id = leaders_.front();
    std::vector<int64_t> units;
    for (const Project& p : projects_) {
      if (p.responsible_unit_id && units.size() < 6 &&
          std::find(units.begin(), units.end(), *p.responsible_unit_id) == units.end()) {
        units.push_back(*p.responsible_unit_id);
      }
    }
    draft.attendee_unit_ids = units;
    draft.notes = "下次调度会于下月下旬召开。";
    KL_ASSIGN_OR_RETURN(DispatchMeeting m, meetings.Create(sys_, draft));
    auto set_status = [&](MeetingStatus s) -> Status {
      KL_ASSIGN_OR_RETURN(m, meetings.Update(sys_, m.id, m.version, [s](DispatchMeeting& x) {
        x.status = s;
        return Status::Ok();
      }));
      return Status::Ok();
    };
    KL_RETURN_IF_ERROR(set_status(MeetingStatus::kHeld));
    const Project& focus = focus_project_ ? *focus_project_ : projects_.front();
    const Project& other = projects_.at(projects_.size() / 2);
    DecisionInput problem;
    problem.kind = DecisionKind::kProblem;
    problem.text = "施工图审查意见闭合滞后，由责任单位牵头组织设计、审图机构联合会审";
    problem.project_id = focus.id;
    problem.owner_unit_id = focus.responsible_unit_id;
    problem.owner_person_id = draft.chair_person_id;
    problem.category = ProblemCategory::kApprovals;
    KL_RETURN_IF_ERROR(meetings.AddDecision(sys_, m.id, problem).status());
    DecisionInput task;
    task.kind = DecisionKind::kTask;
    task.text = "月底前完成主体结构封顶";
    task.project_id = other.id;
    task.owner_unit_id = other.responsible_unit_id;
    task.due = Shift(today_, 25);
    KL_RETURN_IF_ERROR(meetings.AddDecision(sys_, m.id, task).status());
    DecisionInput note;
    note.text = "各责任单位每周五前报送逾期问题和手续的办理进展";
    KL_RETURN_IF_ERROR(meetings.AddDecision(sys_, m.id, note).status());
    KL_ASSIGN_OR_RETURN(m, meetings.Get(sys_, m.id));
    return set_status(MeetingStatus::kMinutesIssued);
  }

  KeylineApp& app_;
  const Repositories& repos_;
  Caller sys_;
  std::string today_;
  std::vector<Project> projects_;
  std::vector<int64_t> leaders_;
  std::optional<Project> focus_project_;
  int preliminary_count_ = 0;
};

}  // namespace

Status SeedDemoSupervision(KeylineApp& app) {
  if (app.repos().meetings == nullptr) return Status::Internal("no meeting repository");
  return DemoSupervision(app).Run();
}

}  // namespace keyline
