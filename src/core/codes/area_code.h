// Administrative division codes (GB/T 2260): 6 digits = 2 province + 2 prefecture + 2 county.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/codes/code_check.h"

namespace keyline::codes {

// Checks the shape of an area code: exactly 6 ASCII digits whose first two name one of the
// 34 province-level divisions (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82).
// Codes change over time, so the prefecture and county pairs are not looked up.
// Returns kError for a wrong shape or an unknown province prefix.
CodeCheck CheckAreaCode(std::string_view code);

// Checks a region code: a 6-digit area code as above, or a statistical division code of 9
// digits (乡级: towns and streets) or 12 digits (村级) that starts with a province prefix. The
// regions table holds all three (core/model/reference.h).
CodeCheck CheckRegionCode(std::string_view code);

// True when the first two digits of `code` are a province-level prefix listed above.
// `code` must have at least two characters; otherwise false.
bool IsKnownProvincePrefix(std::string_view code);

// The name of a code in a small built-in table (the province-level divisions, their capitals,
// and Shaanxi/Xi'an districts and counties); nullopt for anything else.
std::optional<std::string> KnownAreaName(std::string_view code);

}  // namespace keyline::codes
