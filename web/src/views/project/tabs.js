// The tabs of the project page, in order. `component` is a lazily loaded view; a tab whose
// module the server does not offer yet has `comingSoon: true` and shows a "尚未开放" state
// instead of a feature. When a module ships: write its view here and drop comingSoon.
// `can` limits a tab to users the server lets read that data (session `can`).
import { defineAsyncComponent } from 'vue';

const lazy = (loader) => defineAsyncComponent(loader);

export const PROJECT_TABS = [
  { name: 'basics', labelKey: 'tabs.basics', component: lazy(() => import('./BasicsTab.vue')) },
  { name: 'assignments', labelKey: 'tabs.assignments', component: lazy(() => import('./AssignmentsTab.vue')) },
  { name: 'stages', labelKey: 'tabs.stages', component: lazy(() => import('./StagesTab.vue')) },
  { name: 'funds', labelKey: 'tabs.funds', component: lazy(() => import('./FundsTab.vue')) },
  { name: 'factors', labelKey: 'tabs.factors', component: lazy(() => import('./FactorsTab.vue')) },
  { name: 'audit', labelKey: 'tabs.audit', can: 'read_audit', component: lazy(() => import('./AuditTab.vue')) },
  { name: 'plan', labelKey: 'tabs.plan', component: lazy(() => import('./PlanTab.vue')) },
  { name: 'reports', labelKey: 'tabs.reports', component: lazy(() => import('./ReportsTab.vue')) },
  { name: 'procedures', labelKey: 'tabs.procedures', component: lazy(() => import('./ProceduresTab.vue')) },
  { name: 'milestones', labelKey: 'tabs.milestones', component: lazy(() => import('./BattleChartTab.vue')) },
  { name: 'problems', labelKey: 'tabs.problems', component: lazy(() => import('./ProblemsTab.vue')) },
  { name: 'lights', labelKey: 'tabs.lights', component: lazy(() => import('./LightsTab.vue')) },
  { name: 'location', labelKey: 'tabs.location', component: lazy(() => import('./LocationTab.vue')) },
];
