// SignalR connections with automatic reconnect (exponential backoff, capped at 30 s).
import * as signalR from '@microsoft/signalr';
import { sessionEnded } from './session-end.js';

export function backoff(ctx) {
  return Math.min(30000, 500 * 2 ** Math.min(ctx.previousRetryCount, 6)) + Math.floor(Math.random() * 250);
}

// The session ended (signed out or password changed elsewhere): no reconnecting, the page starts again.
// A failed negotiation keeps only the words of the 401, not its status.
const unauthorized = err => err?.statusCode === 401 || /Status code '401'/.test(String(err?.message));
const ended = () => { sessionEnded(); return null; };

export function hubConnection(url) {
  return new signalR.HubConnectionBuilder()
    .withUrl(url)
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: ctx => (unauthorized(ctx.retryReason) ? ended() : backoff(ctx)),
    })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}

/**
 * Starts the connection and keeps it up: retries the first start, restarts after a close.
 * onState receives 'connecting' | 'connected' | 'reconnecting' | 'disconnected'. Returns the function that stops it;
 * its `startNow()` starts a disconnected connection now instead of at the next retry (the browser is online again).
 */
export function keepConnected(connection, onState = () => {}, onConnected = () => {}) {
  let stopped = false;
  let attempt = 0;
  let retry = null;
  const start = async () => {
    clearTimeout(retry);
    // Already connected or on its way (a retry and startNow crossing): starting again would fail and retry forever.
    if (stopped || connection.state !== 'Disconnected') return;
    onState('connecting');
    try {
      await connection.start();
      attempt = 0;
      onState('connected');
      await onConnected(false);
    } catch (err) {
      if (unauthorized(err)) sessionEnded();
      onState('disconnected');
      retry = setTimeout(start, backoff({ previousRetryCount: attempt++ }));
    }
  };
  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(async () => { onState('connected'); await onConnected(true); });
  connection.onclose(() => { onState('disconnected'); if (!stopped) retry = setTimeout(start, 1000); });
  start();
  const stop = () => { stopped = true; clearTimeout(retry); connection.stop(); };
  stop.startNow = start;
  return stop;
}

let live = null;
/** The app-wide connection that drives the online badge. */
export function connectLive(onState) {
  live = hubConnection('/hubs/live');
  keepConnected(live, onState);
  return live;
}
