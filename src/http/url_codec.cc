#include "http/url_codec.h"

namespace keyline::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

bool ParseQuery(std::string_view query, std::vector<std::pair<std::string, std::string>>* out) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view element = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (element.empty()) continue;
    size_t eq = element.find('=');
    std::string key;
    std::string value;
    if (!PercentDecode(element.substr(0, eq), true, &key)) return false;
    if (eq != std::string_view::npos && !PercentDecode(element.substr(eq + 1), true, &value)) {
      return false;
    }
    out->emplace_back(std::move(key), std::move(value));
  }
  return true;
}

bool ParseTarget(std::string_view target, std::string* path,
                 std::vector<std::pair<std::string, std::string>>* query) {
  if (target.empty() || target.front() != '/') return false;
  size_t q = target.find('?');
  if (!PercentDecode(target.substr(0, q), false, path)) return false;
  if (path->find('\0') != std::string::npos) return false;
  if (q == std::string_view::npos) return true;
  std::string_view raw_query = target.substr(q + 1);
  size_t hash = raw_query.find('#');
  return ParseQuery(raw_query.substr(0, hash), query);
}

}  // namespace keyline::http
