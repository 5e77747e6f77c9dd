// Side by side folds unchanged stretches: every changed line stays with two lines of context either side, and each
// longer stretch of unchanged lines becomes one row that says how many it hides.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const saved = new Map([['lang', 'en']]);
globalThis.localStorage = { getItem: k => saved.get(k) ?? null, setItem: (k, v) => saved.set(k, v) };
globalThis.document = { documentElement: {}, addEventListener() {} };

const { foldRows } = await import('../../../src/features/agreements/compare.js');

const line = kind => ({ kind, segments: [] });
const lines = kinds => kinds.map(line);

test('a change in the middle of a long text keeps two lines around it and folds the rest', () => {
  const kinds = Array(20).fill('equal');
  kinds[10] = 'changed';
  const rows = foldRows(lines(kinds), lines(kinds));
  assert.deepEqual(rows, [{ skip: 8 }, { index: 8 }, { index: 9 }, { index: 10 }, { index: 11 }, { index: 12 },
    { skip: 7 }]);
});

test('a line only the newer text has (a blank across from it) counts as changed', () => {
  const older = lines(['equal', 'equal', 'equal', 'equal', 'blank', 'equal', 'equal', 'equal', 'equal']);
  const newer = lines(['equal', 'equal', 'equal', 'equal', 'inserted', 'equal', 'equal', 'equal', 'equal']);
  assert.deepEqual(foldRows(older, newer, 1), [{ skip: 3 }, { index: 3 }, { index: 4 }, { index: 5 }, { skip: 3 }]);
});

test('two texts alike fold into one row; nothing at all draws no row', () => {
  assert.deepEqual(foldRows(lines(['equal', 'equal', 'equal']), lines(['equal', 'equal', 'equal'])), [{ skip: 3 }]);
  assert.deepEqual(foldRows([], []), []);
});
