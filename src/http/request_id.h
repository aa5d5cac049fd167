// Request ids for X-Request-Id and the error envelope (private to the HTTP transport).
#pragma once

#include <string>

namespace keyline::http {

// 16 random lower-case hex characters from a per-thread generator; not for secrets.
std::string NewRequestId();

}  // namespace keyline::http
