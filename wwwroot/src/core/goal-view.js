// How a goal's progress and status and a KPI's status are shown, on the goals page and on the dashboard.
import { html } from './dom.js';
import { t, addMessages, formatNumber } from './i18n.js';
import { goalLabel, ragLabel } from './labels.js';

addMessages({
  en: {
    'goals.progress': 'Progress', 'goals.noProgress': 'No KPI data yet', 'kpi.noDate': 'No target date',
    'goals.fromKpis': 'Status from its KPIs',
  },
  id: {
    'goals.progress': 'Kemajuan', 'goals.noProgress': 'Belum ada data KPI', 'kpi.noDate': 'Belum ada tanggal target',
    'goals.fromKpis': 'Status menurut KPI-nya',
  },
});

// An SVG bar: its width is an attribute, not a style attribute, which the Content-Security-Policy would refuse.
const bar = pct => html`<svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect
  width="${Math.min(Math.max(pct, 0), 100)}" height="1"></rect></svg>`;

export function progressBar(progress) {
  if (progress == null) return html`<div class="progress none" aria-label="${t('goals.noProgress')}"></div><small
    class="muted">${t('goals.noProgress')}</small>`;
  const pct = Math.round(progress * 100);
  return html`<div class="progress" role="progressbar" aria-valuenow="${pct}" aria-valuemin="0" aria-valuemax="100"
    aria-label="${t('goals.progress')}">${bar(pct)}</div><small>${formatNumber(progress,
      { style: 'percent' })}</small>`;
}

/** A KPI's status in words: on track, at risk, behind; or why there is none. */
export function kpiStatusLabel(k) {
  return k.status === 'None' && k.latest != null ? t('kpi.noDate') : ragLabel(k.status);
}

/** The goal's status: its KPIs' where they have data (unless achieved or dropped), else the one set by hand. */
export function goalBadge(g) {
  if (g.kpiStatus && g.kpiStatus !== 'None' && g.status !== 'Achieved' && g.status !== 'Dropped') {
    return html`<span class="rag rag-${g.kpiStatus}" title="${t('goals.fromKpis')}">${ragLabel(g.kpiStatus)}</span>`;
  }
  return html`<span class="status g-${g.status}">${goalLabel(g.status)}</span>`;
}
