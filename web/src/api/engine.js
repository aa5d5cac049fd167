// 五率, indicators, 红黄绿灯, 榜单, 预测 and 重点调度清单
// (tags indicators, lights, rankings of docs/api.yaml).
import { api, apiUrl } from './client.js';
import { can } from '../session.js';

// Indicators and the five rates.
export const listIndicators = () => api.get('/indicators');
export const getIndicator = (code) => api.get(`/indicators/${encodeURIComponent(code)}`);
export const createIndicator = (body) => api.post('/indicators', body);
export const updateIndicator = (code, body) => api.put(`/indicators/${encodeURIComponent(code)}`, body);
export const deleteIndicator = (code) => api.del(`/indicators/${encodeURIComponent(code)}`);
export const checkIndicator = (body) => api.post('/indicators/check', body);
export const indicatorValues = (code, query) => api.get(`/indicators/${encodeURIComponent(code)}/values`, query);
export const indicatorDrilldown = (code, query) => api.get(`/indicators/${encodeURIComponent(code)}/drilldown`, query);
export const getRates = (query) => api.get('/rates', query);
export const getRatesTrend = (query) => api.get('/rates/trend', query);

// Traffic lights.
export const listLights = (query) => api.get('/lights', query);
export const projectLights = (id, period) => api.get(`/projects/${id}/lights`, { period });
export const judgeLight = (id, body) => api.post(`/projects/${id}/lights/judgements`, body);
export const getLightRules = () => api.get('/light-rules');
export const saveLightRules = (body) => api.put('/light-rules', body);

// Rankings.
export const listSchemes = () => api.get('/ranking-schemes');
export const createScheme = (body) => api.post('/ranking-schemes', body);
export const updateScheme = (code, body) => api.put(`/ranking-schemes/${encodeURIComponent(code)}`, body);
export const deleteScheme = (code) => api.del(`/ranking-schemes/${encodeURIComponent(code)}`);
export const getRankings = (query) => api.get('/rankings', query);
export const addExemption = (body) => api.post('/rankings/exemptions', body);
// Published rankings: stored as published, never recomputed; versions with reasons.
export const publishRanking = (body) => api.post('/rankings/publish', body);
export const getPublishedRanking = (query) => api.get('/rankings/published', query);
export const rankingVersions = (query) => api.get('/rankings/versions', query);

// Forecast and the dispatch list.
export const getForecast = (query) => api.get('/forecast', query);
export const projectForecast = (id, period) => api.get(`/projects/${id}/forecast`, { period });
export const getDispatchList = (query) => api.get('/dispatch-list', query);

// Exports of the engine's tables as .xlsx: GET /export/rates.xlsx, /export/lights.xlsx
// and /export/rankings.xlsx take the query of /rates, /lights and /rankings; empty filters are left
// out (the server rejects an empty colour or unit_id as it does on the JSON endpoints).
export const ENGINE_EXPORTS = true;
const xlsxQuery = (q) =>
  new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '' && v !== null && v !== undefined));
export const ratesXlsxUrl = (q) => apiUrl(`/export/rates.xlsx?${xlsxQuery(q)}`);
export const lightsXlsxUrl = (q) => apiUrl(`/export/lights.xlsx?${xlsxQuery(q)}`);
export const rankingsXlsxUrl = (q) => apiUrl(`/export/rankings.xlsx?${xlsxQuery(q)}`);

// The server's capability flags (session `can`): who may change indicators, rules, schemes and
// exemptions and publish rankings, and who may record a manual light judgement.
export const canConfigureEngine = () => can('configure_engine');
export const canJudgeLights = () => can('judge_lights');
