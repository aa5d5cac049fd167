#include "core/naming/unit_abbreviations.h"

namespace keyline::naming {
namespace {

// Order matters: a longer written form comes before any form it contains, and the generic
// suffix rules (委员会 → 委, 办公室 → 办, 分局 → 局) come last.
constexpr AbbreviationRule kRules[] = {
    // 发改委 ↔ 发展和改革委员会 (and the 发改局 of places where it is a bureau).
    {"发展和改革委员会", "发改委"},
    {"发展改革委员会", "发改委"},
    {"发展和改革局", "发改委"},
    {"发展改革局", "发改委"},
    {"发展和改革委", "发改委"},
    {"发展改革委", "发改委"},
    {"发改局", "发改委"},
    // 住建 ↔ 住房和城乡建设
    {"住房和城乡建设", "住建"},
    {"住房城乡建设", "住建"},
    // 工信 ↔ 工业和信息化
    {"工业和信息化", "工信"},
    {"工业信息化", "工信"},
    // 卫健 ↔ 卫生健康
    {"卫生和健康", "卫健"},
    {"卫生健康", "卫健"},
    // 城改办 ↔ 城中村和棚户区改造事务中心 / 办公室
    {"城中村和棚户区改造事务中心", "城改办"},
    {"城中村和棚户区改造管理办公室", "城改办"},
    {"城中村和棚户区改造办公室", "城改办"},
    {"城中村改造事务中心", "城改办"},
    {"城中村改造办公室", "城改办"},
    {"城中村和棚户区改造", "城改"},
    // 交通局 ↔ 交通运输局
    {"交通运输", "交通"},
    // 资规局 ↔ 自然资源局 ↔ 自然资源和规划局 / 分局
    {"自然资源和规划", "资规"},
    {"自然资源与规划", "资规"},
    {"自然资源", "资规"},
    // 生态环境局 ↔ 环保局
    {"环境保护", "生态环境"},
    {"环保局", "生态环境局"},
    // 文旅 ↔ 文化和旅游
    {"文化和旅游", "文旅"},
    {"文化旅游", "文旅"},
    // 农业农村
    {"农业和农村", "农业农村"},
    // 市场监管 ↔ 市场监督管理
    {"市场监督管理", "市场监管"},
    // 人社 ↔ 人力资源和社会保障
    {"人力资源和社会保障", "人社"},
    {"人力资源社会保障", "人社"},
    // 科技局 ↔ 科学技术局
    {"科学技术", "科技"},
    // 城管局 ↔ 城市管理和综合执法局 / 城市管理局
    {"城市管理和综合执法", "城管"},
    {"城市管理综合执法", "城管"},
    {"城市管理", "城管"},
    // 行政审批局 ↔ 行政审批服务局
    {"行政审批服务局", "行政审批局"},
    // 文旅局 ↔ 文化和旅游体育局 (the 2019 merger of 文化旅游 and 体育 in many districts)
    {"文旅体育局", "文旅局"},
    // 应急 ↔ 应急管理
    {"应急管理", "应急"},
    // 街道 ↔ 街道办事处 / 街办
    {"街道办事处", "街道"},
    {"街道办", "街道"},
    {"街办", "街道"},
    // 管委会 ↔ 管理委员会
    {"管理委员会", "管委会"},
    // 区政府 ↔ 区人民政府
    {"人民政府", "政府"},
    // Generic suffixes.
    {"委员会", "委"},
    {"办公室", "办"},
    {"局分局", "局"},  // 西安市生态环境局(雁塔)分局: the city bureau's district branch
    {"分局", "局"},
};

void ReplaceAll(std::string* text, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = text->find(from, pos)) != std::string::npos) {
    text->replace(pos, from.size(), to);
    pos += to.size();
  }
}

}  // namespace

std::span<const AbbreviationRule> UnitAbbreviationRules() { return kRules; }

std::string CanonicalUnitName(std::string_view folded) {
  std::string out(folded);
  for (const AbbreviationRule& rule : kRules) ReplaceAll(&out, rule.written, rule.canonical);
  return out;
}

}  // namespace keyline::naming
