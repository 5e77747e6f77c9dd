// All my notifications as a page (/account/notifications): the same list as the bell's panel, with room to read.
import { html, mount, $ } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { updateNav } from '../../core/nav.js';
import * as api from './api.js';
import { itemList } from './items.js';

export async function renderNotificationsPage(_params, main) {
  updateNav(null);
  const state = { items: [], more: false, unread: 0 };
  const draw = () => {
    mount(main, html`<div class="page-head"><h1>${t('notifications.title')}</h1>
        <button type="button" id="page-all" ${state.unread ? '' : 'disabled'}>${t('notifications.markAll')}</button>
      </div>
      <section class="card notifications-page">
        ${state.items.length ? itemList(state.items) : html`<p class="empty">${t('notifications.none')}</p>`}
        ${state.more ? html`<button type="button" id="page-more">${t('notifications.more')}</button>` : ''}
      </section>`);
    $('#page-all', main).addEventListener('click', async () => {
      state.unread = (await api.markAllRead()).unread;
      state.items = state.items.map(n => ({ ...n, read: true }));
      draw();
    });
    $('#page-more', main)?.addEventListener('click', () => load(state.items.at(-1)?.id));
    // Opening one marks it read; the router follows the link.
    for (const a of main.querySelectorAll('a.notification.unread')) {
      a.addEventListener('click', () => { api.markRead(Number(a.dataset.id)).catch(() => {}); });
    }
  };
  const load = async before => {
    const result = await api.page(before);
    state.items = before ? [...state.items, ...result.items] : result.items;
    state.more = result.more;
    state.unread = result.unread;
    draw();
  };
  await load(null);
}
