// Office writes on the supervision screens: the 发改 supervisor (fgw) plans a
// dispatch meeting, marks it held, sees its agenda, records a problem decision and downloads
// the minutes with it; on a project's 前期手续 tab it marks a procedure done with its 文号 and
// an uploaded PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useServer, fill, fillDate, screenshot } from './helpers.mjs';

const PROJECT_NAME = '慈恩路沿线老旧小区综合改造项目';
const STAMP = Date.now() % 100000;
const MEETING = `重点项目专题调度会（测试 ${STAMP}）`;
const DECISION = `雨污分流管线迁改由区住建局牵头本周内协调（测试 ${STAMP}）`;
const DOC_NO = `雁发改审批〔2026〕${STAMP}号`;

const env = useServer();

async function minutesText(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=meeting-minutes-link]')]);
  return readFileSync(await download.path(), 'utf8');
}

test('supervisor plans a meeting, holds it, records a problem decision and gets the minutes', async () => {
  const page = await env.login('fgw');
  await page.click('[data-nav=meetings]');
  await page.waitForSelector('[data-test=meeting-table] .el-table__row');
  await page.click('[data-test=meeting-new]');
  await fill(page, 'meeting-title', MEETING);
  await page.click('[data-test=meeting-save]');
  await page.waitForSelector('.el-message--success');
  const row = `[data-test=meeting-table] .el-table__row:has-text("${MEETING}")`;
  await page.waitForSelector(`${row} >> text=计划召开`);
  await page.click(`${row} [data-test=meeting-open]`);

  // planned → held: the agenda proposed for today is stored (the demo has overdue problems).
  await page.click('[data-test=meeting-held]');
  await page.waitForSelector('[data-test=meeting-minutes_issued]');
  await page.waitForSelector('[data-test=meeting-agenda] .el-table__row');
  const agendaRows = await page.locator('[data-test=meeting-agenda] .el-table__row').count();
  assert.ok(agendaRows >= 1, `the agenda lists the overdue items (${agendaRows})`);

  // A problem decision raises a problem on the project for its responsible unit.
  await page.fill('textarea[data-test=decision-text]', DECISION);
  await page.click('[data-test=decision-project]');
  await page.keyboard.type('慈恩路');
  await page.click(`.el-select-dropdown__item:visible:has-text("${PROJECT_NAME}")`);
  await page.click('[data-test=decision-unit]');
  await page.keyboard.type('住房和城乡建设局');
  await page.click('.el-select-dropdown__item:visible:has-text("住房和城乡建设局")');
  await page.click('[data-test=decision-save]');
  const decision = `[data-test=meeting-decisions] .el-table__row:has-text("${DECISION}")`;
  await page.waitForSelector(`${decision} a:has-text("#")`);

  let text = await minutesText(page);
  assert.match(text, /（草稿）/);
  assert.ok(text.includes(MEETING) && text.includes(DECISION), text);

  // Issue the minutes: no more changes, the text is final.
  await page.click('[data-test=meeting-minutes_issued]');
  await page.waitForSelector('[data-test=meeting-drawer] >> text=纪要已印发');
  assert.equal(await page.isVisible('[data-test=decision-form]'), false);
  text = await minutesText(page);
  assert.ok(text.includes(DECISION) && !text.includes('（草稿）'), text);
  await page.waitForTimeout(300);
  await screenshot(page, 'meeting-held');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('supervisor marks a procedure done with its 文号 and an approval PDF', async () => {
  const page = await env.login('fgw');
  await page.goto(`/projects?q=${encodeURIComponent(PROJECT_NAME)}`);
  await page.click(`[data-test=project-link]:has-text("${PROJECT_NAME}")`);
  await page.waitForSelector('[data-test=tab-basics]');
  await page.click('[data-tab=procedures]');
  await page.waitForSelector('[data-test=procedure-table] .el-table__row');
  const open = page.locator('[data-test=procedure-table] .el-table__row').filter({ hasNotText: '已办结' }).first();
  const name = (await open.locator('td').nth(1).textContent()).trim();
  await open.locator('[data-test=proc-edit]').click();
  await page.waitForSelector('[data-test=proc-dialog]');

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await page.setInputFiles('[data-test=proc-file-input]', { name: '批复文件.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.waitForSelector('[data-test=proc-dialog] [data-test=attachment-link]:has-text("批复文件.pdf")');
  await page.click('[data-test=proc-status] [data-status=done]');
  await fill(page, 'proc-doc-number', DOC_NO);
  await page.click('[data-test=proc-save]');
  await page.waitForSelector('[data-test=proc-dialog]', { state: 'hidden' });
  const done = page.locator('[data-test=procedure-table] .el-table__row').filter({ hasText: name }).first();
  await done.locator(`text=${DOC_NO}`).waitFor();
  assert.match(await done.textContent(), /已办结/);

  // The document stays with the item.
  await done.locator('[data-test=proc-edit]').click();
  await page.waitForSelector('[data-test=proc-dialog] [data-test=attachment-link]:has-text("批复文件.pdf")');
  await page.waitForTimeout(300);
  await screenshot(page, 'procedure-done');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('supervisor adds a battle-chart task and marks it done', async () => {
  const page = await env.login('fgw');
  await page.goto('/projects/1?tab=milestones');
  await page.waitForSelector('[data-test=tab-milestones] [data-test=battle-pending]');
  const doneBefore = Number(await page.textContent('[data-test=battle-done_on_time] .c-value'));
  const TASK = `完成管线迁改（测试 ${STAMP}）`;
  await page.click('[data-test=battle-add]');
  await fill(page, 'battle-title', TASK);
  await fillDate(page, '[data-test=battle-dialog] .el-date-editor input', '2099-06-30');
  await page.click('[data-test=battle-save]');
  const row = page.locator('[data-test=battle-table] .el-table__row').filter({ hasText: TASK });
  await row.locator('[data-test=battle-done]').click();
  await row.locator('text=按期完成').waitFor();
  assert.equal(Number(await page.textContent('[data-test=battle-done_on_time] .c-value')), doneBefore + 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Need to know: a department (jyj) opening a held meeting it attends reads the agenda
// items of its own projects; the other units' are a count (其他单位项目 N 个) when there are any.
test('department reads a held agenda: its own projects in full, others as a count', async () => {
  const page = await env.login('jyj');
  await page.click('[data-nav=meetings]');
  await page.waitForSelector('[data-test=meeting-table] .el-table__row');
  const meetings = await page.evaluate(async () => (await (await fetch('/api/v1/meetings?limit=100')).json()).items);
  const held = meetings.find((m) => m.status !== 'planned');
  assert.ok(held, 'the department attends a held meeting of the demo');
  const agenda = await page.evaluate(async (id) => (await (await fetch(`/api/v1/meetings/${id}/agenda`)).json()), held.id);
  await page.click(`[data-test=meeting-table] .el-table__row:has-text("${held.title}") [data-test=meeting-open]`);
  await page.waitForSelector('[data-test=meeting-agenda]');
  if (agenda.others) {
    assert.match(await page.textContent('[data-test=meeting-agenda-others]'), new RegExp(`其他单位项目 ${agenda.others.projects} 个`));
  } else {
    assert.equal(await page.isVisible('[data-test=meeting-agenda-others]'), false);
  }
  const rows = await page.locator('[data-test=meeting-agenda] .el-table__row').count();
  assert.equal(rows, agenda.items.length);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
