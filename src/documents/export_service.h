// ExportService: the ledger as .xlsx and the OC4IDS package, scoped to the caller exactly like
// GET /projects (ProjectService::List with the same ProjectQuery).
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"
#include "core/service/project_service.h"
#include "documents/oc4ids.h"

namespace keyline::documents {

// More matching rows than this: kInvalidArgument asking to narrow the filter.
inline constexpr int64_t kMaxExportRows = 200'000;

class ExportService {
 public:
  ExportService(const Repositories& repos, ProjectService& projects, const Clock& clock)
      : repos_(repos), projects_(projects), clock_(clock) {}

  // Every project matching query that the caller may see, in the query's order; the query's
  // limit and offset are ignored (an export is the whole filtered list).
  Result<std::vector<Project>> AllProjects(const Caller& caller, ProjectQuery query);

  // The .xlsx bytes of the filtered ledger.
  Result<std::string> LedgerXlsx(const Caller& caller, const ProjectQuery& query);

  // The OC4IDS package of the given projects (each must be visible: kNotFound otherwise), or
  // of every visible project when ids is empty (kNotFound when there is none: a package holds
  // at least one project). options.published_date and publisher are filled when empty.
  Result<std::string> Oc4ids(const Caller& caller, const std::vector<int64_t>& ids,
                             Oc4idsOptions options);

  // "2026年3月16日" of today in Beijing.
  std::string TodayZh() const;
  // The caller's unit name ("" when unknown).
  std::string UnitNameOf(const Caller& caller);

 private:
  Repositories repos_;
  ProjectService& projects_;
  const Clock& clock_;
};

// "2026年3月16日" of an ISO date ("" when malformed).
std::string DateZh(const std::string& iso);

}  // namespace keyline::documents
