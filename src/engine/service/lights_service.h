// LightsService: traffic lights (红黄绿灯), manual judgements (人工研判), the light rules, the
// forecast and the key dispatch list (重点调度清单), over the engine's live facts and scoped to
// the caller's visible projects (project_access.h).
//
//   reads    everyone, over the projects they may see; an out-of-scope project is kNotFound
//   rules    GET everyone; PUT admin/supervisor (validated: light_rules.h), audited
//   judge    admin/supervisor, or a department for a project in its scope; a judgement may only
//            lower the computed colour (kInvalidArgument otherwise), reason 1..500 characters;
//            audited in the same transaction
// Periods are YYYYMM and may not be after the current month (Beijing time). The as-of date of
// a period is its last day, or today for the current month. The due day of the previous
// month's report comes from the reporting calendar (ReportingSettings::Window).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/calendar/working_calendar.h"
#include "core/model/role.h"
#include "core/ports/lights_repositories.h"
#include "core/ports/red_projects.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"
#include "core/service/reporting_settings.h"
#include "engine/dispatch.h"
#include "engine/facts_source.h"
#include "engine/forecast.h"
#include "engine/light_rules.h"
#include "engine/lights.h"

namespace keyline::engine {

struct LightsQuery {
  int period = 0;
  std::optional<LightColour> colour;        // overall colour (after judgements)
  std::optional<LightDimension> dimension;  // with colour: that dimension's colour; alone: any
                                            // non-green colour on it
  std::optional<int64_t> unit_id;
  int page = 1, page_size = 50;
};

struct LightsItem {
  ProjectLabel project;
  ProjectLights lights;
};

struct LightsPage {
  int period = 0;
  int green = 0, yellow = 0, red = 0;  // counts over every matching project
  int total = 0;
  std::vector<LightsItem> items;
};

struct ProjectLightsDetail {
  LightsItem item;
  std::vector<LightJudgementRow> judgements;
};

struct JudgementInput {
  int period = 0;
  std::string dimension;  // a dimension code or "overall"
  std::string colour;
  std::string reason;
};

struct ForecastRow {
  std::string key, label;
  ForecastTotal total;
};

struct DispatchRow {
  ProjectLabel project;
  std::string leader_name;
  DispatchItem item;
};

class LightsService {
 public:
  LightsService(const Repositories& repos, const LightsRepositories& lights, AuditLog& audit,
                const Clock& clock, FactsSource& facts, ReportingSettings& reporting,
                const WorkingCalendar& calendar)
      : repos_(repos),
        lights_(lights),
        audit_(audit),
        clock_(clock),
        facts_(facts),
        reporting_(reporting),
        calendar_(calendar) {}

  Result<LightsPage> List(const Caller& caller, const LightsQuery& query);
  // The overall colour (judgements applied) of every project the caller may see, by id.
  Result<std::map<int64_t, LightColour>> OverallColours(const Caller& caller, int period);
  Result<ProjectLightsDetail> ForProject(const Caller& caller, int64_t project_id, int period);
  Result<LightJudgementRow> Judge(const Caller& caller, int64_t project_id, JudgementInput input);

  Result<LightRuleSet> Rules();
  Status PutRules(const Caller& caller, const LightRuleSet& rules);

  // group_by: "area" | "unit" | "project".
  Result<std::vector<ForecastRow>> Forecast(const Caller& caller, int period,
                                            const std::string& group_by);
  Result<ProjectForecast> ProjectForecastOf(const Caller& caller, int64_t project_id, int period);

  Result<std::vector<DispatchRow>> Dispatch(const Caller& caller, int period);

  // Red projects within scope on `date` (for MeetingService's agenda), inside the caller's Tx.
  Result<std::vector<RedProject>> RedProjectsIn(Tx& tx, const ProjectScope& scope,
                                                const std::string& date);

  // kInvalidArgument (field "period") unless 200001..the current month.
  Status CheckPeriod(int period) const;
  // The current month (Beijing time), YYYYMM.
  int CurrentPeriod() const;

 private:
  struct Evaluated {
    LightRuleSet rules;
    LightContext context;
    std::map<int64_t, std::vector<LightJudgement>> judgements;  // by project id
    std::vector<LightsItem> items;  // visible projects with lights, by project id
  };
  // The colours of the visible projects for one period, judgements applied, without the
  // reason strings (WithReasons adds them to the items that are shown).
  // as_of: the day the lights are judged on (a date key; default today, never after the
  // period's end).
  Result<Evaluated> Evaluate(Tx& tx, const ProjectScope& scope, int period, const Facts& facts,
                             const FactsIndex& index, std::optional<int32_t> as_of = {});
  static void WithReasons(const Evaluated& ev, const Facts& facts, const FactsIndex& index,
                          LightsItem* item);
  Result<LightRuleSet> LoadRules(Tx& tx);
  // Read inside the caller's transaction (the reporting calendar may be loaded on it).
  Result<LightContext> ContextFor(Tx& tx, int period, std::optional<int32_t> as_of = {});
  std::string Today() const;
  // The row index of these facts, built once per change of the facts (call with a view held).
  std::shared_ptr<const FactsIndex> IndexFor(const Facts& facts);

  Repositories repos_;
  LightsRepositories lights_;
  AuditLog& audit_;
  const Clock& clock_;
  FactsSource& facts_;
  ReportingSettings& reporting_;
  const WorkingCalendar& calendar_;
  struct CachedIndex {
    const Facts* facts = nullptr;
    uint64_t change_count = 0;
    size_t projects = 0, plans = 0, reports = 0, funds = 0, procedures = 0;
    std::shared_ptr<const FactsIndex> index;
  };
  std::mutex index_mu_;
  CachedIndex index_;
};

// RedProjectSource over the lights: the projects red overall, with the red dimensions' reasons,
// most red dimensions first. Until Bind is called (the composition root builds the lights after
// the meeting service) no project is red, as with NoRedProjects.
class LightsRedProjectSource final : public RedProjectSource {
 public:
  void Bind(LightsService* lights) { lights_ = lights; }
  Result<std::vector<RedProject>> RedProjects(Tx& tx, const ProjectScope& scope,
                                              const std::string& date) override {
    if (!lights_) return std::vector<RedProject>{};
    return lights_->RedProjectsIn(tx, scope, date);
  }

 private:
  LightsService* lights_ = nullptr;
};

// Conversions between the stored rows and the rule set (shared with tests).
LightRuleSet RulesFromRows(const std::vector<LightRuleRow>& rows);
std::vector<LightRuleRow> RowsFromRules(const LightRuleSet& rules);

}  // namespace keyline::engine
