// Three-way merge of a form's fields, for edits of an entity with versions (action items, goals, KPIs, …).
// base: the values the form started from; mine: what the person has in the form now; theirs: the entity as it
// is now on the server. No DOM and no i18n here, so node tests cover it (test/merge.test.mjs).

/** Form and server spell "nothing" differently (null, undefined, ''), and numbers may come back as text. */
export function sameValue(a, b) {
  const norm = v => (v === null || v === undefined ? '' : String(v));
  return norm(a) === norm(b);
}

/**
 * Fields only one side changed take that side's value; fields both changed the same way agree; fields both changed
 * differently are clashes (kept as mine in `merged` until the person chooses).
 * @returns {{ merged: object, clashes: { field: string, mine: any, theirs: any }[] }}
 */
export function mergeFields(base, mine, theirs, keys) {
  const merged = {};
  const clashes = [];
  for (const key of keys) {
    if (sameValue(mine[key], base[key])) merged[key] = theirs[key];
    else if (sameValue(theirs[key], base[key]) || sameValue(theirs[key], mine[key])) merged[key] = mine[key];
    else {
      merged[key] = mine[key];
      clashes.push({ field: key, mine: mine[key], theirs: theirs[key] });
    }
  }
  return { merged, clashes };
}

/**
 * A live change arrived while the form is open: the fields the person has not touched show the new values
 * (`updates`); touched fields stay as typed, and those the other person changed too are `clashes`.
 */
export function followLive(base, shown, theirs, keys) {
  const updates = {};
  const clashes = [];
  for (const key of keys) {
    if (sameValue(shown[key], base[key])) {
      if (!sameValue(theirs[key], shown[key])) updates[key] = theirs[key];
    } else if (!sameValue(theirs[key], base[key]) && !sameValue(theirs[key], shown[key])) {
      clashes.push({ field: key, mine: shown[key], theirs: theirs[key] });
    }
  }
  return { updates, clashes };
}

/** The values of `keys` read from an entity (form fields are named after the entity's properties). */
export const pick = (entity, keys) => Object.fromEntries(keys.map(k => [k, entity?.[k] ?? null]));
