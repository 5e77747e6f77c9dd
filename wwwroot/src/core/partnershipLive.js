// Live events of the open partnership over /hubs/partnership. Pages subscribe to event kinds
// ('action.updated', 'goal.updated', 'kpi.updated', 'presence', …); after a reconnect every
// subscriber is told to reload (kind '*resync'), because push is best effort.
import { hubConnection, keepConnected } from './live.js';

let connection = null;
let joined = null;
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
  try {
    await connection.invoke('JoinPartnership', joined);
  } catch {
    // No longer a member (removed meanwhile): stop asking; the next page load shows it.
    joined = null;
    return;
  }
  if (reconnected) emit('*resync', null);
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
    keepConnected(connection, () => {}, join);
  }
  if (joined === pid) return;
  const previous = joined;
  joined = pid;
  presence([]);
  if (connection.state === 'Connected') {
    if (previous) await connection.invoke('LeavePartnership', previous).catch(() => {});
    await join(false);
  }
}

/** Subscribes to an event kind; returns the unsubscribe function (use it as page cleanup). */
export function on(kind, fn) {
  if (!handlers.has(kind)) handlers.set(kind, new Set());
  handlers.get(kind).add(fn);
  return () => handlers.get(kind).delete(fn);
}
