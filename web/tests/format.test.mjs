// The web's one number formatter (src/utils/format.js) against the server's rule
// (src/common/number_format.h): 万元 with thousands separators and two decimals, 亿元 with two,
// rates with the indicator's decimals, half away from zero on the exact decimal text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatWan, formatYi, formatPercent, formatCount } from '../src/utils/format.js';

test('formatWan: grouped, two decimals, half away from zero, exact on decimal strings', () => {
  assert.equal(formatWan('45929.704729'), '45,929.70');
  assert.equal(formatWan('1320'), '1,320.00');
  assert.equal(formatWan('0.005'), '0.01');
  assert.equal(formatWan('-0.005'), '-0.01');
  assert.equal(formatWan('-0.004'), '0.00');
  assert.equal(formatWan(1.005), '1.01'); // a binary float would give 1.00
  assert.equal(formatWan('999.995'), '1,000.00');
  assert.equal(formatWan(''), '');
  assert.equal(formatWan(null), '');
});

test('formatYi: 万元 → 亿元 with two decimals', () => {
  assert.equal(formatYi('45929'), '4.59');
  assert.equal(formatYi('45950'), '4.60');
  assert.equal(formatYi('123456789'), '12,345.68');
  assert.equal(formatYi(-50000), '-5.00');
  assert.equal(formatYi('5'), '0.00');
});

test('formatPercent: the indicator decimals and the same rounding as the server', () => {
  assert.equal(formatPercent('0.91666', 1), '91.7%');
  assert.equal(formatPercent(0.0625, 1), '6.3%');
  assert.equal(formatPercent(0.4, 0), '40%');
  assert.equal(formatPercent(1, 2), '100.00%');
  assert.equal(formatPercent('0.048', 1), '4.8%');
  assert.equal(formatPercent(null), '—');
});

test('formatCount groups by thousands', () => {
  assert.equal(formatCount(1234567), '1,234,567');
  assert.equal(formatCount(null), '—');
});
