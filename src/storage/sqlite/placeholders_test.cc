#include "storage/sqlite/placeholders.h"

#include <gtest/gtest.h>

namespace keyline::sqlite {
namespace {

TEST(PlaceholdersTest, RewritesDollarNumbers) {
  EXPECT_EQ(RewritePlaceholders("SELECT * FROM t WHERE a = $1 AND b = $12 OR c = $1"),
            "SELECT * FROM t WHERE a = ?1 AND b = ?12 OR c = ?1");
  EXPECT_EQ(RewritePlaceholders("VALUES($1,$2)"), "VALUES(?1,?2)");
}

TEST(PlaceholdersTest, LeavesQuotedTextAndCommentsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT '$1', 'it''s $2', \"$3\", $4"),
            "SELECT '$1', 'it''s $2', \"$3\", ?4");
  EXPECT_EQ(RewritePlaceholders("SELECT $1 -- cost $2\n, $3 /* $4 */"),
            "SELECT ?1 -- cost $2\n, ?3 /* $4 */");
  EXPECT_EQ(RewritePlaceholders("SELECT [$1], `$2`, $"), "SELECT [$1], `$2`, $");
}

TEST(PlaceholdersTest, ToleratesUnterminatedRuns) {
  EXPECT_EQ(RewritePlaceholders("SELECT 'abc"), "SELECT 'abc");
  EXPECT_EQ(RewritePlaceholders("SELECT 1 /* x"), "SELECT 1 /* x");
}

}  // namespace
}  // namespace keyline::sqlite
