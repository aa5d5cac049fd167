// The stage chain of a funding line: applied → issued (下达) → arrived (到位) → paid (支付).
//
// Rule (documented in docs/architecture.md): each stage's total never exceeds the total of the
// stage before it — issued ≤ applied, arrived ≤ issued, paid ≤ arrived. Sources without an
// application (企业自筹, 银行贷款) record the planned amount as their "applied" event.
// Pure functions, no I/O.
#pragma once

#include <vector>

#include "common/result.h"
#include "core/model/funds.h"

namespace keyline {

// The largest total one stage of a line may reach: 10^12 万元 (what Money::ParseWan accepts).
inline constexpr int64_t kMaxFundTotalCents = 1'000'000'000'000LL * Money::kCentsPerWan;

// The per-stage sums of events.
FundTotals SumEvents(const std::vector<FundEvent>& events);

// The totals after adding an event of `stage` and `amount` (> 0) to `before`, when the chain
// still holds; kInvalidArgument (field "amount", bilingual, naming both totals) otherwise, and
// for a non-positive amount or a total above kMaxFundTotalCents.
Result<FundTotals> AddToChain(const FundTotals& before, FundStage stage, Money amount);

// OK when issued ≤ applied, arrived ≤ issued and paid ≤ arrived; kConflict naming the first
// broken pair otherwise (used when an event is withdrawn).
Status CheckChain(const FundTotals& totals);

}  // namespace keyline
