// Repository interfaces of investment attraction (leads, contracts, signing events), campaign
// rounds and annual targets. Same conventions as repositories.h (kNotFound, kConflict on a
// stale version or a duplicate unique key).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/attraction.h"
#include "core/ports/repositories.h"

namespace keyline {

struct LeadQuery {
  std::optional<LeadStage> stage;
  std::optional<int64_t> unit_id;   // responsible unit
  std::optional<std::string> text;  // substring of company or credit code
  Page page;                        // newest first
};

class LeadRepository {
 public:
  virtual ~LeadRepository() = default;
  virtual Result<Lead> Get(Tx& tx, int64_t id) = 0;
  // The lead converted into project_id, or nullopt.
  virtual Result<std::optional<Lead>> FindByProject(Tx& tx, int64_t project_id) = 0;
  virtual Result<PageOf<Lead>> List(Tx& tx, const LeadQuery& query) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const Lead& lead) = 0;
  // Rewrites the lead when its stored version is expected_version; stored version + 1.
  virtual Status Update(Tx& tx, const Lead& lead, int64_t expected_version) = 0;
  virtual Status InsertStageChange(Tx& tx, const LeadStageChange& change) = 0;
  virtual Result<std::vector<LeadStageChange>> StageChanges(Tx& tx, int64_t lead_id) = 0;
};

// A signed contract with what the rates need: its lead's stage and responsible unit, and the
// stage of the project the lead became.
struct SignedContractRow {
  Contract contract;
  LeadStage lead_stage = LeadStage::kSigned;
  int64_t responsible_unit_id = 0;
  std::string company;
  std::optional<std::string> project_stage;  // Stage code of the linked project
};

struct ContractQuery {
  std::optional<int64_t> event_id;
  std::optional<int64_t> unit_id;  // the lead's responsible unit
  std::optional<int> year;         // signed in the year
};

class ContractRepository {
 public:
  virtual ~ContractRepository() = default;
  virtual Result<Contract> Get(Tx& tx, int64_t id) = 0;
  virtual Result<std::optional<Contract>> ForLead(Tx& tx, int64_t lead_id) = 0;
  // kConflict when the lead already has a contract or the contract number is taken.
  virtual Result<int64_t> Insert(Tx& tx, const Contract& contract) = 0;
  virtual Status Update(Tx& tx, const Contract& contract, int64_t expected_version) = 0;
  // Contracts matching the query, oldest signing first.
  virtual Result<std::vector<SignedContractRow>> List(Tx& tx, const ContractQuery& query) = 0;

  virtual Result<SigningEvent> GetEvent(Tx& tx, int64_t id) = 0;
  // Events held in the year (every event when nullopt), newest first.
  virtual Result<std::vector<SigningEvent>> ListEvents(Tx& tx, std::optional<int> year) = 0;
  virtual Result<int64_t> InsertEvent(Tx& tx, const SigningEvent& event) = 0;
  virtual Status UpdateEvent(Tx& tx, const SigningEvent& event, int64_t expected_version) = 0;
};

class CampaignRepository {
 public:
  virtual ~CampaignRepository() = default;
  virtual Result<CampaignRound> Get(Tx& tx, int64_t id) = 0;
  // Rounds held in the year (every round when nullopt), newest first.
  virtual Result<std::vector<CampaignRound>> List(Tx& tx, std::optional<int> year) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const CampaignRound& round) = 0;
  virtual Status Update(Tx& tx, const CampaignRound& round, int64_t expected_version) = 0;
  // The round's entries with their project's name, stage, total investment and start date.
  virtual Result<std::vector<CampaignEntry>> Entries(Tx& tx, int64_t round_id) = 0;
  // kConflict when the project is already in the round.
  virtual Status AddEntry(Tx& tx, const CampaignEntry& entry) = 0;
  // kNotFound when the project is not in the round.
  virtual Status RemoveEntry(Tx& tx, int64_t round_id, int64_t project_id) = 0;
  // Entries of category `category` in rounds held before `before` (a date), each project once
  // (its earliest round), with the project columns.
  virtual Result<std::vector<CampaignEntry>> EarlierEntries(Tx& tx, CampaignCategory category,
                                                            const std::string& before) = 0;
};

// Counts over Keyline's own data for one year, for the computed target measures.
struct YearFacts {
  int64_t events = 0;
  int64_t outbound_events = 0;
  int64_t contracts = 0;         // signed in the year, not terminated
  Money contract_amount;         // of those
  Money funds_in_place;          // of those
  int64_t landed_leads = 0;      // of those, lead registered or landed, amount ≥ threshold
  int64_t started_projects = 0;  // actual start in the year, total investment ≥ threshold
};

class TargetRepository {
 public:
  virtual ~TargetRepository() = default;
  virtual Result<Target> Get(Tx& tx, int64_t id) = 0;
  virtual Result<std::vector<Target>> List(Tx& tx, int year) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const Target& target) = 0;
  virtual Status Update(Tx& tx, const Target& target, int64_t expected_version) = 0;
  virtual Result<int64_t> InsertActual(Tx& tx, const TargetActual& actual) = 0;
  // Oldest first.
  virtual Result<std::vector<TargetActual>> Actuals(Tx& tx, int64_t target_id) = 0;
  virtual Result<YearFacts> Facts(Tx& tx, int year, Money threshold) = 0;
};

struct AttractionRepositories {
  LeadRepository* leads = nullptr;
  ContractRepository* contracts = nullptr;
  CampaignRepository* campaigns = nullptr;
  TargetRepository* targets = nullptr;
};

}  // namespace keyline
