// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters =
// 1 registering authority · 1 kind of entity · 6 area code (GB/T 2260) ·
// 9 entity identifier (GB 11714 organisation code) · 1 check character.
// Alphabet: 0-9 and A-H J-N P-R T-U W-Y (31 symbols; no I, O, S, V, Z).
#pragma once

#include <string_view>

#include "core/codes/code_check.h"

namespace keyline::codes {

// Checks an upper-case credit code (the caller upper-cases; no trimming is done here).
// Errors: wrong length, a character outside the alphabet, an unknown registering authority
// (1st char), a kind (2nd char) that is not 1–9, or a non-digit in the area code (chars 3–8).
// A wrong check character is an error when `strict`, a warning otherwise (real data contains
// codes that fail the checksum). Warnings: a kind not listed for its authority, an area code
// whose province prefix is unknown (100000, the national level, is accepted).
CodeCheck CheckCreditCode(std::string_view code, bool strict);

// The check character for the first 17 characters of a credit code:
// c = 31 − (Σ value(i)·3^i mod 31), with 31 → '0'. Returns '\0' when `first17` is not
// exactly 17 characters of the alphabet.
char ComputeCreditCheckChar(std::string_view first17);

}  // namespace keyline::codes
