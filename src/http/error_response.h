// The one place that turns a Status into an HTTP response: the JSON error envelope
// {"error":{"code","message","message_zh","message_en","details":[{"field","message"}],"request_id"}}
// "message" is Chinese unless the request prefers English.
#pragma once

#include "common/status.h"
#include "http/request.h"

namespace keyline::http {

// HTTP status for an error code (kInvalidArgument -> 400, kNotFound -> 404, ...).
int HttpStatusFor(ErrorCode code);

Response ErrorResponse(const Request& request, const Status& status);

}  // namespace keyline::http
