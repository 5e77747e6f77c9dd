// Entry point: who am I → app shell → router. The features' routes, words and styles come from the registry.
import './styles.css';
import './core/access.css';
import './core/clause-link.css';
import { onLangChange, addMessages } from './core/i18n.js';
import { route, lazy, preloadCurrent, startRouter, onNavigate } from './core/router.js';
import { installFeatures, manifests } from './core/registry.js';
import * as registry from './features/index.js';
import { watchPartnership } from './core/partnershipLive.js';
import { connectLive } from './core/live.js';
import { mountBell } from './features/notifications/bell.js';
import { mountSearchBox } from './features/search/box.js';
import { session, loadMe, loadPartnerships } from './core/session.js';
import { renderShell, setConnectionState } from './shell.js';
import { renderAuth } from './features/auth/auth.js';
import { clearToasts } from './core/dom.js';
import './core/length-hint.js';

// The server loads index.html only for these first path segments (FrontEndExtensions.AppSections); others are 404.
// Each page's module (and what only it needs: the editor, Chart.js) is fetched when its route first opens.
installFeatures(manifests(registry), { route, lazy, addMessages });

const root = document.getElementById('app');
let live = null;

// Renders the shell, then the sign-in form or the current page; runs again on a language change.
async function render() {
  const main = renderShell(root);
  if (!session.me && !location.pathname.startsWith('/invite/')) {
    setConnectionState('disconnected');
    renderAuth(main, { onDone: async () => { await loadMe(); await render(); } });
    return;
  }
  if (session.me) {
    await loadPartnerships();
    live ??= connectLive(setConnectionState);
    mountBell(live);
    mountSearchBox();
  } else {
    setConnectionState('disconnected');
  }
  await startRouter(main);
}

// Every partnership page keeps the live connection of its partnership (presence, changes).
onNavigate(match => { if (match?.params.pid) watchPartnership(match.params.pid); });
onNavigate(() => clearToasts());
// The whole window is redrawn in the new language; the focus stays on the language switch (or the menu button
// that leads to it on a phone) instead of falling to the top of the page.
onLangChange(async () => {
  await render();
  const language = document.getElementById('language');
  (language?.checkVisibility() ? language : document.getElementById('menu'))?.focus();
});
// A page's code downloads while the session is read. Not at '/', which is the sign-in form for most first visits.
if (location.pathname !== '/') preloadCurrent();
await loadMe();
await render();
