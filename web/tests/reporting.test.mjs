// Monthly reporting end to end: the 发改 supervisor (fgw) opens this month's window and makes
// and re-baselines a project's annual plan; the company (qiye) fills, uploads a photo and
// submits (confirming the plan warning); the responsible department (zjj) returns it; qiye
// corrects and resubmits; zjj approves; the completeness page and the figures follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, allowHttpErrors, settle, fillDate, pngBytes } from './helpers.mjs';

// 慈恩路沿线老旧小区综合改造项目: owned by qiye's company (雁塔城市更新公司), 在建 with an actual
// start date, responsible unit 区住建局 (zjj).
const PROJECT_NAME = '慈恩路沿线老旧小区综合改造项目';

// The report period is December of last year (Beijing): the demo seed fills this year's plans
// and reports (seed-demo, src/app/demo_reporting.cc) but nothing before January, so the
// project has no plan for that year and no report for that month, and it is on the reminder
// list. The window is set by hand so that it is open today whatever the real date: from
// December 1st to today + 10 / + 20 days (the server only requires opens_on ≥ the period's
// first day and opens_on ≤ due_on ≤ locks_after).
const DAY = 86400000;
const bj = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
const TODAY = bj(Date.now());
const YEAR = Number(TODAY.slice(0, 4)) - 1;
const MONTH = 12;
const PERIOD = YEAR * 100 + MONTH;
const PERIOD_LABEL = `${YEAR}年${MONTH}月`;
const OPENS = `${YEAR}-12-01`;
const DUE = bj(Date.now() + 10 * DAY);
const LOCKS = bj(Date.now() + 20 * DAY);

// A small valid PNG (16×12, a gradient) for the photo upload.
const png = () => pngBytes(16, 12, (x, y) => [40 + x * 12, 120 + y * 8, 200 - x * 6]);

const env = useServer();
let projectId;

// Screenshots without the transient toasts.
async function shot(page, name) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const style = await page.addStyleTag({ content: '.el-message { display: none !important; }' });
  await screenshot(page, name);
  await style.evaluate((el) => el.remove());
}

async function completeness(page) {
  await page.goto(`/reporting/completeness?period=${PERIOD}`);
  await page.waitForSelector('[data-test=cmp-gaps]');
  await settle(page, '[data-test=completeness-page]');
  const read = async (key) => Number((await page.textContent(`[data-test=cmp-${key}] .stat-value`)).replace(/[^0-9]/g, ''));
  const out = {};
  for (const key of ['expected', 'received', 'on_time', 'missing', 'pending', 'returned', 'approved']) out[key] = await read(key);
  out.gapNames = await page.$$eval('[data-test=cmp-gaps] .el-table__body a', (as) => as.map((a) => a.textContent.trim()));
  return out;
}

let before0;
test('supervisor sets the window, makes and re-baselines the annual plan', async () => {
  const page = await env.login('fgw');
  before0 = await completeness(page);
  assert.ok(before0.expected > 0, 'projects in construction must report');
  assert.ok(before0.gapNames.includes(PROJECT_NAME), 'the project is on the reminder list');
  await page.waitForSelector('[data-chart=cmp-states] canvas');

  // 填报日历: set the period's window by hand through the settings screen.
  await page.click('[data-nav=reporting-settings]');
  await page.waitForSelector('[data-test=cal-table] .el-table__row');
  await settle(page, '[data-test=settings-page]');
  // The calendar opens on this year; pick last year in the year picker.
  await fillDate(page, 'input[name=cal-year]', String(YEAR));
  await page.waitForSelector(`[data-test=cal-edit-${PERIOD}]`);
  await settle(page, '[data-test=settings-page]');
  assert.equal(await page.locator('[data-test=cal-table] .el-table__body tr').count(), 12);
  await page.click(`[data-test=cal-edit-${PERIOD}]`);
  await page.waitForSelector('[data-test=win-dialog]');
  await fillDate(page, 'input[name=win-opens]', OPENS);
  await fillDate(page, 'input[name=win-due]', DUE);
  await fillDate(page, 'input[name=win-locks]', LOCKS);
  await page.click('[data-test=win-save]');
  await page.waitForSelector(`[data-test=cal-reset-${PERIOD}]`);
  const row = await page.textContent(`[data-test=cal-table] .el-table__body tr:nth-child(${MONTH})`);
  assert.ok(row.includes(OPENS) && row.includes(DUE) && row.includes(LOCKS) && row.includes('单独设置'), row);
  assert.match(row, /填报中/);
  // 校验规则 tab shows the defaults.
  await page.click('.el-tabs__item:has-text("校验规则")');
  await page.waitForSelector('[data-test=rules-form]');

  // 年度计划: 1200 万元 spread evenly, confirmed, then re-baselined to 1320 with a reason.
  await page.goto(`/projects?q=${encodeURIComponent(PROJECT_NAME)}`);
  await page.click(`[data-test=project-link]:has-text("${PROJECT_NAME}")`);
  await page.waitForSelector('[data-test=tab-basics]');
  projectId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.click('[data-tab=plan]');
  // This year has the demo's confirmed plan; last year has none yet.
  await page.waitForSelector('[data-test=plan-status]');
  await page.click('[data-test=plan-year]');
  await page.click(`.el-select-dropdown__item:visible:has-text("${YEAR}")`);
  await page.waitForSelector('[data-test=plan-create]');
  await page.click('[data-test=plan-create]');
  await page.waitForSelector('[data-test=plan-dialog]');
  await page.fill('input[data-test=plan-f-amount]', '1200');
  await page.click('[data-test=plan-save]');
  await page.waitForSelector('[data-test=plan-confirm]');
  assert.match(await page.textContent('[data-test=plan-status]'), /草稿/);
  await page.click('[data-test=plan-confirm]');
  await page.click('.el-popconfirm .el-button--primary');
  await page.waitForSelector('[data-test=plan-status]:has-text("已确认")');
  await page.click('[data-test=plan-edit]');
  await page.waitForSelector('[data-test=plan-dialog]');
  // Re-baseline with a custom split: 110 a month.
  await page.fill('input[data-test=plan-f-amount]', '1320');
  await page.click('[data-test=plan-f-split] >> text=自定义');
  for (let m = 1; m <= 12; m++) await page.fill(`input[data-test=plan-f-m${m}]`, '110');
  assert.match(await page.textContent('[data-test=plan-dialog]'), /各月合计 1,320.00 万元/);
  allowHttpErrors(page, 400);
  await page.click('[data-test=plan-save]');
  await page.waitForSelector('[data-test=plan-dialog] >> text=须填写调整原因');
  await page.fill('textarea[data-test=plan-f-reason]', '新增雨污分流改造内容，年度投资计划调增');
  await page.click('[data-test=plan-save]');
  await page.waitForSelector('[data-test=plan-status]:has-text("v2")');
  assert.match(await page.textContent('[data-test=plan-amount]'), /1,320/);
  const versions = await page.textContent('[data-test=plan-versions]');
  assert.ok(versions.includes('新增雨污分流改造内容') && versions.includes('初始计划'), versions);
  const months = await page.$$eval('[data-test=plan-months] .el-table__body td', (tds) => tds.map((td) => td.textContent.trim()));
  assert.deepEqual(months, [...Array(12).fill('110.00'), '1,320.00']);
  await page.waitForSelector('[data-chart=plan-monthly] canvas');
  await page.waitForTimeout(500);
  await shot(page, 'plan');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('company fills, uploads a photo and submits, confirming the plan warning', async () => {
  const page = await env.login('qiye');
  await page.click('[data-nav=report-fill]');
  await page.waitForSelector('[data-test=report-page]');
  // The period defaults to an open one from the calendar (the earliest open: last December's,
  // opened by hand above).
  await page.waitForFunction(() => /^\d{4}年\d{2}月$/.test((document.querySelector('input[name=pick-period]') || {}).value));
  await page.waitForSelector('[data-test=report-page] >> text=请先选择项目和报告期');
  await page.goto(`/reporting/fill?period=${PERIOD}`);
  await page.click('[data-test=pick-project]');
  await page.keyboard.type('慈恩路');
  await page.click(`.el-select-dropdown__item:has-text("${PROJECT_NAME}")`);
  await page.waitForSelector('[data-test=report-form]');
  await page.waitForURL(new RegExp(`project=${projectId}`));
  assert.match(await page.textContent('[data-test=window-info]'), new RegExp(`${DUE}[\\s\\S]*填报中`));
  await page.waitForFunction(() => /本月计划/.test(document.querySelector('[data-test=report-form]').textContent));
  assert.match(await page.textContent('[data-test=report-form]'), /本月计划 110.00 万元/);

  await page.fill('input[data-test=f-investment]', '450');
  await page.fill('[data-test=f-percent] input', '35');
  await page.fill('[data-test=f-workers] input', '86');
  await page.fill('textarea[data-test=f-progress]', '3 号楼外墙保温完成，5 号楼屋面防水施工中');
  await page.fill('textarea[data-test=f-main]', '完成 3 号楼外墙保温及立面涂装；5 号楼屋面防水完成 60%；小区雨污分流管网铺设 320 米。');
  await page.fill('textarea[data-test=f-next]', '完成 5 号楼屋面防水，启动 6 号楼外墙改造。');
  await page.fill('textarea[data-test=f-problems]', '6 号楼部分住户对加装电梯方案意见不一，需街道协调。');

  // A photo: thumbnail from the download URL; a text file is refused in Chinese.
  allowHttpErrors(page, 400, 409);
  await page.setInputFiles('[data-test=file-input]', [{ name: '现场照片1.png', mimeType: 'image/png', buffer: png() }]);
  await page.waitForSelector('[data-test=attachment-thumb] img');
  const loaded = await page.$eval('[data-test=attachment-thumb] img', (img) => img.complete && img.naturalWidth);
  assert.equal(loaded, 16, 'thumbnail loads from /attachments/{id}');
  await page.setInputFiles('[data-test=file-input]', [{ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
  await page.waitForSelector('.el-message--error >> text=说明.txt');
  assert.equal(await page.locator('[data-test=attachment-link]').count(), 1);

  await page.click('[data-test=save-draft]');
  await page.waitForSelector('.el-message--success >> text=草稿已保存');
  await page.waitForSelector('[data-test=report-page] [data-status=draft]');
  await page.$eval('.el-main', (el) => { el.scrollTop = 0; });
  await shot(page, 'report-form');

  // Someone else saves meanwhile: the UI says so and reloads.
  await page.evaluate(async ({ id, period }) => {
    const s = await (await fetch('/api/v1/session')).json();
    const v = await (await fetch(`/api/v1/projects/${id}/reports/${period}`)).json();
    await fetch(`/api/v1/projects/${id}/reports/${period}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token },
      body: JSON.stringify({ version: v.report.version, workers: 90 }),
    });
  }, { id: projectId, period: PERIOD });
  await page.fill('[data-test=f-workers] input', '88');
  await page.click('[data-test=save-draft]');
  const stale = await page.waitForSelector('[data-test=form-error]');
  assert.match(await stale.textContent(), /已被他人修改[\s\S]*已自动加载最新内容/);
  assert.equal(await page.inputValue('[data-test=f-workers] input'), '90');

  // Submit: 450 > 3 × 110 planned → the server asks to confirm.
  await page.click('[data-test=submit-report]');
  const dlg = await page.waitForSelector('[data-test=warn-dialog] li[data-code=large_vs_plan]');
  assert.match(await dlg.textContent(), /明显高于月度计划[\s\S]*110/);
  await page.waitForTimeout(300);
  await shot(page, 'report-warning');
  await page.click('[data-test=warn-confirm]');
  await page.waitForSelector('.el-message--success >> text=月报已报送');
  await page.waitForSelector('[data-test=report-detail]');
  assert.match(await page.textContent('[data-test=readonly-reason]'), /等待审核/);
  assert.match(await page.textContent('[data-test=report-detail]'), /明显高于月度计划/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('department returns the report with a comment', async () => {
  const page = await env.login('zjj');
  await page.click('[data-nav=report-review]');
  await page.waitForSelector('[data-test=review-table]');
  // The demo has other reports waiting this month: narrow the list to the period.
  await fillDate(page, 'input[name=review-period]', `${YEAR}年12月`);
  await page.waitForURL(new RegExp(`period=${PERIOD}`));
  await page.waitForSelector(`[data-test=review-table] .el-table__row:has-text("${PROJECT_NAME}")`);
  await settle(page, '[data-test=review-page]');
  assert.ok((await page.$$eval('[data-test=review-table] .el-table__body tr', (trs) => trs.map((tr) => tr.textContent)))
    .every((text) => text.includes(PERIOD_LABEL)), 'only the period is listed');
  await page.click(`[data-test=review-table] .el-table__row:has-text("${PROJECT_NAME}") [data-test=review-open]`);
  await page.waitForSelector('[data-test=review-drawer] [data-test=report-detail]');
  await page.waitForSelector('[data-test=review-drawer] [data-test=attachment-thumb] img');
  assert.match(await page.textContent('[data-test=detail-investment]'), /450/);
  await page.click('[data-test=review-return]');
  await page.waitForSelector('[data-test=review-drawer] >> text=退回时请填写修改意见');
  await page.fill('textarea[data-test=review-comment]', '本月完成投资与监理月报不符，请核实后按实际完成额重新填报。');
  await page.waitForTimeout(400);
  await shot(page, 'review');
  await page.click('[data-test=review-return]');
  await page.waitForSelector('.el-message--success >> text=已退回');
  await page.waitForSelector(`[data-test=review-table] .el-table__row:has-text("${PROJECT_NAME}")`, { state: 'detached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('company corrects and resubmits; department approves; counts and figures follow', async () => {
  const q = await env.login('qiye');
  await q.goto(`/projects/${projectId}?tab=reports`);
  const qRow = `[data-test=project-reports] .el-table__row:has([data-test=report-link]:text-is("${PERIOD_LABEL}"))`;
  await q.waitForSelector(`${qRow} [data-status=returned]`);
  await q.click(`${qRow} [data-test=report-link]`);
  await q.waitForSelector('[data-test=returned-alert]');
  assert.match(await q.textContent('[data-test=returned-alert]'), /与监理月报不符/);
  await q.fill('input[data-test=f-investment]', '420');
  await q.click('[data-test=submit-report]');
  // The plan warning was confirmed before and still holds: no dialog this time.
  await q.waitForSelector('.el-message--success >> text=月报已报送');
  assert.deepEqual(q.errors, []);
  await q.context().close();

  const d = await env.login('zjj');
  await d.goto(`/reporting/review?period=${PERIOD}`);
  await d.click(`[data-test=review-table] .el-table__row:has-text("${PROJECT_NAME}") [data-test=review-open]`);
  await d.waitForSelector('[data-test=review-drawer] [data-test=report-detail]');
  assert.match(await d.textContent('[data-test=detail-investment]'), /420/);
  await d.click('[data-test=review-approve]');
  await d.waitForSelector('.el-message--success >> text=已审核通过');
  await d.click('[data-test=review-status] >> text=已审核');
  await d.waitForSelector(`[data-test=review-table] .el-table__row:has-text("${PROJECT_NAME}") [data-status=approved]`);
  assert.equal(await d.isVisible('[data-test=review-unlock]'), false);
  assert.deepEqual(d.errors, []);
  await d.context().close();

  const s = await env.login('fgw');
  const after1 = await completeness(s);
  assert.equal(after1.expected, before0.expected);
  assert.equal(after1.received, before0.received + 1);
  assert.equal(after1.on_time, before0.on_time + 1);
  assert.equal(after1.approved, before0.approved + 1);
  assert.equal(after1.missing, before0.missing - 1);
  assert.ok(!after1.gapNames.includes(PROJECT_NAME), 'no longer on the reminder list');
  await s.waitForSelector('[data-chart=cmp-states] canvas');
  await s.waitForTimeout(600);
  await shot(s, 'completeness');

  // The project's 月报 tab: the approved report and the bulletin figures.
  // (The figures open on the project's newest counted report, this year's: pick the period.)
  await s.goto(`/projects/${projectId}?tab=reports`);
  const sRow = `[data-test=project-reports] .el-table__row:has([data-test=report-link]:text-is("${PERIOD_LABEL}"))`;
  await s.waitForSelector(`${sRow} [data-status=approved]`);
  await s.waitForSelector('[data-test=fig-month]');
  await settle(s, '[data-test=tab-reports]');
  await fillDate(s, 'input[name=figures-period]', `${YEAR}年12月`);
  await s.waitForFunction(() => !document.querySelector('[data-test=figures] .el-loading-mask'));
  await s.waitForSelector('[data-test=fig-month]:text-is("420.00")');
  await settle(s, '[data-test=tab-reports]');
  assert.match(await s.textContent('[data-test=fig-month]'), /^420\.00$/);
  assert.match(await s.textContent('[data-test=fig-rate]'), /^31\.8%$/); // 420 ÷ 1320
  const gap = (await s.textContent('[data-test=fig-gap]')).trim();
  const expected = ((420 / 1320) - MONTH / 12) * 100;
  const words = expected >= 0 ? '超序时进度' : '低于序时进度';
  assert.ok(gap.includes(words) && gap.includes('个百分点'), gap);
  await shot(s, 'project-reports');

  // The supervisor may unlock the approved report, with a reason.
  await s.click(`${sRow} [data-test=report-link]`);
  await s.waitForSelector('[data-test=review-unlock]');
  await s.click('[data-test=review-unlock]');
  await s.click('[data-test=unlock-confirm]');
  await s.waitForSelector('text=请填写解锁原因');
  await s.fill('textarea[data-test=unlock-reason]', '统计部门核减，需更正本月完成投资');
  await s.click('[data-test=unlock-confirm]');
  await s.waitForSelector('.el-message--success >> text=已解锁');
  // Unlocked and returned: the supervisor may now fill it on the company's behalf.
  await s.waitForSelector('[data-test=report-form]');
  await s.waitForSelector('[data-test=report-page] [data-status=returned]');
  assert.deepEqual(s.errors, []);
  await s.context().close();
});
