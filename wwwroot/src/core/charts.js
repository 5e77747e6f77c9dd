// KPI chart: actual values over time against the target line (Chart.js, tree-shaken).
import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler } from 'chart.js';
import { t, addMessages, formatDate, formatNumber } from './i18n.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler);

addMessages({ en: { 'chart.actual': 'Actual', 'chart.target': 'Target' }, id: { 'chart.actual': 'Aktual', 'chart.target': 'Target' } });

function data(kpi) {
  const points = kpi.measurements;
  return {
    labels: points.map(m => formatDate(m.date)),
    datasets: [
      { label: t('chart.actual'), data: points.map(m => m.value), borderColor: '#2155c4', backgroundColor: 'rgba(33,85,196,.12)', fill: true, tension: 0.25, pointRadius: 3 },
      { label: t('chart.target'), data: points.map(() => kpi.target), borderColor: '#1f8a4c', borderDash: [6, 4], pointRadius: 0, fill: false },
    ],
  };
}

export function kpiChart(canvas, kpi) {
  return new Chart(canvas, {
    type: 'line',
    data: data(kpi),
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: { callbacks: { label: c => `${c.dataset.label}: ${formatNumber(c.parsed.y)} ${kpi.unit}` } } },
      scales: { y: { beginAtZero: kpi.direction === 'HigherIsBetter', ticks: { callback: v => formatNumber(v) } } },
    },
  });
}

