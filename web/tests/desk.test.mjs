// The month in fewer steps, on the demo district at 1440×900 and 390×844: the company
// (qiye) lands on its to-do of the open period and goes with one tap into a report that is not
// filled yet, prefilled from last month; the responsible department (zjj) sees the comparison in
// the review drawer and approves by batch — the selected ones, then all without warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, settle } from './helpers.mjs';

// The demo's open period (src/app/demo_reporting.cc): this month from the window's opening day
// (the 25th) on, else last month — Beijing time.
const bj = new Date(Date.now() + 8 * 3600 * 1000);
const [Y, M, D] = [bj.getUTCFullYear(), bj.getUTCMonth() + 1, bj.getUTCDate()];
const OPEN = D >= 25 ? Y * 100 + M : M === 1 ? (Y - 1) * 100 + 12 : Y * 100 + M - 1;

const env = useServer();
const SIZES = [
  { suffix: '', width: 1440, height: 900 },
  { suffix: '-phone', width: 390, height: 844 },
];

async function shot(page, name) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const style = await page.addStyleTag({ content: '.el-message { display: none !important; }' });
  await page.waitForTimeout(300);
  await screenshot(page, name);
  await style.evaluate((el) => el.remove());
}

test('a company lands on its to-do and goes into a report prefilled from last month', async () => {
  const page = await env.login('qiye');
  // The reporter's home is its to-do.
  await page.waitForURL(/\/reporting\/todo/);
  await page.goto(`/reporting/todo?period=${OPEN}`);
  await page.waitForSelector('[data-test=todo-list] [data-test=todo-item]');
  await settle(page, '[data-test=todo-page]');
  assert.match(await page.textContent('[data-test=todo-deadline]'), /截止日：\d{4}-\d{2}-\d{2}/);
  const states = await page.$$eval('[data-test=todo-item]', (els) => els.map((e) => e.dataset.state));
  assert.ok(states.length > 0);
  const order = ['returned', 'missing', 'draft', 'submitted', 'approved'];
  for (let i = 1; i < states.length; i++) assert.ok(order.indexOf(states[i - 1]) <= order.indexOf(states[i]), states.join());
  // A project without a report this month whose earlier report the prefill carries.
  const pick = await page.evaluate(async (period) => {
    const todo = await (await fetch(`/api/v1/reporting/todo?period=${period}`)).json();
    for (const item of todo.items.filter((i) => i.state === 'missing')) {
      const p = await (await fetch(`/api/v1/projects/${item.project_id}/reports/${period}/prefill`)).json();
      if (p.source_period) return { id: item.project_id, name: item.project_name, prefill: p };
    }
    return null;
  }, OPEN);
  assert.ok(pick, 'a missing report with an earlier one to start from');
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(`/reporting/todo?period=${OPEN}`);
    await page.waitForSelector('[data-test=todo-item]');
    await settle(page, '[data-test=todo-page]');
    await shot(page, `todo${size.suffix}`);
    // One tap into the report.
    const item = page.locator(`[data-test=todo-item][data-state=missing]:has-text("${pick.name}")`);
    await item.locator('[data-test=todo-open]').click();
    await page.waitForURL(new RegExp(`/projects/${pick.id}/reports/${OPEN}`));
    await page.waitForSelector('[data-test=prefill-note]');
    assert.equal(await page.inputValue('textarea[data-test=f-main]'), pick.prefill.fields.main_works);
    assert.equal(await page.inputValue('textarea[data-test=f-progress]'), pick.prefill.fields.progress_text);
    assert.equal(await page.inputValue('input[data-test=f-investment]'), '', 'the investment is not carried over');
    await settle(page, '[data-test=report-page]');
    await shot(page, `report-prefill${size.suffix}`);
  }
  // Nothing was saved by opening it.
  const view = await page.evaluate(async ([id, period]) => (await fetch(`/api/v1/projects/${id}/reports/${period}`)).json(), [pick.id, OPEN]);
  assert.equal(view.exists, false);
  // The period's template: an .xlsx of its own projects, from the to-do and from 月报导入.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/reporting/todo?period=${OPEN}`);
  await page.waitForSelector('[data-test=todo-item]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=todo-template]')]);
  assert.equal(download.suggestedFilename(), `reports-template-${OPEN}.xlsx`);
  const bytes = await (async () => { const chunks = []; for await (const c of await download.createReadStream()) chunks.push(c); return Buffer.concat(chunks); })();
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  await page.click('[data-test=todo-import]');
  await page.waitForSelector('[data-test=import-reports] [data-test=import-template]');
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=import-template]')]);
  assert.match(again.suggestedFilename(), /^reports-template-\d{6}\.xlsx$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a department compares a report and approves by batch', async () => {
  const page = await env.login('zjj');
  await page.goto(`/reporting/review?status=submitted&period=${OPEN}`);
  await page.waitForSelector('[data-test=review-table] .el-table__body tr');
  await settle(page, '[data-test=review-page]');
  const total = async () => Number((await page.textContent('[data-test=review-total]')).replace(/[^0-9]/g, ''));
  const before = await total();
  assert.ok(before >= 3, `pending reports: ${before}`);

  // The drawer: plan, last month, cumulative, rate, warnings side by side.
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.click('[data-test=review-table] .el-table__body tr:first-child [data-test=review-open]');
    await page.waitForSelector('[data-test=review-compare] [data-test=cmp-ytd]');
    await settle(page, '[data-test=review-drawer]');
    const text = await page.textContent('[data-test=review-compare]');
    for (const label of ['本月完成', '本月计划', '上月完成', '年度计划', '年度累计', '开工以来累计', '年度完成率', '序时进度', '报送预警']) {
      assert.ok(text.includes(label), `${label} in ${text}`);
    }
    assert.match(await page.textContent('[data-test=cmp-ytd]'), /\d/);
    await shot(page, `review-compare${size.suffix}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-test=review-drawer]', { state: 'hidden' });
  }

  // 通过所选: two rows (the page loaded again at each size, as a phone or a desktop opens it).
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.reload();
    await page.waitForSelector('[data-test=review-table] .el-table__body tr');
    await settle(page, '[data-test=review-page]');
    const boxes = page.locator('[data-test=review-table] .el-table__body tr .el-checkbox');
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    await page.waitForSelector('[data-test=batch-bar] >> text=已选 2 份');
    await shot(page, `review-batch${size.suffix}`);
  }
  await page.click('[data-test=batch-approve-selected]');
  await page.click('.el-message-box .el-button--primary');
  await page.waitForSelector('.el-message--success >> text=已通过 2 份，跳过 0 份');
  await page.waitForFunction((n) => Number(document.querySelector('[data-test=review-total]').textContent.replace(/[^0-9]/g, '')) === n, before - 2);

  // 通过全部无预警的: the rest of the period's queue (the demo's reports carry no warnings).
  await page.click('[data-test=batch-approve-clean]');
  await page.click('.el-message-box .el-button--primary');
  await page.waitForSelector(`.el-message--success >> text=已通过 ${before - 2} 份`);
  await page.waitForFunction(() => Number(document.querySelector('[data-test=review-total]').textContent.replace(/[^0-9]/g, '')) === 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
