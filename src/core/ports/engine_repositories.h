// Ports of the indicator engine's services: stored indicator definitions, and the
// lookups the rate endpoints need around the in-memory facts (scope, labels, drill-down rows).
// SQL implementations: storage/engine/sql_engine_repositories.cc.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/ports/repositories.h"
#include "core/ports/tx.h"

namespace keyline {

// One stored indicator definition (migration 8, table indicators).
struct IndicatorRecord {
  std::string code;  // [a-z0-9_.], 1..64
  std::string set;   // the set it belongs to ("fengxi", "shaanxi", or an office's own)
  std::string name_zh;
  std::string name_en;
  std::string numerator;
  std::string denominator;
  int decimals = 1;
  bool builtin = false;  // seeded with the shipped sets
  int64_t created_at = 0, updated_at = 0;
};

class IndicatorRepository {
 public:
  virtual ~IndicatorRepository() = default;
  // Ordered by set, then code.
  virtual Result<std::vector<IndicatorRecord>> List(Tx& tx) = 0;
  virtual Result<std::optional<IndicatorRecord>> Get(Tx& tx, const std::string& code) = 0;
  // kConflict when the code exists.
  virtual Status Insert(Tx& tx, const IndicatorRecord& r) = 0;
  // kNotFound when absent.
  virtual Status Update(Tx& tx, const IndicatorRecord& r) = 0;
  virtual Status Delete(Tx& tx, const std::string& code) = 0;
  // A number that changes with every Insert/Update/Delete (for caches; any node's write).
  virtual Result<int64_t> Generation(Tx& tx) = 0;
};

// One project as a drill-down lists it.
struct EngineProjectRow {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string stage;
  std::optional<int64_t> unit_id;
  std::string unit_name;
  int64_t total_investment_cents = 0;
};

class EngineLookups {
 public:
  virtual ~EngineLookups() = default;
  // Ids of the projects within scope (kAll is not asked: the caller knows it means all).
  virtual Result<std::vector<int64_t>> ProjectIdsInScope(Tx& tx, const ProjectScope& scope) = 0;
  // Display names: units by id, people by id, regions by code, campaign rounds by id.
  virtual Result<std::map<int64_t, std::string>> UnitNames(Tx& tx) = 0;
  virtual Result<std::map<int64_t, std::string>> PersonNames(Tx& tx) = 0;
  virtual Result<std::map<std::string, std::string>> RegionNames(Tx& tx) = 0;
  virtual Result<std::map<int64_t, std::string>> CampaignNames(Tx& tx) = 0;
  // The rows of these projects, in the order of `ids`.
  virtual Result<std::vector<EngineProjectRow>> Projects(Tx& tx,
                                                         const std::vector<int64_t>& ids) = 0;
};

}  // namespace keyline
