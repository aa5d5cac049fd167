#include "common/money.h"

#include <cstdlib>

namespace keyline {
namespace {

Status BadAmount(std::string_view text) {
  std::string shown(text.substr(0, 40));
  return Status::InvalidArgument(
      "金额格式不正确（应为以万元计的数字，最多6位小数）：" + shown,
      "malformed amount (expected 万元 with at most 6 decimals): " + shown);
}

}  // namespace

Result<Money> Money::ParseWan(std::string_view text) {
  if (text.empty() || text.size() > 32) return BadAmount(text);
  size_t i = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    i = 1;
  }
  int64_t whole = 0;
  int whole_digits = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return BadAmount(text);
    if (++whole_digits > 12) return BadAmount(text);
    whole = whole * 10 + (c - '0');
  }
  if (whole_digits == 0) return BadAmount(text);
  int64_t frac = 0;
  int frac_digits = 0;
  if (i < text.size()) {  // at '.'
    ++i;
    if (i == text.size()) return BadAmount(text);
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (c < '0' || c > '9') return BadAmount(text);
      if (++frac_digits > 6) return BadAmount(text);
      frac = frac * 10 + (c - '0');
    }
  }
  for (int k = frac_digits; k < 6; ++k) frac *= 10;
  int64_t cents = whole * kCentsPerWan + frac;
  return Money{negative ? -cents : cents};
}

std::string Money::ToWanString() const {
  int64_t v = cents;
  bool negative = v < 0;
  uint64_t abs_v = negative ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
  uint64_t whole = abs_v / kCentsPerWan;
  uint64_t frac = abs_v % kCentsPerWan;
  std::string out = negative ? "-" : "";
  out += std::to_string(whole);
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, 6 - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

}  // namespace keyline
