// SigningService: signing events (招商活动), the contracts signed for leads (one per lead, a
// unique contract number, presented at no more than one event: "one contract, one count"),
// funds in place (到位资金) and the rates of signed contracts (core/attraction/attraction_rates.h).
//
// Roles (core/attraction/attraction_access.h): the office creates and edits events; whoever
// may write a lead registers and updates its contract; rates and contract lists are limited
// to the caller's leads for a department. Every write is audited in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/attraction/attraction_rates.h"
#include "core/model/attraction.h"
#include "core/model/role.h"
#include "core/ports/attraction_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

struct EventInput {
  std::string name;
  std::string held_on;
  std::string place;
  bool outbound = false;
  std::string note;
};

struct EventDetail {
  SigningEvent event;
  std::vector<SignedContractRow> contracts;  // those the caller may see
};

struct ContractInput {
  std::optional<int64_t> event_id;
  std::string contract_no;
  std::string signed_on;
  Money amount;
  Money funds_in_place;
  ContractStatus status = ContractStatus::kPerforming;
};

class SigningService {
 public:
  SigningService(const Repositories& repos, const AttractionRepositories& attraction,
                 AuditLog& audit, const Clock& clock)
      : repos_(repos), attraction_(attraction), audit_(audit), clock_(clock) {}

  Result<std::vector<SigningEvent>> ListEvents(const Caller& caller, std::optional<int> year);
  Result<EventDetail> GetEvent(const Caller& caller, int64_t id);
  Result<SigningEvent> CreateEvent(const Caller& caller, const EventInput& input);
  Result<SigningEvent> UpdateEvent(const Caller& caller, int64_t id, int64_t expected_version,
                                   const EventInput& input);

  // Registers the lead's contract; a lead before 签约 moves to 签约 (with a history entry).
  // kConflict when the lead already has a contract or the number is taken.
  Result<Contract> Sign(const Caller& caller, int64_t lead_id, const ContractInput& input);
  // Rewrites the lead's contract (funds in place, status, event ...); kConflict when stale.
  Result<Contract> UpdateContract(const Caller& caller, int64_t lead_id, int64_t expected_version,
                                  const ContractInput& input);

  // Contracts (with their lead's and project's stage) and their rates, for the year when
  // given; a department's are limited to its leads.
  Result<std::vector<SignedContractRow>> Contracts(const Caller& caller, ContractQuery query);
  Result<AttractionRates> Rates(const Caller& caller, ContractQuery query);

 private:
  Status FillContract(Tx& tx, const ContractInput& input, Contract* contract);

  Repositories repos_;
  AttractionRepositories attraction_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
