// Reference data the screens label things with: enum vocabularies (Chinese labels from the
// server, English from locales/enums-en.js), units, people and regions by id/code.
// Loaded once per login and cached; reload() after an edit.
import { reactive } from 'vue';
import { getEnums } from './api/meta.js';
import { listUnits, listPeople, listRegions } from './api/reference.js';
import { listProjects } from './api/projects.js';
import { isEnglish } from './i18n.js';
import enumsEn from './locales/enums-en.js';

export const refdata = reactive({
  enums: {},
  units: new Map(),
  people: new Map(),
  regions: new Map(),
  projects: new Map(), // id → {id, name, owner_unit_id, responsible_unit_id, stage}: names for report lists
});

let enumsPromise = null;
let unitsPromise = null;
let peoplePromise = null;
let regionsPromise = null;

// Pages through a list endpoint (limit max 500) and returns every item.
async function fetchAll(fn, query = {}) {
  const out = [];
  for (let offset = 0; ; offset += 500) {
    const page = await fn({ ...query, limit: 500, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

function once(getter, setter, loader) {
  if (!getter()) {
    setter(loader().catch((err) => { setter(null); throw err; }));
  }
  return getter();
}

export function loadEnums() {
  return once(() => enumsPromise, (p) => { enumsPromise = p; }, async () => {
    refdata.enums = await getEnums();
  });
}
export function loadUnits() {
  return once(() => unitsPromise, (p) => { unitsPromise = p; }, async () => {
    const items = await fetchAll(listUnits);
    refdata.units = new Map(items.map((u) => [u.id, u]));
  });
}
export function loadPeople() {
  return once(() => peoplePromise, (p) => { peoplePromise = p; }, async () => {
    const items = await fetchAll(listPeople);
    refdata.people = new Map(items.map((p) => [p.id, p]));
  });
}
// After a unit or person was created or changed: forget the cached list and load it again.
export function reloadUnits() {
  unitsPromise = null;
  return loadUnits();
}
export function reloadPeople() {
  peoplePromise = null;
  return loadPeople();
}
export function loadRegions() {
  return once(() => regionsPromise, (p) => { regionsPromise = p; }, async () => {
    const res = await listRegions();
    refdata.regions = new Map(res.items.map((r) => [r.code, r]));
  });
}

// Names of the projects in the caller's scope, for lists that carry only project ids (the
// reports). Loads the whole scope once, and again when an id not seen before turns up.
let projectsPromise = null;
const projectsTried = new Set();
export async function loadProjectBriefs(ids = []) {
  const missing = ids.filter((id) => !refdata.projects.has(id) && !projectsTried.has(id));
  if (projectsPromise && !missing.length) return projectsPromise;
  if (!projectsPromise || missing.length) {
    missing.forEach((id) => projectsTried.add(id));
    projectsPromise = fetchAll(listProjects, { sort: 'id', order: 'asc' }).then((items) => {
      refdata.projects = new Map(items.map((p) => [p.id, {
        id: p.id, name: p.name, owner_unit_id: p.owner_unit_id, responsible_unit_id: p.responsible_unit_id, stage: p.stage,
      }]));
    }).catch((err) => { projectsPromise = null; throw err; });
  }
  return projectsPromise;
}
export function projectBrief(id) {
  return refdata.projects.get(id) || null;
}

export function resetRefdata() {
  enumsPromise = unitsPromise = peoplePromise = regionsPromise = projectsPromise = null;
  projectsTried.clear();
  refdata.projects = new Map();
  refdata.enums = {};
  refdata.units = new Map();
  refdata.people = new Map();
  refdata.regions = new Map();
}

// Label of an enum code in the UI language, e.g. enumLabel('stage', 'construction') → 在建.
export function enumLabel(vocab, code) {
  if (code === null || code === undefined || code === '') return '';
  if (isEnglish()) {
    const en = enumsEn[vocab] && enumsEn[vocab][code];
    if (en) return en;
  }
  const list = refdata.enums[vocab] || [];
  const found = list.find((e) => e.code === code);
  return found ? found.label : code;
}

// [{code, label}] of a vocabulary in the UI language.
export function enumOptions(vocab) {
  return (refdata.enums[vocab] || []).map((e) => ({ code: e.code, label: enumLabel(vocab, e.code) }));
}

export function unitName(id) {
  if (id === null || id === undefined) return '';
  const u = refdata.units.get(id);
  return u ? u.name : `#${id}`;
}
export function personName(id) {
  if (id === null || id === undefined) return '';
  const p = refdata.people.get(id);
  return p ? p.name : `#${id}`;
}
export function regionName(code) {
  if (!code) return '';
  const r = refdata.regions.get(code);
  return r ? r.name : code;
}
