// The browser words every code the server can answer with, in both languages (core/errors.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// i18n.js reads the saved language and sets <html lang> when it loads.
const saved = new Map([['lang', 'id']]);
globalThis.localStorage = { getItem: k => saved.get(k) ?? null, setItem: (k, v) => saved.set(k, v) };
globalThis.document = { documentElement: {} };

const { t, setLang } = await import('../../src/core/i18n.js');
const { describeProblem, describeCode, describeHubError } = await import('../../src/core/errors.js');

const codesFile = new URL('../../../src/Workspace.Collaboration/Errors/ErrorCodes.cs', import.meta.url);
const serverCodes = [...readFileSync(codesFile, 'utf8').matchAll(/const string \w+ = "(\w+)";/g)].map(m => m[1]);

test('every server error code has words in English and in Bahasa Indonesia', () => {
  assert.ok(serverCodes.length > 50, `found ${serverCodes.length} codes`);
  for (const lang of ['en', 'id']) {
    setLang(lang);
    const missing = serverCodes.filter(code => t(`error.${code}`) === `error.${code}`);
    assert.deepEqual(missing, [], `no ${lang} words for ${missing.join(', ')}`);
  }
  setLang('id');
});

test('the Indonesian words differ from the English ones', () => {
  const words = lang => { setLang(lang); return serverCodes.map(code => t(`error.${code}`)); };
  const en = words('en');
  const id = words('id');
  setLang('id');
  const same = serverCodes.filter((code, i) => en[i] === id[i]);
  assert.deepEqual(same, []);
});

test('a field error is worded with the field and its limit, numbers in the person\'s format', () => {
  setLang('id');
  const problem = { code: 'invalidValue', errors: { title: ['The field Title must be …'] },
    errorCodes: { title: [{ code: 'tooLong', args: { max: '1000' } }] } };
  assert.equal(describeProblem(problem, 400), 'Judul maksimal 1.000 karakter.');
  setLang('en');
  assert.equal(describeProblem(problem, 400), 'Title can be at most 1,000 characters.');
  setLang('id');
});

test('roles in arguments are named in the person\'s language', () => {
  setLang('id');
  assert.equal(describeCode('roleTooLow', { needed: 'Owner', role: 'Viewer' }),
    'Tindakan ini memerlukan peran Pemilik; peran Anda Pembaca.');
});

test('an unknown code falls back to the server\'s English detail; no answer at all is offline', () => {
  setLang('id');
  const unknown = { code: 'somethingNew', detail: 'Something new went wrong.' };
  assert.equal(describeProblem(unknown, 409), 'Something new went wrong.');
  assert.equal(describeProblem(null, 0), t('error.offline'));
  assert.equal(describeProblem(null, 404), 'Tidak ditemukan.');
});

test('a hub refusal is read from SignalR\'s message and worded', () => {
  setLang('id');
  const error = new Error('An unexpected error occurred invoking \'Submit\' on the server. HubException: '
    + JSON.stringify({
      code: 'operationTooLarge', detail: 'The operation changes …', final: true, args: { max: '100000' },
    }));
  assert.equal(describeHubError(error),
    'Lebih dari 100.000 karakter sekaligus tidak dapat diterima. Tempelkan sebagian demi sebagian.');
});
