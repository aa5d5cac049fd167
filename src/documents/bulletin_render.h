// The bulletin's three renderings. All start from LayOutBulletin(data).
//   HTML  one self-contained printable page (A4 print CSS, 仿宋/宋体 body, 小标宋 title,
//         red rule under the 文号 line, tables with repeated headers when printed)
//   PDF   cairo + pango: A4 pages, Noto Serif/Sans CJK SC, tables broken across pages with the
//         header row repeated, page numbers "— N —" centred at the foot
//   xlsx  one sheet per table (总体情况, 开工竣工投产, 五率, 排名, 红灯, 黄灯, 逾期问题)
#pragma once

#include <string>

#include "common/result.h"
#include "documents/bulletin_document.h"

namespace keyline::documents {

std::string RenderBulletinHtml(const BulletinDocument& doc);
Result<std::string> RenderBulletinPdf(const BulletinDocument& doc);
Result<std::string> RenderBulletinXlsx(const BulletinDocument& doc);

// HTML text escaping (& < > " ').
std::string HtmlEscape(std::string_view s);

}  // namespace keyline::documents
