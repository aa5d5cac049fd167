// The outcome of checking an identifier (project code, credit code, area code, industry code).
// Checks never throw: a malformed code is a value, not an exception.
#pragma once

#include <string>
#include <utility>

namespace keyline::codes {

struct CodeCheck {
  // kOk: accept. kWarning: accept but tell the user (e.g. an unknown area prefix).
  // kError: reject.
  enum class Level { kOk, kWarning, kError };

  Level level = Level::kOk;
  // Messages are phrased to follow a noun naming the field, e.g. "项目代码" + message_zh
  // reads "项目代码格式不正确：…"; message_en follows "project code: ".
  std::string message_zh;
  std::string message_en;

  static CodeCheck Ok() { return CodeCheck{}; }
  static CodeCheck Warning(std::string zh, std::string en) {
    return CodeCheck{Level::kWarning, std::move(zh), std::move(en)};
  }
  static CodeCheck Error(std::string zh, std::string en) {
    return CodeCheck{Level::kError, std::move(zh), std::move(en)};
  }

  // True unless the level is kError (warnings are acceptable).
  bool ok() const { return level != Level::kError; }
};

}  // namespace keyline::codes
