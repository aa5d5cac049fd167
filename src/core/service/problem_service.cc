#include "core/service/problem_service.h"

#include <algorithm>
#include <set>

#include "common/date.h"
#include "core/model/supervision_json.h"
#include "core/service/project_access.h"
#include "core/service/supervision_access.h"
#include "core/supervision/deadlines.h"

namespace keyline {
namespace {

Status NotFoundProblem() { return Status::NotFound("问题不存在或无权查看", "problem not found"); }

Status Reject(const std::string& field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

Status CheckText(const std::string& field, const std::string& text, size_t max, bool required) {
  if (required && text.empty()) {
    return Reject(field, field + " 不能为空", field + " is required");
  }
  if (Utf8Length(text) > max) {
    return Reject(field, field + " 不能超过" + std::to_string(max) + "个字符",
                  field + " is longer than " + std::to_string(max) + " characters");
  }
  return Status::Ok();
}

Status StaleProblem() {
  return Status::Conflict("问题已被他人更新，请刷新后重试",
                          "the problem was changed by someone else; reload and retry");
}

Status WrongStatus(const Problem& p, const char* action_zh, const char* action_en) {
  std::string status(EnumCode(ProblemStatusTable(), p.status));
  return Status::Conflict(std::string("问题当前状态为“") +
                              std::string(EnumZh(ProblemStatusTable(), p.status)) + "”，不能" +
                              action_zh,
                          std::string("a problem in status ") + status + " cannot be " + action_en);
}

const char* LevelZh(EscalationLevel level) {
  switch (level) {
    case EscalationLevel::kUnit:
      return "责任单位";
    case EscalationLevel::kDeputyLeader:
      return "分管领导";
    case EscalationLevel::kPrincipalLeader:
      return "主要领导";
  }
  return "";
}

}  // namespace

std::string ProblemService::Today() const { return BeijingToday(clock_.NowMs()); }

Status ProblemService::EnsureBuiltinTemplates() {
  return repos_.tx->Write([&](Tx& tx) -> Status {
    DeadlineTemplate t = Template13710();
    auto existing = repos_.problems->GetTemplate(tx, t.code);
    if (existing.ok()) return Status::Ok();
    if (existing.status().code() != ErrorCode::kNotFound) return existing.status();
    t.version = 1;
    t.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.problems->InsertTemplate(tx, t));
    return audit_.Record(tx, Caller::System(), "create", "deadline_template", t.code, "",
                         ToJson(t));
  });
}

Result<std::vector<DeadlineTemplate>> ProblemService::Templates(const Caller&) {
  std::vector<DeadlineTemplate> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.problems->ListTemplates(tx));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<DeadlineTemplate> ProblemService::UpdateTemplate(const Caller& caller, DeadlineTemplate t,
                                                        int64_t expected_version) {
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("修改时限模板", "change deadline templates");
  KL_RETURN_IF_ERROR(CheckText("name", t.name, 100, true));
  KL_RETURN_IF_ERROR(ValidateDeadlineTemplate(t));
  DeadlineTemplate updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(DeadlineTemplate before, LoadTemplate(tx, t.code));
    t.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.problems->UpdateTemplate(tx, t, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.problems->GetTemplate(tx, t.code));
    return audit_.Record(tx, caller, "update", "deadline_template", t.code, ToJson(before),
                         ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

Result<DeadlineTemplate> ProblemService::LoadTemplate(Tx& tx, const std::string& code) {
  auto t = repos_.problems->GetTemplate(tx, code);
  if (!t.ok() && t.status().code() == ErrorCode::kNotFound) {
    return Reject("template_code", "时限模板不存在：" + code.substr(0, 32),
                  "unknown deadline template: " + code.substr(0, 32));
  }
  return t;
}

Status ProblemService::CheckUnitsAndLeader(Tx& tx, const Problem& p) {
  for (int64_t unit_id : p.unit_ids) {
    auto unit = repos_.units->Get(tx, unit_id);
    if (!unit.ok()) {
      return Reject("unit_ids", "责任单位不存在：" + std::to_string(unit_id),
                    "responsible unit does not exist: " + std::to_string(unit_id));
    }
    if (unit->kind == UnitKind::kCompany) {
      return Reject("unit_ids", "责任单位应为部门、街道或园区，不能是企业",
                    "responsible units must be departments, townships or parks");
    }
  }
  if (p.leader_person_id && !repos_.people->Get(tx, *p.leader_person_id).ok()) {
    return Reject("leader_person_id", "领导不存在", "leader does not exist");
  }
  return Status::Ok();
}

Status ProblemService::Record(Tx& tx, const Caller& caller, int64_t problem_id, std::string kind,
                              std::string text) {
  ProblemEvent e;
  e.problem_id = problem_id;
  e.kind = std::move(kind);
  e.at = clock_.NowMs();
  e.user_id = caller.user_id;
  e.username = caller.username;
  e.text = std::move(text);
  return repos_.problems->InsertEvent(tx, e).status();
}

Result<Problem> ProblemService::Raise(const Caller& caller, Problem draft) {
  std::string today = Today();
  Problem created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(created, RaiseIn(tx, caller, draft, today));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return created;
}

Result<Problem> ProblemService::RaiseIn(Tx& tx, const Caller& caller, Problem draft,
                                        const std::string& raised_on) {
  if (!MayRaiseProblems(caller.role)) {
    return SupervisionForbidden("提出问题", "raise problems");
  }
  KL_RETURN_IF_ERROR(CheckText("title", draft.title, 200, true));
  KL_RETURN_IF_ERROR(CheckText("description", draft.description, 4000, false));
  if (draft.source_ref) KL_RETURN_IF_ERROR(CheckText("source_ref", *draft.source_ref, 64, true));
  std::set<int64_t> distinct(draft.unit_ids.begin(), draft.unit_ids.end());
  if (draft.unit_ids.empty() || draft.unit_ids.size() > 10 ||
      distinct.size() != draft.unit_ids.size()) {
    return Reject("unit_ids", "责任单位应为1～10个不重复的单位",
                  "unit_ids must list 1 to 10 distinct units");
  }
  std::string today = Today();
  auto raised = Date::Parse(raised_on);
  if (!raised.ok() || raised_on > today) {
    return Reject("raised_on", "提出日期应为不晚于今天的日期",
                  "raised_on must be a date not after today");
  }
  if (draft.template_code.empty()) draft.template_code = "13710";
  KL_ASSIGN_OR_RETURN(Project project,
                      LoadVisibleProject(*repos_.projects, tx, caller, draft.project_id, today));
  if (caller.role == Role::kReporter && project.owner_unit_id != caller.unit_id) {
    return SupervisionForbidden("为该项目提出问题", "raise problems for this project");
  }
  KL_RETURN_IF_ERROR(CheckUnitsAndLeader(tx, draft));
  KL_ASSIGN_OR_RETURN(DeadlineTemplate t, LoadTemplate(tx, draft.template_code));
  ProblemDeadlines d = ComputeProblemDeadlines(t, draft.severity, *raised, calendar_);
  Problem row = draft;
  row.id = 0;
  row.raised_on = raised_on;
  row.deploy_due = d.deploy.ToString();
  row.feedback_due = d.feedback.ToString();
  row.settle_due = d.settle.ToString();
  row.status = ProblemStatus::kOpen;
  row.level = EscalationLevel::kUnit;
  row.raised_by = caller.user_id;
  row.raised_by_unit = caller.unit_id;
  row.created_at = row.updated_at = clock_.NowMs();
  KL_ASSIGN_OR_RETURN(row.id, repos_.problems->Insert(tx, row));
  KL_RETURN_IF_ERROR(Record(tx, caller, row.id, "raised", row.title));
  KL_ASSIGN_OR_RETURN(Problem created, repos_.problems->Get(tx, row.id));
  KL_RETURN_IF_ERROR(
      audit_.Record(tx, caller, "create", "problem", std::to_string(row.id), "", ToJson(created)));
  return created;
}

Result<Problem> ProblemService::LoadVisible(Tx& tx, const Caller& caller, int64_t id) {
  ProjectScope scope = ScopeFor(caller, Today());
  if (scope.kind != ProjectScope::Kind::kAll) {
    KL_ASSIGN_OR_RETURN(bool visible, repos_.problems->InScope(tx, id, scope));
    if (!visible) return NotFoundProblem();
  }
  auto p = repos_.problems->Get(tx, id);
  if (!p.ok() && p.status().code() == ErrorCode::kNotFound) return NotFoundProblem();
  return p;
}

Result<Problem> ProblemService::Get(const Caller& caller, int64_t id) {
  Problem out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, LoadVisible(tx, caller, id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<PageOf<Problem>> ProblemService::List(const Caller& caller, const ProblemQuery& query) {
  ProjectScope scope = ScopeFor(caller, Today());
  PageOf<Problem> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.problems->List(tx, query, scope));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Problem>> ProblemService::ListAll(const Caller& caller,
                                                     const ProblemQuery& query) {
  ProjectScope scope = ScopeFor(caller, Today());
  std::vector<Problem> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.problems->ListAll(tx, query, scope));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<ProblemEvent>> ProblemService::Events(const Caller& caller, int64_t id) {
  std::vector<ProblemEvent> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadVisible(tx, caller, id).status());
    KL_ASSIGN_OR_RETURN(out, repos_.problems->ListEvents(tx, id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Problem> ProblemService::Act(const Caller& caller, int64_t id,
                                    const ProblemActionInput& in) {
  bool needs_text = in.action != ProblemAction::kDeploy;
  KL_RETURN_IF_ERROR(CheckText("text", in.text, 2000, needs_text));
  if (in.rating && (*in.rating < 1 || *in.rating > 5)) {
    return Reject("rating", "评分应为1～5", "rating must be 1..5");
  }
  std::string today = Today();
  if (in.action == ProblemAction::kPlan) {
    if (!in.plan_date || !Date::Parse(*in.plan_date).ok()) {
      return Reject("plan_date", "请填写解决的时间节点（YYYY-MM-DD）",
                    "plan_date (YYYY-MM-DD) is required");
    }
    if (*in.plan_date <= today) {
      return Reject("plan_date", "时间节点应晚于今天", "plan_date must be after today");
    }
  }
  Problem updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Problem before, LoadVisible(tx, caller, id));
    if (in.expected_version && *in.expected_version != before.version) return StaleProblem();
    bool unit_action = in.action != ProblemAction::kClose && in.action != ProblemAction::kReopen;
    if (unit_action && !MayWorkOnProblem(caller, before)) {
      return SupervisionForbidden("办理该问题（仅限责任单位和发改部门）",
                                  "act on this problem (responsible units and the office only)");
    }
    if (!unit_action && !MayConfirmProblem(caller, before)) {
      return SupervisionForbidden("确认销号（仅限提出人、发改部门和领导）",
                                  "confirm this problem (raiser, office and leaders only)");
    }
    Problem after = before;
    int64_t now = clock_.NowMs();
    bool finished =
        before.status == ProblemStatus::kSolved || before.status == ProblemStatus::kClosed;
    std::string kind;
    switch (in.action) {
      case ProblemAction::kDeploy:
        if (before.status != ProblemStatus::kOpen) return WrongStatus(before, "部署", "deployed");
        after.status = ProblemStatus::kDeployed;
        after.deployed_at = now;
        kind = "deployed";
        break;
      case ProblemAction::kFeedback:
        if (finished) return WrongStatus(before, "反馈", "fed back");
        if (!after.deployed_at) after.deployed_at = now;
        if (!after.feedback_at) after.feedback_at = now;
        if (after.status != ProblemStatus::kPlanned) after.status = ProblemStatus::kFeedback;
        after.progress = in.text;
        kind = "feedback";
        break;
      case ProblemAction::kPlan:
        if (finished) return WrongStatus(before, "明确方案", "planned");
        if (!after.deployed_at) after.deployed_at = now;
        if (!after.feedback_at) after.feedback_at = now;
        after.status = ProblemStatus::kPlanned;
        after.plan_date = in.plan_date;
        after.plan_text = in.text;
        kind = "planned";
        break;
      case ProblemAction::kSolve:
        if (finished) return WrongStatus(before, "办结", "solved");
        if (!after.deployed_at) after.deployed_at = now;
        if (!after.feedback_at) after.feedback_at = now;
        after.status = ProblemStatus::kSolved;
        after.solved_at = now;
        after.progress = in.text;
        kind = "solved";
        break;
      case ProblemAction::kClose:
        if (before.status != ProblemStatus::kSolved) return WrongStatus(before, "销号", "closed");
        KL_RETURN_IF_ERROR(CheckText("text", in.text, 500, true));
        after.status = ProblemStatus::kClosed;
        after.closed_at = now;
        after.closed_by = caller.user_id;
        after.evaluation = in.text;
        after.rating = in.rating;
        kind = "closed";
        break;
      case ProblemAction::kReopen:
        if (before.status != ProblemStatus::kSolved && before.status != ProblemStatus::kPlanned) {
          return WrongStatus(before, "退回", "reopened");
        }
        after.status = after.feedback_at ? ProblemStatus::kFeedback : ProblemStatus::kOpen;
        after.solved_at.reset();
        after.plan_date.reset();
        kind = "reopened";
        break;
    }
    after.updated_at = now;
    KL_RETURN_IF_ERROR(repos_.problems->Update(tx, after, before.version));
    KL_RETURN_IF_ERROR(Record(tx, caller, id, kind, in.text));
    KL_ASSIGN_OR_RETURN(updated, repos_.problems->Get(tx, id));
    return audit_.Record(tx, caller, kind, "problem", std::to_string(id), ToJson(before),
                         ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

Result<PageOf<SupervisionOrder>> ProblemService::Orders(const Caller& caller,
                                                        const OrderQuery& query) {
  ProjectScope scope = ScopeFor(caller, Today());
  PageOf<SupervisionOrder> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.problems->ListOrders(tx, query, scope));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<SupervisionOrder> ProblemService::AnswerOrder(const Caller& caller, int64_t order_id,
                                                     std::string answer,
                                                     std::optional<std::string> rectify_by) {
  KL_RETURN_IF_ERROR(CheckText("answer", answer, 2000, true));
  std::string today = Today();
  if (rectify_by && (!Date::Parse(*rectify_by).ok() || *rectify_by < today)) {
    return Reject("rectify_by", "整改时限应为不早于今天的日期",
                  "rectify_by must be a date not before today");
  }
  SupervisionOrder updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    auto before = repos_.problems->GetOrder(tx, order_id);
    Status not_found = Status::NotFound("督办单不存在或无权查看", "supervision order not found");
    if (!before.ok()) {
      return before.status().code() == ErrorCode::kNotFound ? not_found : before.status();
    }
    // Visible through its problem (a department also sees orders issued to its unit).
    auto problem = LoadVisible(tx, caller, before->problem_id);
    bool own_unit = caller.role == Role::kDepartment && caller.unit_id == before->unit_id;
    if (!problem.ok() && !own_unit) return not_found;
    if (!MayAnswerOrder(caller, before->unit_id)) {
      return SupervisionForbidden("答复该督办单（仅限被督办单位和发改部门）",
                                  "answer this order (the unit it was issued to and the office)");
    }
    if (before->answered_at) {
      return Status::Conflict("督办单已答复", "the supervision order was already answered");
    }
    SupervisionOrder after = *before;
    after.answered_at = clock_.NowMs();
    after.answered_by = caller.user_id;
    after.answer = answer;
    after.rectify_by = rectify_by;
    KL_RETURN_IF_ERROR(repos_.problems->UpdateOrder(tx, after, before->version));
    KL_RETURN_IF_ERROR(Record(tx, caller, before->problem_id, "order_answered", answer));
    KL_ASSIGN_OR_RETURN(updated, repos_.problems->GetOrder(tx, order_id));
    return audit_.Record(tx, caller, "answer", "supervision_order", std::to_string(order_id),
                         ToJson(*before), ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

Status ProblemService::EscalateOne(Tx& tx, const Caller& caller, int64_t id, SweepReport* report) {
  KL_ASSIGN_OR_RETURN(Problem before, repos_.problems->Get(tx, id));
  KL_ASSIGN_OR_RETURN(DeadlineTemplate t, LoadTemplate(tx, before.template_code));
  Date today = *Date::Parse(Today());
  std::vector<EscalationStep> steps = DueEscalations(before, today, calendar_, t);
  if (steps.empty()) return Status::Ok();
  Problem after = before;
  int64_t now = clock_.NowMs();
  for (const EscalationStep& step : steps) {
    after.level = step.level;
    std::string text = std::string("逾期未办结（时限 ") + EffectiveDeadline(before) + "），提级至" +
                       LevelZh(step.level) + "督办";
    KL_RETURN_IF_ERROR(Record(tx, caller, id, "escalated", text));
    ++report->escalated;
    for (int64_t unit_id : before.unit_ids) {
      SupervisionOrder order;
      order.problem_id = id;
      order.project_id = before.project_id;
      order.unit_id = unit_id;
      order.level = step.level;
      order.issued_at = now;
      order.issued_on = today.ToString();
      order.answer_due = OrderAnswerDue(t, today, calendar_).ToString();
      KL_ASSIGN_OR_RETURN(order.id, repos_.problems->InsertOrder(tx, order));
      order.version = 1;
      KL_RETURN_IF_ERROR(Record(tx, caller, id, "order_issued",
                                "督办单#" + std::to_string(order.id) + " 发往单位#" +
                                    std::to_string(unit_id) + "，" + order.answer_due +
                                    " 前报送整改方案"));
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "create", "supervision_order",
                                       std::to_string(order.id), "", ToJson(order)));
      ++report->orders;
    }
  }
  after.updated_at = now;
  KL_RETURN_IF_ERROR(repos_.problems->Update(tx, after, before.version));
  KL_ASSIGN_OR_RETURN(Problem updated, repos_.problems->Get(tx, id));
  return audit_.Record(tx, caller, "escalate", "problem", std::to_string(id), ToJson(before),
                       ToJson(updated));
}

Result<SweepReport> ProblemService::Sweep(const Caller& caller) {
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("执行提级督办", "run the escalation");
  std::string today = Today();
  std::vector<int64_t> ids;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(ids, repos_.problems->ListEscalationCandidates(tx, today));
    return Status::Ok();
  }));
  SweepReport report;
  report.candidates = static_cast<int64_t>(ids.size());
  for (int64_t id : ids) {
    // One transaction per problem: a failure leaves the others escalated.
    SweepReport one;
    KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) {
      one = SweepReport{};
      return EscalateOne(tx, caller, id, &one);
    }));
    report.escalated += one.escalated;
    report.orders += one.orders;
  }
  return report;
}

}  // namespace keyline
