// A list of notifications as the bell's panel and the page show it: who did what, where, how long ago.
import { html } from '../../core/dom.js';
import { t, locale } from '../../core/i18n.js';
import { relativeTime } from './relative.js';

/** The sentence of a notification after its actor's name, in the person's language. */
export function sentence(n) {
  const key = `notify.${n.kind}`;
  return t(key) === key ? t('notify.other') : t(key, n.args);
}

export function itemList(items) {
  const now = Date.now();
  return html`<ul class="notification-list">${items.map(n => html`<li><a href="${n.link}" data-id="${n.id}"
      class="notification ${n.read ? '' : 'unread'}">${n.read ? '' : html`<span class="sr-only">${t(
  'notifications.new')}: </span>`}<span class="what"><strong>${n.actorName}</strong> ${sentence(n)}</span>
      <small class="muted">${t('notifications.in', { partnership: n.partnershipName })} ·
        <time datetime="${n.at}" title="${new Date(n.at).toLocaleString(locale())}">${relativeTime(n.at, locale(),
  now)}</time></small></a></li>`)}</ul>`;
}
