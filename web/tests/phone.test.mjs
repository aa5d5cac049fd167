// Reporting from the site on a phone, at 390×844: the company opens the menu
// drawer, fills the month's report with one-column 44 px inputs, takes a site photo with the
// camera input (a 3200×2400 JPEG of several MB with EXIF time and GPS: shrunk in the browser to
// ≤ 1 MB with its EXIF kept, which the server reads back), loses the network while saving
// (the draft stays on the phone and is sent when back online), submits and confirms the
// plan warning with the dialog's button on screen, and the report shows where and when the
// photo was taken. At 1440×900 报送 is on screen without scrolling. Screenshots of each new
// screen at both sizes go to docs/screenshots/. The app installs: a Chinese manifest with icons
// and a service worker that caches the shell, never /api/. Photos taken offline wait on the
// phone (IndexedDB), survive a reload and arrive once, in order, before the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { useServer, allowHttpErrors, PHONE, repoDir } from './helpers.mjs';
import { exifApp1, withExif, bigJpeg } from './fixtures/exif.mjs';

const PROJECT_NAME = '慈恩路沿线老旧小区综合改造项目';
// Last December (Beijing time): no demo plan or report, the window opened by hand (see
// reporting.test.mjs for why).
const DAY = 86400000;
const bj = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
const YEAR = Number(bj(Date.now()).slice(0, 4)) - 1;
const PERIOD = YEAR * 100 + 12;
const shotDir = path.join(repoDir, 'docs', 'screenshots');

const env = useServer();
let projectId;

async function shot(page, name) {
  mkdirSync(shotDir, { recursive: true });
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const style = await page.addStyleTag({ content: '.el-message { display: none !important; }' });
  await page.screenshot({ path: path.join(shotDir, `${name}.png`) });
  await style.evaluate((el) => el.remove());
}

// JSON API calls with the page's session (and CSRF token for writes).
function api(page, method, url, body) {
  return page.evaluate(async ({ method, url, body }) => {
    const s = await (await fetch('/api/v1/session')).json();
    const res = await fetch(`/api/v1${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, { method, url, body });
}

// Is the element entirely inside the viewport?
async function onScreen(page, selector) {
  const box = await page.locator(selector).boundingBox();
  const vp = page.viewportSize();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
}

test('setup: the supervisor opens last December and plans 1200 万元 for the year', async () => {
  const page = await env.login('fgw');
  const found = await api(page, 'GET', `/projects?q=${encodeURIComponent(PROJECT_NAME)}`);
  projectId = found.body.items.find((p) => p.name === PROJECT_NAME).id;
  const win = await api(page, 'PUT', `/reporting/calendar/${PERIOD}`, {
    opens_on: `${YEAR}-12-01`, due_on: bj(Date.now() + 10 * DAY), locks_after: bj(Date.now() + 20 * DAY),
  });
  assert.equal(win.status, 200, JSON.stringify(win.body));
  const plan = await api(page, 'PUT', `/projects/${projectId}/plans/${YEAR}`, { version: 0, planned_investment: '1200' });
  assert.equal(plan.status, 200, JSON.stringify(plan.body));
  const confirmed = await api(page, 'POST', `/projects/${projectId}/plans/${YEAR}/confirm`, { version: plan.body.version });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  await page.context().close();
});

test('desktop: 报送 is on screen at 1440×900 without scrolling (sticky action bar)', async () => {
  const page = await env.login('qiye');
  await page.goto(`/reporting/fill?period=${PERIOD}&project=${projectId}`);
  await page.waitForSelector('[data-test=report-form]');
  await page.waitForTimeout(300);
  assert.ok(await onScreen(page, '[data-test=submit-report]'), '报送 on screen at 1440×900');
  assert.ok(await onScreen(page, '[data-test=photo-take]'), '拍照 on screen at 1440×900');
  await shot(page, 'desktop-report-form');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('phone: the company reports the month with a camera photo, offline draft and warning', async () => {
  const page = await env.login('qiye', PHONE);
  // The navigation is a drawer behind the header's menu button; the sidebar is gone.
  assert.equal(await page.locator('.layout .aside').count(), 0);
  await page.click('[data-test=nav-open]');
  await page.waitForSelector('[data-test=nav-drawer] [data-nav=report-fill]');
  await page.waitForTimeout(400);
  await shot(page, 'phone-nav-drawer');
  await page.click('[data-test=nav-drawer] [data-nav=report-fill]');
  await page.waitForSelector('[data-test=report-page]');
  await page.waitForSelector('[data-test=nav-drawer]', { state: 'hidden' });

  await page.goto(`/reporting/fill?period=${PERIOD}&project=${projectId}`);
  await page.waitForSelector('[data-test=report-form]');
  // The plan for the month is a hint loaded beside the report: wait for it.
  await page.waitForFunction(() => /本月计划/.test(document.querySelector('[data-test=report-form]').textContent));
  assert.match(await page.textContent('[data-test=report-form]'), /本月计划 100.00 万元/);

  // One column: each input as wide as the form, and at least 44 px tall.
  const formBox = await page.locator('[data-test=report-form]').boundingBox();
  for (const sel of ['input[data-test=f-investment]', '[data-test=f-percent] input', '[data-test=f-workers] input']) {
    const wrapper = page.locator(sel).locator('xpath=ancestor::div[contains(@class,"el-input__wrapper")][1]');
    const box = await wrapper.boundingBox();
    assert.ok(box.height >= 44, `${sel} is ${box.height} px tall`);
    assert.ok(box.width >= formBox.width * 0.6, `${sel} is ${box.width} px wide of ${formBox.width}`);
  }
  await page.fill('input[data-test=f-investment]', '450');
  await page.fill('[data-test=f-percent] input', '35');
  await page.fill('[data-test=f-workers] input', '86');
  await page.fill('textarea[data-test=f-progress]', '3 号楼外墙保温完成，5 号楼屋面防水施工中');
  await page.fill('textarea[data-test=f-main]', '完成 3 号楼外墙保温及立面涂装；5 号楼屋面防水完成 60%。');

  // The camera: a large photo with EXIF time and place.
  const original = withExif(await bigJpeg(page), exifApp1({ taken: `${YEAR}:12:03 10:21:07`, lat: 34.2186, lon: 108.9641 }));
  assert.ok(original.length > 2 * 1024 * 1024, `fixture is ${original.length} bytes`);
  assert.equal(await page.getAttribute('[data-test=camera-input]', 'capture'), 'environment');
  assert.equal(await page.getAttribute('[data-test=camera-input]', 'accept'), 'image/*');
  await page.setInputFiles('[data-test=camera-input]', [{ name: 'IMG_20261203_102107.jpg', mimeType: 'image/jpeg', buffer: original }]);
  const place = await page.waitForSelector('[data-test=photo-place]', { timeout: 30000 });
  assert.equal(await place.textContent(), `拍摄于 ${YEAR}-12-03 10:21 · 北纬 34.2° 东经 109.0°`);
  const view = await api(page, 'GET', `/projects/${projectId}/reports/${PERIOD}`);
  const photo = view.body.attachments[0];
  console.log(`site photo: ${original.length} bytes taken → ${photo.size} bytes uploaded (${photo.content_type}), taken_at ${photo.taken_at}, ${photo.latitude}, ${photo.longitude}`);
  assert.ok(photo.size <= 1024 * 1024, `uploaded ${photo.size} bytes`);
  assert.equal(photo.content_type, 'image/jpeg');
  assert.equal(photo.taken_at, `${YEAR}-12-03T10:21:07`);
  assert.ok(Math.abs(photo.latitude - 34.2186) < 1e-3 && Math.abs(photo.longitude - 108.9641) < 1e-3);
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-test=attachment-thumb] img');
    return img && img.complete && img.naturalWidth > 0;
  });

  // The network drops while saving: the draft stays on the phone, then goes out by itself.
  await page.context().setOffline(true);
  await page.fill('[data-test=f-workers] input', '88');
  await page.click('[data-test=save-draft]');
  const local = await page.waitForSelector('[data-test=local-draft]');
  assert.match(await local.textContent(), /草稿已保存在本机，联网后自动保存/);
  await page.evaluate(() => { document.querySelector('.el-main').scrollTop = 0; });
  await shot(page, 'phone-report-offline');
  // A reload while offline keeps it (the installed app shell comes from the service worker;
  // here the page stays and the copy is in localStorage).
  const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `keyline.draft.${projectId}.${PERIOD}`);
  assert.equal(kept.pending, 'save');
  assert.equal(kept.fields.workers, 88);
  await page.context().setOffline(false);
  await page.waitForSelector('[data-test=local-draft]', { state: 'detached' });
  await page.waitForSelector('[data-test=report-page] [data-status=draft]');
  const saved = await api(page, 'GET', `/projects/${projectId}/reports/${PERIOD}`);
  assert.equal(saved.body.report.workers, 88);
  assert.equal(saved.body.report.completed_investment, '450');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), `keyline.draft.${projectId}.${PERIOD}`), null);
  // The browser's own logs of the requests that failed while offline.
  page.errors = page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e));

  await page.evaluate(() => { document.querySelector('.el-main').scrollTop = 0; });
  await page.waitForTimeout(300);
  await shot(page, 'phone-report-form');
  // 报送 is on screen (the sticky action bar) without scrolling.
  assert.ok(await onScreen(page, '[data-test=submit-report]'), '报送 on screen at 390×844');

  // Submit: 450 > 3 × 100 planned → the warning; its confirm button is on screen.
  allowHttpErrors(page, 409);
  await page.click('[data-test=submit-report]');
  await page.waitForSelector('[data-test=warn-dialog] li[data-code=large_vs_plan]');
  await page.waitForTimeout(400);
  assert.ok(await onScreen(page, '[data-test=warn-confirm]'), '确认无误并报送 on screen');
  const dlg = await page.locator('.el-dialog').boundingBox();
  assert.ok(dlg.x >= 0 && dlg.x + dlg.width <= 390, `dialog ${dlg.x}+${dlg.width}`);
  await shot(page, 'phone-report-warning');
  await page.click('[data-test=warn-confirm]');
  await page.waitForSelector('.el-message--success >> text=月报已报送');
  await page.waitForSelector('[data-test=report-detail]');
  assert.match(await page.textContent('[data-test=report-page]'), new RegExp(`拍摄于 ${YEAR}-12-03 10:21 · 北纬 34.2° 东经 109.0°`));
  await page.evaluate(() => { document.querySelector('.el-main').scrollTop = 99999; });
  await page.waitForTimeout(300);
  await shot(page, 'phone-report-detail');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The photos of the queue (utils/photoQueue.js) as the page's IndexedDB holds them.
function queuedNames(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('keyline');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('photo-queue')) { resolve([]); return; }
      const all = db.transaction('photo-queue').objectStore('photo-queue').getAll();
      all.onsuccess = () => resolve(all.result.map((e) => e.name));
    };
  }));
}

test('phone: photos taken offline wait on the phone, survive a reload and arrive once', async () => {
  const page = await env.login('qiye', PHONE);
  // Another project of the company, with no report for the month yet.
  const list = await api(page, 'GET', '/projects?limit=100');
  let other = null;
  for (const p of list.body.items) {
    if (p.id === projectId) continue;
    const r = await api(page, 'GET', `/projects/${p.id}/reports/${PERIOD}`);
    if (r.status === 200 && r.body.editable && !r.body.exists) { other = p; break; }
  }
  assert.ok(other, 'a second project to report');
  const url = `/reporting/fill?period=${PERIOD}&project=${other.id}`;
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // now under the service worker: a reload offline still opens the app
  await page.waitForSelector('[data-test=report-form]');
  await page.fill('input[data-test=f-investment]', '12');
  await page.fill('[data-test=f-percent] input', '20');
  await page.fill('[data-test=f-workers] input', '15');
  await page.fill('textarea[data-test=f-progress]', '场地平整完成，临建搭设中');

  // No network on the site: two photos are taken; they wait on the phone, counted in the form.
  await page.context().setOffline(true);
  const names = ['IMG_20261204_090000.jpg', 'IMG_20261204_090500.jpg'];
  const photos = [];
  for (const [i, name] of names.entries()) {
    photos.push({ name, mimeType: 'image/jpeg', buffer: withExif(await bigJpeg(page, 640 + i * 16, 480), exifApp1({ taken: `${YEAR}:12:04 09:0${i * 5}:00` })) });
  }
  await page.setInputFiles('[data-test=camera-input]', photos);
  const count = await page.waitForSelector('[data-test=queued-photos][data-count="2"]');
  assert.match(await count.textContent(), /2 张照片已保存在本机，联网后自动上传/);
  await page.click('[data-test=submit-report]');
  assert.match(await (await page.waitForSelector('[data-test=local-draft]')).textContent(), /草稿已保存在本机，联网后自动提交/);
  await page.evaluate(() => { document.querySelector('.el-main').scrollTop = 99999; });
  await page.waitForTimeout(300);
  await shot(page, 'phone-report-photos-queued');
  assert.deepEqual(await queuedNames(page), names);

  // A reload without a network (the shell from the service worker; the server unreachable):
  // the photos are still on the phone.
  await page.reload();
  await page.waitForTimeout(500);
  assert.deepEqual(await queuedNames(page), names);

  // The connection comes back, flaps, and comes back: the form sends the photos, in order, then
  // submits the report; each arrives once.
  await page.context().setOffline(false);
  await page.goto(url);
  await page.waitForSelector('[data-test=report-form]');
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  const warned = await Promise.race([
    page.waitForSelector('[data-test=report-detail]', { timeout: 30000 }).then(() => false),
    page.waitForSelector('[data-test=warn-confirm]', { state: 'visible', timeout: 30000 }).then(() => true),
  ]);
  if (warned) {
    // The server's plausibility warning (409) for the month: confirmed with the dialog's button.
    allowHttpErrors(page, 409);
    await page.waitForTimeout(300);
    await page.click('[data-test=warn-confirm]');
    await page.waitForSelector('[data-test=report-detail]');
  }
  await page.waitForTimeout(1000);
  const view = await api(page, 'GET', `/projects/${other.id}/reports/${PERIOD}`);
  assert.equal(view.body.report.status, 'submitted');
  assert.equal(view.body.report.workers, 15);
  assert.deepEqual(view.body.attachments.map((a) => a.filename), names);
  assert.equal(view.body.attachments[0].taken_at, `${YEAR}-12-04T09:00:00`);
  assert.deepEqual(await queuedNames(page), []);
  assert.equal(await page.locator('[data-test=queued-photos]').count(), 0);
  // A reload once online sends nothing again.
  await page.reload();
  await page.waitForSelector('[data-test=report-detail]');
  await page.waitForTimeout(500);
  assert.equal((await api(page, 'GET', `/projects/${other.id}/reports/${PERIOD}`)).body.attachments.length, 2);
  page.errors = page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_NETWORK_CHANGED/.test(e));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('phone: the department reads the submitted report with the photo\'s time and place', async () => {
  const page = await env.login('zjj', PHONE);
  await page.goto(`/projects/${projectId}/reports/${PERIOD}`);
  await page.waitForSelector('[data-test=report-detail]');
  const place = await page.textContent('[data-test=photo-place]');
  assert.equal(place, `拍摄于 ${YEAR}-12-03 10:21 · 北纬 34.2° 东经 109.0°`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  // The same at 1440×900.
  const desk = await env.login('zjj');
  await desk.goto(`/projects/${projectId}/reports/${PERIOD}`);
  await desk.waitForSelector('[data-test=photo-place]');
  await desk.waitForTimeout(300);
  await shot(desk, 'desktop-report-detail');
  assert.deepEqual(desk.errors, []);
  await desk.context().close();
});

test('installable: the manifest in Chinese with icons, a service worker caching the shell only', async () => {
  const page = await env.login('qiye', PHONE);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=manifest]').getAttribute('href');
    const res = await fetch(href);
    return { type: res.headers.get('content-type'), body: await res.json() };
  });
  assert.match(manifest.type, /^application\/manifest\+json/);
  assert.equal(manifest.body.name, 'Keyline 重点项目全生命周期监管平台');
  assert.equal(manifest.body.short_name, '重点项目');
  assert.equal(manifest.body.lang, 'zh-CN');
  assert.equal(manifest.body.display, 'standalone');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.body.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, size);
    assert.equal((await page.request.get(icon.src)).status(), 200);
  }
  // The worker installs, then the app (and its API calls) runs under it.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector('.el-main .page');
  await page.goto('/reporting/fill');
  await page.waitForSelector('[data-test=report-page]');
  await page.waitForTimeout(500);
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
  assert.ok(cached.includes('/'), 'the shell is cached');
  assert.ok(cached.some((u) => u.startsWith('/assets/')), 'the assets are cached');
  assert.deepEqual(cached.filter((u) => u.startsWith('/api/')), [], 'never the API');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
