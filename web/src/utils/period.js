// Report periods (YYYYMM numbers) and reporting windows: labels, Beijing "today", the phase of
// a window and the period a reporter should fill now (from the server's calendar).
import { isEnglish, t } from '../i18n.js';
import { getCalendar } from '../api/reporting.js';
import { formatPercent } from './format.js';

// 202611 → "2026年11月" (EN: "2026-11").
export function periodLabel(period) {
  if (!period) return '';
  const y = Math.floor(Number(period) / 100);
  const m = Number(period) % 100;
  return isEnglish() ? `${y}-${String(m).padStart(2, '0')}` : `${y}年${m}月`;
}

// The date in Beijing (UTC+8) as YYYY-MM-DD: windows are Beijing dates on the server too.
export function beijingToday(now = Date.now()) {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export function periodOfDate(date) {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

export function addMonths(period, n) {
  const idx = Math.floor(period / 100) * 12 + (period % 100) - 1 + n;
  return Math.floor(idx / 12) * 100 + (idx % 12) + 1;
}

// not_open | open | overdue | locked for a window {opens_on, due_on, locks_after}.
export function windowPhase(w, today = beijingToday()) {
  if (!w) return '';
  if (today < w.opens_on) return 'not_open';
  if (today <= w.due_on) return 'open';
  if (today <= w.locks_after) return 'overdue';
  return 'locked';
}

export const PHASE_TAG = { not_open: 'info', open: 'success', overdue: 'warning', locked: 'danger' };
export const phaseLabel = (phase) => (phase ? t(`window.phase.${phase}`) : '');

const calendars = new Map(); // year → Promise of the calendar
export function loadCalendar(year, { fresh = false } = {}) {
  if (fresh || !calendars.has(year)) {
    const p = getCalendar(year).catch((err) => { calendars.delete(year); throw err; });
    calendars.set(year, p);
  }
  return calendars.get(year);
}
export function forgetCalendars() {
  calendars.clear();
}

// The period to fill now: the earliest window open or overdue today; else the next one to
// open; else the current month. Returns {period, window, phase}.
export async function currentReportPeriod() {
  const today = beijingToday();
  const thisMonth = periodOfDate(today);
  const years = [Math.floor(thisMonth / 100) - 1, Math.floor(thisMonth / 100)];
  const windows = [];
  for (const y of years) {
    try {
      windows.push(...(await loadCalendar(y)).windows);
    } catch (err) {
      if (y === years[1]) throw err;
    }
  }
  windows.sort((a, b) => a.period - b.period);
  const live = windows.find((w) => ['open', 'overdue'].includes(windowPhase(w, today)));
  const next = windows.find((w) => windowPhase(w, today) === 'not_open');
  const w = live || next || windows.find((x) => x.period === thisMonth);
  return w ? { period: w.period, window: w, phase: windowPhase(w, today) } : { period: thisMonth, window: null, phase: '' };
}

// Percent text of a fraction (0.756 → "75.6%").
export function percent(rate, digits = 1) {
  return formatPercent(rate, digits);
}

// Display format of the month pickers.
export const monthFormat = () => (isEnglish() ? 'YYYY-MM' : 'YYYY年MM月');

// The window a figure covers, as its label says it: the year to date of a period
// (202611 → "2026年1–11月"), its quarter to date (→ "2026Q4（10–11月）"), the month alone
// (→ "2026年11月"), a quarter label ("2026Q4") or a year (2026 → "2026年").
export function figureWindowLabel(period, window = 'ytd') {
  const s = String(period || '');
  const en = isEnglish();
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (/^\d{4}Q[1-4]$/.test(s)) return s;
  if (/^\d{4}$/.test(s)) return en ? s : `${s}年`;
  if (!/^\d{6}$/.test(s)) return s;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4));
  const span = (from) => {
    if (en) return from === m ? `${MONTHS[m - 1]} ${y}` : `${MONTHS[from - 1]}–${MONTHS[m - 1]} ${y}`;
    return from === m ? `${y}年${m}月` : `${y}年${from}–${m}月`;
  };
  if (window === 'month') return span(m);
  if (window === 'quarter') {
    const q = Math.floor((m - 1) / 3) + 1;
    const from = (q - 1) * 3 + 1;
    const months = from === m ? (en ? MONTHS[m - 1] : `${m}月`) : (en ? `${MONTHS[from - 1]}–${MONTHS[m - 1]}` : `${from}–${m}月`);
    return en ? `${y} Q${q} (${months})` : `${y}Q${q}（${months}）`;
  }
  return span(1);
}
