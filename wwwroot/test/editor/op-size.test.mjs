// Unit tests of cutting an op into parts under the server's limit.
// Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type } from 'ot-text-unicode';
import {
  changedCodePoints as changed, codePointLength, editLimits, exceedsLength, nextPart, splitOp,
} from '../../src/editor/op-size.js';

/** Numbers in [0, 1) that repeat for a seed (a linear congruential generator), so a failing run can be replayed. */
function seededRandom(seed) {
  let x = seed;
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
}

test('splitOp cuts any op into parts under both limits that apply to the same text, over emoji too', () => {
  const r = seededRandom(4242);
  const pick = s => s[Math.floor(r() * s.length)];
  for (let round = 0; round < 300; round++) {
    let doc = '';
    for (let i = 0; i < 40; i++) doc += pick(['a', 'b', '🌾', ' ', '\n', 'é']);
    // Several edits composed, as the client's buffer composes them: retains, inserts and deletes interleaved.
    let after = doc, op = [];
    for (let k = 0; k < 6; k++) {
      const cps = [...after];
      const at = Math.floor(r() * (cps.length + 1));
      const removed = cps.slice(at, at + Math.floor(r() * 6)).join('');
      let added = '';
      for (let i = Math.floor(r() * 9); i > 0; i--) added += pick(['x', '🌾', 'y', '\n']);
      const edit = type.normalize([at, removed ? { d: r() < 0.5 ? removed : [...removed].length } : 0, added]);
      after = type.apply(after, edit);
      op = type.compose(op, edit);
    }
    const max = 1 + Math.floor(r() * 5), maxComponents = 2 + Math.floor(r() * 4);
    let text = doc;
    for (let rest = op, parts = 0; rest.length; parts++) {
      assert.ok(parts < 1000, 'splitting ends');
      const [first, next] = splitOp(rest, max, maxComponents);
      assert.ok(changed(first) <= max && changed(first) > 0, `round ${round}: a part within ${max}`);
      assert.ok(first.length <= maxComponents, `round ${round}: a part of at most ${maxComponents} components`);
      text = type.apply(text, first);
      rest = next;
    }
    assert.equal(text, after, `round ${round}: the parts make the same text`);
  }
});

test('nextPart sends an op whole when it fits, else deletions first, so no part makes the text longer than the op does',
  () => {
    const r = seededRandom(77);
    const pick = s => s[Math.floor(r() * s.length)];
    for (let round = 0; round < 300; round++) {
      let doc = '';
      for (let i = Math.floor(r() * 40); i > 0; i--) doc += pick(['a', '🌾', ' ', '\n']);
      let after = doc, op = [];
      for (let k = 0; k < 5; k++) {
        const cps = [...after];
        const at = Math.floor(r() * (cps.length + 1));
        const removed = cps.slice(at, at + Math.floor(r() * 12)).join('');
        let added = '';
        for (let i = Math.floor(r() * 14); i > 0; i--) added += pick(['x', '🌾', '\n']);
        const edit = type.normalize([at, removed ? { d: r() < 0.5 ? removed : [...removed].length } : 0, added]);
        after = type.apply(after, edit);
        op = type.compose(op, edit);
      }
      const limits = { maxOperationLength: 1 + Math.floor(r() * 6), maxOperationComponents: 2 + Math.floor(r() * 4) };
      const longest = Math.max([...doc].length, [...after].length);
      let text = doc, parts = 0;
      for (let rest = op; rest.length; parts++) {
        assert.ok(parts < 1000, 'splitting ends');
        const [first, next] = nextPart(rest, limits);
        assert.ok(changed(first) <= limits.maxOperationLength && changed(first) > 0, `round ${round}: within length`);
        assert.ok(first.length <= limits.maxOperationComponents, `round ${round}: within components`);
        text = type.apply(text, first);
        assert.ok([...text].length <= longest, `round ${round}: never longer than before and after`);
        rest = next;
      }
      assert.equal(text, after, `round ${round}: the parts make the same text`);
      const fits = changed(op) <= limits.maxOperationLength && op.length <= limits.maxOperationComponents;
      if (fits && op.length) assert.equal(parts, 1, `round ${round}: an op that fits goes whole`);
    }
  });

test('exceedsLength counts code points, and judges the length after the edit as the server does', () => {
  assert.equal(exceedsLength('ab', [2, 'cd'], 4), false);
  assert.equal(exceedsLength('ab', [2, 'cde'], 4), true);
  assert.equal(exceedsLength('🌾🌾', [2, '🌾🌾'], 4), false, 'eight UTF-16 units, four code points');
  assert.equal(exceedsLength('🌾🌾', ['🌾🌾🌾'], 4), true);
  assert.equal(exceedsLength('abcdef', [{ d: 2 }], 4), false);
  assert.equal(exceedsLength('abcdef', [{ d: 1 }], 4), true, 'over a lowered limit, still over after');
  assert.equal(codePointLength('a🌾\n'), 3);
});

test('editLimits takes the server\'s limits, falls back to its defaults for missing or bad ones', () => {
  const defaults = { maxOperationLength: 100_000, maxOperationComponents: 10_000, maxDocumentLength: 1_000_000 };
  assert.deepEqual(editLimits(null), defaults);
  assert.deepEqual(editLimits({ maxOperationLength: 5, maxOperationComponents: 1, maxDocumentLength: 2_000_000 }),
    { maxOperationLength: 5, maxOperationComponents: 2, maxDocumentLength: 2_000_000 });
  assert.deepEqual(editLimits({ maxOperationLength: -1, maxDocumentLength: '9' }), defaults);
});
