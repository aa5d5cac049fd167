// Repository interfaces of the traffic lights and rankings: the stored light rules,
// manual judgements (人工研判), ranking schemes and their exemptions, plus the labels (project
// names, units, people) the lights and rankings are shown with. Same conventions as
// core/ports/repositories.h: kNotFound when absent, kConflict on a duplicate key.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/ranking_scheme.h"
#include "core/ports/repositories.h"

namespace keyline {

// One stored light rule. dimension is a light dimension code ("start", "progress", ...) or
// "forecast" (yellow = warning percent) / "dispatch" (yellow = consecutive yellow months).
struct LightRuleRow {
  std::string dimension;
  bool enabled = true;
  int64_t yellow = 0, red = 0, red_items = 0;
  int64_t updated_by = 0;
  int64_t updated_at = 0;
};

struct LightJudgementRow {
  int64_t id = 0;
  int64_t project_id = 0;
  int period = 0;               // YYYYMM
  std::string dimension;        // a dimension code or "overall"
  std::string colour;           // "green" | "yellow" | "red"
  std::string computed_colour;  // the computed colour when the judgement was made
  std::string reason;
  int64_t created_by = 0;
  std::string created_by_name;
  int64_t created_at = 0;  // ms
};

struct ProjectLabel {
  int64_t id = 0;
  std::string code;
  std::string name;
  int64_t unit_id = 0;  // responsible unit; 0 = none
  std::string unit_name;
};

struct UnitLabel {
  int64_t id = 0;
  std::string name;
  std::string kind;  // UnitKind code
};

struct RankingExemption {
  int64_t id = 0;
  std::string scheme;
  std::string period;  // "YYYYMM" / "YYYYQn"
  int64_t unit_id = 0;
  std::string reason;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

class LightsRepository {
 public:
  virtual ~LightsRepository() = default;
  // Every stored rule (the migration ships the Yinchuan set), by dimension.
  virtual Result<std::vector<LightRuleRow>> Rules(Tx& tx) = 0;
  // Replaces the stored rules with these (an upsert per dimension).
  virtual Status PutRules(Tx& tx, const std::vector<LightRuleRow>& rules) = 0;
  virtual Result<int64_t> InsertJudgement(Tx& tx, const LightJudgementRow& j) = 0;
  // Judgements of periods first..last (YYYYMM), optionally of one project, in id order.
  virtual Result<std::vector<LightJudgementRow>> Judgements(Tx& tx, int first, int last,
                                                            std::optional<int64_t> project) = 0;
  // Labels of the projects within scope, by id.
  virtual Result<std::vector<ProjectLabel>> VisibleProjects(Tx& tx, const ProjectScope& scope) = 0;
  virtual Result<std::vector<UnitLabel>> Units(Tx& tx) = 0;
  // Person id → name, for the given ids.
  virtual Result<std::map<int64_t, std::string>> PeopleNames(Tx& tx,
                                                             const std::vector<int64_t>& ids) = 0;
};

class RankingRepository {
 public:
  virtual ~RankingRepository() = default;
  virtual Result<std::vector<RankingScheme>> List(Tx& tx) = 0;
  virtual Result<RankingScheme> Get(Tx& tx, const std::string& code) = 0;
  // kConflict when the code exists.
  virtual Status Insert(Tx& tx, const RankingScheme& scheme) = 0;
  // kNotFound when absent.
  virtual Status Update(Tx& tx, const RankingScheme& scheme) = 0;
  virtual Status Delete(Tx& tx, const std::string& code) = 0;
  // kConflict when (scheme, period, unit) already has one.
  virtual Result<int64_t> InsertExemption(Tx& tx, const RankingExemption& e) = 0;
  virtual Result<std::vector<RankingExemption>> Exemptions(Tx& tx, const std::string& scheme,
                                                           const std::string& period) = 0;
};

struct LightsRepositories {
  LightsRepository* lights = nullptr;
  RankingRepository* rankings = nullptr;
};

}  // namespace keyline
