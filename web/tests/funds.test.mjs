// Funds, factor guarantees and key lists in the browser: the 资金 and 要素保障 tabs
// of a project, the 资金监管 overview with its rates, and a key-list change proposed by the
// supervisor (fgw) and approved by the admin.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, chooseOption } from './helpers.mjs';

const env = useServer();
let page;
before(async () => {
  page = await env.login('fgw');
});

// The demo district has funds and guarantees on its big projects under construction; this one
// (二府庄社区卫生服务中心, 储备) starts with none.
const FRESH_PROJECT = 9;

test('a funding line records its events and shows the totals', async () => {
  await page.goto(`/projects/${FRESH_PROJECT}?tab=funds`);
  await page.click('[data-test=add-fund-line]');
  await chooseOption(page, '.el-dialog .el-select', '中央预算内投资');
  await page.click('.el-dialog__footer .el-button--primary');
  await page.waitForSelector('[data-test^=fund-line-]');
  // 申请 1000 万元, then 下达 600 with its 文号.
  await page.click('[data-test^=fund-line-] .line-head .el-button');
  await page.fill('input[data-test=event-amount]', '1000');
  await page.fill('.el-dialog .el-date-editor input', '2026-01-10');
  await page.keyboard.press('Enter');
  await page.click('.el-dialog__footer .el-button--primary');
  await page.waitForSelector('[data-test^=fund-line-] .el-table__row');
  await page.click('[data-test^=fund-line-] .line-head .el-button');
  await page.click('.el-dialog .el-radio-button:has-text("下达")');
  await page.fill('input[data-test=event-amount]', '600');
  await page.fill('.el-dialog .el-date-editor input', '2026-02-10');
  await page.keyboard.press('Enter');
  await page.fill('input[data-test=event-doc-no]', '发改投资〔2026〕12号');
  await page.click('.el-dialog__footer .el-button--primary');
  await page.waitForSelector('[data-test=fund-due-items] .el-table__row');
  const head = await page.textContent('[data-test^=fund-line-] .totals');
  assert.match(head, /申请 1,000/);
  assert.match(head, /下达 600/);
  const dueRows = await page.$$('[data-test=fund-due-items] .el-table__body-wrapper .el-table__row');
  assert.equal(dueRows.length, 2, 'forward and break-down due items');
  await screenshot(page, 'funds-tab');
  assert.deepEqual(page.errors, []);
});

test('the funds overview shows rates by source', async () => {
  await page.goto('/funds');
  await page.waitForSelector('[data-test=rate-table] .el-table__row');
  const text = await page.textContent('[data-test=rate-table]');
  // The central-budget row counts the demo lines and the one just added; every rate is shown.
  assert.match(text, /中央预算内投资[\d,]+[\d,]+/);
  assert.match(text, /合计/);
  assert.match(text, /\d+\.\d%/);
  await screenshot(page, 'funds-overview');
  assert.deepEqual(page.errors, []);
});

test('a factor demand is recorded on its tab', async () => {
  await page.goto(`/projects/${FRESH_PROJECT}?tab=factors`);
  await page.click('[data-test=add-factor]');
  await chooseOption(page, '.el-dialog .el-select', '用地');
  await page.fill('input[data-test=factor-demanded]', '120.5');
  await page.fill('input[data-test=factor-guaranteed]', '0');
  await page.click('.el-dialog__footer .el-button--primary');
  await page.waitForSelector('[data-test=tab-factors] .el-table__row');
  assert.match(await page.textContent('[data-test=tab-factors]'), /120\.5 亩/);
  assert.deepEqual(page.errors, []);
});

test('a key-list entry takes effect once a second person approves it', async () => {
  await page.goto('/key-lists');
  await page.waitForSelector('[data-test=kl-members]');
  await page.click('[data-test=kl-propose]');
  await page.click('.el-dialog .el-select');
  await page.click('.el-select-dropdown:visible .el-select-dropdown__item >> nth=0');
  await page.keyboard.press('Escape');
  const year = new Date().getFullYear();
  await page.fill('.el-dialog .el-date-editor input', `${year}-01-01`);
  await page.keyboard.press('Enter');
  await page.fill('.el-dialog textarea', '年度区级重点项目');
  await page.click('.el-dialog__footer .el-button--primary');
  await page.waitForSelector('[data-test=kl-changes] .el-table__row');
  assert.match(await page.textContent('[data-test=kl-changes]'), /待审核/);

  const admin = await env.login('admin');
  await admin.goto('/key-lists');
  await admin.click('.el-tabs__item:has-text("调整记录")');
  await admin.click('[data-test=kl-changes] .el-button:has-text("批准")');
  await admin.waitForSelector('[data-test=kl-changes] .el-tag:has-text("已批准")');
  await admin.click('.el-tabs__item:has-text("名单")');
  await admin.waitForSelector('[data-test=kl-members] .el-table__row');
  await screenshot(admin, 'key-list');
  assert.deepEqual(admin.errors, []);
  assert.deepEqual(page.errors, []);
});
