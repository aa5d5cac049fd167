#include "common/number_format.h"

#include <algorithm>
#include <cmath>

namespace keyline {
namespace {

using Int128 = __int128;

std::string Digits(unsigned __int128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return s;
}

std::string Grouped(const std::string& whole) {
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return out;
}

int Clamp(int decimals) { return decimals < 0 ? 0 : decimals > 6 ? 6 : decimals; }

}  // namespace

std::string FormatQuotient(Int128 num, Int128 den, int decimals, bool group) {
  if (den <= 0) return "";
  decimals = decimals < 0 ? 0 : decimals > 9 ? 9 : decimals;
  unsigned __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  unsigned __int128 n =
      num < 0 ? static_cast<unsigned __int128>(-num) : static_cast<unsigned __int128>(num);
  unsigned __int128 d = static_cast<unsigned __int128>(den);
  unsigned __int128 whole = n / d, r = n % d, frac = 0;
  // The decimals digit by digit so that nothing overflows (r < d < 2^120).
  for (int i = 0; i < decimals; ++i) {
    r *= 10;
    frac = frac * 10 + r / d;
    r %= d;
  }
  if (r * 2 >= d && ++frac == scale) {  // half away from zero
    frac = 0;
    ++whole;
  }
  std::string digits = Digits(whole);
  std::string out = num < 0 && (whole != 0 || frac != 0) ? "-" : "";
  out += group ? Grouped(digits) : digits;
  if (decimals > 0) {
    std::string f = Digits(frac);
    out += "." + std::string(decimals - f.size(), '0') + f;
  }
  return out;
}

std::string FormatWan(Money m) { return FormatQuotient(m.cents, Money::kCentsPerWan, 2, true); }

std::string FormatYi(Money m) {
  return FormatQuotient(m.cents, static_cast<Int128>(Money::kCentsPerWan) * 10'000, 2, true);
}

std::string FormatPercentOf(int64_t num, int64_t den, int decimals) {
  if (den == 0) return "";
  Int128 n = static_cast<Int128>(num) * 100, d = den;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  return FormatQuotient(n, d, Clamp(decimals), false);
}

std::string FormatNumber(double value, int decimals, bool group) {
  if (!std::isfinite(value)) return "";
  int places = Clamp(decimals);
  double scale = std::pow(10.0, places);
  // Round at `places` decimals, half away from zero; then print the integer exactly. A decimal
  // tie that binary cannot hold (1.005, 29 ÷ 2000) is a tie, as on the exact decimal text the
  // engine and the web round: within 1e-9 (relative) of x.5 it goes away from zero.
  double scaled = value * scale;
  double whole = std::trunc(scaled);
  double rounded = std::round(scaled);
  if (std::fabs(std::fabs(scaled - whole) - 0.5) <= 1e-9 * std::max(1.0, std::fabs(scaled))) {
    rounded = whole + (scaled < 0 ? -1.0 : 1.0);
  }
  if (std::fabs(rounded) > 1e17) return "";
  return FormatQuotient(static_cast<Int128>(rounded), static_cast<Int128>(scale), places, group);
}

std::string FormatFraction(double fraction, int decimals) {
  return FormatNumber(fraction * 100, decimals);
}

}  // namespace keyline
