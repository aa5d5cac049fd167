// The columns of the import templates (下载模板): for each importable field of a kind, a header
// the importer maps back to that field by itself (fields.h SuggestField), in the order a clerk
// fills them. ImportService::Template (import_service.h) adds the rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importing/fields.h"

namespace keyline::importing {

struct TemplateColumn {
  std::string field;    // the field code the header maps to
  std::string header;   // "总投资（万元）"
  bool amount = false;  // 万元, a number cell
  double width = 14;    // Excel character units
};

// The template's columns. period (YYYYMM) names the ledger's figures in their headers
// ("2026年计划投资（万元）", "1-11月完成投资（万元）") so that the import reads the period from
// them; without it the headers carry none.
std::vector<TemplateColumn> TemplateColumns(ImportKind kind, std::optional<int> period);

}  // namespace keyline::importing
