// Supervision screens: the 发改 supervisor (fgw) raises a problem on a project for 区住建局; the
// department (zjj) deploys it and reports it solved; fgw closes it (销号) with an evaluation.
// Also: the project tabs 前期手续, 挂图作战 and 问题, 督办单 and 调度会 open without errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot } from './helpers.mjs';

const PROJECT_NAME = '慈恩路沿线老旧小区综合改造项目';
const TITLE = `6 号楼加装电梯方案住户意见不一（测试 ${Date.now() % 100000}）`;

const env = useServer();

let problemId;
test('supervisor raises a problem on 问题台账', async () => {
  const page = await env.login('fgw');
  await page.click('[data-nav=problems]');
  await page.waitForSelector('[data-test=problem-table] .el-table__row');
  const before = Number((await page.textContent('[data-test=problem-total]')).replace(/[^0-9]/g, ''));
  assert.ok(before >= 12, `the demo has problems (${before})`);
  await page.click('[data-test=problem-raise]');
  await page.waitForSelector('[data-test=raise-dialog]');
  await page.click('[data-test=raise-project]');
  await page.keyboard.type('慈恩路');
  await page.click(`.el-select-dropdown__item:visible:has-text("${PROJECT_NAME}")`);
  await page.fill('input[data-test=raise-title]', TITLE);
  await page.click('[data-test=raise-category]');
  await page.click('.el-select-dropdown__item:visible:has-text("规划")');
  await page.click('[data-test=raise-units]');
  await page.keyboard.type('住房和城乡建设局');
  await page.click('.el-select-dropdown__item:visible:has-text("住房和城乡建设局")');
  await page.keyboard.press('Escape');
  await page.fill('textarea[data-test=raise-description]', '部分住户对加装电梯方案意见不一，需街道与住建部门协调。');
  await page.click('[data-test=raise-save]');
  await page.waitForSelector('.el-message--success >> text=问题已登记');
  await page.waitForSelector(`[data-test=problem-title]:has-text("${TITLE}")`);
  await page.waitForSelector('[data-test=problem-status][data-status=open]');
  await page.waitForSelector('[data-test=problem-events] >> text=提出');
  await page.waitForSelector(`[data-test=problem-table] .el-table__row:has-text("${TITLE}")`);
  assert.equal(Number((await page.textContent('[data-test=problem-total]')).replace(/[^0-9]/g, '')), before + 1);
  problemId = await page.evaluate(async (title) => {
    const res = await (await fetch('/api/v1/problems?limit=50')).json();
    return res.items.find((p) => p.title === title).id;
  }, TITLE);
  await page.waitForTimeout(300);
  await screenshot(page, 'problem-raised');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('department deploys and solves it on the project tab', async () => {
  const page = await env.login('zjj');
  await page.goto(`/projects?q=${encodeURIComponent(PROJECT_NAME)}`);
  await page.click(`[data-test=project-link]:has-text("${PROJECT_NAME}")`);
  await page.waitForSelector('[data-test=tab-basics]');
  await page.click('[data-tab=problems]');
  await page.click(`[data-test=tab-problems] .el-table__row:has-text("${TITLE}") [data-test=problem-open]`);
  await page.waitForSelector('[data-test=problem-actions]');
  await page.click('[data-test=act-choose] [data-act=deploy]');
  await page.fill('textarea[data-test=act-text]', '已部署雁塔路街道牵头入户沟通');
  await page.click('[data-test=act-submit]');
  await page.waitForSelector('[data-test=problem-status][data-status=deployed]');
  await page.click('[data-test=act-choose] [data-act=solve]');
  await page.fill('textarea[data-test=act-text]', '经协调，住户签字同意加装方案');
  await page.click('[data-test=act-submit]');
  await page.waitForSelector('[data-test=problem-status][data-status=solved]');
  // A department cannot close (销号): that is for the raiser, the office and leaders.
  assert.equal(await page.isVisible('[data-test=act-choose] [data-act=close]'), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('supervisor closes it with an evaluation; the other supervision screens open', async () => {
  const page = await env.login('fgw');
  await page.goto(`/problems?problem=${problemId}`);
  await page.waitForSelector('[data-test=problem-status][data-status=solved]');
  await page.click('[data-test=act-choose] [data-act=close]');
  await page.click('[data-test=act-submit]');
  await page.waitForSelector('[data-test=problem-actions] >> text=销号时请填写评价');
  await page.fill('textarea[data-test=act-text]', '协调及时，问题已解决');
  await page.click('[data-test=act-rating] .el-rate__item:nth-child(5)');
  await page.click('[data-test=act-submit]');
  await page.waitForSelector('[data-test=problem-status][data-status=closed]');
  assert.match(await page.textContent('[data-test=problem-evaluation]'), /协调及时/);
  const events = await page.textContent('[data-test=problem-events]');
  for (const word of ['提出', '部署', '办结', '销号']) assert.ok(events.includes(word), events);
  await page.waitForTimeout(300);
  await screenshot(page, 'problem-closed');
  await page.keyboard.press('Escape');
  // Filters: closed problems include it.
  await page.click('[data-test=pf-status]');
  await page.click('.el-select-dropdown__item:visible:has-text("已销号")');
  await page.waitForURL(/status=closed/);
  await page.waitForSelector(`[data-test=problem-table] .el-table__row:has-text("${TITLE}")`);

  // The project's 前期手续 and 挂图作战 tabs.
  await page.goto(`/projects?q=${encodeURIComponent(PROJECT_NAME)}`);
  await page.click(`[data-test=project-link]:has-text("${PROJECT_NAME}")`);
  await page.waitForSelector('[data-test=tab-basics]');
  await page.click('[data-tab=procedures]');
  await page.waitForSelector('[data-test=tab-procedures]');
  await page.waitForFunction(() => !document.querySelector('[data-test=tab-procedures] .el-loading-mask'));
  await page.click('[data-tab=milestones]');
  await page.waitForSelector('[data-test=tab-milestones] [data-test=battle-pending]');
  // 督办单 and 调度会.
  await page.click('[data-nav=orders]');
  await page.waitForSelector('[data-test=order-table]');
  await page.click('[data-nav=meetings]');
  await page.waitForSelector('[data-test=meeting-table] .el-table__row');
  await page.click('[data-test=meeting-table] .el-table__row [data-test=meeting-open]');
  await page.waitForSelector('[data-test=meeting-decisions] .el-table__row');
  const minutes = await page.getAttribute('[data-test=meeting-minutes-link]', 'href');
  const text = await page.evaluate(async (url) => (await fetch(url)).text(), minutes);
  assert.match(text, /议定事项/);
  await page.waitForTimeout(300);
  await screenshot(page, 'meeting');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
