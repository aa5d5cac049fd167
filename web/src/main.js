import { createApp } from 'vue';
import App from './App.vue';
import router from './router.js';
import { i18nPlugin, t } from './i18n.js';
import { setUnauthenticatedHandler } from './api/client.js';
import { session, forget } from './session.js';
import { resetRefdata } from './refdata.js';
import 'element-plus/theme-chalk/base.css';
import './styles.css';

// Any request answering 401 while logged in: the session expired (idle timeout, password
// changed elsewhere, cookie gone). Back to the login page with a message.
setUnauthenticatedHandler(() => {
  const wasLoggedIn = !!session.user;
  forget();
  resetRefdata();
  const current = router.currentRoute.value;
  if (current.name === 'login') return;
  session.expiredNotice = t('login.expired');
  router.replace({ name: 'login', query: { redirect: current.fullPath, expired: wasLoggedIn ? '1' : undefined } });
});

const app = createApp(App);
app.use(i18nPlugin);
app.use(router);
// Mount once the first route (and its lazy view) resolved; the mark lets tests measure
// the first screen with the browser's Performance timeline.
router.isReady().finally(() => {
  app.mount('#app');
  requestAnimationFrame(() => performance.mark('keyline:first-screen'));
});

// The installable app (web/public/manifest.webmanifest): the service worker caches the app
// shell only, never /api/ (web/public/sw.js). Registered after the first screen so it never
// competes with it; not in `npm run dev`.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* an http:// origin other than localhost */ });
  });
}
