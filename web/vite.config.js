import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

// The Keyline server serves dist/ (keyline serve --static web/dist) with SPA fallback;
// `npm run dev` proxies /api to a server on :8080.
export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: elementPlusResolvers(), dts: false }),
  ],
  build: {
    target: 'chrome87',
    cssTarget: 'chrome87',
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('/echarts/') || id.includes('/zrender/')) return 'echarts';
          if (id.includes('/element-plus/') || id.includes('/@element-plus/') || id.includes('/@vueuse/')
              || id.includes('/@floating-ui/') || id.includes('/async-validator/') || id.includes('/lodash')
              || id.includes('/dayjs/') || id.includes('/@ctrl/') || id.includes('/memoize-one/')
              || id.includes('/normalize-wheel')) return 'element-plus';
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
