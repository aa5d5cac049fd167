// The project ledger (项目台账) as an office sheet: 序号, identity, 责任主体 (owner and
// responsible unit, grouped), 总投资（万元） (totalled), 计划工期 and 实际工期 (grouped dates).
#pragma once

#include <string>
#include <vector>

#include "core/model/project.h"
#include "documents/name_book.h"
#include "documents/office_workbook.h"

namespace keyline::documents {

// Column indexes other code and tests rely on.
inline constexpr int kLedgerNameColumn = 1;
inline constexpr int kLedgerInvestmentColumn = 12;

// subtitle: e.g. "导出：发改局　截至：2026年3月16日　金额单位：万元".
OfficeSheet LedgerSheet(const std::vector<Project>& projects, const NameBook& names,
                        const std::string& subtitle);

}  // namespace keyline::documents
