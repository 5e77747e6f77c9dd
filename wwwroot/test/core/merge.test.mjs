// Three-way merge of form fields: what a 409 or a live change does to an open edit dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFields, followLive, sameValue, pick } from '../../src/core/merge.js';

const keys = ['title', 'dueDate', 'notes', 'ownerUserId'];
const base = { title: 'Send draft MoU', dueDate: null, notes: '', ownerUserId: 'rina' };

test('a rename by one person and a new due date and notes by the other are both kept', () => {
  const theirs = { ...base, title: 'Send the signed MoU' };
  const mine = { ...base, dueDate: '2026-12-15', notes: 'Courier to Utrecht' };
  const { merged, clashes } = mergeFields(base, mine, theirs, keys);
  assert.deepEqual(merged,
    { title: 'Send the signed MoU', dueDate: '2026-12-15', notes: 'Courier to Utrecht', ownerUserId: 'rina' });
  assert.deepEqual(clashes, []);
});

test('both changing the title differently is a clash that keeps mine until the person chooses', () => {
  const theirs = { ...base, title: 'Theirs' };
  const mine = { ...base, title: 'Mine', notes: 'n' };
  const { merged, clashes } = mergeFields(base, mine, theirs, keys);
  assert.equal(merged.title, 'Mine');
  assert.equal(merged.notes, 'n');
  assert.deepEqual(clashes, [{ field: 'title', mine: 'Mine', theirs: 'Theirs' }]);
});

test('both making the same change is no clash', () => {
  const same = { ...base, title: 'Agreed' };
  assert.deepEqual(mergeFields(base, same, same, keys).clashes, []);
});

test('empty, null and missing are the same value; numbers equal their text', () => {
  assert.ok(sameValue(null, ''));
  assert.ok(sameValue(undefined, null));
  assert.ok(sameValue(500, '500'));
  assert.ok(!sameValue(0, ''));
  const { merged, clashes } = mergeFields(
    { target: 500, baseline: null },
    { target: '500', baseline: '' },
    { target: 600, baseline: 10 },
    ['target', 'baseline']);
  assert.deepEqual(merged, { target: 600, baseline: 10 });
  assert.deepEqual(clashes, []);
});

test('a live change updates untouched fields only and reports touched fields the other person changed too', () => {
  const shown = { ...base, title: 'My title', notes: 'typed' };
  const theirs = { ...base, title: 'Their title', dueDate: '2027-01-05', ownerUserId: 'budi' };
  const { updates, clashes } = followLive(base, shown, theirs, keys);
  assert.deepEqual(updates, { dueDate: '2027-01-05', ownerUserId: 'budi' });
  assert.deepEqual(clashes, [{ field: 'title', mine: 'My title', theirs: 'Their title' }]);
});

test('pick reads the form fields from an entity', () => {
  assert.deepEqual(pick({ title: 'A', extra: 1 }, ['title', 'notes']), { title: 'A', notes: null });
});
