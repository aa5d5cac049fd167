#include "importing/cell_values.h"

#include <span>
#include <string_view>

#include "core/codes/industry_code.h"
#include "importing/normalize.h"

namespace keyline::importing {
namespace {

template <typename E>
std::optional<E> ByLabel(std::span<const EnumEntry<E>> table, const std::string& text) {
  for (const auto& e : table) {
    if (text == e.zh || text == e.code) return e.value;
  }
  return std::nullopt;
}

bool Contains(const std::string& text, std::string_view word) {
  return text.find(word) != std::string::npos;
}

}  // namespace

std::optional<Stage> ParseStage(const std::string& t) {
  if (auto s = ByLabel(StageTable(), t)) return s;
  if (Contains(t, "停") || Contains(t, "缓建")) return Stage::kSuspended;
  if (Contains(t, "退出") || Contains(t, "终止") || Contains(t, "取消")) return Stage::kWithdrawn;
  if (Contains(t, "投产") || Contains(t, "运营")) return Stage::kProduction;
  if (Contains(t, "竣工") || Contains(t, "建成") || Contains(t, "完工")) return Stage::kCompleted;
  if (Contains(t, "在建") || Contains(t, "新开工") || Contains(t, "续建") || Contains(t, "施工")) {
    return Stage::kConstruction;
  }
  if (Contains(t, "前期")) return Stage::kPreliminary;
  if (Contains(t, "储备")) return Stage::kReserve;
  if (Contains(t, "谋划")) return Stage::kConceived;
  return std::nullopt;
}

std::optional<ProjectLevel> ParseLevel(const std::string& t) {
  if (auto l = ByLabel(ProjectLevelTable(), t)) return l;
  if (Contains(t, "省")) return ProjectLevel::kProvincial;
  if (Contains(t, "市")) return ProjectLevel::kCity;
  if (Contains(t, "区") || Contains(t, "县")) return ProjectLevel::kDistrict;
  if (Contains(t, "一般") || t == "无") return ProjectLevel::kNone;
  return std::nullopt;
}

// "一、市级重点项目" → city: only the explicit words (a section "城市更新类" names no level).
std::optional<ProjectLevel> LevelOfSection(const std::string& heading) {
  std::string t = CompactText(heading);
  if (Contains(t, "省级") || Contains(t, "省重点")) return ProjectLevel::kProvincial;
  if (Contains(t, "市级") || Contains(t, "市重点")) return ProjectLevel::kCity;
  if (Contains(t, "区级") || Contains(t, "县级") || Contains(t, "区重点") ||
      Contains(t, "县重点")) {
    return ProjectLevel::kDistrict;
  }
  return std::nullopt;
}

std::optional<ConstructionNature> ParseNature(const std::string& t) {
  if (auto n = ByLabel(ConstructionNatureTable(), t)) return n;
  if (Contains(t, "改建") || Contains(t, "技改") || Contains(t, "技术改造")) {
    return ConstructionNature::kRenovation;
  }
  if (Contains(t, "扩建")) return ConstructionNature::kExpansion;
  if (Contains(t, "迁建")) return ConstructionNature::kRelocation;
  if (Contains(t, "恢复")) return ConstructionNature::kRestoration;
  if (Contains(t, "购置")) return ConstructionNature::kPurchase;
  if (Contains(t, "新建")) return ConstructionNature::kNew;
  return std::nullopt;
}

std::optional<ApprovalRegime> ParseRegime(const std::string& t) {
  if (auto r = ByLabel(ApprovalRegimeTable(), t)) return r;
  if (Contains(t, "核准")) return ApprovalRegime::kRatification;
  if (Contains(t, "备案")) return ApprovalRegime::kFiling;
  if (Contains(t, "审批")) return ApprovalRegime::kApproval;
  return std::nullopt;
}

bool LooksLikeIndustryCode(const std::string& t) {
  if (t.empty() || t.size() > 5 || t[0] < 'A' || t[0] > 'T') return false;
  for (size_t i = 1; i < t.size(); ++i)
    if (t[i] < '0' || t[i] > '9') return false;
  return true;
}

std::optional<std::string> IndustryCodeOf(const std::string& t) {
  if (LooksLikeIndustryCode(t)) return t;
  if (t.empty() || t[0] < 'A' || t[0] > 'T') return std::nullopt;
  size_t end = 1;
  while (end < t.size() && end < 5 && t[end] >= '0' && t[end] <= '9') ++end;
  std::string code = t.substr(0, end);
  std::string_view name = std::string_view(t).substr(end);
  if (name.empty() || !codes::CheckIndustryCode(code).ok()) return std::nullopt;
  // The code's own name, then the names of its 中类, 大类 and 门类.
  for (size_t len = code.size(); len >= 1; --len) {
    if (len == 2) continue;  // a letter and one digit is no level
    std::optional<std::string> own = codes::IndustryNameZh(code.substr(0, len));
    if (own && CompactText(*own) == name) return code;
  }
  return std::nullopt;
}

ProjectCategory CategoryOf(const std::string& t) {
  if (auto c = ByLabel(ProjectCategoryTable(), t)) return *c;
  static constexpr std::pair<std::string_view, ProjectCategory> kWords[] = {
      {"城市更新", ProjectCategory::kUrbanRenewal},
      {"更新", ProjectCategory::kUrbanRenewal},
      {"生态", ProjectCategory::kEcological},
      {"环保", ProjectCategory::kEcological},
      {"商贸", ProjectCategory::kCommercial},
      {"服务业", ProjectCategory::kCommercial},
      {"文旅", ProjectCategory::kCommercial},
      {"社会", ProjectCategory::kSocial},
      {"民生", ProjectCategory::kSocial},
      {"教育", ProjectCategory::kSocial},
      {"卫生", ProjectCategory::kSocial},
      {"医疗", ProjectCategory::kSocial},
      {"基础设施", ProjectCategory::kInfrastructure},
      {"交通", ProjectCategory::kInfrastructure},
      {"水利", ProjectCategory::kInfrastructure},
      {"能源", ProjectCategory::kInfrastructure},
      {"市政", ProjectCategory::kInfrastructure},
      {"工业", ProjectCategory::kIndustrial},
      {"产业", ProjectCategory::kIndustrial},
      {"制造", ProjectCategory::kIndustrial},
  };
  for (const auto& [word, category] : kWords) {
    if (Contains(t, word)) return category;
  }
  return ProjectCategory::kOther;
}

}  // namespace keyline::importing
