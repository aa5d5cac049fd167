// KeyListService: the yearly provincial, city and district key lists (重点项目名单) and their
// changes during the year (优进劣退).
//
//   - A list is (year, level). Every entry and exit is a change with a reason and an effective
//     date within the year, proposed by the office and taking effect only when an admin or
//     supervisor other than the proposer approves it (both are recorded); rejected changes stay
//     in the history.
//   - The list as of a date holds the projects whose latest approved change on or before that
//     date is an entry (core/funds/key_list_rules.h). Changes of one project must alternate:
//     entering a list it is on, or leaving one it is not on, is kConflict — when proposed and
//     again when approved. One pending change per project and list at a time.
// Role rules: core/service/funds_access.h. Every write is audited in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/funds.h"
#include "core/model/role.h"
#include "core/ports/funds_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

struct KeyListProposal {
  KeyListAction action = KeyListAction::kAdd;
  std::vector<int64_t> project_ids;  // 1..500, distinct
  std::string effective_on;          // valid date within the year (checked here)
  std::string reason;                // required
};

struct KeyListView {
  std::string as_of;
  std::vector<KeyListMember> members;
};

class KeyListService {
 public:
  KeyListService(const Repositories& repos, const FundsRepositories& funds, AuditLog& audit,
                 const Clock& clock)
      : repos_(repos), funds_(funds), audit_(audit), clock_(clock) {}

  // The members on as_of (default: today, clamped into the year) among the visible projects.
  Result<KeyListView> List(const Caller& caller, int year, ProjectLevel level,
                           std::optional<std::string> as_of);
  // Every change of the list for the visible projects, optionally of one status.
  Result<std::vector<KeyListChange>> Changes(const Caller& caller, int year, ProjectLevel level,
                                             std::optional<ChangeStatus> status);
  // One pending change per project, all or none.
  Result<std::vector<KeyListChange>> Propose(const Caller& caller, int year, ProjectLevel level,
                                             KeyListProposal proposal);
  // Approves or rejects a pending change; kForbidden for the proposer, kConflict when decided.
  Result<KeyListChange> Decide(const Caller& caller, int64_t change_id, bool approve,
                               std::string note);

 private:
  std::string Today() const;

  Repositories repos_;
  FundsRepositories funds_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
