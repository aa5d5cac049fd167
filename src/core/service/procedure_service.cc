#include "core/service/procedure_service.h"

#include <algorithm>
#include <set>

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

bool ValidCode(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string ListJson(const std::vector<ProjectProcedure>& items) {
  JsonWriter w;
  w.BeginArray();
  for (const auto& i : items) WriteJson(w, i);
  w.EndArray();
  return w.Take();
}

}  // namespace

Status ValidateProcedureTemplate(const ProcedureTemplate& t) {
  if (t.name.empty() || t.name.size() > 300) {
    return Reject("name", "模板名称应为1～100个字符", "name must be 1..100 characters");
  }
  if (t.items.empty() || t.items.size() > 60) {
    return Reject("items", "模板应包含1～60项手续", "a template has 1..60 items");
  }
  std::set<std::string> codes;
  for (const auto& i : t.items) {
    if (!ValidCode(i.code) || !codes.insert(i.code).second) {
      return Reject("items", "手续代码应为不重复的小写字母、数字或下划线：" + i.code.substr(0, 64),
                    "item codes must be distinct [a-z0-9_]: " + i.code.substr(0, 64));
    }
    if (i.name.empty() || i.name.size() > 300 || i.authority.size() > 300) {
      return Reject("items", "手续名称应为1～100个字符，审批部门不超过100个字符",
                    "item names must be 1..100 characters, authorities at most 100");
    }
    if (i.limit_days < 0 || i.limit_days > 250) {
      return Reject("items", "办理时限应为0～250个工作日", "limit_days must be 0..250");
    }
  }
  return Status::Ok();
}

std::string ProcedureService::Today() const { return BeijingToday(clock_.NowMs()); }

Status ProcedureService::EnsureBuiltinTemplates() {
  return repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto existing, repos_.procedures->ListTemplates(tx));
    if (!existing.empty()) return Status::Ok();
    for (ProcedureTemplate t : BuiltinProcedureTemplates()) {
      t.created_at = t.updated_at = clock_.NowMs();
      KL_ASSIGN_OR_RETURN(t.id, repos_.procedures->InsertTemplate(tx, t));
      t.version = 1;
      KL_RETURN_IF_ERROR(audit_.Record(tx, Caller::System(), "create", "procedure_template",
                                       std::to_string(t.id), "", ToJson(t)));
    }
    return Status::Ok();
  });
}

Result<std::vector<ProcedureTemplate>> ProcedureService::Templates(const Caller&) {
  std::vector<ProcedureTemplate> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.procedures->ListTemplates(tx));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<ProcedureTemplate> ProcedureService::CreateTemplate(const Caller& caller,
                                                           ProcedureTemplate t) {
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("管理手续模板", "manage templates");
  KL_RETURN_IF_ERROR(ValidateProcedureTemplate(t));
  ProcedureTemplate created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    t.builtin = false;
    t.created_at = t.updated_at = clock_.NowMs();
    KL_ASSIGN_OR_RETURN(int64_t id, repos_.procedures->InsertTemplate(tx, t));
    KL_ASSIGN_OR_RETURN(created, repos_.procedures->GetTemplate(tx, id));
    return audit_.Record(tx, caller, "create", "procedure_template", std::to_string(id), "",
                         ToJson(created));
  });
  if (!st.ok()) return st;
  return created;
}

Result<ProcedureTemplate> ProcedureService::UpdateTemplate(const Caller& caller,
                                                           ProcedureTemplate t,
                                                           int64_t expected_version) {
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("管理手续模板", "manage templates");
  KL_RETURN_IF_ERROR(ValidateProcedureTemplate(t));
  ProcedureTemplate updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(ProcedureTemplate before, repos_.procedures->GetTemplate(tx, t.id));
    t.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.procedures->UpdateTemplate(tx, t, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.procedures->GetTemplate(tx, t.id));
    return audit_.Record(tx, caller, "update", "procedure_template", std::to_string(t.id),
                         ToJson(before), ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

Result<std::vector<ProjectProcedure>> ProcedureService::Apply(const Caller& caller,
                                                              int64_t project_id,
                                                              std::optional<int64_t> template_id,
                                                              std::optional<std::string> start) {
  std::vector<ProjectProcedure> created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(created, ApplyIn(tx, caller, project_id, template_id, start));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return created;
}

Result<std::vector<ProjectProcedure>> ProcedureService::ApplyIn(Tx& tx, const Caller& caller,
                                                                int64_t project_id,
                                                                std::optional<int64_t> template_id,
                                                                std::optional<std::string> start) {
  std::string today = Today();
  if (start && !Date::Parse(*start).ok()) {
    return Reject("start", "开始日期格式应为YYYY-MM-DD", "start must be YYYY-MM-DD");
  }
  KL_ASSIGN_OR_RETURN(Project project,
                      LoadVisibleProject(*repos_.projects, tx, caller, project_id, today));
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("套用手续模板", "apply templates");
  KL_ASSIGN_OR_RETURN(auto existing, repos_.procedures->ListForProject(tx, project_id));
  if (!existing.empty()) {
    return Status::Conflict("该项目已有手续清单", "the project already has procedures");
  }
  ProcedureTemplate t;
  if (template_id) {
    auto found = repos_.procedures->GetTemplate(tx, *template_id);
    if (!found.ok()) return Reject("template_id", "手续模板不存在", "unknown template");
    t = *found;
  } else {
    KL_ASSIGN_OR_RETURN(auto all, repos_.procedures->ListTemplates(tx));
    auto it = std::find_if(all.begin(), all.end(), [&](const ProcedureTemplate& c) {
      return c.builtin && c.regime == project.approval_regime;
    });
    if (it == all.end()) {
      return Reject("template_id", "没有适用于该审批类型的手续模板",
                    "no template for the project's approval regime");
    }
    t = *it;
  }
  std::vector<ProjectProcedure> items;
  int seq = 0;
  for (const auto& i : t.items) {
    ProjectProcedure p;
    p.project_id = project_id;
    p.template_id = t.id;
    p.seq = ++seq;
    p.code = i.code;
    p.name = i.name;
    p.authority = i.authority;
    p.limit_days = i.limit_days;
    p.parallel = i.parallel;
    p.tolerance = i.tolerance;
    p.commitment = i.commitment;
    p.created_at = p.updated_at = clock_.NowMs();
    items.push_back(std::move(p));
  }
  PlanProcedures(items, *Date::Parse(start.value_or(today)), calendar_);
  for (auto& p : items) {
    KL_ASSIGN_OR_RETURN(p.id, repos_.procedures->Insert(tx, p));
  }
  KL_ASSIGN_OR_RETURN(auto created, repos_.procedures->ListForProject(tx, project_id));
  KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "apply_template", "project_procedures",
                                   std::to_string(project_id), "", ListJson(created)));
  return created;
}

Result<std::vector<ProjectProcedure>> ProcedureService::List(const Caller& caller,
                                                             int64_t project_id) {
  std::vector<ProjectProcedure> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_ASSIGN_OR_RETURN(out, repos_.procedures->ListForProject(tx, project_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status ProcedureService::Validate(const ProjectProcedure& p, const std::string& today) {
  if (p.name.empty() || p.name.size() > 300) {
    return Reject("name", "手续名称应为1～100个字符", "name must be 1..100 characters");
  }
  if (!p.code.empty() && !ValidCode(p.code)) {
    return Reject("code", "手续代码应为小写字母、数字或下划线", "code must be [a-z0-9_]");
  }
  if (p.authority.size() > 300) return Reject("authority", "审批部门过长", "authority too long");
  if (p.limit_days < 0 || p.limit_days > 250) {
    return Reject("limit_days", "办理时限应为0～250个工作日", "limit_days must be 0..250");
  }
  if (p.doc_number.size() > 300 || p.note.size() > 6000) {
    return Reject("doc_number", "文号或备注过长", "doc_number or note too long");
  }
  for (const auto* d : {&p.planned_start, &p.planned_due, &p.actual_start, &p.actual_done}) {
    if (*d && !Date::Parse(**d).ok()) {
      return Reject("date", "日期格式应为YYYY-MM-DD", "dates must be YYYY-MM-DD");
    }
  }
  if (p.actual_done && *p.actual_done > today) {
    return Reject("actual_done", "办结日期不能晚于今天", "actual_done cannot be in the future");
  }
  if (p.actual_start && *p.actual_start > today) {
    return Reject("actual_start", "开始办理日期不能晚于今天",
                  "actual_start cannot be in the future");
  }
  if (p.status == ProcedureStatus::kDone && !p.actual_done) {
    return Reject("actual_done", "办结的手续须填写办结日期", "a done procedure needs actual_done");
  }
  if (p.status != ProcedureStatus::kDone && p.actual_done) {
    return Reject("status", "填写了办结日期的手续状态应为已办结",
                  "a procedure with actual_done must be done");
  }
  if (p.planned_start && p.planned_due && *p.planned_due < *p.planned_start) {
    return Reject("planned_due", "计划办结日期不能早于计划开始日期",
                  "planned_due cannot precede planned_start");
  }
  return Status::Ok();
}

Result<ProjectProcedure> ProcedureService::Add(const Caller& caller, ProjectProcedure item) {
  std::string today = Today();
  KL_RETURN_IF_ERROR(Validate(item, today));
  ProjectProcedure created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, item.project_id, today));
    if (!MayEditProjectPlan(caller, project)) {
      return SupervisionForbidden("修改该项目的手续", "change this project's procedures");
    }
    KL_ASSIGN_OR_RETURN(auto existing, repos_.procedures->ListForProject(tx, item.project_id));
    if (existing.size() >= 200) {
      return Reject("project_id", "手续数量已达上限", "too many procedures");
    }
    item.id = 0;
    item.template_id.reset();
    item.seq = existing.empty() ? 1 : existing.back().seq + 1;
    if (item.code.empty()) item.code = "custom_" + std::to_string(item.seq);
    item.created_at = item.updated_at = clock_.NowMs();
    KL_ASSIGN_OR_RETURN(int64_t id, repos_.procedures->Insert(tx, item));
    KL_ASSIGN_OR_RETURN(created, repos_.procedures->Get(tx, id));
    return audit_.Record(tx, caller, "create", "procedure", std::to_string(id), "",
                         ToJson(created));
  });
  if (!st.ok()) return st;
  return created;
}

Result<ProjectProcedure> ProcedureService::LoadItem(Tx& tx, const Caller& caller,
                                                    int64_t project_id, int64_t id, bool write) {
  KL_ASSIGN_OR_RETURN(Project project,
                      LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()));
  auto item = repos_.procedures->Get(tx, id);
  if (!item.ok() || item->project_id != project_id) {
    if (item.ok() || item.status().code() == ErrorCode::kNotFound) {
      return Status::NotFound("手续不存在", "procedure not found");
    }
    return item.status();
  }
  if (write && !MayEditProjectPlan(caller, project)) {
    return SupervisionForbidden("修改该项目的手续", "change this project's procedures");
  }
  return item;
}

Result<ProjectProcedure> ProcedureService::Update(const Caller& caller, int64_t project_id,
                                                  int64_t id, int64_t expected_version,
                                                  const ProcedurePatch& patch) {
  ProjectProcedure updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(updated, UpdateIn(tx, caller, project_id, id, expected_version, patch));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return updated;
}

Result<ProjectProcedure> ProcedureService::UpdateIn(Tx& tx, const Caller& caller,
                                                    int64_t project_id, int64_t id,
                                                    int64_t expected_version,
                                                    const ProcedurePatch& patch) {
  std::string today = Today();
  KL_ASSIGN_OR_RETURN(ProjectProcedure before, LoadItem(tx, caller, project_id, id, true));
  if (before.version != expected_version) {
    return Status::Conflict("手续已被他人修改，请刷新后重试",
                            "the procedure was changed by someone else; reload and retry");
  }
  ProjectProcedure after = before;
  KL_RETURN_IF_ERROR(patch(after));
  after.id = before.id;
  after.project_id = before.project_id;
  after.template_id = before.template_id;
  after.created_at = before.created_at;
  if (after.status == ProcedureStatus::kInProgress && !after.actual_start) {
    after.actual_start = today;
  }
  // A procedure started without a planned deadline gets one from its time limit.
  if (after.actual_start && !after.planned_due && after.limit_days > 0) {
    after.planned_due =
        calendar_.AddWorkingDays(*Date::Parse(*after.actual_start), after.limit_days).ToString();
  }
  KL_RETURN_IF_ERROR(Validate(after, today));
  after.updated_at = clock_.NowMs();
  KL_RETURN_IF_ERROR(repos_.procedures->Update(tx, after, expected_version));
  KL_ASSIGN_OR_RETURN(ProjectProcedure updated, repos_.procedures->Get(tx, id));
  KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "update", "procedure", std::to_string(id),
                                   ToJson(before), ToJson(updated)));
  return updated;
}

Status ProcedureService::Remove(const Caller& caller, int64_t project_id, int64_t id) {
  return repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(ProjectProcedure before, LoadItem(tx, caller, project_id, id, true));
    if (!MayManageSupervision(caller.role))
      return SupervisionForbidden("删除手续", "delete procedures");
    KL_RETURN_IF_ERROR(repos_.procedures->Delete(tx, id));
    return audit_.Record(tx, caller, "delete", "procedure", std::to_string(id), ToJson(before), "");
  });
}

Result<std::vector<ProjectProcedure>> ProcedureService::Overdue(
    const Caller& caller, const std::optional<std::string>& authority) {
  std::string today = Today();
  ProjectScope scope = ScopeFor(caller, today);
  std::vector<ProjectProcedure> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.procedures->ListOverdue(tx, today, scope, authority));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<AuthorityOverdue>> ProcedureService::OverdueByAuthority(const Caller& caller) {
  KL_ASSIGN_OR_RETURN(auto items, Overdue(caller, std::nullopt));
  std::map<std::string, AuthorityOverdue> by;
  for (const auto& p : items) {
    AuthorityOverdue& a = by[p.authority];
    a.authority = p.authority;
    ++a.overdue;
    if (a.oldest_due.empty() || *p.planned_due < a.oldest_due) a.oldest_due = *p.planned_due;
  }
  std::vector<AuthorityOverdue> out;
  for (auto& [k, v] : by) out.push_back(v);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.overdue > b.overdue; });
  return out;
}

}  // namespace keyline
