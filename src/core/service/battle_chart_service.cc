#include "core/service/battle_chart_service.h"

#include "common/date.h"
#include "core/model/supervision_json.h"
#include "core/service/project_access.h"
#include "core/service/supervision_access.h"
#include "core/supervision/schedule.h"

namespace keyline {
namespace {

Status Reject(const std::string& field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

Status NoEdit() { return SupervisionForbidden("修改该项目的作战图", "change this battle chart"); }

}  // namespace

std::string BattleChartService::Today() const { return BeijingToday(clock_.NowMs()); }

Status BattleChartService::Validate(Tx& tx, const Milestone& m, const std::string& today) {
  if (m.title.empty() || m.title.size() > 600) {
    return Reject("title", "任务名称应为1～200个字符", "title must be 1..200 characters");
  }
  if (!Date::Parse(m.planned_date).ok()) {
    return Reject("planned_date", "计划完成日期格式应为YYYY-MM-DD",
                  "planned_date must be YYYY-MM-DD");
  }
  if (m.done_on && (!Date::Parse(*m.done_on).ok() || *m.done_on > today)) {
    return Reject("done_on", "完成日期应为不晚于今天的日期",
                  "done_on must be a date not after today");
  }
  if (m.note.size() > 6000) return Reject("note", "备注过长", "note too long");
  for (const auto* person : {&m.responsible_person_id, &m.supervisor_person_id}) {
    if (*person && !repos_.people->Get(tx, **person).ok()) {
      return Reject(
          person == &m.responsible_person_id ? "responsible_person_id" : "supervisor_person_id",
          "人员不存在", "person does not exist");
    }
  }
  return Status::Ok();
}

Result<std::vector<Milestone>> BattleChartService::List(const Caller& caller, int64_t project_id) {
  std::vector<Milestone> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_ASSIGN_OR_RETURN(out, repos_.milestones->ListForProject(tx, project_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status BattleChartService::InsertOne(Tx& tx, const Caller& caller, Milestone m, Milestone* out) {
  m.id = 0;
  m.created_at = m.updated_at = clock_.NowMs();
  KL_ASSIGN_OR_RETURN(int64_t id, repos_.milestones->Insert(tx, m));
  KL_ASSIGN_OR_RETURN(*out, repos_.milestones->Get(tx, id));
  return audit_.Record(tx, caller, "create", "milestone", std::to_string(id), "", ToJson(*out));
}

Result<Milestone> BattleChartService::Add(const Caller& caller, Milestone m) {
  Milestone created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(created, AddIn(tx, caller, m));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return created;
}

Result<Milestone> BattleChartService::AddIn(Tx& tx, const Caller& caller, Milestone m) {
  std::string today = Today();
  KL_ASSIGN_OR_RETURN(Project project,
                      LoadVisibleProject(*repos_.projects, tx, caller, m.project_id, today));
  if (!MayEditProjectPlan(caller, project)) return NoEdit();
  KL_RETURN_IF_ERROR(Validate(tx, m, today));
  Milestone created;
  KL_RETURN_IF_ERROR(InsertOne(tx, caller, m, &created));
  return created;
}

Result<std::vector<Milestone>> BattleChartService::PlanBackward(
    const Caller& caller, int64_t project_id, const std::string& target,
    const std::vector<BackwardTask>& tasks) {
  auto target_date = Date::Parse(target);
  if (!target_date.ok()) {
    return Reject("target_date", "目标日期格式应为YYYY-MM-DD", "target_date must be YYYY-MM-DD");
  }
  if (tasks.empty() || tasks.size() > 60) {
    return Reject("tasks", "任务应为1～60项", "tasks must list 1..60 tasks");
  }
  for (const auto& t : tasks) {
    if (t.months_before < 0 || t.months_before > 60) {
      return Reject("tasks", "months_before 应为0～60", "months_before must be 0..60");
    }
  }
  std::string today = Today();
  std::vector<Milestone> created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, project_id, today));
    if (!MayEditProjectPlan(caller, project)) return NoEdit();
    for (const auto& t : tasks) {
      Milestone m;
      m.project_id = project_id;
      m.title = t.title;
      m.planned_date = WorkBackFrom(*target_date, t.months_before, calendar_).ToString();
      m.responsible_person_id = t.responsible_person_id;
      m.supervisor_person_id = t.supervisor_person_id;
      KL_RETURN_IF_ERROR(Validate(tx, m, today));
      Milestone out;
      KL_RETURN_IF_ERROR(InsertOne(tx, caller, m, &out));
      created.push_back(std::move(out));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return created;
}

Result<Milestone> BattleChartService::Update(const Caller& caller, int64_t project_id, int64_t id,
                                             int64_t expected_version,
                                             const MilestonePatch& patch) {
  std::string today = Today();
  Milestone updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, project_id, today));
    auto before = repos_.milestones->Get(tx, id);
    if (!before.ok() || before->project_id != project_id) {
      return Status::NotFound("作战任务不存在", "battle-chart task not found");
    }
    if (!MayEditProjectPlan(caller, project)) return NoEdit();
    if (before->version != expected_version) {
      return Status::Conflict("任务已被他人修改，请刷新后重试",
                              "the task was changed by someone else; reload and retry");
    }
    Milestone after = *before;
    KL_RETURN_IF_ERROR(patch(after));
    after.id = id;
    after.project_id = project_id;
    after.created_at = before->created_at;
    KL_RETURN_IF_ERROR(Validate(tx, after, today));
    after.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.milestones->Update(tx, after, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.milestones->Get(tx, id));
    return audit_.Record(tx, caller, "update", "milestone", std::to_string(id), ToJson(*before),
                         ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

Status BattleChartService::Remove(const Caller& caller, int64_t project_id, int64_t id) {
  return repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()));
    auto before = repos_.milestones->Get(tx, id);
    if (!before.ok() || before->project_id != project_id) {
      return Status::NotFound("作战任务不存在", "battle-chart task not found");
    }
    if (!MayEditProjectPlan(caller, project)) return NoEdit();
    KL_RETURN_IF_ERROR(repos_.milestones->Delete(tx, id));
    return audit_.Record(tx, caller, "delete", "milestone", std::to_string(id), ToJson(*before),
                         "");
  });
}

}  // namespace keyline
