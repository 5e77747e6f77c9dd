// The review rounds of a partnership (newest first) with how many of each party answered, each party's overall
// score across closed rounds, and opening a new round. Live: any change of a round redraws the list.
import { html, mount, toast, keepFocus, $ } from '../../core/dom.js';
import { t, formatDate } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { openPartnership, can } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, refreshOn } from '../../core/partnershipLive.js';
import { navigate } from '../../core/router.js';
import { updateNav } from '../../core/nav.js';
import { trendChart } from './charts.js';
import { statusBadge, progressLine } from './words.js';
import './i18n.js';

export async function renderReviews({ pid }, main) {
  await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  let list = { rounds: [], parties: [] };
  let chart = null;
  const draw = () => keepFocus(main, () => {
    chart?.destroy();
    chart = null;
    const closed = list.rounds.filter(r => r.status === 'Closed').reverse();
    mount(main, html`
      <div class="page-head">
        <h1 id="page-title" tabindex="-1">${t('reviews.title')}</h1>
        ${can('Editor') ? html`<button class="primary" id="open-round">${t('reviews.open')}</button>` : ''}
      </div>
      <p class="muted">${t('reviews.intro')}</p>
      <section class="card review-trend"><h2>${t('reviews.trend')}</h2>
        ${closed.length === 0 ? html`<p class="empty">${t('reviews.trendNone')}</p>`
        : html`<div class="chart-box review-chart-small"><canvas id="trend" role="img"
            aria-label="${t('reviews.trend')}"></canvas></div>`}</section>
      ${list.rounds.length === 0 ? html`<p class="empty">${t('reviews.none')}</p>`
      : html`<ul class="review-list">${list.rounds.map(r => row(pid, r))}</ul>`}`);
    $('#open-round', main)?.addEventListener('click', () => openDialog(pid));
    const canvas = $('#trend', main);
    if (canvas) {
      trendChart(canvas, list.parties, closed).then(c => { chart = c; });
    }
  });
  const refresh = async () => {
    list = await get(`/api/partnerships/${pid}/reviews`);
    if (main.isConnected) draw();
  };
  const stop = await refreshOn(['review.updated', '*resync'], refresh);
  return () => { stop(); chart?.destroy(); };
}

function row(pid, r) {
  return html`<li class="card review-row" data-round="${r.id}">
    <a class="title" href="/p/${pid}/reviews/${r.id}"><span class="num">R${r.number}</span> ${r.title}</a>
    ${statusBadge(r.status)}
    ${r.status === 'Open' ? html`<span class="badge ${r.answeredByMe ? 'ok' : 'muted'}">${
      t(r.answeredByMe ? 'reviews.answered' : 'reviews.notAnswered')}</span>` : ''}
    <span class="muted grow">${t('reviews.period', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })}
      · ${r.status === 'Open' ? t('reviews.closesOn', { date: formatDate(r.closesOn) })
      : t('reviews.closedOn', { date: formatDate(r.closedAt ?? r.closesOn) })}</span>
    <span class="review-progress">${r.progress.map(progressLine).join(' · ')}</span>
  </li>`;
}

const iso = date => date.toISOString().slice(0, 10);

function openDialog(pid) {
  const today = new Date();
  const monthsAgo = new Date(today.getFullYear(), today.getMonth() - 6, today.getDate());
  const inTwoWeeks = new Date(today.getTime() + 14 * 86_400_000);
  formDialog({
    title: t('reviews.open'), submitLabel: t('reviews.open'),
    fields: [
      { name: 'title', label: t('reviews.field.title'), required: true, maxlength: 200 },
      { name: 'periodFrom', label: t('reviews.field.periodFrom'), type: 'date', value: iso(monthsAgo) },
      { name: 'periodTo', label: t('reviews.field.periodTo'), type: 'date', value: iso(today) },
      { name: 'closesOn', label: t('reviews.field.closesOn'), type: 'date', value: iso(inTwoWeeks) },
    ],
    onSubmit: async v => {
      const created = await post(`/api/partnerships/${pid}/reviews`, {
        title: v.title ?? '', periodFrom: v.periodFrom || null, periodTo: v.periodTo || null,
        closesOn: v.closesOn || null,
      });
      toast(t('reviews.opened'));
      navigate(`/p/${pid}/reviews/${created.id}`);
    },
  });
}
