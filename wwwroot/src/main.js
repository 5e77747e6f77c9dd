// Entry point: who am I → app shell → router. Each feature registers its routes here.
import './styles.css';
// Every page's styles are in the one app stylesheet: esbuild does not load the CSS of a lazily imported chunk.
import './pages/access.css';
import './editor/editor.css';
import './pages/meetings.css';
import './features/agreements/agreements.css';
import { onLangChange } from './core/i18n.js';
import { route, lazy, preloadCurrent, startRouter, refresh, onNavigate } from './core/router.js';
import { watchPartnership } from './core/partnershipLive.js';
import { connectLive } from './core/live.js';
import { session, loadMe, loadPartnerships } from './core/session.js';
import { renderShell, setConnectionState, sections } from './shell.js';
import { renderAuth } from './pages/auth.js';
import { clearToasts } from './core/dom.js';
import './core/length-hint.js';

// The server loads index.html only for these first path segments (FrontEndExtensions.AppSections); others are 404.
// Each page's module (and what only it needs: the editor, Chart.js) is fetched when its route first opens.
route('/', lazy(() => import('./pages/home.js'), m => m.renderHome));
route('/p/:pid', lazy(() => import('./pages/dashboard.js'), m => m.renderDashboard));
route('/p/:pid/goals', lazy(() => import('./pages/goals.js'), m => m.renderGoals));
route('/p/:pid/actions', lazy(() => import('./pages/actions.js'), m => m.renderActions));
route('/p/:pid/docs', lazy(() => import('./pages/documents.js'), m => m.renderDocuments));
route('/p/:pid/docs/:docId', lazy(() => import('./pages/documents.js'), m => m.renderDocument));
route('/p/:pid/meetings', lazy(() => import('./pages/meetings.js'), m => m.renderMeetings));
route('/p/:pid/meetings/:meetingId', lazy(() => import('./pages/meetings.js'), m => m.renderMeeting));
route('/p/:pid/agreements', lazy(() => import('./features/agreements/list.js'), m => m.renderAgreements));
route('/p/:pid/agreements/:agreementId',
  lazy(() => import('./features/agreements/detail.js'), m => m.renderAgreement));
route('/p/:pid/members', lazy(() => import('./pages/members.js'), m => m.renderMembers));
route('/p/:pid/activity', lazy(() => import('./pages/partnership.js'), m => m.renderActivity));
route('/p/:pid/settings', lazy(() => import('./pages/settings.js'), m => m.renderSettings));
for (const s of sections.filter(x => !x.ready)) {
  route(`/p/:pid${s.path}`, lazy(() => import('./pages/soon.js'), m => m.comingSoon(s.key)));
}
route('/account', lazy(() => import('./pages/account.js'), m => m.renderAccount));
route('/invite/:token', lazy(() => import('./pages/invite.js'), m => m.renderInvite));

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
// A page's code downloads while the session is read. Not at '/', which is the sign-in form for most first visits.
if (location.pathname !== '/') preloadCurrent();
await loadMe();
await render();
export { refresh };
