import { isEnglish } from '../i18n.js';

// Money arrives as an exact decimal string in 万元; show it grouped, at most 2 decimals.
export function formatWan(value) {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString(isEnglish() ? 'en-US' : 'zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

// 万元 → 亿元 for headline figures.
export function formatYi(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '';
  return (n / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

export function formatCount(n) {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString(isEnglish() ? 'en-US' : 'zh-CN');
}

function pad(n) {
  return n < 10 ? `0${n}` : String(n);
}

// ms since the epoch → local "YYYY-MM-DD HH:mm".
export function formatTime(ms) {
  if (!ms) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDate(s) {
  return s || '';
}
