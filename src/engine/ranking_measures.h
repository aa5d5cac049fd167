// Built-in unit measures for rankings, beside the indicators of the IndicatorCatalogue. Each is
// a rate per responsible unit over the months first..last of a ranking period. The report
// measures look at the reports DUE in those months, i.e. of the periods one month earlier
// (March's timeliness is about the February reports, as for the reporting light):
//   builtin.reporting_timeliness  按时报送率: those reports submitted (submitted, approved or
//                                 returned) and not late ÷ those reports
//   builtin.data_quality          数据质量: those reports approved or submitted (never
//                                 returned) ÷ those submitted (draft excluded)
//   builtin.problems_on_time      问题按期解决率: problems due within the window and solved or
//                                 closed on or before their due date ÷ problems due within it
// A unit with a zero denominator has no rate (nullopt); it earns no points in a ranking.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>

#include "engine/facts.h"
#include "engine/rational.h"

namespace keyline::engine {

bool IsBuiltinMeasure(std::string_view code);
// Names of a built-in measure (zh, en); empty for an unknown code.
std::pair<std::string_view, std::string_view> BuiltinMeasureName(std::string_view code);

// Unit id → rate for every unit with at least one project; kInvalidArgument for an unknown code.
Result<std::map<int64_t, std::optional<Rational>>> BuiltinUnitMeasure(const Facts& facts,
                                                                      std::string_view code,
                                                                      int first_month,
                                                                      int last_month);

}  // namespace keyline::engine
