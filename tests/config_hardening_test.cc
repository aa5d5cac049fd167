// The serve options that harden the server: hashing budget, connection limits, the metrics token.
#include <gtest/gtest.h>

#include <fstream>

#include "app/config.h"
#include "testing/test_env.h"

namespace keyline {
namespace {

TEST(ConfigHardening, DefaultsAndServeOptions) {
  auto defaults = ParseConfig({"serve"});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->hash_concurrency, 2);
  EXPECT_EQ(defaults->hash_wait_ms, 1000);
  EXPECT_EQ(defaults->max_connections_per_address, 64u);
  EXPECT_EQ(defaults->header_timeout_seconds, 10);
  EXPECT_EQ(defaults->metrics_token, "");

  auto c = ParseConfig({"serve", "--hash-concurrency", "4", "--hash-wait-ms", "250",
                        "--max-connections-per-address", "8", "--header-timeout-seconds", "3"});
  ASSERT_TRUE(c.ok()) << c.status().message_en();
  EXPECT_EQ(c->hash_concurrency, 4);
  EXPECT_EQ(c->hash_wait_ms, 250);
  EXPECT_EQ(c->max_connections_per_address, 8u);
  EXPECT_EQ(c->header_timeout_seconds, 3);

  const std::vector<std::vector<std::string>> bads = {
      {"serve", "--hash-concurrency", "0"},
      {"serve", "--hash-wait-ms", "-1"},
      {"serve", "--max-connections-per-address", "0"},
      {"serve", "--header-timeout-seconds", "0"},
      {"serve", "--metrics-token-file", "/nonexistent/token"},
  };
  for (const auto& bad : bads) {
    auto r = ParseConfig(bad);
    ASSERT_FALSE(r.ok()) << bad[1];
    EXPECT_NE(r.status().message_zh().find("命令行参数错误"), std::string::npos);
    EXPECT_NE(r.status().message_en().find(bad[1]), std::string::npos) << r.status().message_en();
  }
}

TEST(ConfigHardening, MetricsTokenFromAFile) {
  testing::TempDir dir;
  std::string path = dir.path() + "/token";
  std::ofstream(path) << "  0123456789abcdef-metrics  \nsecond line ignored\n";
  auto c = ParseConfig({"serve", "--metrics-token-file", path});
  ASSERT_TRUE(c.ok()) << c.status().message_en();
  EXPECT_EQ(c->metrics_token, "0123456789abcdef-metrics");
  std::ofstream(path) << "short\n";
  auto weak = ParseConfig({"serve", "--metrics-token-file", path});
  ASSERT_FALSE(weak.ok());
  EXPECT_NE(weak.status().message_en().find("16 characters"), std::string::npos);
}

}  // namespace
}  // namespace keyline
