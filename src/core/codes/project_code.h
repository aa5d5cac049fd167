// 固定资产投资项目代码 (national investment project code; GB/T 40058-2021, 发改投资〔2020〕1439号).
// 24 characters in 5 hyphen-separated segments: TTTT-AAAAAA-DD-TT-NNNNNC
//   TTTT    time code: a year (codes issued 2014–2020, e.g. "2017") or, for codes issued under
//           the 2020 rules, year and month as YYMM (e.g. "2103" = March 2021) [the YYMM reading
//           is inferred from published codes, not from the standard's text];
//   AAAAAA  area code (GB/T 2260);
//   DD      before 2020 the GB/T 4754 division, since 2020 the 中央业务指导部门代码;
//   TT      project type code;
//   NNNNNC  before 2020 a serial number, since 2020 five random digits and a check character
//           (algorithm unpublished, so it is not verified).
#pragma once

#include <string>
#include <string_view>

#include "core/codes/code_check.h"

namespace keyline::codes {

// Trims ASCII and ideographic (U+3000) whitespace, maps full-width digits, letters and
// hyphen-like characters (－ — – ‐ −) to ASCII, and upper-cases ASCII letters.
// Returns "" for a blank input. Other characters are kept as they are.
std::string NormalizeProjectCode(std::string_view code);

// Checks a normalised code (see NormalizeProjectCode). `current_year` bounds the time code:
// a year must lie in 2014..current_year+1; a YYMM must have month 01–12 and lie between
// 2010 (Oct 2020) and December of current_year+1.
// Errors: wrong length, separators or characters; a time code out of range.
// Warning: an area code whose province prefix is unknown.
CodeCheck CheckProjectCode(std::string_view normalized, int current_year);

}  // namespace keyline::codes
