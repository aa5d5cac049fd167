// The JSON text columns of the projects table: the funding mix
// ([{"source":"special_bond","cents":1200000000}, ...]) and the warnings (["...", ...]).
// Private to storage/repos.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "core/model/project.h"

namespace keyline::storage {

std::string EncodeFunding(const std::vector<FundingLine>& funding);
Result<std::vector<FundingLine>> DecodeFunding(std::string_view json);

std::string EncodeStrings(const std::vector<std::string>& items);
Result<std::vector<std::string>> DecodeStrings(std::string_view json);

}  // namespace keyline::storage
