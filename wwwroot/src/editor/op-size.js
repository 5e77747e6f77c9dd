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

/**
 * The part of `op` to send next and the rest (`[]` when `op` fits `limits` whole, the server's maxOperationLength and
 * maxOperationComponents). Deletions go first: then no part makes the text longer than `op` does, where a select-all
 * and paste sent insertions first could pass the document's length limit half way and be refused there.
 */
export function nextPart(op, { maxOperationLength: max, maxOperationComponents: components }) {
  if (changedCodePoints(op) <= max && op.length <= components) return [op, []];
  const deletions = type.normalize(op.filter(c => typeof c !== 'string'));
  if (!deletions.length) return splitOp(op, max, components);
  const insertions = type.normalize(op.filter(c => typeof c !== 'object'));
  const [first, rest] = splitOp(deletions, max, components);
  return [first, type.compose(rest, insertions)];
}

/** Code points of `text`. */
export const codePointLength = text => text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

/**
 * Whether the server would refuse `op` on `text` as making it longer than `max` code points: it checks the length
 * after the op, so on a text already over a lowered limit even a shorter result is refused.
 */
export function exceedsLength(text, op, max) {
  let delta = 0;
  for (const c of op) {
    if (typeof c === 'string') delta += [...c].length;
    else if (typeof c === 'object') delta -= typeof c.d === 'number' ? c.d : [...c.d].length;
  }
  // UTF-16 units are never fewer than code points: counting the latter is needed only near the limit.
  return text.length + delta > max && codePointLength(text) + delta > max;
}

/** The server's limits on edits as its open answer gives them, or its defaults (Documents options) if it gives none. */
export function editLimits(given) {
  const limits = { maxOperationLength: 100_000, maxOperationComponents: 10_000, maxDocumentLength: 1_000_000 };
  for (const name of Object.keys(limits)) {
    if (Number.isSafeInteger(given?.[name]) && given[name] > 0) limits[name] = given[name];
  }
  // A part needs room for a retain and a change.
  limits.maxOperationComponents = Math.max(2, limits.maxOperationComponents);
  return limits;
}
