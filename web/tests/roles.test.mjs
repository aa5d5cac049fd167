// What each role sees: a reporter only its own projects and no admin menus, a leader reads
// without edit buttons, an admin has users and the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, settledLedgerTotal } from './helpers.mjs';

const env = useServer();

async function navItems(page) {
  return page.$$eval('[data-nav]', (els) => els.map((e) => e.getAttribute('data-nav')));
}

test('reporter (qiye) sees only its own projects and no admin menus', async () => {
  const page = await env.login('qiye');
  // Its home is the period's to-do; 我的项目 is one click away.
  await page.waitForURL(/\/reporting\/todo/);
  await page.click('[data-nav=projects]');
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  const total = await settledLedgerTotal(page);
  const me = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()).user);
  assert.ok(total > 0 && total < 150, `reporter sees ${total}`);
  // Every listed project belongs to the reporter's company.
  const owners = await page.evaluate(async () => (await (await fetch('/api/v1/projects?limit=500')).json()).items.map((p) => p.owner_unit_id));
  assert.equal(owners.length, total);
  assert.ok(owners.every((o) => o === me.unit_id));
  assert.deepEqual(await navItems(page), ['projects', 'map', 'report-todo', 'report-fill', 'problems', 'import-reports']);
  assert.match(await page.textContent('[data-nav=report-fill]'), /月报填报/);
  assert.match(await page.textContent('[data-nav=projects]'), /我的项目/);
  assert.equal(await page.isVisible('[data-test=new-project]'), false);
  assert.equal(await page.isVisible('[data-test=ledger-export]'), false);
  await screenshot(page, 'reporter-ledger');
  // The buttons follow the server's capability flags: a company edits its own projects but
  // creates none, moves no stage and changes no assignments (those answer 403).
  const can = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()).can);
  assert.equal(can.write_projects, true);
  for (const flag of ['create_projects', 'change_project_stage', 'manage_assignments', 'manage_users', 'configure_engine', 'browse_area']) {
    assert.equal(can[flag], false, flag);
  }
  await page.click('[data-test=project-link] >> nth=0');
  await page.waitForSelector('[data-test=tab-basics]');
  assert.equal(await page.isVisible('[data-test=edit-project]'), true);
  assert.equal(await page.isVisible('[data-test=move-stage]'), false);
  await page.click('[data-tab=assignments]');
  await page.waitForSelector('[data-test=tab-assignments]');
  assert.equal(await page.isVisible('[data-test=add-assignment]'), false);
  assert.equal(await page.isVisible('[data-tab=audit]'), false);
  // Admin pages are not reachable by URL either.
  await page.goto('/users');
  await page.waitForURL(/\/reporting\/todo/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('leader (lingdao) reads dashboards and lists without edit buttons', async () => {
  const page = await env.login('lingdao');
  await page.waitForSelector('[data-chart=stage] canvas');
  const nav = await navItems(page);
  assert.ok(nav.includes('dashboard') && nav.includes('projects'));
  assert.ok(!nav.includes('users') && !nav.includes('audit'));
  await page.click('[data-nav=projects]');
  await page.waitForSelector('[data-test=ledger-table] .el-table__row');
  assert.equal(await settledLedgerTotal(page), 150);
  assert.equal(await page.isVisible('[data-test=new-project]'), false);
  await page.click('[data-test=project-link] >> nth=0');
  await page.waitForSelector('[data-test=tab-basics]');
  assert.equal(await page.isVisible('[data-test=edit-project]'), false);
  assert.equal(await page.isVisible('[data-test=move-stage]'), false);
  await page.click('[data-tab=assignments]');
  await page.waitForSelector('[data-test=tab-assignments] .el-table__row');
  assert.equal(await page.isVisible('[data-test=add-assignment]'), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('admin manages users and verifies the audit log', async () => {
  const page = await env.login('admin');
  const nav = await navItems(page);
  assert.ok(nav.includes('users') && nav.includes('audit'));
  await page.click('[data-nav=users]');
  await page.waitForSelector('[data-test=users-page] .el-table__row');
  assert.match(await page.textContent('[data-test=users-page]'), /qiye/);
  await page.click('[data-nav=audit]');
  await page.waitForSelector('[data-test=audit-page] .el-table__row');
  await page.click('[data-test=audit-verify]');
  const result = await page.waitForSelector('[data-test=verify-result]');
  assert.match(await result.textContent(), /校验通过/);
  assert.match(await result.textContent(), /2 份已发布快照/, 'the demo meeting froze its agenda and minutes');
  await screenshot(page, 'audit');
  for (const name of ['units', 'people', 'regions']) {
    await page.click(`[data-nav=${name}]`);
    await page.waitForSelector(`[data-test=${name}-page] .el-table__row`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Need to know: the department (jyj) and the leader (lingdao) list every person by
// name and unit, but the phones of people outside their unit and projects come back null and
// show as —; the office (fgw) sees them all.
test('people: phones only to those who need them; the others see —', async () => {
  for (const who of ['jyj', 'lingdao', 'fgw']) {
    const page = await env.login(who);
    await page.goto('/people');
    await page.waitForSelector('[data-test=people-page] .el-table__row');
    const people = await page.evaluate(async () => (await (await fetch('/api/v1/people?limit=500')).json()).items);
    assert.ok(people.length > 0 && people.every((p) => p.name && 'unit_id' in p), who);
    const hidden = people.filter((p) => p.phone === null).length;
    if (who === 'fgw') assert.equal(hidden, 0, 'the office reads every phone');
    else assert.ok(hidden > 0, `${who}: some phones are hidden (${hidden} of ${people.length})`);
    if (hidden > 0) assert.match(await page.textContent('[data-test=people-page] .el-table__body'), /—/);
    assert.deepEqual(page.errors, [], who);
    await page.context().close();
  }
});
