#include "tests/openapi_validator.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace keyline::testing {
namespace {

namespace json = boost::json;

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = path.empty() || path[0] != '/' ? 0 : 1;
  if (path.size() <= 1) return out;
  while (true) {
    size_t slash = path.find('/', start);
    out.push_back(
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

bool IsParam(const std::string& s) { return s.size() >= 3 && s.front() == '{' && s.back() == '}'; }

std::string TypeOf(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "integer";
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "?";
}

bool HasType(const json::value& v, std::string_view type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_bool();
  if (type == "integer") {
    return v.is_int64() || v.is_uint64() ||
           (v.is_double() && std::floor(v.get_double()) == v.get_double());
  }
  if (type == "number") return v.is_number();
  return true;  // unknown type names are not this checker's business (redocly lints them)
}

bool IsTrue(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_bool() && v->get_bool();
}

std::string Short(const json::value& v) {
  std::string s = json::serialize(v);
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

}  // namespace

OpenApiDocument::OpenApiDocument(json::value document) : document_(std::move(document)) {
  if (const json::value* servers = document_.as_object().if_contains("servers")) {
    if (servers->is_array() && !servers->as_array().empty()) {
      if (const json::value* url = servers->as_array()[0].as_object().if_contains("url")) {
        server_prefix_ = std::string(url->as_string());
      }
    }
  }
}

std::unique_ptr<OpenApiDocument> OpenApiDocument::Load(const std::string& json_path,
                                                       std::string* error) {
  std::ifstream in(json_path, std::ios::binary);
  if (!in) {
    *error = json_path + " not found";
    return nullptr;
  }
  std::stringstream text;
  text << in.rdbuf();
  json::error_code ec;
  json::value doc = json::parse(text.str(), ec);
  if (ec || !doc.is_object() || !doc.as_object().contains("openapi") ||
      !doc.as_object().contains("paths")) {
    *error = json_path + " is not an OpenAPI document (built without node and web/node_modules?)";
    return nullptr;
  }
  return std::make_unique<OpenApiDocument>(std::move(doc));
}

std::vector<std::pair<std::string, std::string>> OpenApiDocument::Operations() const {
  static constexpr const char* kMethods[] = {"get",   "put",  "post",   "delete",
                                             "patch", "head", "options"};
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [path, item] : document_.at("paths").as_object()) {
    if (!item.is_object()) continue;
    for (const char* method : kMethods) {
      if (!item.as_object().contains(method)) continue;
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.emplace_back(upper, server_prefix_ + std::string(path));
    }
  }
  return out;
}

const json::value* OpenApiDocument::Resolve(const json::value& maybe_ref) const {
  const json::value* current = &maybe_ref;
  for (int hops = 0; hops < 16 && current->is_object(); ++hops) {
    const json::value* ref = current->as_object().if_contains("$ref");
    if (!ref || !ref->is_string()) return current;
    std::string_view pointer = ref->as_string();
    if (pointer.empty() || pointer[0] != '#') return nullptr;
    json::error_code ec;
    current = document_.find_pointer(pointer.substr(1), ec);
    if (ec || !current) return nullptr;
  }
  return current;
}

std::string OpenApiDocument::Validate(const json::value& schema, const json::value& value) const {
  return ValidateAt(schema, value, "$", 0);
}

std::string OpenApiDocument::ValidateAt(const json::value& raw_schema, const json::value& value,
                                        const std::string& where, int depth) const {
  if (depth > 64) return where + ": schema nests too deep (a $ref cycle?)";
  const json::value* resolved = Resolve(raw_schema);
  if (!resolved) return where + ": unresolved $ref " + Short(raw_schema);
  if (!resolved->is_object()) return "";  // `true`-like or malformed: lint's business
  const json::object& schema = resolved->as_object();

  if (value.is_null() && IsTrue(schema, "nullable")) return "";
  if (const json::value* type = schema.if_contains("type"); type && type->is_string()) {
    if (!HasType(value, type->as_string())) {
      return where + ": expected " + std::string(type->as_string()) + ", got " + TypeOf(value) +
             (value.is_null() ? "" : " " + Short(value));
    }
  }
  if (const json::value* options = schema.if_contains("enum"); options && options->is_array()) {
    bool found = false;
    for (const json::value& option : options->as_array()) found = found || option == value;
    if (!found) return where + ": " + Short(value) + " is not one of " + Short(*options);
  }
  if (const json::value* all = schema.if_contains("allOf"); all && all->is_array()) {
    for (const json::value& sub : all->as_array()) {
      std::string e = ValidateAt(sub, value, where, depth + 1);
      if (!e.empty()) return e;
    }
  }
  for (const char* key : {"anyOf", "oneOf"}) {
    const json::value* options = schema.if_contains(key);
    if (!options || !options->is_array()) continue;
    int matches = 0;
    std::string first_error;
    for (const json::value& sub : options->as_array()) {
      std::string e = ValidateAt(sub, value, where, depth + 1);
      if (e.empty()) {
        ++matches;
      } else if (first_error.empty()) {
        first_error = e;
      }
    }
    if (matches == 0) return first_error.empty() ? where + ": matches none of " + key : first_error;
    if (std::string_view(key) == "oneOf" && matches > 1) {
      return where + ": matches " + std::to_string(matches) + " schemas of oneOf, not one";
    }
  }
  if (value.is_object()) {
    const json::object& object = value.as_object();
    const json::value* properties = schema.if_contains("properties");
    if (const json::value* required = schema.if_contains("required");
        required && required->is_array()) {
      for (const json::value& name : required->as_array()) {
        if (name.is_string() && !object.contains(name.as_string())) {
          return where + ": required property '" + std::string(name.as_string()) + "' is missing";
        }
      }
    }
    const json::value* additional = schema.if_contains("additionalProperties");
    for (const auto& [key, member] : object) {
      std::string at = where + "." + std::string(key);
      const json::value* property = properties && properties->is_object()
                                        ? properties->as_object().if_contains(key)
                                        : nullptr;
      if (property) {
        std::string e = ValidateAt(*property, member, at, depth + 1);
        if (!e.empty()) return e;
      } else if (additional && additional->is_bool() && !additional->get_bool()) {
        return at + ": property not in the schema (additionalProperties: false)";
      } else if (additional && additional->is_object()) {
        std::string e = ValidateAt(*additional, member, at, depth + 1);
        if (!e.empty()) return e;
      }
    }
  }
  if (value.is_array()) {
    if (const json::value* items = schema.if_contains("items")) {
      const json::array& array = value.as_array();
      for (size_t i = 0; i < array.size(); ++i) {
        std::string e =
            ValidateAt(*items, array[i], where + "[" + std::to_string(i) + "]", depth + 1);
        if (!e.empty()) return e;
      }
    }
  }
  return "";
}

std::string OpenApiDocument::FindPath(const std::string& relative_path) const {
  std::vector<std::string> request = Segments(relative_path);
  std::string best;
  std::vector<std::string> best_segments;
  for (const auto& [path, item] : document_.at("paths").as_object()) {
    std::vector<std::string> doc = Segments(std::string(path));
    if (doc.size() != request.size()) continue;
    bool match = true;
    for (size_t i = 0; i < doc.size() && match; ++i) {
      match = IsParam(doc[i]) ? !request[i].empty() : doc[i] == request[i];
    }
    if (!match) continue;
    bool better = best.empty();
    for (size_t i = 0; i < doc.size() && !best.empty(); ++i) {  // literal beats {param} first
      if (IsParam(doc[i]) != IsParam(best_segments[i])) {
        better = !IsParam(doc[i]);
        break;
      }
    }
    if (better) {
      best = std::string(path);
      best_segments = std::move(doc);
    }
  }
  return best;
}

std::string OpenApiDocument::CheckAnswer(const std::string& method, const std::string& target,
                                         int status, bool is_json, const json::value& body) const {
  std::string path = target.substr(0, target.find('?'));
  if (path.rfind(server_prefix_ + "/", 0) != 0) return "";  // /healthz, /metrics, the web UI
  std::string relative = path.substr(server_prefix_.size());
  std::string doc_path = FindPath(relative);
  std::string op_name = method + " " + (doc_path.empty() ? path : server_prefix_ + doc_path);
  std::string answer = op_name + " → " + std::to_string(status);
  json::error_code ec;
  const json::value* error_schema = document_.find_pointer("/components/schemas/Error", ec);
  auto check_error_envelope = [&]() -> std::string {
    if (!is_json) return answer + ": an error answer that is not JSON";
    std::string e = error_schema ? Validate(*error_schema, body) : "";
    return e.empty() ? "" : answer + " (the Error envelope): " + e;
  };

  if (doc_path.empty()) {
    if (status == 404 || status == 405) return check_error_envelope();
    return answer + ": the path is not in docs/api.yaml";
  }
  const json::object& item = document_.at("paths").at(doc_path).as_object();
  std::string lower;
  for (char c : method) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "head" && !item.contains("head")) lower = "get";
  const json::value* operation = item.if_contains(lower);
  if (!operation) {
    if (status == 405 || status >= 400) return check_error_envelope();
    return answer + ": the method is not documented for this path";
  }
  const json::value* responses = operation->as_object().if_contains("responses");
  const json::value* response = nullptr;
  if (responses && responses->is_object()) {
    const json::object& r = responses->as_object();
    std::string code = std::to_string(status);
    std::string range = code.substr(0, 1) + "XX";
    response = r.if_contains(code);
    if (!response) response = r.if_contains(range);
    if (!response) response = r.if_contains("default");
  }
  if (!response) {
    // Any operation may answer the transport's errors (401 without a session, 403 CSRF, 413,
    // 415, 429, 503 ...): undocumented error statuses must still be the Error envelope.
    if (status >= 400) return check_error_envelope();
    return answer + ": status not documented for this operation";
  }
  response = Resolve(*response);
  if (!response || !response->is_object()) return answer + ": unresolved response $ref";
  if (!is_json || lower == "head") return "";
  const json::value* content = response->as_object().if_contains("content");
  const json::value* media = nullptr;
  if (content && content->is_object()) {
    for (const auto& [type, entry] : content->as_object()) {
      if (std::string_view(type).find("json") != std::string_view::npos) media = &entry;
    }
  }
  if (!media) return answer + ": the answer is JSON but the document gives no JSON content";
  const json::value* schema = media->as_object().if_contains("schema");
  if (!schema) return "";
  std::string e = Validate(*schema, body);
  return e.empty() ? "" : answer + ": " + e;
}

const OpenApiDocument* ApiContract() {
  static const std::unique_ptr<OpenApiDocument> document = [] {
    std::string error;
    std::string path = KEYLINE_OPENAPI_JSON;
    std::unique_ptr<OpenApiDocument> doc;
    if (path.empty()) {
      error = "node was not found when the build was configured";
    } else {
      doc = OpenApiDocument::Load(path, &error);
    }
    if (!doc) {
      std::fprintf(stderr, "note: answers are not checked against docs/api.yaml: %s\n",
                   error.c_str());
    }
    return doc;
  }();
  return document.get();
}

}  // namespace keyline::testing
