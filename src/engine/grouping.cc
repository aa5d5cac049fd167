#include "engine/grouping.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "common/enum_table.h"
#include "core/model/project.h"

namespace keyline::engine {
namespace {

constexpr std::string_view kNone = "none";

std::string PrefixKey(const std::string& code, size_t n) {
  if (code.empty()) return std::string(kNone);
  return code.substr(0, std::min(n, code.size()));
}

// Rows first get a cheap integer (unit id, dictionary id, level; kNoProject for a lead without
// a project), then each distinct integer gets its key string once.
constexpr int64_t kNoProject = -1;

int64_t ProjectRaw(const Facts& f, const Grouping& g, size_t r) {
  switch (g.by) {
    case GroupBy::kArea:
      return 0;
    case GroupBy::kUnit:
      return f.projects.unit[r];
    case GroupBy::kRegion:
      return f.projects.region[r];
    case GroupBy::kIndustry:
      return f.projects.industry[r];
    case GroupBy::kLevel:
      return f.projects.level[r];
    case GroupBy::kLeader:
      return f.projects.leader[r];
  }
  return 0;
}

std::string NameOf(const Facts& f, const Grouping& g, int64_t raw) {
  size_t region_n = g.prefix > 0 ? g.prefix : 6, industry_n = g.prefix > 0 ? g.prefix : 1;
  if (raw == kNoProject) return std::string(kNone);
  switch (g.by) {
    case GroupBy::kArea:
      return "area";
    case GroupBy::kUnit:
    case GroupBy::kLeader:
      return raw == 0 ? std::string(kNone) : std::to_string(raw);
    case GroupBy::kRegion:
      return PrefixKey(f.regions.Get(static_cast<uint32_t>(raw)), region_n);
    case GroupBy::kIndustry:
      return PrefixKey(f.industries.Get(static_cast<uint32_t>(raw)), industry_n);
    case GroupBy::kLevel:
      return std::string(EnumCode(ProjectLevelTable(), static_cast<ProjectLevel>(raw)));
  }
  return std::string(kNone);
}

}  // namespace

std::string ProjectGroupKey(const Facts& f, const Grouping& g, size_t project_row) {
  return NameOf(f, g, ProjectRaw(f, g, project_row));
}

Groups BuildGroups(const Facts& f, const Grouping& g) {
  auto project_raw = [&](size_t r) { return ProjectRaw(f, g, r); };
  auto lead_raw = [&](size_t r) -> int64_t {
    switch (g.by) {
      case GroupBy::kArea:
        return 0;
      case GroupBy::kUnit:
        return f.leads.unit[r];
      case GroupBy::kIndustry:
        return f.leads.industry[r];
      default:
        return f.leads.project[r] >= 0 ? project_raw(f.leads.project[r]) : kNoProject;
    }
  };
  auto name = [&](int64_t raw) { return NameOf(f, g, raw); };
  std::vector<int64_t> raw_project(f.projects.size()), raw_lead(f.leads.size());
  std::unordered_map<int64_t, std::string> names;
  for (size_t r = 0; r < raw_project.size(); ++r) {
    raw_project[r] = project_raw(r);
    if (!names.count(raw_project[r])) names.emplace(raw_project[r], name(raw_project[r]));
  }
  for (size_t r = 0; r < raw_lead.size(); ++r) {
    raw_lead[r] = lead_raw(r);
    if (!names.count(raw_lead[r])) names.emplace(raw_lead[r], name(raw_lead[r]));
  }
  std::map<std::string, int32_t> index;
  for (const auto& [raw, key] : names) index.emplace(key, 0);
  Groups out;
  for (auto& [key, i] : index) {
    i = static_cast<int32_t>(out.keys.size());
    out.keys.push_back(key);
  }
  std::unordered_map<int64_t, int32_t> group_of_raw;
  for (const auto& [raw, key] : names) group_of_raw.emplace(raw, index[key]);
  out.of_project.reserve(raw_project.size());
  for (int64_t raw : raw_project) out.of_project.push_back(group_of_raw[raw]);
  out.of_lead.reserve(raw_lead.size());
  for (int64_t raw : raw_lead) out.of_lead.push_back(group_of_raw[raw]);
  return out;
}

}  // namespace keyline::engine
