// What `keyline setup` creates for a district, worked out before anything is written: the
// region with its parents and the regions below it (from the shipped RegionBook), the office's
// unit, optionally the usual departments with their official full names and the towns/streets
// as township units. Pure: no database, no clock.
//
// Official names are built from the region (OfficialPrefix):
//   a district of a prefecture (…区)            西安市雁塔区 + 住房和城乡建设局
//   a county or county-level city (…县, …市)     蓝田县 + 住房和城乡建设局
//   a district of a municipality                北京市东城区 + …
//   a prefecture or a province                  西安市 + …, 陕西省 + …
// The departments the city runs as branches in its districts and counties (自然资源和规划,
// 生态环境) are named "西安市自然资源和规划局雁塔分局" there, and by the prefix elsewhere.
// Towns and streets as units: 西安市雁塔区 + 电子城街道 + 办事处, 蓝田县 + 华胥镇 + 人民政府.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/codes/region_book.h"
#include "core/model/reference.h"

namespace keyline {

// One department of the usual district list (the table in setup_plan.cc is the one place it
// is kept).
struct DepartmentTemplate {
  enum class Form {
    kLocal,       // {prefix}{bureau}: 西安市雁塔区住房和城乡建设局
    kCityBranch,  // {city}{bureau}{short}分局 below a prefecture: 西安市生态环境局雁塔分局
  };
  const char* bureau;      // 住房和城乡建设局
  const char* short_name;  // the name people write, without the region: 住建局
  Form form = Form::kLocal;
  UnitKind kind = UnitKind::kDepartment;
};
std::span<const DepartmentTemplate> DistrictDepartments();

struct SetupOptions {
  std::string office_name;  // as the office writes it: 雁塔区发展和改革委员会
  std::string region_code;  // 6 digits: a county, a prefecture or a province
  bool departments = false;
  bool towns_as_units = false;
};

struct PlannedUnit {
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string region_code;
  std::string short_name;  // departments: 住建局; empty otherwise
};

struct SetupPlan {
  std::vector<Region> regions;  // each after its parent: the chain to the province, then below
  size_t chain_length = 0;      // regions[0..chain_length) are the province … the region itself
  std::string prefix;           // 西安市雁塔区
  PlannedUnit office;
  std::vector<PlannedUnit> departments;
  std::vector<PlannedUnit> townships;
};

// The prefix of official names in the region (see above); "" for an unknown code.
std::string OfficialPrefix(const codes::RegionBook& book, const std::string& region_code);

// The plan, or kInvalidArgument with a field error (office, region) when the office name is
// blank or too long or the code is not a 6-digit region of the book. A department or town whose
// name is already taken (the office's own) is left out.
Result<SetupPlan> PlanSetup(const codes::RegionBook& book, const SetupOptions& options);

}  // namespace keyline
