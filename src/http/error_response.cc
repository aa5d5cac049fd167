#include "http/error_response.h"

#include "common/json_writer.h"

namespace keyline::http {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return 200;
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMedia:
      return 415;
    case ErrorCode::kLocked:
      return 423;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const Request& request, const Status& status) {
  // An OK status has no business here; treat it as the bug it is.
  ErrorCode code = status.ok() ? ErrorCode::kInternal : status.code();
  bool english = request.PrefersEnglish();
  JsonWriter w;
  w.BeginObject().Key("error").BeginObject();
  w.Key("code").String(ErrorCodeName(code));
  w.Key("message").String(english ? status.message_en() : status.message_zh());
  w.Key("message_zh").String(status.message_zh());
  w.Key("message_en").String(status.message_en());
  w.Key("details").BeginArray();
  for (const FieldError& d : status.details()) {
    w.BeginObject();
    w.Key("field").String(d.field);
    w.Key("message").String(english ? d.message_en : d.message_zh);
    w.Key("message_zh").String(d.message_zh);
    w.Key("message_en").String(d.message_en);
    w.EndObject();
  }
  w.EndArray();
  w.Key("request_id").String(request.request_id);
  w.EndObject().EndObject();
  Response response = Response::Json(HttpStatusFor(code), w.Take());
  if (code == ErrorCode::kUnavailable || code == ErrorCode::kRateLimited) {
    response.headers.emplace_back("Retry-After", "1");
  }
  return response;
}

}  // namespace keyline::http
