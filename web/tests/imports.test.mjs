// Ledger imports in the browser: a small ledger made by libxlsxwriter (fixtures/make_ledger.c)
// goes through the dry run (creates, an update with its change, a problem row with its row number)
// and is confirmed; the ledger and the monthly bulletin download.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useServer, screenshot, allowHttpErrors, fill, settledLedgerTotal } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = useServer();
let page;
before(async () => {
  page = await env.login('fgw');
});

async function downloadBytes(selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(file) };
}

test('a ledger goes through the dry run and is imported on confirmation', async () => {
  await page.goto('/imports/ledger');
  await page.setInputFiles('[data-test=import-file]', path.join(here, 'fixtures', 'ledger-small.xlsx'));
  await page.waitForSelector('[data-test=import-dryrun], [data-test=import-mapping]');
  if (await page.$('[data-test=import-mapping]')) {
    await screenshot(page, 'import-mapping');
    await page.click('[data-test=mapping-apply]');
  }
  await page.waitForSelector('[data-test=import-dryrun] [data-test=import-rows] .el-table__row');
  const num = async (k) => Number(await page.textContent(`[data-test=sum-${k}]`));
  assert.equal(await num('create'), 2, 'two new projects');
  assert.equal(await num('update'), 1, 'the fourth school: 建设地点 changed');
  assert.equal(await num('errors'), 1, 'the row whose 总投资 is 待定');
  const rows = await page.textContent('[data-test=import-rows]');
  // Problem rows first, with the spreadsheet row number and the reason in Chinese.
  const first = await page.textContent('[data-test=import-rows] .el-table__body-wrapper .el-table__row >> nth=0');
  assert.match(first, /^6/, `row 6 first: ${first}`);
  assert.match(first, /待定/);
  // The update shows the old and the new 建设地点.
  assert.match(rows, /鱼斗路以南 → [^→]*鱼斗路以南[（(]二期[）)]/);
  await screenshot(page, 'import-dryrun');
  // Nothing written yet.
  await page.goto('/projects?q=智慧停车');
  assert.equal(await settledLedgerTotal(page), 0);
});

test('confirming the import writes the rows (errors skipped)', async () => {
  await page.goto('/imports/ledger');
  await page.setInputFiles('[data-test=import-file]', path.join(here, 'fixtures', 'ledger-small.xlsx'));
  await page.waitForSelector('[data-test=import-dryrun], [data-test=import-mapping]');
  if (await page.$('[data-test=import-mapping]')) await page.click('[data-test=mapping-apply]');
  await page.waitForSelector('[data-test=import-confirm]');
  assert.ok(await page.isDisabled('[data-test=import-confirm]'), 'confirm waits for the choice to skip problem rows');
  await page.click('[data-test=skip-errors]');
  await page.click('[data-test=import-confirm]');
  await page.waitForSelector('[data-test=import-done]');
  assert.match(await page.textContent('[data-test=import-done]'), /新增 2 个，更新 1 个/);
  await page.goto('/projects');
  await fill(page, 'filter-q', '智慧停车');
  assert.equal(await settledLedgerTotal(page), 1);
  assert.deepEqual(page.errors, []);
});

test('the ledger exports to Excel and the monthly bulletin downloads', async () => {
  await page.goto('/projects?stage=construction');
  await page.waitForSelector('[data-test=ledger-export]');
  const xlsx = await downloadBytes('[data-test=ledger-export]');
  assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK', `an .xlsx (zip): ${xlsx.name}`);
  const oc = await downloadBytes('[data-test=ledger-oc4ids]');
  const pkg = JSON.parse(oc.bytes.toString('utf8'));
  assert.ok(Array.isArray(pkg.projects) && pkg.projects.length >= 150, `an OC4IDS package of the visible projects (${oc.name})`);

  await page.goto('/bulletins');
  // The preview is the server's HTML in a shadow root (Playwright's CSS pierces it).
  const body = page.locator('[data-test=bulletin-preview] .bulletin-body');
  await body.waitFor();
  assert.match(await body.textContent(), /通报/);
  assert.match(await body.textContent(), /总投资/);
  await page.waitForTimeout(500);
  await screenshot(page, 'bulletin');
  const pdf = await downloadBytes('[data-test=bulletin-pdf]');
  assert.equal(pdf.bytes.subarray(0, 4).toString(), '%PDF', pdf.name);
  assert.match(pdf.name, /\.pdf$/);
  const xl = await downloadBytes('[data-test=bulletin-xlsx]');
  assert.equal(xl.bytes.subarray(0, 2).toString(), 'PK', xl.name);
  assert.deepEqual(page.errors, []);
});
