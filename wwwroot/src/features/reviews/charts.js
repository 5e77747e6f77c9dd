// The reviews' charts, drawn with the KPI charts' Chart.js and colours (core/charts.js): the averages of a closed
// round per question and party (bars), and each party's overall score across closed rounds (lines).
import { t, formatNumber } from '../../core/i18n.js';
import { loadCharts, palette } from '../../core/charts.js';

const scale = { min: 0, max: 5, ticks: { stepSize: 1, callback: v => formatNumber(v) } };

const base = (extra = {}) => ({
  responsive: true, maintainAspectRatio: false, animation: false,
  plugins: {
    legend: { position: 'bottom', labels: { boxWidth: 12 } },
    // c.raw: the value whichever way the bars lie.
    tooltip: { callbacks: { label: c => `${c.dataset.label}: ${c.raw == null ? '–' : formatNumber(c.raw)}` } },
  },
  ...extra,
});

/** A label in lines of at most `width` characters (Chart.js draws an array as lines), so a phone shows it whole. */
export function wrap(label, width = 18) {
  const lines = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length < width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Bars: one group per question, one bar per party and one for all parties. */
export async function resultsChart(canvas, labels, parties, questions) {
  const Chart = await loadCharts();
  const datasets = parties.map((p, i) => ({
    label: p.name, data: questions.map(q => q.byParty[p.id] ?? null), backgroundColor: palette[i % palette.length],
  }));
  datasets.push({ label: t('reviews.allParties'), data: questions.map(q => q.all), backgroundColor: '#9aa3af' });
  return new Chart(canvas, {
    type: 'bar', data: { labels: labels.map(l => wrap(l, canvas.clientWidth < 600 ? 16 : 30)), datasets },
    options: base({ indexAxis: 'y', scales: { x: scale, y: { ticks: { autoSkip: false } } } }),
  });
}

/** Lines: each party's overall average in each closed round, oldest first. */
export async function trendChart(canvas, parties, rounds) {
  const Chart = await loadCharts();
  const datasets = parties.map((p, i) => ({
    label: p.name, data: rounds.map(r => r.overallByParty?.[p.id] ?? null), borderColor: palette[i % palette.length],
    backgroundColor: palette[i % palette.length], tension: 0.2, pointRadius: 4, spanGaps: true,
  }));
  return new Chart(canvas, {
    type: 'line', data: { labels: rounds.map(r => `R${r.number}`), datasets },
    // offset: a single round sits in the middle, not on the axis.
    options: base({ scales: { x: { offset: true }, y: scale } }),
  });
}
