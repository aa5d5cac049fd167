// Shared by the 五率, 红黄绿灯, 榜单 and 预测 screens: the default period, indicator names in
// the UI language, light colours and percent texts of the engine's answers.
import { isEnglish, t } from '../i18n.js';
import { addMonths, beijingToday, periodOfDate, figureWindowLabel } from './period.js';
import { formatPercent } from './format.js';

// The month the engine screens open on: the last complete month (reports are due after it).
export function defaultEnginePeriod() {
  return addMonths(periodOfDate(beijingToday()), -1);
}

// A period from the route query (YYYYMM), else the default.
export function periodFromQuery(q) {
  return /^\d{6}$/.test(String(q || '')) ? Number(q) : defaultEnginePeriod();
}

export const indicatorName = (ind) => (ind ? (isEnglish() ? ind.name_en || ind.name_zh : ind.name_zh || ind.name_en) : '');
// An indicator whose formula fixes its own window (季度贡献率: the quarter to date) is labelled
// with that window when the screen shows another one (every figure says what it covers).
export const indicatorLabel = (ind, period, window) =>
  ind && ind.window && ind.window !== window ? `${indicatorName(ind)} · ${figureWindowLabel(period, ind.window)}` : indicatorName(ind);
export const reasonText = (r) => (r ? (isEnglish() ? r.reason_en || r.en || r.reason_zh || r.zh : r.reason_zh || r.zh || r.reason_en || r.en) : '');

// "93.3" → "93.3%"; "" or null → "—".
export function pct(p) {
  if (p === null || p === undefined || p === '') return '—';
  return `${p}%`;
}

export const COLOURS = ['red', 'yellow', 'green'];
export const COLOUR_HEX = { red: '#d9363e', yellow: '#e6a23c', green: '#3ea55b', '': '#c0c4cc' };
export const colourLabel = (c) => (c ? t(`lights.colour.${c}`) : '—');
export const DIMENSIONS = ['start', 'progress', 'statistics', 'funds', 'reporting', 'procedures'];
export const dimensionLabel = (d) => t(`lights.dim.${d}`);
export const SEVERITY = { green: 0, yellow: 1, red: 2 };

export const GROUP_BYS = ['unit', 'region', 'leader', 'level', 'industry', 'campaign'];
export const WINDOWS = ['month', 'quarter', 'ytd'];

// A ranking period: YYYYMM for month schemes, YYYYQn for quarter schemes.
export function quarterOf(period) {
  return `${Math.floor(period / 100)}Q${Math.floor(((period % 100) - 1) / 3) + 1}`;
}
export function rankingPeriodLabel(p) {
  const s = String(p || '');
  const q = /^(\d{4})Q([1-4])$/.exec(s);
  if (q) return isEnglish() ? `${q[1]} Q${q[2]}` : `${q[1]}年第${q[2]}季度`;
  if (/^\d{6}$/.test(s)) return isEnglish() ? `${s.slice(0, 4)}-${s.slice(4)}` : `${s.slice(0, 4)}年${Number(s.slice(4))}月`;
  return s;
}

// The percent text of an indicator value {rate, percent}: the server's percent, else the rate.
export function valuePct(v, decimals = 1) {
  if (!v) return '—';
  if (v.percent !== undefined && v.percent !== null && v.percent !== '') return `${v.percent}%`;
  if (v.rate === undefined || v.rate === null || v.rate === '') return '—';
  return formatPercent(v.rate, decimals);
}
