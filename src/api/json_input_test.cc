#include "api/json_input.h"

#include <gtest/gtest.h>

namespace keyline::api {
namespace {

std::string Refusal(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (parsed.ok()) return "";
  return parsed.status().message_en();
}

TEST(ParseJsonObject, RefusesADuplicateKeyAtAnyDepth) {
  for (std::string_view body : {
           R"({"a":1,"a":2})",
           R"({"a":1,"b":{"c":1,"c":1}})",
           R"({"items":[{"x":1},{"y":1,"y":null}]})",
           R"({"a\u0062":1,"ab":2})",
           R"({"deep":{"er":{"still":[[{"k":"v","k":"v"}]]}}})",
       }) {
    EXPECT_NE(Refusal(body).find("duplicate key in the request body"), std::string::npos) << body;
  }
  auto dup = ParseJsonObject(R"({"name":"a","version":1,"name":"b"})");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(dup.status().message_zh(), "请求体中字段重复：name（同一对象内每个字段只能出现一次）");
  ASSERT_EQ(dup.status().details().size(), 1u);
  EXPECT_EQ(dup.status().details()[0].field, "name");
}

TEST(ParseJsonObject, TheSameKeyInDifferentObjectsIsFine) {
  for (std::string_view body : {
           R"({"a":{"id":1},"b":{"id":2},"id":3})",
           R"({"items":[{"id":1},{"id":2}]})",
           R"({"a":{"a":{"a":1}}})",
           R"({"ab":1,"a":2,"b":3})",
       }) {
    auto parsed = ParseJsonObject(body);
    EXPECT_TRUE(parsed.ok()) << body << ": " << parsed.status().message_en();
  }
}

TEST(ParseJsonObject, MalformedJsonStillSaysSo) {
  EXPECT_NE(Refusal(R"({"a":1,"a")").find("malformed JSON"), std::string::npos);
  EXPECT_NE(Refusal("[1,2]").find("must be a JSON object"), std::string::npos);
}

}  // namespace
}  // namespace keyline::api
