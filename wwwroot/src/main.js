// Entry point: who am I → app shell → router. Each feature registers its routes here.
import './styles.css';
import { onLangChange } from './core/i18n.js';
import { route, startRouter, refresh } from './core/router.js';
import { connectLive } from './core/live.js';
import { session, loadMe, loadPartnerships } from './core/session.js';
import { renderShell, setConnectionState } from './shell.js';
import { renderAuth } from './pages/auth.js';
import { renderHome } from './pages/home.js';
import { renderOverview, renderMembers, renderActivity } from './pages/partnership.js';
import { renderDocuments, renderDocument } from './pages/documents.js';

route('/', renderHome);
route('/p/:pid', renderOverview);
route('/p/:pid/members', renderMembers);
route('/p/:pid/activity', renderActivity);
route('/p/:pid/docs', renderDocuments);
route('/p/:pid/docs/:docId', renderDocument);

const root = document.getElementById('app');
let live = null;

// Renders the shell, then the sign-in form or the current page; runs again on a language change.
async function render() {
  const main = renderShell(root);
  if (!session.me) {
    setConnectionState('disconnected');
    renderAuth(main, { onDone: async () => { await loadMe(); await render(); } });
    return;
  }
  await loadPartnerships();
  live ??= connectLive(setConnectionState);
  await startRouter(main);
}

onLangChange(render);
await loadMe();
await render();
export { refresh };
