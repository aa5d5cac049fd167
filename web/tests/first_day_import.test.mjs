// A real office's first ledger in the wizard: on a database fresh from `keyline setup
// --departments --towns-as-units`, the office's own 2023 ledger (tests/fixtures/import/
// first_day_ledger.xlsx: short unit names, the year's figures, a credit code Excel stored as a
// number) → the names step asks only for 区重点办, mapped to the office → the dry run says which
// year and month its figures are and shows the rows' warnings → confirmed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServer, screenshot, repoDir } from './helpers.mjs';

const ledger = path.join(repoDir, 'tests', 'fixtures', 'import', 'first_day_ledger.xlsx');
const env = useServer({
  setup: ['--office', '雁塔区发展和改革委员会', '--region', '610113', '--admin', 'wang', '--departments', '--towns-as-units'],
});
let page;
before(async () => {
  page = await env.login('wang');
  await page.setViewportSize({ width: 1440, height: 900 });
});

test("the office's own ledger comes in with its figures after one name is mapped", async () => {
  await page.goto('/imports/ledger');
  await page.setInputFiles('[data-test=import-file]', ledger);
  await page.waitForSelector('[data-test=import-values], [data-test=import-dryrun], [data-test=import-mapping]');
  if (await page.$('[data-test=import-mapping]')) await page.click('[data-test=mapping-apply]');
  await page.waitForSelector('[data-test=import-values]');
  const table = await page.textContent('[data-test=values-table]');
  assert.match(table, /区重点办/);
  assert.doesNotMatch(table, /区住建局|电子城街道|区城改办|区卫健局|区商务局/, 'short names matched by themselves');
  await page.click('[data-test="target-区重点办"]');
  await page.click('.el-select-dropdown:visible .el-select-dropdown__item:has-text("雁塔区发展和改革委员会")');
  await page.click('[data-test=values-save]');
  await page.waitForSelector('[data-test=import-dryrun]');
  assert.equal(Number(await page.textContent('[data-test=sum-errors]')), 0);
  assert.equal(Number(await page.textContent('[data-test=sum-create]')), 10);
  assert.match(await page.textContent('[data-test=import-figures-period]'), /2023年计划，累计截至12月/);
  assert.match(await page.textContent('[data-test=import-new-leaders]'), /将登记 3 位包抓领导/);
  const rows = await page.textContent('[data-test=import-rows]');
  assert.match(rows, /被 Excel 存成了数字/, 'the code stored as a number is named');
  assert.match(rows, /项目阶段推断为在建/);
  await screenshot(page, 'import-first-day');
  await page.click('[data-test=import-confirm]');
  await page.waitForSelector('[data-test=import-done]');
  assert.match(await page.textContent('[data-test=import-done]'), /新增 10 个/);
  assert.deepEqual(page.errors, []);
});
