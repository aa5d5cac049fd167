// Keyline service worker: caches the app shell only — index.html, the hashed /assets/ files
// and the icons — so the installed app opens without a network. It never touches /api/ (every
// figure, report and draft goes to the server or stays in the page's own local draft), nor
// /healthz, nor anything of another origin.
const SHELL = 'keyline-shell-v1';
const PRECACHE = ['/', '/manifest.webmanifest', '/favicon.svg', '/icon-192.png', '/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    await cache.addAll(PRECACHE);
    // The entry chunks index.html names; lazy route chunks join the cache when first loaded.
    const html = await (await cache.match('/')).text();
    const assets = [...new Set(html.match(/\/assets\/[^"'\s)]+/g) || [])];
    await cache.addAll(assets);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== SHELL) await caches.delete(key);
    await self.clients.claim();
  })());
});

function isShell(url) {
  return url.origin === self.location.origin && !url.pathname.startsWith('/api/') && url.pathname !== '/healthz';
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (!isShell(url)) return;  // the API and other origins: straight to the network
  if (req.mode === 'navigate') {
    // Pages: the network first (a fresh index.html names the newest assets), the cached shell
    // when offline.
    event.respondWith(fetch(req).then((res) => {
      if (res.ok) caches.open(SHELL).then((c) => c.put('/', res.clone()));
      return res;
    }).catch(async () => (await caches.match('/')) || Response.error()));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed, immutable: the cache first.
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        caches.open(SHELL).then((c) => c.put(req, copy));
      }
      return res;
    })));
    return;
  }
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(fetch(req).catch(async () => (await caches.match(req)) || Response.error()));
  }
});
