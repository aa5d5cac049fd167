// Chinese all the way: the office admin walks the main screens at desktop
// (1440×900) and phone (390×844) size and finds no "ID" header, no bare scheme or indicator
// code, no login name where a person's name belongs; an industry code comes with its name,
// the ledger filters by an industry picked by name, and a project is added by typing part of
// its name. No page or console error on the way.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, typeAndChoose } from './helpers.mjs';

const env = useServer();
let page;
before(async () => {
  page = await env.login('admin');
});

// The demo district's logins (demo/yanta/users.json): none may stand where a name belongs.
const LOGINS = ['admin', 'fgw', 'jyj', 'zjj', 'qiye', 'lingdao', 'fwy'];
// 西安荟聚项目, GB/T 4754 F5211 (百货零售).
const RETAIL_PROJECT = 2;

const SCREENS = [
  ['/dashboard', '[data-test=dashboard], .page'],
  ['/projects', '[data-test=ledger-table] .el-table__row'],
  [`/projects/${RETAIL_PROJECT}`, '[data-test=tab-basics]'],
  ['/key-lists', '[data-test=key-list-view]'],
  ['/problems', '.page'],
  ['/meetings', '.page'],
  ['/attraction', '.page'],
  ['/campaigns', '[data-test=campaigns-page]'],
  ['/rates', '.page'],
  ['/rankings', '.page'],
  ['/settings/indicators', '[data-test=indicator-table] .el-table__row'],
  ['/settings/light-rules', '.page'],
  ['/settings/ranking-schemes', '.page .el-table__row'],
  ['/units', '.page .el-table__row'],
  ['/audit', '.page .el-table__row'],
];

// Header texts of every table and description list on the page.
async function headers() {
  return page.$$eval('th, .el-descriptions__label', (els) => els.map((e) => e.textContent.trim()).filter(Boolean));
}

async function walk(size) {
  for (const [url, ready] of SCREENS) {
    await page.goto(url);
    await page.waitForSelector(ready);
    await page.waitForLoadState('networkidle');
    const heads = await headers();
    const idHeads = heads.filter((h) => /(^|[^A-Za-z])ID([^A-Za-z]|$)/.test(h));
    assert.deepEqual(idHeads, [], `${url} at ${size}: an "ID" header`);
    const text = await page.textContent('body');
    assert.doesNotMatch(text, /mianyang_demo/, `${url} at ${size}: a bare scheme code`);
    assert.doesNotMatch(text, /fengxi\.[a-z_]+/, `${url} at ${size}: a bare indicator code`);
  }
  assert.deepEqual(page.errors, []);
}

test('the main screens at 1440×900 speak Chinese', async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await walk('1440×900');
});

test('the main screens at 390×844 speak Chinese', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await walk('390×844');
  await page.goto(`/projects/${RETAIL_PROJECT}`);
  await page.waitForSelector('[data-test=tab-basics]');
  await screenshot(page, 'chinese-project-phone');
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('an industry is shown with its name on the project and in the ledger', async () => {
  await page.goto(`/projects/${RETAIL_PROJECT}`);
  const basics = await (await page.waitForSelector('[data-test=tab-basics]')).textContent();
  assert.match(basics, /F5211 百货零售/);  // the 小类's own name, not its 大类's

  // The ledger's industry filter is picked by name at any level: typing 百货 offers the 小类
  // F5211 百货零售; typing 零售 offers the 大类 F52 零售业.
  await page.goto('/projects');
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  await page.click('.el-button:has-text("更多条件")');
  await page.click('[data-test=industry-select]');
  await page.keyboard.type('百货');
  const offered = await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').allTextContents();
  assert.ok(offered.some((t) => t.trim() === 'F5211 百货零售'), offered.join(' | '));
  await screenshot(page, 'chinese-industry-picker');
  await page.keyboard.press('Escape');
  await typeAndChoose(page, '[data-test=industry-select]', '零售', 'F52 零售业');
  await page.waitForURL(/industry=F52/);
  await page.waitForFunction(() => !document.querySelector('[data-test=ledger-table] .el-loading-mask'));
  // Show the industry column: every row of the filtered ledger reads a retail code with its name.
  await page.click('[data-test=column-chooser]');
  await page.click('.col-chooser .el-checkbox:has-text("国民经济行业")');
  await page.click('.page-title');  // closes the column chooser
  await page.waitForSelector('.col-chooser', { state: 'hidden' });
  await page.$eval('[data-test=ledger-table] .el-scrollbar__wrap', (el) => { el.scrollLeft = el.scrollWidth; });
  const cells = await page.$$eval('[data-test=ledger-table] .el-table__body-wrapper .el-table__row', (rows) => rows.map((r) => r.textContent));
  assert.ok(cells.length >= 1, 'the demo district has retail projects');
  for (const c of cells) assert.match(c, /F52\d* \S*零售/);
  await screenshot(page, 'chinese-ledger-industry');
  assert.deepEqual(page.errors, []);
});

test('people are shown by name, not by login', async () => {
  await page.goto('/audit');
  await page.waitForSelector('.page .el-table__row');
  const col = await page.$$eval('.page .el-table__body-wrapper .el-table__row', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
  const cells = col.flat();
  for (const login of LOGINS) assert.ok(!cells.includes(login), `audit shows the login ${login}`);
  assert.ok(cells.some((c) => /系统管理员|王倩/.test(c)), 'audit shows display names');
  assert.deepEqual(page.errors, []);
});

test('indicators read in Chinese and schemes by name', async () => {
  await page.goto('/settings/indicators');
  await page.waitForSelector('[data-test=indicator-table] .el-table__row');
  const reading = await page.textContent('[data-test=indicator-table]');
  assert.match(reading, /合计（月报·完成投资/);
  assert.match(reading, /÷|年度计划投资/);
  await screenshot(page, 'chinese-indicators');
  await page.goto('/settings/ranking-schemes');
  await page.waitForSelector('.page .el-table__row');
  assert.match(await page.textContent('.page'), /重点项目推进红黑榜/);
  assert.deepEqual(page.errors, []);
});

test('a project is added to a key list by typing part of its name', async () => {
  await page.goto('/key-lists');
  await page.waitForSelector('[data-test=key-list-view]');
  await page.click('[data-test=kl-propose]');
  await typeAndChoose(page, '.el-dialog .el-form-item:has-text("项目") .el-select', '荟聚', '西安荟聚项目');
  const chosen = await page.textContent('.el-dialog .el-form-item:has-text("项目") .el-select');
  assert.match(chosen, /西安荟聚项目/);
  await screenshot(page, 'chinese-add-project-by-name');
  await page.keyboard.press('Escape');
  assert.deepEqual(page.errors, []);
});
