// The coded values of a ledger's cells as offices write them: 项目阶段 (在建, 新开工, 续建 …),
// 项目级别 (省级/市级/区级重点), a section heading's level (一、市级重点项目), 建设性质, 立项类型,
// an industry code or a category. Each takes the folded text (CompactText) and returns nullopt
// when it cannot tell.
#pragma once

#include <optional>
#include <string>

#include "core/model/project.h"

namespace keyline::importing {

std::optional<Stage> ParseStage(const std::string& text);
std::optional<ProjectLevel> ParseLevel(const std::string& text);
// Only the explicit words ("市级", "区重点"): a section "城市更新类" names no level.
std::optional<ProjectLevel> LevelOfSection(const std::string& heading);
std::optional<ConstructionNature> ParseNature(const std::string& text);
std::optional<ApprovalRegime> ParseRegime(const std::string& text);
// A GB/T 4754 code such as "C3511" (letter A..T and up to four digits).
bool LooksLikeIndustryCode(const std::string& text);
// The industry code of a cell: the code alone ("F5211") or a code followed by its own GB/T 4754
// name or the name of a level above it, as Keyline's ledger export writes it ("F5211百货零售",
// "F5211零售业" after CompactText). nullopt for anything else (e.g. a category label).
std::optional<std::string> IndustryCodeOf(const std::string& text);
// The category a label names (工业, 基础设施, 社会民生 …); kOther when none.
ProjectCategory CategoryOf(const std::string& text);

}  // namespace keyline::importing
