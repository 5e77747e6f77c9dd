// The dashboard tile: agreements awaiting my approval and my organisation's obligations due within 30 days.
import { html } from '../../core/dom.js';
import { t, addMessages, formatDate } from '../../core/i18n.js';
import { agreementMessages } from './i18n.js';
import { forMe } from './api.js';

addMessages(agreementMessages);

export function agreementsTile(pid, data) {
  const nothing = data.awaitingMyApproval.length === 0 && data.obligationsDue.length === 0;
  return html`<section class="card agr-tile" id="agreements-tile" aria-labelledby="agr-tile-title">
    <h2 id="agr-tile-title"><a href="/p/${pid}/agreements">${t('agr.tile.title')}</a></h2>
    ${nothing ? html`<p class="muted">${t('agr.tile.none')}</p>` : ''}
    ${data.awaitingMyApproval.length ? html`<h3>${t('agr.tile.awaiting')}</h3><ul>${data.awaitingMyApproval.map(a =>
      html`
      <li><a href="/p/${pid}/agreements/${a.id}">${a.title}</a></li>`)}</ul>` : ''}
    ${data.obligationsDue.length ? html`<h3>${t('agr.tile.due')}</h3><ul>${data.obligationsDue.map(o => html`
      <li><span class="num">A${o.item.number}</span> ${o.item.title} <small class="muted">§${o.clauseNumber} ·
        ${formatDate(o.item.dueDate)}</small></li>`)}</ul>` : ''}</section>`;
}

/** The tile's data and markup as the dashboard asks for them (core/tiles.js). */
export const fetchTiles = pid => forMe(pid);
export const renderTiles = (pid, data) => agreementsTile(pid, data);
