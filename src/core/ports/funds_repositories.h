// Repository interfaces of funds, key lists and factor guarantees: funding lines and their events,
// central-budget due items, key-list changes and factor demands. Same conventions as
// core/ports/repositories.h: Get* → kNotFound when absent, Insert* returns the id (kConflict on a
// duplicate key), Update* takes the version read and returns kConflict when it moved on.
//
// Scoped lists take the caller's ProjectScope and apply it in SQL: a row is visible when its
// project is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/funds/fund_rates.h"
#include "core/model/funds.h"
#include "core/ports/repositories.h"

namespace keyline {

class FundRepository {
 public:
  virtual ~FundRepository() = default;
  // Lines of a project (without events), by year then source.
  virtual Result<std::vector<FundLine>> LinesOfProject(Tx& tx, int64_t project_id) = 0;
  virtual Result<FundLine> GetLine(Tx& tx, int64_t line_id) = 0;
  // kConflict when (project, source, year) exists.
  virtual Result<int64_t> InsertLine(Tx& tx, const FundLine& line) = 0;
  // Bumps the line's version and updated_at; kConflict when the version moved on.
  virtual Status TouchLine(Tx& tx, int64_t line_id, int64_t expected_version, int64_t now) = 0;
  // Events of the given lines, oldest first.
  virtual Result<std::vector<FundEvent>> EventsOfLines(Tx& tx,
                                                       const std::vector<int64_t>& line_ids) = 0;
  virtual Result<int64_t> InsertEvent(Tx& tx, const FundEvent& event) = 0;

  virtual Result<int64_t> InsertDueItem(Tx& tx, const FundDueItem& item) = 0;
  virtual Result<FundDueItem> GetDueItem(Tx& tx, int64_t id) = 0;
  // Sets done_on/done_by; kConflict when the version moved on.
  virtual Status UpdateDueItem(Tx& tx, const FundDueItem& item, int64_t expected_version) = 0;
  // Due items of visible projects, by due date; only open ones when open_only.
  virtual Result<std::vector<FundDueItem>> ListDueItems(Tx& tx, const ProjectScope& scope,
                                                        std::optional<int64_t> project_id,
                                                        bool open_only) = 0;
  // Every line of a visible project (optionally one year), with its totals and the project's
  // responsible unit.
  virtual Result<std::vector<FundRateInput>> RateInputs(Tx& tx, const ProjectScope& scope,
                                                        std::optional<int> year) = 0;
};

class KeyListRepository {
 public:
  virtual ~KeyListRepository() = default;
  // Changes of one list (any status) for visible projects, by effective date then id, with
  // project names.
  virtual Result<std::vector<KeyListChange>> Changes(Tx& tx, int year, ProjectLevel level,
                                                     const ProjectScope& scope) = 0;
  virtual Result<KeyListChange> Get(Tx& tx, int64_t id) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const KeyListChange& change) = 0;
  // Writes status and the decision; kConflict unless the stored change is still pending.
  virtual Status Decide(Tx& tx, const KeyListChange& change) = 0;
};

class FactorRepository {
 public:
  virtual ~FactorRepository() = default;
  virtual Result<std::vector<FactorDemand>> OfProject(Tx& tx, int64_t project_id) = 0;
  virtual Result<std::optional<FactorDemand>> Find(Tx& tx, int64_t project_id, FactorKind kind) = 0;
  // kConflict when (project, kind) exists.
  virtual Result<int64_t> Insert(Tx& tx, const FactorDemand& demand) = 0;
  virtual Status Update(Tx& tx, const FactorDemand& demand, int64_t expected_version) = 0;
  // Demands of visible projects not fully guaranteed with a due date before today.
  virtual Result<std::vector<FactorDemand>> Overdue(Tx& tx, const ProjectScope& scope,
                                                    const std::string& today) = 0;
};

// Everything storage provides for funds, key lists and factors, bundled for the composition root.
struct FundsRepositories {
  FundRepository* funds = nullptr;
  KeyListRepository* key_lists = nullptr;
  FactorRepository* factors = nullptr;
};

}  // namespace keyline
