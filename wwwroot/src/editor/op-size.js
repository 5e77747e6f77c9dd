// How much an op changes, and cutting an op that changes too much into parts the server accepts.
import { type } from 'ot-text-unicode';

/** Code points an op inserts or deletes (the server's Documents:MaxOperationLength counts the same). */
export function changedCodePoints(op) {
  let n = 0;
  for (const c of op) {
    if (typeof c === 'string') n += [...c].length;
    else if (typeof c === 'object') n += typeof c.d === 'number' ? c.d : [...c.d].length;
  }
  return n;
}

/** A component's first `n` code points and the rest (an insert's text, or a delete by count or by text). */
function splitComponent(c, n) {
  if (typeof c === 'string') { const cps = [...c]; return [cps.slice(0, n).join(''), cps.slice(n).join('')]; }
  if (typeof c.d === 'number') return [{ d: n }, { d: c.d - n }];
  const cps = [...c.d];
  return [{ d: cps.slice(0, n).join('') }, { d: cps.slice(n).join('') }];
}

/**
 * Splits `op` into `first`, which changes at most `max` code points in at most `maxComponents` components, and
 * `rest`, which applies after it: applying both equals applying `op`. Edits each under the server's limits, composed
 * while offline or while one was on its way, can add up to more than them; sent as one op they would be refused and
 * lost. `maxComponents` must be at least 2 (a retain and a change), or a part could hold no change.
 */
export function splitOp(op, max, maxComponents = Infinity) {
  const first = [];
  let budget = max, written = 0; // `written`: code points of the text after `first` that precede the rest's work
  for (let i = 0; i < op.length; i++) {
    const c = op[i];
    const n = typeof c === 'number' ? 0 : changedCodePoints([c]);
    if (n <= budget && first.length < maxComponents) {
      first.push(c);
      budget -= n;
      if (typeof c === 'number') written += c;
      else if (typeof c === 'string') written += n;
      continue;
    }
    const [head, tail] = budget > 0 && first.length < maxComponents ? splitComponent(c, budget) : [null, c];
    if (head !== null) { first.push(head); if (typeof c === 'string') written += budget; }
    const rest = written ? [written, tail, ...op.slice(i + 1)] : [tail, ...op.slice(i + 1)];
    return [type.normalize(first), type.normalize(rest)];
  }
  return [type.normalize(first), []];
}
