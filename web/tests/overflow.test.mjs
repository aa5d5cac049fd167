// No page is wider than a phone: every route of the router, for every role, at
// 390×844 — document.documentElement.scrollWidth ≤ 390 and the scrolling main column no wider
// than itself (its own horizontal scroll would hide the overflow from the document). Tables may
// scroll inside their own box. Routes a role may not open redirect to its home and are
// checked there. A leader's dashboard labels are not cut to "项…" and its charts fit.
// Every table on those pages (and on a project's tabs and a meeting's agenda) that is wider
// than the screen scrolls inside its box with its name column pinned on the left, and no
// column is pinned on the right over the others (composables/usePhoneTable.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useServer, PHONE, webDir, allowHttpErrors } from './helpers.mjs';

const env = useServer();

// The child routes of the layout, from router.js (paths only; params filled below).
const routerText = readFileSync(path.join(webDir, 'src', 'router.js'), 'utf8');
const PATHS = [...routerText.matchAll(/path: '([^']*)'/g)].map((m) => m[1])
  .filter((p) => p !== '/' && p !== '/login' && p !== '');

const ROLES = ['admin', 'fgw', 'zjj', 'qiye', 'lingdao', 'fwy'];

async function ids(page) {
  return page.evaluate(async () => {
    const get = async (url) => (await fetch(url)).json().catch(() => ({}));
    const projects = await get('/api/v1/projects?limit=1');
    const leads = await get('/api/v1/leads?limit=1');
    return {
      project: projects.items && projects.items[0] ? projects.items[0].id : 1,
      lead: leads.items && leads.items[0] ? leads.items[0].id : 1,
    };
  });
}

function concrete(p, known) {
  return `/${p}`
    .replace(':rest(.*)*', 'no-such-page')
    .replace(/projects\/:id\(\\\\d\+\)/, `projects/${known.project}`)
    .replace(/leads\/:id\(\\\\d\+\)/, `leads/${known.lead}`)
    .replace(/:period\(\\\\d\{6\}\)/, '202601');
}

// Client-side navigation (no reload): the router follows popstate.
async function visit(page, url) {
  await page.evaluate((u) => {
    window.history.pushState({}, '', u);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);
  await page.waitForFunction(() => !document.querySelector('.el-main .el-loading-mask, .el-main .el-skeleton'), null, { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(350);
}

// The document's and the main column's overflow, and the elements that stick out to the right
// of the screen though clipped by a card (overflow: hidden hides them from scrollWidth).
// Boxes that scroll by design (tables, scrollbars, tab strips) may hold wider content.
async function widths(page) {
  return page.evaluate(() => {
    const main = document.querySelector('.el-main');
    const scrollsByDesign = '.el-table, .el-scrollbar__wrap, .el-tabs__nav-scroll, .el-tabs__nav-wrap, .el-steps, .leaflet-container';
    const out = [];
    for (const el of document.querySelectorAll('.el-main *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= 391 || el.closest(scrollsByDesign)) continue;
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > 391 && !el.parentElement.matches('.el-main')) continue;
      out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-test') || ''}] right=${Math.round(r.right)}`);
    }
    return {
      doc: document.documentElement.scrollWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
      culprit: out.slice(0, 3).join(', '),
    };
  });
}

// The tables of the page (or of the open drawer) at 390 px: any that scrolls sideways must pin
// a column on the left (the row's name), take at most half its width for pinned columns, and
// pin nothing on the right; at scroll 0 no pinned cell overlaps another cell. Scrolled to its
// end, the pinned column is still at the table's left edge.
async function tableProblems(page, scope = '.el-main') {
  return page.evaluate(async (scope) => {
    const out = [];
    const tables = [...document.querySelectorAll(`${scope} .el-table`)].filter((t) => t.getBoundingClientRect().width > 0);
    for (const t of tables) {
      const name = t.getAttribute('data-test') || [...t.querySelectorAll('thead th .cell')].slice(0, 2).map((c) => c.textContent.trim()).join('/') || 'table';
      const wrap = t.querySelector('.el-table__body-wrapper .el-scrollbar__wrap');
      if (!wrap) continue;
      const row = t.querySelector('thead tr') || t.querySelector('tbody tr');
      if (!row) continue;
      const cells = [...row.children].filter((c) => c.getBoundingClientRect().width > 0);
      const left = cells.filter((c) => c.classList.contains('el-table-fixed-column--left'));
      const right = t.querySelectorAll('.el-table-fixed-column--right').length;
      const box = t.getBoundingClientRect();
      if (right) out.push(`${name}: a column pinned on the right`);
      if (wrap.scrollWidth <= wrap.clientWidth + 1) continue;
      if (!left.length) { out.push(`${name}: scrolls ${wrap.scrollWidth}/${wrap.clientWidth} px with no pinned name`); continue; }
      const pinned = left.reduce((w, c) => w + c.getBoundingClientRect().width, 0);
      if (pinned > box.width * 0.5) out.push(`${name}: pinned ${Math.round(pinned)} of ${Math.round(box.width)} px`);
      const others = cells.filter((c) => !left.includes(c));
      for (const a of left) {
        const ra = a.getBoundingClientRect();
        for (const b of others) {
          const rb = b.getBoundingClientRect();
          if (ra.left < rb.right - 1 && rb.left < ra.right - 1) out.push(`${name}: pinned "${a.textContent.trim()}" covers "${b.textContent.trim()}"`);
        }
      }
      wrap.scrollLeft = wrap.scrollWidth;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const first = left[0].getBoundingClientRect();
      if (Math.abs(first.left - box.left) > 2) out.push(`${name}: the pinned column moved to ${Math.round(first.left - box.left)} px when scrolled`);
      wrap.scrollLeft = 0;
    }
    return out;
  }, scope);
}

for (const role of ROLES) {
  test(`no page overflows 390 px for ${role}`, async () => {
    const page = await env.login(role, PHONE);
    // Pages a role may not open answer 403/404 from their API calls by design (and a demo
    // with no published ranking or bulletin version answers 404 for its versions).
    allowHttpErrors(page, 403, 404);
    const known = await ids(page);
    const bad = [];
    for (const p of PATHS) {
      const url = concrete(p, known);
      await visit(page, url);
      const w = await widths(page);
      if (process.env.OVERFLOW_SHOTS) await page.screenshot({ path: `/tmp/ovf-${role}-${url.replace(/\//g, '_')}.png` });
      if (w.doc > 390 || w.main > 1 || w.culprit) bad.push(`${url} → ${new URL(page.url()).pathname}: document ${w.doc} px, main +${w.main} px; ${w.culprit}`);
      for (const t of await tableProblems(page)) bad.push(`${url} → ${new URL(page.url()).pathname}: ${t}`);
    }
    console.log(`${role}: ${PATHS.length} routes at 390×844, ${bad.length} overflowing`);
    assert.deepEqual(bad, []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a leader reads the dashboard on a phone: whole labels, charts within the screen', async () => {
  const page = await env.login('lingdao', PHONE);
  await page.goto('/dashboard');
  await page.waitForSelector('[data-test=chart] canvas');
  await page.waitForTimeout(800);
  const charts = await page.$$eval('[data-test=chart]', (els) => els.map((e) => e.getBoundingClientRect().right));
  assert.ok(charts.length > 0);
  for (const right of charts) assert.ok(right <= 390, `a chart ends at ${right}`);
  // Labels cut by an ellipsis ("项…"): text overflow in the stat cards and descriptions.
  const cut = await page.evaluate(() => [...document.querySelectorAll('.el-main *')]
    .filter((el) => el.children.length === 0 && el.textContent.trim() && el.scrollWidth > el.clientWidth + 1
      && getComputedStyle(el).textOverflow === 'ellipsis' && !el.closest('.el-table:not(.short-list)'))
    .map((el) => el.textContent.trim()));
  assert.deepEqual(cut, []);
  await page.screenshot({ path: path.join(webDir, '..', 'docs', 'screenshots', 'phone-dashboard-leader.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a project\'s tabs and a meeting\'s agenda on a phone: tables pinned by name, nothing over them', async () => {
  const page = await env.login('admin', PHONE);
  allowHttpErrors(page, 404);
  const known = await ids(page);
  const bad = [];
  for (const tab of ['assignments', 'funds', 'factors', 'audit', 'plan', 'reports', 'procedures', 'milestones', 'problems', 'lights']) {
    await visit(page, `/projects/${known.project}?tab=${tab}`);
    await page.waitForTimeout(300);
    const w = await widths(page);
    if (w.doc > 390 || w.main > 1 || w.culprit) bad.push(`${tab}: document ${w.doc} px, main +${w.main} px; ${w.culprit}`);
    for (const t of await tableProblems(page)) bad.push(`${tab}: ${t}`);
  }
  await visit(page, '/meetings');
  await page.click('[data-test=meeting-open] >> nth=0');
  await page.waitForSelector('[data-test=meeting-agenda]');
  await page.waitForTimeout(500);
  for (const t of await tableProblems(page, '[data-test=meeting-drawer]')) bad.push(`meeting: ${t}`);
  const drawer = await page.locator('.el-drawer[data-test=meeting-drawer]').boundingBox();
  assert.ok(drawer.x >= 0 && drawer.x + drawer.width <= 390, `drawer ${drawer.x}+${drawer.width}`);
  assert.deepEqual(bad, []);
  // The review queue and the problem ledger scrolled sideways under their pinned names.
  for (const [url, name] of [['/reporting/review', 'phone-review-queue'], ['/problems', 'phone-problems']]) {
    await visit(page, url);
    await page.waitForSelector('.el-main .el-table .el-table-fixed-column--left');
    await page.evaluate(() => { document.querySelector('.el-main .el-table__body-wrapper .el-scrollbar__wrap').scrollLeft = 150; });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(webDir, '..', 'docs', 'screenshots', `${name}.png`) });
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
