// Published means frozen in the browser: 发改 issues the month's bulletin (印发), the
// page then shows the issued version; re-issuing asks for a reason (refused without one), makes
// 第2版 and lists both versions with time, issuer and reason; the held demo meeting shows its
// frozen agenda and issued minutes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, screenshot, allowHttpErrors } from './helpers.mjs';

const env = useServer();
let page;
before(async () => {
  page = await env.login('fgw');
});

async function previewText() {
  const body = page.locator('[data-test=bulletin-preview] .bulletin-body');
  await body.waitFor();
  return body.textContent();
}

test('the bulletin is issued, re-issued with a reason, and its versions are listed', async () => {
  await page.goto('/bulletins');
  await page.waitForSelector('[data-test=bulletin-state]');
  assert.match(await page.textContent('[data-test=bulletin-state]'), /草稿（未印发）/);
  assert.match(await previewText(), /通报/);

  await page.click('[data-test=bulletin-issue]');
  await page.waitForSelector('[data-test=bulletin-issue-dialog]', { state: 'visible' });
  await page.click('[data-test=bulletin-issue-confirm]');
  await page.waitForFunction(() => /已印发 第1版/.test(document.querySelector('[data-test=bulletin-state]')?.textContent || ''));
  assert.equal(await page.locator('[data-test=bulletin-versions] tbody tr').count(), 1);
  assert.match(await previewText(), /通报/);

  // Re-issuing without a reason is refused with the server's message, in the dialog.
  allowHttpErrors(page, 400);
  await page.click('[data-test=bulletin-issue]');
  const dialog = page.locator('[data-test=bulletin-issue-dialog]');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.textContent(), /第 2 版/);
  await page.click('[data-test=bulletin-issue-confirm]');
  await page.waitForSelector('[data-test=bulletin-issue-dialog] .el-alert');
  assert.match(await dialog.textContent(), /重新印发须填写原因/);
  await page.fill('textarea[name=bulletin-reason]', '更正教育局月报数据后重新印发');
  await page.click('[data-test=bulletin-issue-confirm]');
  await page.waitForFunction(() => /已印发 第2版/.test(document.querySelector('[data-test=bulletin-state]')?.textContent || ''));
  const rows = page.locator('[data-test=bulletin-versions] tbody tr');
  assert.equal(await rows.count(), 2);
  const second = await rows.nth(1).textContent();
  assert.match(second, /已印发 第2版/);
  assert.match(second, /王倩（区发改委）/, 'issued by the person, not the login');
  assert.match(second, /更正教育局月报数据后重新印发/);
  assert.match(second, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  // Version 1 is still there; the draft switch shows the live preview.
  await page.click('[data-test=bulletin-view-1]');
  await page.waitForFunction(() => /已印发 第1版/.test(document.querySelector('[data-test=bulletin-state]')?.textContent || ''));
  await page.click('[data-test=bulletin-draft-switch]');
  await page.waitForFunction(() => /草稿/.test(document.querySelector('[data-test=bulletin-state]')?.textContent || ''));
  await page.click('[data-test=bulletin-draft-switch]');
  await page.waitForFunction(() => /已印发 第1版/.test(document.querySelector('[data-test=bulletin-state]')?.textContent || ''));
  await page.click('[data-test=bulletin-view-2]');
  await page.waitForFunction(() => /已印发 第2版/.test(document.querySelector('[data-test=bulletin-state]')?.textContent || ''));
  await page.waitForTimeout(300);
  await screenshot(page, 'bulletin-issued');
  assert.deepEqual(page.errors, []);
});

test('the held demo meeting shows its frozen agenda and issued minutes', async () => {
  await page.goto('/meetings');
  await page.locator('[data-test=meeting-open]').first().click();
  await page.waitForSelector('[data-test=meeting-agenda-frozen]');
  assert.match(await page.textContent('[data-test=meeting-agenda-frozen]'), /已固化（第1版/);
  assert.match(await page.textContent('[data-test=meeting-minutes-issued]'), /纪要已印发/);
  await page.waitForTimeout(300);
  await screenshot(page, 'meeting-frozen');
  assert.deepEqual(page.errors, []);
});

test('a ranking is published and then shown as published', async () => {
  await page.goto('/rankings');
  await page.waitForSelector('[data-test=rank-state]');
  assert.match(await page.textContent('[data-test=rank-state]'), /实时计算（未发布）/);
  await page.click('[data-test=rank-publish]');
  await page.waitForSelector('[data-test=rank-publish-dialog]', { state: 'visible' });
  await page.click('[data-test=rank-publish-confirm]');
  await page.waitForFunction(() => /已发布 第1版/.test(document.querySelector('[data-test=rank-state]')?.textContent || ''));
  assert.match(await page.textContent('[data-test=rank-state]'), /王倩（区发改委）/, 'published by the person, not the login');
  assert.match(await page.textContent('[data-test=rank-publish]'), /重新发布/);
  await page.waitForTimeout(300);
  await screenshot(page, 'ranking-published');
  assert.deepEqual(page.errors, []);
});
