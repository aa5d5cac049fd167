// Runs the keyline binary as a real process, and gives each test a fresh database of its
// backend (a SQLite file in a temporary directory, or a new PostgreSQL database; skipped when
// PostgreSQL is not available): tests/cli_test.cc, tests/first_day_test.cc.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "testing/test_env.h"
#include "tests/test_server.h"

namespace keyline::testing {

class FreshDatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      dir_ = std::make_unique<TempDir>();
      db_ = "sqlite:" + dir_->path() + "/keyline.db";
      return;
    }
    KL_ASSIGN_FRESH_PG_URL_OR_SKIP(db_);
  }
  std::unique_ptr<TempDir> dir_;
  std::string db_;
};

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

inline CliRun Keyline(const std::string& args, const std::string& stdin_text = "") {
  std::string cmd = std::string(KEYLINE_BINARY) + " " + args + " 2>&1";
  std::string input_file;
  if (!stdin_text.empty()) {
    input_file =
        std::filesystem::temp_directory_path() / ("keyline_stdin_" + std::to_string(getpid()));
    FILE* f = std::fopen(input_file.c_str(), "w");
    std::fputs(stdin_text.c_str(), f);
    std::fclose(f);
    cmd += " < " + input_file;
  } else {
    cmd += " < /dev/null";
  }
  CliRun run;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (!input_file.empty()) std::filesystem::remove(input_file);
  return run;
}

}  // namespace keyline::testing
