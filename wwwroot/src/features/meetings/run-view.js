// Facilitator mode's markup: what the run looks like for one person (views never fetch).
import { html } from '../../core/dom.js';
import { t, formatDate } from '../../core/i18n.js';
import { parseCapture } from './capture.js';

/** Seconds as m:ss (or h:mm:ss). */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = n => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

export function runView(page) {
  const { meeting, run, partnership } = page;
  const facilitator = partnership.members.find(m => m.userId === run.facilitatorUserId)?.displayName ?? '';
  return html`
    <div class="page-head">
      <h1 id="page-title" tabindex="-1">${meeting.title}</h1>
      <span class="badge run-state state-${run.state}">${t(`run.state.${run.state}`)}</span>
      <a class="button" href="${page.back}">${t('run.back')}</a>
    </div>
    <p class="muted">${t('run.facilitator')}: <strong>${facilitator}</strong></p>
    <div class="run-grid">
      <div class="run-main">
        ${nowCard(page)}
        ${page.canCapture && run.state === 'Running' ? captureBar(page) : ''}
        ${capturedCard(page)}
      </div>
      <div class="run-side">
        ${agendaCard(run)}
        ${attendanceCard(page)}
        ${page.manages && run.state !== 'Ended' ? handOver(page) : ''}
      </div>
    </div>`;
}

function nowCard(page) {
  const { run } = page;
  const index = run.items.findIndex(i => i.id === run.currentItemId);
  const item = run.items[index];
  let body;
  if (run.state === 'NotStarted') {
    body = page.manages ? html`<button class="primary" id="run-start">${t('run.start')}</button>`
      : html`<p class="muted">${t('run.waiting')}</p>`;
  } else if (run.state === 'Ended' || !item) {
    body = html`<p>${t('run.endedNote')}</p>`;
  } else {
    body = html`
      <p class="run-item-title">${item.title}</p>
      ${item.ownerName ? html`<p class="muted">${t('run.presenter', { name: item.ownerName })}</p>` : ''}
      <div class="run-timer" id="run-timer" role="group" aria-label="${t('run.timer')}">
        <span class="elapsed" id="run-elapsed">0:00</span>
        ${item.minutes ? html`<span class="planned muted">${t('run.planned',
    { time: clock(item.minutes * 60) })}</span>` : ''}
        <span class="over" id="run-over" hidden></span>
      </div>
      ${page.manages ? html`<div class="run-steps">
        <button id="run-previous" ${index <= 0 ? 'disabled' : ''} aria-keyshortcuts="Alt+ArrowLeft">
          <span aria-hidden="true">←</span> ${t('run.previous')}</button>
        <button id="run-next" class="primary" ${index >= run.items.length - 1 ? 'disabled' : ''}
          aria-keyshortcuts="Alt+ArrowRight">${t('run.next')} <span aria-hidden="true">→</span></button>
        <button id="run-end" class="danger">${t('run.end')}</button>
      </div>
      <p class="muted small">${t('run.keys')}</p>` : ''}`;
  }
  return html`<section class="card run-now" aria-labelledby="now-title">
    <h2 id="now-title">${run.state === 'Running' && item ? t('run.itemOf', { n: index + 1, count: run.items.length })
    : t(`run.state.${run.state}`)}</h2>
    ${body}
  </section>`;
}

function captureBar(page) {
  return html`<form id="capture-form" class="card capture-bar" autocomplete="off">
    <label for="capture">${t('run.capture')}</label>
    <div class="capture-row">
      <input id="capture" name="capture" maxlength="2100" placeholder="${t('run.placeholder')}"
        aria-describedby="capture-hint" spellcheck="false">
      <button type="submit" class="primary">${t('run.record')}</button>
    </div>
    <p id="capture-hint" class="capture-hint muted">${hint(parseCapture('', page.partnership.members))}</p>
  </form>`;
}

/** Says what the capture line will record, or what is wrong with it. */
export function hint(parsed) {
  if (parsed.problem) return t(`run.hint.${parsed.problem.code}`, { value: parsed.problem.value ?? '' });
  const clause = parsed.clause ? t('run.hint.clause', parsed.clause) : '';
  if (parsed.kind === 'decision') {
    return [t('run.hint.decision', { text: parsed.text }), clause].filter(Boolean).join(' · ');
  }
  if (parsed.kind === 'action') {
    return [t('run.hint.action', { title: parsed.title }),
      parsed.owner ? t('run.hint.owner', { name: parsed.owner.displayName }) : '',
      parsed.due ? t('run.hint.due', { date: formatDate(parsed.due) }) : '', clause].filter(Boolean).join(' · ');
  }
  return t(`run.hint.${parsed.kind}`);
}

function capturedCard({ run }) {
  const titleOf = id => run.items.find(i => i.id === id)?.title;
  const rows = [...run.captures].reverse().map(c => html`<li class="capture ${c.kind}" data-capture="${c.id}">
    <span class="badge ${c.kind === 'decision' ? '' : 'muted'}">${c.kind === 'decision' ? t('run.decision')
    : `A${c.number}`}</span>
    <span class="grow"><strong>${c.text}</strong>
      ${c.kind === 'action' ? html`<span class="muted"> · ${c.ownerName ?? t('run.unassigned')}${c.dueDate
    ? ` · ${formatDate(c.dueDate)}` : ''}</span>` : ''}
      ${titleOf(c.agendaItemId) ? html`<br><span class="muted small">${titleOf(c.agendaItemId)}</span>` : ''}</span>
  </li>`);
  return html`<section class="card" aria-labelledby="captured-title">
    <h2 id="captured-title">${t('run.captured')}</h2>
    ${rows.length ? html`<ul class="captures" aria-live="polite">${rows}</ul>`
    : html`<p class="empty">${t('run.capturedNone')}</p>`}
  </section>`;
}

function agendaCard(run) {
  return html`<section class="card" aria-labelledby="run-agenda-title">
    <h2 id="run-agenda-title">${t('run.agenda')}</h2>
    <ol class="run-agenda">${run.items.map(i => {
    const current = i.id === run.currentItemId;
    const mark = current ? t('run.current') : i.outcome === 'Reached' ? t('run.reached')
      : i.outcome ? t(`run.${i.outcome}`) : '';
    return html`<li class="${current ? 'current' : ''} ${i.outcome ? `outcome-${i.outcome}` : ''}"
        ${current ? 'aria-current="step"' : ''}>
      <span class="grow">${i.title}</span>
      ${mark ? html`<span class="badge ${current ? '' : 'muted'}">${mark}</span>` : ''}
      <span class="muted small">${t('run.spent', { spent: clock(i.secondsSpent), planned: i.minutes })}</span>
    </li>`;
  })}</ol>
  </section>`;
}

function attendanceCard(page) {
  const { run, partnership } = page;
  const party = id => partnership.parties.find(p => p.id === id)?.name ?? '';
  return html`<section class="card" aria-labelledby="attendance-title">
    <h2 id="attendance-title">${t('run.attendance')}</h2>
    <ul class="attendance">${run.attendance.map(a => html`<li>
      <span class="grow">${a.name} <span class="muted small">· ${party(a.partyId)}${a.invited ? ''
    : ` · ${t('run.guest')}`}</span></span>
      ${page.manages ? html`<span class="toggle" role="group" aria-label="${a.name}">
        <button data-present="${a.userId}" aria-pressed="${a.present === true}"
          aria-label="${t('run.presentOf', { name: a.name })}">${t('run.present')}</button>
        <button data-absent="${a.userId}" aria-pressed="${a.present === false}"
          aria-label="${t('run.absentOf', { name: a.name })}">${t('run.absent')}</button></span>`
    : html`<span class="${a.present ? '' : 'muted'}">${a.present === true ? t('run.present')
      : a.present === false ? t('run.absent') : t('run.notMarked')}</span>`}
    </li>`)}</ul>
  </section>`;
}

function handOver({ run }) {
  const candidates = run.attendance.filter(a => (a.invited || a.present) && a.userId !== run.facilitatorUserId);
  if (candidates.length === 0) return '';
  return html`<form id="handover-form" class="card handover">
    <label for="handover">${t('run.handTo')}</label>
    <div class="capture-row">
      <select id="handover" name="handover">${candidates.map(a => html`<option value="${a.userId}">${a.name}
        </option>`)}</select>
      <button type="submit">${t('run.handOver')}</button>
    </div>
  </form>`;
}
