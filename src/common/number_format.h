// Number display: the one formatter of every server text (light and dispatch reasons,
// forecasts, rankings, bulletins, meeting texts, report checks). The web's twin is
// web/src/utils/format.js; both round half away from zero.
//
// Amounts: 万元 with thousands separators and two decimals ("45,929.70"); 亿元 the same with
// two decimals ("4.59"). Rates: a percentage with the indicator's decimals ("91.7").
#pragma once

#include <cstdint>
#include <string>

#include "common/money.h"

namespace keyline {

// "45,929.70": the amount in 万元, rounded half away from zero to 0.01 万元, grouped by
// thousands. "-0.01" for a small negative amount, "0.00" for zero. Never fails.
std::string FormatWan(Money m);

// "4.59": the amount in 亿元, rounded half away from zero to 0.01 亿元, grouped by thousands.
std::string FormatYi(Money m);

// num ÷ den (den > 0; |num|, den < 2^120) with `decimals` (0–9) decimals, rounded half away
// from zero, the whole part grouped by thousands when `group`; no "-" on a value that rounds to
// zero. The rounding every other formatter here (and engine::FormatFixed) goes through.
std::string FormatQuotient(__int128 num, __int128 den, int decimals, bool group);

// num ÷ den as a percentage without the "%" sign, with `decimals` (0–6) decimals, rounded half
// away from zero: FormatPercentOf(917, 1000, 1) == "91.7". Returns "" when den == 0.
std::string FormatPercentOf(int64_t num, int64_t den, int decimals);

// A number with `decimals` (0–6) decimals, half away from zero, grouped by thousands when
// `group`; "" for a non-finite value. FormatNumber(87.5, 1) == "87.5".
std::string FormatNumber(double value, int decimals, bool group = false);

// A fraction (0.917) as a percentage without "%" with `decimals` (0–6) decimals, half away from
// zero. Returns "" for a non-finite value.
std::string FormatFraction(double fraction, int decimals);

}  // namespace keyline
