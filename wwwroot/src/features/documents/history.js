// A document's version history: stretches of editing (who, when), the text as it was after each, and, for
// editors, bringing an earlier version back. A restore is one ordinary edit, so co-editors see it arrive live
// and it shows up in the history itself (so it can be undone the same way).
import { html, mount, $, $$, toast } from '../../core/dom.js';
import { t, addMessages, formatDateTime } from '../../core/i18n.js';
import { get, post, put } from '../../core/api.js';
import { can, session } from '../../core/session.js';

addMessages({
  en: {
    'history.title': 'History', 'history.loading': 'Loading the history…', 'history.none': 'No edits yet.',
    'history.current': 'Current version', 'history.edits': '{n} edits', 'history.edit': '1 edit',
    'history.workspace': 'task sync',
    'history.back': '← All versions', 'history.versionOf': 'Version of {when}',
    'history.restore': 'Restore this version',
    'history.confirmRestore': 'Replace the document’s text with this version? Everyone editing sees the change; the '
      + 'current text stays in the history.',
    'history.restored': 'The version of {when} is back.', 'history.by': 'by {names}',
    'history.older': 'Older versions are kept and not listed.',
    'history.readOnly': 'Editors and owners can restore a version.',
    'history.restoredBy': '{names} restored an earlier version',
    'history.name': 'Name of this version', 'history.nameSave': 'Save name', 'history.named': 'Version named.',
    'history.namePlaceholder': 'e.g. Draft sent to the board',
  },
  id: {
    'history.title': 'Riwayat', 'history.loading': 'Memuat riwayat…', 'history.none': 'Belum ada perubahan.',
    'history.current': 'Versi saat ini', 'history.edits': '{n} perubahan', 'history.edit': '1 perubahan',
    'history.workspace': 'sinkronisasi tugas',
    'history.back': '← Semua versi', 'history.versionOf': 'Versi {when}', 'history.restore': 'Pulihkan versi ini',
    'history.confirmRestore': 'Ganti teks dokumen dengan versi ini? Semua yang sedang menyunting melihat '
      + 'perubahannya; teks saat ini tetap ada di riwayat.',
    'history.restored': 'Versi {when} telah dipulihkan.', 'history.by': 'oleh {names}',
    'history.older': 'Versi yang lebih lama tetap disimpan tetapi tidak ditampilkan.',
    'history.readOnly': 'Editor dan pemilik dapat memulihkan versi.',
    'history.restoredBy': '{names} memulihkan versi sebelumnya',
    'history.name': 'Nama versi ini', 'history.nameSave': 'Simpan nama', 'history.named': 'Nama versi disimpan.',
    'history.namePlaceholder': 'mis. Draf untuk direksi',
  },
});

const names = authors => authors.map(a => a || t('history.workspace')).join(', ');

/**
 * Shows the history of a document in `host`: `show()` when the tab is opened; `changed()` after any edit, so an open
 * list follows the document (reloaded a moment after the edits stop).
 */
export function mountHistory(host, { pid, docId }) {
  const mayRestore = can('Editor') && !session.partnership?.archived;
  const base = `/api/partnerships/${pid}/documents/${docId}/history`;
  let listing = false;
  let timer = null;

  async function list() {
    listing = true;
    mount(host, html`<p class="muted">${t('history.loading')}</p>`);
    const { versions, complete } = await get(base);
    mount(host, versions.length === 0 ? html`<p class="empty">${t('history.none')}</p>` : html`
      <ol class="versions">${versions.map((v, i) => html`
        <li><button type="button" class="version" data-revision="${v.revision}" data-at="${v.at}"
          data-name="${v.name ?? ''}">
          ${v.name ? html`<strong class="version-name">${v.name}</strong>` : ''}
          <span><strong>${formatDateTime(v.at)}</strong>${i === 0 ? html` <span
            class="badge">${t('history.current')}</span>` : ''}</span>
          <small>${v.restored ? t('history.restoredBy', { names: names(v.authors) })
            : html`${t('history.by', { names: names(v.authors) })} · ${v.edits === 1 ? t('history.edit')
              : t('history.edits', { n: v.edits })}`}</small>
        </button></li>`)}</ol>
      ${complete ? '' : html`<p class="muted small">${t('history.older')}</p>`}
      ${mayRestore ? '' : html`<p class="muted small">${t('history.readOnly')}</p>`}`);
    $$('.version', host).forEach((b, i) => b.addEventListener('click',
      () => open(Number(b.dataset.revision), b.dataset.at, i === 0, b.dataset.name)));
  }

  async function open(revision, at, current, name = '') {
    listing = false;
    const version = await get(`${base}/${revision}`);
    const when = formatDateTime(at);
    mount(host, html`
      <div class="version-head">
        <button type="button" class="link" id="history-back">${t('history.back')}</button>
        <h3>${t('history.versionOf', { when })}</h3>
        ${mayRestore && !current ? html`<button type="button" class="primary"
          id="history-restore">${t('history.restore')}</button>` : ''}
      </div>
      ${mayRestore ? html`<form class="version-name-form" id="version-name">
        <label>${t('history.name')}
          <input name="name" maxlength="80" value="${name}" placeholder="${t('history.namePlaceholder')}"></label>
        <button type="submit">${t('history.nameSave')}</button></form>` : ''}
      <div class="markdown version-text" id="version-text"></div>`);
    $('#version-text', host).innerHTML = version.html; // sanitised on the server (Markdig without HTML + HtmlSanitizer)
    $('#history-back', host).addEventListener('click', () => list().catch(err => toast(err.message, 'error')));
    $('#version-name', host)?.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        await put(`${base}/${revision}/name`, { name: e.target.elements.name.value });
        toast(t('history.named'), 'ok');
      } catch (err) { toast(err.message, 'error'); }
    });
    $('#history-restore', host)?.addEventListener('click', async () => {
      if (!confirm(t('history.confirmRestore'))) return;
      try {
        await post(`${base}/${revision}/restore`, {});
        toast(t('history.restored', { when }), 'ok');
        await list();
      } catch (err) { toast(err.message, 'error'); }
    });
  }

  const reload = () => list().catch(err => toast(err.message, 'error'));
  return {
    show: reload,
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => { if (listing && !host.hidden && host.isConnected) reload(); }, 2000);
    },
  };
}
