// A real district's first day: `keyline setup` on a blank database, then the new
// admin carries on in the browser — the empty dashboard says where to start, the office and its
// streets are under 单位 and 行政区划, a department and a person are added, an account is made
// for the department, and 台账导入 is one click away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, login, screenshot, chooseOption, settle } from './helpers.mjs';

const env = useServer({
  setup: ['--office', '雁塔区发展和改革委员会', '--region', '610113', '--admin', 'wang', '--admin-name', '王某', '--towns-as-units'],
});

// The visible text of a page region.
const textOf = (page, selector) => page.locator(selector).first().innerText();
// The input behind a data-test hook (Element Plus puts it on the input or on its wrapper).
const input = (page, hook) => page.locator(`input[data-test=${hook}], [data-test=${hook}] input`).first();

test('setup prints what it created and the next steps', async () => {
  await env.start();
  const out = env.server.output;
  assert.match(out, /setup done: 西安市雁塔区 \(610113\)/);
  assert.match(out, /陕西省 › 西安市 › 雁塔区/);
  assert.match(out, /the office, 0 departments, 10 towns/);
  assert.match(out, /log in as wang/);
  assert.match(out, /import ledger/);
});

test('the new admin logs in to an empty dashboard that points to units and the ledger import', async () => {
  const page = await env.login('wang');
  await page.waitForSelector('[data-test=dashboard-empty]');
  await page.waitForFunction(() => performance.getEntriesByName('keyline:dashboard-data').length > 0);
  const empty = await textOf(page, '[data-test=dashboard-empty]');
  assert.match(empty, /还没有项目/);
  assert.match(empty, /台账导入/);
  assert.match(await textOf(page, 'header, .el-header'), /王某/);
  assert.equal((await textOf(page, '[data-test=stat-total]')).replace(/\s+/g, ' ').trim(), '项目总数 0');
  await settle(page, '[data-test=dashboard]');
  await screenshot(page, 'setup-dashboard');
  // 台账导入 is one click away.
  await page.click('[data-test=empty-import]');
  await page.waitForURL(/\/imports\/ledger/);
  await page.waitForSelector('[data-test=import-file]', { state: 'attached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the office and its streets are under 单位 and 行政区划; a department, a leader and an account are added', async () => {
  const page = await env.login('wang');
  await page.waitForSelector('[data-test=dashboard-empty]');
  await page.click('[data-test=empty-units]');
  await page.waitForURL(/\/units/);
  await page.waitForSelector('[data-test=units-page] .el-table__row');
  let units = await textOf(page, '[data-test=units-page] .el-table');
  assert.match(units, /雁塔区发展和改革委员会/);
  assert.match(units, /西安市雁塔区电子城街道办事处/);
  assert.match(await textOf(page, '[data-test=units-page]'), /共 11 条/);

  await page.goto('/regions');
  await page.waitForSelector('[data-test=regions-page] .el-table__row');
  const regions = await textOf(page, '[data-test=regions-page] .el-table');
  for (const text of ['陕西省', '西安市', '雁塔区', '电子城街道', '610113004']) assert.ok(regions.includes(text), text);

  // A department, in the office's region by default.
  await page.goto('/units');
  await page.waitForSelector('[data-test=units-page] .el-table__row');
  await page.click('[data-test=unit-create]');
  await input(page, 'unit-name').fill('西安市雁塔区住房和城乡建设局');
  assert.match(await textOf(page, '[data-test=unit-region]'), /雁塔区（610113）/);
  await page.click('[data-test=unit-save]');
  await page.waitForSelector('.el-message--success');
  await page.waitForFunction(() => document.querySelector('[data-test=units-page] .el-table').innerText.includes('西安市雁塔区住房和城乡建设局'));
  units = await textOf(page, '[data-test=units-page] .el-table');
  assert.match(units, /西安市雁塔区住房和城乡建设局\s+行业部门/);
  await page.waitForSelector('[data-test=unit-dialog]', { state: 'hidden' });
  await settle(page, '[data-test=units-page]');
  await screenshot(page, 'setup-units');

  // A leader of the district (包抓领导).
  await page.goto('/people');
  await page.waitForSelector('[data-test=people-page]');
  await page.click('[data-test=person-create]');
  await input(page, 'person-name').fill('李某');
  await input(page, 'person-title').fill('副区长');
  await page.click('[data-test=person-save]');
  await page.waitForFunction(() => document.querySelector('[data-test=people-page] .el-table').innerText.includes('副区长'));

  // An account for the department.
  await page.goto('/users');
  await page.waitForSelector('[data-test=users-page] .el-table__row');
  await page.click('[data-test=user-create]');
  await input(page, 'user-username').fill('zjj');
  await input(page, 'user-display').fill('住建局填报员');
  await chooseOption(page, '[data-test=user-unit]', '西安市雁塔区住房和城乡建设局');
  await input(page, 'user-password').fill('Zhu#Jian2026');
  await page.click('[data-test=user-save]');
  await page.waitForFunction(() => document.querySelector('[data-test=users-page] .el-table').innerText.includes('zjj'));
  const users = await textOf(page, '[data-test=users-page] .el-table');
  assert.match(users, /zjj\s+住建局填报员\s+行业部门\s+西安市雁塔区住房和城乡建设局/);
  await page.waitForSelector('.el-dialog', { state: 'hidden' });
  await settle(page, '[data-test=users-page]');
  await screenshot(page, 'setup-users');
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // The department's account logs in and sees its (still empty) dashboard, without the admin's buttons.
  const dept = await env.newPage();
  await login(dept, 'zjj', 'Zhu#Jian2026');
  await dept.waitForSelector('[data-test=dashboard-empty]');
  assert.match(await textOf(dept, '[data-test=dashboard-empty]'), /发改部门导入项目台账后/);
  assert.equal(await dept.$('[data-test=empty-import]'), null);
  assert.deepEqual(dept.errors, []);
  await dept.context().close();
});
