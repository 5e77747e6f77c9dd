// Partnership settings: rename, archive (read-only for everyone) and restore. Owners only.
import { html, mount, $, toast } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { post, put } from '../../core/api.js';
import { openPartnership, myMembership, loadPartnerships } from '../../core/session.js';
import { updateNav } from '../../core/nav.js';

addMessages({
  en: {
    'settings.title': 'Partnership settings', 'settings.name': 'Name', 'settings.rename': 'Rename',
    'settings.renamed': 'Renamed.', 'settings.archive': 'Archive', 'settings.archiveBtn': 'Archive partnership',
    'settings.archiveHelp': 'An archived partnership stays readable by every party, but nobody can change anything in '
      + 'it.',
    'settings.confirmArchive': 'Archive this partnership? It becomes read-only for everyone.',
    'settings.archived': 'The partnership is archived.',
    'settings.restoreBtn': 'Restore from archive', 'settings.restored': 'The partnership is active again.',
    'settings.ownersOnly': 'Only owners can change these settings.',
    'settings.isArchived': 'This partnership is archived and read-only.',
  },
  id: {
    'settings.title': 'Pengaturan kemitraan', 'settings.name': 'Nama', 'settings.rename': 'Ganti nama',
    'settings.renamed': 'Nama diganti.', 'settings.archive': 'Arsip', 'settings.archiveBtn': 'Arsipkan kemitraan',
    'settings.archiveHelp': 'Kemitraan yang diarsipkan tetap bisa dibaca semua pihak, tetapi tidak ada yang bisa '
      + 'mengubahnya.',
    'settings.confirmArchive': 'Arsipkan kemitraan ini? Setelah itu semua isinya hanya dapat dibaca.',
    'settings.archived': 'Kemitraan diarsipkan.',
    'settings.restoreBtn': 'Pulihkan dari arsip', 'settings.restored': 'Kemitraan aktif kembali.',
    'settings.ownersOnly': 'Hanya pemilik yang dapat mengubah pengaturan ini.',
    'settings.isArchived': 'Kemitraan ini sudah diarsipkan dan hanya dapat dibaca.',
  },
});

export async function renderSettings({ pid }, main) {
  const p = await openPartnership(pid, { force: true });
  updateNav(pid);
  const owner = myMembership()?.role === 'Owner';
  mount(main, html`
    <h1>${t('settings.title')}</h1>
    ${p.archived ? html`<p class="notice" role="status">${t('settings.isArchived')}</p>` : ''}
    ${owner ? '' : html`<p class="muted">${t('settings.ownersOnly')}</p>`}
    <div class="stack">
      <section class="card">
        <h2>${t('settings.name')}</h2>
        <form id="rename" class="inline-form" novalidate>
          <label><span class="sr-only">${t('settings.name')}</span><input name="name"
            aria-label="${t('settings.name')}" required maxlength="200" value="${p.name}" ${owner && !p.archived ? ''
              : 'disabled'}></label>
          <button class="primary" type="submit"
            ${owner && !p.archived ? '' : 'disabled'}>${t('settings.rename')}</button>
        </form>
      </section>
      <section class="card">
        <h2>${t('settings.archive')}</h2>
        <p class="muted">${t('settings.archiveHelp')}</p>
        ${p.archived
          ? html`<button id="restore" ${owner ? '' : 'disabled'}>${t('settings.restoreBtn')}</button>`
          : html`<button id="archive" class="danger" ${owner ? '' : 'disabled'}>${t('settings.archiveBtn')}</button>`}
      </section>
    </div>`);

  const rerender = () => renderSettings({ pid }, main);
  $('#rename', main).addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await put(`/api/partnerships/${pid}/name`, { name: new FormData(e.target).get('name') });
      await loadPartnerships();
      toast(t('settings.renamed'), 'ok');
      await rerender();
    } catch (err) { toast(err.message, 'error'); }
  });
  $('#archive', main)?.addEventListener('click', async () => {
    if (!confirm(t('settings.confirmArchive'))) return;
    try {
      await post(`/api/partnerships/${pid}/archive`);
      toast(t('settings.archived'), 'ok');
      await rerender();
    } catch (err) { toast(err.message, 'error'); }
  });
  $('#restore', main)?.addEventListener('click', async () => {
    try {
      await post(`/api/partnerships/${pid}/restore`);
      toast(t('settings.restored'), 'ok');
      await rerender();
    } catch (err) { toast(err.message, 'error'); }
  });
}
