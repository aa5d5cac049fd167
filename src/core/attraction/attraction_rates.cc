#include "core/attraction/attraction_rates.h"

namespace keyline {
namespace {

std::optional<double> Ratio(double num, double den) {
  if (den <= 0) return std::nullopt;
  return num / den;
}

bool ProjectStarted(const std::optional<std::string>& stage) {
  return stage && (*stage == "construction" || *stage == "completed" || *stage == "production");
}

}  // namespace

AttractionRates ComputeAttractionRates(std::span<const SignedContractRow> rows) {
  AttractionRates r;
  for (const SignedContractRow& row : rows) {
    ++r.signed_contracts;
    ContractStatus s = row.contract.status;
    if (s == ContractStatus::kPerforming || s == ContractStatus::kFulfilled) ++r.performing;
    if (row.lead_stage == LeadStage::kRegistered || row.lead_stage == LeadStage::kLanded) {
      ++r.landed;
    }
    if (ProjectStarted(row.project_stage)) ++r.started;
    r.contract_amount = r.contract_amount + row.contract.amount;
    r.funds_in_place = r.funds_in_place + row.contract.funds_in_place;
  }
  double n = static_cast<double>(r.signed_contracts);
  r.performance_rate = Ratio(static_cast<double>(r.performing), n);
  r.landing_rate = Ratio(static_cast<double>(r.landed), n);
  r.start_rate = Ratio(static_cast<double>(r.started), n);
  r.funds_rate = Ratio(static_cast<double>(r.funds_in_place.cents),
                       static_cast<double>(r.contract_amount.cents));
  return r;
}

}  // namespace keyline
