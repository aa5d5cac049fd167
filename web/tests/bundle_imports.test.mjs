// Element Plus must be imported component by component: `from 'element-plus'` (the package
// root) drags every component into the login page's bundle and breaks its 300 KB budget
// (network.test.mjs measures the budget; this names the file that broke it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name)) : /\.(vue|js)$/.test(e.name) ? [path.join(dir, e.name)] : []);

test('no source file imports the whole of element-plus', () => {
  const offenders = files(src).filter((f) => /^\s*import\b[^;]*?from\s+['"]element-plus['"]/m.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(src, f)), [],
    "import Element Plus parts from 'element-plus/es/components/<name>/index.mjs'");
});
