// Canonical JSON of the funds, key-list and factor entities (API responses and audit
// snapshots). Amounts and quantities are decimal strings (万元 for money).
#pragma once

#include "common/json_writer.h"
#include "core/model/funds.h"

namespace keyline {

void WriteJson(JsonWriter& w, const FundTotals& totals);
void WriteJson(JsonWriter& w, const FundEvent& event);
void WriteJson(JsonWriter& w, const FundLine& line);  // with its events
void WriteJson(JsonWriter& w, const FundDueItem& item);
void WriteJson(JsonWriter& w, const FundRateRow& row);
void WriteJson(JsonWriter& w, const KeyListChange& change);
void WriteJson(JsonWriter& w, const KeyListMember& member);
void WriteJson(JsonWriter& w, const FactorDemand& demand);

// A micro-unit quantity as text ("12.5").
std::string QuantityText(int64_t micros);

}  // namespace keyline
