// The map (地图): 10,000 generated projects (bench/generate_projects, each with a location in
// 雁塔区) drawn as clustered points coloured by their light over tiles served by a small HTTP
// server of this test (a 1×1 PNG for every {z}/{x}/{y}); the load time and the frame rate while
// panning are measured and printed (bench/RESULTS.md). A click on a point opens a popup with
// the project's name and a link to it. On the project page the location is set by clicking the
// small map; a pasted 高德 link is flagged as GCJ-02; once the district outline is uploaded a
// point outside it is refused with the server's message. A bad tile URL stops the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { repoDir, webDir, launchBrowser, freePort, pngBytes, newPage, login, screenshot, fill, PHONE, allowHttpErrors } from './helpers.mjs';

const PROJECTS = 10000;
const BENCH_PASSWORD = 'Bench#2026pw';
// A 1×1 light grey PNG, stretched over each 256×256 tile.
const PNG = pngBytes(1, 1, () => [0xe8, 0xec, 0xf0]);

const binary = path.resolve(repoDir, process.env.KEYLINE_BINARY || 'build/keyline');
const generator = path.resolve(repoDir, process.env.KEYLINE_GENERATOR || path.join(path.dirname(binary), 'generate_projects'));


const env = { tiles: null, tileRequests: 0, proc: null, dir: null, base: '', browser: null };

before(async () => {
  if (!existsSync(generator)) throw new Error(`generate_projects not found: ${generator} (configure with -DKEYLINE_BENCH=ON)`);
  env.tiles = http.createServer((req, res) => {
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url)) {
      env.tileRequests++;
      res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' });
      res.end(PNG);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => env.tiles.listen(0, '127.0.0.1', r));
  const tilePort = env.tiles.address().port;
  env.dir = mkdtempSync(path.join(tmpdir(), 'keyline-map-test-'));
  const db = `sqlite:${path.join(env.dir, 'keyline.db')}`;
  const t0 = Date.now();
  execFileSync(generator, ['--db', db, '--projects', String(PROJECTS)], { stdio: 'pipe' });
  console.log(`generated ${PROJECTS} projects in ${Date.now() - t0} ms`);
  const port = await freePort();
  env.base = `http://127.0.0.1:${port}`;
  env.proc = spawn(binary, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, '--static', path.join(webDir, 'dist'),
    '--map-tiles', `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  env.proc.stdout.on('data', (d) => { log += d; });
  env.proc.stderr.on('data', (d) => { log += d; });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${env.base}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (i > 150 || env.proc.exitCode !== null) throw new Error(`keyline did not start\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  env.browser = await launchBrowser();
});

after(async () => {
  if (env.browser) await env.browser.close();
  if (env.proc && env.proc.exitCode === null) {
    const exited = new Promise((r) => env.proc.once('exit', r));
    env.proc.kill('SIGTERM');
    await exited;
  }
  if (env.tiles) env.tiles.close();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

async function fgw(contextOptions) {
  const page = await newPage(env.browser, env.base, contextOptions);
  await login(page, 'bench_fgw', BENCH_PASSWORD);
  return page;
}

// Opens 地图 from the menu and returns the milliseconds from the click to the drawn clusters.
async function openMap(page) {
  const t0 = Date.now();
  await page.goto('/map');
  await page.waitForSelector('[data-test=map][data-ready=yes]', { timeout: 60000 });
  await page.waitForSelector('.kl-cluster', { timeout: 60000 });
  const wall = Date.now() - t0;
  // The browser's own clock: navigation start to every point placed in the cluster group.
  const parts = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const data = performance.getEntriesByName('keyline:map-data')[0];
    const cluster = performance.getEntriesByName('keyline:map-cluster').pop();
    const ready = performance.getEntriesByName('keyline:map-ready').pop();
    return { dom: Math.round(nav.domContentLoadedEventEnd), data: Math.round(data.startTime), cluster: Math.round(cluster.duration), ready: Math.round(ready.startTime) };
  });
  console.log(`  map page: ready at ${parts.ready} ms after navigation (DOM ready ${parts.dom} ms, points + Leaflet at ${parts.data} ms, clustering ${parts.cluster} ms); test saw ${wall} ms`);
  return parts.ready;
}

test('10,000 projects load clustered by light over the configured tiles within a second', async () => {
  const page = await fgw();
  // Warm the server's engine once, as a user who has been on other pages would have.
  await page.evaluate(() => fetch('/api/v1/map/projects').then((r) => r.json()));
  const times = [];
  for (let i = 0; i < 3; i++) times.push(await openMap(page));
  const ms = Math.min(...times);
  const api = await page.evaluate(async () => {
    const t0 = performance.now();
    const body = await (await fetch('/api/v1/map/projects')).json();
    return { ms: performance.now() - t0, located: body.located, counts: body.counts, bytes: JSON.stringify(body).length };
  });
  console.log(`map load (navigation to clusters drawn), 1440×900: ${times.join(' / ')} ms (best ${ms} ms); ` +
    `GET /map/projects ${Math.round(api.ms)} ms, ${api.bytes} bytes, ${api.located} points, counts ${JSON.stringify(api.counts)}; ` +
    `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  assert.equal(api.located, PROJECTS);
  assert.equal(Number(await page.getAttribute('[data-test=map]', 'data-points')), PROJECTS);
  // The target is < 1 s on an idle desktop; this guards against regressions on a busy machine.
  assert.ok(ms < 10000, `map took ${ms} ms`);
  assert.ok(env.tileRequests > 0, 'tiles were requested from the configured server');
  assert.ok(await page.locator('.leaflet-tile-loaded').count() > 0);
  // Clusters, not 10,000 markers: a few dozen icons on the screen.
  const clusters = await page.locator('.kl-cluster').count();
  assert.ok(clusters > 0 && clusters < 200, `${clusters} cluster icons`);
  const legend = await page.innerText('[data-test=map-legend]');
  for (const word of ['红灯', '黄灯', '绿灯']) assert.match(legend, new RegExp(word));
  assert.match(await page.innerText('[data-test=map-summary]'), /地图显示 10000 个项目/);

  await screenshot(page, 'map-desktop'); // as opened, before the drags below
  // Frame rate while the map is dragged about and zoomed for ~2 s.
  await page.evaluate(() => {
    window.klFrames = 0;
    window.klFrameStart = performance.now();
    const tick = () => { window.klFrames++; window.klFrameId = requestAnimationFrame(tick); };
    window.klFrameId = requestAnimationFrame(tick);
  });
  const box = await page.locator('[data-test=map]').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let round = 0; round < 2; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(cx + i * 8, cy + i * 4);
    await page.mouse.up();
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(350);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(350);
  }
  const fps = await page.evaluate(() => {
    cancelAnimationFrame(window.klFrameId);
    return (window.klFrames * 1000) / (performance.now() - window.klFrameStart);
  });
  console.log(`frame rate while dragging and zooming 10,000 clustered points: ${fps.toFixed(1)} fps`);
  // The target is 60 fps on a desktop with a GPU; headless software rendering on a shared
  // machine gets far less, so this only guards against a collapse (no clustering: < 2 fps).
  assert.ok(fps > 5, `${fps} fps`);
  assert.deepEqual(page.errors, []);
});

test('a filter narrows the points and a click on one opens the project', async () => {
  const page = await fgw();
  await openMap(page);
  await fill(page, 'map-filter-q', '建设项目9999');
  await page.click('[data-test=map-search]');
  await page.waitForFunction(() => document.querySelector('[data-test=map]').dataset.points === '1');
  const body = await page.evaluate(async () => (await fetch('/api/v1/map/projects?q=建设项目9999')).json());
  const id = body.projects.id[0];
  const at = await page.evaluate(([lat, lng]) => {
    const map = document.querySelector('[data-test=map]').klMap;
    map.setView([lat, lng], 17, { animate: false });
    const p = map.latLngToContainerPoint([lat, lng]);
    return { x: p.x, y: p.y };
  }, [body.projects.lat[0], body.projects.lng[0]]);
  await page.waitForTimeout(300);
  const box = await page.locator('[data-test=map]').boundingBox();
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await page.waitForSelector('.kl-popup');
  assert.match(await page.innerText('.kl-popup'), /建设项目9999/);
  await page.click('[data-test=map-popup-link]');
  await page.waitForURL((u) => u.pathname === `/projects/${id}`);
  assert.deepEqual(page.errors, []);
});

test('on a phone the map fills the screen without overflowing', async () => {
  const page = await fgw(PHONE);
  const ms = await openMap(page);
  console.log(`map load, 390×844: ${ms} ms`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `document ${width} px wide`);
  const box = await page.locator('[data-test=map]').boundingBox();
  assert.ok(box.width >= 300 && box.height >= 300, JSON.stringify(box));
  await screenshot(page, 'map-phone');
  assert.deepEqual(page.errors, []);
});

test('the location is set by clicking the project map and checked against the outline', async () => {
  const page = await fgw();
  allowHttpErrors(page, 400);
  const id = await page.evaluate(async () => (await (await fetch('/api/v1/map/projects?q=建设项目42')).json()).projects.id[0]);
  await page.goto(`/projects/${id}`);
  await page.click('[data-tab=location]');
  await page.waitForSelector('[data-test=location-map][data-ready=yes]');
  // A 高德 link is GCJ-02: flagged, and converted when saved.
  await fill(page, 'location-paste', 'https://uri.amap.com/marker?position=108.9546,34.2186&name=x');
  await page.click('[data-test=location-paste-apply]');
  await page.waitForSelector('[data-test=location-gcj]');
  assert.match(await page.innerText('[data-test=location-gcj]'), /GCJ-02/);
  await page.click('[data-test=location-save]');
  await page.waitForSelector('[data-test=location-picked]', { state: 'detached' });
  const saved = await page.evaluate(async (pid) => (await fetch(`/api/v1/projects/${pid}`)).json(), id);
  // Stored in WGS-84: a few hundred metres from the GCJ-02 position of the link.
  assert.ok(Math.abs(saved.longitude - 108.9546) > 0.002 && Math.abs(saved.longitude - 108.9546) < 0.01, `converted from GCJ-02: ${saved.longitude}`);
  assert.match(await page.innerText('[data-test=location-current]'), new RegExp(saved.longitude.toFixed(6)));

  // The office uploads the outline (a square around 108.90..109.00 E, 34.18..34.26 N).
  await page.evaluate(async () => {
    const me = await (await fetch('/api/v1/session')).json();
    const body = { type: 'Polygon', coordinates: [[[108.9, 34.18], [109.0, 34.18], [109.0, 34.26], [108.9, 34.26], [108.9, 34.18]]] };
    const res = await fetch('/api/v1/map/outline', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`outline: ${res.status}`);
  });
  await page.reload();
  await page.click('[data-tab=location]');
  await page.waitForSelector('[data-test=location-map][data-ready=yes]');
  // Click west of the outline.
  const at = await page.evaluate(() => {
    const map = document.querySelector('[data-test=location-map]').klMap;
    map.setView([34.22, 108.88], 13, { animate: false });
    const p = map.latLngToContainerPoint([34.22, 108.87]);
    return { x: p.x, y: p.y };
  });
  const box = await page.locator('[data-test=location-map]').boundingBox();
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await page.waitForSelector('[data-test=location-picked]');
  await page.click('[data-test=location-save]');
  await page.waitForSelector('[data-test=location-error]');
  assert.match(await page.innerText('[data-test=location-error]'), /不在本区域边界内/);
  await screenshot(page, 'map-location-refused');
  assert.deepEqual(page.errors, []);
});

test('a tile URL that is not http(s) or lacks {z}/{x}/{y} stops the server with a message', () => {
  for (const bad of ['ftp://tiles.example.org/{z}/{x}/{y}.png', 'https://tiles.example.org/{z}/{x}.png']) {
    const r = spawnSync(binary, ['--db', `sqlite:${path.join(env.dir, 'bad.db')}`, 'serve', '--listen', '127.0.0.1:0', '--map-tiles', bad], { encoding: 'utf8', timeout: 20000 });
    assert.notEqual(r.status, 0, bad);
    assert.match(r.stderr + r.stdout, /tile URL template/, bad);
  }
});
