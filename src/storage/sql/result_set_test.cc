#include <gtest/gtest.h>

#include "storage/sql/database.h"

namespace keyline::sql {
namespace {

ResultSet OneRow(std::vector<Value> row) {
  ResultSet rs;
  rs.rows.push_back(std::move(row));
  return rs;
}

TEST(ResultSetTest, AccessorsConvertBetweenTypes) {
  ResultSet rs = OneRow({int64_t{42}, 2.5, std::string("17"), Null(), std::string("abc")});
  EXPECT_EQ(rs.GetInt(0, 0), 42);
  EXPECT_EQ(rs.GetDouble(0, 0), 42.0);
  EXPECT_EQ(rs.GetText(0, 0), "42");
  EXPECT_EQ(rs.GetDouble(0, 1), 2.5);
  EXPECT_EQ(rs.GetInt(0, 1), 2);
  EXPECT_EQ(rs.GetText(0, 1), "2.5");
  EXPECT_EQ(rs.GetInt(0, 2), 17);  // text is parsed
  EXPECT_EQ(rs.GetDouble(0, 2), 17.0);
  EXPECT_EQ(rs.GetInt(0, 4, -1), -1);  // unparseable text: fallback
  EXPECT_EQ(rs.GetOptInt(0, 4), std::nullopt);
}

TEST(ResultSetTest, NullGivesFallbacks) {
  ResultSet rs = OneRow({Null()});
  EXPECT_TRUE(rs.IsNull(0, 0));
  EXPECT_EQ(rs.GetInt(0, 0, 7), 7);
  EXPECT_EQ(rs.GetDouble(0, 0, 1.5), 1.5);
  EXPECT_EQ(rs.GetText(0, 0), "");
  EXPECT_EQ(rs.GetOptInt(0, 0), std::nullopt);
  EXPECT_EQ(rs.GetOptDouble(0, 0), std::nullopt);
  EXPECT_EQ(rs.GetOptText(0, 0), std::nullopt);
}

TEST(ResultSetTest, OptHelpersBuildValues) {
  EXPECT_TRUE(std::holds_alternative<std::monostate>(Opt(std::optional<std::string>())));
  EXPECT_EQ(std::get<std::string>(Opt(std::optional<std::string>("x"))), "x");
  EXPECT_EQ(std::get<int64_t>(Opt(std::optional<int64_t>(3))), 3);
  EXPECT_EQ(std::get<double>(Opt(std::optional<double>(0.5))), 0.5);
}

}  // namespace
}  // namespace keyline::sql
