// The dashboard's tile of open disputes: each with its current step and deadline (overdue ones first).
import { html } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { get } from '../../core/api.js';
import { stepName, deadlineBadge, isOverdue } from './words.js';

/** The tile's data and markup as the dashboard asks for them (core/tiles.js). */
export const fetchTiles = pid => get(`/api/partnerships/${pid}/disputes`);
export const renderTiles = (pid, disputes) => disputesTile(pid, disputes);

export function disputesTile(pid, disputes) {
  const open = disputes.filter(d => d.status === 'Open')
    .sort((a, b) => Number(isOverdue(b)) - Number(isOverdue(a))
      || String(a.deadline).localeCompare(String(b.deadline)));
  return html`<section class="card" id="disputes-tile">
    <h2>${t('disputes.tile')} <a class="more" href="/p/${pid}/disputes">${t('disputes.all')} →</a></h2>
    ${open.length === 0 ? html`<p class="empty">${t('disputes.tileNone')}</p>` : html`<ul class="mini-items">
      ${open.map(d => html`<li><a class="clamp" href="/p/${pid}/disputes/${d.id}"><span class="num">D${d.number}</span>
        ${d.title}</a><small class="muted">${stepName(d.stepName)}</small> ${deadlineBadge(d)}</li>`)}</ul>`}
  </section>`;
}
