// The markup of one round: while open, the answer form and how many of each party answered; once closed, the
// results per party (chart and table), the free texts by party and the agreed changes.
import { html } from '../../core/dom.js';
import { t, formatDate } from '../../core/i18n.js';
import { statusBadge, progressLine, score, questionLabel } from './words.js';

const fixed = ['overall', 'communication', 'fairness', 'progress'];

export function reviewView(page) {
  const r = page.r;
  return html`
    <p class="crumbs"><a href="/p/${page.pid}/reviews">← ${t('reviews.back')}</a></p>
    <div class="page-head">
      <h1 id="page-title" tabindex="-1"><span class="num">R${r.number}</span> ${r.title}</h1>
      ${statusBadge(r.status)}
      ${r.status === 'Open' && page.canRun ? html`<button id="close-round">${t('reviews.close')}</button>` : ''}
    </div>
    <p class="muted">${t('reviews.period', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })} ·
      ${r.status === 'Open' ? t('reviews.closesOn', { date: formatDate(r.closesOn) })
      : t('reviews.closedOn', { date: formatDate(r.closedAt ?? r.closesOn) })}
      · ${t('reviews.by', { name: r.openedByName })}</p>
    <ul class="review-progress-list" id="progress" aria-live="polite">${progressItems(r)}</ul>
    ${r.status === 'Open' ? answerForm(r) : results(page)}`;
}

export const progressItems = r => html`${r.progress.map(p => html`<li>${progressLine(p)}</li>`)}`;

function scoreRow(name, label, value, optional) {
  const options = [1, 2, 3, 4, 5];
  return html`<fieldset class="score-row"><legend>${label}</legend><div class="scores">
    ${optional ? html`<label class="score skip"><input type="radio" name="${name}" value=""
      ${value == null ? 'checked' : ''}><span>${t('reviews.skip')}</span></label>` : ''}
    ${options.map(n => html`<label class="score"><input type="radio" name="${name}" value="${n}"
      ${value === n ? 'checked' : ''} ${optional ? '' : 'required'}><span>${n}</span></label>`)}
  </div></fieldset>`;
}

function answerForm(r) {
  const mine = r.mine;
  return html`<section class="card review-answer"><h2>${t('reviews.yourAnswer')}</h2>
    <p class="muted">${t('reviews.scale')} · ${t('reviews.hidden')}</p>
    ${mine ? html`<p class="notice" id="answered-at">${
      t('reviews.answeredAt', { date: formatDate(mine.at) })}</p>` : ''}
    <form id="answer-form" class="stack">
      ${fixed.map(q => scoreRow(q, t(`reviews.q.${q}`), mine?.[q] ?? null, false))}
      ${r.goals.map(g => scoreRow(`goal-${g.id}`, t('reviews.q.goal', { title: g.title }),
        mine?.goals?.[g.id] ?? null, true))}
      <label>${t('reviews.works')}<textarea name="whatWorks" maxlength="2000" rows="3">${
        mine?.whatWorks ?? ''}</textarea></label>
      <label>${t('reviews.change')}<textarea name="whatShouldChange" maxlength="2000" rows="3">${
        mine?.whatShouldChange ?? ''}</textarea></label>
      <button type="submit" class="primary">${t(mine ? 'reviews.update' : 'reviews.send')}</button>
    </form></section>`;
}

function results(page) {
  const r = page.r;
  const parties = page.parties;
  const questions = r.results?.questions ?? [];
  return html`<section class="card review-results"><h2>${t('reviews.results')}</h2>
      <div class="chart-box review-chart" id="results-box"><canvas id="results-chart" role="img"
        aria-label="${t('reviews.results')}"></canvas></div>
      <div class="table-scroll"><table class="review-table"><thead><tr><th>${t('reviews.score')}</th>
        ${parties.map(p => html`<th>${p.name}</th>`)}<th>${t('reviews.allParties')}</th></tr></thead>
        <tbody>${questions.map(q => html`<tr><th scope="row">${questionLabel(q, r.goals)}</th>
          ${parties.map(p => html`<td>${score(q.byParty[p.id])}</td>`)}<td>${score(q.all)}</td></tr>`)}</tbody>
      </table></div></section>
    <div class="review-texts">${parties.map(p => texts(p, r.results?.texts.find(x => x.partyId === p.id)))}</div>
    ${changes(page)}`;
}

function texts(party, said) {
  const list = items => (items?.length ? html`<ul>${items.map(x => html`<li>${x}</li>`)}</ul>`
    : html`<p class="empty">${t('reviews.noTexts')}</p>`);
  return html`<section class="card review-said"><h2>${t('reviews.textsOf', { party: party.name })}</h2>
    <h3>${t('reviews.works')}</h3>${list(said?.whatWorks)}
    <h3>${t('reviews.change')}</h3>${list(said?.whatShouldChange)}</section>`;
}

function changes(page) {
  const r = page.r;
  return html`<section class="card review-changes"><h2>${t('reviews.changes')}</h2>
    <p class="muted">${t('reviews.changesIntro')}</p>
    ${r.changes.length === 0 ? html`<p class="empty">${t('reviews.changesNone')}</p>`
    : html`<ol class="change-list">${r.changes.map(c => html`<li data-change="${c.id}">
      <span class="change-text">${c.text}</span>
      <small class="muted">${c.byName} · ${formatDate(c.at)}</small>
      ${c.actionItemNumber != null
        ? html`<a class="badge ok" href="/p/${page.pid}/actions">${
          t('reviews.item', { number: c.actionItemNumber })}</a>`
        : page.canRun ? html`<button class="small" data-to-item="${c.id}">${t('reviews.toItem')}</button>` : ''}
    </li>`)}</ol>`}
    ${page.canNote ? html`<form id="change-form" class="inline-form">
      <label class="grow">${t('reviews.changeText')}<input name="text" maxlength="500" required></label>
      <button type="submit">${t('reviews.addChange')}</button></form>` : ''}
  </section>`;
}
