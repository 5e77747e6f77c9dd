// Co-editing as a CodeMirror extension around the OT client, built the way CodeMirror's collaboration example is:
// a view plugin owns the client; the view's local changes go to it, the server's changes come back as transactions
// marked `remote`, and the other people's cursors are kept in step with both. The page only supplies callbacks.
import { ViewPlugin, EditorView } from '@codemirror/view';
import { Annotation, Compartment, EditorState, Facet } from '@codemirror/state';
import { type } from 'ot-text-unicode';
import { OtClient } from './ot-client.js';
import { changesToOp, opToChanges, toUtf16, toCodePoint, diffOp } from './unicode.js';
import { remoteCursors, setRemoteCursors } from './remote-cursors.js';
import { subscribeDocuments } from '../core/documentsLive.js';
import { hubError } from '../core/hub-error.js';
import { editRefusal, setEditRefusal } from './edit-refusal.js';

const remote = Annotation.define();
// Read only until the server's text has arrived, so nothing is typed into a text about to be replaced.
const writable = new Compartment();

/**
 * The co-editing extension of document `docId`, over the tab's shared /hubs/documents connection (see
 * core/documentsLive.js; the document is closed on it when the editor goes). `options`: editable, and the
 * page's callbacks (all optional): onOpen(state) once the server's text is here (again), onOpenFailed(error),
 * onStatus({ state, pending }) with state 'offline' | 'loading' | 'saving' | 'saved', onChange() after an edit (local
 * or remote), onReset() after the whole text was (re)loaded, onPeople([{ name, colour, userId }]) for who is here,
 * onRejected(error), onServerBehind(copy), resetEffects() (effects to add when the whole text is replaced),
 * refusalLink(code) ({ href, label } to show with the notice of a text that refuses edits, or null).
 */
export function coEditing(docId, options) {
  return [
    remoteCursors,
    writable.of(EditorState.readOnly.of(true)),
    editRefusal,
    setup.of({ docId, options }),
    plugin,
    // After the update (a plugin's own update may not dispatch): a local edit goes to the server.
    EditorView.updateListener.of(u => u.view.plugin(plugin)?.local(u)),
  ];
}

/** The co-editing of this editor (null when it has none): where a selection is in the server's text, a restore. */
export const coEditingOf = view => view.plugin(plugin);

const setup = Facet.define({ combine: values => values[0] });

class CoEditingPlugin {
  constructor(view) {
    const { docId, options } = view.state.facet(setup);
    Object.assign(this, { view, docId, options, editable: options.editable });
    this.presence = new Map(); // connectionId -> { name, colour, userId, anchor, head } in code points of the text
    this.presenceAfterSave = false; // a cursor move waits for this editor's edits to be saved (see sendPresence)
    this.openFailures = 0;
    // onConnected runs a turn later at the earliest, so the client below is there by then.
    this.live = subscribeDocuments({
      handlers: this.hubHandlers(), onState: () => this.status(), onConnected: () => this.onConnected(),
    });
    this.connection = this.live.connection;
    this.client = new OtClient(this.connection, docId, this.clientHandlers());
    this.windowEvents(true);
    this.heartbeat = setInterval(() => this.sendPresence(), 20000);
  }

  clientHandlers() {
    const call = (name, ...args) => this.options[name]?.(...args);
    return {
      onRemote: (op, before) => {
        if (this.destroyed) return;
        this.view.dispatch({ changes: opToChanges(op, before), annotations: remote.of(true) });
        this.moveCursors(op);
        this.renderCursors();
        call('onChange');
      },
      onReset: text => {
        const view = this.view;
        if (this.destroyed) return;
        if (view.state.doc.toString() !== text) {
          view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text },
            effects: this.options.resetEffects?.() ?? [], annotations: remote.of(true) });
        }
        call('onReset');
      },
      onStatus: () => this.status(),
      onRejected: error => call('onRejected', error),
      onServerBehind: copy => call('onServerBehind', copy),
    };
  }

  hubHandlers() {
    return {
      PresenceChanged: p => {
        if (p.documentId !== this.docId) return;
        let { anchor, head } = p;
        // Server coordinates at my revision: moved over my unacknowledged edits.
        if (p.revision === this.client.revision) [anchor, head] = this.client.overPending(anchor, head);
        this.presence.set(p.connectionId, { name: p.name, colour: p.colour, userId: p.userId, anchor, head });
        this.renderCursors();
      },
      PresenceRemoved: (id, connectionId) => {
        if (id === this.docId) { this.presence.delete(connectionId); this.renderCursors(); }
      },
      DocumentChanged: d => { if (d.id === this.docId) this.refuseEdits(d.editRefusal); },
    };
  }

  /** The server refuses edits of this text (`code` says why) or accepts them again (no code). */
  refuseEdits(code) {
    if (this.destroyed || (code ?? null) === (this.refusal ?? null)) return;
    this.refusal = code ?? null;
    const link = this.refusal ? this.options.refusalLink?.(this.refusal) ?? null : null;
    this.view.dispatch({ effects: setEditRefusal.of(this.refusal && { code: this.refusal, link }) });
    this.status();
  }

  /** A transaction of the view: a local edit is sent, and moves the others' cursors; a local move is told. */
  local(u) {
    const isRemote = u.transactions.some(tr => tr.annotation(remote));
    if (u.docChanged && !isRemote) {
      const op = changesToOp(u.changes, u.startState.doc.toString());
      this.client.edit(op);
      this.moveCursors(op);
      this.renderCursors();
      this.options.onChange?.();
    }
    if ((u.selectionSet || u.docChanged) && !isRemote) this.sendPresence();
  }

  moveCursors(op) {
    for (const p of this.presence.values()) [p.anchor, p.head] = type.transformSelection([p.anchor, p.head], op);
  }

  renderCursors() {
    if (this.destroyed) return;
    const text = this.client.text;
    const cursors = [...this.presence.entries()].map(([id, p]) => {
      const a = toUtf16(text, p.anchor), h = toUtf16(text, p.head);
      return { id, name: p.name, colour: p.colour, from: Math.min(a, h), to: Math.max(a, h), head: h };
    });
    this.view.dispatch({ effects: setRemoteCursors.of(cursors), annotations: remote.of(true) });
    const people = new Map();
    for (const p of this.presence.values()) people.set(p.userId, p);
    this.options.onPeople?.([...people.values()]);
  }

  status() {
    if (this.destroyed) return;
    const client = this.client;
    const n = client.pendingEdits;
    if (this.presenceAfterSave && n === 0) this.sendPresence();
    // "Saved" only once the server's text is here: before that nothing is known to be saved.
    const state = !client.online ? 'offline' : !client.opened ? 'loading' : n > 0 ? 'saving' : 'saved';
    this.options.onStatus?.({ state, pending: n });
    const readOnly = !this.editable || !client.opened || !!this.refusal;
    if (readOnly !== this.view.state.readOnly) {
      this.view.dispatch({ effects: writable.reconfigure(EditorState.readOnly.of(readOnly)) });
    }
  }

  sendPresence() {
    clearTimeout(this.presenceTimer);
    this.presenceTimer = setTimeout(() => {
      const client = this.client;
      if (!client.online || !client.opened) return;
      // The cursor is given in the server's text at this editor's revision. Edits still on their way are not in
      // it yet, and the server would move the cursor through them once more: wait for them (status() sends it).
      this.presenceAfterSave = client.pendingEdits > 0;
      if (this.presenceAfterSave) return;
      const sel = this.view.state.selection.main;
      const text = client.text;
      this.connection.invoke('UpdatePresence', this.docId, client.revision, toCodePoint(text, sel.anchor),
        toCodePoint(text, sel.head)).catch(() => {});
    }, 60);
  }

  async onConnected() {
    clearTimeout(this.reopenTimer);
    try {
      const state = await this.client.open();
      this.openFailures = 0;
      this.refuseEdits(state.document.editRefusal);
      this.presence.clear();
      for (const p of state.presence) {
        const { name, colour, userId, anchor, head } = p;
        this.presence.set(p.connectionId, { name, colour, userId, anchor, head });
      }
      this.renderCursors();
      this.sendPresence();
      this.options.onOpen?.(state);
    } catch (e) {
      this.options.onOpenFailed?.(e);
      // A passing fault (the server reloading the document, say): try again while connected, backing off.
      // An unknown document (deleted, or no longer shared with you) stays as it is.
      if (hubError(e)?.code !== 'unknownDocument' && this.connection.state === 'Connected') {
        const wait = Math.min(30_000, 1000 * 2 ** Math.min(this.openFailures++, 5));
        this.reopenTimer = setTimeout(() => this.onConnected(), wait);
      }
    }
    this.status();
  }

  // Leaving the page with edits not yet saved asks first. (Going offline and back: core/documentsLive.js.)
  windowEvents(on) {
    this.handlers ??= {
      beforeunload: e => { if (this.client.pendingEdits > 0) { e.preventDefault(); e.returnValue = ''; } },
    };
    for (const [name, fn] of Object.entries(this.handlers)) {
      if (on) window.addEventListener(name, fn); else window.removeEventListener(name, fn);
    }
  }

  /** Whether the server's text is here (before that the editor is read only). */
  get opened() { return this.client.opened; }

  /**
   * Where the selection (trimmed, as quoted) is in the server's text at the revision this editor has, as
   * { revision, from, to } in code points: edits still on their way are stepped back over (the server moves the
   * passage through them). Null before the text is here or for an empty selection.
   */
  selectionInServerText() {
    if (!this.client.opened) return null;
    const { state } = this.view;
    const sel = state.selection.main;
    const raw = state.sliceDoc(sel.from, sel.to);
    const from = sel.from + raw.length - raw.trimStart().length, to = sel.to - (raw.length - raw.trimEnd().length);
    if (to <= from) return null;
    const text = state.doc.toString();
    const passage = this.client.confirmedPassage(toCodePoint(text, from), toCodePoint(text, to));
    return passage && { revision: this.client.revision, ...passage };
  }

  /** Puts `text` in place of the document's text as an ordinary edit of this editor (sent to everyone). */
  replaceText(text) {
    const before = this.view.state.doc.toString();
    this.view.dispatch({ changes: opToChanges(diffOp(before, text), before) });
  }

  destroy() {
    clearInterval(this.heartbeat);
    clearTimeout(this.reopenTimer);
    this.windowEvents(false);
    // Closed on the server (its broadcasts stop, this cursor goes for the others), then off the shared connection.
    this.client.close();
    this.live.unsubscribe();
    this.destroyed = true;
  }
}

const plugin = ViewPlugin.fromClass(CoEditingPlugin);
