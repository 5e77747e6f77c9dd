// Unit tests of the browser's OT client against a small in-memory stand-in for the document hub
// (the real hub is exercised by the browser tests; these pin down the client's own bookkeeping).
// Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type } from 'ot-text-unicode';
import { positionBefore } from '../../src/editor/ot-client.js';
import { changedCodePoints as changed } from '../../src/editor/op-size.js';
import { diffOp } from '../../src/editor/unicode.js';
import { FakeHub, assertSettled, editor, seededRandom, settle } from './fake-hub.mjs';

test('edits made before the text arrives are carried onto it, not lost', async () => {
  const hub = new FakeHub('Server text.');
  hub.ops.push({ revision: 1, op: ['Server text.'], clientId: 'x', clientSeq: 1 });
  const a = editor(hub);
  a.typeAt(0, 'Early ');
  await a.client.open();
  await settle();
  assertSettled(hub, a, 'Early Server text.');
});

test('two editors typing at once converge, whatever order broadcasts and answers arrive in', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const r = seededRandom(seed);
    const hub = new FakeHub();
    const a = editor(hub), b = editor(hub);
    await a.client.open();
    await b.client.open();
    for (let i = 0; i < 60; i++) {
      const who = r() < 0.5 ? a : b;
      // Broadcasts to one editor are sometimes held back, so they overtake or trail its own answers.
      const other = who === a ? b : a;
      other.client.connection.hold = r() < 0.3;
      const length = [...who.shown.text].length;
      who.typeAt(Math.floor(r() * (length + 1)), r() < 0.1 ? '🌾' : String.fromCharCode(97 + Math.floor(r() * 26)));
      if (r() < 0.5) await settle();
      if (r() < 0.3) { a.client.connection.release(); b.client.connection.release(); }
    }
    for (const e of [a, b]) { e.client.connection.hold = false; e.client.connection.release(); }
    await settle();
    for (const e of [a, b]) { e.client.connection.release(); }
    await settle();
    assert.equal(a.client.pendingEdits + b.client.pendingEdits, 0, `seed ${seed}: everything acknowledged`);
    assert.equal(a.shown.text, hub.text, `seed ${seed}: editor A shows the server's text`);
    assert.equal(b.shown.text, hub.text, `seed ${seed}: editor B shows the server's text`);
  }
});

test('an op that does not fit realigns with the server instead of wedging, keeping pending edits', async () => {
  const hub = new FakeHub();
  const a = editor(hub), b = editor(hub);
  await a.client.open();
  await b.client.open();
  a.typeAt(0, 'Hello');
  await settle();
  assert.equal(b.shown.text, 'Hello');
  // Break B's bookkeeping on purpose (as a defect would): its confirmed text loses a character.
  b.client.confirmed = 'Hell';
  b.client.connection.hold = true;
  b.typeAt(5, '!');
  a.typeAt(5, ' world');
  await settle();
  b.client.connection.hold = false;
  b.client.connection.release();
  await settle();
  assertSettled(hub, b, 'Hello world!');
});

test('dropped connections and lost answers lose no edit and apply none twice', async () => {
  for (let seed = 1; seed <= 30; seed++) {
    const r = seededRandom(seed * 7919);
    const hub = new FakeHub();
    const editors = [editor(hub), editor(hub)];
    for (const e of editors) await e.client.open();
    const typed = [];
    for (let step = 0; step < 80; step++) {
      const e = editors[Math.floor(r() * 2)];
      const connection = e.client.connection;
      const roll = r();
      if (roll < 0.08 && connection.state === 'Connected') {
        connection.drop();
      } else if (roll < 0.25 && connection.state !== 'Connected') {
        connection.reconnect();
        // What the page does once the connection is back; it may drop again meanwhile (then the next reconnect opens).
        await e.client.open().catch(() => {});
      } else {
        if (roll < 0.3) connection.loseNextAck = true;
        // Insert a unique token at a token boundary, so each can be found (and counted) at the end.
        const boundaries = [0, ...[...e.shown.text.matchAll(/>/g)].map(m => m.index + 1)];
        const token = `<${editors.indexOf(e)}.${step}>`;
        typed.push(token);
        e.typeAt(boundaries[Math.floor(r() * boundaries.length)], token);
      }
      if (r() < 0.5) await settle();
    }
    for (const e of editors) e.client.connection.loseNextAck = false;
    for (const e of editors) {
      if (e.client.connection.state !== 'Connected') { e.client.connection.reconnect(); await e.client.open(); }
    }
    await settle();
    for (const e of editors) await e.client.open(); // a last catch-up, as after any reconnect
    await settle();
    for (const e of editors) {
      assert.equal(e.client.pendingEdits, 0, `seed ${seed}: everything acknowledged`);
      assert.equal(e.shown.text, hub.text, `seed ${seed}: the editor shows the server's text`);
    }
    for (const token of typed) {
      assert.equal(hub.text.split(token).length - 1, 1, `seed ${seed}: ${token} is there exactly once`);
    }
  }
});

test('an edit whose save failed is sent again while connected and lands once', async () => {
  const hub = new FakeHub();
  const a = editor(hub);
  await a.client.open();
  hub.failSaves = 2;
  a.typeAt(0, 'Budget approved');
  await settle();
  assert.equal(a.client.pendingEdits, 1, 'not saved yet, still pending');
  assert.equal(hub.text, '');
  // The client backs off (0.5 s, then 1 s) and tries again on the same connection.
  for (let i = 0; i < 40 && a.client.pendingEdits > 0; i++) await new Promise(r => setTimeout(r, 100));
  assert.equal(a.client.pendingEdits, 0);
  assert.equal(hub.text, 'Budget approved');
  assert.equal(hub.ops.length, 1);
});

test("an id restored from someone else's session is replaced and the edit still lands once", async () => {
  const hub = new FakeHub();
  const ana = editor(hub, 'doc', 'ana');
  await ana.client.open();
  ana.typeAt(0, 'Ana. ');
  await settle();
  const budi = editor(hub, 'doc', 'budi');
  budi.client.clientId = ana.client.clientId; // as if restored from this browser's storage after Ana signed out
  await budi.client.open();
  budi.typeAt(0, 'Budi. ');
  await settle();
  ana.typeAt(ana.shown.text.length, 'Ana again.');
  await settle();
  assert.equal(budi.client.pendingEdits, 0);
  assert.notEqual(budi.client.clientId, ana.client.clientId);
  assert.equal(hub.text, 'Budi. Ana. Ana again.');
  assert.equal(budi.shown.text, hub.text);
  assert.equal(ana.shown.text, hub.text);
});

test('positionBefore finds each character again in the text before an op, over emoji too', () => {
  const r = seededRandom(7);
  // Characters of the original text and inserted ones come from different ranges, so each tells where it came from.
  const original = n => String.fromCodePoint(r() < 0.2 ? 0x1F330 + n % 40 : 0x4E00 + n);
  const inserted = () => String.fromCodePoint(r() < 0.3 ? 0x1F600 + Math.floor(r() * 40) : 0x61 + Math.floor(r() * 26));
  for (let round = 0; round < 300; round++) {
    const before = Array.from({ length: Math.floor(r() * 30) }, (_, i) => original(i)).join('');
    let op = [], text = before;
    for (let e = 0; e < 1 + Math.floor(r() * 4); e++) {
      const length = [...text].length, at = Math.floor(r() * (length + 1));
      const edit = r() < 0.5
        ? [at, Array.from({ length: 1 + Math.floor(r() * 3) }, inserted).join('')]
        : [at, { d: Math.min(length - at, 1 + Math.floor(r() * 3)) }];
      const step = type.normalize(edit);
      text = type.apply(text, step);
      op = type.compose(op, step);
    }
    const was = [...before], now = [...text];
    let last = 0;
    for (let p = 0; p <= now.length; p++) {
      const q = positionBefore(op, p);
      assert.ok(q >= last && q <= was.length, `round ${round}: positions keep their order and stay in the text`);
      last = q;
      if (p < now.length && was.includes(now[p])) {
        assert.equal(was[q], now[p], `round ${round}: character ${p} found again`);
      }
    }
  }
});

test('a passage chosen while edits are on their way is given in the text the server has', async () => {
  const hub = new FakeHub('We deliver 40 tonnes by March.');
  hub.ops.push({ revision: 1, op: ['We deliver 40 tonnes by March.'], clientId: 'x', clientSeq: 1 });
  const a = editor(hub);
  await a.client.open();
  a.typeAt(0, 'Each month, '); // on its way
  a.typeAt([...'Each month, We deliver 40 tonnes'].length, ' of rice'); // waiting behind it
  assert.equal(a.client.pendingEdits, 2);
  const local = [...a.shown.text].join('');
  assert.equal(local, 'Each month, We deliver 40 tonnes of rice by March.');

  const at = s => [...local.slice(0, local.indexOf(s))].length;
  const passage = a.client.confirmedPassage(at('40 tonnes of rice'), at(' by March.'));
  assert.equal(a.client.revision, 1);
  assert.equal([...a.client.confirmed].slice(passage.from, passage.to).join(''), '40 tonnes');
  assert.equal(a.client.confirmedPassage(at('Each'), at(' We')), null,
    'text typed since is not in the server\'s text yet');
  await settle();
  assert.equal(hub.text, local);
});

test('a server that lost revisions this editor saw hands the person their copy before taking its text', async () => {
  const hub = new FakeHub();
  const behind = [];
  const a = editor(hub);
  a.client.h.onServerBehind = copy => behind.push(copy);
  await a.client.open();
  a.typeAt(0, 'Hello');
  await settle();
  assert.equal(a.client.revision, 1);
  // The server's database loses everything (a deleted WAL, an old backup); meanwhile the person types offline.
  a.client.connection.drop();
  hub.ops = []; hub.text = ''; hub.seen.clear();
  a.typeAt(5, ' world');
  a.client.connection.reconnect();
  await a.client.open();
  await settle();
  assert.deepEqual(behind, [{ text: 'Hello world', mine: 1, server: 0 }]);
  assert.equal(a.shown.text, hub.text, 'the editor goes on from the server\'s text');
  // Restoring the copy is an ordinary edit from the shown text to the copy.
  const op = diffOp(a.shown.text, behind[0].text);
  a.shown.text = type.apply(a.shown.text, op);
  a.client.edit(op);
  await settle();
  assert.equal(hub.text, 'Hello world');
  assert.equal(a.client.pendingEdits, 0);
});

test('a cursor given in the server\'s text lands on the same words of this editor\'s text, '
  + 'over edits on their way', async () => {
  const hub = new FakeHub('We deliver 40 tonnes by March.');
  hub.ops.push({ revision: 1, op: ['We deliver 40 tonnes by March.'], clientId: 'x', clientSeq: 1 });
  const a = editor(hub);
  await a.client.open();
  a.typeAt(0, 'Each month, '); // on its way
  a.typeAt([...'Each month, We deliver 40 tonnes'].length, ' of rice'); // waiting behind it
  const server = 'We deliver 40 tonnes by March.';
  const [anchor, head] = a.client.overPending(server.indexOf('40'), server.indexOf('March'));
  assert.equal([...a.shown.text].slice(anchor, head).join(''), '40 tonnes of rice by ');
  await settle();
  assert.deepEqual(a.client.overPending(3, 5), [3, 5], 'nothing on its way: the cursor stays');
});

test('edits that add up to more than one op may hold, made offline, are sent in parts and all land', async () => {
  const hub = new FakeHub('Plan\n');
  const a = editor(hub);
  await a.client.open();
  a.client.connection.drop();
  a.typeAt(5, `${'padi '.repeat(12_000)}\n`); // 60,001 code points each: under the limit alone, over it together
  a.typeAt(5, `${'🌾 '.repeat(30_000)}\n`);
  a.typeAt(5, 'Harvest notes\n');
  const shown = a.shown.text;
  a.client.connection.reconnect();
  await a.client.open();
  for (let i = 0; i < 20 && a.client.pendingEdits > 0; i++) await settle();
  assertSettled(hub, a, shown);
  assert.ok(hub.ops.length >= 2, 'sent as more than one op');
  for (const o of hub.ops) assert.ok(changed(o.op) <= 100_000);
});
