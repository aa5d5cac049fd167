// 发改 supervisor (fgw): dashboard chart, ledger filters and paging, the project page.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, allowHttpErrors, settledLedgerTotal } from './helpers.mjs';

const env = useServer();
let page;
before(async () => {
  page = await env.login('fgw');
});

test('dashboard shows counts and a non-empty chart', async () => {
  await page.goto('/dashboard');
  await page.waitForSelector('[data-chart=stage] canvas');
  const points = Number(await page.getAttribute('[data-chart=stage]', 'data-points'));
  assert.equal(points, 16, 'two bars per stage: projects and investment');
  const total = Number((await page.textContent('[data-test=stat-total] .stat-value')).replace(/[^0-9]/g, ''));
  assert.equal(total, 150);
  // The canvas really has ink on it.
  const inked = await page.$eval('[data-chart=stage] canvas', (c) => {
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
  assert.ok(inked > 1000, `chart canvas looks empty (${inked} painted pixels)`);
  await page.waitForSelector('[data-test=latest-table] .el-table__row');
  await page.waitForTimeout(600); // let the chart animation finish for the screenshot
  await screenshot(page, 'dashboard');
  // The investment cards are GET /reporting/summary of the open period, in 亿元.
  const period = Number(new URL(page.url()).searchParams.get('period')) || Number((await page.inputValue('input[name=dash-period]')).replace(/[^0-9]/g, ''));
  assert.match(String(period), /^20\d{2}(0[1-9]|1[0-2])$/);
  const sum = await page.evaluate(async (p) => (await fetch(`/api/v1/reporting/summary?period=${p}`)).json(), period);
  const yi = (wan) => (Number(wan) / 10000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  assert.equal(sum.projects, 150);
  assert.equal(await page.textContent('[data-test=stat-inv-total] [data-test=value]'), yi(sum.total_investment));
  assert.equal(await page.textContent('[data-test=stat-inv-planned] [data-test=value]'), yi(sum.annual_planned));
  assert.equal(await page.textContent('[data-test=stat-inv-completed] [data-test=value]'), yi(sum.completed_to_period));
  assert.ok(sum.planned_projects > 0 && Number(sum.completed_to_period) > 0, 'the demo has plans and reports this year');
  assert.match(await page.textContent('[data-test=stat-inv-completed]'), new RegExp(`1–${period % 100} 月累计完成`));
  assert.equal(await page.textContent('[data-test=stat-inv-rate] [data-test=value]'), `${(sum.completion_rate * 100).toFixed(1)}%`);
  const words = sum.gap_points >= 0 ? '超序时进度' : '低于序时进度';
  assert.match(await page.textContent('[data-test=stat-inv-rate] [data-test=sub]'), new RegExp(`${words} ${Math.abs(sum.gap_points).toFixed(2)} 个百分点`));
  // The open period's completeness, linked to 填报情况.
  const cmp = await page.evaluate(async (p) => (await fetch(`/api/v1/reporting/completeness?period=${p}`)).json(), period);
  for (const key of ['expected', 'received', 'missing']) {
    assert.equal(Number((await page.textContent(`[data-test=dash-cmp-${key}] .cmp-value`)).replace(/[^0-9]/g, '')), cmp[key], key);
  }
  await page.click('[data-test=dash-cmp-missing]');
  await page.waitForURL(new RegExp(`/reporting/completeness\\?period=${period}`));
  await page.waitForSelector('[data-test=cmp-missing]');
  await page.goBack();
  await page.waitForSelector('[data-test=stat-inv-planned]');
  await page.click('[data-test=stat-inv-planned]');
  await page.waitForURL(new RegExp(`/reporting/completeness\\?period=${period}`));
  await page.goBack();
  await page.waitForSelector('[data-test=stat-inv-total]');
  await page.click('[data-test=stat-inv-total]');
  await page.waitForURL(/\/projects\?sort=total_investment&order=desc/);
  assert.equal(await settledLedgerTotal(page), 150);
  await page.goto('/dashboard');
  await page.waitForSelector('[data-test=stat-construction]');
  // A number links to the ledger filtered.
  await page.click('[data-test=stat-construction]');
  await page.waitForURL(/\/projects\?stage=construction/);
  const construction = await settledLedgerTotal(page);
  assert.ok(construction > 0 && construction < 150);
  assert.deepEqual(page.errors, []);
});

test('ledger filters by stage and text, sorts and pages on the server', async () => {
  await page.goto('/projects');
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  assert.equal(await settledLedgerTotal(page), 150);

  await page.click('[data-test=filter-stage]');
  await page.click('.el-select-dropdown__item >> text=在建');
  await page.waitForURL(/stage=construction/);
  const inConstruction = await settledLedgerTotal(page);
  assert.ok(inConstruction > 0 && inConstruction < 150, `在建 count ${inConstruction}`);
  await page.keyboard.press('Escape');

  await page.fill('input[data-test=filter-q]', '学');
  await page.press('input[data-test=filter-q]', 'Enter');
  await page.waitForURL(/q=/);
  const withText = await settledLedgerTotal(page);
  assert.ok(withText > 0 && withText < inConstruction, `在建+学 count ${withText}`);
  const names = await page.$$eval('[data-test=project-link]', (as) => as.map((a) => a.textContent));
  assert.ok(names.length === withText && names.every((n) => n.includes('学')), names.join(','));

  // Server-side sort by total investment, descending.
  await page.goto('/projects?sort=total_investment&order=desc&size=20');
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  await settledLedgerTotal(page);
  const amounts = await page.$$eval('[data-test=ledger-table] .el-table__body-wrapper .num', (els) => els.map((e) => Number(e.textContent.replace(/,/g, ''))));
  assert.equal(amounts.length, 20);
  assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a));
  // Page 2 is a different page.
  await page.click('.el-pager li:has-text("2")');
  await page.waitForURL(/page=2/);
  await settledLedgerTotal(page);
  const first = await page.textContent('[data-test=ledger-table] .el-table__body-wrapper tr:first-child td:first-child');
  assert.equal(first.trim(), '21');
  await screenshot(page, 'ledger');
  assert.deepEqual(page.errors, []);
});

test('the ledger prints as its table only, in A4 landscape', async () => {
  await page.goto('/projects?stage=construction');
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  await page.emulateMedia({ media: 'print' });
  try {
    const hidden = await page.evaluate(() => ['.aside', '.header', '.el-pagination'].map((sel) => {
      const el = document.querySelector(sel);
      return !el || getComputedStyle(el).display === 'none';
    }));
    assert.deepEqual(hidden, [true, true, true], 'navigation, header and pager are not printed');
    assert.ok(await page.isVisible('[data-test=ledger-table] .el-table__row'), 'the table is printed');
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await screenshot(page, 'ledger-print');
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

test('column choice persists', async () => {
  await page.goto('/projects');
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  const header = () => page.textContent('[data-test=ledger-table] .el-table__header-wrapper');
  assert.doesNotMatch(await header(), /建设地点/);
  await page.click('[data-test=column-chooser]');
  await page.click('.col-chooser >> text=建设地点');
  await page.waitForFunction(() => /建设地点/.test(document.querySelector('[data-test=ledger-table] .el-table__header-wrapper').textContent));
  await page.reload();
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  assert.match(await header(), /建设地点/);
  assert.deepEqual(page.errors, []);
});

test('project page shows its tabs, the lights tab among them', async () => {
  await page.goto('/projects?stage=construction&sort=total_investment&order=desc');
  await page.waitForSelector('[data-test=project-link]');
  const name = (await page.textContent('[data-test=project-link] >> nth=0')).trim();
  await page.click('[data-test=project-link] >> nth=0');
  await page.waitForSelector('[data-test=tab-basics]');
  assert.equal((await page.textContent('[data-test=project-name]')).trim(), name);
  const tabs = await page.$$eval('[data-test=project-tabs] .el-tabs__item', (els) => els.map((e) => e.textContent.trim()));
  for (const label of ['基本信息', '责任人/包抓', '阶段历史']) assert.ok(tabs.some((x) => x.startsWith(label)), `tab ${label} in ${tabs}`);
  assert.ok(!tabs.some((x) => x.startsWith('审计记录')), 'audit tab is for admins');
  assert.ok(tabs.some((x) => x === '年度计划') && tabs.some((x) => x === '月报'), `plan and report tabs open: ${tabs}`);
  assert.ok(['前期手续', '挂图作战', '问题台账'].every((l) => tabs.includes(l)), `supervision tabs open: ${tabs}`);
  assert.ok(tabs.includes('红黄绿灯'), `lights tab open: ${tabs}`);
  assert.ok(await page.isVisible('[data-test=edit-project]'));
  await screenshot(page, 'project');

  await page.click('[data-tab=assignments]');
  await page.waitForSelector('[data-test=tab-assignments] .el-table__row');
  await page.click('[data-tab=stages]');
  await page.waitForSelector('[data-test=tab-stages] .el-timeline-item');
  assert.match(await page.textContent('[data-test=tab-stages]'), /在建/);
  await page.click('[data-tab=procedures]');
  await page.waitForSelector('[data-test=tab-procedures]');
  await page.click('[data-tab=lights]');
  await page.waitForSelector('[data-test=light-dimensions] .el-table__row');
  assert.match(await page.textContent('[data-test=light-overall]'), /^(红灯|黄灯|绿灯)$/);
  assert.deepEqual(page.errors, []);
});

test('editing a project shows the server\'s field errors', async () => {
  await page.goto('/projects?sort=id&order=asc');
  await page.click('[data-test=project-link] >> nth=0');
  await page.waitForSelector('[data-test=edit-project]');
  await page.click('[data-test=edit-project]');
  await page.waitForSelector('input[data-test=field-name]');
  await page.fill('input[data-test=field-name]', '');
  await page.click('[data-test=save-project]');
  await page.waitForSelector('text=请填写项目名称');
  await page.fill('input[data-test=field-name]', '测试编辑项目名称');
  await page.fill('input[data-test=field-total-investment]', '12.1234567');
  await page.click('[data-test=save-project]');
  await page.waitForSelector('text=金额格式不正确');
  await page.fill('input[data-test=field-total-investment]', '99999');
  allowHttpErrors(page, 400);
  await page.click('[data-test=save-project]');
  // The funding mix no longer adds up: the server says so, in Chinese.
  const err = await page.waitForSelector('[data-test=form-error]');
  assert.match(await err.textContent(), /[\u4e00-\u9fa5]/);
  assert.doesNotMatch(await err.textContent(), /[{}"]/);
  await screenshot(page, 'project-form-error');
  assert.deepEqual(page.errors, []);
});
