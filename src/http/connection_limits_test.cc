#include "http/connection_limits.h"

#include <gtest/gtest.h>

#include "http/metrics_access.h"

namespace keyline::http {
namespace {

TEST(ConnectionLimits, CapsEachAddressAndTheTotal) {
  ConnectionLimits limits(/*max_total=*/5, /*max_per_address=*/2);
  EXPECT_TRUE(limits.TryOpen("127.0.0.2"));
  EXPECT_TRUE(limits.TryOpen("127.0.0.2"));
  EXPECT_FALSE(limits.TryOpen("127.0.0.2")) << "third from one address";
  EXPECT_EQ(limits.open_from("127.0.0.2"), 2u);
  EXPECT_TRUE(limits.TryOpen("127.0.0.1")) << "another address still gets in";
  EXPECT_TRUE(limits.TryOpen("10.0.0.1"));
  EXPECT_TRUE(limits.TryOpen("10.0.0.2"));
  EXPECT_FALSE(limits.TryOpen("10.0.0.3")) << "the total is reached";
  EXPECT_EQ(limits.open(), 5u);
  limits.Close("127.0.0.2");
  EXPECT_TRUE(limits.TryOpen("10.0.0.3"));
  limits.Close("unknown");  // never opened: ignored
  EXPECT_EQ(limits.open(), 5u);
  for (const char* a : {"127.0.0.2", "127.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.3"}) {
    limits.Close(a);
  }
  EXPECT_EQ(limits.open(), 0u);
  EXPECT_EQ(limits.open_from("127.0.0.2"), 0u);
}

TEST(MetricsAccess, LoopbackOnlyWithoutAToken) {
  EXPECT_EQ(CheckMetricsAccess("127.0.0.1", "", ""), MetricsAccess::kAllowed);
  EXPECT_EQ(CheckMetricsAccess("127.3.4.5", "", ""), MetricsAccess::kAllowed);
  EXPECT_EQ(CheckMetricsAccess("::1", "", ""), MetricsAccess::kAllowed);
  EXPECT_EQ(CheckMetricsAccess("::ffff:127.0.0.1", "", ""), MetricsAccess::kAllowed);
  EXPECT_EQ(CheckMetricsAccess("192.0.2.2", "", ""), MetricsAccess::kNotLoopback);
  EXPECT_EQ(CheckMetricsAccess("10.127.0.1", "", ""), MetricsAccess::kNotLoopback);
  EXPECT_EQ(CheckMetricsAccess("::ffff:10.0.0.1", "", ""), MetricsAccess::kNotLoopback);
  EXPECT_EQ(CheckMetricsAccess("fd00::2", "Bearer anything", ""), MetricsAccess::kNotLoopback);
}

TEST(MetricsAccess, WithATokenEveryClientMustSendIt) {
  const std::string token = "s3cret-metrics-token";
  EXPECT_EQ(CheckMetricsAccess("192.0.2.2", "Bearer " + token, token), MetricsAccess::kAllowed);
  EXPECT_EQ(CheckMetricsAccess("127.0.0.1", "Bearer " + token, token), MetricsAccess::kAllowed);
  EXPECT_EQ(CheckMetricsAccess("127.0.0.1", "", token), MetricsAccess::kBadToken)
      << "a local reverse proxy must not open it";
  EXPECT_EQ(CheckMetricsAccess("192.0.2.2", "Bearer s3cret-metrics-tokeX", token),
            MetricsAccess::kBadToken);
  EXPECT_EQ(CheckMetricsAccess("192.0.2.2", "Bearer " + token + "x", token),
            MetricsAccess::kBadToken);
  EXPECT_EQ(CheckMetricsAccess("192.0.2.2", "Basic " + token, token), MetricsAccess::kBadToken);
  EXPECT_EQ(CheckMetricsAccess("192.0.2.2", token, token), MetricsAccess::kBadToken);
}

}  // namespace
}  // namespace keyline::http
