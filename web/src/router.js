// Routes. One file per view under views/, loaded lazily. A route's meta says:
//   public   reachable without login
//   can      the server's capability flag (session `can`, core/service/capabilities.h) needed to
//            open it (absent: every logged-in user)
//   roles    only for a role's own landing page (the company's to-do list), not a permission
//   nav      {titleKey, icon, order} shows it in the sidebar
//   titleKey the page title
// A new page plugs in by adding its view file and one entry here.
import { createRouter, createWebHistory } from 'vue-router';
import { session, loadSession, can } from './session.js';
import { t } from './i18n.js';

// The area-wide pages: every role but a project company (which works from its own projects).
const AREA = 'browse_area';
// 招商引资, 三个一批, 目标任务 (src/core/attraction/attraction_access.h).
const ATTRACTION = 'read_attraction';

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true, titleKey: 'login.title' } },
  {
    path: '/',
    component: () => import('./layouts/MainLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => homeFor(session.user) },
      {
        path: 'dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'),
        meta: { can: AREA, titleKey: 'nav.dashboard', nav: { icon: 'DataAnalysis', order: 10 } },
      },
      {
        path: 'projects', name: 'projects', component: () => import('./views/ProjectsView.vue'),
        meta: { titleKey: 'nav.projects', nav: { icon: 'Tickets', order: 20, titleKeyByRole: { reporter: 'nav.myProjects' } } },
      },
      {
        path: 'projects/new', name: 'project-new', component: () => import('./views/ProjectFormView.vue'),
        meta: { can: 'create_projects', titleKey: 'project.create' },
      },
      {
        path: 'map', name: 'map', component: () => import('./views/MapView.vue'),
        meta: { titleKey: 'nav.map', nav: { icon: 'Location', order: 21 } },
      },
      { path: 'projects/:id(\\d+)', name: 'project', component: () => import('./views/ProjectDetailView.vue'), meta: { titleKey: 'project.detail' } },
      {
        path: 'projects/:id(\\d+)/edit', name: 'project-edit', component: () => import('./views/ProjectFormView.vue'),
        meta: { can: 'write_projects', titleKey: 'project.edit' },
      },
      {
        path: 'reporting/todo', name: 'report-todo', component: () => import('./views/ReporterHomeView.vue'),
        meta: { roles: ['reporter'], titleKey: 'nav.reportTodo', nav: { icon: 'Memo', order: 23, group: 'reporting' } },
      },
      {
        path: 'reporting/fill', name: 'report-fill', component: () => import('./views/ReportFormView.vue'),
        meta: { can: 'fill_reports', titleKey: 'nav.reportFill', nav: { icon: 'EditPen', order: 24, group: 'reporting' } },
      },
      {
        path: 'reporting/review', name: 'report-review', component: () => import('./views/ReportReviewView.vue'),
        meta: { can: 'review_reports', titleKey: 'nav.reportReview', nav: { icon: 'Stamp', order: 25, group: 'reporting' } },
      },
      {
        path: 'reporting/completeness', name: 'completeness', component: () => import('./views/CompletenessView.vue'),
        meta: { can: AREA, titleKey: 'nav.completeness', nav: { icon: 'PieChart', order: 26, group: 'reporting' } },
      },
      {
        path: 'reporting/settings', name: 'reporting-settings', component: () => import('./views/ReportingSettingsView.vue'),
        meta: { can: 'manage_reporting', titleKey: 'nav.reportingSettings', nav: { icon: 'Calendar', order: 27, group: 'reporting' } },
      },
      {
        path: 'projects/:id(\\d+)/reports/:period(\\d{6})', name: 'report', component: () => import('./views/ReportFormView.vue'),
        meta: { titleKey: 'report.title' },
      },
      {
        path: 'funds', name: 'funds', component: () => import('./views/FundsView.vue'),
        meta: { can: AREA, titleKey: 'nav.funds', nav: { icon: 'DataAnalysis', order: 24 } },
      },
      {
        path: 'key-lists', name: 'key-lists', component: () => import('./views/KeyListView.vue'),
        meta: { can: AREA, titleKey: 'nav.keyLists', nav: { icon: 'Tickets', order: 25 } },
      },
      {
        path: 'problems', name: 'problems', component: () => import('./views/ProblemsView.vue'),
        meta: { titleKey: 'nav.problems', nav: { icon: 'Warning', order: 28, group: 'supervision' } },
      },
      {
        path: 'supervision-orders', name: 'orders', component: () => import('./views/OrdersView.vue'),
        meta: { can: AREA, titleKey: 'nav.orders', nav: { icon: 'Bell', order: 29, group: 'supervision' } },
      },
      {
        path: 'meetings', name: 'meetings', component: () => import('./views/MeetingsView.vue'),
        meta: { can: AREA, titleKey: 'nav.meetings', nav: { icon: 'ChatDotSquare', order: 29.5, group: 'supervision' } },
      },
      {
        path: 'attraction', name: 'attraction', component: () => import('./views/AttractionView.vue'),
        meta: { can: ATTRACTION, titleKey: 'nav.attraction', nav: { icon: 'OfficeBuilding', order: 25 } },
      },
      { path: 'attraction/leads/:id(\\d+)', name: 'lead', component: () => import('./views/LeadDetailView.vue'), meta: { can: ATTRACTION, titleKey: 'lead.detail' } },
      {
        path: 'campaigns', name: 'campaigns', component: () => import('./views/CampaignsView.vue'),
        meta: { can: ATTRACTION, titleKey: 'nav.campaigns', nav: { icon: 'Tickets', order: 26 } },
      },
      {
        path: 'targets', name: 'targets', component: () => import('./views/TargetsView.vue'),
        meta: { can: ATTRACTION, titleKey: 'nav.targets', nav: { icon: 'DataAnalysis', order: 27 } },
      },
      // 监测评价: 五率, 红黄绿灯, 榜单, 重点调度清单, 预测.
      {
        path: 'rates', name: 'rates', component: () => import('./views/engine/RatesView.vue'),
        meta: { can: AREA, titleKey: 'nav.rates', nav: { icon: 'TrendCharts', order: 12, group: 'engine' } },
      },
      {
        path: 'lights', name: 'lights', component: () => import('./views/engine/LightsView.vue'),
        meta: { can: AREA, titleKey: 'nav.lights', nav: { icon: 'Aim', order: 13, group: 'engine' } },
      },
      {
        path: 'rankings', name: 'rankings', component: () => import('./views/engine/RankingsView.vue'),
        meta: { can: AREA, titleKey: 'nav.rankings', nav: { icon: 'Trophy', order: 14, group: 'engine' } },
      },
      {
        path: 'dispatch-list', name: 'dispatch', component: () => import('./views/engine/DispatchView.vue'),
        meta: { can: AREA, titleKey: 'nav.dispatch', nav: { icon: 'Flag', order: 15, group: 'engine' } },
      },
      {
        path: 'forecast', name: 'forecast', component: () => import('./views/engine/ForecastView.vue'),
        meta: { can: AREA, titleKey: 'nav.forecast', nav: { icon: 'Histogram', order: 16, group: 'engine' } },
      },
      // 导入导出: ledger and report imports, the monthly bulletin.
      {
        path: 'imports/ledger', name: 'import-ledger', component: () => import('./views/exchange/ImportView.vue'),
        meta: { can: 'import_ledger', titleKey: 'nav.importLedger', kind: 'ledger', nav: { icon: 'Upload', order: 33, group: 'exchange' } },
      },
      {
        path: 'imports/reports', name: 'import-reports', component: () => import('./views/exchange/ImportView.vue'),
        meta: { can: 'import_reports', titleKey: 'nav.importReports', kind: 'reports', nav: { icon: 'Upload', order: 34, group: 'exchange' } },
      },
      {
        path: 'bulletins', name: 'bulletins', component: () => import('./views/exchange/BulletinView.vue'),
        meta: { can: 'read_issued_bulletins', titleKey: 'nav.bulletins', nav: { icon: 'Memo', order: 35, group: 'exchange' } },
      },
      // 指标与规则: the office (configure_engine).
      {
        path: 'settings/indicators', name: 'indicators', component: () => import('./views/settings/IndicatorsView.vue'),
        meta: { can: 'configure_engine', titleKey: 'nav.indicators', nav: { icon: 'Setting', order: 36, group: 'settings' } },
      },
      {
        path: 'settings/light-rules', name: 'light-rules', component: () => import('./views/settings/LightRulesView.vue'),
        meta: { can: 'configure_engine', titleKey: 'nav.lightRules', nav: { icon: 'Setting', order: 37, group: 'settings' } },
      },
      {
        path: 'settings/ranking-schemes', name: 'ranking-schemes', component: () => import('./views/settings/RankingSchemesView.vue'),
        meta: { can: 'configure_engine', titleKey: 'nav.rankingSchemes', nav: { icon: 'Setting', order: 38, group: 'settings' } },
      },
      {
        path: 'units', name: 'units', component: () => import('./views/UnitsView.vue'),
        meta: { can: AREA, titleKey: 'nav.units', nav: { icon: 'OfficeBuilding', order: 30, group: 'reference' } },
      },
      {
        path: 'people', name: 'people', component: () => import('./views/PeopleView.vue'),
        meta: { can: AREA, titleKey: 'nav.people', nav: { icon: 'User', order: 31, group: 'reference' } },
      },
      {
        path: 'regions', name: 'regions', component: () => import('./views/RegionsView.vue'),
        meta: { can: AREA, titleKey: 'nav.regions', nav: { icon: 'Location', order: 32, group: 'reference' } },
      },
      {
        path: 'users', name: 'users', component: () => import('./views/UsersView.vue'),
        meta: { can: 'manage_users', titleKey: 'nav.users', nav: { icon: 'Avatar', order: 40, group: 'system' } },
      },
      {
        path: 'audit', name: 'audit', component: () => import('./views/AuditView.vue'),
        meta: { can: 'read_audit', titleKey: 'nav.audit', nav: { icon: 'Document', order: 41, group: 'system' } },
      },
      {
        path: 'password', name: 'password', component: () => import('./views/PasswordView.vue'),
        meta: { titleKey: 'nav.password' },
      },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { titleKey: 'notFound.title' } },
    ],
  },
];

export function homeFor(user) {
  if (!user) return { name: 'login' };
  return user.role === 'reporter' ? { name: 'report-todo' } : { name: 'dashboard' };
}

export function allowed(route, user) {
  const meta = route.meta || {};
  if (meta.can && !(user && can(meta.can))) return false;
  return !meta.roles || (!!user && meta.roles.includes(user.role));
}

const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (!session.loaded) {
    try {
      await loadSession();
    } catch (err) {
      // Server unreachable: let the login page show the error.
      if (!to.meta.public) return { name: 'login' };
    }
  }
  if (to.meta.public) {
    if (to.name === 'login' && session.user) return homeFor(session.user);
    return true;
  }
  if (!session.user) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  }
  if (!to.matched.every((r) => allowed(r, session.user))) return homeFor(session.user);
  return true;
});

router.afterEach((to) => {
  const key = to.meta && to.meta.titleKey;
  document.title = key ? `${t(key)} · Keyline` : 'Keyline';
});

export default router;
