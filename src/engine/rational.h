// Rational: an exact fraction of two 128-bit integers, for indicator arithmetic.
//
// Indicator values are ratios of counts or of cents; they are kept exact until they are shown,
// so a published rate rounds the way a hand calculation does ("correct to the last digit").
// Operations return nullopt on overflow (|numerator| or denominator past 2^120) or division by
// zero; callers turn that into a null value or an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace keyline::engine {

using Int128 = __int128;

struct Rational {
  Int128 num = 0;
  Int128 den = 1;  // always > 0 and coprime with num

  static Rational Of(int64_t n) { return Rational{n, 1}; }
  // n/d reduced; nullopt when d == 0.
  static std::optional<Rational> Make(Int128 n, Int128 d);

  bool IsZero() const { return num == 0; }
  friend bool operator==(const Rational&, const Rational&) = default;
};

std::optional<Rational> Add(const Rational& a, const Rational& b);
std::optional<Rational> Sub(const Rational& a, const Rational& b);
std::optional<Rational> Mul(const Rational& a, const Rational& b);
// nullopt also when b is zero.
std::optional<Rational> Div(const Rational& a, const Rational& b);

// The value rounded half away from zero to `decimals` places (0..9), as a decimal string with
// exactly that many decimals: FormatFixed(22/3, 2) == "7.33", FormatFixed(-1/2, 0) == "-1".
std::string FormatFixed(const Rational& value, int decimals);
// value × 100, formatted as FormatFixed does (a fraction 0.808 → "80.8" with 1 decimal).
std::string FormatPercent(const Rational& value, int decimals);
// Nearest double, for charts only; never for comparisons or published figures.
double ToDouble(const Rational& value);
// Decimal text of a 128-bit integer.
std::string Int128ToString(Int128 v);

}  // namespace keyline::engine
