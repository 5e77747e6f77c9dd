// The passages open comments are about, tinted in the editor. A passage is found by what it reads (as the
// server last saw it, nearest where the server says it starts, so the same words written twice are told apart)
// when the comments (or the document's text) arrive; from then on it follows the edits — its ends
// map through every change, local or remote — so it stays on the words it was about while people type
// around it, and even when someone rewrites part of it.
import { StateField, StateEffect } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import { toUtf16 } from './unicode.js';

/** The open comments' passages: [{ text, near }] — what each reads and where it starts (code points, or null when
 * not known); passages no longer listed are dropped. */
export const setCommentPassages = StateEffect.define();

const tint = Decoration.mark({ class: 'cm-commented' });

/** passage text (as given) → { from, to } (UTF-16 offsets in the current document). */
export const commentedPassages = StateField.define({
  create: () => new Map(),
  update(passages, tr) {
    let next = passages;
    if (tr.docChanged) {
      next = new Map();
      for (const [passage, range] of passages) {
        const from = tr.changes.mapPos(range.from, 1), to = tr.changes.mapPos(range.to, -1);
        if (to > from) next.set(passage, { from, to }); // a passage deleted whole is gone
      }
    }
    for (const effect of tr.effects) {
      if (!effect.is(setCommentPassages)) continue;
      const wanted = new Map();
      let text = null;
      for (const { text: passage, near } of effect.value) {
        if (!passage || wanted.has(passage)) continue;
        const kept = next.get(passage);
        if (kept) { wanted.set(passage, kept); continue; }
        text ??= tr.state.doc.toString();
        const at = nearest(text, passage, near == null ? 0 : toUtf16(text, near));
        if (at >= 0) wanted.set(passage, { from: at, to: at + passage.length });
      }
      next = wanted;
    }
    return next;
  },
  provide: field => EditorView.decorations.from(field, passages =>
    Decoration.set([...passages.values()].map(r => tint.range(r.from, r.to)), true)),
});

/** Where `passage` occurs in `text` closest to `near` (UTF-16 offsets); -1 when it does not. */
function nearest(text, passage, near) {
  let best = -1;
  for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break; // later ones are further still
  }
  return best;
}

/** The passage (as given) of the open comment at `pos`, or null when no comment's passage is there. */
export function commentAt(state, pos) {
  for (const [passage, range] of state.field(commentedPassages)) {
    if (pos >= range.from && pos <= range.to) return passage;
  }
  return null;
}
