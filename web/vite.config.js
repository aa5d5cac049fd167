import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { readdirSync, readFileSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import zlib from 'node:zlib';

// Precompression at build time: every text file of dist/ over 1 KB gets FILE.br (brotli, best)
// and FILE.gz (gzip -9) beside it when they are smaller; the Keyline server picks one by the
// request's Accept-Encoding (src/http/static_files.cc). Node's own zlib, no network.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/;
function precompress() {
  let outDir = 'dist';
  return {
    name: 'keyline-precompress',
    apply: 'build',
    configResolved(config) { outDir = path.resolve(config.root, config.build.outDir); },
    closeBundle() {
      const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) continue;
        const raw = readFileSync(file);
        const br = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = zlib.gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

// Element Plus on demand. unplugin's own ElementPlusResolver imports from 'element-plus/es',
// whose index drags in every component (its default installer), so this one imports each
// component from its own folder, with that component's CSS.
function elementPlusResolvers() {
  const root = fileURLToPath(new URL('./node_modules/element-plus/es/components/', import.meta.url));
  const folderOf = new Map();
  for (const dir of readdirSync(root)) {
    const index = `${root}${dir}/index.mjs`;
    if (!existsSync(index)) continue;
    const m = readFileSync(index, 'utf8').match(/export \{([^}]*)\}/);
    if (!m) continue;
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (/^El[A-Z]/.test(name) && !folderOf.has(name)) folderOf.set(name, dir);
    }
  }
  const kebab = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const style = (dir) => (existsSync(`${root}${dir}/style/css.mjs`) ? [`element-plus/es/components/${dir}/style/css.mjs`] : []);
  return [
    {
      type: 'component',
      resolve(name) {
        const dir = folderOf.get(name);
        if (!dir) return undefined;
        const own = kebab(name.slice(2));
        return { name, from: `element-plus/es/components/${dir}/index.mjs`, sideEffects: style(existsSync(`${root}${own}/style/css.mjs`) ? own : dir) };
      },
    },
    {
      type: 'directive',
      resolve(name) {
        if (name !== 'Loading') return undefined;
        return { name: 'vLoading', from: 'element-plus/es/components/loading/index.mjs', sideEffects: style('loading') };
      },
    },
  ];
}

// Element Plus components of the app shell (see manualChunks).
const SHELL_COMPONENTS = new Set(`base button button-group form form-item input radio radio-button radio-group icon
  config-provider message message-box alert card container aside header main footer menu menu-item menu-item-group
  sub-menu drawer dialog overlay focus-trap dropdown dropdown-item dropdown-menu popper tooltip scrollbar
  roving-focus-group collection tag link loading empty divider page-header badge row col space text
  collapse-transition popconfirm`.split(/\s+/));

// The Keyline server serves dist/ (keyline serve --static web/dist) with SPA fallback;
// `npm run dev` proxies /api to a server on :8080.
export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: elementPlusResolvers(), dts: false }),
    precompress(),
  ],
  build: {
    target: 'chrome87',
    cssTarget: 'chrome87',
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // ECharts in its own chunk, loaded by the pages with charts only. Element Plus is split
        // in two: the shell's components (login page, layout, messages, dialogs) and its shared
        // code in one chunk, so the login page is a handful of requests (each costs a round trip
        // on a phone); the heavy ones (table, select, date picker, ...) travel with the lazy
        // route chunks that use them. Issue 16: the login page ≤ 300 KB.
        manualChunks(id) {
          if (id.includes('/echarts/') || id.includes('/zrender/')) return 'echarts';
          const component = /\/element-plus\/es\/components\/([^/]+)\//.exec(id);
          if (component) return SHELL_COMPONENTS.has(component[1]) ? 'element-shell' : undefined;
          // Shared code only: never the all-components index (import each component from its
          // own module) nor the theme's CSS files.
          if (/\/element-plus\/(es\/(index|component|plugin)\.mjs|theme-chalk\/)/.test(id)) return undefined;
          if (/\/node_modules\/(element-plus|@vueuse|@floating-ui|lodash-es|async-validator|@ctrl|memoize-one|normalize-wheel-es)\//.test(id)) return 'element-shell';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
