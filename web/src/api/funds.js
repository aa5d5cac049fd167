// Funds (资金), key lists (重点项目名单) and factor guarantees (要素保障).
import { api } from './client.js';
import { can } from '../session.js';
import { formatPercent } from '../utils/format.js';

export const listFundLines = (projectId) => api.get(`/projects/${projectId}/funds`);
export const createFundLine = (projectId, body) => api.post(`/projects/${projectId}/funds`, body);
export const addFundEvent = (lineId, body) => api.post(`/fund-lines/${lineId}/events`, body);
export const listDueItems = (query) => api.get('/fund-due-items', query);
export const completeDueItem = (id, body) => api.post(`/fund-due-items/${id}/complete`, body);
export const fundRates = (query) => api.get('/funds/rates', query);

export const getKeyList = (year, level, query) => api.get(`/key-lists/${year}/${level}`, query);
export const listKeyListChanges = (year, level, query) => api.get(`/key-lists/${year}/${level}/changes`, query);
export const proposeKeyListChange = (year, level, body) => api.post(`/key-lists/${year}/${level}/changes`, body);
export const decideKeyListChange = (id, approve, body) =>
  api.post(`/key-list-changes/${id}/${approve ? 'approve' : 'reject'}`, body);

export const listFactors = (projectId) => api.get(`/projects/${projectId}/factors`);
export const putFactor = (projectId, kind, body) => api.put(`/projects/${projectId}/factors/${kind}`, body);
export const overdueFactors = () => api.get('/factors/overdue');

// The server's capability flags (src/core/service/funds_access.h): funds and factors, key lists.
export const canWriteFunds = () => can('write_funds');
export const canManageKeyLists = () => can('manage_key_lists');

// A rate (fraction or null) as a percentage with one decimal.
export function formatRate(v) {
  return formatPercent(v, 1);
}
