// Unit tests of the capture bar's reading (features/meetings/capture.js), English and Indonesian forms.
// Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCapture, readDue, ownersFor, clausesFor } from '../../../src/features/meetings/capture.js';

const members = [
  { userId: 'u1', displayName: 'Rina Wijaya', email: 'rina.w@example.org' },
  { userId: 'u2', displayName: 'Budi Santoso', email: 'budi@dinas.go.id' },
  { userId: 'u3', displayName: 'Budiman Hadi', email: 'hadi@example.org' },
];
// Friday 11 December 2026, in the person's own time.
const friday = new Date(2026, 11, 11);

test('d and k record a decision with the rest of the line', () => {
  assert.deepEqual(parseCapture('d Buy at the floor price', members, friday),
    { kind: 'decision', text: 'Buy at the floor price', clause: null, problem: null });
  assert.deepEqual(parseCapture('K  Beli dengan harga dasar ', members, friday),
    { kind: 'decision', text: 'Beli dengan harga dasar', clause: null, problem: null });
  assert.equal(parseCapture('d ', members, friday).problem.code, 'titleEmpty');
});

test('a and t record an action item with its owner and due date taken out of the title', () => {
  const item = parseCapture('a Send the draft MoU @rina due:2026-12-15', members, friday);
  assert.equal(item.kind, 'action');
  assert.equal(item.title, 'Send the draft MoU');
  assert.equal(item.owner.userId, 'u1');
  assert.equal(item.due, '2026-12-15');
  assert.equal(item.problem, null);
  const tugas = parseCapture('t Kirim daftar harga tenggat:besok @budi.', members, friday);
  assert.equal(tugas.title, 'Kirim daftar harga');
  assert.equal(tugas.due, '2026-12-12');
  assert.equal(tugas.owner.userId, 'u2', 'an exact name wins over a longer name that starts the same');
});

test('the owner is matched by a prefix of the e-mail name, the name or a word of it', () => {
  assert.equal(ownersFor('rin', members)[0].userId, 'u1');
  assert.equal(ownersFor('wija', members)[0].userId, 'u1');
  assert.equal(ownersFor('hadi', members)[0].userId, 'u3');
  assert.equal(ownersFor('BudiS', members)[0].userId, 'u2');
  assert.equal(ownersFor('bu', members).length, 2);
});

test('an owner nobody or several people match, or a date that does not exist, is a problem to show', () => {
  assert.deepEqual(parseCapture('a Call @zed', members, friday).problem, { code: 'ownerUnknown', value: 'zed' });
  assert.deepEqual(parseCapture('a Call @bu', members, friday).problem, { code: 'ownerAmbiguous', value: 'bu' });
  assert.deepEqual(parseCapture('a Call due:2026-02-30', members, friday).problem,
    { code: 'dueInvalid', value: '2026-02-30' });
  assert.equal(parseCapture('a @rina due:fri', members, friday).problem.code, 'titleEmpty');
  assert.equal(parseCapture(`a ${'x'.repeat(301)}`, members, friday).problem.code, 'tooLong');
  assert.equal(parseCapture('rina@example.org', members, friday).kind, 'unknown', 'an e-mail is no handle');
  assert.equal(parseCapture('   ', members, friday).kind, 'empty');
  assert.equal(parseCapture('decide later', members, friday).kind, 'unknown', 'the prefix is one letter alone');
});

test('due dates in a few natural forms in both languages', () => {
  assert.equal(readDue('15/12/2026', friday), '2026-12-15');
  assert.equal(readDue('today', friday), '2026-12-11');
  assert.equal(readDue('hariini', friday), '2026-12-11');
  assert.equal(readDue('tomorrow', friday), '2026-12-12');
  assert.equal(readDue('mon', friday), '2026-12-14');
  assert.equal(readDue('senin', friday), '2026-12-14');
  assert.equal(readDue('Jumat', friday), '2026-12-18', 'the next Friday after a Friday');
  assert.equal(readDue('fri', friday), '2026-12-18');
  assert.equal(readDue('rabu', friday), '2026-12-16');
  assert.equal(readDue('someday', friday), null);
  assert.equal(readDue('2026-13-01', friday), null);
});

const clauses = [
  { agreementId: 'g1', agreementTitle: 'Cooperation', number: '5', title: 'Profit and cost sharing' },
  { agreementId: 'g1', agreementTitle: 'Cooperation', number: '5.1', title: 'Profit sharing ratio' },
  { agreementId: 'g1', agreementTitle: 'Cooperation', number: '10', title: 'Dispute resolution' },
  { agreementId: 'g2', agreementTitle: 'Kerja sama', number: '7', title: 'Penyelesaian sengketa' },
];

test('§ names a clause by its number and is taken out of the decision', () => {
  const d = parseCapture('d Split profit 60/40 §5 from January', members, friday, clauses);
  assert.equal(d.text, 'Split profit 60/40 from January');
  assert.equal(d.clause, clauses[0]);
  assert.equal(d.problem, null);
  assert.equal(parseCapture('d Ratio fixed §5.1.', members, friday, clauses).clause, clauses[1]);
  assert.equal(parseCapture('k Mediasi dulu pasal:7', members, friday, clauses).clause, clauses[3]);
  assert.equal(parseCapture('d Mediation first clause:10', members, friday, clauses).clause, clauses[2]);
});

test('§ names a clause by words of its title, quoted or not, in either language', () => {
  assert.equal(parseCapture('d Mediation first §dispute', members, friday, clauses).clause, clauses[2]);
  assert.equal(parseCapture('d Ratio §"profit sharing ratio"', members, friday, clauses).clause, clauses[1]);
  assert.equal(parseCapture('k Ke mediator §"penyelesaian sengketa"', members, friday, clauses).clause,
    clauses[3]);
  assert.deepEqual(clausesFor('"prof cost"'.slice(1, -1), clauses), [clauses[0]]);
});

test('an action item carries its clause beside owner and due date', () => {
  const item = parseCapture('a Book a mediator @budi §10 due:fri', members, friday, clauses);
  assert.deepEqual([item.title, item.owner.userId, item.due, item.clause, item.problem],
    ['Book a mediator', 'u2', '2026-12-18', clauses[2], null]);
  const t = parseCapture('t Pesan mediator pasal:"sengketa" @rina tenggat:besok', members, friday, clauses);
  assert.deepEqual([t.title, t.owner.userId, t.due, t.clause, t.problem],
    ['Pesan mediator', 'u1', '2026-12-12', clauses[3], null]);
});

test('a clause that is not there, or fits several, is a problem the bar shows', () => {
  assert.deepEqual(parseCapture('d Fine §42', members, friday, clauses).problem,
    { code: 'clauseUnknown', value: '42' });
  assert.deepEqual(parseCapture('d Fine §profit', members, friday, clauses).problem,
    { code: 'clauseAmbiguous', value: 'profit' });
  assert.deepEqual(parseCapture('a Fine §"no such"', members, friday, clauses).problem,
    { code: 'clauseUnknown', value: '"no such"' });
  assert.equal(parseCapture('d Fine §', members, friday, clauses).problem.code, 'clauseUnknown');
  // Without the § sign or a clause: prefix the words stay text.
  assert.equal(parseCapture('d Keep 5% margin', members, friday, clauses).clause, null);
  assert.equal(parseCapture('d Keep 5% margin', members, friday, clauses).text, 'Keep 5% margin');
});
