// History-API router. Pages register a pattern like '/p/:pid/goals' and a render function
// (params, main element) => optional cleanup function, called when the user navigates away.
import { t } from './i18n.js';
import './errors.js';

const routes = [];
let cleanup = null;
let outlet = null;
const listeners = new Set();

export function route(pattern, render) {
  const keys = [];
  const regex = new RegExp('^' + pattern.replace(/\/:(\w+)/g, (_, k) => { keys.push(k); return '/([^/]+)'; }) + '/?$');
  routes.push({ regex, keys, render });
}

/**
 * A page whose module is fetched when its route first opens (code splitting): `pick` takes the module and
 * returns its render function. The page's data requests start only once its code is here, so keep modules small.
 */
export function lazy(load, pick) {
  const render = async (params, main) => pick(await load())(params, main);
  render.preload = load;
  return render;
}

/** Starts fetching the module of the page at the current address (while the session is still being read). */
export function preloadCurrent() {
  currentMatch()?.route.render.preload?.().catch(() => { /* the route's own load reports it */ });
}

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path); else history.pushState(null, '', path);
  return dispatch({ moved: true });
}

export function onNavigate(fn) { listeners.add(fn); }

export function currentMatch() {
  const path = location.pathname;
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (m) return { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

/**
 * Renders the page in the address bar. `moved`: the person went to another page (a link, Back), so the focus goes to
 * its heading; on the first load and on redraws (a language change) the focus stays where it is.
 */
export async function dispatch({ moved = false } = {}) {
  if (typeof cleanup === 'function') { try { cleanup(); } catch { /* page already gone */ } }
  cleanup = null;
  const match = currentMatch();
  for (const fn of listeners) fn(match);
  // Each navigation renders into a view of its own. A page still loading when the person moves on
  // (or redrawing after a live change) then draws into its detached view, never over the next page.
  const view = document.createElement('div');
  view.className = 'view';
  outlet.replaceChildren(view);
  if (!match) { view.innerHTML = `<p class="empty">${t('error.notFound')}</p>`; return; }
  let done;
  try {
    done = await match.route.render(match.params, view);
  } catch (err) {
    if (view.isConnected) throw err;
    return; // a page left before it finished loading; what it failed at no longer matters
  }
  if (view.isConnected) {
    cleanup = done;
    settle(view, moved);
  } else if (typeof done === 'function') { try { done(); } catch { /* page already gone */ } }
}

// Each page names the window after its heading; the heading takes the focus after a move so a screen reader reads
// the new page and the next Tab starts in it rather than at the top of the window.
function settle(view, moved) {
  const heading = view.querySelector('h1');
  const name = heading?.textContent.trim();
  document.title = name && name !== '…' ? `${name} · ${t('shell.brand')}` : t('shell.brand');
  if (!heading) return;
  heading.tabIndex = -1;
  if (moved && !document.querySelector('dialog[open]')) heading.focus({ preventScroll: false });
}

let started = false;
export function startRouter(element) {
  outlet = element;
  if (started) return dispatch();
  started = true;
  window.addEventListener('popstate', () => dispatch({ moved: true }));
  document.addEventListener('click', e => {
    if (e.defaultPrevented) return;
    const a = e.target.closest('a[href]');
    if (!a || a.target || a.origin !== location.origin) return;
    if (e.ctrlKey || e.metaKey || e.shiftKey || a.hasAttribute('download')) return;
    if (a.pathname.startsWith('/api/')) return;
    e.preventDefault();
    // A link within the page (a heading or footnote of a rendered preview) scrolls to its target, not reloads.
    if (a.hash && a.pathname === location.pathname && a.search === location.search) {
      document.getElementById(decodeURIComponent(a.hash.slice(1)))?.scrollIntoView();
      return;
    }
    navigate(a.pathname + a.search);
  });
  return dispatch();
}
