#include "core/service/plan_service.h"

#include "common/date.h"
#include "common/json_writer.h"
#include "common/number_format.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/reporting/plan_split.h"
#include "core/service/project_access.h"
#include "core/service/reporting_access.h"

namespace keyline {
namespace {

Status RejectField(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) {
    return Status::NotFound("计划年度须在 2000–2100 之间", "the plan year must be 2000..2100");
  }
  return Status::Ok();
}

// Validates input and computes the monthly breakdown into plan.
Status Fill(int year, const PlanInput& in, AnnualPlan* plan) {
  if (in.planned_investment.cents < 0) {
    return RejectField("planned_investment", "年度计划投资不能为负数",
                       "the planned investment cannot be negative");
  }
  if (in.completed_before && in.completed_before->cents < 0) {
    return RejectField("completed_before", "上年底累计完成投资不能为负数",
                       "completed_before cannot be negative");
  }
  if (in.goals.size() > 10000) {
    return RejectField("goals", "年度建设内容过长（最多 10000 字节）",
                       "goals is too long (at most 10000 bytes)");
  }
  if (in.reason.size() > 2000) {
    return RejectField("reason", "调整原因过长（最多 2000 字节）",
                       "reason is too long (at most 2000 bytes)");
  }
  Result<MonthRange> range = PlanMonths(year, in.planned_start, in.planned_completion);
  if (!range.ok()) {
    return RejectField("planned_start", range.status().message_zh(), range.status().message_en());
  }
  if (in.split == PlanSplit::kCustom) {
    if (!in.monthly) {
      return RejectField("monthly", "自定义分解须给出 12 个月的计划投资",
                         "a custom split needs the 12 monthly amounts");
    }
    int64_t sum = 0;
    for (Money m : *in.monthly) {
      if (m.cents < 0) {
        return RejectField("monthly", "月度计划投资不能为负数",
                           "monthly amounts cannot be negative");
      }
      sum += m.cents;
    }
    if (sum != in.planned_investment.cents) {
      Money total{sum};
      return RejectField("monthly",
                         "月度计划合计 " + FormatWan(total) + " 万元与年度计划投资 " +
                             FormatWan(in.planned_investment) + " 万元不一致",
                         "the monthly amounts add up to " + FormatWan(total) +
                             " 万元, not the planned " + FormatWan(in.planned_investment) +
                             " 万元");
    }
    plan->monthly = *in.monthly;
  } else {
    KL_ASSIGN_OR_RETURN(plan->monthly, SplitPlan(in.planned_investment, in.split, *range));
  }
  plan->year = year;
  plan->planned_investment = in.planned_investment;
  plan->planned_start = in.planned_start;
  plan->planned_completion = in.planned_completion;
  plan->goals = in.goals;
  plan->split = in.split;
  plan->completed_before = in.completed_before;
  plan->reason = in.reason;
  return Status::Ok();
}

Status StalePlan() {
  return Status::Conflict("年度计划已被他人修改，请刷新后重试",
                          "the annual plan was changed by someone else; reload and retry");
}

}  // namespace

std::string PlanService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Status PlanService::RequireWriter(const Caller& caller) const {
  if (MayManageReporting(caller.role)) return Status::Ok();
  return Status::Forbidden("只有发改部门可以制定年度计划",
                           "only the 发改 office may set annual plans");
}

Result<PlanHistory> PlanService::Get(const Caller& caller, int64_t project_id, int year) {
  KL_RETURN_IF_ERROR(CheckYear(year));
  PlanHistory out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_ASSIGN_OR_RETURN(out.versions, plans_.Versions(tx, project_id, year));
    if (!out.versions.empty()) out.current = out.versions.back();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<AnnualPlan>> PlanService::ListYears(const Caller& caller, int64_t project_id) {
  std::vector<AnnualPlan> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_ASSIGN_OR_RETURN(out, plans_.CurrentByYear(tx, project_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AnnualPlan> PlanService::Save(const Caller& caller, int64_t project_id, int year,
                                     PlanInput input) {
  KL_RETURN_IF_ERROR(CheckYear(year));
  AnnualPlan saved;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_RETURN_IF_ERROR(RequireWriter(caller));
    KL_ASSIGN_OR_RETURN(std::optional<AnnualPlan> current, plans_.Current(tx, project_id, year));
    int current_version = current ? current->version : 0;
    if (input.expected_version != current_version) return StalePlan();
    int64_t now = clock_.NowMs();
    AnnualPlan plan;
    plan.project_id = project_id;
    KL_RETURN_IF_ERROR(Fill(year, input, &plan));
    plan.updated_at = now;
    if (current && current->status == PlanStatus::kDraft) {
      // Rewriting a draft keeps its identity.
      plan.version = current->version;
      plan.status = PlanStatus::kDraft;
      plan.created_by = current->created_by;
      plan.created_by_name = current->created_by_name;
      plan.created_at = current->created_at;
      KL_RETURN_IF_ERROR(plans_.Update(tx, plan));
      saved = plan;
      return audit_.Record(tx, caller, "update", "annual_plan",
                           std::to_string(project_id) + "/" + std::to_string(year),
                           ToJson(*current), ToJson(plan));
    }
    plan.created_by = caller.user_id;
    plan.created_by_name = caller.Name();
    if (auto user = repos_.users->Get(tx, caller.user_id); user.ok()) {
      if (!user->display_name.empty()) plan.created_by_name = user->display_name;
    }
    plan.created_at = now;
    if (current) {
      // Re-baseline of a confirmed plan.
      if (input.reason.empty()) {
        return RejectField("reason", "调整已确认的年度计划须说明原因",
                           "changing a confirmed plan needs a reason");
      }
      plan.version = current->version + 1;
      plan.status = PlanStatus::kConfirmed;
      plan.confirmed_by = caller.user_id;
      plan.confirmed_at = now;
    } else {
      plan.version = 1;
      plan.status = PlanStatus::kDraft;
    }
    KL_RETURN_IF_ERROR(plans_.Insert(tx, plan));
    saved = plan;
    return audit_.Record(tx, caller, current ? "rebaseline" : "create", "annual_plan",
                         std::to_string(project_id) + "/" + std::to_string(year),
                         current ? ToJson(*current) : "", ToJson(plan));
  });
  if (!st.ok()) {
    // Two first saves racing: the loser hits the primary key.
    return st;
  }
  return saved;
}

Status PlanService::ImportBaselineInTx(Tx& tx, const Caller& caller, int64_t project_id, int year,
                                       Money planned, const std::string& reason, bool new_project) {
  KL_RETURN_IF_ERROR(CheckYear(year));
  std::optional<AnnualPlan> current;
  if (!new_project) {
    KL_ASSIGN_OR_RETURN(current, plans_.Current(tx, project_id, year));
  }
  if (current && current->status == PlanStatus::kConfirmed &&
      current->planned_investment == planned) {
    return Status::Ok();
  }
  PlanInput input;
  input.planned_investment = planned;
  input.reason = reason;
  if (current) {
    input.planned_start = current->planned_start;
    input.planned_completion = current->planned_completion;
    input.goals = current->goals;
    input.completed_before = current->completed_before;
  }
  int64_t now = clock_.NowMs();
  AnnualPlan plan;
  plan.project_id = project_id;
  KL_RETURN_IF_ERROR(Fill(year, input, &plan));
  plan.status = PlanStatus::kConfirmed;
  plan.confirmed_by = caller.user_id;
  plan.confirmed_at = now;
  plan.updated_at = now;
  plan.created_by = caller.user_id;
  plan.created_by_name = caller.Name();
  plan.created_at = now;
  std::string key = std::to_string(project_id) + "/" + std::to_string(year);
  if (current && current->status == PlanStatus::kDraft) {
    plan.version = current->version;
    plan.created_by = current->created_by;
    plan.created_by_name = current->created_by_name;
    plan.created_at = current->created_at;
    KL_RETURN_IF_ERROR(plans_.Update(tx, plan));
    return audit_.Record(tx, caller, "confirm", "annual_plan", key, ToJson(*current), ToJson(plan));
  }
  plan.version = current ? current->version + 1 : 1;
  KL_RETURN_IF_ERROR(plans_.Insert(tx, plan));
  return audit_.Record(tx, caller, current ? "rebaseline" : "create", "annual_plan", key,
                       current ? ToJson(*current) : "", ToJson(plan));
}

Result<AnnualPlan> PlanService::Confirm(const Caller& caller, int64_t project_id, int year,
                                        int version) {
  KL_RETURN_IF_ERROR(CheckYear(year));
  AnnualPlan confirmed;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_RETURN_IF_ERROR(RequireWriter(caller));
    KL_ASSIGN_OR_RETURN(std::optional<AnnualPlan> current, plans_.Current(tx, project_id, year));
    if (!current) return Status::NotFound("该年度尚无计划", "no plan for this year");
    if (current->version != version) return StalePlan();
    if (current->status != PlanStatus::kDraft) {
      return Status::Conflict("该版本已确认", "this version is already confirmed");
    }
    confirmed = *current;
    int64_t now = clock_.NowMs();
    confirmed.status = PlanStatus::kConfirmed;
    confirmed.confirmed_by = caller.user_id;
    confirmed.confirmed_at = now;
    confirmed.updated_at = now;
    KL_RETURN_IF_ERROR(plans_.Update(tx, confirmed));
    return audit_.Record(tx, caller, "confirm", "annual_plan",
                         std::to_string(project_id) + "/" + std::to_string(year), ToJson(*current),
                         ToJson(confirmed));
  });
  if (!st.ok()) return st;
  return confirmed;
}

}  // namespace keyline
