#include "core/codes/area_code.h"

#include <algorithm>
#include <array>
#include <utility>

namespace keyline::codes {
namespace {

constexpr std::array<int, 34> kProvincePrefixes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                                   35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                                   53, 54, 61, 62, 63, 64, 65, 71, 81, 82};

constexpr std::pair<std::string_view, std::string_view> kNames[] = {
    // Province-level divisions.
    {"110000", "北京市"},
    {"120000", "天津市"},
    {"130000", "河北省"},
    {"140000", "山西省"},
    {"150000", "内蒙古自治区"},
    {"210000", "辽宁省"},
    {"220000", "吉林省"},
    {"230000", "黑龙江省"},
    {"310000", "上海市"},
    {"320000", "江苏省"},
    {"330000", "浙江省"},
    {"340000", "安徽省"},
    {"350000", "福建省"},
    {"360000", "江西省"},
    {"370000", "山东省"},
    {"410000", "河南省"},
    {"420000", "湖北省"},
    {"430000", "湖南省"},
    {"440000", "广东省"},
    {"450000", "广西壮族自治区"},
    {"460000", "海南省"},
    {"500000", "重庆市"},
    {"510000", "四川省"},
    {"520000", "贵州省"},
    {"530000", "云南省"},
    {"540000", "西藏自治区"},
    {"610000", "陕西省"},
    {"620000", "甘肃省"},
    {"630000", "青海省"},
    {"640000", "宁夏回族自治区"},
    {"650000", "新疆维吾尔自治区"},
    {"710000", "台湾省"},
    {"810000", "香港特别行政区"},
    {"820000", "澳门特别行政区"},
    // Provincial capitals (prefecture level).
    {"130100", "石家庄市"},
    {"140100", "太原市"},
    {"150100", "呼和浩特市"},
    {"210100", "沈阳市"},
    {"220100", "长春市"},
    {"230100", "哈尔滨市"},
    {"320100", "南京市"},
    {"330100", "杭州市"},
    {"340100", "合肥市"},
    {"350100", "福州市"},
    {"360100", "南昌市"},
    {"370100", "济南市"},
    {"410100", "郑州市"},
    {"420100", "武汉市"},
    {"430100", "长沙市"},
    {"440100", "广州市"},
    {"450100", "南宁市"},
    {"460100", "海口市"},
    {"510100", "成都市"},
    {"520100", "贵阳市"},
    {"530100", "昆明市"},
    {"540100", "拉萨市"},
    {"610100", "西安市"},
    {"620100", "兰州市"},
    {"630100", "西宁市"},
    {"640100", "银川市"},
    {"650100", "乌鲁木齐市"},
    // Xi'an districts and counties.
    {"610102", "新城区"},
    {"610103", "碑林区"},
    {"610104", "莲湖区"},
    {"610111", "灞桥区"},
    {"610112", "未央区"},
    {"610113", "雁塔区"},
    {"610114", "阎良区"},
    {"610115", "临潼区"},
    {"610116", "长安区"},
    {"610117", "高陵区"},
    {"610118", "鄠邑区"},
    {"610122", "蓝田县"},
    {"610124", "周至县"},
};

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsKnownProvincePrefix(std::string_view code) {
  if (code.size() < 2 || !AllDigits(code.substr(0, 2))) return false;
  int prefix = (code[0] - '0') * 10 + (code[1] - '0');
  return std::find(kProvincePrefixes.begin(), kProvincePrefixes.end(), prefix) !=
         kProvincePrefixes.end();
}

CodeCheck CheckAreaCode(std::string_view code) {
  if (code.size() != 6 || !AllDigits(code)) {
    return CodeCheck::Error("格式不正确：应为6位数字", "must be 6 digits");
  }
  if (!IsKnownProvincePrefix(code)) {
    return CodeCheck::Error("前两位不是有效的省级行政区划代码",
                            "the first two digits are not a province-level code");
  }
  return CodeCheck::Ok();
}

CodeCheck CheckRegionCode(std::string_view code) {
  if (code.size() == 6) return CheckAreaCode(code);
  if ((code.size() != 9 && code.size() != 12) || !AllDigits(code)) {
    return CodeCheck::Error("格式不正确：应为6位（县级以上）、9位（乡镇街道）或12位数字",
                            "must be 6 digits (county and above), 9 (towns) or 12");
  }
  if (!IsKnownProvincePrefix(code)) {
    return CodeCheck::Error("前两位不是有效的省级行政区划代码",
                            "the first two digits are not a province-level code");
  }
  return CodeCheck::Ok();
}

std::optional<std::string> KnownAreaName(std::string_view code) {
  for (const auto& [c, name] : kNames) {
    if (c == code) return std::string(name);
  }
  return std::nullopt;
}

}  // namespace keyline::codes
