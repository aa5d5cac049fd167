#include "engine/expr_lexer.h"

#include <string>

namespace keyline::engine {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool Lexer::Next() {
  size_t i = pos_;
  while (i < text_.size() &&
         (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) {
    ++i;
  }
  tok_ = Token{};
  tok_.pos = static_cast<int>(i);
  if (i >= text_.size()) {
    pos_ = i;
    tok_.kind = Tok::kEnd;
    tok_.text = "<end>";
    return true;
  }
  char c = text_[i];
  if (IsIdentStart(c)) {
    size_t j = i;
    while (j < text_.size() && (IsIdentStart(text_[j]) || IsDigit(text_[j]))) ++j;
    if (j - i > 64) {
      SetError(tok_.pos, "名称过长", "name too long");
      return false;
    }
    tok_.kind = Tok::kIdent;
    tok_.text = text_.substr(i, j - i);
    pos_ = j;
    return true;
  }
  if (IsDigit(c)) return LexNumber(i);
  if (c == '\'') {
    size_t j = i + 1;
    while (j < text_.size() && text_[j] != '\'') ++j;
    if (j >= text_.size()) {
      SetError(tok_.pos, "文本缺少结束的单引号", "unterminated text literal");
      return false;
    }
    if (j - i - 1 > 32) {
      SetError(tok_.pos, "文本过长（最多 32 字符）", "text literal too long (at most 32)");
      return false;
    }
    tok_.kind = Tok::kText;
    tok_.text = text_.substr(i + 1, j - i - 1);
    pos_ = j + 1;
    return true;
  }
  static constexpr std::string_view kTwo[] = {"<=", ">=", "!=", "<>"};
  for (auto p : kTwo) {
    if (text_.substr(i, 2) == p) {
      tok_.kind = Tok::kPunct;
      tok_.text = p == "<>" ? std::string_view("!=") : p;
      pos_ = i + 2;
      return true;
    }
  }
  if (std::string_view("()+-*/,.=<>").find(c) != std::string_view::npos) {
    tok_.kind = Tok::kPunct;
    tok_.text = text_.substr(i, 1);
    pos_ = i + 1;
    return true;
  }
  SetError(tok_.pos, "无法识别的字符", "unexpected character");
  return false;
}

bool Lexer::LexNumber(size_t i) {
  size_t j = i;
  while (j < text_.size() && IsDigit(text_[j])) ++j;
  // YYYY-MM-DD date literal.
  if (j - i == 4 && j + 6 <= text_.size() && text_[j] == '-' && IsDigit(text_[j + 1]) &&
      IsDigit(text_[j + 2]) && text_[j + 3] == '-' && IsDigit(text_[j + 4]) &&
      IsDigit(text_[j + 5])) {
    std::string_view s = text_.substr(i, 10);
    int y = std::stoi(std::string(s.substr(0, 4)));
    int m = std::stoi(std::string(s.substr(5, 2)));
    int d = std::stoi(std::string(s.substr(8, 2)));
    if (m < 1 || m > 12 || d < 1 || d > 31) {
      SetError(tok_.pos, "日期无效", "invalid date");
      return false;
    }
    tok_.kind = Tok::kDate;
    tok_.text = s;
    tok_.date = y * 10000 + m * 100 + d;
    pos_ = i + 10;
    return true;
  }
  size_t int_digits = j - i;
  size_t frac_start = j, frac_digits = 0;
  if (j < text_.size() && text_[j] == '.' && j + 1 < text_.size() && IsDigit(text_[j + 1])) {
    size_t k = j + 1;
    while (k < text_.size() && IsDigit(text_[k])) ++k;
    frac_start = j + 1;
    frac_digits = k - j - 1;
    j = k;
  }
  if (int_digits > 15 || frac_digits > 6) {
    SetError(tok_.pos, "数字过大或小数位过多（最多 15 位整数、6 位小数）",
             "number too large or too precise (at most 15 integer and 6 decimal digits)");
    return false;
  }
  Int128 n = 0, scale = 1;
  for (size_t k = i; k < i + int_digits; ++k) n = n * 10 + (text_[k] - '0');
  for (size_t k = frac_start; k < frac_start + frac_digits; ++k) {
    n = n * 10 + (text_[k] - '0');
    scale *= 10;
  }
  tok_.kind = Tok::kNumber;
  Int128 unit = 0;
  static constexpr struct {
    std::string_view suffix;
    int64_t cents;
  } kUnits[] = {{"元", 100}, {"万", 1'000'000}, {"亿", 10'000'000'000}};
  for (const auto& u : kUnits) {
    if (text_.substr(j, u.suffix.size()) == u.suffix) {
      unit = u.cents;
      j += u.suffix.size();
      tok_.kind = Tok::kMoney;
      break;
    }
  }
  auto r = Rational::Make(unit ? n * unit : n, scale);
  tok_.number = *r;  // n < 10^21, unit ≤ 10^10, scale ≤ 10^6: always in range
  tok_.text = text_.substr(i, j - i);
  pos_ = j;
  return true;
}

}  // namespace keyline::engine
