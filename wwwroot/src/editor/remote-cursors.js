// Other people's cursors and selections as CodeMirror decorations: a coloured caret with the
// person's name, and a tinted selection.
import { StateField, StateEffect } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';

export const setRemoteCursors = StateEffect.define();

class CaretWidget extends WidgetType {
  constructor(name, colour) { super(); this.name = name; this.colour = colour; }
  eq(other) { return other.name === this.name && other.colour === this.colour; }
  toDOM() {
    const caret = document.createElement('span');
    caret.className = 'cm-remote-caret';
    caret.style.borderColor = this.colour;
    // The name is drawn by CSS (::after, attr(data-name)) so it never becomes part of the text content.
    caret.dataset.name = this.name;
    caret.style.setProperty('--caret-colour', this.colour);
    return caret;
  }
  ignoreEvent() { return true; }
}

/** cursors: [{ id, name, colour, from, to, head }] in UTF-16 offsets of the current document. */
function build(cursors, docLength) {
  const ranges = [];
  for (const c of cursors) {
    const from = Math.min(c.from, docLength), to = Math.min(c.to, docLength), head = Math.min(c.head, docLength);
    const tint = { class: 'cm-remote-selection', attributes: { style: `background-color: ${c.colour}33` } };
    if (to > from) ranges.push(Decoration.mark(tint).range(from, to));
    ranges.push(Decoration.widget({ widget: new CaretWidget(c.name, c.colour), side: 1 }).range(head));
  }
  return Decoration.set(ranges, true);
}

export const remoteCursors = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setRemoteCursors)) value = build(e.value, tr.state.doc.length);
    return value;
  },
  provide: f => EditorView.decorations.from(f),
});
