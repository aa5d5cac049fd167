#include "core/service/key_list_service.h"

#include <set>

#include "core/funds/key_list_rules.h"
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

Status RequireManager(const Caller& caller) {
  if (MayManageKeyLists(caller.role)) return Status::Ok();
  return Status::Forbidden("只有发改部门可以调整重点项目名单",
                           "only the 发改 office may change key lists");
}

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) {
    return Status::NotFound("名单年度须在 2000–2100 之间", "the list year must be 2000..2100");
  }
  return Status::Ok();
}

const ProjectScope kAllProjects{};

}  // namespace

std::string KeyListService::Today() const { return BeijingToday(clock_.NowMs()); }

Result<KeyListView> KeyListService::List(const Caller& caller, int year, ProjectLevel level,
                                         std::optional<std::string> as_of) {
  KL_RETURN_IF_ERROR(CheckYear(year));
  std::string today = Today();
  KeyListView view;
  if (as_of) {
    view.as_of = *as_of;
  } else {
    std::string first = std::to_string(year) + "-01-01";
    std::string last = std::to_string(year) + "-12-31";
    view.as_of = today < first ? first : today > last ? last : today;
  }
  std::vector<KeyListChange> changes;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(changes,
                        funds_.key_lists->Changes(tx, year, level, ScopeFor(caller, today)));
    return Status::Ok();
  }));
  view.members = MembersAsOf(changes, view.as_of);
  return view;
}

Result<std::vector<KeyListChange>> KeyListService::Changes(const Caller& caller, int year,
                                                           ProjectLevel level,
                                                           std::optional<ChangeStatus> status) {
  KL_RETURN_IF_ERROR(CheckYear(year));
  std::vector<KeyListChange> changes;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(changes,
                        funds_.key_lists->Changes(tx, year, level, ScopeFor(caller, Today())));
    return Status::Ok();
  }));
  if (status) std::erase_if(changes, [&](const KeyListChange& c) { return c.status != *status; });
  return changes;
}

Result<std::vector<KeyListChange>> KeyListService::Propose(const Caller& caller, int year,
                                                           ProjectLevel level, KeyListProposal p) {
  KL_RETURN_IF_ERROR(CheckYear(year));
  KL_RETURN_IF_ERROR(RequireManager(caller));
  if (p.effective_on.substr(0, 4) != std::to_string(year)) {
    return Field("effective_on", "生效日期须在名单年度内",
                 "effective_on must lie within the list's year");
  }
  if (p.reason.empty()) {
    return Field("reason", "调整名单须说明原因", "a list change needs a reason");
  }
  if (p.project_ids.empty() || p.project_ids.size() > 500) {
    return Field("project_ids", "须给出 1–500 个项目", "give 1..500 projects");
  }
  if (std::set<int64_t>(p.project_ids.begin(), p.project_ids.end()).size() !=
      p.project_ids.size()) {
    return Field("project_ids", "项目重复", "a project is listed twice");
  }
  std::string today = Today();
  std::vector<KeyListChange> out;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::vector<KeyListChange> existing,
                        funds_.key_lists->Changes(tx, year, level, kAllProjects));
    int64_t now = clock_.NowMs();
    for (int64_t project_id : p.project_ids) {
      KL_ASSIGN_OR_RETURN(Project project,
                          LoadVisibleProject(*repos_.projects, tx, caller, project_id, today));
      KeyListChange c;
      c.year = year;
      c.level = level;
      c.project_id = project_id;
      c.project_name = project.name;
      c.action = p.action;
      c.effective_on = p.effective_on;
      c.reason = p.reason;
      c.status = ChangeStatus::kPending;
      c.proposed_by = caller.user_id;
      c.proposed_by_name = caller.Name();
      c.proposed_at = now;
      for (const KeyListChange& e : existing) {
        if (e.project_id == project_id && e.status == ChangeStatus::kPending) {
          return Status::Conflict("项目「" + project.name + "」已有待审核的名单调整",
                                  "project " + std::to_string(project_id) +
                                      " already has a pending change of this list");
        }
      }
      Status fits = CheckChangeFits(existing, c);
      if (!fits.ok()) {
        return Status::Conflict("项目「" + project.name + "」：" + fits.message_zh(),
                                "project " + std::to_string(project_id) + ": " + fits.message_en());
      }
      KL_ASSIGN_OR_RETURN(c.id, funds_.key_lists->Insert(tx, c));
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "propose", "key_list_change",
                                       std::to_string(c.id), "", ToJson(c)));
      out.push_back(std::move(c));
    }
    return Status::Ok();
  }));
  return out;
}

Result<KeyListChange> KeyListService::Decide(const Caller& caller, int64_t change_id, bool approve,
                                             std::string note) {
  KL_RETURN_IF_ERROR(RequireManager(caller));
  KeyListChange change;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(change, funds_.key_lists->Get(tx, change_id));
    if (change.status != ChangeStatus::kPending) {
      return Status::Conflict("该调整已审核，不能再次审核", "this change was already decided");
    }
    if (change.proposed_by == caller.user_id) {
      return Status::Forbidden("名单调整须由提出人以外的管理员或发改人员审核",
                               "a change must be decided by someone other than its proposer");
    }
    KeyListChange before = change;
    if (approve) {
      KL_ASSIGN_OR_RETURN(std::vector<KeyListChange> existing,
                          funds_.key_lists->Changes(tx, change.year, change.level, kAllProjects));
      KL_RETURN_IF_ERROR(CheckChangeFits(existing, change));
    }
    change.status = approve ? ChangeStatus::kApproved : ChangeStatus::kRejected;
    change.decided_by = caller.user_id;
    change.decided_by_name = caller.Name();
    change.decided_at = clock_.NowMs();
    change.decision_note = std::move(note);
    KL_RETURN_IF_ERROR(funds_.key_lists->Decide(tx, change));
    return audit_.Record(tx, caller, approve ? "approve" : "reject", "key_list_change",
                         std::to_string(change_id), ToJson(before), ToJson(change));
  }));
  return change;
}

}  // namespace keyline
