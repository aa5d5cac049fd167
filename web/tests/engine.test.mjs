// The indicator engine in the browser: the five rates with a drill-down to projects, the
// traffic lights and a manual judgement that lowers a colour (and the refusal of one that raises it), the rankings
// with the change of rank, the indicator editor's live check, and the dashboard blocks.
import { test, before } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { useServer, screenshot, allowHttpErrors } from './helpers.mjs';

const env = useServer();
let page;
before(async () => {
  page = await env.login('fgw');
});

// A JSON call from inside the logged-in page (cookie + CSRF token of the session).
async function apiCall(method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const me = await (await fetch('/api/v1/session')).json();
    const res = await fetch(`/api/v1${path}`, {
      method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token }, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }, { method, path, body });
}

test('the five rates table shows numbers and a number opens its projects', async () => {
  await page.goto('/rates');
  await page.waitForSelector('[data-test=rates-table] [data-test=rate-cell]');
  const table = await page.textContent('[data-test=rates-table]');
  assert.match(table, /手续办结率/);
  assert.match(table, /投资完成率/);
  assert.match(table, /全区合计/);
  assert.match(table, /\d+(\.\d)?%/);
  await page.waitForSelector('[data-chart=rates-trend] canvas');
  assert.ok(Number(await page.getAttribute('[data-chart=rates-trend]', 'data-points')) >= 12, 'a point per month and indicator');
  await page.waitForTimeout(700);
  await screenshot(page, 'rates');

  // The area's denominator of the first indicator (投资完成率: the projects with an annual plan).
  const areaRow = page.locator('[data-test=rates-table] .el-table__body-wrapper tr.area-row');
  await areaRow.locator('.frac a').nth(1).click();
  await page.waitForSelector('[data-test=drilldown] [data-test=drill-project]');
  const head = await page.textContent('[data-test=drilldown] .dd-head');
  const n = Number(head.replace(/[^0-9]/g, ''));
  assert.ok(n > 0, `the drill-down lists projects (${head})`);
  await screenshot(page, 'rates-drilldown');
  const name = (await page.textContent('[data-test=drilldown] [data-test=drill-project] >> nth=0')).trim();
  await page.click('[data-test=drilldown] [data-test=drill-project] >> nth=0');
  await page.waitForSelector('[data-test=project-name]');
  assert.equal((await page.textContent('[data-test=project-name]')).trim(), name);
  assert.deepEqual(page.errors, []);
});

test('the lights list filters by colour and a judgement lowers a colour', async () => {
  await page.goto('/lights');
  await page.waitForSelector('[data-test=lights-counts] .num');
  await page.waitForFunction(() => !document.querySelector('[data-test=lights-table] .el-loading-mask'));
  const counts = await page.evaluate(() => Object.fromEntries(['red', 'yellow', 'green'].map((c) => [c, Number(document.querySelector(`[data-test=lights-count-${c}] .count-value`).textContent)])));
  assert.ok(counts.red + counts.yellow + counts.green > 0, 'the demo district has lit projects');
  const colour = counts.red > 0 ? 'red' : 'yellow';
  await page.click(`[data-test=lights-count-${colour}]`);
  await page.waitForFunction(() => !document.querySelector('[data-test=lights-table] .el-loading-mask'));
  await page.waitForSelector('[data-test=lights-table] .el-table__row');
  const overall = await page.$$eval('[data-test=lights-table] .el-table__body-wrapper .el-table__row td:first-child .dot', (els) => els.map((e) => e.dataset.colour));
  assert.ok(overall.length > 0 && overall.every((c) => c === colour), `only ${colour} projects listed: ${overall}`);
  assert.match(await page.textContent('[data-test=lights-table]'), /[\u4e00-\u9fa5]{2,}/, 'reasons in words');
  await screenshot(page, 'lights');

  // Open the first project's lights tab and lower its worst dimension by one step.
  await page.click('[data-test=lights-table] .el-table__row >> nth=0 >> a');
  await page.waitForSelector('[data-test=light-dimensions] .el-table__row');
  const dims = await page.$$eval('[data-test=light-dimensions] [data-test^=dim-colour-]', (els) => els.map((e) => ({ dim: e.dataset.test.replace('dim-colour-', ''), text: e.textContent.trim() })));
  const worst = dims.find((d) => d.text === '红灯') || dims.find((d) => d.text === '黄灯');
  assert.ok(worst, `a lit dimension: ${JSON.stringify(dims)}`);
  const lower = worst.text === '红灯' ? '黄灯' : '绿灯';

  // Raising is refused with the server's message in Chinese.
  allowHttpErrors(page, 400);
  if (worst.text === '黄灯') {
    await page.locator(`[data-test=light-dimensions] .el-table__row:has([data-test=dim-colour-${worst.dim}]) .el-button`).click();
    await page.click('[data-test=judge-colour] .el-radio-button:has-text("红灯")');
    await page.fill('textarea[data-test=judge-reason]', '测试升高灯色');
    await page.click('[data-test=judge-submit]');
    await page.waitForSelector('[data-test=judge-error]');
    assert.match(await page.textContent('[data-test=judge-error]'), /[\u4e00-\u9fa5]/);
    await page.click('.el-dialog__footer .el-button:has-text("取消")');
    await page.waitForSelector('[data-test=judge-dialog]', { state: 'hidden' });
  }
  await page.locator(`[data-test=light-dimensions] .el-table__row:has([data-test=dim-colour-${worst.dim}]) .el-button`).click();
  await page.click(`[data-test=judge-colour] .el-radio-button:has-text("${lower}")`);
  await page.fill('textarea[data-test=judge-reason]', '已召开专题协调会，问题正在解决');
  await page.click('[data-test=judge-submit]');
  await page.waitForSelector('[data-test=judge-dialog]', { state: 'hidden' });
  await page.waitForFunction(({ dim, lower }) => document.querySelector(`[data-test=dim-colour-${dim}]`)?.textContent.trim() === lower, { dim: worst.dim, lower });
  await page.waitForSelector('[data-test=light-judgements] .el-table__row');
  assert.match(await page.textContent('[data-test=light-judgements]'), /专题协调会/);
  await screenshot(page, 'lights-judgement');
  assert.deepEqual(page.errors.filter((e) => !/status of 400/.test(e)), []);
});

test('the rankings show scores, ranks and the change of rank', async () => {
  let schemes = (await apiCall('GET', '/ranking-schemes')).body.items;
  if (!schemes.length) {
    const units = (await apiCall('GET', '/units?limit=500')).body.items.filter((u) => u.kind === 'department').map((u) => u.id);
    const made = await apiCall('POST', '/ranking-schemes', {
      code: 'depts', name_zh: '部门月度考评', name_en: 'Departments', period_kind: 'month',
      groups: [{ code: 'depts', name_zh: '行业部门', unit_ids: units, unit_kinds: ['department'] }],
      components: [{ indicator: 'fengxi.investment_completion', weight: 60, name_zh: '投资完成率' }, { indicator: 'fengxi.procedures_done', weight: 40, name_zh: '手续办结率' }],
      red_list: { top_n: 2, require_target: false, target_percent: 0 }, black_list: { bottom_n: 1, missed_target: false, target_percent: 0 },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    schemes = [made.body];
  }
  await page.goto('/rankings');
  await page.waitForSelector('[data-test=rank-table] [data-test=rank-change]');
  const changes = await page.$$eval('[data-test=rank-change]', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(changes.every((c) => /^(↑\d+|↓\d+|—|新上榜)$/.test(c)), changes.join(' '));
  const text = await page.textContent('[data-test=rankings-page]');
  assert.match(text, /名次/);
  assert.match(text, /得分/);
  await page.waitForFunction(() => !document.querySelector('[data-test=rankings-page] .el-loading-mask'));
  await page.waitForTimeout(500);
  await screenshot(page, 'rankings');
  // A black-listed unit is exempted by the supervisor, with a reason; the badge changes.
  // Units with nothing to measure are shown as 不参评 and are never black-listed.
  const unrankedBlack = await page.$$eval('[data-test=rank-table] .el-table__row', (rows) =>
    rows.filter((r) => r.querySelector('[data-test=rank-unranked]') && r.querySelector('[data-test=badge-black]')).length);
  assert.equal(unrankedBlack, 0);
  const exempt = page.locator('[data-test=exempt-open]').first();
  assert.ok(await exempt.count() > 0, 'the demo ranking has a black-listed unit to exempt');
  const blackBefore = await page.locator('[data-test=badge-black]').count();
  await exempt.click();
  await page.fill('textarea[data-test=exempt-reason]', '受汛期停工影响，经研究予以豁免');
  await page.click('[data-test=exempt-submit]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=badge-black]').length < n, blackBefore);
  assert.match(await page.textContent('[data-test=rankings-page]'), /已豁免/);
  assert.deepEqual(page.errors, []);
});

test('the light rules editor saves a threshold the server then uses', async () => {
  const before = (await apiCall('GET', '/light-rules')).body;
  const progress = (doc) => doc.rules.find((r) => r.dimension === 'progress');
  assert.equal(progress(before).yellow.points_behind, 10);  // the shipped Yinchuan rule
  await page.goto('/settings/light-rules');
  const input = page.locator('[data-test=rule-progress] .level').first().locator('input').first();
  await input.waitFor();
  await input.click({ clickCount: 3 });
  await input.fill('15');
  await input.press('Tab');
  await page.click('[data-test=rules-save]');
  await page.waitForFunction(() => document.querySelector('.el-message--success'));
  const after = (await apiCall('GET', '/light-rules')).body;
  assert.equal(progress(after).yellow.points_behind, 15);
  // Put the shipped rule back for the other tests.
  const restored = await apiCall('PUT', '/light-rules', before);
  assert.equal(restored.status, 200, JSON.stringify(restored.body));
  assert.deepEqual(page.errors, []);
});

test('the indicator editor shows where a formula is wrong and saves a good one', async () => {
  allowHttpErrors(page, 400);
  await page.goto('/settings/indicators');
  await page.waitForSelector('[data-test=indicator-table] .el-table__row');
  await page.click('[data-test=indicator-new]');
  await page.fill('input[data-test=ind-code]', 'test.done_share');
  await page.fill('input[data-test=ind-name-zh]', '测试办结占比');
  await page.fill('input[data-test=ind-name-en]', 'Test done share');
  await page.fill('textarea[data-test=ind-numerator]', 'count(procedures where status = done and)');
  await page.fill('textarea[data-test=ind-denominator]', 'count(procedures)');
  await page.waitForSelector('[data-test=ind-numerator-error]');
  const err = await page.textContent('[data-test=ind-numerator-error]');
  assert.match(err, /[\u4e00-\u9fa5]/, `a Chinese message: ${err}`);
  assert.match(err, /\^/, 'a caret under the position');
  await screenshot(page, 'indicator-error');
  await page.fill('textarea[data-test=ind-numerator]', 'count(procedures where status = done)');
  await page.waitForSelector('[data-test=ind-check-ok]');
  await page.click('[data-test=indicator-save]');
  await page.waitForSelector('[data-test=indicator-dialog]', { state: 'hidden' });
  await page.waitForFunction(() => document.querySelector('[data-test=indicator-table]').textContent.includes('测试办结占比'));
  const values = await apiCall('GET', '/indicators/test.done_share/values?group_by=area&period=202610');
  assert.equal(values.status, 200, JSON.stringify(values.body));
  assert.deepEqual(page.errors.filter((e) => !/status of 400/.test(e)), []);
});

test('the dashboard shows the rates, the light counts and the red list', async () => {
  await page.goto('/dashboard');
  await page.waitForSelector('[data-test=dash-rates] .rate-value');
  await page.waitForSelector('[data-test=dash-lights] .light-cell');
  assert.match(await page.textContent('[data-test=dash-rates]'), /\d+(\.\d)?%/);
  // 季度贡献率 covers the quarter to date: its label says which quarter.
  assert.match(await page.textContent('[data-test="dash-rate-label-fengxi.quarterly_contribution"]'), /季度贡献率 · \d{4}Q[1-4]/);
  await page.waitForSelector('[data-chart=dash-trend] canvas');
  await page.click('[data-test=dash-light-yellow]');
  await page.waitForURL(/\/lights\?.*colour=yellow/);
  // Overdue problems: the count is the problem ledger's, and a title opens that problem there.
  await page.goto('/dashboard');
  const overdue = await apiCall('GET', '/problems?overdue=true&limit=5');
  assert.equal(overdue.status, 200);
  assert.ok(overdue.body.total > 0, 'the demo district has overdue problems');
  await page.waitForSelector('[data-test=dash-overdue-count]');
  assert.equal((await page.textContent('[data-test=dash-overdue-count]')).trim(), String(overdue.body.total));
  await page.click('[data-test=dash-overdue-list] a');
  await page.waitForURL(/\/problems\?.*overdue=true.*problem=\d+/);
  await page.goto('/dashboard');
  await page.waitForSelector('[data-test=dash-rates] .rate-value');
  await page.waitForTimeout(900);
  await page.screenshot({ path: new URL('./screenshots/dashboard-engine.png', import.meta.url).pathname, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('the rates, lights and rankings export buttons download the server\'s .xlsx', async () => {
  for (const [url, button, name] of [
    ['/rates', 'rates-export', /^keyline-rates-\d{6}\.xlsx$/],
    ['/lights', 'lights-export', /^keyline-lights-\d{6}\.xlsx$/],
    ['/rankings', 'rank-export', /^keyline-rankings-\d{4}(\d\d|Q\d)\.xlsx$/],
  ]) {
    await page.goto(url);
    const selector = `[data-test=${button}]:not([disabled])`;
    await page.waitForSelector(selector);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    assert.match(dl.suggestedFilename(), name, url);
    const bytes = readFileSync(await dl.path());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', `${url}: a zip (.xlsx), not an error page`);
  }
  assert.deepEqual(page.errors, []);
});
