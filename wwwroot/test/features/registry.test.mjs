// The feature registry (src/features/index.js): every section has its routes, its navigation entry and its words in
// both languages, and the routes are the app's known ones. Run: node --test wwwroot/test/
import '../css-stub.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const registry = await import('../../src/features/index.js');
const { manifests, navSections, messagesOf, installFeatures } = await import('../../src/core/registry.js');
const list = manifests(registry);
const placeholders = text => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

test('every manifest has a key and routes, each with a path, a lazy loader and a render picker', () => {
  assert.ok(list.length >= 12);
  assert.equal(new Set(list.map(f => f.key)).size, list.length, 'keys are unique');
  for (const f of list) {
    assert.match(f.key, /^[a-z-]+$/);
    assert.ok(f.routes.length > 0, `${f.key} has routes`);
    for (const r of f.routes) {
      assert.match(r.path, /^\//, `${f.key}: ${r.path}`);
      assert.equal(typeof r.load, 'function', `${f.key}: ${r.path} loads its page lazily`);
      assert.equal(typeof r.render, 'function', `${f.key}: ${r.path} picks its render function`);
    }
  }
});

test('the navigation lists the sections in their order, with the not-yet-built ones marked', () => {
  const sections = navSections(list);
  // Today's sections keep their order (a new one may come in anywhere).
  const known = ['dashboard', 'documents', 'goals', 'actions', 'meetings', 'agreements', 'disputes', 'reviews', 'files',
    'members', 'activity', 'settings'];
  assert.deepEqual(sections.map(s => s.key).filter(k => known.includes(k)), known);
  for (const s of sections) assert.equal(typeof s.ready, 'boolean', `${s.key}: built or coming soon`);
  assert.equal(new Set(sections.map(s => s.order)).size, sections.length, 'no two sections share an order');
  assert.equal(new Set(sections.map(s => s.path)).size, sections.length, 'no two sections share a path');
  for (const s of sections) {
    const f = list.find(x => x.key === s.key);
    assert.ok(f.routes.some(r => r.path === `/p/:pid${s.path}`), `${s.key}: its entry opens one of its routes`);
  }
});

test('every navigation label and every message of a manifest is there in English and in Indonesian', () => {
  for (const f of list) {
    const words = messagesOf(f);
    if (f.nav) {
      assert.ok(words.en?.[f.nav.label], `${f.key}: English label`);
      assert.ok(words.id?.[f.nav.label], `${f.key}: Indonesian label`);
    }
    assert.deepEqual(Object.keys(words.en ?? {}).sort(), Object.keys(words.id ?? {}).sort(), `${f.key}: same keys`);
    for (const [key, en] of Object.entries(words.en ?? {})) {
      assert.notEqual(words.id[key], en, `${f.key}: ${key} is translated`);
      assert.deepEqual(placeholders(words.id[key]), placeholders(en), `${f.key}: ${key} has the same blanks`);
    }
  }
});

test('activity sentences are registered under activity.<kind>, and no kind belongs to two features', () => {
  const seen = new Map();
  for (const f of list) {
    for (const kind of Object.keys(f.activity?.en ?? {})) {
      assert.ok(!seen.has(kind), `${kind} is in ${seen.get(kind)} and ${f.key}`);
      seen.set(kind, f.key);
      assert.equal(messagesOf(f).en[`activity.${kind}`], f.activity.en[kind]);
    }
  }
  for (const kind of ['goal.created', 'action.moved', 'member.joined', 'comment.added', 'partnership.renamed']) {
    assert.ok(seen.has(kind), kind);
  }
});

test('the app\'s routes are all there, all under the first path segments the server serves the app for', () => {
  const paths = list.flatMap(f => f.routes.map(r => r.path)).sort();
  assert.equal(new Set(paths).size, paths.length, 'no route is registered twice');
  const known = ['/', '/account', '/invite/:token', '/p/:pid', '/p/:pid/actions', '/p/:pid/activity',
    '/p/:pid/agreements', '/p/:pid/disputes', '/p/:pid/docs', '/p/:pid/docs/:docId', '/p/:pid/files',
    '/p/:pid/goals', '/p/:pid/meetings', '/p/:pid/meetings/:meetingId', '/p/:pid/members', '/p/:pid/reviews',
    '/p/:pid/settings'];
  for (const p of known) assert.ok(paths.includes(p), `${p} is still a route`);
  const sections = appSections();
  for (const p of paths.filter(x => x !== '/')) assert.ok(sections.includes(p.split('/')[1]), p);
});

test('installing the registry registers each route and the words of each manifest', () => {
  const routes = [];
  const tables = [];
  installFeatures(list, {
    route: (path, render) => routes.push({ path, render }),
    lazy: (load, pick) => ({ load, pick }),
    addMessages: table => tables.push(table),
  });
  assert.equal(routes.length, list.flatMap(f => f.routes).length);
  assert.ok(tables.some(t => t.id?.['nav.goals'] === 'Tujuan & KPI'));
  assert.ok(tables.some(t => t.en?.['activity.goal.created']));
});

// FrontEndExtensions.AppSections on the server: the first path segments that load the app.
function appSections() {
  const root = new URL('../../../src/', import.meta.url).pathname;
  const files = readdirSync(root, { recursive: true }).filter(f => f.endsWith('.cs')).map(f => join(root, f));
  for (const file of files) {
    const m = /AppSections\s*=\s*\[([^\]]*)\]/.exec(readFileSync(file, 'utf8'));
    if (m) return [...m[1].matchAll(/"([^"]+)"/g)].map(x => x[1]);
  }
  throw new Error('AppSections not found in the server sources');
}
