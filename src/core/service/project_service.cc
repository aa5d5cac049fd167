#include "core/service/project_service.h"

#include "common/date.h"
#include "core/model/json.h"
#include "core/service/project_access.h"
#include "core/service/project_rules.h"

namespace keyline {
namespace {

Status RejectField(const std::string& field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

}  // namespace

std::string ProjectService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Result<Project> ProjectService::LoadVisible(Tx& tx, const Caller& caller, int64_t id) {
  return LoadVisibleProject(*repos_.projects, tx, caller, id, Today());
}

Status ProjectService::RequireWritable(Tx& tx, const Caller& caller, ProjectAction action,
                                       int64_t id, Project* out) {
  KL_ASSIGN_OR_RETURN(*out, LoadVisible(tx, caller, id));
  if (!RoleMay(caller.role, action)) return ForbiddenFor(action);
  return Status::Ok();
}

Status ProjectService::CheckReferences(Tx& tx, const Project& p) {
  std::vector<FieldError> errors;
  if (p.owner_unit_id) {
    auto unit = repos_.units->Get(tx, *p.owner_unit_id);
    if (!unit.ok()) {
      errors.push_back({"owner_unit_id", "项目业主单位不存在", "owner unit does not exist"});
    }
  }
  if (p.responsible_unit_id) {
    auto unit = repos_.units->Get(tx, *p.responsible_unit_id);
    if (!unit.ok()) {
      errors.push_back(
          {"responsible_unit_id", "责任单位不存在", "responsible unit does not exist"});
    } else if (unit->kind == UnitKind::kCompany) {
      errors.push_back({"responsible_unit_id", "责任单位应为部门、街道或园区，不能是企业",
                        "the responsible unit must be a department, township or park"});
    }
  }
  if (p.region_code) {
    auto region = repos_.regions->Get(tx, *p.region_code);
    if (!region.ok()) {
      errors.push_back({"region_code", "所属区域代码不存在：" + *p.region_code,
                        "unknown region code: " + *p.region_code});
    }
  }
  if (p.parent_id) {
    // Walk up the chain: the parent must exist and the project must not be its own ancestor.
    int64_t cursor = *p.parent_id;
    for (int depth = 0; depth < 16; ++depth) {
      if (p.id != 0 && cursor == p.id) {
        errors.push_back({"parent_id", "上级项目形成循环", "parent chain forms a cycle"});
        break;
      }
      auto parent = repos_.projects->Get(tx, cursor);
      if (!parent.ok()) {
        errors.push_back({"parent_id", "上级项目不存在", "parent project does not exist"});
        break;
      }
      if (!parent->parent_id) break;
      cursor = *parent->parent_id;
    }
  }
  if (errors.empty()) return Status::Ok();
  FieldError first = errors.front();
  return Status::InvalidArgument("项目信息有误：" + first.message_zh,
                                 "invalid project: " + first.message_en, std::move(errors));
}

Result<Project> ProjectService::Create(const Caller& caller, Project draft,
                                       const std::string& stage_reason) {
  // A department's project is its own unless it says otherwise (CreateInTx checks it).
  if (caller.role == Role::kDepartment && !draft.responsible_unit_id) {
    draft.responsible_unit_id = caller.unit_id;
  }
  Project created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(created, CreateInTx(tx, caller, draft, stage_reason));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return created;
}

Result<Project> ProjectService::CreateInTx(Tx& tx, const Caller& caller, Project draft,
                                           const std::string& stage_reason) {
  if (!RoleMay(caller.role, ProjectAction::kCreate)) return ForbiddenFor(ProjectAction::kCreate);
  if (caller.role == Role::kDepartment &&
      (!draft.responsible_unit_id || *draft.responsible_unit_id != caller.unit_id)) {
    return Status::Forbidden("行业部门只能新建本单位负责的项目",
                             "a department may only create projects it is responsible for");
  }
  std::string today = Today();
  draft.id = 0;
  draft.warnings.clear();
  KL_RETURN_IF_ERROR(ValidateProject(&draft, today));
  KL_RETURN_IF_ERROR(CheckStageGuards(draft, draft.stage, today));
  KL_ASSIGN_OR_RETURN(Project created, InsertValidated(tx, caller, draft, stage_reason));
  created.warnings = draft.warnings;
  return created;
}

Result<Project> ProjectService::InsertValidated(Tx& tx, const Caller& caller, const Project& draft,
                                                const std::string& stage_reason) {
  Project created;
  KL_RETURN_IF_ERROR(CheckReferences(tx, draft));
  if (draft.code) {
    KL_ASSIGN_OR_RETURN(std::optional<int64_t> existing,
                        repos_.projects->FindIdByCode(tx, *draft.code));
    if (existing) {
      return Status::Conflict("项目代码已被项目#" + std::to_string(*existing) + "使用",
                              "project code already used by project #" + std::to_string(*existing));
    }
  }
  Project row = draft;
  row.created_at = row.updated_at = clock_.NowMs();
  row.version = 1;
  KL_ASSIGN_OR_RETURN(row.id, repos_.projects->Insert(tx, row));
  StageChange change;
  change.project_id = row.id;
  change.to = row.stage;
  change.reason = stage_reason.empty() ? "新建项目" : stage_reason;
  change.user_id = caller.user_id;
  change.username = caller.username;
  change.at = row.created_at;
  KL_RETURN_IF_ERROR(repos_.projects->InsertStageChange(tx, change));
  KL_ASSIGN_OR_RETURN(created, repos_.projects->Get(tx, row.id));
  KL_RETURN_IF_ERROR(
      audit_.Record(tx, caller, "create", "project", std::to_string(row.id), "", ToJson(created)));
  return created;
}

Result<Project> ProjectService::Get(const Caller& caller, int64_t id) {
  Project out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, LoadVisible(tx, caller, id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<PageOf<Project>> ProjectService::List(const Caller& caller, const ProjectQuery& query) {
  ProjectScope scope = ScopeFor(caller, Today());
  PageOf<Project> page;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(page, repos_.projects->List(tx, query, scope));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return page;
}

Result<Project> ProjectService::Update(const Caller& caller, int64_t id, int64_t expected_version,
                                       const ProjectPatch& patch) {
  Project updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(updated, UpdateInTx(tx, caller, id, expected_version, patch));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return updated;
}

Result<Project> ProjectService::UpdateInTx(Tx& tx, const Caller& caller, int64_t id,
                                           int64_t expected_version, const ProjectPatch& patch) {
  std::string today = Today();
  Project updated;
  std::vector<std::string> warnings;
  Project before;
  KL_RETURN_IF_ERROR(RequireWritable(tx, caller, ProjectAction::kUpdate, id, &before));
  if (before.version != expected_version) {
    return Status::Conflict("项目已被他人修改，请刷新后重试",
                            "the project was changed by someone else; reload and retry");
  }
  if (caller.role == Role::kReporter && before.owner_unit_id != caller.unit_id) {
    return ForbiddenFor(ProjectAction::kUpdate);
  }
  Project after = before;
  KL_RETURN_IF_ERROR(patch(after));
  after.id = before.id;
  after.version = before.version;
  after.created_at = before.created_at;
  if (after.stage != before.stage) {
    return RejectField("stage", "阶段须通过阶段变更操作修改",
                       "change the stage through POST /projects/{id}/stage");
  }
  if (!MayChangeProjectKeyFields(caller.role)) {
    if (after.owner_unit_id != before.owner_unit_id) {
      return Status::Forbidden("只有发改部门可以变更项目业主",
                               "only the 发改 office may change the owner");
    }
    if (after.responsible_unit_id != before.responsible_unit_id) {
      return Status::Forbidden("只有发改部门可以变更责任单位",
                               "only the 发改 office may change the responsible unit");
    }
    if (after.level != before.level) {
      return Status::Forbidden("只有发改部门可以调整重点项目级别",
                               "only the 发改 office may change the key-list level");
    }
  }
  after.warnings.clear();
  KL_RETURN_IF_ERROR(ValidateProject(&after, today));
  KL_RETURN_IF_ERROR(CheckReferences(tx, after));
  if (after.code && after.code != before.code) {
    KL_ASSIGN_OR_RETURN(std::optional<int64_t> existing,
                        repos_.projects->FindIdByCode(tx, *after.code));
    if (existing && *existing != id) {
      return Status::Conflict("项目代码已被项目#" + std::to_string(*existing) + "使用",
                              "project code already used by project #" + std::to_string(*existing));
    }
  }
  warnings = after.warnings;
  after.updated_at = clock_.NowMs();
  KL_RETURN_IF_ERROR(repos_.projects->Update(tx, after, expected_version));
  KL_ASSIGN_OR_RETURN(updated, repos_.projects->Get(tx, id));
  KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "update", "project", std::to_string(id),
                                   ToJson(before), ToJson(updated)));
  updated.warnings = std::move(warnings);
  return updated;
}

Result<Project> ProjectService::MoveStage(const Caller& caller, int64_t id, const StageMove& move) {
  std::string today = Today();
  Project updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    Project before;
    KL_RETURN_IF_ERROR(RequireWritable(tx, caller, ProjectAction::kChangeStage, id, &before));
    if (move.expected_version && *move.expected_version != before.version) {
      return Status::Conflict("项目已被他人修改，请刷新后重试",
                              "the project was changed by someone else; reload and retry");
    }
    Project after = before;
    if (move.actual_start) after.actual_start = move.actual_start;
    if (move.actual_completion) after.actual_completion = move.actual_completion;
    KL_RETURN_IF_ERROR(CheckStageTransition(after, move.to, move.reason, today));
    after.stage = move.to;
    after.warnings.clear();
    KL_RETURN_IF_ERROR(ValidateProject(&after, today));
    after.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.projects->Update(tx, after, before.version));
    StageChange change;
    change.project_id = id;
    change.from = before.stage;
    change.to = move.to;
    change.reason = move.reason;
    change.user_id = caller.user_id;
    change.username = caller.username;
    change.at = after.updated_at;
    KL_RETURN_IF_ERROR(repos_.projects->InsertStageChange(tx, change));
    KL_ASSIGN_OR_RETURN(updated, repos_.projects->Get(tx, id));
    return audit_.Record(tx, caller, "stage", "project", std::to_string(id), ToJson(before),
                         ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

Result<std::vector<StageChange>> ProjectService::StageHistory(const Caller& caller, int64_t id) {
  std::vector<StageChange> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadVisible(tx, caller, id).status());
    KL_ASSIGN_OR_RETURN(out, repos_.projects->ListStageChanges(tx, id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Assignment>> ProjectService::Assignments(const Caller& caller,
                                                            int64_t project_id) {
  std::vector<Assignment> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadVisible(tx, caller, project_id).status());
    KL_ASSIGN_OR_RETURN(out, repos_.projects->ListAssignments(tx, project_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status ProjectService::CheckAssignmentReferences(Tx& tx, const Assignment& a) {
  if (a.person_id && !repos_.people->Get(tx, *a.person_id).ok()) {
    return RejectField("person_id", "人员不存在", "person does not exist");
  }
  if (a.unit_id) {
    auto unit = repos_.units->Get(tx, *a.unit_id);
    if (!unit.ok()) return RejectField("unit_id", "单位不存在", "unit does not exist");
  }
  return Status::Ok();
}

Result<Assignment> ProjectService::AddAssignment(const Caller& caller, Assignment assignment) {
  KL_RETURN_IF_ERROR(ValidateAssignment(assignment));
  Assignment created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    Project project;
    KL_RETURN_IF_ERROR(RequireWritable(tx, caller, ProjectAction::kManageAssignments,
                                       assignment.project_id, &project));
    KL_RETURN_IF_ERROR(CheckAssignmentReferences(tx, assignment));
    assignment.id = 0;
    assignment.version = 1;
    assignment.created_at = clock_.NowMs();
    KL_ASSIGN_OR_RETURN(int64_t id, repos_.projects->InsertAssignment(tx, assignment));
    KL_ASSIGN_OR_RETURN(created, repos_.projects->GetAssignment(tx, id));
    return audit_.Record(tx, caller, "create", "assignment", std::to_string(id), "",
                         ToJson(created));
  });
  if (!st.ok()) return st;
  return created;
}

Result<Assignment> ProjectService::UpdateAssignment(const Caller& caller, int64_t project_id,
                                                    int64_t assignment_id, int64_t expected_version,
                                                    const AssignmentPatch& patch) {
  Assignment updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    Project project;
    KL_RETURN_IF_ERROR(
        RequireWritable(tx, caller, ProjectAction::kManageAssignments, project_id, &project));
    auto before = repos_.projects->GetAssignment(tx, assignment_id);
    if (!before.ok() || before->project_id != project_id) {
      return Status::NotFound("包抓记录不存在", "assignment not found");
    }
    if (before->version != expected_version) {
      return Status::Conflict("记录已被他人修改，请刷新后重试",
                              "the assignment was changed by someone else; reload and retry");
    }
    Assignment after = *before;
    KL_RETURN_IF_ERROR(patch(after));
    after.id = before->id;
    after.project_id = project_id;
    KL_RETURN_IF_ERROR(ValidateAssignment(after));
    KL_RETURN_IF_ERROR(CheckAssignmentReferences(tx, after));
    KL_RETURN_IF_ERROR(repos_.projects->UpdateAssignment(tx, after, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.projects->GetAssignment(tx, assignment_id));
    return audit_.Record(tx, caller, "update", "assignment", std::to_string(assignment_id),
                         ToJson(*before), ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

Status ProjectService::RemoveAssignment(const Caller& caller, int64_t project_id,
                                        int64_t assignment_id) {
  return repos_.tx->Write([&](Tx& tx) -> Status {
    Project project;
    KL_RETURN_IF_ERROR(
        RequireWritable(tx, caller, ProjectAction::kManageAssignments, project_id, &project));
    auto before = repos_.projects->GetAssignment(tx, assignment_id);
    if (!before.ok() || before->project_id != project_id) {
      return Status::NotFound("包抓记录不存在", "assignment not found");
    }
    KL_RETURN_IF_ERROR(repos_.projects->DeleteAssignment(tx, assignment_id));
    return audit_.Record(tx, caller, "delete", "assignment", std::to_string(assignment_id),
                         ToJson(*before), "");
  });
}

}  // namespace keyline
