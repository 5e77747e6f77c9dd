// The passages open comments are about, tinted in the editor. A passage is found by the text the comment
// quotes when the comments (or the document's text) arrive; from then on it follows the edits — its ends
// map through every change, local or remote — so it stays on the words it was about while people type
// around it, and even when someone rewrites part of it.
import { StateField, StateEffect } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';

/** The quotes of the open comments (strings); passages of quotes no longer listed are dropped. */
export const setCommentQuotes = StateEffect.define();

const tint = Decoration.mark({ class: 'cm-commented' });

/** quote → { from, to } (UTF-16 offsets in the current document). */
export const commentedPassages = StateField.define({
  create: () => new Map(),
  update(passages, tr) {
    let next = passages;
    if (tr.docChanged) {
      next = new Map();
      for (const [quote, range] of passages) {
        const from = tr.changes.mapPos(range.from, 1), to = tr.changes.mapPos(range.to, -1);
        if (to > from) next.set(quote, { from, to }); // a passage deleted whole is gone
      }
    }
    for (const effect of tr.effects) {
      if (!effect.is(setCommentQuotes)) continue;
      const wanted = new Map();
      let text = null;
      for (const quote of effect.value) {
        if (!quote || wanted.has(quote)) continue;
        const kept = next.get(quote);
        if (kept) { wanted.set(quote, kept); continue; }
        text ??= tr.state.doc.toString();
        const at = text.indexOf(quote);
        if (at >= 0) wanted.set(quote, { from: at, to: at + quote.length });
      }
      next = wanted;
    }
    return next;
  },
  provide: field => EditorView.decorations.from(field, passages =>
    Decoration.set([...passages.values()].map(r => tint.range(r.from, r.to)), true)),
});

/** The quote of the open comment whose passage is at `pos` (null when none is). */
export function commentAt(state, pos) {
  for (const [quote, range] of state.field(commentedPassages)) if (pos >= range.from && pos <= range.to) return quote;
  return null;
}
