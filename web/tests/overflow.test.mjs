// No page is wider than a phone (issue 16): every route of the router, for every role, at
// 390×844 — document.documentElement.scrollWidth ≤ 390 and the scrolling main column no wider
// than itself (its own horizontal scroll would hide the overflow from the document). Tables may
// scroll inside their own box. Routes a role may not open redirect to its home and are
// checked there. A leader's dashboard labels are not cut to "项…" and its charts fit.
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
      && getComputedStyle(el).textOverflow === 'ellipsis' && !el.closest('.el-table'))
    .map((el) => el.textContent.trim()));
  assert.deepEqual(cut, []);
  await page.screenshot({ path: path.join(webDir, '..', 'docs', 'screenshots', 'phone-dashboard-leader.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
