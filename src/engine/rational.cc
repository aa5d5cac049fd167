#include "engine/rational.h"

#include <algorithm>

#include "common/number_format.h"

namespace keyline::engine {
namespace {

constexpr Int128 kLimit = Int128(1) << 120;

Int128 Abs(Int128 v) { return v < 0 ? -v : v; }

Int128 Gcd(Int128 a, Int128 b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool InRange(Int128 v) { return v > -kLimit && v < kLimit; }

}  // namespace

std::optional<Rational> Rational::Make(Int128 n, Int128 d) {
  if (d == 0) return std::nullopt;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  Int128 g = Gcd(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  if (!InRange(n) || !InRange(d)) return std::nullopt;
  return Rational{n, d};
}

std::optional<Rational> Add(const Rational& a, const Rational& b) {
  Int128 x, y, n, d;
  if (__builtin_mul_overflow(a.num, b.den, &x) || __builtin_mul_overflow(b.num, a.den, &y) ||
      __builtin_add_overflow(x, y, &n) || __builtin_mul_overflow(a.den, b.den, &d)) {
    return std::nullopt;
  }
  return Rational::Make(n, d);
}

std::optional<Rational> Sub(const Rational& a, const Rational& b) {
  return Add(a, Rational{-b.num, b.den});
}

std::optional<Rational> Mul(const Rational& a, const Rational& b) {
  // Cross-reduce first so that rates times 100 stay small.
  Int128 g1 = Gcd(a.num, b.den), g2 = Gcd(b.num, a.den);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  Int128 n, d;
  if (__builtin_mul_overflow(a.num / g1, b.num / g2, &n) ||
      __builtin_mul_overflow(a.den / g2, b.den / g1, &d)) {
    return std::nullopt;
  }
  return Rational::Make(n, d);
}

std::optional<Rational> Div(const Rational& a, const Rational& b) {
  if (b.num == 0) return std::nullopt;
  return Mul(a, Rational{b.den * (b.num < 0 ? -1 : 1), Abs(b.num)});
}

std::string Int128ToString(Int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  std::string out;
  while (v != 0) {
    int digit = static_cast<int>(v % 10);
    out.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    v /= 10;
  }
  if (neg) out.push_back('-');
  std::reverse(out.begin(), out.end());
  return out;
}

std::string FormatFixed(const Rational& value, int decimals) {
  return FormatQuotient(value.num, value.den, decimals, false);
}

std::string FormatPercent(const Rational& value, int decimals) {
  auto pct = Mul(value, Rational::Of(100));
  if (!pct) return "";
  return FormatFixed(*pct, decimals);
}

double ToDouble(const Rational& value) {
  return static_cast<double>(value.num) / static_cast<double>(value.den);
}

}  // namespace keyline::engine
