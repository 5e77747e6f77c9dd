// The clause link of an item or decision: what the dialog sends (nothing when unchanged, zeros to remove), the
// picker's options (one per number, the current link named as it is, a deleted one kept) and the chip.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const saved = new Map([['lang', 'en']]);
globalThis.localStorage = { getItem: k => saved.get(k) ?? null, setItem: (k, v) => saved.set(k, v) };
globalThis.document = { documentElement: {}, addEventListener() {} };
const agreementId = 'a1';
const answers = {
  '/api/partnerships/p/agreements': [{ id: agreementId, title: 'MoU' }, { id: 'a2', title: 'Old', amendsId: 'a1' }],
  '/api/partnerships/p/agreements/a1/clauses': [{ number: '5', title: 'Payment' }, { number: '6', title: 'Profit' },
    { number: '6', title: 'IP' }],
};
globalThis.fetch = async path => ({ status: 200, ok: true, text: async () => JSON.stringify(answers[path]) });

const { setLang } = await import('../../src/core/i18n.js');
const { clauseChip, clauseField, clauseInput, clauseValue } = await import('../../src/core/clause-link.js');
const live = { agreementId, agreementTitle: 'MoU', number: '6', heading: 'Profit', deleted: false };
const gone = { ...live, number: '5', heading: 'Old payment', deleted: true };

test('the dialog sends nothing for an unchanged link, zeros to remove one, else the agreement and number', () => {
  assert.equal(clauseInput(clauseValue(live), live), undefined);
  assert.equal(clauseInput(clauseValue(gone), gone), undefined);
  assert.equal(clauseInput(null, null), undefined);
  assert.deepEqual(clauseInput(null, live),
    { agreementId: '00000000-0000-0000-0000-000000000000', number: '0' });
  assert.deepEqual(clauseInput('a1|5', live), { agreementId, number: '5' });
  assert.deepEqual(clauseInput('a1|6', null), { agreementId, number: '6' });
});

test('the picker offers each number once, names the current link as it is, and keeps a deleted one', async () => {
  setLang('en');
  const field = await clauseField('p', live);
  assert.equal(field.label, 'Agreement clause');
  assert.equal(field.value, 'a1|6');
  assert.deepEqual(field.options.map(o => o.label), ['No clause', 'MoU § 5 Payment', 'MoU § 6 Profit']);
  const kept = await clauseField('p', gone);
  assert.equal(kept.value, 'a1|5|deleted');
  assert.deepEqual(kept.options.map(o => o.value), ['', 'a1|5|deleted', 'a1|5', 'a1|6']);
  assert.equal(kept.options[1].label, 'MoU § 5 Old payment · deleted');
  setLang('id');
  assert.equal((await clauseField('p', null)).label, 'Pasal perjanjian');
  setLang('en');
});

test('the chip names the clause, links to its agreement and strikes a deleted clause through', () => {
  const text = s => s[Object.getOwnPropertySymbols(s)[0]];
  const chip = text(clauseChip('p', live));
  assert.match(chip, /href="\/p\/p\/agreements\/a1"/);
  assert.match(chip, />§6 Profit<\/a>$/);
  assert.match(text(clauseChip('p', gone)), /<del>§5 Old payment<\/del> <span class="clause-gone">deleted<\/span>/);
  assert.equal(clauseChip('p', null), '');
});
