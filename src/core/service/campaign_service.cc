#include "core/service/campaign_service.h"

#include <map>
#include <set>

#include "common/date.h"
#include "core/attraction/attraction_access.h"
#include "core/attraction/lead_rules.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"
#include "core/service/project_access.h"
#include "core/service/tx_result.h"

namespace keyline {
namespace {

Status ValidateRound(const RoundInput& in) {
  std::vector<FieldError> errors;
  if (in.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"name", "批次名称不能为空", "name is required"});
  }
  if (!Date::Parse(in.held_on).ok()) {
    errors.push_back({"held_on", "日期格式应为 YYYY-MM-DD", "held_on: expected YYYY-MM-DD"});
  }
  return InvalidFields(std::move(errors));
}

void Apply(const RoundInput& in, CampaignRound* r) {
  r->name = in.name;
  r->held_on = in.held_on;
  r->place = in.place;
  r->scheme = in.scheme;
  r->note = in.note;
}

}  // namespace

std::string CampaignService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Result<std::vector<CampaignEntry>> CampaignService::Visible(Tx& tx, const Caller& caller,
                                                            std::vector<CampaignEntry> entries) {
  ProjectScope scope = ScopeFor(caller, Today());
  if (scope.kind == ProjectScope::Kind::kAll) return entries;
  std::vector<CampaignEntry> out;
  for (CampaignEntry& e : entries) {
    KL_ASSIGN_OR_RETURN(bool in_scope, repos_.projects->InScope(tx, e.project_id, scope));
    if (in_scope) out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<CampaignRound>> CampaignService::List(const Caller& caller,
                                                         std::optional<int> year) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  return ReadResult<std::vector<CampaignRound>>(
      *repos_.tx, [&](Tx& tx) { return attraction_.campaigns->List(tx, year); });
}

Result<RoundDetail> CampaignService::Get(const Caller& caller, int64_t id) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  RoundDetail out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out.round, attraction_.campaigns->Get(tx, id));
    KL_ASSIGN_OR_RETURN(std::vector<CampaignEntry> all, attraction_.campaigns->Entries(tx, id));
    KL_ASSIGN_OR_RETURN(out.entries, Visible(tx, caller, std::move(all)));
    int year = Date::Parse(out.round.held_on).ok() ? Date::Parse(out.round.held_on)->year : 0;
    std::map<int64_t, Money> plans;
    for (const CampaignEntry& e : out.entries) {
      KL_ASSIGN_OR_RETURN(std::optional<AnnualPlan> plan, plans_.Baseline(tx, e.project_id, year));
      if (plan) plans[e.project_id] = plan->planned_investment;
    }
    out.stats = ComputeCampaignStats(out.round.scheme, out.entries, plans);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<CampaignRound> CampaignService::Create(const Caller& caller, const RoundInput& input) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  KL_RETURN_IF_ERROR(ValidateRound(input));
  CampaignRound round;
  Apply(input, &round);
  round.created_at = round.updated_at = clock_.NowMs();
  round.version = 1;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(round.id, attraction_.campaigns->Insert(tx, round));
    return audit_.Record(tx, caller, "create", "campaign_round", std::to_string(round.id), "",
                         ToJson(round));
  });
  if (!st.ok()) return st;
  return round;
}

Result<CampaignRound> CampaignService::Update(const Caller& caller, int64_t id,
                                              int64_t expected_version, const RoundInput& input) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  KL_RETURN_IF_ERROR(ValidateRound(input));
  CampaignRound round;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(CampaignRound before, attraction_.campaigns->Get(tx, id));
    round = before;
    Apply(input, &round);
    if (round.scheme == CampaignScheme::kThree && before.scheme == CampaignScheme::kFour) {
      KL_ASSIGN_OR_RETURN(std::vector<CampaignEntry> entries,
                          attraction_.campaigns->Entries(tx, id));
      for (const CampaignEntry& e : entries) {
        if (e.category == CampaignCategory::kPlan) {
          return Status::Conflict("批次中仍有谋划一批项目，不能改为三个一批",
                                  "the round still has 谋划一批 projects");
        }
      }
    }
    round.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(attraction_.campaigns->Update(tx, round, expected_version));
    round.version = expected_version + 1;
    return audit_.Record(tx, caller, "update", "campaign_round", std::to_string(id), ToJson(before),
                         ToJson(round));
  });
  if (!st.ok()) return st;
  return round;
}

Result<CampaignEntry> CampaignService::AddProject(const Caller& caller, int64_t round_id,
                                                  int64_t project_id, CampaignCategory category,
                                                  const std::string& note) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  CampaignEntry entry;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(CampaignRound round, attraction_.campaigns->Get(tx, round_id));
    if (category == CampaignCategory::kPlan && round.scheme == CampaignScheme::kThree) {
      return Status::InvalidArgument("三个一批没有谋划一批", "a 三个一批 round has no 谋划一批",
                                     {{"category", "三个一批没有谋划一批", "not in this scheme"}});
    }
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()));
    entry.round_id = round_id;
    entry.project_id = project_id;
    entry.category = category;
    entry.note = note;
    entry.added_by = caller.user_id;
    entry.added_at = clock_.NowMs();
    Status added = attraction_.campaigns->AddEntry(tx, entry);
    if (added.code() == ErrorCode::kConflict) {
      return Status::Conflict("该项目已在本批次中", "the project is already in this round");
    }
    KL_RETURN_IF_ERROR(added);
    entry.project_name = project.name;
    entry.project_stage = std::string(EnumCode(StageTable(), project.stage));
    entry.total_investment = project.total_investment;
    entry.actual_start = project.actual_start;
    return audit_.Record(tx, caller, "add", "campaign_entry",
                         std::to_string(round_id) + "/" + std::to_string(project_id), "",
                         ToJson(entry));
  });
  if (!st.ok()) return st;
  return entry;
}

Status CampaignService::RemoveProject(const Caller& caller, int64_t round_id, int64_t project_id) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  return repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::vector<CampaignEntry> entries,
                        attraction_.campaigns->Entries(tx, round_id));
    for (const CampaignEntry& e : entries) {
      if (e.project_id != project_id) continue;
      KL_RETURN_IF_ERROR(attraction_.campaigns->RemoveEntry(tx, round_id, project_id));
      return audit_.Record(tx, caller, "remove", "campaign_entry",
                           std::to_string(round_id) + "/" + std::to_string(project_id), ToJson(e),
                           "");
    }
    return Status::NotFound("该项目不在本批次中", "the project is not in this round");
  });
}

Result<std::vector<CampaignEntry>> CampaignService::ProposeProduction(const Caller& caller,
                                                                      int64_t round_id) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  std::vector<CampaignEntry> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(CampaignRound round, attraction_.campaigns->Get(tx, round_id));
    KL_ASSIGN_OR_RETURN(std::vector<CampaignEntry> mine,
                        attraction_.campaigns->Entries(tx, round_id));
    std::set<int64_t> taken;
    for (const CampaignEntry& e : mine) taken.insert(e.project_id);
    KL_ASSIGN_OR_RETURN(
        std::vector<CampaignEntry> earlier,
        attraction_.campaigns->EarlierEntries(tx, CampaignCategory::kStart, round.held_on));
    std::vector<CampaignEntry> fresh;
    for (CampaignEntry& e : earlier) {
      if (!taken.count(e.project_id)) fresh.push_back(std::move(e));
    }
    KL_ASSIGN_OR_RETURN(out, Visible(tx, caller, std::move(fresh)));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace keyline
