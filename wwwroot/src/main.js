import './styles.css';
import { connectLive } from './live.js';

const app = document.getElementById('app');
app.innerHTML = `
  <header class="topbar">
    <span class="brand">Partnership Workspace</span>
    <span id="connection" class="connection" data-state="connecting">Connecting…</span>
  </header>
  <main class="page"><h1>Welcome</h1><p>Your shared workspace is starting.</p></main>`;

const badge = document.getElementById('connection');
connectLive(state => {
  badge.dataset.state = state;
  badge.textContent = { connected: 'Connected', connecting: 'Connecting…', reconnecting: 'Reconnecting…', disconnected: 'Offline' }[state] ?? state;
});
