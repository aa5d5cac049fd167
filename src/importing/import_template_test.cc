// The import templates' headers map back to their fields by themselves (fields.h).
#include "importing/import_template.h"

#include <gtest/gtest.h>

namespace keyline::importing {
namespace {

void ExpectRoundTrip(ImportKind kind, std::optional<int> period) {
  std::vector<TemplateColumn> columns = TemplateColumns(kind, period);
  std::vector<std::string> headers;
  for (const TemplateColumn& c : columns) headers.push_back(c.header);
  std::vector<std::optional<std::string>> fields = SuggestMapping(kind, headers);
  ASSERT_EQ(fields.size(), columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    EXPECT_EQ(fields[i].value_or("-"), columns[i].field) << columns[i].header;
    EXPECT_NE(FindField(kind, columns[i].field), nullptr) << columns[i].field;
  }
}

TEST(ImportTemplate, LedgerHeadersMapToTheirFields) {
  ExpectRoundTrip(ImportKind::kLedger, std::nullopt);
  ExpectRoundTrip(ImportKind::kLedger, 202611);
  std::vector<TemplateColumn> dated = TemplateColumns(ImportKind::kLedger, 202611);
  bool named = false;
  for (const TemplateColumn& c : dated) named = named || c.header == "1-11月完成投资（万元）";
  EXPECT_TRUE(named);
}

TEST(ImportTemplate, ReportHeadersMapToTheirFields) {
  ExpectRoundTrip(ImportKind::kReports, 202611);
  std::vector<TemplateColumn> columns = TemplateColumns(ImportKind::kReports, 202611);
  ASSERT_EQ(columns.size(), 5u);
  EXPECT_EQ(columns[0].header, "项目代码");
  EXPECT_TRUE(columns[2].amount);
}

}  // namespace
}  // namespace keyline::importing
