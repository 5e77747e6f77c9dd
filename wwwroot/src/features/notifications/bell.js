// The bell in the top bar: my unread count, pushed live over the app-wide connection (only to me), and the list
// of my notifications in a panel under it (newest first, "show older", opening one marks it read).
import { html, mount, $ } from '../../core/dom.js';
import { t, lang } from '../../core/i18n.js';
import { navigate } from '../../core/router.js';
import * as api from './api.js';
import { itemList } from './items.js';

const state = { unread: 0, items: [], more: false, open: false, loading: false };
let wired = null;

/** Puts the bell into the top bar (again after each redraw of the shell) and keeps its count live. */
export function mountBell(live) {
  const bar = $('.topbar');
  if (!bar || $('#bell')) return;
  $('#connection').insertAdjacentHTML('beforebegin', '<span class="bell-host" id="bell-host"></span>');
  state.open = false;
  renderBell();
  if (wired !== live) {
    wired = live;
    live.on('notificationsChanged', ({ unread }) => { pushes += 1; setUnread(unread, true); });
    live.onreconnected(() => refreshCount());
  }
  refreshCount();
  // E-mails are written in the language the person uses here.
  api.saveSettings({ language: lang() }).catch(() => {});
}

// A count pushed while a read of it was on its way is newer than that read's answer, which is then dropped.
let pushes = 0;

async function refreshCount() {
  const before = pushes;
  try {
    const { unread } = await api.unread();
    if (pushes === before) setUnread(unread, state.open);
  } catch { /* offline: the push or a reload will tell */ }
}

function setUnread(count, reloadList) {
  state.unread = count;
  renderCount();
  if (reloadList && state.open) loadFirstPage();
}

function renderBell() {
  mount($('#bell-host'), html`<button type="button" class="bell" id="bell" aria-haspopup="true"
      aria-expanded="false" aria-controls="notifications-panel"><svg class="bell-icon" aria-hidden="true"
      viewBox="0 0 24 24"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6v-5a7 7 0 0 0-5.5-6.84
      V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>
      <span class="sr-only" id="bell-label"></span><span class="bell-count" id="bell-count" aria-hidden="true"
      hidden></span></button>
    <section class="notifications-panel" id="notifications-panel" hidden aria-label="${t('notifications.title')}">
    </section>`);
  $('#bell').addEventListener('click', () => setOpen(!state.open));
  renderCount();
}

function renderCount() {
  const count = $('#bell-count');
  if (!count) return;
  count.hidden = state.unread === 0;
  count.textContent = state.unread > 99 ? '99+' : String(state.unread);
  $('#bell-label').textContent = `${t('notifications.open')} (${t('notifications.unread', { n: state.unread })})`;
  $('#bell').dataset.unread = String(state.unread);
}

function setOpen(open) {
  state.open = open;
  $('#notifications-panel').hidden = !open;
  $('#bell').setAttribute('aria-expanded', String(open));
  if (open) loadFirstPage();
}

async function loadFirstPage() {
  state.items = [];
  await loadMore(true);
}

async function loadMore(first = false) {
  state.loading = true;
  renderPanel();
  try {
    const before = first ? null : state.items.at(-1)?.id;
    const result = await api.page(before);
    state.items = first ? result.items : [...state.items, ...result.items];
    state.more = result.more;
    state.unread = result.unread;
    renderCount();
  } finally {
    state.loading = false;
    renderPanel();
  }
}

function renderPanel() {
  const panel = $('#notifications-panel');
  if (!panel || panel.hidden) return;
  mount(panel, html`<header><h2 id="notifications-title">${t('notifications.title')}</h2>
      <button type="button" class="link" id="notifications-all" ${state.unread ? '' : 'disabled'}>${t(
  'notifications.markAll')}</button>
      <button type="button" class="link close" id="notifications-close" aria-label="${t('notifications.close')}"
        >×</button></header>
    ${state.items.length === 0 && !state.loading ? html`<p class="empty">${t('notifications.none')}</p>` : ''}
    ${itemList(state.items)}
    ${state.loading ? html`<p class="muted" role="status">${t('notifications.loading')}</p>` : ''}
    <footer>${state.more && !state.loading ? html`<button type="button" id="notifications-more">${t(
    'notifications.more')}</button>` : ''}<a href="/account/notifications" id="notifications-page">${t(
    'notifications.all')}</a></footer>`);
  wirePanel(panel);
}

function wirePanel(panel) {
  $('#notifications-close', panel).addEventListener('click', () => { setOpen(false); $('#bell').focus(); });
  $('#notifications-all', panel).addEventListener('click', async () => {
    setUnread((await api.markAllRead()).unread, false);
    state.items = state.items.map(n => ({ ...n, read: true }));
    renderPanel();
  });
  $('#notifications-more', panel)?.addEventListener('click', () => loadMore());
  $('#notifications-page', panel).addEventListener('click', () => setOpen(false));
  for (const link of panel.querySelectorAll('a.notification')) link.addEventListener('click', e => open(e, link));
}

/** Opening one marks it read, closes the panel and goes to the thing. */
async function open(event, link) {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const id = Number(link.dataset.id);
  const item = state.items.find(n => n.id === id);
  setOpen(false);
  if (item && !item.read) {
    item.read = true;
    try { setUnread((await api.markRead(id)).unread, false); } catch { /* it stays unread; the link still opens */ }
  }
  navigate(link.getAttribute('href'));
}

document.addEventListener('keydown', e => {
  if (e.key === 'Escape' && state.open) { setOpen(false); $('#bell')?.focus(); }
});
document.addEventListener('click', e => {
  if (state.open && !e.composedPath().some(el => el.id === 'bell-host')) setOpen(false);
});
