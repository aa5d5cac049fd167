// Canonical JSON of the attraction, campaign and target entities (API responses and audit
// snapshots). Amounts are 万元 decimal strings; rates are fractions rounded to 6 places,
// points to 2. ToJson (core/model/json.h) works for these too.
#pragma once

#include "common/json_writer.h"
#include "core/attraction/attraction_rates.h"
#include "core/attraction/campaign_stats.h"
#include "core/attraction/target_progress.h"
#include "core/model/attraction.h"

namespace keyline {

void WriteJson(JsonWriter& w, const Lead& lead);
void WriteJson(JsonWriter& w, const LeadStageChange& change);
void WriteJson(JsonWriter& w, const SigningEvent& event);
void WriteJson(JsonWriter& w, const Contract& contract);
void WriteJson(JsonWriter& w, const SignedContractRow& row);
void WriteJson(JsonWriter& w, const AttractionRates& rates);
void WriteJson(JsonWriter& w, const CampaignRound& round);
void WriteJson(JsonWriter& w, const CampaignEntry& entry);
void WriteJson(JsonWriter& w, const CampaignFigures& figures);
void WriteJson(JsonWriter& w, const CampaignStats& stats);
void WriteJson(JsonWriter& w, const Target& target);
void WriteJson(JsonWriter& w, const TargetActual& actual);
void WriteJson(JsonWriter& w, const TargetProgress& progress);

}  // namespace keyline
