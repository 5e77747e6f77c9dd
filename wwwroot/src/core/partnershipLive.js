// Live events of the open partnership over /hubs/partnership. Pages subscribe to event kinds
// ('action.updated', 'goal.updated', 'kpi.updated', 'presence', …); whenever events may have been missed — after a
// reconnect, a restart of a closed connection, or a join that came after the page had read its data — every
// subscriber is told to reload (kind '*resync'), because push is best effort.
import { hubConnection, keepConnected } from './live.js';

// How long a page's first read waits for the join, so that it reads after it and misses nothing (usually a few
// round trips); a join later than that makes the page read again instead.
const joinWaitMs = 2000;

let connection = null;
let keeper = null; // stops the connection (keepConnected's stop)
let joined = null;
let starts = 0;
let pending = null; // the join a page is waiting for: { done, resolve, late }
const handlers = new Map();
let presence = () => {};

/** Who is online in the joined partnership goes to `fn` (the shell's list): on each change, and [] on a switch. */
export function onPresence(fn) { presence = fn; }

function emit(kind, payload) {
  for (const fn of handlers.get(kind) ?? []) fn(payload);
  for (const fn of handlers.get('*') ?? []) fn({ kind, payload });
}

async function join(reconnected) {
  if (!joined) return;
  const waiting = pending;
  pending = null;
  try {
    await connection.invoke('JoinPartnership', joined);
  } catch {
    // No longer a member (removed meanwhile): stop asking; the next page load shows it.
    joined = null;
    return;
  } finally {
    waiting?.resolve();
  }
  if (reconnected || waiting?.late) emit('*resync', null);
}

/** Waits (a bounded time) for the join the connection will make once it is up. */
async function awaitJoin() {
  if (!pending) {
    let resolve;
    const done = new Promise(r => { resolve = r; });
    pending = { done, resolve, late: false };
  }
  const waiting = pending;
  let timer;
  const timedOut = await Promise.race([waiting.done.then(() => false),
    new Promise(r => { timer = setTimeout(() => r(true), joinWaitMs); })]);
  clearTimeout(timer);
  if (timedOut) waiting.late = true;
}

/** Makes sure we receive the events of partnership `pid`. */
export async function watchPartnership(pid) {
  if (!connection) {
    connection = hubConnection('/hubs/partnership');
    connection.on('PartnershipChanged', change => {
      if (change.partnershipId !== joined) return;
      if (change.kind === 'presence') presence(change.payload.userIds);
      emit(change.kind, change.payload);
    });
    // A start after the first follows a closed connection: what happened in between was not pushed.
    keeper = keepConnected(connection, () => {}, reconnected => join(reconnected || starts++ > 0));
  }
  if (joined === pid) {
    if (pending) await awaitJoin(); // asked again (shell, then page) before the connection was up
    return;
  }
  const previous = joined;
  joined = pid;
  presence([]);
  if (connection.state === 'Connected') {
    if (previous) await connection.invoke('LeavePartnership', previous).catch(() => {});
    await join(false);
  } else {
    await awaitJoin();
  }
}

/**
 * Stops the connection and forgets the joined partnership: the person signed out on a page that does not reload
 * (the invitation's "switch account"); the next person must not go on with this one's connection and its retries.
 */
export function stopPartnershipConnection() {
  if (!connection) return;
  keeper();
  pending?.resolve();
  connection = keeper = pending = joined = null;
  starts = 0;
  presence([]);
}

/** Whether the events of partnership `pid` are already coming (a read now misses nothing). */
export function liveIn(pid) {
  return joined === pid && !pending && connection?.state === 'Connected';
}

/**
 * A page's first read and its live changes without a gap between them. The handlers ({ kind: fn }) listen from
 * before `read` runs; what they receive meanwhile is held and handed to them in order once the read (and whatever
 * `read` draws) is done — a change made while the page loaded is not lost. A held change may already be in the
 * read, so handlers must take a change twice safely (versions, upserts by id, or reading again). Returns the
 * function that stops them; if the read fails, nothing stays subscribed.
 */
export async function follow(handlers, read) {
  let held = [];
  const offs = Object.entries(handlers).map(([kind, fn]) =>
    on(kind, payload => (held ? held.push(() => fn(payload)) : fn(payload))));
  const stop = () => offs.forEach(off => off());
  try {
    await read();
  } catch (error) {
    stop();
    throw error;
  }
  const waiting = held;
  held = null;
  waiting.forEach(run => run());
  return stop;
}

/** `follow` for a page that reads everything again on any of these kinds. */
export const refreshOn = (kinds, refresh) => follow(Object.fromEntries(kinds.map(kind => [kind, refresh])), refresh);

/** Subscribes to an event kind; returns the unsubscribe function (use it as page cleanup). */
export function on(kind, fn) {
  if (!handlers.has(kind)) handlers.set(kind, new Set());
  handlers.get(kind).add(fn);
  return () => handlers.get(kind).delete(fn);
}
