#include "core/service/setup_plan.h"

#include <set>

namespace keyline {
namespace {

using Form = DepartmentTemplate::Form;

// The usual departments of a district or county government that appear in a key-project
// ledger as 责任单位 (and the district government itself, the unit of the 包抓 leaders).
constexpr DepartmentTemplate kDepartments[] = {
    {"人民政府", "区政府", Form::kLocal, UnitKind::kOther},
    {"住房和城乡建设局", "住建局"},
    {"教育局", "教育局"},
    {"工业和信息化局", "工信局"},
    {"卫生健康局", "卫健局"},
    {"城中村和棚户区改造事务中心", "城改办"},
    {"交通运输局", "交通局"},
    {"自然资源和规划局", "自然资源和规划分局", Form::kCityBranch},
    {"生态环境局", "生态环境分局", Form::kCityBranch},
    {"财政局", "财政局"},
    {"商务局", "商务局"},
    {"统计局", "统计局"},
    {"水务局", "水务局"},
    {"文化和旅游局", "文旅局"},
    {"农业农村局", "农业农村局"},
    {"科学技术局", "科技局"},
    {"城市管理和综合执法局", "城管局"},
    {"应急管理局", "应急局"},
    {"行政审批服务局", "审批局"},
};

bool EndsWith(const std::string& s, std::string_view suffix) { return s.ends_with(suffix); }

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first n characters of a UTF-8 string.
std::string Utf8Prefix(const std::string& s, size_t n) {
  size_t i = 0;
  for (size_t chars = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) break;
  }
  return s.substr(0, i);
}

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool IsProvince(const codes::RegionEntry& e) { return e.parent_code.empty(); }
bool IsMunicipality(const codes::RegionEntry& e) { return IsProvince(e) && EndsWith(e.name, "市"); }

// The chain's province-level, prefecture-level and county-level entries (nullptr when absent).
struct Levels {
  const codes::RegionEntry* province = nullptr;
  const codes::RegionEntry* prefecture = nullptr;
  const codes::RegionEntry* county = nullptr;
};

Levels LevelsOf(const std::vector<const codes::RegionEntry*>& chain) {
  Levels l;
  if (chain.empty()) return l;
  l.province = chain.front();
  if (chain.size() == 2) {
    // Directly below a province: a prefecture (…00) or a county under a municipality or a
    // province-administered county-level city (济源市 419001).
    (chain[1]->code.ends_with("00") ? l.prefecture : l.county) = chain[1];
  } else if (chain.size() >= 3) {
    l.prefecture = chain[1];
    l.county = chain[2];
  }
  return l;
}

// 雁塔区 → 雁塔, 蓝田县 → 蓝田, 韩城市 → 韩城; autonomous counties by their first two
// characters (镇宁布依族苗族自治县 → 镇宁).
std::string ShortCountyName(const std::string& name) {
  if (name.find("自治") != std::string::npos) return Utf8Prefix(name, 2);
  for (std::string_view suffix : {"区", "县", "市", "旗"}) {
    if (EndsWith(name, suffix) && Utf8Length(name) >= 3) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

Status Problem(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

std::string TownshipName(const std::string& prefix, const std::string& town) {
  std::string name = prefix + town;
  if (EndsWith(town, "街道")) return name + "办事处";
  if (EndsWith(town, "镇") || EndsWith(town, "乡") || EndsWith(town, "苏木")) {
    return name + "人民政府";
  }
  return name;
}

}  // namespace

std::span<const DepartmentTemplate> DistrictDepartments() { return kDepartments; }

std::string OfficialPrefix(const codes::RegionBook& book, const std::string& region_code) {
  Levels l = LevelsOf(book.Chain(region_code));
  if (l.county) {
    if (EndsWith(l.county->name, "区")) {
      if (l.prefecture) return l.prefecture->name + l.county->name;
      if (IsMunicipality(*l.province)) return l.province->name + l.county->name;
    }
    return l.county->name;
  }
  if (l.prefecture) return l.prefecture->name;
  return l.province ? l.province->name : "";
}

Result<SetupPlan> PlanSetup(const codes::RegionBook& book, const SetupOptions& options) {
  if (Blank(options.office_name) || Utf8Length(options.office_name) > 200) {
    return Problem("office", "单位名称（--office）不能为空且不超过200字",
                   "the office's name (--office) is required (max 200 characters)");
  }
  const codes::RegionEntry* region = book.Find(options.region_code);
  if (region == nullptr || region->code.size() != 6) {
    std::string why_zh = region == nullptr ? "不在区划数据中" : "是乡镇街道，应为县级及以上";
    std::string why_en = region == nullptr ? "is not in the region data"
                                           : "is a town; give a county, prefecture or province";
    // A name instead of a code (--region 雁塔区): say which codes carry it.
    std::string candidates;
    if (region == nullptr) {
      for (const codes::RegionEntry* e : book.FindByName(options.region_code, 8, true)) {
        std::string chain;
        for (const codes::RegionEntry* c : book.Chain(e->code)) chain += c->name;
        candidates += (candidates.empty() ? "" : ", ") + e->code + " " + chain;
      }
    }
    std::string hint_zh = candidates.empty() ? "（应为6位国家标准代码，如西安市雁塔区 610113）"
                                             : "；名称相符的有：" + candidates;
    std::string hint_en = candidates.empty()
                              ? " (6 digits of GB/T 2260, e.g. 610113 for Yanta, Xi'an)"
                              : "; regions of that name: " + candidates;
    return Problem("region", "区划代码 " + options.region_code + " " + why_zh + hint_zh,
                   "region code " + options.region_code + " " + why_en + hint_en);
  }
  SetupPlan plan;
  std::vector<const codes::RegionEntry*> chain = book.Chain(region->code);
  std::vector<const codes::RegionEntry*> below = book.Descendants(region->code);
  plan.chain_length = chain.size();
  for (const auto* list : {&chain, &below}) {
    for (const codes::RegionEntry* e : *list) {
      Region r;
      r.code = e->code;
      r.name = e->name;
      if (!e->parent_code.empty()) r.parent_code = e->parent_code;
      plan.regions.push_back(std::move(r));
    }
  }
  plan.prefix = OfficialPrefix(book, region->code);
  plan.office = {options.office_name, UnitKind::kOffice, region->code, ""};

  std::set<std::string> names = {plan.office.name};
  if (options.departments) {
    Levels l = LevelsOf(chain);
    // The city above a district or county (a prefecture, or a municipality): 西安市.
    const codes::RegionEntry* city = nullptr;
    if (l.county)
      city = l.prefecture ? l.prefecture : (IsMunicipality(*l.province) ? l.province : nullptr);
    for (const DepartmentTemplate& d : kDepartments) {
      PlannedUnit unit;
      unit.kind = d.kind;
      unit.region_code = region->code;
      unit.short_name = d.short_name;
      if (d.form == Form::kCityBranch && city) {
        unit.name = city->name + d.bureau + ShortCountyName(l.county->name) + "分局";
      } else {
        unit.name = plan.prefix + d.bureau;
      }
      if (names.insert(unit.name).second) plan.departments.push_back(std::move(unit));
    }
  }
  if (options.towns_as_units) {
    for (const codes::RegionEntry* e : below) {
      if (e->code.size() != 9) continue;
      // Towns of a prefecture's counties carry their own county's prefix.
      std::string prefix = OfficialPrefix(book, e->parent_code);
      PlannedUnit unit{TownshipName(prefix, e->name), UnitKind::kTownship, e->code, ""};
      if (names.insert(unit.name).second) plan.townships.push_back(std::move(unit));
    }
  }
  return plan;
}

}  // namespace keyline
