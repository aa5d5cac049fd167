// Shared by the browser tests: a real Keyline server on a free loopback port with a fresh
// SQLite database — the demo district, or a blank one started with `keyline setup` — Debian's
// chromium driven by playwright-core, page error collection and screenshots.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.resolve(here, '..');
export const repoDir = path.resolve(webDir, '..');
export const screenshotDir = path.join(here, 'screenshots');
export const PASSWORD = 'Keyline@2026';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base, proc, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`keyline exited early with code ${proc.exitCode}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch (e) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`keyline did not answer ${base}/healthz within ${ms} ms`);
}

// The admin password of a server started with {setup} (see startServer).
export const SETUP_PASSWORD = 'Setup#Admin2026';

// Starts keyline (KEYLINE_BINARY, default build/keyline) serving web/dist. Returns {base, stop,
// output}. By default the database holds the demo district (seed-demo); with {setup: [args]} it
// is a blank database on which `keyline setup ARGS` ran instead (password SETUP_PASSWORD), and
// output is what setup printed.
export async function startServer(options = {}) {
  const binary = path.resolve(repoDir, process.env.KEYLINE_BINARY || 'build/keyline');
  if (!existsSync(binary)) throw new Error(`keyline binary not found: ${binary} (build it or set KEYLINE_BINARY)`);
  const dist = path.join(webDir, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('web/dist is missing: run npm run build in web/');
  const dir = mkdtempSync(path.join(tmpdir(), 'keyline-web-test-'));
  const db = `sqlite:${path.join(dir, 'keyline.db')}`;
  execFileSync(binary, ['--db', db, 'migrate'], { stdio: 'pipe' });
  let output = '';
  if (options.setup) {
    output = execFileSync(binary, ['--db', db, 'setup', ...options.setup], { input: `${SETUP_PASSWORD}\n`, encoding: 'utf8' });
  } else {
    execFileSync(binary, ['--db', db, 'seed-demo'], { stdio: 'pipe' });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn(binary, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, '--static', dist], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  try {
    await waitHealthy(base, proc, 15000);
  } catch (err) {
    proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${err.message}\n${log}`);
  }
  return {
    base,
    output,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

// Expected browser noise: Chromium logs every failed fetch. The 401 of "am I logged in?"
// (and of a wrong password) is always expected; a test that provokes other answers says so
// with allowHttpErrors(page, 401, 400).
function expectedConsoleError(page, msg) {
  const url = (msg.location() && msg.location().url) || '';
  const m = /the server responded with a status of (\d+)/.exec(msg.text());
  if (!m || !url.includes('/api/v1/')) return false;
  const status = Number(m[1]);
  return (status === 401 && /\/api\/v1\/session$/.test(url)) || page.allowedHttpErrors.has(status);
}

export function allowHttpErrors(page, ...statuses) {
  for (const s of statuses) page.allowedHttpErrors.add(s);
}

// The phone size of the phone tests: a 390×844 touch screen (newPage(..., PHONE)).
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// A new page in its own context (own cookies) that records page errors and console errors.
// contextOptions (e.g. PHONE) override the 1440×900 desktop default.
export async function newPage(browser, base, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: base, ...contextOptions });
  const page = await context.newPage();
  page.errors = [];
  page.allowedHttpErrors = new Set();
  page.on('pageerror', (err) => page.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expectedConsoleError(page, msg)) page.errors.push(`console: ${msg.text()} @ ${(msg.location() || {}).url}`);
  });
  return page;
}

export async function login(page, username, password = PASSWORD) {
  await page.goto('/login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('[data-test=login-submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// The ledger's "共 N 个项目" as a number.
export async function ledgerTotal(page) {
  const text = await page.textContent('[data-test=ledger-total]');
  return Number(text.replace(/[^0-9]/g, ''));
}

// Waits until the ledger finished loading (no loading mask) and returns its total.
export async function settledLedgerTotal(page) {
  await page.waitForSelector('[data-test=ledger-table] .el-loading-mask', { state: 'detached' }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('[data-test=ledger-table] .el-loading-mask'));
  return ledgerTotal(page);
}

// The fixture of every browser test file: registers before/after hooks that start a server and
// a browser and stop them again. Returns {server, browser, newPage(), login(user)}; newPage
// and login wait for the start, so a file's own before hook may use them (node runs the
// top-level hooks of a file without waiting for each other). options go to startServer
// ({setup: [...]} for a blank database started with `keyline setup`; login then uses
// SETUP_PASSWORD).
export function useServer(options = {}) {
  let starting = null;
  const env = {
    server: null,
    browser: null,
    start() {
      starting ||= (async () => {
        env.server = await startServer(options);
        env.browser = await launchBrowser();
      })();
      return starting;
    },
    async newPage(contextOptions) {
      await env.start();
      return newPage(env.browser, env.server.base, contextOptions);
    },
    async login(username, contextOptions) {
      const page = await env.newPage(contextOptions);
      await login(page, username, options.setup ? SETUP_PASSWORD : PASSWORD);
      return page;
    },
  };
  before(() => env.start());
  after(async () => {
    await starting?.catch(() => {});
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.stop();
  });
  return env;
}

// Fills the input behind a data-test hook (Element Plus puts the attribute on the input or on
// its wrapper depending on the component).
export async function fill(page, hook, value) {
  const input = page.locator(`input[data-test=${hook}], [data-test=${hook}] input`).first();
  await input.fill(String(value));
  await input.press('Enter');
}

// Opens an Element Plus select and picks the option with that text.
export async function chooseOption(page, trigger, text) {
  await page.click(trigger);
  await page.click(`.el-select-dropdown:visible .el-select-dropdown__item:has-text("${text}")`);
}

// Opens a filterable Element Plus select, types part of a name and picks the option with that
// text (a project by its name, an industry by 零售).
export async function typeAndChoose(page, trigger, typed, text) {
  await page.click(trigger);
  await page.keyboard.type(typed);
  await page.click(`.el-select-dropdown:visible .el-select-dropdown__item:has-text("${text}")`);
}

// Waits until the element behind selector has no loading mask.
export async function settle(page, selector) {
  await page.waitForFunction((sel) => !document.querySelector(`${sel} .el-loading-mask`), selector);
}

// Types into an Element Plus date picker and applies the value.
export async function fillDate(page, selector, value) {
  const input = page.locator(`${selector}`).first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

// A valid truecolour PNG of w×h pixels; pixel(x, y) gives its [r, g, b].
export function pngBytes(w, h, pixel) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // 8-bit RGB
  ihdr[9] = 2;
  const rows = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) rows.push(...pixel(x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
