// CodeMirror counts UTF-16 units; ot-text-unicode counts code points. These convert between the two.

/** Code points in s[from, to) (UTF-16 offsets). */
export function codePoints(s, from = 0, to = s.length) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The UTF-16 offset reached by advancing `count` code points from UTF-16 offset `start`. */
export function advance(s, start, count) {
  let i = start;
  while (count > 0 && i < s.length) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    count--;
  }
  return i;
}

export const toUtf16 = (s, cp) => advance(s, 0, cp);
export const toCodePoint = (s, utf16) => codePoints(s, 0, utf16);

/** Smallest single-replace op turning `from` into `to`, keeping the common prefix and suffix. */
export function diffOp(from, to) {
  const max = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && (from.charCodeAt(prefix - 1) & 0xfc00) === 0xd800) prefix--;
  let suffix = 0;
  const same = i => from.charCodeAt(from.length - 1 - i) === to.charCodeAt(to.length - 1 - i);
  while (suffix < max - prefix && same(suffix)) suffix++;
  if (suffix > 0 && (from.charCodeAt(from.length - suffix) & 0xfc00) === 0xdc00) suffix--;
  const op = [];
  const keep = codePoints(from, 0, prefix);
  const removed = codePoints(from, prefix, from.length - suffix);
  const added = to.slice(prefix, to.length - suffix);
  // A normalised op has no trailing retain: equal texts give the empty op.
  if (keep && (removed || added)) op.push(keep);
  if (removed) op.push({ d: removed });
  if (added) op.push(added);
  return op;
}

/** A CodeMirror ChangeSet (against `before`) as an ot-text-unicode op. */
export function changesToOp(changes, before) {
  const op = [];
  let pos = 0; // UTF-16 offset in `before` already covered
  const push = c => {
    const last = op[op.length - 1];
    if (typeof c === 'number' && typeof last === 'number') op[op.length - 1] += c;
    else if (typeof c === 'string' && typeof last === 'string') op[op.length - 1] += c;
    else if (typeof c === 'object' && typeof last === 'object') last.d += c.d;
    else op.push(c);
  };
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    const keep = codePoints(before, pos, fromA);
    if (keep) push(keep);
    const removed = codePoints(before, fromA, toA);
    if (removed) push({ d: removed });
    const text = inserted.toString();
    if (text) push(text);
    pos = toA;
  });
  while (typeof op[op.length - 1] === 'number') op.pop();
  return op;
}

/** An ot-text-unicode op (against `text`) as CodeMirror change specs in UTF-16 offsets of `text`. */
export function opToChanges(op, text) {
  const changes = [];
  let at = 0;
  for (const c of op) {
    if (typeof c === 'number') at = advance(text, at, c);
    else if (typeof c === 'string') changes.push({ from: at, insert: c });
    else {
      const n = typeof c.d === 'number' ? c.d : codePoints(c.d);
      const to = advance(text, at, n);
      changes.push({ from: at, to });
      at = to;
    }
  }
  return changes;
}
