#include "api/supervision_input.h"

#include <charconv>

namespace keyline::api {

Status QueryId(const http::Request& request, const char* name, std::optional<int64_t>* out) {
  auto text = request.Query(name);
  if (!text) return Status::Ok();
  int64_t v = 0;
  const std::string& s = *text;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || s.size() > 18 || r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 1) {
    return Status::InvalidArgument(std::string(name) + " 应为正整数",
                                   std::string(name) + " must be a positive integer",
                                   {{name, "应为正整数", "positive integer"}});
  }
  *out = v;
  return Status::Ok();
}

Status QueryBool(const http::Request& request, const char* name, std::optional<bool>* out) {
  auto text = request.Query(name);
  if (!text) return Status::Ok();
  if (*text == "true" || *text == "false") {
    *out = *text == "true";
    return Status::Ok();
  }
  return Status::InvalidArgument(std::string(name) + " 应为 true 或 false",
                                 std::string(name) + " must be true or false",
                                 {{name, "应为 true 或 false", "true or false"}});
}

}  // namespace keyline::api
