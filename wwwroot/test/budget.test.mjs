// The first-load budget: which outputs a page needs (entry, page module, their static imports, each once; never
// what they import()), and that a budget over its limit fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBudgets, staticClosure, outputOf } from '../budget.mjs';

const js = (entryPoint, imports = []) => ({ entryPoint, imports });
const metafile = {
  outputs: {
    'dist/app-A.js': js('src/main.js', [
      { path: 'dist/chunks/chunk-S.js', kind: 'import-statement' },
      { path: 'dist/chunks/dashboard-D.js', kind: 'dynamic-import' },
      { path: 'dist/chunks/documents-E.js', kind: 'dynamic-import' },
    ]),
    'dist/chunks/chunk-S.js': js(undefined),
    'dist/chunks/dashboard-D.js': js('src/features/dashboard/dashboard.js', [
      { path: 'dist/chunks/chunk-S.js', kind: 'import-statement' },
      { path: 'dist/chunks/chunk-G.js', kind: 'import-statement' },
      { path: 'dist/chunks/chart-C.js', kind: 'dynamic-import' },
    ]),
    'dist/chunks/chunk-G.js': js(undefined),
    'dist/chunks/chart-C.js': js('src/core/chart-lib.js'),
    'dist/chunks/documents-E.js': js('src/features/documents/documents.js'),
    'dist/app-A.css': { imports: [] },
  },
};
const sizes = {
  'dist/app-A.js': 10, 'dist/chunks/chunk-S.js': 20, 'dist/chunks/dashboard-D.js': 30,
  'dist/chunks/chunk-G.js': 40, 'dist/chunks/chart-C.js': 5000, 'dist/chunks/documents-E.js': 9000,
};
const sizeOf = file => sizes[file];

test('a page needs its entry, its page module and their static imports, each once, never what they import()', () => {
  const starts = [outputOf(metafile, 'src/main.js'), outputOf(metafile, 'src/features/dashboard/dashboard.js')];
  const files = staticClosure(metafile, starts);
  assert.deepEqual(files.sort(),
    ['dist/app-A.js', 'dist/chunks/chunk-G.js', 'dist/chunks/chunk-S.js', 'dist/chunks/dashboard-D.js']);
});

test('budgets within their limits pass and report their sizes', () => {
  const result = checkBudgets(metafile, [
    { name: 'sign-in', sources: ['src/main.js'], limit: 30 },
    { name: 'dashboard', sources: ['src/main.js', 'src/features/dashboard/dashboard.js'], limit: 100 },
  ], sizeOf);
  assert.equal(result.ok, true);
  assert.deepEqual(result.results.map(r => r.bytes), [30, 100]);
  assert.match(result.lines[1], /^ok {3}dashboard: 0\.1 kB of 0\.1 kB/);
});

test('one budget over its limit fails the whole check and is named', () => {
  const result = checkBudgets(metafile, [
    { name: 'sign-in', sources: ['src/main.js'], limit: 30 },
    { name: 'dashboard', sources: ['src/main.js', 'src/features/dashboard/dashboard.js'], limit: 99 },
  ], sizeOf);
  assert.equal(result.ok, false);
  assert.deepEqual(result.results.map(r => r.ok), [true, false]);
  assert.match(result.lines[1], /^OVER dashboard/);
});

test('a source with no output of its own is an error, not a budget of nothing', () => {
  assert.throws(() => checkBudgets(metafile, [{ name: 'x', sources: ['src/features/gone/gone.js'], limit: 1 }], sizeOf),
    /no output has the entry point src\/features\/gone\/gone\.js/);
});
