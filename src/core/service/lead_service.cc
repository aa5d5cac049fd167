#include "core/service/lead_service.h"

#include "common/date.h"
#include "core/attraction/attraction_access.h"
#include "core/attraction/lead_rules.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"
#include "core/service/lead_moves.h"
#include "core/service/tx_result.h"

namespace keyline {
namespace {

Status StaleLead() {
  return Status::Conflict("招商线索已被他人修改，请刷新后重试",
                          "the lead was changed by someone else; reload and retry");
}

}  // namespace

std::string LeadService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Status LeadService::Fill(Tx& tx, const Caller& caller, LeadInput in, Lead* lead) {
  // An update that names no unit keeps the lead's.
  if (!in.responsible_unit_id && lead->responsible_unit_id > 0) {
    in.responsible_unit_id = lead->responsible_unit_id;
  }
  if (caller.role == Role::kDepartment) {
    if (!in.responsible_unit_id) in.responsible_unit_id = caller.unit_id;
    if (*in.responsible_unit_id != caller.unit_id) {
      return Status::Forbidden("行业部门只能负责本单位的招商线索",
                               "a department may only hold leads of its own unit");
    }
  }
  lead->company = std::move(in.company);
  lead->credit_code = std::move(in.credit_code);
  lead->industry_code = std::move(in.industry_code);
  lead->intended_investment = in.intended_investment;
  lead->source = std::move(in.source);
  lead->responsible_unit_id = in.responsible_unit_id.value_or(0);
  lead->responsible_person = std::move(in.responsible_person);
  lead->next_step = std::move(in.next_step);
  lead->next_step_date = std::move(in.next_step_date);
  lead->warnings.clear();
  KL_RETURN_IF_ERROR(ValidateLead(lead));
  Result<Unit> unit = repos_.units->Get(tx, lead->responsible_unit_id);
  if (!unit.ok() || unit->kind == UnitKind::kCompany) {
    return Status::InvalidArgument(
        "责任单位不存在或不是部门、街道、园区",
        "the responsible unit must be an existing department",
        {{"responsible_unit_id", "责任单位不存在或不是部门", "unknown or not a department"}});
  }
  return Status::Ok();
}

Result<PageOf<Lead>> LeadService::List(const Caller& caller, LeadQuery query) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  if (!SeesAllLeads(caller)) query.unit_id = caller.unit_id;
  return ReadResult<PageOf<Lead>>(*repos_.tx,
                                  [&](Tx& tx) { return attraction_.leads->List(tx, query); });
}

Result<LeadDetail> LeadService::Get(const Caller& caller, int64_t id) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  LeadDetail out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out.lead, attraction_.leads->Get(tx, id));
    KL_RETURN_IF_ERROR(CheckLeadVisible(caller, out.lead));
    KL_ASSIGN_OR_RETURN(out.history, attraction_.leads->StageChanges(tx, id));
    KL_ASSIGN_OR_RETURN(out.contract, attraction_.contracts->ForLead(tx, id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Lead> LeadService::Create(const Caller& caller, LeadInput input) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  if (!WritesLeads(caller.role)) {
    return Status::Forbidden("领导只能查看，不能修改", "a leader reads but does not write");
  }
  Lead created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    Lead lead;
    KL_RETURN_IF_ERROR(Fill(tx, caller, std::move(input), &lead));
    lead.stage = LeadStage::kLead;
    lead.created_at = lead.updated_at = clock_.NowMs();
    lead.version = 1;
    KL_ASSIGN_OR_RETURN(lead.id, attraction_.leads->Insert(tx, lead));
    KL_RETURN_IF_ERROR(attraction_.leads->InsertStageChange(
        tx, NewLeadStageChange(lead.id, std::nullopt, lead.stage, "登记线索", caller,
                               lead.created_at)));
    created = lead;
    return audit_.Record(tx, caller, "create", "lead", std::to_string(lead.id), "", ToJson(lead));
  });
  if (!st.ok()) return st;
  return created;
}

Result<Lead> LeadService::Update(const Caller& caller, int64_t id, int64_t expected_version,
                                 LeadInput input) {
  Lead updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Lead before, LoadWritableLead(tx, *attraction_.leads, caller, id));
    if (before.version != expected_version) return StaleLead();
    Lead lead = before;
    KL_RETURN_IF_ERROR(Fill(tx, caller, std::move(input), &lead));
    lead.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(attraction_.leads->Update(tx, lead, expected_version));
    lead.version = expected_version + 1;
    updated = lead;
    return audit_.Record(tx, caller, "update", "lead", std::to_string(id), ToJson(before),
                         ToJson(lead));
  });
  if (!st.ok()) return st;
  return updated;
}

Result<Lead> LeadService::Move(const Caller& caller, int64_t id, LeadStage to,
                               const std::string& reason, int64_t expected_version) {
  Lead moved;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Lead before, LoadWritableLead(tx, *attraction_.leads, caller, id));
    if (before.version != expected_version) return StaleLead();
    KL_ASSIGN_OR_RETURN(std::optional<Contract> contract, attraction_.contracts->ForLead(tx, id));
    KL_RETURN_IF_ERROR(CheckLeadMove(before.stage, to, contract.has_value(), reason));
    KL_ASSIGN_OR_RETURN(moved, WriteLeadMove(tx, *attraction_.leads, audit_, caller, before, to,
                                             reason, clock_.NowMs()));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return moved;
}

Result<LeadConversion> LeadService::Convert(const Caller& caller, int64_t id,
                                            const ConvertInput& input) {
  if (input.stage != Stage::kConceived && input.stage != Stage::kReserve) {
    return Status::InvalidArgument("转化的项目只能进入谋划库或储备库",
                                   "a converted lead enters the 谋划 or 储备 pool only",
                                   {{"stage", "应为 conceived 或 reserve", "conceived|reserve"}});
  }
  // 1. Check the lead and build the project draft.
  Project draft;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Lead lead, LoadWritableLead(tx, *attraction_.leads, caller, id));
    if (lead.version != input.expected_version) return StaleLead();
    if (lead.project_id) {
      return Status::Conflict(
          "该线索已转化为项目#" + std::to_string(*lead.project_id),
          "the lead already became project #" + std::to_string(*lead.project_id));
    }
    KL_ASSIGN_OR_RETURN(std::optional<Contract> contract, attraction_.contracts->ForLead(tx, id));
    if (!contract || LeadStageRank(lead.stage) < LeadStageRank(LeadStage::kSigned)) {
      return Status::Conflict("只有已签约的线索才能转化为项目",
                              "only a signed lead can become a project");
    }
    draft.name = input.name.value_or(lead.company + "项目");
    draft.stage = input.stage;
    draft.category = input.category;
    draft.industry_code = lead.industry_code;
    draft.responsible_unit_id = lead.responsible_unit_id;
    draft.total_investment = input.total_investment.value_or(contract->amount);
    draft.scale_content = "招商引资签约项目（合同 " + contract->contract_no + "）";
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // 2. The project, through the ledger's own use case.
  KL_ASSIGN_OR_RETURN(
      Project project,
      projects_.Create(caller, draft, "招商引资线索#" + std::to_string(id) + "签约转化"));
  // 3. The link.
  LeadConversion out;
  st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Lead before, LoadWritableLead(tx, *attraction_.leads, caller, id));
    if (before.version != input.expected_version || before.project_id) return StaleLead();
    Lead lead = before;
    lead.project_id = project.id;
    lead.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(attraction_.leads->Update(tx, lead, input.expected_version));
    lead.version = input.expected_version + 1;
    out.lead = lead;
    return audit_.Record(tx, caller, "convert", "lead", std::to_string(id), ToJson(before),
                         ToJson(lead));
  });
  if (!st.ok()) return st;
  out.project = std::move(project);
  return out;
}

Result<std::optional<Lead>> LeadService::ForProject(const Caller& caller, int64_t project_id) {
  KL_RETURN_IF_ERROR(projects_.Get(caller, project_id).status());
  if (!RequireAttractionReader(caller).ok()) return std::optional<Lead>();
  std::optional<Lead> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, attraction_.leads->FindByProject(tx, project_id));
    if (out && !CheckLeadVisible(caller, *out).ok()) out.reset();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace keyline
