// The rates of signed investment-attraction contracts (招商引资). Every contract counts once
// (one contract per lead, unique contract numbers), including terminated ones, so a broken
// contract lowers the rates instead of vanishing from them.
//
//   signed               contracts in the set
//   履约率 performance   contracts 履约中 or 已履约 ÷ signed
//   落地率 landing       contracts whose lead is 注册 or 开工/落地 ÷ signed
//   开工率 start         contracts whose lead became a project now 在建, 竣工 or 投产 ÷ signed
//   资金到位率 funds     Σ funds in place ÷ Σ contract amount
// A rate is nullopt when its denominator is 0.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "common/money.h"
#include "core/ports/attraction_repositories.h"

namespace keyline {

struct AttractionRates {
  int64_t signed_contracts = 0;
  int64_t performing = 0;
  int64_t landed = 0;
  int64_t started = 0;
  Money contract_amount;
  Money funds_in_place;
  std::optional<double> performance_rate;
  std::optional<double> landing_rate;
  std::optional<double> start_rate;
  std::optional<double> funds_rate;
  std::string as_of;  // YYYY-MM-DD (Beijing) the figures were read: they are live, not a period's
};

AttractionRates ComputeAttractionRates(std::span<const SignedContractRow> rows);

}  // namespace keyline
