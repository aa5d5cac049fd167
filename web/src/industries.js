// GB/T 4754-2017 industries from GET /meta/industries, loaded once per session: the 门类 (level 1),
// 大类 (2), 中类 (3) and 小类 (4) with their names. industryLabel('F5211') → "F5211 百货零售": a code
// is shown with the name of the most specific level that exists (a code finer than the table,
// e.g. F5218, is named by its 中类).
import { reactive } from 'vue';
import { listIndustries } from './api/meta.js';

// byDigits: "52" → 零售业, "521" → 综合零售, "5211" → 百货零售, so codes with or without the
// section letter resolve.
export const industries = reactive({ items: [], sections: new Map(), byDigits: new Map() });

let promise = null;
export function loadIndustries() {
  if (!promise) {
    promise = listIndustries().then((res) => {
      industries.items = res.items;
      industries.sections = new Map(res.items.filter((e) => e.level === 1).map((e) => [e.code, e]));
      industries.byDigits = new Map(res.items.filter((e) => e.level > 1).map((e) => [e.code.slice(1), e]));
    }).catch((err) => { promise = null; throw err; });
  }
  return promise;
}

// The name of an industry code, or '' when it is unknown.
export function industryName(code) {
  if (!code) return '';
  const c = String(code).trim().toUpperCase();
  if (/^[A-Z]$/.test(c)) return industries.sections.get(c)?.name || '';
  const digits = c.replace(/^[A-Z]/, '');
  for (let n = Math.min(digits.length, 4); n >= 2; n--) {
    const e = industries.byDigits.get(digits.slice(0, n));
    if (e) return e.name;
  }
  return '';
}

// "F5211 百货零售" (the code alone when its name is not known).
export function industryLabel(code, name) {
  if (!code) return '';
  const n = name || industryName(code);
  return n ? `${code} ${n}` : String(code);
}

// The picker's groups: [{code, name, children: [{code, name, level}]}] per 门类, each 大类
// followed by its 中类 and 小类 in the standard's order.
export function industryGroups() {
  const groups = [];
  for (const e of industries.items) {
    if (e.level === 1) groups.push({ code: e.code, name: e.name, children: [] });
    else if (groups.length) groups[groups.length - 1].children.push({ code: e.code, name: e.name, level: e.level });
  }
  return groups;
}
