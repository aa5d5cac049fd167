// Every audited entity kind is typed and mapped for the change feed: the table and the fact rule
// cover each enum value; every entity a service audits in src/ is in the table (a service that
// audits an unmapped entity fails this test, and its write fails at run time).
#include "core/model/audit_entity.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace keyline {
namespace {

TEST(AuditEntityTest, EveryKindHasOneCodeAndRoundTrips) {
  std::set<std::string_view> codes;
  for (const auto& e : AuditEntityTable()) {
    EXPECT_TRUE(codes.insert(e.code).second) << "duplicate code " << e.code;
    EXPECT_FALSE(e.zh.empty()) << e.code;
    EXPECT_EQ(ParseAuditEntity(e.code), e.value);
    EXPECT_EQ(AuditEntityCode(e.value), e.code);
  }
  // The enum is dense from kAnnualPlan to kUser: the table names each value exactly once.
  EXPECT_EQ(AuditEntityTable().size(), static_cast<size_t>(AuditEntity::kUser) + 1);
  EXPECT_FALSE(ParseAuditEntity("thing"));
}

// Walks every kind: the rule gives a project or lead for a well-formed entry, and refuses an
// entry that lacks what the rule reads.
TEST(AuditEntityTest, EveryKindMapsToItsFacts) {
  for (const auto& e : AuditEntityTable()) {
    SCOPED_TRACE(std::string(e.code));
    AuditFactRule rule = AuditFactRuleOf(e.value);
    auto mapped = AuditScopeOf(e.value, "7/42", R"({"project_id":9,"lead_id":5})",
                               R"({"project_id":11,"lead_id":6})");
    ASSERT_TRUE(mapped.ok()) << mapped.status().ToString();
    auto bare = AuditScopeOf(e.value, "", "", R"({"name":"x"})");
    switch (rule) {
      case AuditFactRule::kNone:
        EXPECT_EQ(mapped->project_id, 0);
        EXPECT_EQ(mapped->lead_id, 0);
        EXPECT_TRUE(bare.ok());
        break;
      case AuditFactRule::kProjectFromId:
        EXPECT_EQ(mapped->project_id, 7);
        EXPECT_FALSE(bare.ok());
        break;
      case AuditFactRule::kProjectFromIdSecond:
        EXPECT_EQ(mapped->project_id, 42);
        EXPECT_FALSE(bare.ok());
        break;
      case AuditFactRule::kProjectFromJson:
        EXPECT_EQ(mapped->project_id, 11) << "after_json wins over before_json";
        EXPECT_FALSE(bare.ok());
        break;
      case AuditFactRule::kLeadFromId:
        EXPECT_EQ(mapped->lead_id, 7);
        EXPECT_EQ(mapped->project_id, 11);
        EXPECT_FALSE(bare.ok());
        break;
      case AuditFactRule::kLeadFromJson:
        EXPECT_EQ(mapped->lead_id, 6);
        EXPECT_FALSE(bare.ok());
        break;
    }
  }
}

TEST(AuditEntityTest, DeletionsReadTheBeforeImageAndNullProjectsAreAllowedForLeads) {
  auto deleted = AuditScopeOf(AuditEntity::kAssignment, "3", R"({"id":3,"project_id":8})", "");
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->project_id, 8);
  auto lead = AuditScopeOf(AuditEntity::kLead, "4", "", R"({"id":4,"project_id":null})");
  ASSERT_TRUE(lead.ok());
  EXPECT_EQ(lead->lead_id, 4);
  EXPECT_EQ(lead->project_id, 0);
  auto renamed = AuditScopeOf(AuditEntity::kProblem, "1", "", R"({"id":1,"projectId":8})");
  ASSERT_FALSE(renamed.ok());
  EXPECT_NE(renamed.status().message_en().find("project_id"), std::string::npos);
  EXPECT_NE(renamed.status().message_zh().find("problem"), std::string::npos);
}

// Every string literal entity passed to AuditLog::Record in src/ (…Record(tx, caller, "action",
// "entity", …)) must be an AuditEntity code.
TEST(AuditEntityTest, EveryEntityAuditedInTheSourcesIsMapped) {
  std::regex call(R"re(Record\(\s*\w+\s*,\s*[\w:()"]+\s*,\s*"[a-z_]+"\s*,\s*"([a-z_]+)")re");
  int calls = 0;
  for (const auto& f :
       std::filesystem::recursive_directory_iterator(std::string(KEYLINE_SOURCE_DIR) + "/src")) {
    std::string path = f.path().string();
    if (f.path().extension() != ".cc" || path.find("_test.cc") != std::string::npos) continue;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), call), end; it != end; ++it) {
      ++calls;
      EXPECT_TRUE(ParseAuditEntity((*it)[1].str())) << path << " audits " << (*it)[1].str();
    }
  }
  EXPECT_GT(calls, 60) << "the pattern no longer finds the audit calls";
}

}  // namespace
}  // namespace keyline
