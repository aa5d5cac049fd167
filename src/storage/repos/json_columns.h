// The JSON text columns of the projects table: the funding mix
// ([{"source":"special_bond","cents":1200000000}, ...]) and the warnings (["...", ...]); and a
// meeting's agenda snapshot (dispatch_meetings.agenda: supervision_json.h WriteAgendaJson).
// Private to storage/repos.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "core/model/project.h"
#include "core/model/supervision.h"

namespace keyline::storage {

std::string EncodeFunding(const std::vector<FundingLine>& funding);
Result<std::vector<FundingLine>> DecodeFunding(std::string_view json);

std::string EncodeStrings(const std::vector<std::string>& items);
Result<std::vector<std::string>> DecodeStrings(std::string_view json);

// "" for nullopt; otherwise the JSON array of WriteAgendaJson.
std::string EncodeAgenda(const std::optional<std::vector<AgendaItem>>& agenda);
Result<std::optional<std::vector<AgendaItem>>> DecodeAgenda(std::string_view json);

}  // namespace keyline::storage
