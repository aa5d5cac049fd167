// Percent-decoding of request targets (private to the HTTP transport).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace keyline::http {

// Decodes %XX escapes of `in` into *out; with plus_is_space, '+' becomes ' '. Returns false
// (leaving *out unspecified) on a truncated or non-hex escape.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);

// Splits "a=1&b=x+y&c" into decoded pairs in order ({"c",""} for a bare key). Empty elements
// are skipped. Returns false on invalid percent-encoding.
bool ParseQuery(std::string_view query, std::vector<std::pair<std::string, std::string>>* out);

// Splits a target into the decoded path and the query pairs. Returns false when the target
// is not origin-form ("/..."), has invalid percent-encoding, or its path decodes to a NUL.
bool ParseTarget(std::string_view target, std::string* path,
                 std::vector<std::pair<std::string, std::string>>* query);

}  // namespace keyline::http
