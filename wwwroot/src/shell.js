// The app shell: top bar (brand, partnership switcher, language, who I am, connection) and the
// side navigation of the open partnership. At 900 px and narrower the navigation and the top bar's tools
// (switcher, language, who I am, sign out) live in a drawer that the menu button opens.
import { html, mount, raw, $ } from './core/dom.js';
import { t, addMessages, languages, lang, setLang } from './core/i18n.js';
import { session, onPartnershipRead } from './core/session.js';
import { post } from './core/api.js';
import { onUpdateNav } from './core/nav.js';
import { onPresence } from './core/partnershipLive.js';
import { navSections, manifests } from './core/registry.js';
import * as registry from './features/index.js';

addMessages({
  en: {
    'shell.brand': 'Partnership Workspace', 'shell.signout': 'Sign out', 'shell.switch': 'Partnership',
    'shell.all': 'All partnerships', 'conn.connected': 'Online', 'conn.connecting': 'Connecting…',
    'conn.reconnecting': 'Reconnecting…', 'conn.disconnected': 'Offline', 'shell.language': 'Language',
    'nav.soon': 'coming soon', 'shell.online': 'Online now ({n})',
    'shell.menu': 'Menu', 'shell.nav': 'Partnership sections', 'shell.skip': 'Skip to content',
  },
  id: {
    'shell.brand': 'Ruang Kerja Kemitraan', 'shell.signout': 'Keluar', 'shell.switch': 'Kemitraan',
    'shell.all': 'Semua kemitraan', 'conn.connected': 'Online', 'conn.connecting': 'Menghubungkan…',
    'conn.reconnecting': 'Menghubungkan ulang…', 'conn.disconnected': 'Offline', 'shell.language': 'Bahasa',
    'nav.soon': 'segera hadir', 'shell.online': 'Sedang online ({n})',
    'shell.menu': 'Menu', 'shell.nav': 'Bagian kemitraan', 'shell.skip': 'Langsung ke isi',
  },
});

/** Sections of a partnership, from the registry; `ready: false` ones are shown but not yet built. */
const sections = navSections(manifests(registry));

let connectionState = 'connecting';

const narrow = window.matchMedia('(max-width: 900px)');

export function renderShell(root) {
  mount(root, html`
    <a class="skip-link" id="skip" href="#main">${t('shell.skip')}</a>
    <header class="topbar">
      <button type="button" class="menu-button" id="menu" aria-controls="drawer" aria-expanded="false"
        aria-label="${t('shell.menu')}"><span class="bars" aria-hidden="true"></span></button>
      <a class="brand" href="/">${t('shell.brand')}</a>
      <span class="spacer"></span>
      <span id="connection" class="connection" data-state="${connectionState}" role="status"
        ${session.me ? '' : 'hidden'}>${t(`conn.${connectionState}`)}</span>
      <div class="tools" id="tools">
        <label class="switcher" hidden><span class="sr-only">${t('shell.switch')}</span>
          <select id="switcher" aria-label="${t('shell.switch')}"></select></label>
        <select id="language" aria-label="${t('shell.language')}">${languages.map(l => html`
          <option value="${l.code}" ${l.code === lang() ? 'selected' : ''}>${l.label}</option>`)}</select>
        <a class="me" id="me" href="/account"></a>
        <button class="link" id="signout" hidden>${t('shell.signout')}</button>
      </div>
    </header>
    <div class="layout">
      <aside class="drawer" id="drawer" data-nav="off">
        <div class="drawer-tools" id="drawer-tools"></div>
        <nav class="sidenav" id="sidenav" aria-label="${t('shell.nav')}" hidden></nav>
      </aside>
      <div class="scrim" id="scrim" hidden></div>
      <main class="page" id="main" tabindex="-1"></main>
    </div>`);
  $('#language').addEventListener('change', e => setLang(e.target.value));
  $('#skip').addEventListener('click', e => {
    e.preventDefault();
    const heading = $('#main h1');
    if (heading) heading.tabIndex = -1;
    (heading ?? $('#main')).focus();
  });
  $('#signout').addEventListener('click', async () => { await post('/api/account/signout'); location.href = '/'; });
  $('#switcher').addEventListener('change', e => { location.href = e.target.value ? `/p/${e.target.value}` : '/'; });
  $('#menu').addEventListener('click', () => setDrawer(!$('#drawer').classList.contains('open')));
  $('#scrim').addEventListener('click', () => setDrawer(false));
  $('#drawer').addEventListener('click', e => { if (e.target.closest('a[href]')) setDrawer(false); });
  placeTools();
  updateUser();
  return $('#main');
}

/** Opens or closes the drawer (narrow windows); an opened drawer takes the focus, a closed one gives it back. */
function setDrawer(open) {
  const drawer = $('#drawer');
  if (!drawer) return;
  const wasOpen = drawer.classList.contains('open');
  drawer.classList.toggle('open', open);
  $('#scrim').hidden = !open;
  $('#menu').setAttribute('aria-expanded', String(open));
  if (open) drawer.querySelector('a[aria-current], a[href], select, button')?.focus();
  else if (wasOpen && drawer.contains(document.activeElement)) $('#menu').focus();
}

// One set of tools, moved between the top bar (wide) and the drawer (narrow), so their ids and handlers stay.
function placeTools() {
  const tools = $('#tools');
  if (!tools) return;
  const home = narrow.matches ? $('#drawer-tools') : $('.topbar');
  if (tools.parentElement !== home) home.append(tools);
  if (!narrow.matches) setDrawer(false);
}
narrow.addEventListener('change', placeTools);
document.addEventListener('keydown', e => {
  if (e.key === 'Escape' && $('#drawer')?.classList.contains('open')) setDrawer(false);
});

function updateUser() {
  const me = session.me;
  $('#me').textContent = me ? me.displayName : '';
  $('#me').hidden = !me; // an empty link would still be a Tab stop with nothing to say
  $('#signout').hidden = !me;
  // Signed out there is no live connection to speak of: no badge rather than a red "Offline".
  $('#connection').hidden = !me;
}

// The browser knows it is offline before a socket notices, so its word wins.
window.addEventListener('offline', () => renderConnection());
window.addEventListener('online', () => renderConnection());

export function setConnectionState(state) {
  connectionState = state;
  renderConnection();
}

function renderConnection() {
  const state = navigator.onLine ? connectionState : 'disconnected';
  const badge = $('#connection');
  if (!badge) return;
  badge.dataset.state = state;
  badge.textContent = t(`conn.${state}`);
}

/**
 * Shows the side navigation and switcher for partnership `pid` (or hides them when null), with the page in the
 * address bar marked. A page that finished loading after the person had moved on (its pid no longer in the
 * address) leaves the navigation alone.
 */
function updateNav(pid) {
  const here = /^\/p\/([^/]+)(\/[^/]+)?/.exec(location.pathname);
  if ((pid ?? null) !== (here ? decodeURIComponent(here[1]) : null)) return;
  const activeKey = sections.find(s => s.path === (here?.[2] ?? ''))?.key;
  const nav = $('#sidenav');
  const switcher = $('#switcher');
  nav.hidden = !pid;
  $('#drawer').dataset.nav = pid ? 'on' : 'off';
  switcher.parentElement.hidden = !session.me || session.partnerships.length === 0;
  mount(switcher, html`<option value="">${t('shell.all')}</option>${session.partnerships.map(p => html`<option
    value="${p.id}" ${p.id === pid ? 'selected' : ''}>${p.name}</option>`)}`);
  if (!pid) return;
  mount(nav, html`<ul>${sections.map(s => html`<li><a href="/p/${pid}${s.path}"
    class="${s.key === activeKey ? 'active' : ''} ${s.ready ? '' : 'soon'}" ${s.key === activeKey
      ? raw('aria-current="page"') : ''}>${t(s.label)}${s.ready ? ''
      : html` <small>(${t('nav.soon')})</small>`}</a></li>`)}</ul>
    <div class="online" id="online"></div>`);
  renderOnline();
}

let onlineIds = [];
/** Who is online in the open partnership (pushed by the server on every join and leave). */
function setOnline(userIds) {
  onlineIds = userIds;
  renderOnline();
}

function renderOnline() {
  const host = $('#online');
  const p = session.partnership;
  if (!host || !p) return;
  const people = p.members.filter(m => onlineIds.includes(m.userId));
  mount(host, html`<h3>${t('shell.online', { n: people.length })}</h3><ul>${people.map(m => html`
    <li title="${m.displayName} · ${p.parties.find(x => x.id === m.partyId)?.name ?? ''}"><span class="dot"
      aria-hidden="true"></span>${m.displayName}
      <small class="muted">${p.parties.find(x => x.id === m.partyId)?.name ?? ''}</small></li>`)}</ul>`);
}

onUpdateNav(updateNav);
onPresence(setOnline);
// Who is online may arrive before the partnership's members are read (a page that joins first): drawn again then.
onPartnershipRead(renderOnline);
