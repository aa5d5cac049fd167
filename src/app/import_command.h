// `keyline import ledger FILE.xlsx [--dry-run] [--sheet N] [--skip-errors]` and
// `keyline import reports FILE.xlsx --period YYYYMM [--dry-run] [--skip-errors]`: the dry run
// (columns and their fields, the summary, every problem row in Chinese and English), then,
// without --dry-run, the import in one transaction as the system user. Exit code 0 on success,
// 1 when there are error rows (nothing is written unless --skip-errors) or the file is refused,
// 2 for a bad command line.
#pragma once

#include <string>
#include <vector>

namespace keyline {

class KeylineApp;

int ImportCommand(KeylineApp& app, const std::vector<std::string>& args);

}  // namespace keyline
