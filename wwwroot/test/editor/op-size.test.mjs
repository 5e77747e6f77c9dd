// Unit tests of cutting an op into parts under the server's limit.
// Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type } from 'ot-text-unicode';
import { changedCodePoints as changed, splitOp } from '../../src/editor/op-size.js';

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
