// FundService: funding lines (资金) per project, source and year, as sequences of events
// (申请 → 下达 → 到位 → 支付), the 中央预算内 due items their 下达 events create, and the rates.
//
//   - A line is unique per (project, source, year).
//   - Events are appended, never edited: each carries the line version the caller saw (a stale
//     one is kConflict); amounts keep the chain of core/funds/fund_chain.h; a 下达 needs its
//     文号 / batch number; no date lies in the future.
//   - A 下达 of a central-budget (central_budget) line creates two due items: forward within 10
//     and break down within 20 working days of its date (core/funds/deadlines.h).
// Role rules: core/service/funds_access.h. Every write is audited in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/calendar/working_calendar.h"
#include "core/funds/fund_rates.h"
#include "core/model/funds.h"
#include "core/model/role.h"
#include "core/ports/funds_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

struct FundLineInput {
  FundingSource source = FundingSource::kOther;
  int year = 0;  // 2000..2100
  std::string note;
};

struct FundEventInput {
  FundStage stage = FundStage::kApplied;
  Money amount;
  std::string date;  // valid "YYYY-MM-DD", checked by the API
  std::string doc_no;
  std::string note;
  int64_t expected_version = 0;  // the line version the caller saw
};

struct FundRateTable {
  std::vector<FundRateRow> rows;
  FundRateRow total;
};

class FundService {
 public:
  FundService(const Repositories& repos, const FundsRepositories& funds, AuditLog& audit,
              const Clock& clock, const WorkingCalendar& calendar)
      : repos_(repos), funds_(funds), audit_(audit), clock_(clock), calendar_(calendar) {}

  // The project's lines with their events and totals; kNotFound outside the scope.
  Result<std::vector<FundLine>> Lines(const Caller& caller, int64_t project_id);
  // kConflict when the line exists; kForbidden for read-only roles.
  Result<FundLine> CreateLine(const Caller& caller, int64_t project_id, FundLineInput input);
  // The line after the event; kInvalidArgument when the chain would break.
  Result<FundLine> AddEvent(const Caller& caller, int64_t line_id, FundEventInput input);

  // Due items of the visible projects (or one project), with the overdue flags.
  Result<std::vector<FundDueItem>> DueItems(const Caller& caller, std::optional<int64_t> project_id,
                                            bool open_only);
  // Marks a due item done on done_on (received_on ≤ done_on ≤ today).
  Result<FundDueItem> CompleteDueItem(const Caller& caller, int64_t id, const std::string& done_on,
                                      int64_t expected_version);

  // Rates by source, responsible unit or year over the visible lines (optionally one year).
  Result<FundRateTable> Rates(const Caller& caller, FundRateGroup group, std::optional<int> year);

 private:
  std::string Today() const;
  Status LoadEvents(Tx& tx, std::vector<FundLine>* lines);

  Repositories repos_;
  FundsRepositories funds_;
  AuditLog& audit_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
};

}  // namespace keyline
