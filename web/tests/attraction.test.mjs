// 招商引资, 三个一批 and 目标任务 in the browser: a department registers a lead, signs its contract
// and converts it into a project; the office builds a round and a target and enters an actual.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, fill, typeAndChoose } from './helpers.mjs';

const env = useServer();

test('a department registers, signs and converts a lead', async () => {
  const page = await env.login('jyj');
  await page.click('[data-nav=attraction]');
  await page.waitForSelector('[data-test=attraction-rates]');
  await page.click('[data-test=lead-new]');
  await fill(page, 'lead-company', '深圳某教育科技有限公司');
  await page.click('[data-test=lead-save]');
  await page.waitForURL(/\/attraction\/leads\/\d+/);
  assert.match(await page.textContent('[data-test=lead-stage]'), /线索/);
  await page.click('[data-test=lead-edit]');
  await fill(page, 'lead-company', '深圳某教育科技股份有限公司');
  await page.click('.el-dialog [data-test=lead-save]');
  await page.waitForFunction(() => document.querySelector('.page-title')?.textContent.includes('股份'));
  await page.click('[data-test=lead-sign]');
  await fill(page, 'contract-no', 'WEB-2026-001');
  await fill(page, 'contract-date', '2026-03-10');
  await fill(page, 'contract-amount', '12000');
  await page.click('[data-test=contract-save]');
  await page.waitForSelector('[data-test=lead-contract]');
  assert.match(await page.textContent('[data-test=lead-stage]'), /签约/);
  await page.click('[data-test=contract-edit]');
  await fill(page, 'contract-funds', '3000');
  await page.click('[data-test=contract-update]');
  await page.waitForFunction(() => document.querySelector('[data-test=lead-contract]')?.textContent.includes('3,000'));
  await page.click('[data-test=lead-convert]');
  await page.click('[data-test=convert-save]');
  await page.waitForSelector('[data-test=lead-project]');
  assert.equal((await page.$$('[data-test=lead-history] .el-timeline-item')).length, 2);
  await screenshot(page, 'lead');
  await page.click('[data-test=lead-project]');
  await page.waitForURL(/\/projects\/\d+/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the office builds a round and a target with its progress', async () => {
  const page = await env.login('fgw');
  await page.click('[data-nav=campaigns]');
  await page.waitForSelector('[data-test=campaigns-page]');
  await page.click('[data-test=round-new]');
  await fill(page, 'round-name', '浏览器测试批次');
  await fill(page, 'round-date', '2026-03-28');
  await page.click('[data-test=round-save]');
  await page.click('[data-test=rounds] .el-table__row:has-text("浏览器测试批次")');
  await page.waitForSelector('[data-test=round-stats]');
  await page.click('[data-test=round-add]');
  // The project is found by typing part of its name (no 项目ID to look up).
  await typeAndChoose(page, '[data-test=add-project-id] .el-select', '第四中学', '雁塔区第四中学建设项目');
  await page.click('[data-test=add-project-save]');
  await page.waitForSelector('[data-test=round-entries] .el-table__row');
  await screenshot(page, 'campaigns');

  await page.click('[data-nav=targets]');
  await page.waitForSelector('[data-test=targets-page]');
  await page.click('[data-test=target-new]');
  await fill(page, 'target-title', '浏览器测试目标420家以上');
  await fill(page, 'target-value', 420);
  await page.click('[data-test=target-save]');
  const row = '[data-test=targets] .el-table__row:has-text("浏览器测试目标")';
  await page.waitForSelector(row);
  await page.click(`${row} [data-test=target-enter]`);
  await fill(page, 'actual-value', 210);
  await fill(page, 'actual-date', '2026-06-30');
  await page.click('[data-test=actual-save]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-test=targets] .el-table__row')]
    .some((r) => r.textContent.includes('浏览器测试目标') && r.querySelector('[data-test=target-rate]').textContent === '50.0%'));
  await page.waitForTimeout(400); // let the dialog fade out for the screenshot
  await screenshot(page, 'targets');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
