#include "common/json_writer.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

TEST(JsonWriterTest, WritesNestedValues) {
  JsonWriter w;
  w.BeginObject();
  w.Key("name").String("雁塔区\"第四\"中学");
  w.Key("n").Int(-42);
  w.Key("x").Double(108.95);
  w.Key("ok").Bool(true);
  w.Key("none").Null();
  w.Key("list").BeginArray().Int(1).Int(2).BeginObject().EndObject().EndArray();
  w.Key("opt").OptString(std::nullopt);
  w.EndObject();
  EXPECT_EQ(w.str(), R"({"name":"雁塔区\"第四\"中学","n":-42,"x":108.95,"ok":true,"none":null,)"
                     R"("list":[1,2,{}],"opt":null})");
}

TEST(JsonWriterTest, EscapesControlAndHostileCharacters) {
  std::string out;
  AppendJsonString(&out, std::string("a\nb\x01</script>\\", 14));
  EXPECT_EQ(out, R"("a\nb\u0001\u003c/script>\\")");
}

TEST(JsonWriterTest, ReplacesInvalidUtf8) {
  std::string out;
  AppendJsonString(&out,
                   "ok\xff\xfe"
                   "end\xe4\xb8");  // stray bytes and a truncated sequence
  EXPECT_EQ(out,
            "\"ok\xEF\xBF\xBD\xEF\xBF\xBD"
            "end\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonWriterTest, NonFiniteDoublesBecomeNull) {
  JsonWriter w;
  w.BeginArray().Double(1.0 / 0.0).Double(0.1).EndArray();
  EXPECT_EQ(w.str(), "[null,0.1]");
}

}  // namespace
}  // namespace keyline
