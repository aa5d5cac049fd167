// Who may read GET /metrics (private to the HTTP transport). Without a token only loopback
// clients (127.0.0.0/8, ::1, ::ffff:127.x.x.x); with a token every client, loopback included
// (a reverse proxy on the same host makes every client look local), must send
// `Authorization: Bearer <token>`.
#pragma once

#include <string>
#include <string_view>

namespace keyline::http {

enum class MetricsAccess { kAllowed, kNotLoopback, kBadToken };

// True for a loopback address in its textual form (as Asio prints it).
bool IsLoopbackAddress(std::string_view address);

// The decision for a client at remote_ip sending this Authorization header value ("" when
// absent); the token is compared in constant time.
MetricsAccess CheckMetricsAccess(std::string_view remote_ip, std::string_view authorization,
                                 std::string_view token);

}  // namespace keyline::http
