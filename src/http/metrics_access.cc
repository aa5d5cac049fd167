#include "http/metrics_access.h"

namespace keyline::http {

bool IsLoopbackAddress(std::string_view address) {
  if (address.starts_with("::ffff:")) address.remove_prefix(7);
  return address.starts_with("127.") || address == "::1";
}

MetricsAccess CheckMetricsAccess(std::string_view remote_ip, std::string_view authorization,
                                 std::string_view token) {
  if (token.empty()) {
    return IsLoopbackAddress(remote_ip) ? MetricsAccess::kAllowed : MetricsAccess::kNotLoopback;
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() != kBearer.size() + token.size() ||
      !authorization.starts_with(kBearer)) {
    return MetricsAccess::kBadToken;
  }
  std::string_view given = authorization.substr(kBearer.size());
  unsigned char diff = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ token[i]);
  }
  return diff == 0 ? MetricsAccess::kAllowed : MetricsAccess::kBadToken;
}

}  // namespace keyline::http
