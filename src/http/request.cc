#include "http/request.h"

#include <cstdlib>

namespace keyline::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool StartsWithEnglish(std::string_view tag) {
  if (tag.size() < 2) return false;
  char a = static_cast<char>(tag[0] | 0x20);
  char b = static_cast<char>(tag[1] | 0x20);
  if (a != 'e' || b != 'n') return false;
  return tag.size() == 2 || tag[2] == '-' || tag[2] == '_';
}

// Parses "q=0.8" parameters of one Accept-Language element; 1.0 when absent or malformed.
double QualityOf(std::string_view params) {
  while (!params.empty()) {
    size_t semi = params.find(';');
    std::string_view param = Trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      std::string value(Trim(param.substr(2)));
      char* end = nullptr;
      double q = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || q < 0 || q > 1) return 1.0;
      return q;
    }
  }
  return 1.0;
}

}  // namespace

std::string_view Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

std::optional<std::string> Request::Query(std::string_view key) const {
  for (const auto& [k, v] : query) {
    if (k == key) return v;
  }
  return std::nullopt;
}

std::string Request::Cookie(std::string_view name) const {
  for (const auto& [header_name, header_value] : headers) {
    if (header_name != "cookie") continue;
    std::string_view rest = header_value;
    while (!rest.empty()) {
      size_t semi = rest.find(';');
      std::string_view pair = Trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (Trim(pair.substr(0, eq)) != name) continue;
      std::string_view value = Trim(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return "";
}

bool Request::PrefersEnglish() const {
  std::string_view header = Header("accept-language");
  double best_q = 0;
  bool best_is_english = false;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view element = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (element.empty()) continue;
    size_t semi = element.find(';');
    std::string_view tag = Trim(element.substr(0, semi));
    double q = semi == std::string_view::npos ? 1.0 : QualityOf(element.substr(semi + 1));
    if (tag.empty() || q <= 0) continue;
    if (q > best_q) {  // the first tag wins among equal qualities
      best_q = q;
      best_is_english = StartsWithEnglish(tag);
    }
  }
  return best_is_english;
}

}  // namespace keyline::http
