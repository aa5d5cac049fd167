#include "api/json_input.h"

#include <cmath>
#include <cstdio>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/date.h"

namespace keyline::api {
namespace {

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// A SAX pass that only looks at object keys: the first key repeated within one object (the
// DOM parser would silently keep the last value).
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_object_size = -1;
  static constexpr std::size_t max_array_size = -1;
  static constexpr std::size_t max_key_size = -1;
  static constexpr std::size_t max_string_size = -1;

  std::optional<std::string> duplicate;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_array_begin(boost::system::error_code&) { return true; }
  bool on_array_end(std::size_t, boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) {
    keys_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, boost::system::error_code&) {
    keys_.pop_back();
    return true;
  }
  bool on_string_part(boost::json::string_view, std::size_t, boost::system::error_code&) {
    return true;
  }
  bool on_string(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
    key_.append(s.data(), s.size());
    if (!keys_.back().insert(key_).second) {
      duplicate = key_;
      ec = boost::json::error::syntax;  // stop here
      return false;
    }
    key_.clear();
    return true;
  }
  bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_int64(int64_t, boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_uint64(uint64_t, boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_double(double, boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_bool(bool, boost::system::error_code&) { return true; }
  bool on_null(boost::system::error_code&) { return true; }
  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

 private:
  std::vector<std::unordered_set<std::string>> keys_;  // one set per open object
  std::string key_;
};

// The first key repeated within one object of a well-formed JSON text, if any.
std::optional<std::string> FindDuplicateKey(std::string_view text,
                                            const boost::json::parse_options& options) {
  boost::json::basic_parser<DuplicateKeyFinder> parser(options);
  boost::system::error_code ec;
  parser.write_some(false, text.data(), text.size(), ec);
  return std::move(parser.handler().duplicate);
}

}  // namespace

Result<boost::json::object> ParseJsonObject(std::string_view body) {
  if (body.empty()) {
    return Status::InvalidArgument("请求体为空，应为JSON对象",
                                   "empty body; expected a JSON object");
  }
  boost::json::parse_options options;
  options.max_depth = 20;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec, {}, options);
  if (ec) {
    return Status::InvalidArgument("请求体不是合法的JSON：" + ec.message(),
                                   "malformed JSON: " + ec.message());
  }
  if (!value.is_object()) {
    return Status::InvalidArgument("请求体应为JSON对象", "the body must be a JSON object");
  }
  if (auto key = FindDuplicateKey(body, options)) {
    std::string k = key->substr(0, 64);
    std::vector<FieldError> details{{k, "字段重复出现", "appears more than once"}};
    return Status::InvalidArgument(
        "请求体中字段重复：" + k + "（同一对象内每个字段只能出现一次）",
        "duplicate key in the request body: " + k + " (each key may appear once per object)",
        std::move(details));
  }
  return std::move(value.as_object());
}

Result<boost::json::object> ReadJsonBody(const http::Request& request) {
  std::string_view type = request.Header("content-type");
  if (type.substr(0, 16) != "application/json") {
    return Status(ErrorCode::kUnsupportedMedia, "请求体应为application/json",
                  "the body must be application/json");
  }
  return ParseJsonObject(request.body);
}

bool FieldReader::IsNull(std::string_view key) const {
  auto it = object_.find(key);
  return it != object_.end() && it->value().is_null();
}

void FieldReader::AddError(std::string_view field, std::string zh, std::string en) {
  errors_.push_back({std::string(field), std::move(zh), std::move(en)});
}

void FieldReader::Ignore(std::initializer_list<std::string_view> keys) {
  for (auto k : keys) known_.emplace(k);
}

const boost::json::value* FieldReader::Find(std::string_view key, bool required) {
  known_.emplace(key);
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) {
    if (required) AddError(key, "必填", "is required");
    return nullptr;
  }
  return &it->value();
}

std::optional<std::string> FieldReader::String(std::string_view key, bool required,
                                               size_t max_chars) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    AddError(key, "应为字符串", "must be a string");
    return std::nullopt;
  }
  std::string_view s = v->as_string();
  if (!ValidUtf8(s) || s.find('\0') != std::string_view::npos) {
    AddError(key, "包含无效字符", "contains invalid characters");
    return std::nullopt;
  }
  if (Utf8Length(s) > max_chars) {
    AddError(key, "过长（最多" + std::to_string(max_chars) + "字）",
             "is too long (at most " + std::to_string(max_chars) + " characters)");
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<int64_t> FieldReader::Int(std::string_view key, bool required, int64_t min,
                                        int64_t max) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  int64_t n = 0;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    n = static_cast<int64_t>(v->as_uint64());
  } else {
    AddError(key, "应为整数", "must be an integer");
    return std::nullopt;
  }
  if (n < min || n > max) {
    AddError(key, "超出范围（" + std::to_string(min) + "～" + std::to_string(max) + "）",
             "out of range (" + std::to_string(min) + ".." + std::to_string(max) + ")");
    return std::nullopt;
  }
  return n;
}

std::optional<double> FieldReader::Double(std::string_view key, bool required) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  if (v->is_double()) return v->as_double();
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  AddError(key, "应为数字", "must be a number");
  return std::nullopt;
}

std::optional<bool> FieldReader::Bool(std::string_view key, bool required) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    AddError(key, "应为true或false", "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::string> FieldReader::Date(std::string_view key, bool required) {
  auto s = String(key, required, 10);
  if (!s) return std::nullopt;
  if (!keyline::Date::Parse(*s).ok()) {
    AddError(key, "日期格式应为YYYY-MM-DD的有效日期", "must be a valid date YYYY-MM-DD");
    return std::nullopt;
  }
  return s;
}

std::optional<keyline::Money> FieldReader::Amount(std::string_view key, bool required) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  std::string text;
  if (v->is_string()) {
    text = std::string(v->as_string());
  } else if (v->is_int64()) {
    text = std::to_string(v->as_int64());
  } else if (v->is_uint64()) {
    text = std::to_string(v->as_uint64());
  } else if (v->is_double() && std::isfinite(v->as_double()) && std::fabs(v->as_double()) < 1e9) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6f", v->as_double());
    text = buf;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  } else {
    AddError(key, "金额应为以万元计的数字或数字字符串", "amount must be a number of 万元");
    return std::nullopt;
  }
  auto parsed = keyline::Money::ParseWan(text);
  if (!parsed.ok()) {
    AddError(key, "金额格式不正确（万元，最多6位小数）",
             "malformed amount (万元, at most 6 decimals)");
    return std::nullopt;
  }
  return *parsed;
}

const boost::json::array* FieldReader::Array(std::string_view key, bool required) {
  const auto* v = Find(key, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    AddError(key, "应为数组", "must be an array");
    return nullptr;
  }
  return &v->as_array();
}

Status FieldReader::Finish() {
  for (const auto& kv : object_) {
    if (!known_.count(std::string_view(kv.key()))) {
      std::string k(kv.key().substr(0, 64));
      errors_.push_back({k, "未知字段：" + k, "unknown field: " + k});
    }
  }
  if (errors_.empty()) return Status::Ok();
  const FieldError& first = errors_.front();
  return Status::InvalidArgument("请求数据有误：" + first.field + " " + first.message_zh,
                                 "invalid request: " + first.field + " " + first.message_en,
                                 errors_);
}

}  // namespace keyline::api
