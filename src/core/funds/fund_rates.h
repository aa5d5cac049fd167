// Rates of funding lines by group: 下达率 issued ÷ applied, 到位率 arrived ÷ issued,
// 支付率 paid ÷ arrived; nullopt when the denominator is zero. Pure functions, no I/O.
#pragma once

#include <string>
#include <vector>

#include "core/model/funds.h"

namespace keyline {

// One line as the rate tables see it.
struct FundRateInput {
  FundingSource source = FundingSource::kOther;
  int year = 0;
  std::optional<int64_t> unit_id;  // the project's responsible unit
  std::string unit_name;
  FundTotals totals;
};

enum class FundRateGroup { kSource, kUnit, kYear };
std::span<const EnumEntry<FundRateGroup>> FundRateGroupTable();

// One row per group present in lines (sources in enum order, units by id with "no unit" last,
// years ascending), plus nothing else; the rates of each row.
std::vector<FundRateRow> FundRates(const std::vector<FundRateInput>& lines, FundRateGroup group);

// The rates of the sums in row (fills issue/arrival/payment_rate).
void FillRates(FundRateRow* row);

}  // namespace keyline
