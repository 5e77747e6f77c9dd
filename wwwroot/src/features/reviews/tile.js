// The dashboard's tile of reviews: the open rounds (whether I answered, until when) or, with none open, the last
// closed round's overall score per party.
import { html } from '../../core/dom.js';
import { t, formatDate } from '../../core/i18n.js';
import { get } from '../../core/api.js';
import { statusBadge, score } from './words.js';
import './i18n.js';

/** The tile's data and markup as the dashboard asks for them (core/tiles.js). */
export const fetchTiles = pid => get(`/api/partnerships/${pid}/reviews`);
export const renderTiles = (pid, list) => reviewsTile(pid, list);

export function reviewsTile(pid, { rounds, parties }) {
  const open = rounds.filter(r => r.status === 'Open');
  const last = rounds.find(r => r.status === 'Closed');
  const link = r => html`<a class="clamp" href="/p/${pid}/reviews/${r.id}"><span class="num">R${r.number}</span>
    ${r.title}</a>`;
  let body;
  if (open.length) {
    body = html`<ul class="mini-items">${open.map(r => html`<li>${link(r)}<small class="muted">
      ${r.answeredByMe ? t('reviews.answered') : t('reviews.notAnswered')} ·
      ${t('reviews.closesOn', { date: formatDate(r.closesOn) })}</small></li>`)}</ul>`;
  } else if (last) {
    body = html`<ul class="mini-items"><li>${link(last)} ${statusBadge(last.status)}<small class="muted">
      ${parties.map(p => `${p.name}: ${score(last.overallByParty?.[p.id])}`).join(' · ')}</small></li></ul>`;
  } else {
    body = html`<p class="empty">${t('reviews.none')}</p>`;
  }
  return html`<section class="card" id="reviews-tile">
    <h2>${t('reviews.title')} <a class="more" href="/p/${pid}/reviews">${t('reviews.all')} →</a></h2>
    ${body}
  </section>`;
}
