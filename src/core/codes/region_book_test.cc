#include "core/codes/region_book.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace keyline::codes {
namespace {

// The shipped file, read from the source tree.
const RegionBook& Shipped() {
  static const RegionBook* book = [] {
    std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/reference/regions-cn.csv");
    std::stringstream ss;
    ss << in.rdbuf();
    Result<RegionBook> parsed = RegionBook::ParseCsv(ss.str());
    EXPECT_TRUE(parsed.ok()) << parsed.status().message_en();
    return new RegionBook(parsed.ok() ? std::move(*parsed) : RegionBook());
  }();
  return *book;
}

std::vector<std::string> Names(const std::vector<const RegionEntry*>& entries) {
  std::vector<std::string> out;
  for (const RegionEntry* e : entries) out.push_back(e->name);
  return out;
}

TEST(RegionBookTest, ParsesAndAnswersChainsAndChildren) {
  auto book = RegionBook::ParseCsv(
      "# a comment\n"
      "code,name,parent_code\n"
      "610000,陕西省,\n"
      "610100,西安市,610000\r\n"
      "\n"
      "610113,雁塔区,610100\n"
      "610113002,大雁塔街道,610113\n"
      "610113001,小寨路街道,610113\n");
  ASSERT_TRUE(book.ok()) << book.status().message_en();
  EXPECT_EQ(book->size(), 5u);
  ASSERT_NE(book->Find("610113"), nullptr);
  EXPECT_EQ(book->Find("610113")->name, "雁塔区");
  EXPECT_EQ(book->Find("610113")->parent_code, "610100");
  EXPECT_EQ(book->Find("610000")->parent_code, "");
  EXPECT_EQ(book->Find("610199"), nullptr);
  EXPECT_EQ(Names(book->Chain("610113")), (std::vector<std::string>{"陕西省", "西安市", "雁塔区"}));
  EXPECT_EQ(Names(book->Chain("610000")), (std::vector<std::string>{"陕西省"}));
  EXPECT_TRUE(book->Chain("999999").empty());
  // Children by code, whatever the file order.
  EXPECT_EQ(Names(book->Children("610113")),
            (std::vector<std::string>{"小寨路街道", "大雁塔街道"}));
  EXPECT_TRUE(book->Children("610113001").empty());
  EXPECT_EQ(Names(book->FindByName("塔", 5, false)),
            (std::vector<std::string>{"雁塔区", "大雁塔街道"}));
  EXPECT_EQ(Names(book->FindByName("塔", 5, true)), std::vector<std::string>{"雁塔区"});
  EXPECT_EQ(Names(book->FindByName("街道", 1, false)), std::vector<std::string>{"小寨路街道"});
  EXPECT_TRUE(book->FindByName("", 5, false).empty());
  EXPECT_EQ(Names(book->Descendants("610000")),
            (std::vector<std::string>{"西安市", "雁塔区", "小寨路街道", "大雁塔街道"}));
}

TEST(RegionBookTest, RefusesBadLinesNamingThem) {
  struct Case {
    const char* csv;
    const char* en;
  };
  for (const Case& c : {
           Case{"610000,陕西省\n", "line 1: expected code,name,parent_code"},
           Case{"610000,陕西省,,x\n", "line 1: expected code,name,parent_code"},
           Case{"#\n61000,陕西省,\n", "line 2: region code 61000"},
           Case{"990000,无,\n", "line 1: region code 990000"},
           Case{"610000,,\n", "line 1: the name is empty"},
           Case{"610000,陕西省,\n610000,陕西,\n", "line 2: code listed twice"},
           Case{"610000,陕西省,\n610113,雁塔区,610100\n", "line 2: unknown parent 610100"},
           Case{"610000,陕西省,610000\n", "line 1: a region cannot be its own parent"},
           Case{"610100,西安市,610113\n610113,雁塔区,610100\n", "form a cycle"},
       }) {
    auto book = RegionBook::ParseCsv(c.csv);
    ASSERT_FALSE(book.ok()) << c.csv;
    EXPECT_NE(book.status().message_en().find(c.en), std::string::npos)
        << c.csv << " → " << book.status().message_en();
    EXPECT_NE(book.status().message_zh().find("区划数据"), std::string::npos);
  }
}

TEST(RegionBookTest, TheShippedFileHasEveryCountyAndItsTowns) {
  const RegionBook& book = Shipped();
  EXPECT_GT(book.size(), 44000u);
  EXPECT_EQ(Names(book.Chain("610113")), (std::vector<std::string>{"陕西省", "西安市", "雁塔区"}));
  std::vector<std::string> towns = Names(book.Children("610113"));
  EXPECT_EQ(towns.size(), 10u);
  EXPECT_EQ(towns.front(), "小寨路街道");
  EXPECT_NE(std::find(towns.begin(), towns.end(), "电子城街道"), towns.end());
  EXPECT_EQ(book.Find("610113004")->name, "电子城街道");
  EXPECT_EQ(book.Find("610113004")->parent_code, "610113");
  // 34 provinces less 台湾, 香港, 澳门 (not in the statistical code list).
  size_t provinces = 0;
  for (int p = 10; p < 100; ++p) provinces += book.Find(std::to_string(p) + "0000") != nullptr;
  EXPECT_EQ(provinces, 31u);
  // A municipality's districts and a province's directly administered county-level cities hang
  // under the province: the statistical placeholders (市辖区, 省直辖县级行政区划) are not regions.
  EXPECT_EQ(Names(book.Chain("110101")), (std::vector<std::string>{"北京市", "东城区"}));
  EXPECT_EQ(book.Find("110100"), nullptr);
  EXPECT_EQ(Names(book.Chain("419001")), (std::vector<std::string>{"河南省", "济源市"}));
  EXPECT_EQ(Names(book.Chain("500229")), (std::vector<std::string>{"重庆市", "城口县"}));
  // A prefecture without counties has its towns directly below it.
  EXPECT_EQ(Names(book.Chain("441900003")),
            (std::vector<std::string>{"广东省", "东莞市", "东城街道"}));
  // Every county (6 digits, not ending in 00) is under a prefecture or a province.
  size_t counties = 0;
  for (const char* code : {"610116", "610122", "650102", "540102", "460100"}) {
    counties += book.Find(code) != nullptr;
  }
  EXPECT_EQ(counties, 5u);
}

}  // namespace
}  // namespace keyline::codes
