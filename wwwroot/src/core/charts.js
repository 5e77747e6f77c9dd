// KPI chart: actual values over time against the planned path from baseline to target (Chart.js, tree-shaken).
// The x axis counts days, so measurements and the plan's corners sit at their real dates.
// Chart.js itself is a chunk of its own, fetched by loadCharts() only on a page that draws charts.
import { t, addMessages, formatDate, formatNumber } from './i18n.js';

let Chart = null;
let loading = null;

/** Fetches Chart.js once; kpiChart may be called after this has resolved. */
export async function loadCharts() {
  loading ??= import('./chart-lib.js');
  ({ Chart } = await loading);
  return Chart;
}

/** The colours of the KPI charts, for other charts to draw each party in (first party first). */
export const palette = ['#2155c4', '#1f8a4c', '#b5651d', '#8a3ab9', '#c0392b', '#117a8b', '#6b7280'];

addMessages({
  en: {
    'chart.actual': 'Actual', 'chart.target': 'Target', 'chart.plan': 'Planned path',
    'chart.expected': 'Expected by now',
    'chart.summary': '{name}: planned path from {from} on {start} to {to} on {end}',
  },
  id: {
    'chart.actual': 'Aktual', 'chart.target': 'Target', 'chart.plan': 'Rencana capaian',
    'chart.expected': 'Seharusnya saat ini',
    'chart.summary': '{name}: rencana capaian dari {from} pada {start} hingga {to} pada {end}',
  },
});

const DAY = 86_400_000;
const day = date => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = x => formatDate(new Date(Math.round(x) * DAY).toISOString().slice(0, 10));
const todayX = () => Math.floor(Date.now() / DAY);

function datasets(kpi) {
  const actual = kpi.measurements.map(m => ({ x: day(m.date), y: m.value }));
  const plan = (kpi.plan ?? []).map(p => ({ x: day(p.date), y: p.value }));
  const sets = [{
    label: t('chart.actual'), data: actual, borderColor: '#2155c4', backgroundColor: 'rgba(33,85,196,.12)',
    fill: true, tension: 0.25, pointRadius: 3,
  }];
  const dashed = { borderColor: '#1f8a4c', borderDash: [6, 4], fill: false };
  if (plan.length > 1) {
    sets.push({ label: t('chart.plan'), data: plan, ...dashed, pointRadius: 2, tension: 0 });
  } else {
    // No dates to plan with: the target as a line across what was measured.
    const xs = [...actual.map(p => p.x), ...plan.map(p => p.x)];
    const span = xs.length ? [Math.min(...xs), Math.max(...xs)] : [todayX(), todayX()];
    sets.push({ label: t('chart.target'), data: span.map(x => ({ x, y: kpi.target })), ...dashed, pointRadius: 0 });
  }
  if (kpi.expected != null && plan.length > 1) {
    sets.push({
      label: t('chart.expected'), data: [{ x: todayX(), y: kpi.expected }],
      borderColor: '#8a5a12', backgroundColor: '#d69e2e', pointRadius: 5, pointStyle: 'rectRot', showLine: false,
    });
  }
  return sets;
}

/** What the chart shows, in words (for screen readers, and to tell the planned path is there). */
export function chartSummary(kpi) {
  const plan = kpi.plan ?? [];
  if (plan.length < 2) return kpi.name;
  const [first, last] = [plan[0], plan[plan.length - 1]];
  return t('chart.summary', {
    name: kpi.name, from: `${formatNumber(first.value)} ${kpi.unit}`.trim(), start: formatDate(first.date),
    to: `${formatNumber(last.value)} ${kpi.unit}`.trim(), end: formatDate(last.date),
  });
}

export function kpiChart(canvas, kpi) {
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: datasets(kpi) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: items => dateOf(items[0].parsed.x),
            label: c => `${c.dataset.label}: ${formatNumber(c.parsed.y)} ${kpi.unit}`,
          },
        },
      },
      scales: {
        x: { type: 'linear', ticks: { callback: v => dateOf(v), maxTicksLimit: 5, maxRotation: 0 } },
        y: { beginAtZero: kpi.direction === 'HigherIsBetter', ticks: { callback: v => formatNumber(v) } },
      },
    },
  });
}
