#!/usr/bin/env node
// Reads docs/api.yaml strictly (js-yaml, pinned in web/package.json: a mapping key that repeats
// is an error, not "the last copy wins") and, given an output path, writes it as JSON for the
// integration tests' answer checker (tests/openapi_validator.h).
//   node scripts/openapi-json.mjs docs/api.yaml            check only
//   node scripts/openapi-json.mjs docs/api.yaml build/api.json
// Exit 1 with the file, line and key on a duplicate key or any other YAML error.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const yaml = require('js-yaml');

const [input, output] = process.argv.slice(2);
if (!input) {
  console.error('usage: openapi-json.mjs API_YAML [OUT_JSON]');
  process.exit(2);
}
let doc;
try {
  doc = yaml.load(readFileSync(input, 'utf8'), { filename: input, json: false });
} catch (e) {
  console.error(`${input}: not a valid YAML document (strict load): ${e.message}`);
  process.exit(1);
}
if (!doc || typeof doc !== 'object' || !/^3\.0\.\d+$/.test(String(doc.openapi))) {
  console.error(`${input}: not an OpenAPI 3.0 document (openapi: ${doc && doc.openapi})`);
  process.exit(1);
}
if (output) {
  writeFileSync(`${output}.tmp`, JSON.stringify(doc));
  renameSync(`${output}.tmp`, output);
}
console.log(`${input}: strict YAML load ok, ${Object.keys(doc.paths || {}).length} paths`);
