// When the server has less of a document than this editor had already seen, saved edits were lost on the server
// (a damaged or restored database). The editor then shows the server's text, and the person's own copy is kept
// for them here: to download, or (for editors) to restore as a new edit that everyone receives.
import { html, mount } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';

addMessages({
  en: {
    'behind.title': 'The server has an older version of this document than your copy',
    'behind.body': 'Your copy had reached version {mine}, but the server only has version {server}: changes that were '
      + 'saved are missing there. The editor now shows the server’s text. Your copy is kept here — download it, or '
      + 'restore it as a new change.',
    'behind.download': 'Download my copy', 'behind.restore': 'Restore my copy', 'behind.dismiss': 'Dismiss',
    'behind.restored': 'Your copy was restored as a new change.',
  },
  id: {
    'behind.title': 'Versi dokumen ini di server lebih lama daripada salinan Anda',
    'behind.body': 'Salinan Anda sudah mencapai versi {mine}, tetapi server hanya memiliki versi {server}: ada '
      + 'perubahan tersimpan yang hilang di sana. Editor kini menampilkan teks dari server. Salinan Anda tetap '
      + 'disimpan di sini — unduh, atau pulihkan sebagai perubahan baru.',
    'behind.download': 'Unduh salinan saya', 'behind.restore': 'Pulihkan salinan saya', 'behind.dismiss': 'Tutup',
    'behind.restored': 'Salinan Anda telah dipulihkan sebagai perubahan baru.',
  },
});

/**
 * Shows the notice at the top of `container`. `copy`: { text, mine, server } from the OT client; `fileName`: for the
 * download; `restore(text)`: null when the person may not edit.
 */
export function showServerBehind(container, copy, fileName, restore) {
  container.querySelector('.server-behind')?.remove();
  const box = document.createElement('div');
  box.className = 'server-behind notice';
  box.setAttribute('role', 'alert');
  const url = URL.createObjectURL(new Blob([copy.text], { type: 'text/markdown' }));
  mount(box, html`<strong>${t('behind.title')}</strong>
    <p>${t('behind.body', { mine: copy.mine, server: copy.server })}</p>
    <div class="actions">
      <a class="button" href="${url}" download="${fileName}">${t('behind.download')}</a>
      ${restore ? html`<button type="button" class="primary" data-restore>${t('behind.restore')}</button>` : ''}
      <button type="button" class="link" data-dismiss>${t('behind.dismiss')}</button>
    </div>`);
  container.prepend(box);
  box.querySelector('[data-restore]')?.addEventListener('click', () => {
    restore(copy.text);
    box.querySelector('[data-restore]').disabled = true;
    box.querySelector('p').textContent = t('behind.restored');
  });
  box.querySelector('[data-dismiss]').addEventListener('click', () => { box.remove(); URL.revokeObjectURL(url); });
}
