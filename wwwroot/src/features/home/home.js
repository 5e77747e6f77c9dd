// The list of my partnerships, and creating a new one.
import { html, mount, $, toast } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { post } from '../../core/api.js';
import { session, loadPartnerships } from '../../core/session.js';
import { navigate } from '../../core/router.js';
import { updateNav } from '../../core/nav.js';

addMessages({
  en: {
    'home.title': 'Your partnerships',
    'home.none': 'You are not in a partnership yet. Create one, or open the invitation link a partner sent you.',
    'home.create': 'Start a partnership', 'home.name': 'Partnership name', 'home.org': 'Your organisation',
    'home.createBtn': 'Create',
    'home.archived': 'archived',
  },
  id: {
    'home.title': 'Kemitraan Anda',
    'home.none': 'Anda belum tergabung dalam kemitraan. Buat baru, atau buka tautan undangan dari mitra Anda.',
    'home.create': 'Mulai kemitraan', 'home.name': 'Nama kemitraan', 'home.org': 'Organisasi Anda',
    'home.createBtn': 'Buat',
    'home.archived': 'diarsipkan',
  },
});

export async function renderHome(_params, main) {
  await loadPartnerships();
  updateNav(null);
  const list = session.partnerships;
  mount(main, html`
    <h1>${t('home.title')}</h1>
    ${list.length === 0 ? html`<p class="empty">${t('home.none')}</p>` : html`
      <ul class="cards">${list.map(p => html`<li class="card"><a href="/p/${p.id}"><strong>${p.name}</strong></a>
        <span class="badge">${p.role}</span>${p.archived ? html` <span
          class="badge muted">${t('home.archived')}</span>` : ''}</li>`)}</ul>`}
    <section class="card narrow">
      <h2>${t('home.create')}</h2>
      <form id="create-partnership" novalidate>
        <label>${t('home.name')}<input name="name" required maxlength="200"></label>
        <label>${t('home.org')}<input name="organisation" required maxlength="200"
          value="${session.me?.organisation ?? ''}"></label>
        <button class="primary" type="submit">${t('home.createBtn')}</button>
      </form>
    </section>`);
  $('#create-partnership', main).addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const created = await post('/api/partnerships', Object.fromEntries(new FormData(e.target)));
      await loadPartnerships();
      navigate(`/p/${created.id}`);
    } catch (err) {
      toast(err.message, 'error');
    }
  });
}
