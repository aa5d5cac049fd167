#include "storage/sqlite/placeholders.h"

#include <cctype>

namespace keyline::sqlite {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Copies the quoted run starting at sql[i] (opening quote `open`, closing `close`) and
// returns the index just past it. A doubled closing quote is an escape and stays inside.
size_t CopyQuoted(std::string_view sql, size_t i, char close, std::string* out) {
  out->push_back(sql[i++]);
  while (i < sql.size()) {
    char c = sql[i++];
    out->push_back(c);
    if (c == close) {
      if (i < sql.size() && sql[i] == close && close != ']') {
        out->push_back(sql[i++]);
        continue;
      }
      break;
    }
  }
  return i;
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {
      i = CopyQuoted(sql, i, c, &out);
    } else if (c == '[') {
      i = CopyQuoted(sql, i, ']', &out);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      end = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t end = sql.find("*/", i + 2);
      end = end == std::string_view::npos ? sql.size() : end + 2;
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '$' && i + 1 < sql.size() && IsDigit(sql[i + 1])) {
      out.push_back('?');
      ++i;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace keyline::sqlite
