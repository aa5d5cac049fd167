// The API contract in the integration tests: docs/api.yaml (as JSON, converted at build time by
// scripts/openapi-json.mjs) checks every answer the tests receive, and lists the documented
// operations for the route-coverage test.
//
// Schemas: the JSON Schema subset OpenAPI 3.0 documents use here — $ref (local "#/..."), type,
// nullable, properties, required, items, enum, allOf / anyOf / oneOf, additionalProperties.
// format, pattern, minimum and the like are not checked (they describe input; answers are
// produced by code that already enforces them).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace keyline::testing {

class OpenApiDocument {
 public:
  explicit OpenApiDocument(boost::json::value document);

  // Reads the JSON form of the document; nullptr with *error set when the file is missing,
  // unreadable or not an OpenAPI 3 document (e.g. "{}" written when node was not available).
  static std::unique_ptr<OpenApiDocument> Load(const std::string& json_path, std::string* error);

  // Every documented operation as {"GET", "/api/v1/projects/{id}"} (the server URL prefixed).
  std::vector<std::pair<std::string, std::string>> Operations() const;

  // Checks one answer: the operation is found from method and target ("/api/v1/x?y=1"); its
  // documented status (exact, "4XX" or default; an undocumented error status must still be
  // the `Error` envelope); the body against the response's JSON schema when the answer is
  // JSON. Returns "" when it matches (or the target is outside the server URL), else the
  // first mismatch, e.g. "GET /api/v1/projects/{id} → 200: $.stage: expected string, got null".
  std::string CheckAnswer(const std::string& method, const std::string& target, int status,
                          bool is_json, const boost::json::value& body) const;

  // Validates a value against a schema of this document; "" or "$.path: what is wrong".
  std::string Validate(const boost::json::value& schema, const boost::json::value& value) const;

 private:
  const boost::json::value* Resolve(const boost::json::value& maybe_ref) const;
  std::string ValidateAt(const boost::json::value& schema, const boost::json::value& value,
                         const std::string& where, int depth) const;
  // The document path (e.g. "/projects/{id}") matching a request path relative to the server
  // URL, preferring literal segments; "" when none matches.
  std::string FindPath(const std::string& relative_path) const;

  boost::json::value document_;
  std::string server_prefix_;  // "/api/v1"
};

// The document the integration tests check answers against (KEYLINE_OPENAPI_JSON), loaded once;
// nullptr when it was not built (no node / web/node_modules) — a note says so on stderr once.
const OpenApiDocument* ApiContract();

}  // namespace keyline::testing
