#include "core/codes/industry_code.h"

#include <algorithm>
#include <map>

#include "common/embedded_file.h"

namespace keyline {
// reference/industries-cn.csv, compiled in (CMakeLists.txt, cmake/embed_files.cmake).
extern const EmbeddedFile kIndustryFiles[];
}  // namespace keyline

namespace keyline::codes {
namespace {

struct Section {
  char letter;
  int first_division;
  int last_division;
  std::string_view name_zh;
};

constexpr Section kSections[] = {
    {'A', 1, 5, "农、林、牧、渔业"},
    {'B', 6, 12, "采矿业"},
    {'C', 13, 43, "制造业"},
    {'D', 44, 46, "电力、热力、燃气及水生产和供应业"},
    {'E', 47, 50, "建筑业"},
    {'F', 51, 52, "批发和零售业"},
    {'G', 53, 60, "交通运输、仓储和邮政业"},
    {'H', 61, 62, "住宿和餐饮业"},
    {'I', 63, 65, "信息传输、软件和信息技术服务业"},
    {'J', 66, 69, "金融业"},
    {'K', 70, 70, "房地产业"},
    {'L', 71, 72, "租赁和商务服务业"},
    {'M', 73, 75, "科学研究和技术服务业"},
    {'N', 76, 79, "水利、环境和公共设施管理业"},
    {'O', 80, 82, "居民服务、修理和其他服务业"},
    {'P', 83, 83, "教育"},
    {'Q', 84, 85, "卫生和社会工作"},
    {'R', 86, 90, "文化、体育和娱乐业"},
    {'S', 91, 96, "公共管理、社会保障和社会组织"},
    {'T', 97, 97, "国际组织"},
};

// 大类 names, index = division - 1 (GB/T 4754-2017 as amended in 2019; the division names
// did not change in the amendment).
constexpr std::string_view kDivisionNames[97] = {
    "农业",                                      // 01
    "林业",                                      // 02
    "畜牧业",                                    // 03
    "渔业",                                      // 04
    "农、林、牧、渔专业及辅助性活动",            // 05
    "煤炭开采和洗选业",                          // 06
    "石油和天然气开采业",                        // 07
    "黑色金属矿采选业",                          // 08
    "有色金属矿采选业",                          // 09
    "非金属矿采选业",                            // 10
    "开采专业及辅助性活动",                      // 11
    "其他采矿业",                                // 12
    "农副食品加工业",                            // 13
    "食品制造业",                                // 14
    "酒、饮料和精制茶制造业",                    // 15
    "烟草制品业",                                // 16
    "纺织业",                                    // 17
    "纺织服装、服饰业",                          // 18
    "皮革、毛皮、羽毛及其制品和制鞋业",          // 19
    "木材加工和木、竹、藤、棕、草制品业",        // 20
    "家具制造业",                                // 21
    "造纸和纸制品业",                            // 22
    "印刷和记录媒介复制业",                      // 23
    "文教、工美、体育和娱乐用品制造业",          // 24
    "石油、煤炭及其他燃料加工业",                // 25
    "化学原料和化学制品制造业",                  // 26
    "医药制造业",                                // 27
    "化学纤维制造业",                            // 28
    "橡胶和塑料制品业",                          // 29
    "非金属矿物制品业",                          // 30
    "黑色金属冶炼和压延加工业",                  // 31
    "有色金属冶炼和压延加工业",                  // 32
    "金属制品业",                                // 33
    "通用设备制造业",                            // 34
    "专用设备制造业",                            // 35
    "汽车制造业",                                // 36
    "铁路、船舶、航空航天和其他运输设备制造业",  // 37
    "电气机械和器材制造业",                      // 38
    "计算机、通信和其他电子设备制造业",          // 39
    "仪器仪表制造业",                            // 40
    "其他制造业",                                // 41
    "废弃资源综合利用业",                        // 42
    "金属制品、机械和设备修理业",                // 43
    "电力、热力生产和供应业",                    // 44
    "燃气生产和供应业",                          // 45
    "水的生产和供应业",                          // 46
    "房屋建筑业",                                // 47
    "土木工程建筑业",                            // 48
    "建筑安装业",                                // 49
    "建筑装饰、装修和其他建筑业",                // 50
    "批发业",                                    // 51
    "零售业",                                    // 52
    "铁路运输业",                                // 53
    "道路运输业",                                // 54
    "水上运输业",                                // 55
    "航空运输业",                                // 56
    "管道运输业",                                // 57
    "多式联运和运输代理业",                      // 58
    "装卸搬运和仓储业",                          // 59
    "邮政业",                                    // 60
    "住宿业",                                    // 61
    "餐饮业",                                    // 62
    "电信、广播电视和卫星传输服务",              // 63
    "互联网和相关服务",                          // 64
    "软件和信息技术服务业",                      // 65
    "货币金融服务",                              // 66
    "资本市场服务",                              // 67
    "保险业",                                    // 68
    "其他金融业",                                // 69
    "房地产业",                                  // 70
    "租赁业",                                    // 71
    "商务服务业",                                // 72
    "研究和试验发展",                            // 73
    "专业技术服务业",                            // 74
    "科技推广和应用服务业",                      // 75
    "水利管理业",                                // 76
    "生态保护和环境治理业",                      // 77
    "公共设施管理业",                            // 78
    "土地管理业",                                // 79
    "居民服务业",                                // 80
    "机动车、电子产品和日用产品修理业",          // 81
    "其他服务业",                                // 82
    "教育",                                      // 83
    "卫生",                                      // 84
    "社会工作",                                  // 85
    "新闻和出版业",                              // 86
    "广播、电视、电影和录音制作业",              // 87
    "文化艺术业",                                // 88
    "体育",                                      // 89
    "娱乐业",                                    // 90
    "中国共产党机关",                            // 91
    "国家机构",                                  // 92
    "人民政协、民主党派",                        // 93
    "社会保障",                                  // 94
    "群众团体、社会团体和其他成员组织",          // 95
    "基层群众自治组织及其他组织",                // 96
    "国际组织",                                  // 97
};

const Section* FindSection(char letter) {
  for (const Section& s : kSections) {
    if (s.letter == letter) return &s;
  }
  return nullptr;
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The 中类 and 小类 names by their digits ("521", "5211"), from the embedded CSV: lines
// "code,name" after the comment lines and the header. A line that is not 3 or 4 digits and a
// name is skipped (the unit test checks that every line is well formed).
const std::map<std::string, std::string, std::less<>>& FinerNames() {
  static const std::map<std::string, std::string, std::less<>> names = [] {
    std::map<std::string, std::string, std::less<>> out;
    std::string_view csv;
    for (const EmbeddedFile* f = kIndustryFiles; f->path != nullptr; ++f) {
      if (std::string_view(f->path) == "industries-cn.csv")
        csv = std::string_view(f->data, f->size);
    }
    while (!csv.empty()) {
      size_t end = csv.find('\n');
      std::string_view line = csv.substr(0, end);
      csv = end == std::string_view::npos ? std::string_view() : csv.substr(end + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      size_t comma = line.find(',');
      if (comma == std::string_view::npos) continue;
      std::string_view code = line.substr(0, comma);
      std::string_view name = line.substr(comma + 1);
      if ((code.size() != 3 && code.size() != 4) || !AllDigits(code) || name.empty()) continue;
      out.emplace(std::string(code), std::string(name));
    }
    return out;
  }();
  return names;
}

}  // namespace

std::optional<std::string> SectionNameZh(char section) {
  const Section* s = FindSection(section);
  if (s == nullptr) return std::nullopt;
  return std::string(s->name_zh);
}

char SectionForDivision(int division) {
  for (const Section& s : kSections) {
    if (division >= s.first_division && division <= s.last_division) return s.letter;
  }
  return '\0';
}

std::optional<std::string> DivisionNameZh(int division) {
  if (division < 1 || division > 97) return std::nullopt;
  return std::string(kDivisionNames[division - 1]);
}

std::optional<std::string> IndustryNameZh(std::string_view code) {
  if (!CheckIndustryCode(code).ok()) return std::nullopt;
  std::string_view digits = code;
  if (code[0] >= 'A' && code[0] <= 'Z') {
    if (code.size() == 1) return SectionNameZh(code[0]);
    digits = code.substr(1);
  }
  // The longest known prefix: the 小类, else its 中类, else the 大类.
  const auto& finer = FinerNames();
  for (size_t len = digits.size(); len >= 3; --len) {
    auto it = finer.find(digits.substr(0, len));
    if (it != finer.end()) return it->second;
  }
  return DivisionNameZh((digits[0] - '0') * 10 + (digits[1] - '0'));
}

const std::vector<IndustryEntry>& IndustryTable() {
  static const std::vector<IndustryEntry> table = [] {
    const auto& finer = FinerNames();
    std::vector<IndustryEntry> out;
    out.reserve(20 + 97 + finer.size());
    for (const Section& s : kSections) {
      std::string letter(1, s.letter);
      out.push_back({letter, std::string(s.name_zh), "", 1});
      for (int d = s.first_division; d <= s.last_division; ++d) {
        std::string two{static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
        std::string division = letter + two;
        out.push_back({division, std::string(kDivisionNames[d - 1]), letter, 2});
        // The map is ordered by digits, so each 中类 comes before its 小类.
        for (auto it = finer.lower_bound(two);
             it != finer.end() && it->first.compare(0, 2, two) == 0; ++it) {
          bool group = it->first.size() == 3;
          std::string parent = group ? division : letter + it->first.substr(0, 3);
          out.push_back({letter + it->first, it->second, parent, group ? 3 : 4});
        }
      }
    }
    return out;
  }();
  return table;
}

CodeCheck CheckIndustryCode(std::string_view code) {
  const Section* section = nullptr;
  std::string_view digits = code;
  if (!code.empty() && code[0] >= 'A' && code[0] <= 'Z') {
    section = FindSection(code[0]);
    if (section == nullptr) {
      return CodeCheck::Error("门类字母无效：应为A至T", "unknown section letter (A-T)");
    }
    digits = code.substr(1);
    if (digits.empty()) return CodeCheck::Ok();
  }
  if (digits.size() < 2 || digits.size() > 4 || !AllDigits(digits)) {
    return CodeCheck::Error("格式不正确：应为门类字母（A至T）和/或2至4位数字，如P8331",
                            "must be a section letter (A-T) and/or 2-4 digits, e.g. P8331");
  }
  int division = (digits[0] - '0') * 10 + (digits[1] - '0');
  char expected = SectionForDivision(division);
  if (expected == '\0') {
    return CodeCheck::Error("大类代码不存在（应为01至97）", "no such division (01-97)");
  }
  if (section != nullptr && section->letter != expected) {
    return CodeCheck::Error(std::string("大类") + std::string(digits.substr(0, 2)) + "不属于门类" +
                                section->letter + "（应属门类" + expected + "）",
                            std::string("division ") + std::string(digits.substr(0, 2)) +
                                " is not in section " + section->letter + " (it is in " + expected +
                                ")");
  }
  return CodeCheck::Ok();
}

}  // namespace keyline::codes
