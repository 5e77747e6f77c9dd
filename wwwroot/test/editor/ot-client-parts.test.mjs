// Unit tests of the browser's OT client with edits larger than one op may hold: sent in parts, refused whole when the
// text would grow past its limit. Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedCodePoints as changed } from '../../src/editor/op-size.js';
import { FakeHub, assertSettled, editor, settle } from './fake-hub.mjs';

test('one paste larger than one op may hold is kept, sent in parts, and lands once', async () => {
  const hub = new FakeHub('Report:\n');
  const a = editor(hub), b = editor(hub);
  await a.client.open();
  await b.client.open();
  const report = `${'Section 1. The cooperative delivers rice 🌾.\n'.repeat(6_000)}`; // 270,000 code points
  a.typeAt(8, report);
  assert.equal(a.client.text, `Report:\n${report}`, 'kept in the editor');
  for (let i = 0; i < 40 && a.client.pendingEdits > 0; i++) await settle();
  assertSettled(hub, a, `Report:\n${report}`);
  assert.equal(b.shown.text, hub.text, 'the other person has it all');
  assert.equal(hub.ops.length, 3, 'in three parts');
  for (const o of hub.ops) assert.ok(changed(o.op) <= 100_000);

  // Select all and delete: refused as one op, also in parts.
  const all = [...a.shown.text].length;
  a.shown.text = '';
  a.client.edit([{ d: all }]);
  for (let i = 0; i < 40 && a.client.pendingEdits > 0; i++) await settle();
  assertSettled(hub, a, '');
  assert.equal(b.shown.text, '');
});

test('the connection dropping between the parts of a paste loses none of it and applies none twice', async () => {
  const hub = new FakeHub('Notes\n');
  const a = editor(hub);
  await a.client.open();
  const paste = 'padi '.repeat(50_000); // 250,000 code points
  a.client.connection.loseNextAck = true; // the first part is stored, its answer lost with the connection
  a.typeAt(6, paste);
  await settle();
  assert.equal(hub.ops.length, 1, 'one part stored before the drop');
  assert.ok(a.client.pendingEdits > 0, 'the rest waits');
  a.client.connection.reconnect();
  await a.client.open();
  for (let i = 0; i < 40 && a.client.pendingEdits > 0; i++) await settle();
  assertSettled(hub, a, `Notes\n${paste}`);
});

test('an edit that would make the text longer than the server allows is taken back at once, whole', async () => {
  const hub = new FakeHub('Plan\n');
  hub.limits = { maxOperationLength: 10, maxOperationComponents: 10, maxDocumentLength: 40 };
  const refused = [];
  const a = editor(hub, 'doc', 'anon', refused);
  await a.client.open();
  a.typeAt(5, 'x'.repeat(36)); // 41 code points: one over
  assert.deepEqual(refused, [{ code: 'documentTooLong', args: { max: 40 } }]);
  assert.equal(a.shown.text, 'Plan\n', 'taken back out of the editor');
  await settle();
  assert.equal(hub.ops.length, 0, 'nothing of it sent');
  a.typeAt(5, '🌾'.repeat(35)); // 40 code points (75 UTF-16 units): fits
  for (let i = 0; i < 20 && a.client.pendingEdits > 0; i++) await settle();
  assertSettled(hub, a, `Plan\n${'🌾'.repeat(35)}`);
  assert.equal(refused.length, 1);
  assert.ok(hub.ops.length >= 4, 'in parts of at most 10');
});

test('replacing the whole text sends its deletions first, so no part passes the length limit', async () => {
  const hub = new FakeHub('a'.repeat(30));
  hub.limits = { maxOperationLength: 8, maxOperationComponents: 4, maxDocumentLength: 36 };
  const a = editor(hub);
  await a.client.open();
  a.shown.text = 'b'.repeat(34);
  a.client.edit(['b'.repeat(34), { d: 30 }]); // as ops compose; cut in that order, the text would pass 36 half way
  for (let i = 0; i < 40 && a.client.pendingEdits > 0; i++) await settle();
  assertSettled(hub, a, 'b'.repeat(34));
});

test('a part refused after the parts before it were saved is reported as partly saved, nothing doubled', async () => {
  const hub = new FakeHub('');
  hub.limits = { maxOperationLength: 10, maxOperationComponents: 10, maxDocumentLength: 40 };
  const refused = [];
  const a = editor(hub, 'doc', 'a', refused);
  await a.client.open();
  // Right after a's first part, someone else's edit lands and takes the room a's last part needed.
  hub.afterSubmit = () => {
    hub.afterSubmit = null;
    hub.submit(null, { documentId: 'doc', clientId: 'other', clientSeq: 1, baseRevision: 1, op: ['B'.repeat(20)] });
  };
  a.typeAt(0, 'A'.repeat(30));
  for (let i = 0; i < 40 && a.client.pendingEdits > 0; i++) await settle();
  assert.equal(refused.length, 1);
  assert.equal(refused[0].code, 'documentTooLong');
  assert.equal(refused[0].partly, true, 'the person hears that part of it was saved');
  assertSettled(hub, a, `${'B'.repeat(20)}${'A'.repeat(20)}`); // two of a's three parts, once each
});
