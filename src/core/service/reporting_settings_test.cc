#include "core/service/reporting_settings.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

TEST(ReportingSettingsTest, StoredFormsRoundTrip) {
  ReportWindowRule rule{20, 3, 8};
  ReportWindowRule back = DecodeRule(EncodeRule(rule));
  EXPECT_EQ(back.open_day, 20);
  EXPECT_EQ(back.due_working_day, 3);
  EXPECT_EQ(back.lock_working_day, 8);
  ReportRules rules{false, 2.5, 4, Money{123456789}, false};
  ReportRules r = DecodeRules(EncodeRules(rules));
  EXPECT_FALSE(r.cumulative_over_total_is_error);
  EXPECT_DOUBLE_EQ(r.plan_factor, 2.5);
  EXPECT_DOUBLE_EQ(r.history_factor, 4);
  EXPECT_EQ(r.min_flag_amount.cents, 123456789);
  EXPECT_FALSE(r.flag_progress_regression);
  // Missing keys keep the defaults.
  EXPECT_EQ(DecodeRule("open_day=10").due_working_day, ReportWindowRule{}.due_working_day);
}

}  // namespace
}  // namespace keyline
