// A Chinese reading of an indicator expression, for the screens that show a formula to people
// who do not read the expression language:
//   sum(reports.completed_investment) / sum(plans.planned_investment)
//   → 合计（月报·完成投资）÷ 合计（年度计划·计划投资）
// Word for word from the tokens: sources, fields, time variables, enum codes and keywords get
// their Chinese names, numbers and dates stay. Anything unknown is kept as written, so the
// reading never fails and never hides a part of the formula.
#pragma once

#include <string>
#include <string_view>

namespace keyline::engine {

std::string ReadExpressionZh(std::string_view expression);

}  // namespace keyline::engine
