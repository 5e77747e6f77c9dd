// The OT client (as in ot.js and ShareDB): one op in flight, later edits composed into a buffer,
// server messages applied strictly in revision order, gaps fetched, unsent edits kept in
// localStorage and resent after a reconnect or a reload. Resending is safe: the server answers a
// (clientId, seq) it has seen with the original revision and never applies it twice.
import { type } from 'ot-text-unicode';
import { diffOp } from './unicode.js';
import { editLimits, exceedsLength, nextPart } from './op-size.js';
import { hubError } from '../core/hub-error.js';

// Error codes of the server (ErrorCodes in Workspace.Collaboration). Behind what the server keeps: catch up first.
const RESYNC = 'resync';
// The server's per-connection rate limit: the op was not applied; send it again a little later.
const SLOW_DOWN = 'slowDown';
// The server binds a client id to the person who first used it in a document. An id restored from this browser's
// storage may be someone else's (another person signed in here before): take a new one and send the edit again.
const CLIENT_ID_TAKEN = 'clientIdTaken';
const newClientId = () => crypto.randomUUID().replaceAll('-', '');

function applyOrNull(text, op) {
  try { return type.apply(text, op); } catch { return null; }
}
const storageKey = id => `workspace.doc.${id}`;

/** Error text without SignalR's "An unexpected error occurred invoking … HubException: " prefix. */
export function hubMessage(e) {
  const m = String(e?.message ?? e);
  const i = m.indexOf('HubException: ');
  return i >= 0 ? m.slice(i + 14) : m;
}

/**
 * Where code point `pos` of the text after `op` was before it: the character at `pos` is found again (a position
 * next to deleted text goes past it); positions in text the op inserted go to where the insertion began, since that
 * text was not there. The way back of transformPosition.
 */
export function positionBefore(op, pos) {
  let before = 0, after = 0;
  for (const c of op) {
    if (typeof c === 'number') {
      if (pos < after + c) return before + pos - after;
      before += c; after += c;
    } else if (typeof c === 'string') {
      const n = [...c].length;
      if (pos < after + n) return before;
      after += n;
    } else {
      before += typeof c.d === 'number' ? c.d : [...c.d].length;
    }
  }
  return before + pos - after;
}

export class OtClient {
  /**
   * @param connection a started-or-starting SignalR HubConnection to /hubs/documents
   * @param handlers onRemote(op, textBefore), onReset(text), onStatus(), onRejected(error: { code, args, detail })
   *   onServerBehind({ text, mine, server }): the server has an older revision than this client saw (lost data)
   */
  constructor(connection, documentId, handlers) {
    this.connection = connection;
    this.documentId = documentId;
    this.h = handlers;
    this.revision = 0;
    this.confirmed = '';
    this.text = '';
    this.inflight = null; // { op, seq, edits }
    this.buffer = null; // { op, edits }
    this.ackRevision = null;
    this.early = new Map();
    this.sending = false;
    this.failedSends = 0; // consecutive failed submits, for the retry back-off
    this.resyncing = false;
    this.opened = false;
    this.limits = editLimits(null); // until the open answer names the server's
    const saved = this.load();
    this.clientId = saved?.clientId ?? newClientId();
    this.seq = saved?.seq ?? 0;
    this.saved = saved;
    connection.on('OperationApplied', this.applied = m => { if (m.documentId === documentId) this.receive([m]); });
  }

  /**
   * The passage [from, to) of this client's text (code points) in the server's text at `this.revision`, before the
   * edits still on their way; null when nothing of it is there yet (all of it typed since).
   */
  confirmedPassage(from, to) {
    for (const pending of [this.buffer?.op, this.inflight?.op]) {
      if (pending) [from, to] = [positionBefore(pending, from), positionBefore(pending, to)];
    }
    return to > from ? { from, to } : null;
  }

  /**
   * A selection [anchor, head] given in the server's text at `this.revision` (code points), moved over this client's
   * edits still on their way, so that it lands in this client's text.
   */
  overPending(anchor, head) {
    for (const pending of [this.inflight?.op, this.buffer?.op]) {
      if (pending) [anchor, head] = type.transformSelection([anchor, head], pending);
    }
    return [anchor, head];
  }

  get pendingEdits() { return (this.inflight?.edits ?? 0) + (this.buffer?.edits ?? 0); }
  // A closed client is offline: the connection it used may go on serving other documents.
  get online() { return !this.closed && this.connection.state === 'Connected'; }

  /** Joins (or rejoins after a reconnect) and catches up. */
  async open() {
    if (!this.opened && this.saved) {
      // Unsent edits from an earlier visit: restore them on top of the text they were made against.
      const s = this.saved;
      this.revision = s.revision; this.confirmed = s.confirmed;
      this.inflight = s.inflight; this.buffer = s.buffer;
      this.text = this.localFrom(this.confirmed);
    }
    const known = this.opened || this.saved ? this.revision : null;
    const state = await this.connection.invoke('OpenDocument', this.documentId, known);
    this.document = state.document;
    this.limits = editLimits(state.limits);
    if (state.operations) {
      this.receive(state.operations);
    } else if (known === null) {
      // Edits made before the text arrived (the page keeps the editor read only until then, but any other
      // caller may not) were made against the empty start: carry them onto the server's text.
      if (this.buffer) this.buffer.op = type.transform(this.buffer.op, diffOp(this.confirmed, state.text), 'left');
      this.confirmed = state.text;
      this.revision = state.revision;
      this.text = this.localFrom(this.confirmed);
    } else {
      await this.resync(null, state);
    }
    this.opened = true;
    this.sending = false;
    this.h.onReset(this.text);
    this.flush();
    this.drain(); // broadcasts that overtook the answer
    this.h.onStatus();
    return state;
  }

  /**
   * A local edit (already shown in the editor), of any size: flush() sends it in parts the server accepts. One that
   * would make the text longer than the server allows is taken back out of the editor now, before any part of it is
   * saved and the rest refused.
   */
  edit(op) {
    if (!op.length) return;
    const max = this.limits.maxDocumentLength;
    if (exceedsLength(this.text, op, max)) {
      this.h.onRejected({ code: 'documentTooLong', args: { max } });
      this.h.onReset(this.text);
      return;
    }
    this.text = type.apply(this.text, op);
    this.buffer = this.buffer
      ? { op: type.compose(this.buffer.op, op), edits: this.buffer.edits + 1, parted: this.buffer.parted }
      : { op, edits: 1 };
    this.save();
    this.flush();
    this.h.onStatus();
  }

  flush() {
    if (this.sending || this.resyncing || !this.opened || !this.online) return;
    if (!this.inflight) {
      if (!this.buffer) return;
      const { op, edits, parted } = this.buffer;
      const [first, rest] = nextPart(op, this.limits);
      // `parted`: earlier parts of the same edit are saved; if this one is refused, the person must hear that too.
      this.inflight = { op: first, edits: rest.length ? 1 : edits, seq: ++this.seq, parted: Boolean(parted) };
      this.buffer = rest.length ? { op: rest, edits: Math.max(1, edits - 1), parted: true } : null;
      this.save();
    }
    this.sending = true;
    const { op, seq } = this.inflight;
    const request = {
      documentId: this.documentId, clientId: this.clientId, clientSeq: seq, baseRevision: this.revision, op,
    };
    this.connection.invoke('Submit', request).then(result => {
      this.failedSends = 0;
      if (this.inflight?.seq === seq) this.ackRevision = result.revision;
      this.drain();
    }, async e => {
      const error = hubError(e);
      console.warn('Submit failed; the edit stays pending:', hubMessage(e));
      if (error?.code === RESYNC) { await this.resync(false); return; }
      if (error?.code === SLOW_DOWN) {
        this.sending = false;
        setTimeout(() => this.flush(), 1000);
        return;
      }
      if (error?.code === CLIENT_ID_TAKEN && this.inflight?.seq === seq) {
        // Nothing was applied under that id: the same edit goes again under a new one.
        this.clientId = newClientId();
        this.seq = 0;
        this.inflight.seq = ++this.seq;
        this.sending = false;
        this.save();
        this.flush();
        return;
      }
      if (error?.final) {
        // Refused for good (invalid, too large, no permission): drop it and realign with the server. A part of a large
        // edit is refused with what follows it, its parts before it already saved: the person is told so.
        this.h.onRejected(this.inflight?.parted ? { ...error, partly: true } : error);
        this.inflight = null;
        await this.resync(false, null, true);
        return;
      }
      // Connection lost, a failed save or any other fault: the op stays in flight and is resent with the
      // same seq (on reconnect, or after a pause while still connected); it is never applied twice.
      this.sending = false;
      this.failedSends += 1;
      if (this.online) setTimeout(() => this.flush(), Math.min(5000, 250 * 2 ** Math.min(this.failedSends, 5)));
      this.h.onStatus();
    });
  }

  receive(ops) {
    for (const m of ops) if (m.revision > this.revision) this.early.set(m.revision, m);
    // Before the first open answers, `revision` means nothing yet: keep what arrives, apply it after.
    if (this.opened) this.drain();
  }

  drain() {
    let acked = false;
    // Broadcasts can overtake the answer that brought this client past them; those are already applied.
    for (const r of [...this.early.keys()]) if (r <= this.revision) this.early.delete(r);
    for (;;) {
      const next = this.revision + 1;
      const m = this.ackRevision === next ? null : this.early.get(next);
      const mine = this.ackRevision === next
        || (m && this.inflight && m.clientId === this.clientId && m.clientSeq === this.inflight.seq);
      if (!mine && !m) break;
      // All or nothing: an op that does not fit must not leave the state half moved on.
      let op = m?.op, inflight = this.inflight?.op, buffer = this.buffer?.op, confirmed, text;
      try {
        if (mine) {
          confirmed = type.apply(this.confirmed, inflight);
        } else {
          confirmed = type.apply(this.confirmed, op);
          if (inflight) [op, inflight] = [type.transform(op, inflight, 'right'), type.transform(inflight, op, 'left')];
          if (buffer) [op, buffer] = [type.transform(op, buffer, 'right'), type.transform(buffer, op, 'left')];
          text = type.apply(this.text, op);
        }
      } catch (e) {
        // Out of step (this must not happen; if it does, never wedge): realign with the server's text,
        // keeping every pending edit.
        console.warn(`Revision ${next} does not fit this editor (${e.message}); realigning with the server.`);
        this.realign();
        return;
      }
      this.early.delete(next);
      if (mine) { this.acknowledge(next, confirmed); acked = true; continue; }
      const before = this.text;
      this.confirmed = confirmed;
      if (inflight) this.inflight.op = inflight;
      if (buffer) this.buffer.op = buffer;
      this.text = text;
      this.revision = next;
      this.h.onRemote(op, before, m);
    }
    if (acked) { this.save(); this.flush(); }
    this.h.onStatus();
    const gap = this.early.size > 0 || (this.ackRevision !== null && this.ackRevision > this.revision + 1);
    if (gap && !this.catchUpTimer) {
      // Messages are often just out of order; only a gap that lasts is fetched.
      this.catchUpTimer = setTimeout(async () => {
        this.catchUpTimer = null;
        if (!(this.early.size > 0 || (this.ackRevision !== null && this.ackRevision > this.revision + 1))) return;
        try {
          const state = await this.connection.invoke('CatchUp', this.documentId, this.revision);
          if (state.operations) this.receive(state.operations); else await this.resync(null, state);
        } catch (e) {
          // Offline: the reconnect catches up. Still connected (rate limited, a fault): look again shortly,
          // or an acknowledged op could wait forever behind the gap.
          console.warn('Catching up failed; trying again:', hubMessage(e));
          if (this.online) setTimeout(() => this.drain(), 1000);
        }
      }, 150);
    }
  }

  realign() {
    if (this.resyncing) return;
    this.resync(null).catch(e => {
      console.warn('Realigning failed; trying again:', hubMessage(e));
      if (this.online) setTimeout(() => this.realign(), 1000);
    });
  }

  acknowledge(revision, confirmed) {
    this.confirmed = confirmed;
    this.inflight = null;
    this.ackRevision = null;
    this.sending = false;
    this.revision = revision;
  }

  /**
   * Realigns with the server's full text when ops can no longer be transformed. Unsent edits are
   * rebased onto it through a diff, so none is lost. inflightApplied: false = the server said it was
   * not applied; null = unknown, so resubmit it (idempotent) to find out.
   */
  async resync(inflightApplied, state = null, drop = false) {
    this.resyncing = true;
    try {
      if (this.inflight && inflightApplied === null) {
        try {
          await this.connection.invoke('Submit', {
            documentId: this.documentId, clientId: this.clientId, clientSeq: this.inflight.seq,
            baseRevision: this.revision, op: this.inflight.op,
          });
          inflightApplied = true;
        } catch (e) {
          const error = hubError(e);
          if (error?.code === CLIENT_ID_TAKEN) {
            this.clientId = newClientId(); // not applied: resent below, under the new id
            this.seq = 0;
          } else if (error?.final) { this.h.onRejected(error); this.inflight = null; }
          else if (error?.code !== RESYNC) throw e;
          inflightApplied = false;
        }
        state = null;
      }
      state ??= await this.connection.invoke('CatchUp', this.documentId, -1);
      if (state.revision < this.revision) {
        // The server lacks revisions this client saw stored: its database lost them. Taking its text is the only way
        // to go on, but the person's copy (with every pending edit) is handed out first, never silently dropped.
        this.h.onServerBehind?.({ text: this.text, mine: this.revision, server: state.revision });
      }
      let base = this.confirmed; // the text the unsent edits (the buffer, below) were made against
      if (this.inflight) {
        if (inflightApplied) base = applyOrNull(base, this.inflight.op);
        else if (!drop) {
          this.buffer = this.buffer
            ? { op: type.compose(this.inflight.op, this.buffer.op), edits: this.inflight.edits + this.buffer.edits }
            : { op: this.inflight.op, edits: this.inflight.edits };
        }
      }
      if (drop) this.buffer = null;
      this.inflight = null;
      this.ackRevision = null;
      this.sending = false;
      // The unsent edits are carried over every difference between their base and the server's text.
      // Only if this client lost track of its base (a defect) are they kept just when they still fit.
      if (this.buffer) {
        let carried = null;
        try {
          if (base !== null) carried = type.transform(this.buffer.op, diffOp(base, state.text), 'left');
        } catch { /* base lost */ }
        if (carried) this.buffer.op = carried;
        else if (applyOrNull(state.text, this.buffer.op) === null) {
          this.h.onRejected({ code: 'unsentLost', args: { count: this.buffer.edits } });
          this.buffer = null;
        }
      }
      this.confirmed = state.text;
      this.revision = state.revision;
      for (const r of [...this.early.keys()]) if (r <= this.revision) this.early.delete(r);
      this.text = this.localFrom(this.confirmed);
      this.h.onReset(this.text);
    } finally {
      this.resyncing = false;
    }
    this.save();
    this.flush();
    this.drain();
  }

  localFrom(confirmed) {
    let t = confirmed;
    if (this.inflight) t = type.apply(t, this.inflight.op);
    if (this.buffer) t = type.apply(t, this.buffer.op);
    return t;
  }

  save() {
    try {
      if (!this.inflight && !this.buffer) { localStorage.removeItem(storageKey(this.documentId)); return; }
      localStorage.setItem(storageKey(this.documentId), JSON.stringify({
        clientId: this.clientId, seq: this.seq, revision: this.revision, confirmed: this.confirmed,
        inflight: this.inflight, buffer: this.buffer,
      }));
    } catch { /* storage full: edits stay in memory */ }
  }

  load() {
    try { return JSON.parse(localStorage.getItem(storageKey(this.documentId)) ?? 'null'); } catch { return null; }
  }

  close() {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    if (this.online) this.connection.invoke('CloseDocument', this.documentId).catch(() => {});
    this.connection.off('OperationApplied', this.applied);
    this.closed = true;
  }
}
