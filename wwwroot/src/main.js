// Entry point: who am I → app shell → router. Each feature registers its routes here.
import './styles.css';
import { onLangChange } from './core/i18n.js';
import { route, startRouter, refresh, onNavigate } from './core/router.js';
import { watchPartnership } from './core/partnershipLive.js';
import { connectLive } from './core/live.js';
import { session, loadMe, loadPartnerships } from './core/session.js';
import { renderShell, setConnectionState, sections } from './shell.js';
import { renderAuth } from './pages/auth.js';
import { renderHome } from './pages/home.js';
import { renderActivity } from './pages/partnership.js';
import { renderMembers } from './pages/members.js';
import { renderSettings } from './pages/settings.js';
import { renderAccount } from './pages/account.js';
import { renderInvite } from './pages/invite.js';
import { renderDashboard } from './pages/dashboard.js';
import { renderGoals } from './pages/goals.js';
import { renderActions } from './pages/actions.js';
import { renderDocuments, renderDocument } from './pages/documents.js';
import { comingSoon } from './pages/soon.js';
import { clearToasts } from './core/dom.js';
import './core/length-hint.js';

// The server loads index.html only for these first path segments (FrontEndExtensions.AppSections); others are 404.
route('/', renderHome);
route('/p/:pid', renderDashboard);
route('/p/:pid/goals', renderGoals);
route('/p/:pid/actions', renderActions);
route('/p/:pid/docs', renderDocuments);
route('/p/:pid/docs/:docId', renderDocument);
route('/p/:pid/members', renderMembers);
route('/p/:pid/activity', renderActivity);
route('/p/:pid/settings', renderSettings);
for (const s of sections.filter(x => !x.ready)) route(`/p/:pid${s.path}`, comingSoon(s.key));
route('/account', renderAccount);
route('/invite/:token', renderInvite);

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
await loadMe();
await render();
export { refresh };
