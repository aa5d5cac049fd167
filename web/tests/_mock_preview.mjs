// Not a test: previews the engine screens with contract-shaped answers (dev aid, not committed).
import { startServer, launchBrowser, newPage, login, screenshot } from './helpers.mjs';

const inds = [
  { code: 'fengxi.procedures_done', name_zh: '手续办结率', name_en: 'Procedures', decimals: 1 },
  { code: 'fengxi.start_rate_to_date', name_zh: '项目开工率（截至本月计划）', name_en: 'Start', decimals: 1 },
  { code: 'fengxi.stats_inclusion', name_zh: '入库纳统率', name_en: 'Stats', decimals: 1 },
  { code: 'fengxi.investment_completion', name_zh: '投资完成率', name_en: 'Inv', decimals: 1 },
  { code: 'fengxi.quarterly_contribution', name_zh: '季度贡献率', name_en: 'Q', decimals: 1 },
];
const v = (n, d) => ({ numerator: String(n), denominator: String(d), rate: String(n / d), percent: (100 * n / d).toFixed(1) });
const rows = ['沣西新城管委会', '发展改革局', '住建局', '交通局', '教育局'].map((label, i) => ({ key: String(i + 1), label, values: Object.fromEntries(inds.map((x, j) => [x.code, v(3 + i + j, 10 + j)])) }));
const periods = [202512, 202601, 202602, 202603, 202604, 202605, 202606, 202607, 202608, 202609, 202610];
const mocks = {
  '/rates/trend': { indicators: inds, periods, series: Object.fromEntries(inds.map((x, j) => [x.code, periods.map((p, i) => (40 + i * 4 + j * 5).toFixed(1))])) },
  '/rates': { set: 'fengxi', period: 202610, group_by: 'unit', indicators: inds, rows, area: { values: Object.fromEntries(inds.map((x, j) => [x.code, v(30 + j, 50)])) }, sequence: 9 },
  '/lights': { period: 202610, counts: { green: 120, yellow: 20, red: 8 }, total: 148, items: [1, 2, 3].map((i) => ({ project_id: i, project_code: `P${i}`, project_name: `示范项目${i}`, unit_id: 1, unit_name: '住建局', overall: i === 1 ? 'red' : 'yellow', dimensions: [
    { dimension: 'start', colour: 'green', computed_colour: 'green', reason_zh: '', judged: false },
    { dimension: 'progress', colour: 'red', computed_colour: 'red', reason_zh: '落后序时进度 35.2 个百分点', judged: false },
    { dimension: 'statistics', colour: 'yellow', computed_colour: 'yellow', reason_zh: '开工后 1 个月未入库', judged: false },
    { dimension: 'funds', colour: 'green', computed_colour: 'green', reason_zh: '', judged: false },
    { dimension: 'reporting', colour: 'yellow', computed_colour: 'red', reason_zh: '10月月报逾期未报', judged: true },
    { dimension: 'procedures', colour: 'green', computed_colour: 'green', reason_zh: '', judged: false }] })) },
  '/ranking-schemes': { items: [{ code: 'monthly', name_zh: '月度综合考评', period_kind: 'month', groups: [{ code: 'towns', name_zh: '镇街园区', unit_ids: [1, 2] }], components: [{ indicator: 'fengxi.investment_completion', weight: 40, name_zh: '投资完成率' }, { indicator: 'fengxi.start_rate_to_date', weight: 30, name_zh: '开工率' }], red_list: { top_n: 2, require_target: true, target_percent: 100 }, black_list: { bottom_n: 1, missed_target: true, target_percent: 100 } }] },
  '/rankings': { scheme: 'monthly', period: '202610', previous_period: '202609', groups: [{ code: 'towns', name_zh: '镇街园区', rows: ['甲镇', '乙镇', '丙园区', '丁镇', '戊街道'].map((n, i) => ({ unit_id: i + 1, unit_name: n, score: (95 - i * 7.5).toFixed(1), components: [{ indicator: 'fengxi.investment_completion', percent: '93.1', points: '37.2' }, { indicator: 'fengxi.start_rate_to_date', percent: '80.0', points: '24.0' }], rank: i + 1, previous_rank: [3, 1, 2, 5, 4][i], change: [2, -1, -1, 1, -1][i], list: i < 2 ? 'red' : i === 4 ? 'black' : '', exempt: false, exemption_reason: '' })) }] },
  '/dispatch-list': { period: 202610, items: [{ project_id: 1, project_name: '示范项目1', unit_name: '住建局', leader_name: '张三', reasons: [{ zh: '投资进度红灯：落后序时进度 35.2 个百分点' }, { zh: '预测年末完成率 62%' }], severity: 'red' }] },
  '/forecast': { period: 202610, rows: rows.map((r, i) => ({ key: r.key, label: r.label, planned_year: '12000', completed_to_date: '8000', forecast_year_end: String(9000 + i * 800), forecast_rate: String(0.75 + i * 0.07), warning: i < 2, warning_reason_zh: '预计年末完成率低于 90%' })) },
};
const server = await startServer();
const browser = await launchBrowser();
const page = await newPage(browser, server.base);
await page.route('**/api/v1/**', async (route) => {
  const url = new URL(route.request().url());
  const p = url.pathname.replace('/api/v1', '');
  const key = Object.keys(mocks).find((k) => p === k);
  if (key) return route.fulfill({ json: mocks[key] });
  return route.continue();
});
await login(page, 'fgw');
for (const [path, name] of [['/rates', 'rates'], ['/lights', 'lights'], ['/rankings', 'rankings'], ['/dispatch-list', 'dispatch'], ['/forecast', 'forecast'], ['/dashboard', 'dashboard']]) {
  await page.goto(path);
  await page.waitForTimeout(2500);
  await screenshot(page, `mock-${name}`);
}
await page.goto('/dashboard');
await page.waitForTimeout(2500);
await page.screenshot({ path: 'tests/screenshots/mock-dashboard-full.png', fullPage: true });
console.log(page.errors);
await browser.close();
await server.stop();
