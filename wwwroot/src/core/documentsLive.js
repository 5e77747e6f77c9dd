// One /hubs/documents connection per tab, shared by every page that co-edits or watches documents (the list, a
// document, a meeting's notes). Opening the next document then costs one OpenDocument, not a negotiate, a WebSocket
// upgrade and a handshake first (3 round trips: 150–600 ms on a phone network). A page subscribes with its handlers
// and an onConnected(reconnected) that (re)opens or (re)watches what it shows, and unsubscribes when it is left: its
// handlers are taken off the connection, so they never run again. Unused for a while, the connection is stopped; the
// next page starts it again.
import { hubConnection, keepConnected } from './live.js';

// Long enough for list → document → list on one connection; short enough not to hold one for a tab left alone.
export const idleMs = 60_000;

let connection = null;
let keeper = null; // keepConnected's handle of `connection`
let idleTimer = null;
let announced = false; // the subscribers were told of the current connection (a later one is told on subscribing)
const subscribers = new Set(); // { onState, onConnected }

const each = fn => { for (const s of [...subscribers]) fn(s); };

// Going offline drops the socket at once, so edits queue visibly (and not into a socket that no longer carries them);
// coming back connects now instead of at the next retry.
const windowEvents = {
  offline: () => { connection?.stop(); each(s => s.onState('disconnected')); },
  online: () => keeper?.startNow(),
};

const connected = (s, reconnected) => Promise.resolve().then(() => s.onConnected(reconnected)).catch(() => {});

function open() {
  const mine = hubConnection('/hubs/documents');
  connection = mine;
  announced = false;
  // A stopped connection's last events (its close) are no longer news for the pages.
  keeper = keepConnected(mine, state => {
    if (mine !== connection) return;
    if (state !== 'connected') announced = false;
    each(s => s.onState(state));
  }, reconnected => {
    if (mine !== connection) return null;
    announced = true;
    // Each page reports its own failures (a refused open, say); one must not keep the others from (re)opening.
    return Promise.all([...subscribers].map(s => connected(s, reconnected)));
  });
  for (const [name, fn] of Object.entries(windowEvents)) window.addEventListener(name, fn);
}

/** Stops the shared connection now (a sign-out that does not reload the page: the next user gets a new one). */
export function stopDocumentsConnection() {
  clearTimeout(idleTimer);
  idleTimer = null;
  if (!connection) return;
  for (const [name, fn] of Object.entries(windowEvents)) window.removeEventListener(name, fn);
  keeper();
  connection = null;
  keeper = null;
}

/**
 * Subscribes a page to the shared connection. `handlers`: hub method name → function; `onConnected(reconnected)`
 * runs once connected (at once when it already is) and after each reconnect or restart; `onState(state)` gets
 * 'connecting' | 'connected' | 'reconnecting' | 'disconnected'. Returns { connection, unsubscribe }.
 */
export function subscribeDocuments({ handlers = {}, onConnected = () => {}, onState = () => {} } = {}) {
  clearTimeout(idleTimer);
  idleTimer = null;
  if (!connection) open();
  const mine = connection;
  const subscriber = { onConnected, onState };
  subscribers.add(subscriber);
  for (const [name, fn] of Object.entries(handlers)) mine.on(name, fn);
  // Already up and announced: open or watch now, a turn later (the page may still be setting up what it uses).
  if (announced && mine.state === 'Connected') {
    connected({ onConnected: r => subscribers.has(subscriber) && onConnected(r) }, false);
  }
  let left = false;
  const unsubscribe = () => {
    if (left) return;
    left = true;
    subscribers.delete(subscriber);
    for (const [name, fn] of Object.entries(handlers)) mine.off(name, fn);
    if (subscribers.size === 0 && mine === connection) idleTimer = setTimeout(stopDocumentsConnection, idleMs);
  };
  return { connection: mine, unsubscribe };
}
