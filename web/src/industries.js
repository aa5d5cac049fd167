// GB/T 4754-2017 industries (门类 and 大类 with their names) from GET /meta/industries, loaded
// once per session. industryLabel('F5211') → "F5211 零售业": a code is always shown with the
// name of the most specific level the server ships (中类 and 小类 are named by their 大类).
import { reactive } from 'vue';
import { listIndustries } from './api/meta.js';

export const industries = reactive({ items: [], sections: new Map(), divisions: new Map() });

let promise = null;
export function loadIndustries() {
  if (!promise) {
    promise = listIndustries().then((res) => {
      industries.items = res.items;
      industries.sections = new Map(res.items.filter((e) => e.level === 1).map((e) => [e.code, e]));
      // Divisions by their two digits ("52"), so codes with or without the letter resolve.
      industries.divisions = new Map(res.items.filter((e) => e.level === 2).map((e) => [e.code.slice(1), e]));
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
  return industries.divisions.get(digits.slice(0, 2))?.name || '';
}

// "F5211 零售业" (the code alone when its name is not known).
export function industryLabel(code, name) {
  if (!code) return '';
  const n = name || industryName(code);
  return n ? `${code} ${n}` : String(code);
}

// The picker's groups: [{code, name, children: [{code, name}]}] per 门类.
export function industryGroups() {
  const groups = [];
  for (const e of industries.items) {
    if (e.level === 1) groups.push({ code: e.code, name: e.name, children: [] });
    else if (groups.length) groups[groups.length - 1].children.push({ code: e.code, name: e.name });
  }
  return groups;
}
