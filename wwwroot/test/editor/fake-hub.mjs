// A small in-memory stand-in for the document hub, for the unit tests of the browser's OT client (the real hub is
// exercised by the browser tests; these pin down the client's own bookkeeping).
import assert from 'node:assert/strict';
import { type } from 'ot-text-unicode';
import { OtClient } from '../../src/editor/ot-client.js';
import { changedCodePoints as changed } from '../../src/editor/op-size.js';

/**
 * The server side of the protocol: ordered ops, transform against what the sender had not seen, dedup by
 * (client, seq).
 */
export class FakeHub {
  constructor(text = '') {
    this.text = text;
    this.ops = []; // { revision, op, clientId, clientSeq }
    this.seen = new Map();
    this.connections = [];
    this.failSaves = 0;
    this.owners = new Map(); // client id -> the person who first used it
    this.limits = null; // the limits its open answer names; none: the server's defaults, as an older server
  }

  /** The server's limits (Documents options): the ones it names, or its defaults. */
  get enforced() {
    return { maxOperationLength: 100_000, maxDocumentLength: 1_000_000, ...this.limits };
  }

  connect(user = 'anon') {
    const hub = this;
    const handlers = new Map();
    const connection = {
      state: 'Connected',
      held: [], // broadcasts not yet delivered (to play with their order)
      hold: false,
      on(name, fn) { handlers.set(name, fn); },
      deliver(message) { handlers.get('OperationApplied')?.(message); },
      release() { const held = connection.held.splice(0); for (const m of held) connection.deliver(m); },
      loseNextAck: false,
      /** The network drops: what was on its way is lost, calls fail until reconnect(). */
      drop() { connection.state = 'Disconnected'; connection.held = []; },
      reconnect() { connection.state = 'Connected'; },
      async invoke(method, ...args) {
        await Promise.resolve();
        if (connection.state !== 'Connected') throw new Error('Invocation canceled: the connection is not active.');
        if (method === 'OpenDocument' || method === 'CatchUp') {
          const [documentId, known] = args;
          const operations = known === null || known === undefined || known < 0 || known > hub.ops.length
            ? null
            : hub.ops.filter(o => o.revision > known).map(o => ({ documentId, ...o }));
          return {
            document: { id: documentId, title: 'Plan' }, text: hub.text, revision: hub.ops.length, operations,
            presence: [], ...(hub.limits ? { limits: hub.limits } : {}),
          };
        }
        if (method === 'Submit' && hub.failSaves > 0) {
          // The database refused the write: nothing applied, the connection stays up.
          hub.failSaves -= 1;
          throw new Error("An unexpected error occurred invoking 'Submit' on the server. "
            + 'HubException: The change could not be saved; it will be retried.');
        }
        if (method === 'Submit') {
          const owner = hub.owners.get(args[0].clientId) ?? user;
          if (owner !== user) {
            throw new Error("An unexpected error occurred invoking 'Submit' on the server. HubException: "
              + JSON.stringify({
                code: 'clientIdTaken',
                detail: 'This client id is already used by someone else in this document; start a new one.',
                final: true,
              }));
          }
          hub.owners.set(args[0].clientId, user);
          const { maxOperationLength, maxDocumentLength } = hub.enforced;
          // As the server does (Documents:MaxOperationLength): refused for good.
          if (changed(args[0].op) > maxOperationLength) refuse('operationTooLarge', maxOperationLength);
          if (hub.wouldExceed(args[0], maxDocumentLength)) refuse('documentTooLong', maxDocumentLength);
          const result = hub.submit(connection, args[0]);
          // Applied and stored, but the answer is lost with the connection.
          if (connection.loseNextAck) {
            connection.loseNextAck = false;
            connection.drop();
            throw new Error('Invocation canceled: connection lost.');
          }
          return result;
        }
        if (method === 'CloseDocument') return null;
        throw new Error(`unexpected ${method}`);
      },
    };
    this.connections.push(connection);
    return connection;
  }

  /** Whether the op, brought to the head, would make the text longer than `max` (Documents:MaxDocumentLength). */
  wouldExceed({ clientId, clientSeq, baseRevision, op }, max) {
    if (this.seen.has(`${clientId}/${clientSeq}`)) return false;
    for (const o of this.ops.slice(baseRevision)) op = type.transform(op, o.op, 'left');
    const after = [...type.apply(this.text, op)].length;
    return after > max && after > [...this.text].length;
  }

  submit(from, { documentId, clientId, clientSeq, baseRevision, op }) {
    const key = `${clientId}/${clientSeq}`;
    if (this.seen.has(key)) return { revision: this.seen.get(key) };
    for (const o of this.ops.slice(baseRevision)) op = type.transform(op, o.op, 'left');
    this.text = type.apply(this.text, op);
    const revision = this.ops.length + 1;
    const entry = { revision, op, clientId, clientSeq };
    this.ops.push(entry);
    this.seen.set(key, revision);
    this.afterSubmit?.(entry);
    for (const c of this.connections) {
      if (c === from || c.state !== 'Connected') continue;
      const message = { documentId, ...entry };
      if (c.hold) c.held.push(message); else c.deliver(message);
    }
    return { revision };
  }
}

/** A refusal for good, as the hub throws it. */
export function refuse(code, max) {
  const refusal = { code, detail: 'Refused.', final: true, args: { max } };
  throw new Error(`An unexpected error occurred invoking 'Submit' on the server. HubException: ${
    JSON.stringify(refusal)}`);
}

/** An editor on the hub; refusals go to `refused` when given (otherwise one fails the test). */
export function editor(hub, documentId = 'doc', user = 'anon', refused = null) {
  const shown = { text: '' };
  const client = new OtClient(hub.connect(user), documentId, {
    onRemote(op, before) {
      assert.equal(before, shown.text, 'a remote op arrives for the text the editor shows');
      shown.text = type.apply(before, op);
    },
    onReset(text) { shown.text = text; },
    onStatus() {},
    onRejected(error) {
      if (!refused) throw new Error(`unexpected refusal: ${JSON.stringify(error)}`);
      refused.push(error);
    },
  });
  /** Types at a code-point position, as the editor would report it. */
  const typeAt = (at, s) => {
    const op = at > 0 ? [at, s] : [s];
    shown.text = type.apply(shown.text, op);
    client.edit(op);
  };
  return { client, shown, typeAt };
}

/** Numbers in [0, 1) that repeat for a seed (a linear congruential generator), so a failing run can be replayed. */
export function seededRandom(seed) {
  let x = seed;
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
}

/** The editor has nothing pending and shows, as its client holds, the server's text, which is `text`. */
export function assertSettled(hub, e, text) {
  assert.equal(e.client.pendingEdits, 0);
  assert.equal(hub.text, text);
  assert.equal(e.shown.text, hub.text);
  assert.equal(e.client.text, hub.text);
}

export const settle = async () => { for (let i = 0; i < 50; i++) await new Promise(r => setImmediate(r)); };
