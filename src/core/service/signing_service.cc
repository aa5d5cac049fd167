#include "core/service/signing_service.h"

#include "common/date.h"
#include "core/attraction/attraction_access.h"
#include "core/attraction/lead_rules.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"
#include "core/service/lead_moves.h"
#include "core/service/tx_result.h"

namespace keyline {
namespace {

Status ValidateEvent(const EventInput& in) {
  std::vector<FieldError> errors;
  if (in.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"name", "活动名称不能为空", "name is required"});
  }
  if (!Date::Parse(in.held_on).ok()) {
    errors.push_back({"held_on", "日期格式应为 YYYY-MM-DD", "held_on: expected YYYY-MM-DD"});
  }
  return InvalidFields(std::move(errors));
}

void Apply(const EventInput& in, SigningEvent* e) {
  e->name = in.name;
  e->held_on = in.held_on;
  e->place = in.place;
  e->outbound = in.outbound;
  e->note = in.note;
}

}  // namespace

Result<std::vector<SigningEvent>> SigningService::ListEvents(const Caller& caller,
                                                             std::optional<int> year) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  return ReadResult<std::vector<SigningEvent>>(
      *repos_.tx, [&](Tx& tx) { return attraction_.contracts->ListEvents(tx, year); });
}

Result<EventDetail> SigningService::GetEvent(const Caller& caller, int64_t id) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  EventDetail out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out.event, attraction_.contracts->GetEvent(tx, id));
    ContractQuery q;
    q.event_id = id;
    if (!SeesAllLeads(caller)) q.unit_id = caller.unit_id;
    KL_ASSIGN_OR_RETURN(out.contracts, attraction_.contracts->List(tx, q));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<SigningEvent> SigningService::CreateEvent(const Caller& caller, const EventInput& input) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  KL_RETURN_IF_ERROR(ValidateEvent(input));
  SigningEvent event;
  Apply(input, &event);
  event.created_at = event.updated_at = clock_.NowMs();
  event.version = 1;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(event.id, attraction_.contracts->InsertEvent(tx, event));
    return audit_.Record(tx, caller, "create", "signing_event", std::to_string(event.id), "",
                         ToJson(event));
  });
  if (!st.ok()) return st;
  return event;
}

Result<SigningEvent> SigningService::UpdateEvent(const Caller& caller, int64_t id,
                                                 int64_t expected_version,
                                                 const EventInput& input) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  KL_RETURN_IF_ERROR(ValidateEvent(input));
  SigningEvent event;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(SigningEvent before, attraction_.contracts->GetEvent(tx, id));
    event = before;
    Apply(input, &event);
    event.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(attraction_.contracts->UpdateEvent(tx, event, expected_version));
    event.version = expected_version + 1;
    return audit_.Record(tx, caller, "update", "signing_event", std::to_string(id), ToJson(before),
                         ToJson(event));
  });
  if (!st.ok()) return st;
  return event;
}

Status SigningService::FillContract(Tx& tx, const ContractInput& in, Contract* c) {
  c->event_id = in.event_id;
  c->contract_no = in.contract_no;
  c->signed_on = in.signed_on;
  c->amount = in.amount;
  c->funds_in_place = in.funds_in_place;
  c->status = in.status;
  KL_RETURN_IF_ERROR(ValidateContract(*c));
  if (c->event_id) {
    Result<SigningEvent> event = attraction_.contracts->GetEvent(tx, *c->event_id);
    if (!event.ok()) {
      return Status::InvalidArgument("招商活动不存在", "the signing event does not exist",
                                     {{"event_id", "招商活动不存在", "unknown signing event"}});
    }
  }
  return Status::Ok();
}

Result<Contract> SigningService::Sign(const Caller& caller, int64_t lead_id,
                                      const ContractInput& input) {
  Contract contract;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Lead lead, LoadWritableLead(tx, *attraction_.leads, caller, lead_id));
    if (lead.stage == LeadStage::kDropped) {
      return Status::Conflict("已终止的线索不能签约", "a dropped lead cannot sign");
    }
    KL_ASSIGN_OR_RETURN(std::optional<Contract> existing,
                        attraction_.contracts->ForLead(tx, lead_id));
    if (existing) {
      return Status::Conflict("该线索已登记签约合同（一个合同只计一次）",
                              "the lead already has its contract (one contract, one count)");
    }
    contract.lead_id = lead_id;
    KL_RETURN_IF_ERROR(FillContract(tx, input, &contract));
    int64_t now = clock_.NowMs();
    contract.created_at = contract.updated_at = now;
    contract.version = 1;
    Result<int64_t> id = attraction_.contracts->Insert(tx, contract);
    if (!id.ok()) {
      if (id.status().code() == ErrorCode::kConflict) {
        return Status::Conflict("合同编号已被登记（一个合同只计一次）",
                                "the contract number is already registered (one contract, "
                                "one count)");
      }
      return id.status();
    }
    contract.id = *id;
    KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "create", "lead_contract",
                                     std::to_string(contract.id), "", ToJson(contract)));
    if (LeadStageRank(lead.stage) >= LeadStageRank(LeadStage::kSigned)) return Status::Ok();
    return WriteLeadMove(tx, *attraction_.leads, audit_, caller, lead, LeadStage::kSigned,
                         "签约合同 " + contract.contract_no, now)
        .status();
  });
  if (!st.ok()) return st;
  return contract;
}

Result<Contract> SigningService::UpdateContract(const Caller& caller, int64_t lead_id,
                                                int64_t expected_version,
                                                const ContractInput& input) {
  Contract contract;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Lead lead, LoadWritableLead(tx, *attraction_.leads, caller, lead_id));
    KL_ASSIGN_OR_RETURN(std::optional<Contract> before,
                        attraction_.contracts->ForLead(tx, lead_id));
    if (!before) return Status::NotFound("该线索尚未登记签约合同", "the lead has no contract");
    contract = *before;
    KL_RETURN_IF_ERROR(FillContract(tx, input, &contract));
    contract.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(attraction_.contracts->Update(tx, contract, expected_version));
    contract.version = expected_version + 1;
    return audit_.Record(tx, caller, "update", "lead_contract", std::to_string(contract.id),
                         ToJson(*before), ToJson(contract));
  });
  if (!st.ok()) return st;
  return contract;
}

Result<std::vector<SignedContractRow>> SigningService::Contracts(const Caller& caller,
                                                                 ContractQuery query) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  if (!SeesAllLeads(caller)) query.unit_id = caller.unit_id;
  return ReadResult<std::vector<SignedContractRow>>(
      *repos_.tx, [&](Tx& tx) { return attraction_.contracts->List(tx, query); });
}

Result<AttractionRates> SigningService::Rates(const Caller& caller, ContractQuery query) {
  KL_ASSIGN_OR_RETURN(std::vector<SignedContractRow> rows, Contracts(caller, std::move(query)));
  return ComputeAttractionRates(rows);
}

}  // namespace keyline
