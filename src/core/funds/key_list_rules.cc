#include "core/funds/key_list_rules.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace keyline {
namespace {

bool Before(const KeyListChange& a, const KeyListChange& b) {
  if (a.effective_on != b.effective_on) return a.effective_on < b.effective_on;
  return a.id < b.id;
}

}  // namespace

std::vector<KeyListMember> MembersAsOf(const std::vector<KeyListChange>& approved,
                                       const std::string& as_of) {
  std::map<int64_t, const KeyListChange*> latest;
  for (const KeyListChange& c : approved) {
    if (c.status != ChangeStatus::kApproved || c.effective_on > as_of) continue;
    const KeyListChange*& slot = latest[c.project_id];
    if (!slot || Before(*slot, c)) slot = &c;
  }
  std::vector<KeyListMember> out;
  for (const auto& [project_id, c] : latest) {
    if (c->action != KeyListAction::kAdd) continue;
    out.push_back({project_id, c->project_name, c->effective_on, c->reason, c->id});
  }
  return out;
}

Status CheckChangeFits(const std::vector<KeyListChange>& approved, const KeyListChange& change) {
  std::vector<KeyListChange> seq;
  for (const KeyListChange& c : approved) {
    if (c.project_id == change.project_id && c.status == ChangeStatus::kApproved &&
        c.id != change.id) {
      seq.push_back(c);
    }
  }
  KeyListChange probe = change;
  if (probe.id == 0) probe.id = INT64_MAX;  // a new change sorts after existing ones that day
  seq.push_back(probe);
  std::sort(seq.begin(), seq.end(), Before);
  bool member = false;
  for (const KeyListChange& c : seq) {
    bool add = c.action == KeyListAction::kAdd;
    if (add == member) {
      std::string day = c.effective_on;
      if (add) {
        return Status::Conflict("项目在 " + day + " 已在名单内，不能重复调入",
                                "the project is already on the list on " + day);
      }
      return Status::Conflict("项目在 " + day + " 不在名单内，不能调出",
                              "the project is not on the list on " + day);
    }
    member = add;
  }
  return Status::Ok();
}

}  // namespace keyline
