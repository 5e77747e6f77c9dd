// What a series' next agenda starts with: open action items (and how often carried), items the last meeting did not
// reach, and the series' KPIs with their latest values. A view only: the page fetches, this draws.
import { html } from '../../core/dom.js';
import { t, formatDate, formatNumber } from '../../core/i18n.js';
import { statusLabel } from '../../core/labels.js';

const number = v => (v == null ? '—' : formatNumber(v));

export function carryOverView(carry, pid) {
  const { actionItems, unreached, kpis } = carry;
  if (actionItems.length + unreached.length + kpis.length === 0) return '';
  return html`<section class="carry-over" aria-labelledby="carried-title">
    <h3 id="carried-title">${t('plan.carried')}</h3>
    ${actionItems.length ? html`<h4>${t('plan.carriedItems')}</h4><ul class="carried">${actionItems.map(i => html`
      <li data-carried-item="${i.id}"><a href="/p/${pid}/actions"><span class="num">A${i.number}</span>
        ${i.title}</a>
        <span class="badge ${i.timesCarried > 2 ? 'warn' : 'muted'}">${t('plan.carriedTimes',
          { n: i.timesCarried })}</span>
        <small class="muted">${statusLabel(i.status)}${i.ownerName ? ` · ${i.ownerName}` : ''}${i.dueDate
          ? ` · ${formatDate(i.dueDate)}` : ''}</small></li>`)}</ul>` : ''}
    ${unreached.length ? html`<h4>${t('plan.unreached')}</h4><ul class="carried">${unreached.map(u => html`
      <li data-unreached="${u.item.id}"><span>${u.item.title}</span>
        <small class="muted">${t('meetings.minutes', { n: u.item.minutes })}${u.item.ownerName
          ? ` · ${u.item.ownerName}` : ''}</small></li>`)}</ul>` : ''}
    ${kpis.length ? html`<h4>${t('plan.seriesKpis')}</h4><ul class="carried">${kpis.map(k => html`
      <li data-series-kpi="${k.id}"><a href="/p/${pid}/goals">${k.name}</a>
        <span class="rag rag-${k.status}">${k.latest == null ? t('plan.noValue')
          : t('plan.kpiLine', { latest: number(k.latest), target: number(k.target), unit: k.unit })}</span>
        ${k.expected != null ? html`<small class="muted">${t('plan.expected',
          { value: number(k.expected) })}${k.latestDate
          ? ` · ${formatDate(k.latestDate)}` : ''}</small>` : ''}</li>`)}</ul>` : ''}
  </section>`;
}
