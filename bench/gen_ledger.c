/* gen_ledger OUT.xlsx N [SEED] [figures]: writes a realistic N-project ledger with libxlsxwriter, with the
 * features real office ledgers have: a merged title, a "单位：万元" note, a two-row header with
 * merged cells (总投资 split into 合计 / 其中：中央预算内), a 序号 column, a hidden column,
 * category headings ("一、产业项目") with 小计 rows, blank rows, amounts as numbers, as text
 * (some with full-width digits, some in 亿元), dates as date cells and as text (2025年3月,
 * 2025.03, 202503), project codes for 80% of the projects and about N/20 owner companies
 * (new to the database: the import creates them). Used by bench/run_import.sh and by
 * tests/fixtures/import/make.sh. With "figures" (issue 14) it adds the year's columns a real
 * ledger has: 2025年计划投资, 1-11月完成投资 / 金额 and / 占年度计划(%) (the share as the clerk
 * computed it, now and then wrong), 形象进度, 包抓领导 (40 names) and 建设单位统一社会信用代码 (a
 * valid code per owner; every 97th stored as a number, every 89th with a wrong check char). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static const char* kDigitsFull[] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};
static const char* kKinds[] = {"产业项目", "基础设施", "社会民生", "生态环保"};
static const char* kStages[] = {"储备", "前期", "谋划", "前期"};
static const char* kWhat[] = {"产业园", "道路改造", "学校", "污水处理厂", "物流中心", "医院",
                              "智能制造基地", "数据中心", "安置房", "公园"};

static const char* kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const char* kProgress[] = {"主体施工", "基础施工", "前期手续办理中", "装饰装修",
                                  "设备安装调试", "主体封顶", "桩基施工", "规划设计"};
static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄"};
static const char* kGiven[] = {"建国", "卫东", "晓明", "海涛", "志强"};

/* A valid 统一社会信用代码 for owner k: 91 + 610113 + a 9-char id + the GB 32100 check. */
static void credit_code(char* out, long k) {
  static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  snprintf(out, 19, "91610113MA%07ld", k % 10000000);
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (int)(strchr(kAlphabet, out[i]) - kAlphabet) * w[i];
  int c = 31 - sum % 31;
  out[17] = kAlphabet[c == 31 ? 0 : c];
  out[18] = 0;
}

static unsigned long long rng_state = 88172645463325252ULL;
static unsigned rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (unsigned)(rng_state >> 11);
}

static void full_width(char* out, size_t cap, long v) {
  char digits[32];
  snprintf(digits, sizeof digits, "%ld", v);
  out[0] = 0;
  for (char* p = digits; *p; ++p) {
    if (strlen(out) + 4 >= cap) break;
    strcat(out, kDigitsFull[*p - '0']);
  }
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: gen_ledger OUT.xlsx N [SEED]\n");
    return 2;
  }
  long n = atol(argv[2]);
  int figures = argc > 4 && strcmp(argv[4], "figures") == 0;
  if (argc > 3) rng_state ^= (unsigned long long)atoll(argv[3]) * 2654435761ULL;
  lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
  lxw_workbook* wb = workbook_new_opt(argv[1], &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "重点项目台账");
  lxw_format* date_fmt = workbook_add_format(wb);
  format_set_num_format(date_fmt, "yyyy-mm-dd");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_row_col_options hidden = {.hidden = 1};
  worksheet_set_column_opt(ws, 9, 9, 10, NULL, &hidden); /* J: 内部编号 (hidden) */

  worksheet_merge_range(ws, 0, 0, 0, figures ? 17 : 11,
                        figures ? "2025年重点项目建设进度台账（截至11月底）" : "2025年重点项目台账",
                        bold);
  worksheet_write_string(ws, 1, 11, "单位：万元", NULL);
  const char* heads[] = {"序号", "项目名称", "项目代码", "建设单位", "项目阶段", "总投资（万元）",
                         NULL, "计划开工", "计划竣工", "内部编号", "建设地点", "建设内容及规模"};
  /* constant_memory writes rows in order: both header rows first, then the merged ranges
   * (whose own cell writes go to rows already flushed and are dropped). */
  const char* more[] = {"2025年计划投资", "1-11月完成投资", NULL, "形象进度", "包抓领导",
                        "建设单位统一社会信用代码"};
  int cols = figures ? 18 : 12;
  for (int c = 0; c < cols; ++c) {
    const char* h = c < 12 ? heads[c] : more[c - 12];
    if (h) worksheet_write_string(ws, 2, c, h, bold);
  }
  worksheet_write_string(ws, 3, 5, "合计", bold);
  worksheet_write_string(ws, 3, 6, "其中：中央预算内", bold);
  if (figures) {
    worksheet_write_string(ws, 3, 13, "金额", bold);
    worksheet_write_string(ws, 3, 14, "占年度计划(%)", bold);
  }
  worksheet_merge_range(ws, 2, 5, 2, 6, heads[5], bold);
  if (figures) worksheet_merge_range(ws, 2, 13, 2, 14, more[1], bold);
  for (int c = 0; c < cols; ++c) {
    if (c == 5 || c == 6 || c == 13 || c == 14) continue;
    worksheet_merge_range(ws, 2, c, 3, c, c < 12 ? heads[c] : more[c - 12], bold);
  }

  lxw_row_t r = 4;
  long per_group = n / 4 + 1;
  long seq = 0;
  char buf[256];
  for (int g = 0; g < 4 && seq < n; ++g) {
    static const char* kNumerals[] = {"一", "二", "三", "四"};
    snprintf(buf, sizeof buf, "%s、%s", kNumerals[g], kKinds[g]);
    worksheet_write_string(ws, r++, 0, buf, bold);
    double group_total = 0;
    for (long i = 0; i < per_group && seq < n; ++i) {
      ++seq;
      worksheet_write_number(ws, r, 0, (double)seq, NULL);
      snprintf(buf, sizeof buf, "雁塔区%s%ld号%s项目", kKinds[g], seq, kWhat[rnd() % 10]);
      worksheet_write_string(ws, r, 1, buf, NULL);
      if (rnd() % 5 != 0) {
        snprintf(buf, sizeof buf, "25%02u-610113-89-01-%06ld", 1 + rnd() % 12, seq);
        worksheet_write_string(ws, r, 2, buf, NULL);
      }
      snprintf(buf, sizeof buf, "西安第%ld建设发展有限公司", 1 + (seq - 1) % (n / 20 + 1));
      worksheet_write_string(ws, r, 3, buf, NULL);
      worksheet_write_string(ws, r, 4, kStages[rnd() % 4], NULL);
      long wan = 500 + (long)(rnd() % 200000);
      group_total += (double)wan;
      switch (rnd() % 4) {
        case 0:
          worksheet_write_number(ws, r, 5, (double)wan, NULL);
          break;
        case 1:
          snprintf(buf, sizeof buf, "%ld", wan);
          worksheet_write_string(ws, r, 5, buf, NULL);
          break;
        case 2:
          full_width(buf, sizeof buf, wan);
          worksheet_write_string(ws, r, 5, buf, NULL);
          break;
        default:
          snprintf(buf, sizeof buf, "%ld.%04ld亿元", wan / 10000, wan % 10000);
          worksheet_write_string(ws, r, 5, buf, NULL);
      }
      if (rnd() % 3 == 0) worksheet_write_number(ws, r, 6, (double)(wan / 10), NULL);
      int year = 2026 + (int)(rnd() % 2), month = 1 + (int)(rnd() % 12);
      switch (rnd() % 3) {
        case 0: {
          lxw_datetime dt = {year, month, 1, 0, 0, 0};
          worksheet_write_datetime(ws, r, 7, &dt, date_fmt);
          break;
        }
        case 1:
          snprintf(buf, sizeof buf, "%d年%d月", year, month);
          worksheet_write_string(ws, r, 7, buf, NULL);
          break;
        default:
          snprintf(buf, sizeof buf, "%d.%02d", year, month);
          worksheet_write_string(ws, r, 7, buf, NULL);
      }
      snprintf(buf, sizeof buf, "%d%02d", year + 2, month);
      worksheet_write_number(ws, r, 8, atof(buf), NULL);
      snprintf(buf, sizeof buf, "NB-%ld", seq);
      worksheet_write_string(ws, r, 9, buf, NULL);
      worksheet_write_string(ws, r, 10, "雁塔区", NULL);
      snprintf(buf, sizeof buf, "新建%s，建筑面积%u平方米", kWhat[rnd() % 10], 1000 + rnd() % 90000);
      worksheet_write_string(ws, r, 11, buf, NULL);
      if (figures) {
        long plan = wan / 4 + 100;
        long done = (long)(plan * (0.3 + (rnd() % 100) / 100.0));
        worksheet_write_number(ws, r, 12, (double)plan, NULL);
        worksheet_write_number(ws, r, 13, (double)done, NULL);
        snprintf(buf, sizeof buf, "%.1f", 100.0 * done / plan + (rnd() % 50 == 0 ? 3 : 0));
        worksheet_write_string(ws, r, 14, buf, NULL);
        worksheet_write_string(ws, r, 15, kProgress[rnd() % 8], NULL);
        long who = rnd() % 40;
        snprintf(buf, sizeof buf, "%s%s", kSurnames[who % 8], kGiven[who / 8]);
        worksheet_write_string(ws, r, 16, buf, NULL);
        long owner = 1 + (seq - 1) % (n / 20 + 1);
        credit_code(buf, owner);
        if (owner % 97 == 0) {
          worksheet_write_number(ws, r, 17, 916101130000000000.0 + (double)owner, NULL);
        } else {
          if (owner % 89 == 0) buf[17] = buf[17] == '1' ? '2' : '1';
          worksheet_write_string(ws, r, 17, buf, NULL);
        }
      }
      ++r;
      if (rnd() % 200 == 0) ++r; /* a blank row */
    }
    worksheet_write_string(ws, r, 1, "小计", bold);
    worksheet_write_number(ws, r, 5, group_total, NULL);
    ++r;
  }
  worksheet_write_string(ws, r, 0, "合计", bold);
  if (workbook_close(wb) != LXW_NO_ERROR) {
    fprintf(stderr, "gen_ledger: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
