#include "core/codes/credit_code.h"

#include <string>

#include "core/codes/area_code.h"

namespace keyline::codes {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int ValueOf(char c) {
  std::size_t pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Registering authorities and the kinds each registers (GB 32100-2015 and its later
// additions: A = 军队, N = 农业农村 collective economic organisations).
struct Authority {
  char code;
  std::string_view kinds;
};
constexpr Authority kAuthorities[] = {
    {'1', "1239"},  // 机构编制: 机关, 事业单位, 中央编办管理的群众团体, 其他
    {'2', "19"},    // 外交
    {'3', "123459"},  // 司法行政: 律师事务所, 公证处, 基层法律服务所, 司法鉴定, 仲裁委员会, 其他
    {'4', "19"},      // 文化
    {'5', "1239"},    // 民政: 社会团体, 民办非企业单位, 基金会, 其他
    {'6', "129"},     // 旅游
    {'7', "129"},     // 宗教
    {'8', "19"},      // 工会
    {'9', "123"},     // 工商/市场监管: 企业, 个体工商户, 农民专业合作社
    {'A', "19"},      // 中央军委改革和编制办公室
    {'N', "12349"},   // 农业农村: 组级, 村级, 乡镇级, 县级集体经济组织, 其他
    {'Y', "1"},       // 其他
};

const Authority* FindAuthority(char c) {
  for (const Authority& a : kAuthorities) {
    if (a.code == c) return &a;
  }
  return nullptr;
}

}  // namespace

char ComputeCreditCheckChar(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    int v = ValueOf(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  int c = 31 - sum % 31;
  return kAlphabet[c == 31 ? 0 : c];
}

CodeCheck CheckCreditCode(std::string_view code, bool strict) {
  if (code.size() != 18) {
    return CodeCheck::Error("格式不正确：应为18位", "must be 18 characters");
  }
  for (char c : code) {
    if (ValueOf(c) < 0) {
      return CodeCheck::Error("含有无效字符：只能使用数字和除I、O、S、V、Z以外的大写字母",
                              "contains an invalid character (digits and capital letters "
                              "except I, O, S, V, Z only)");
    }
  }
  const Authority* authority = FindAuthority(code[0]);
  if (authority == nullptr) {
    return CodeCheck::Error("第1位登记管理部门代码无效",
                            "unknown registering authority (1st char)");
  }
  if (code[1] < '1' || code[1] > '9') {
    return CodeCheck::Error("第2位机构类别代码无效", "invalid kind of entity (2nd char)");
  }
  std::string_view area = code.substr(2, 6);
  for (char c : area) {
    if (c < '0' || c > '9') {
      return CodeCheck::Error("第3至8位应为行政区划代码（6位数字）",
                              "chars 3-8 must be a 6-digit area code");
    }
  }
  char expected = ComputeCreditCheckChar(code.substr(0, 17));
  if (code[17] != expected) {
    std::string zh = std::string("校验位不正确（应为") + expected + "）";
    std::string en = std::string("wrong check character (expected ") + expected + ")";
    return strict ? CodeCheck::Error(std::move(zh), std::move(en))
                  : CodeCheck::Warning(std::move(zh), std::move(en));
  }
  if (authority->kinds.find(code[1]) == std::string_view::npos) {
    return CodeCheck::Warning("第2位机构类别代码与登记管理部门不符",
                              "the kind of entity (2nd char) is unusual for its authority");
  }
  if (area != "100000" && !IsKnownProvincePrefix(area)) {
    return CodeCheck::Warning("第3至8位行政区划代码的省级前缀未知",
                              "unknown province prefix in the area code (chars 3-8)");
  }
  return CodeCheck::Ok();
}

}  // namespace keyline::codes
