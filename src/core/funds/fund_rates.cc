#include "core/funds/fund_rates.h"

#include <cstdint>
#include <map>
#include <tuple>

namespace keyline {
namespace {

constexpr EnumEntry<FundRateGroup> kGroups[] = {
    {FundRateGroup::kSource, "source", "资金来源"},
    {FundRateGroup::kUnit, "unit", "责任单位"},
    {FundRateGroup::kYear, "year", "年度"},
};

// Sums saturate instead of overflowing (each line is at most 10^12 万元, many lines are not).
Money SatAdd(Money a, Money b) {
  int64_t out = 0;
  if (__builtin_add_overflow(a.cents, b.cents, &out)) return Money{INT64_MAX};
  return Money{out};
}

std::optional<double> Ratio(Money num, Money den) {
  if (den.cents <= 0) return std::nullopt;
  return static_cast<double>(num.cents) / static_cast<double>(den.cents);
}

}  // namespace

std::span<const EnumEntry<FundRateGroup>> FundRateGroupTable() { return kGroups; }

void FillRates(FundRateRow* row) {
  row->issue_rate = Ratio(row->totals.issued, row->totals.applied);
  row->arrival_rate = Ratio(row->totals.arrived, row->totals.issued);
  row->payment_rate = Ratio(row->totals.paid, row->totals.arrived);
}

std::vector<FundRateRow> FundRates(const std::vector<FundRateInput>& lines, FundRateGroup group) {
  // Sort key: (rank, number) so that sources keep enum order and "no unit" sorts last.
  std::map<std::tuple<int, int64_t>, FundRateRow> rows;
  for (const FundRateInput& in : lines) {
    std::tuple<int, int64_t> key;
    std::string code, name;
    switch (group) {
      case FundRateGroup::kSource:
        key = {0, static_cast<int64_t>(in.source)};
        code = std::string(EnumCode(FundingSourceTable(), in.source));
        name = std::string(EnumZh(FundingSourceTable(), in.source));
        break;
      case FundRateGroup::kUnit:
        key = {in.unit_id ? 0 : 1, in.unit_id.value_or(0)};
        code = in.unit_id ? std::to_string(*in.unit_id) : "";
        name = in.unit_id ? in.unit_name : "未指定责任单位";
        break;
      case FundRateGroup::kYear:
        key = {0, in.year};
        code = std::to_string(in.year);
        name = code;
        break;
    }
    FundRateRow& row = rows[key];
    row.key = code;
    row.name = name;
    row.lines += 1;
    row.totals.applied = SatAdd(row.totals.applied, in.totals.applied);
    row.totals.issued = SatAdd(row.totals.issued, in.totals.issued);
    row.totals.arrived = SatAdd(row.totals.arrived, in.totals.arrived);
    row.totals.paid = SatAdd(row.totals.paid, in.totals.paid);
  }
  std::vector<FundRateRow> out;
  out.reserve(rows.size());
  for (auto& [key, row] : rows) {
    FillRates(&row);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace keyline
