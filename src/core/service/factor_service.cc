#include "core/service/factor_service.h"

#include "core/funds/deadlines.h"
#include "core/model/funds_json.h"
#include "core/model/json.h"
#include "core/service/funds_access.h"
#include "core/service/project_access.h"
#include "core/service/supervision_access.h"

namespace keyline {
namespace {

Status Field(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

Status Validate(const FactorInput& in, const std::string& today) {
  if (in.demanded <= 0) return Field("demanded", "需求量须大于 0", "demanded must be > 0");
  if (in.guaranteed < 0) return Field("guaranteed", "保障量不能为负数", "guaranteed must be ≥ 0");
  if (in.guaranteed > in.demanded) {
    return Field("guaranteed", "保障量不能超过需求量", "guaranteed cannot exceed demanded");
  }
  if (in.guaranteed_on && in.guaranteed == 0) {
    return Field("guaranteed_on", "尚无保障量时不能填写保障日期",
                 "guaranteed_on needs a guaranteed amount");
  }
  if (in.guaranteed_on && *in.guaranteed_on > today) {
    return Field("guaranteed_on", "保障日期不能晚于今天", "guaranteed_on cannot be in the future");
  }
  if (in.guaranteed == in.demanded && !in.guaranteed_on) {
    return Field("guaranteed_on", "全部保障时须填写保障日期",
                 "a full guarantee needs its guaranteed_on date");
  }
  return Status::Ok();
}

}  // namespace

std::string FactorService::Today() const { return BeijingToday(clock_.NowMs()); }

Result<std::vector<FactorDemand>> FactorService::OfProject(const Caller& caller,
                                                           int64_t project_id) {
  std::string today = Today();
  std::vector<FactorDemand> out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, today).status());
    KL_ASSIGN_OR_RETURN(out, funds_.factors->OfProject(tx, project_id));
    return Status::Ok();
  }));
  for (FactorDemand& f : out) MarkFactor(&f, today);
  return out;
}

Result<FactorDemand> FactorService::Put(const Caller& caller, int64_t project_id, FactorKind kind,
                                        FactorInput in) {
  std::string today = Today();
  KL_RETURN_IF_ERROR(Validate(in, today));
  FactorDemand saved;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, project_id, today));
    if (!MayWriteFunds(caller.role)) {
      return Status::Forbidden("当前角色无权登记要素保障",
                               "this role may not record factor guarantees");
    }
    KL_ASSIGN_OR_RETURN(std::optional<FactorDemand> current,
                        funds_.factors->Find(tx, project_id, kind));
    int64_t current_version = current ? current->version : 0;
    if (in.expected_version != current_version) {
      return Status::Conflict("要素保障已被他人修改，请刷新后重试",
                              "the factor demand was changed by someone else; reload and retry");
    }
    saved.id = current ? current->id : 0;
    saved.project_id = project_id;
    saved.project_name = project.name;
    saved.kind = kind;
    saved.demanded = in.demanded;
    saved.guaranteed = in.guaranteed;
    saved.due_on = in.due_on;
    saved.guaranteed_on = in.guaranteed_on;
    saved.note = std::move(in.note);
    saved.updated_by = caller.user_id;
    saved.updated_at = clock_.NowMs();
    if (current) {
      KL_RETURN_IF_ERROR(funds_.factors->Update(tx, saved, current_version));
      saved.version = current_version + 1;
    } else {
      KL_ASSIGN_OR_RETURN(saved.id, funds_.factors->Insert(tx, saved));
      saved.version = 1;
    }
    return audit_.Record(tx, caller, current ? "update" : "create", "factor_demand",
                         std::to_string(saved.id), current ? ToJson(*current) : "", ToJson(saved));
  }));
  MarkFactor(&saved, today);
  return saved;
}

Result<std::vector<FactorDemand>> FactorService::Overdue(const Caller& caller) {
  std::string today = Today();
  std::vector<FactorDemand> out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, funds_.factors->Overdue(tx, ScopeFor(caller, today), today));
    return Status::Ok();
  }));
  for (FactorDemand& f : out) MarkFactor(&f, today);
  return out;
}

}  // namespace keyline
