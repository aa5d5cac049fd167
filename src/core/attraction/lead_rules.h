// The rules a lead satisfies, independent of storage: field validation (with the credit and
// industry code checks) and the stage machine 线索 → 洽谈 → 签约 → 注册 → 开工/落地 (终止).
#pragma once

#include <string>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "core/model/attraction.h"

namespace keyline {

// The largest amount a lead or contract may carry: 1万亿元 (10^8 万元), far above any real
// signing, so that sums over many contracts stay exact in 64-bit cents.
inline constexpr Money kMaxAttractionAmount = Money{100'000'000 * Money::kCentsPerWan};

// Checks the fields of a lead; upper-cases the credit code and the industry letter in place.
// A credit code whose check character is wrong (or whose area is unknown) is kept with a
// warning appended to lead->warnings; a malformed one (length, alphabet) and an unknown
// industry code are errors. Returns kInvalidArgument with one FieldError per problem.
Status ValidateLead(Lead* lead);

// Checks a contract's own fields (number, date, amounts). kInvalidArgument per field.
Status ValidateContract(const Contract& contract);

// Checks a stage move of a lead:
//   - moving to the same stage is kConflict;
//   - 签约 and later need a registered contract (kConflict "须先登记签约合同");
//   - a lead with a contract cannot go back before 签约 (kConflict);
//   - backward moves, 终止 and reopening a 终止 lead need a reason (kInvalidArgument).
Status CheckLeadMove(LeadStage from, LeadStage to, bool has_contract, const std::string& reason);

// OK when errors is empty, else kInvalidArgument carrying them (the first one as the message).
Status InvalidFields(std::vector<FieldError> errors);

// Order of the pipeline stages (终止 is outside it: -1).
int LeadStageRank(LeadStage stage);

}  // namespace keyline
