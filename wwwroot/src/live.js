// One SignalR connection to the live hub, reconnecting with backoff; reports its state.
import * as signalR from '@microsoft/signalr';

export function connectLive(onState) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(30000, 500 * 2 ** ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(() => onState('connected'));
  connection.onclose(() => { onState('disconnected'); setTimeout(start, 2000); });

  async function start() {
    onState('connecting');
    try {
      await connection.start();
      onState('connected');
    } catch {
      onState('disconnected');
      setTimeout(start, 2000);
    }
  }
  start();
  return connection;
}
