// Canonical JSON of the reporting entities (API responses and audit snapshots). Amounts are
// 万元 decimal strings, as everywhere in the API. ToJson (core/model/json.h) works for these too.
#pragma once

#include "common/json_writer.h"
#include "core/model/reporting.h"
#include "core/reporting/report_checks.h"

namespace keyline {

void WriteJson(JsonWriter& w, const AnnualPlan& plan);
void WriteJson(JsonWriter& w, const ReportWindow& window);
void WriteJson(JsonWriter& w, const ReportWindowRule& rule);
void WriteJson(JsonWriter& w, const ReportRules& rules);
void WriteJson(JsonWriter& w, const MonthlyReport& report);
// The members of a report's object without the braces, for objects that add more.
void WriteFields(JsonWriter& w, const MonthlyReport& report);
void WriteJson(JsonWriter& w, const Attachment& attachment);
void WriteJson(JsonWriter& w, const ProjectFigures& figures);
// A submit warning: {"code", "message" (Chinese), "message_en"}.
void WriteJson(JsonWriter& w, const ReportWarning& warning);

}  // namespace keyline
