// The CLI of documents out, run as the system (admin scope: the whole database):
//   keyline export ledger --out FILE.xlsx [--stage S] [--level L] [--category C] [--unit ID]
//                         [--leader ID] [--region CODE] [--industry CODE] [--year Y] [--q TEXT]
//                         [--investment-min WAN] [--investment-max WAN] [--sort F] [--order O]
//   keyline export oc4ids --out FILE.json [--project ID]...
//   keyline bulletin --period YYYYMM --format pdf|html|xlsx --out FILE [--version N]
//                    [--draft yes]   (the issued version when there is one, else the draft)
//   keyline bulletin issue --period YYYYMM [--reason TEXT]   (印发: the next version)
// The filters are those of GET /projects (read by the same code). Returns the exit status:
// 0 written, 1 failed (bilingual message on stderr), 2 bad command line.
#pragma once

#include <string>
#include <vector>

namespace keyline {

class KeylineApp;

int ExportCommand(KeylineApp& app, const std::vector<std::string>& args);
int BulletinCommand(KeylineApp& app, const std::vector<std::string>& args);

}  // namespace keyline
