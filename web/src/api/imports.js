// 台账导入 / 月报导入 (sheet: 0-based index), ledger export, OC4IDS and the 月度通报.
import { api, apiUrl } from './client.js';
import { can } from '../session.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// period (YYYYMM, optional): the month the ledger's year-to-date figures run to; by default the
// server reads it from the headers (2023年计划投资, 1-12月完成投资) or the title (截至12月底).
export const uploadLedger = (file, sheet, period) =>
  api.upload('/imports/ledger', file, { sheet, filename: file.name, ...(period ? { period } : {}) }, { contentType: XLSX_TYPE });
export const uploadReports = (file, period, sheet) =>
  api.upload('/imports/reports', file, { period, sheet, filename: file.name }, { contentType: XLSX_TYPE });
export const getImport = (id) => api.get(`/imports/${id}`);
export const saveMapping = (id, columns) => api.put(`/imports/${id}/mapping`, { columns });
export const confirmImport = (id, body) => api.post(`/imports/${id}/confirm`, body || {});

// Downloads (same-origin cookie; the browser saves them).
export const ledgerXlsxUrl = (query) => apiUrl(`/projects/export.xlsx${qs(query)}`);
export const oc4idsUrl = () => apiUrl('/oc4ids');
// 下载模板: the .xlsx to fill (reports: the caller's projects due for the period).
export const templateUrl = (kind, period) => apiUrl(`/imports/templates/${kind}${period ? `?period=${period}` : ''}`);
// The bulletin file: the issued version (the newest, or `version`), or the live draft (draft).
export const bulletinUrl = (period, format, { version, draft } = {}) =>
  apiUrl(`/bulletins/${period}?format=${format}${version ? `&version=${version}` : ''}${draft ? '&draft=1' : ''}`);
// 印发: issue the period's bulletin (reason from version 2) and list its versions.
export const issueBulletin = (period, reason) => api.post(`/bulletins/${period}/issue`, reason ? { reason } : {});
export const bulletinVersions = (period) => api.get(`/bulletins/${period}/versions`);

function qs(query) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'limit' || k === 'offset') continue;
    sp.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export const canImportLedger = () => can('import_ledger');
export const canImportReports = () => can('import_reports');
// The server's capability flags (session `can`): who imports, issues and reads issued bulletins.
export const canIssueBulletin = () => can('issue_bulletin');
export const readsIssuedBulletin = () => can('read_issued_bulletins');
