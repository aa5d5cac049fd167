// Status: the outcome of an operation that can fail in an expected way.
//
// Expected failures (bad input, not found, conflicts, permission) are values, never
// exceptions. A Status carries one ErrorCode from the project-wide taxonomy, a Chinese and
// an English message, and optional per-field details. The HTTP layer maps ErrorCode to a
// status code in exactly one place (http/error_response.cc, HttpStatusFor).
//
// Thread-safety: a Status is a plain value; distinct objects may be used concurrently.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace keyline {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,   // 400: malformed or invalid input
  kUnauthenticated,   // 401: no or expired session, wrong credentials
  kForbidden,         // 403: authenticated but not allowed
  kNotFound,          // 404: absent, or outside the caller's scope
  kConflict,          // 409: version mismatch, duplicate key, illegal state transition
  kTooLarge,          // 413: body or upload too big
  kUnsupportedMedia,  // 415: wrong content type
  kLocked,            // 423: account locked after failed logins
  kRateLimited,       // 429: too many requests
  kUnavailable,       // 503: overloaded or database busy; retryable
  kInternal,          // 500: a bug or an unexpected I/O failure
};

// Stable lower_snake name used in the JSON error envelope ("invalid_argument", ...).
std::string_view ErrorCodeName(ErrorCode code);

// One problem with one input field, for forms: {"field":"code","message":"..."}.
struct FieldError {
  std::string field;
  std::string message_zh;
  std::string message_en;
};

class Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message_zh, std::string message_en,
         std::vector<FieldError> details = {})
      : code_(code),
        message_zh_(std::move(message_zh)),
        message_en_(std::move(message_en)),
        details_(std::move(details)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string zh, std::string en,
                                std::vector<FieldError> details = {}) {
    return Status(ErrorCode::kInvalidArgument, std::move(zh), std::move(en), std::move(details));
  }
  static Status NotFound(std::string zh, std::string en) {
    return Status(ErrorCode::kNotFound, std::move(zh), std::move(en));
  }
  static Status Conflict(std::string zh, std::string en) {
    return Status(ErrorCode::kConflict, std::move(zh), std::move(en));
  }
  static Status Forbidden(std::string zh, std::string en) {
    return Status(ErrorCode::kForbidden, std::move(zh), std::move(en));
  }
  static Status Unauthenticated(std::string zh, std::string en) {
    return Status(ErrorCode::kUnauthenticated, std::move(zh), std::move(en));
  }
  static Status Unavailable(std::string zh, std::string en) {
    return Status(ErrorCode::kUnavailable, std::move(zh), std::move(en));
  }
  // Internal errors keep the technical detail in English; the Chinese text stays generic.
  static Status Internal(std::string en) {
    return Status(ErrorCode::kInternal, "服务器内部错误", std::move(en));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message_zh() const { return message_zh_; }
  const std::string& message_en() const { return message_en_; }
  const std::vector<FieldError>& details() const { return details_; }
  // "invalid_argument: <english message>" for logs and test failures.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_zh_;
  std::string message_en_;
  std::vector<FieldError> details_;
};

}  // namespace keyline

// Evaluates expr (a Status); returns it from the enclosing function when not OK.
#define KL_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::keyline::Status kl_status_ = (expr);   \
    if (!kl_status_.ok()) return kl_status_; \
  } while (0)

#define KL_CONCAT_INNER_(a, b) a##b
#define KL_CONCAT_(a, b) KL_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result<T> expression, or returns its Status when it failed.
#define KL_ASSIGN_OR_RETURN(lhs, expr) \
  KL_ASSIGN_OR_RETURN_IMPL_(KL_CONCAT_(kl_result_, __LINE__), lhs, expr)
#define KL_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
