// The one number formatter of the screens; the server's twin is src/common/number_format.h.
// Both round half away from zero, on the exact decimal text (never through a binary float).

// Rounds a decimal text ("-45929.704729") to `decimals` places, half away from zero; returns
// { negative, whole, frac } as digit strings, or null when the text is not a decimal number.
function roundDecimalText(text, decimals) {
  const m = /^(-)?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(String(text).trim());
  if (!m || (!m[2] && !m[3])) return null;
  let digits = (m[2] || '') + (m[3] || '');
  let point = (m[2] || '').length + (m[4] ? Number(m[4]) : 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (digits.length < point) digits += '0'.repeat(point - digits.length);
  const keep = point + decimals;
  const padded = digits.length < keep + 1 ? digits + '0'.repeat(keep + 1 - digits.length) : digits;
  let kept = padded.slice(0, keep) || '0';
  if (padded[keep] >= '5') {
    // Add one unit in the last kept place.
    const arr = kept.split('');
    let i = arr.length - 1;
    for (; i >= 0; i -= 1) {
      if (arr[i] === '9') arr[i] = '0';
      else {
        arr[i] = String(Number(arr[i]) + 1);
        break;
      }
    }
    kept = (i < 0 ? '1' : '') + arr.join('');
  }
  const wholeLen = kept.length - decimals;
  const whole = (kept.slice(0, wholeLen) || '0').replace(/^0+(?=\d)/, '');
  const frac = kept.slice(wholeLen);
  const zero = /^0*$/.test(whole + frac);
  return { negative: Boolean(m[1]) && !zero, whole, frac };
}

function grouped(whole) {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// A decimal (string or number) with `decimals` places, grouped by thousands when `group`.
export function formatDecimal(value, decimals = 2, { group = true } = {}) {
  if (value === null || value === undefined || value === '') return '';
  const r = roundDecimalText(typeof value === 'number' ? numberText(value) : value, decimals);
  if (!r) return String(value);
  return `${r.negative ? '-' : ''}${group ? grouped(r.whole) : r.whole}${decimals > 0 ? `.${r.frac}` : ''}`;
}

function numberText(n) {
  return Number.isFinite(n) ? String(n) : '';
}

// Money arrives as an exact decimal string in 万元: "45,929.70" (two decimals, grouped).
export function formatWan(value) {
  return formatDecimal(value, 2);
}

// 万元 → 亿元 for headline figures: "4.59" (two decimals, grouped).
export function formatYi(value) {
  if (value === null || value === undefined || value === '') return '';
  const r = roundDecimalText(typeof value === 'number' ? numberText(value) : value, 8);
  if (!r) return '';
  // Shift the point four places left, exactly, then round to 2.
  const whole = r.whole.padStart(5, '0');
  const yi = `${r.negative ? '-' : ''}${whole.slice(0, -4)}.${whole.slice(-4)}${r.frac}`;
  return formatDecimal(yi, 2);
}

// A rate (fraction, 0.917) as a percentage with the indicator's decimals: "91.7%"; "—" when absent.
export function formatPercent(rate, decimals = 1) {
  if (rate === null || rate === undefined || rate === '') return '—';
  const r = roundDecimalText(typeof rate === 'number' ? numberText(rate) : rate, decimals + 2);
  if (!r) return '—';
  // × 100: move the point two places right on the exact text, then round.
  const text = `${r.negative ? '-' : ''}${r.whole}${r.frac.slice(0, 2)}.${r.frac.slice(2)}`;
  return `${formatDecimal(text, decimals, { group: false })}%`;
}

export function formatCount(n) {
  if (n === null || n === undefined) return '—';
  return formatDecimal(Number(n), 0);  // zh-CN and en-US group alike: 1,234
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
