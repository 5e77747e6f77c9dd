// The partnership's activity log.
import { html, mount } from '../../core/dom.js';
import { t, addMessages, formatDateTime } from '../../core/i18n.js';
import { get } from '../../core/api.js';
import { openPartnership } from '../../core/session.js';
import { updateNav } from '../../core/nav.js';
import { activitySentence } from '../../core/activity.js';

addMessages({
  en: { 'activity.title': 'Activity', 'activity.none': 'Nothing has happened yet.' },
  id: { 'activity.title': 'Aktivitas', 'activity.none': 'Belum ada aktivitas.' },
});

export async function renderActivity({ pid }, main) {
  await openPartnership(pid);
  updateNav(pid);
  const entries = await get(`/api/partnerships/${pid}/activity`);
  mount(main, html`<h1>${t('activity.title')}</h1>
    ${entries.length === 0 ? html`<p class="empty">${t('activity.none')}</p>` : html`<ol
      class="activity">${entries.map(a => html`
      <li><time datetime="${a.at}">${formatDateTime(a.at)}</time> <strong>${a.actorName}</strong> ${
        activitySentence(a)}</li>`)}</ol>`}`);
}
