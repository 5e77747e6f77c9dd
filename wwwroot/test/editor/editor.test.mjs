// Unit tests of the editor's position conversions (CodeMirror counts UTF-16 units, OT counts code
// points) and task-line detection. Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeSet, Text } from '@codemirror/state';
import { type } from 'ot-text-unicode';
import { changesToOp, opToChanges, diffOp, toUtf16, toCodePoint } from '../../src/editor/unicode.js';
import { taskMarks } from '../../src/editor/tasks.js';

const alphabet = ['a', 'b', ' ', '\n', 'é', 'e\u0301', '😀', '🌾', '中'];

function rng(seed) {
  let x = seed >>> 0;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >> 17; x ^= x << 5; x >>>= 0; return x / 0x100000000; };
}

function randomText(r, max = 12) {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

/** Code-point boundaries of s as UTF-16 offsets. */
function boundaries(s) {
  const b = [0];
  for (const ch of s) b.push(b[b.length - 1] + ch.length);
  return b;
}

test('changesToOp applies like the CodeMirror change set, astral characters included', () => {
  const r = rng(20261128);
  for (let i = 0; i < 3000; i++) {
    const before = randomText(r);
    const cuts = boundaries(before);
    const a = cuts[Math.floor(r() * cuts.length)];
    const b = cuts[Math.floor(r() * cuts.length)];
    const [from, to] = a <= b ? [a, b] : [b, a];
    const changes = ChangeSet.of([{ from, to, insert: randomText(r, 4) }], before.length);
    const expected = changes.apply(Text.of(before.split('\n'))).toString();
    assert.equal(type.apply(before, changesToOp(changes, before)), expected, `case ${i}: ${JSON.stringify(before)}`);
  }
});

test('opToChanges turns an OT op into CodeMirror changes that give the same text', () => {
  const r = rng(7);
  for (let i = 0; i < 3000; i++) {
    const before = randomText(r);
    const len = [...before].length;
    const at = Math.floor(r() * (len + 1));
    const del = Math.floor(r() * (len - at + 1));
    const op = type.normalize([at, { d: del }, randomText(r, 4)]);
    const changes = ChangeSet.of(opToChanges(op, before), before.length);
    assert.equal(
      changes.apply(Text.of(before.split('\n'))).toString(),
      type.apply(before, op),
      `case ${i}: ${JSON.stringify([before, op])}`);
  }
});

test('diffOp never splits a surrogate pair and rebuilds the target', () => {
  const r = rng(99);
  for (let i = 0; i < 3000; i++) {
    const from = randomText(r);
    const to = randomText(r);
    assert.equal(type.apply(from, diffOp(from, to)), to);
  }
  assert.deepEqual(diffOp('a😀b', 'a😁b'), [1, { d: 1 }, '😁']);
});

test('positions convert between UTF-16 units and code points', () => {
  const s = 'a😀b';
  assert.equal(toCodePoint(s, 3), 2);
  assert.equal(toUtf16(s, 2), 3);
  assert.equal(toUtf16(s, 99), s.length);
});

test('taskMarks finds the mark of every task line outside code fences', () => {
  const text = '# Plan\n- [ ] one\n  * [x] two 😀\n```\n- [ ] not a task\n```\n1. [X] three\n- [] no';
  const marks = taskMarks(text);
  assert.deepEqual(marks.map(m => text[m]), [' ', 'x', 'X']);
  assert.equal(marks.length, 3);
});
