// The seam through which a dispatch meeting's agenda learns which projects are red (红灯) on
// the traffic-light warnings (红黄绿 / 两线三色). The application injects the lights' source
// (engine/service/lights_service.h LightsRedProjectSource) into MeetingService; NoRedProjects,
// under which a proposed agenda lists overdue problems and overdue procedures only, is for
// tests and tools.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/ports/repositories.h"

namespace keyline {

struct RedProject {
  int64_t project_id = 0;
  std::string reason;  // why it is red, e.g. "投资完成率低于序时进度20个百分点"
  // Each red cause on its own (reason is them joined with "；"); an agenda groups the projects
  // that share a cause word for word (e.g. the same month's report missing). Empty: reason.
  std::vector<std::string> causes;
};

class RedProjectSource {
 public:
  virtual ~RedProjectSource() = default;
  // The projects within scope that are red on `date` ("YYYY-MM-DD"), most serious first.
  virtual Result<std::vector<RedProject>> RedProjects(Tx& tx, const ProjectScope& scope,
                                                      const std::string& date) = 0;
};

// No project is ever red (tests and tools without the lights).
class NoRedProjects final : public RedProjectSource {
 public:
  Result<std::vector<RedProject>> RedProjects(Tx&, const ProjectScope&,
                                              const std::string&) override {
    return std::vector<RedProject>{};
  }
};

}  // namespace keyline
