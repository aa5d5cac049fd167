// Replays the committed fuzz corpus (fuzz/corpus/xlsx) through the reader in the normal build,
// so CI runs every input the fuzzer kept: none may crash, hang or trip a sanitizer.
#include <gtest/gtest.h>

#include <filesystem>

#include "xlsx/fuzz_input.h"
#include "xlsx/test_util.h"

namespace keyline::xlsx {
namespace {

TEST(XlsxFuzzCorpus, EveryInputReadsOrFailsCleanly) {
  std::filesystem::path dir = std::string(KEYLINE_SOURCE_DIR) + "/fuzz/corpus/xlsx";
  int files = 0, opened = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    std::string bytes = testing::ReadFileBytes(entry.path().string());
    SCOPED_TRACE(entry.path().filename().string());
    if (testing::RunXlsxFuzzInput(bytes) >= 0) ++opened;
  }
  EXPECT_GE(files, 6);
  EXPECT_GE(opened, 4);  // at least the real-writer fixtures open
}

}  // namespace
}  // namespace keyline::xlsx
