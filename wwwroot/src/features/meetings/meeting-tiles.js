// The dashboard's meeting tiles: the next meeting (the person's time and the organiser's), the last meeting's
// decisions, and open action items carried over more than twice (contributed through the manifest's `tiles`).
import { html } from '../../core/dom.js';
import { get } from '../../core/api.js';
import { t, addMessages } from '../../core/i18n.js';
import { planMessages } from './plan-i18n.js';
import { bothTimes } from './when.js';
import { occurrenceKey } from './occurrence.js';

addMessages(planMessages);

export const fetchTiles = pid => get(`/api/partnerships/${pid}/meeting-tiles`);

const meetingHref = (pid, o) => `/p/${pid}/meetings/${o.meetingId}${o.occurrence
  ? `?occurrence=${occurrenceKey(o.occurrence)}` : ''}`;

export function renderTiles(pid, { next, last, lastDecisions, carriedOver }) {
  return html`<section class="card meeting-tile" id="tile-next"><h2>${t('plan.tile.next')}
      <a class="more" href="/p/${pid}/meetings">${t('plan.tile.allMeetings')} →</a></h2>
    ${next ? html`<p><a href="${meetingHref(pid, next)}"><strong>${next.title}</strong></a></p>
      <p class="small">${bothTimes(next.startUtc, next.timeZone)}</p>
      ${next.location ? html`<p class="muted small clamp">${next.location}</p>` : ''}`
    : html`<p class="empty">${t('plan.tile.noNext')}</p>`}
  </section>
  <section class="card meeting-tile" id="tile-decisions"><h2>${t('plan.tile.last')}
      <a class="more" href="/p/${pid}/decisions">${t('plan.logAll')} →</a></h2>
    ${last ? html`<p class="muted small"><a href="${meetingHref(pid, last)}">${last.title}</a></p>` : ''}
    ${lastDecisions.length ? html`<ul class="mini-items">${lastDecisions.map(d => html`<li>
      <a class="clamp" href="/p/${pid}/decisions/${d.id}">${d.text}</a></li>`)}</ul>`
    : html`<p class="empty">${t('plan.tile.noLast')}</p>`}
  </section>
  <section class="card meeting-tile" id="tile-carried"><h2>${t('plan.tile.carried')}</h2>
    ${carriedOver.length ? html`<ul class="mini-items">${carriedOver.map(c => html`<li>
      <span class="clamp"><span class="num">A${c.item.number}</span> ${c.item.title}</span>
      <small class="muted"><span class="badge warn">${t('plan.carriedTimes', { n: c.item.timesCarried })}</span>
        ${c.meetingTitle}${c.item.ownerName ? ` · ${c.item.ownerName}` : ''}</small></li>`)}</ul>`
    : html`<p class="empty">${t('plan.tile.noCarried')}</p>`}
  </section>`;
}
