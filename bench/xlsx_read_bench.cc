// Measures the streaming .xlsx reader on a generated ledger: ROWS × COLS (default 100,000 × 30)
// written by libxlsxwriter with shared strings (as Excel and WPS write them): a 序号, a unique
// project name, a repeated unit name, amounts, dates with a date format, text codes.
//   xlsx_read_bench [ROWS] [COLS]
// The workbook is generated in a child process, so the peak RSS printed is the reader's own.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "xlsx/workbook_reader.h"

namespace {

int Generate(const std::string& path, int rows, int cols) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "项目台账");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range(ws, 0, 0, 0, cols - 1, "重点项目台账", nullptr);
  for (int c = 0; c < cols; ++c) {
    worksheet_write_string(ws, 1, c, ("字段" + std::to_string(c)).c_str(), nullptr);
  }
  const char* units[] = {"区住建局", "区教育局", "区卫健局", "区交通局", "区水务局"};
  for (int r = 0; r < rows; ++r) {
    int row = r + 2;
    for (int c = 0; c < cols; ++c) {
      switch (c % 6) {
        case 0:
          worksheet_write_number(ws, row, c, r + 1 + c, nullptr);
          break;
        case 1:
          worksheet_write_string(
              ws, row, c, ("项目" + std::to_string(r) + "-" + std::to_string(c)).c_str(), nullptr);
          break;
        case 2:
          worksheet_write_string(ws, row, c, units[(r + c) % 5], nullptr);
          break;
        case 3:
          worksheet_write_number(ws, row, c, (r * 37 % 100000) / 7.0, nullptr);
          break;
        case 4:
          worksheet_write_number(ws, row, c, 45000 + r % 1000, date);
          break;
        default:
          worksheet_write_string(ws, row, c, ("BL-" + std::to_string(r % 997)).c_str(), nullptr);
      }
    }
  }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
  int cols = argc > 2 ? std::atoi(argv[2]) : 30;
  char path[] = "/tmp/xlsx_read_bench_XXXXXX.xlsx";
  int fd = mkstemps(path, 5);
  if (fd < 0) return 1;
  close(fd);
  auto gen_start = std::chrono::steady_clock::now();
  pid_t child = fork();
  if (child == 0) _exit(Generate(path, rows, cols));
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    std::fprintf(stderr, "generation failed\n");
    return 1;
  }
  double gen_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - gen_start).count();
  long file_bytes = 0;
  if (FILE* f = std::fopen(path, "rb")) {
    std::fseek(f, 0, SEEK_END);
    file_bytes = std::ftell(f);
    std::fclose(f);
  }

  auto start = std::chrono::steady_clock::now();
  auto reader = keyline::xlsx::WorkbookReader::OpenFile(path);
  if (!reader.ok()) {
    std::fprintf(stderr, "%s\n", reader.status().ToString().c_str());
    return 1;
  }
  double open_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  keyline::xlsx::SheetLayout layout;
  int64_t delivered = 0, cells = 0;
  keyline::Status s = (*reader)->ReadSheet(0, layout, [&](const keyline::xlsx::Row& row) {
    ++delivered;
    cells += static_cast<int64_t>(row.cells.size());
    return keyline::Status::Ok();
  });
  double total_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  unlink(path);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("file: %d rows x %d cols, %.1f MB (generated in %.1f s)\n", rows, cols,
              file_bytes / 1048576.0, gen_s);
  std::printf(
      "read: %lld rows, %lld cells, %zu merged ranges; open (styles + shared strings) "
      "%.3f s, total %.3f s, %.0f rows/s\n",
      static_cast<long long>(delivered), static_cast<long long>(cells), layout.merged.size(),
      open_s, total_s, delivered / total_s);
  double cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                 usage.ru_stime.tv_usec / 1e6;
  std::printf("reader CPU time (user + sys): %.3f s, %.0f rows per CPU second\n", cpu_s,
              delivered / cpu_s);
  std::printf("peak RSS of the reader process: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
