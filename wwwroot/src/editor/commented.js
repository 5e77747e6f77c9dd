// The passages open comments are about, tinted in the editor. A passage is found by what it reads (as the
// server last saw it) when the comments (or the document's text) arrive; from then on it follows the edits — its ends
// map through every change, local or remote — so it stays on the words it was about while people type
// around it, and even when someone rewrites part of it.
import { StateField, StateEffect } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';

/** What the open comments' passages read (strings); passages no longer listed are dropped. */
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
      for (const passage of effect.value) {
        if (!passage || wanted.has(passage)) continue;
        const kept = next.get(passage);
        if (kept) { wanted.set(passage, kept); continue; }
        text ??= tr.state.doc.toString();
        const at = text.indexOf(passage);
        if (at >= 0) wanted.set(passage, { from: at, to: at + passage.length });
      }
      next = wanted;
    }
    return next;
  },
  provide: field => EditorView.decorations.from(field, passages =>
    Decoration.set([...passages.values()].map(r => tint.range(r.from, r.to)), true)),
});

/** The passage (as given) of the open comment at `pos`, or null when no comment's passage is there. */
export function commentAt(state, pos) {
  for (const [passage, range] of state.field(commentedPassages)) if (pos >= range.from && pos <= range.to) return passage;
  return null;
}
