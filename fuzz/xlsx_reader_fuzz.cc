// libFuzzer target of the .xlsx reader: OpenBytes + ReadSheet on every sheet. Build with
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
//         -DKEYLINE_FUZZ=ON -DKEYLINE_BENCH=OFF && ninja -C build-fuzz xlsx_reader_fuzz
//   build-fuzz/xlsx_reader_fuzz -max_len=200000 -rss_limit_mb=2048 NEW_CORPUS fuzz/corpus/xlsx
// Input format: see src/xlsx/fuzz_input.h.
#include <cstddef>
#include <cstdint>

#include "xlsx/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  keyline::xlsx::testing::RunXlsxFuzzInput(
      std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
