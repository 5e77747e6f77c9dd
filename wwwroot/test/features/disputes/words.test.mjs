// The disputes feature's words: default step names in both languages, an agreement's own names as written, and
// a deadline that turns overdue by the browser's clock too.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const saved = new Map([['lang', 'en']]);
globalThis.localStorage = { getItem: k => saved.get(k) ?? null, setItem: (k, v) => saved.set(k, v) };
globalThis.document = { documentElement: {}, addEventListener() {} };

const { setLang } = await import('../../../src/core/i18n.js');
const { stepName, isOverdue, deadlineBadge } = await import('../../../src/features/disputes/words.js');
const { disputeMessages } = await import('../../../src/features/disputes/i18n.js');

test('default steps are worded in each language; an agreement\'s own step keeps its name', () => {
  setLang('en');
  assert.equal(stepName('mediation'), 'Mediation');
  setLang('id');
  assert.equal(stepName('negotiation'), 'Musyawarah antar narahubung');
  assert.equal(stepName('Board of directors'), 'Board of directors');
});

test('every disputes text has words in both languages, and they differ', () => {
  const en = Object.keys(disputeMessages.en);
  assert.deepEqual(en.filter(k => !(k in disputeMessages.id)), []);
  assert.deepEqual(Object.keys(disputeMessages.id).filter(k => !(k in disputeMessages.en)), []);
  assert.deepEqual(en.filter(k => disputeMessages.en[k] === disputeMessages.id[k]), []);
});

test('an open dispute is overdue once its deadline passed, before the server says so too; a resolved one never', () => {
  const past = new Date(Date.now() - 60_000).toISOString();
  const future = new Date(Date.now() + 86_400_000).toISOString();
  assert.equal(isOverdue({ status: 'Open', deadline: past, overdue: false }), true);
  assert.equal(isOverdue({ status: 'Open', deadline: future, overdue: false }), false);
  assert.equal(isOverdue({ status: 'Resolved', deadline: past, overdue: true }), false);
  setLang('en');
  const raw = deadlineBadge({ status: 'Open', deadline: past });
  const badge = raw[Object.getOwnPropertySymbols(raw)[0]];
  assert.match(badge, /Overdue/);
  assert.match(badge, /data-overdue="true"/);
});
