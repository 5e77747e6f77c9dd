// The action items' filters are kept per partnership (src/features/actions/filters.js). Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';

// labels.js registers words through i18n.js, which reads the saved language and sets <html lang> when it loads.
globalThis.localStorage ??= { getItem: () => null, setItem: () => {} };
globalThis.document ??= { documentElement: {} };
globalThis.navigator ??= { language: 'en' };
const { filtersFor, filterItems } = await import('../../../src/features/actions/filters.js');

test('an organisation chosen in one partnership does not filter the next partnership\'s items', () => {
  const first = filtersFor('p-first');
  first.filter = 'mine';
  first.party = 'party-of-first';
  const next = filtersFor('p-next');
  assert.deepEqual({ ...next }, { filter: 'all', party: '' });
  const items = [{ id: 'a', ownerPartyId: 'party-of-next', ownerUserId: 'someone', status: 'Open' }];
  assert.deepEqual(filterItems(items, next, 'me').map(i => i.id), ['a']);
});

test('coming back to a partnership finds its filters as they were left', () => {
  filtersFor('p-back').party = 'party-x';
  filtersFor('p-other').party = 'party-y';
  assert.equal(filtersFor('p-back').party, 'party-x');
  assert.equal(filtersFor('p-other').party, 'party-y');
});

test('the filters let through mine, overdue, due within a week, and one organisation\'s items', () => {
  const items = [
    { id: 'mine', ownerUserId: 'me', ownerPartyId: 'A', status: 'Open', dueDate: '2026-12-20' },
    { id: 'late', ownerUserId: 'x', ownerPartyId: 'B', status: 'Open', dueDate: '2020-01-01' },
    { id: 'soon', ownerUserId: 'x', ownerPartyId: 'B', status: 'InProgress', dueDate: '2026-12-03' },
    { id: 'done', ownerUserId: 'me', ownerPartyId: 'A', status: 'Done', dueDate: '2026-12-02' },
  ];
  const ids = filters => filterItems(items, { filter: 'all', party: '', ...filters }, 'me', '2026-12-01')
    .map(i => i.id);
  assert.deepEqual(ids({}), ['mine', 'late', 'soon', 'done']);
  assert.deepEqual(ids({ filter: 'mine' }), ['mine', 'done']);
  assert.deepEqual(ids({ filter: 'overdue' }), ['late']);
  assert.deepEqual(ids({ filter: 'week' }), ['soon']);
  assert.deepEqual(ids({ party: 'A' }), ['mine', 'done']);
});
