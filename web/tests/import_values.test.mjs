// Short names and value mapping in the browser: a ledger naming the demo district's units the
// way clerks write them (区发改委, 区住建局, 区城改办, 电子城街道; 教育局 ambiguous once a city bureau exists;
// 区大数据局 unknown) → the names step lists what did not match by itself → one value mapped to
// an existing unit, one to a new unit → dry run clean → confirm; a second upload of the same
// file matches everything by itself. Fixture: tests/fixtures/import/ledger_short_names.xlsx.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServer, screenshot, repoDir } from './helpers.mjs';

const ledger = path.join(repoDir, 'tests', 'fixtures', 'import', 'ledger_short_names.xlsx');
const env = useServer();
let page;
before(async () => {
  page = await env.login('fgw');
  await page.setViewportSize({ width: 1440, height: 900 });
  // A city-level 教育局 makes the ledger's bare "教育局" ambiguous.
  const status = await page.evaluate(async () => {
    const me = await (await fetch('/api/v1/session')).json();
    const res = await fetch('/api/v1/units', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ name: '西安市教育局', kind: 'department', region_code: '610100' }),
    });
    return res.status;
  });
  assert.equal(status, 201);
});

async function uploadShortNames() {
  await page.goto('/imports/ledger');
  await page.setInputFiles('[data-test=import-file]', ledger);
  await page.waitForSelector('[data-test=import-values], [data-test=import-dryrun], [data-test=import-mapping]');
}

// Chooses an option of a value's select. The dropdown of the previous pick may still be fading
// out (it has the same options), so wait until every dropdown is hidden before and after.
const noDropdownOpen = () =>
  page.waitForFunction(() => [...document.querySelectorAll('.el-select-dropdown')].every((d) => {
    const popper = d.closest('.el-popper') || d;
    return getComputedStyle(popper).display === 'none' || popper.getAttribute('aria-hidden') === 'true';
  }));
async function pick(value, optionText) {
  await noDropdownOpen();
  await page.click(`[data-test="target-${value}"]`);
  const option = page.locator(`.el-select-dropdown:visible .el-select-dropdown__item:has-text("${optionText}")`).last();
  await option.scrollIntoViewIfNeeded();
  await option.click();
  await noDropdownOpen();
}

test('unknown and ambiguous names are mapped, confirmed and matched next time', async () => {
  await uploadShortNames();
  assert.ok(await page.$('[data-test=import-values]'), 'the names step comes after the columns');
  const table = await page.textContent('[data-test=values-table]');
  // What matched by itself is not asked; each open name once, with its rows.
  assert.doesNotMatch(table, /区发改委|区住建局|区城改办|电子城街道/);
  assert.match(table, /教育局/);
  assert.match(table, /对应多个/);
  assert.match(table, /8、10/, 'both rows of 教育局');
  assert.match(table, /区大数据局/);
  assert.match(table, /未登记/);
  await pick('教育局', '西安市雁塔区教育局');
  await pick('区大数据局', '新建…');
  await page.locator('input[data-test="new-name-区大数据局"], [data-test="new-name-区大数据局"] input').first().fill('西安市雁塔区数据局');
  await page.waitForTimeout(200);
  await screenshot(page, 'import-values');
  await page.click('[data-test=values-save]');
  await page.waitForSelector('[data-test=import-dryrun]');
  assert.equal(Number(await page.textContent('[data-test=sum-errors]')), 0);
  assert.equal(Number(await page.textContent('[data-test=sum-create]')), 7);
  await page.click('[data-test=import-confirm]');
  await page.waitForSelector('[data-test=import-done]');
  assert.match(await page.textContent('[data-test=import-done]'), /新增 7 个/);

  // Next month: the same file goes straight to the dry run, nothing to map.
  await uploadShortNames();
  await page.waitForSelector('[data-test=import-dryrun]');
  assert.equal(await page.$('[data-test=import-values]'), null);
  assert.equal(Number(await page.textContent('[data-test=sum-errors]')), 0);
  assert.equal(Number(await page.textContent('[data-test=sum-unchanged]')), 7);
  assert.equal(await page.$('[data-test=back-values]'), null, 'no names left to map');
  assert.deepEqual(page.errors, []);
});

test('the unit screen shows the saved aliases and the office edits them', async () => {
  await page.goto('/units');
  await page.waitForSelector('[data-test=units-page] .el-table__row');
  const search = page.locator('[data-test=units-page] .toolbar .el-input input').last();
  await search.fill('雁塔区教育局');
  await search.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-test=units-page] .el-table__body .el-table__row').length === 1);
  await page.click('[data-test=units-page] .el-table__row >> nth=0 >> [data-test^=unit-aliases-]');
  await page.waitForSelector('[data-test=alias-dialog] [data-test="alias-教育局"]');
  await page.locator('input[data-test=alias-input], [data-test=alias-input] input').first().fill('区教育');
  await page.click('[data-test=alias-add]');
  await page.waitForSelector('[data-test="alias-区教育"]');
  await screenshot(page, 'unit-aliases');
  assert.deepEqual(page.errors, []);
});
