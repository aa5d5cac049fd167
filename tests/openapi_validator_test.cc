// The answer checker of the API contract (tests/openapi_validator.h) on a small document.
#include "tests/openapi_validator.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json/parse.hpp>

namespace keyline::testing {
namespace {

namespace json = boost::json;

const char* kDoc = R"({
  "openapi": "3.0.3",
  "servers": [{"url": "/api/v1"}],
  "paths": {
    "/things/{id}": {
      "get": {"responses": {
        "200": {"description": "x", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
        "404": {"$ref": "#/components/responses/NotFound"}}},
      "delete": {"responses": {"204": {"description": "gone"}}}
    },
    "/things/special": {
      "get": {"responses": {"200": {"description": "x", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "integer"}}}}}}}
    },
    "/plain": {"get": {"responses": {"200": {"description": "no body schema"}}}}
  },
  "components": {
    "responses": {"NotFound": {"description": "nf", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string", "enum": ["not_found", "forbidden"]}}}}},
      "Colour": {"type": "string", "enum": ["red", "green"]},
      "Thing": {"type": "object", "required": ["id", "name"], "additionalProperties": false, "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "colour": {"allOf": [{"$ref": "#/components/schemas/Colour"}], "nullable": true},
        "tags": {"type": "array", "items": {"type": "string"}},
        "extra": {"type": "object", "additionalProperties": {"type": "number"}},
        "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        "one": {"oneOf": [{"type": "number"}, {"type": "integer"}]}
      }}
    }
  }
})";

class OpenApiValidator : public ::testing::Test {
 protected:
  OpenApiDocument doc{json::parse(kDoc)};
  std::string Check(const std::string& method, const std::string& target, int status,
                    const char* body) {
    json::value v = body ? json::parse(body) : json::value();
    return doc.CheckAnswer(method, target, status, body != nullptr, v);
  }
};

TEST_F(OpenApiValidator, AcceptsAMatchingAnswer) {
  EXPECT_EQ(
      Check(
          "GET", "/api/v1/things/7?x=1", 200,
          R"({"id": 7, "name": "a", "colour": null, "tags": ["x"], "extra": {"k": 1.5}, "either": 3})"),
      "");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": "a", "colour": "red"})"),
            "");
  EXPECT_EQ(Check("DELETE", "/api/v1/things/7", 204, nullptr), "");
}

TEST_F(OpenApiValidator, NamesTheOperationAndTheFirstMismatch) {
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": "7", "name": "a"})"),
            "GET /api/v1/things/{id} → 200: $.id: expected integer, got string \"7\"");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7})"),
            "GET /api/v1/things/{id} → 200: $: required property 'name' is missing");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": "a", "colour": "blue"})"),
            "GET /api/v1/things/{id} → 200: $.colour: \"blue\" is not one of [\"red\",\"green\"]");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": "a", "tags": ["x", 2]})"),
            "GET /api/v1/things/{id} → 200: $.tags[1]: expected string, got integer 2");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": null})"),
            "GET /api/v1/things/{id} → 200: $.name: expected string, got null");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": "a", "surprise": 1})"),
            "GET /api/v1/things/{id} → 200: $.surprise: property not in the schema "
            "(additionalProperties: false)");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": "a", "extra": {"k": "1"}})"),
            "GET /api/v1/things/{id} → 200: $.extra.k: expected number, got string \"1\"");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": "a", "either": true})"),
            "GET /api/v1/things/{id} → 200: $.either: expected string, got boolean true");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 200, R"({"id": 7, "name": "a", "one": 2})"),
            "GET /api/v1/things/{id} → 200: $.one: matches 2 schemas of oneOf, not one");
}

TEST_F(OpenApiValidator, LiteralPathsBeatParametersAndResponsesResolve) {
  EXPECT_EQ(Check("GET", "/api/v1/things/special", 200, "[1, 2]"), "");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 404, R"({"error": {"code": "not_found"}})"), "");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 404, R"({"error": {"code": "nope"}})"),
            "GET /api/v1/things/{id} → 404: $.error.code: \"nope\" is not one of "
            "[\"not_found\",\"forbidden\"]");
}

TEST_F(OpenApiValidator, StatusesAndPathsMustBeDocumented) {
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 201, R"({"id": 7, "name": "a"})"),
            "GET /api/v1/things/{id} → 201: status not documented for this operation");
  EXPECT_EQ(Check("GET", "/api/v1/nowhere", 200, "{}"),
            "GET /api/v1/nowhere → 200: the path is not in docs/api.yaml");
  EXPECT_EQ(Check("PUT", "/api/v1/things/7", 200, "{}"),
            "PUT /api/v1/things/{id} → 200: the method is not documented for this path");
  EXPECT_EQ(Check("GET", "/api/v1/plain", 200, "{}"),
            "GET /api/v1/plain → 200: the answer is JSON but the document gives no JSON content");
  // Transport errors any operation may give must still be the Error envelope.
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 401, R"({"error": {"code": "forbidden"}})"), "");
  EXPECT_EQ(Check("GET", "/api/v1/things/7", 401, R"({"oops": 1})"),
            "GET /api/v1/things/{id} → 401 (the Error envelope): $: required property 'error' is "
            "missing");
  EXPECT_EQ(Check("GET", "/api/v1/nowhere", 404, R"({"error": {"code": "not_found"}})"), "");
  // Outside the server URL nothing is checked (/healthz, the web UI).
  EXPECT_EQ(Check("GET", "/healthz", 200, R"({"status": "ok"})"), "");
}

TEST_F(OpenApiValidator, ListsOperationsWithTheServerUrl) {
  auto ops = doc.Operations();
  EXPECT_NE(std::find(ops.begin(), ops.end(),
                      std::make_pair(std::string("DELETE"), std::string("/api/v1/things/{id}"))),
            ops.end());
  EXPECT_EQ(ops.size(), 4u);
}

}  // namespace
}  // namespace keyline::testing
