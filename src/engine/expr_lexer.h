// The tokenizer of the expression language: identifiers, numbers (with 元/万/亿 money
// suffixes), YYYY-MM-DD dates, 'quoted' codes and punctuation. Internal to expr.cc.
#pragma once

#include <cstdint>
#include <string_view>

#include "engine/expr.h"
#include "engine/rational.h"

namespace keyline::engine {

enum class Tok : uint8_t { kEnd, kIdent, kNumber, kMoney, kDate, kText, kPunct };

struct Token {
  Tok kind = Tok::kEnd;
  int pos = 0;
  std::string_view text;  // identifier, punctuation, or the literal's text
  Rational number;        // kNumber, kMoney (in cents)
  int64_t date = 0;       // kDate yyyymmdd
};

// Reads tokens from a text it does not own (the text must outlive the lexer and its tokens).
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}
  // Advances to the next token; false (with error() set) on a malformed token.
  bool Next();
  const Token& token() const { return tok_; }
  const ExprError& error() const { return error_; }

 private:
  bool LexNumber(size_t i);
  void SetError(int pos, std::string zh, std::string en) {
    error_ = ExprError{pos, std::move(zh), std::move(en)};
  }

  std::string_view text_;
  size_t pos_ = 0;
  Token tok_;
  ExprError error_;
};

}  // namespace keyline::engine
