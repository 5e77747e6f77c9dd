// Meetings: upcoming occurrences (each person's local time and the organiser's), and one meeting's agenda
// and decisions.
// Live: agenda and decision changes of anyone in the partnership redraw the page.
import { html, mount, $, $$, toast, keepFocus, announce } from '../../core/dom.js';
import { t, addMessages, locale } from '../../core/i18n.js';
import { get, post, del } from '../../core/api.js';
import { session, openPartnership, can } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, follow, refreshOn } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { meetingMessages } from './meetings-i18n.js';
import { planMessages } from './plan-i18n.js';
import { carryOverView } from './carry-over.js';
import { moveAgendaItem, wireAgendaOrder } from './agenda-order.js';
import { editMeeting, mayManage } from './meeting-edit.js';
import { bothTimes } from './when.js';
import { mountMeetingPapers } from './papers.js';
import { clauseChip, clauseField, clauseInput } from '../../core/clause-link.js';

addMessages(meetingMessages);
addMessages(planMessages);

const recurrences = ['None', 'Weekly', 'EveryTwoWeeks', 'Monthly', 'Quarterly'];
const myZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A moment shown in a zone, e.g. "Tue 27 Oct, 10:00". */
function at(utc, timeZone) {
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit',
    minute: '2-digit', timeZone }).format(new Date(utc));
}

/** A wall-clock time of the organiser's zone as written there, e.g. "Tue 27 Oct 2026, 10:00". */
function wall(local) {
  const [y, m, d, h, mi] = local.split(/[-T:]/).map(Number);
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d, h, mi)));
}

/** The occurrence key the API takes in a URL: 2026-10-27T10:00:00 → 20261027T100000. */
export function occurrenceKey(occurrence) { return occurrence ? occurrence.replace(/[-:]/g, '').slice(0, 15) : ''; }

function memberName(partnership, userId) {
  return partnership.members.find(m => m.userId === userId)?.displayName ?? '';
}

export async function renderMeetings({ pid }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  let list = [];
  const load = async () => { list = await get(`/api/partnerships/${pid}/meetings`); };
  // A live redraw keeps the focus where it was (the same row's link, a button, the heading).
  const draw = () => keepFocus(main, () => mount(main, html`
    <div class="page-head">
      <h1 id="page-title" tabindex="-1">${t('meetings.title')}</h1>
      <a class="button" href="/p/${pid}/decisions">${t('plan.log')}</a>
      <button id="feed">${t('meetings.feed')}</button>
      ${can('Editor') ? html`<button class="primary" id="schedule">${t('meetings.schedule')}</button>` : ''}
    </div>
    ${list.length === 0 ? html`<p class="empty">${t('meetings.none')}</p>`
    : html`<ul class="meeting-list">${list.map(o => row(pid, partnership, o))}</ul>`}`));
  const wire = () => {
    $('#schedule', main)?.addEventListener('click', () => scheduleDialog(pid, partnership));
    $('#feed', main).addEventListener('click', async () => {
      let feed;
      try { feed = await post(`/api/partnerships/${pid}/calendar-feed`); } catch (err) {
        toast(err.message, 'error');
        return;
      }
      formDialog({ title: t('meetings.feed'), note: t('meetings.feedNote'), submitLabel: t('meetings.done'),
        fields: [{ name: 'url', label: t('meetings.feedUrl'), value: feed.url }], onSubmit: () => {} });
    });
  };
  const refresh = async () => { await load(); draw(); wire(); };
  return refreshOn(['meeting.updated', '*resync'], refresh);
}

function row(pid, partnership, o) {
  const link = `/p/${pid}/meetings/${o.meetingId}${o.occurrence ? `?occurrence=${occurrenceKey(o.occurrence)}` : ''}`;
  // The organiser's time and zone show even when they are the person's own, as everywhere on the meetings pages.
  const organiser = html`<br><span class="muted">${at(o.startUtc, o.timeZone)}
      ${t('meetings.organiserTime', { zone: o.timeZone })}</span>`;
  return html`<li class="card meeting-row ${o.cancelled ? 'cancelled' : ''}">
    <a class="title" href="${link}" data-row="${o.meetingId}-${occurrenceKey(o.occurrence)}">${o.title}</a>
    ${o.cancelled ? html`<span class="badge muted">${t('meetings.cancelled')}</span>` : ''}
    ${o.moved ? html`<span class="badge">${t('meetings.moved')}</span>` : ''}
    ${o.recurrence !== 'None' ? html`<span class="badge muted">${t(`meetings.rec.${o.recurrence}`)}</span>` : ''}
    <span class="when"><strong>${at(o.startUtc, myZone)}</strong>
      <span class="muted">${t('meetings.yourTime')}</span>${organiser}</span>
    <span class="muted">${t('meetings.facilitator')}: ${memberName(partnership, o.facilitatorUserId)}
      ${o.location ? ` · ${o.location}` : ''}</span>
  </li>`;
}

function scheduleDialog(pid, partnership) {
  const members = partnership.members.map(m => ({ value: m.userId, label: m.displayName }));
  formDialog({
    title: t('meetings.schedule'),
    fields: [
      { name: 'title', label: t('meetings.field.title'), required: true, maxlength: 200 },
      { name: 'start', label: t('meetings.field.start'), type: 'datetime-local', required: true },
      { name: 'durationMinutes', label: t('meetings.field.duration'), type: 'number', value: 60 },
      { name: 'timeZone', label: t('meetings.field.zone'), value: myZone, required: true },
      { name: 'recurrence', label: t('meetings.field.recurrence'), type: 'select', value: 'Weekly',
        options: recurrences.map(r => ({ value: r, label: t(`meetings.rec.${r}`) })) },
      { name: 'location', label: t('meetings.field.location'), maxlength: 500 },
      { name: 'facilitatorUserId', label: t('meetings.facilitator'), type: 'select', value: session.me.id,
        options: members },
    ],
    onSubmit: async v => {
      // Everyone in the partnership is invited; choosing attendees one by one comes with the facilitator mode.
      await post(`/api/partnerships/${pid}/meetings`, { ...v, start: v.start ? `${v.start}:00`.slice(0, 19) : null,
        attendeeUserIds: partnership.members.map(m => m.userId), version: 0 });
      toast(t('meetings.scheduled'));
    },
  });
}

export async function renderMeeting({ pid, meetingId }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  const key = new URLSearchParams(location.search).get('occurrence') ?? '';
  const page = {
    pid, partnership, main, query: key ? `?occurrence=${key}` : '', busy: false,
    base: `/api/partnerships/${pid}/meetings/${meetingId}`,
    occurrence: key ? key.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6') : null,
  };
  const load = async () => {
    const [meeting, order, carry, decisions, run] = await Promise.all([get(page.base),
      get(`${page.base}/agenda/order${page.query}`), get(`${page.base}/carry-over${page.query}`),
      get(`/api/partnerships/${pid}/decisions?meetingId=${meetingId}`),
      get(`${page.base}/run${page.query}`).catch(() => null)]);
    const ofThisOne = decisions.filter(d => (d.occurrence ?? null) === page.occurrence);
    Object.assign(page, { meeting, agenda: order.items, orderVersion: order.version, carry, decisions: ofThisOne,
      running: run?.state === 'Running' });
  };
  // The agenda and decisions redraw on live changes; the notes and minutes below them keep their own state.
  const papers = document.createElement('div');
  papers.className = 'meeting-papers';
  page.main = document.createElement('div');
  main.replaceChildren(page.main, papers);
  // A live redraw keeps the focus on the control that had it (the same agenda item's button, the heading).
  page.draw = () => keepFocus(main, () => {
    mount(page.main, meetingView(page));
    wireMeeting(page);
    // The router names the window once; a renamed meeting renames it while this page is shown.
    if (main.isConnected) document.title = `${page.meeting.title} · ${t('shell.brand')}`;
  });
  const refresh = async () => { await load(); page.draw(); };
  const kinds = ['agenda.updated', 'agenda.reordered', 'agenda.removed', 'decision.updated', 'meeting.updated',
    '*resync'];
  const offs = [await follow({
    ...Object.fromEntries(kinds.map(kind => [kind, refresh])),
    // Only a start or an end of this meeting's run changes the page (the banner), not every step or capture.
    'meeting.run': run => {
      const running = run.state === 'Running';
      if (run.meetingId !== meetingId || (run.occurrence ?? null) !== page.occurrence || running === page.running) {
        return;
      }
      page.running = running;
      page.draw();
    },
  }, refresh)];
  offs.push(await mountMeetingPapers(papers,
    { pid, meetingId, occurrence: page.occurrence, meeting: () => page.meeting }));
  return () => offs.forEach(off => off());
}

function meetingView({ meeting, agenda, decisions, partnership, base, carry, pid, query, running }) {
  const runLink = `/p/${pid}/meetings/${meeting.id}/run${query}`;
  return html`
    <div class="page-head">
      <h1 id="page-title" tabindex="-1">${meeting.title}</h1>
      ${mayManage(meeting) ? html`<button id="edit-meeting">${t('plan.edit')}</button>` : ''}
      <a class="button" href="${base}/ics" download="meeting.ics">${t('meetings.ics')}</a>
      <a class="button primary" id="run-link" href="${runLink}">${t('meetings.run')}</a>
    </div>
    ${running ? html`<p class="run-banner" role="status"><span>${t('meetings.inProgress')}</span>
      <a href="${runLink}">${t('meetings.follow')}</a></p>` : ''}
    <p class="when-line">${bothTimes(carry.startUtc, meeting.timeZone)}</p>
    <p class="muted">${t('meetings.minutes', { n: meeting.durationMinutes })}
      · ${t('meetings.facilitator')}: ${memberName(partnership, meeting.facilitatorUserId)}
      ${meeting.location ? ` · ${meeting.location}` : ''}</p>
    <div class="meeting-grid">
      <section class="card" aria-labelledby="agenda-title"><h2 id="agenda-title">${t('meetings.agenda')}</h2>
        ${carryOverView(carry, pid)}
        ${agenda.length === 0 ? html`<p class="empty">${t('meetings.agendaEmpty')}</p>`
          : html`${can('Commenter') ? html`<p class="muted small" id="order-hint">
            ${t('plan.dragHint')}</p>` : ''}
            <ol class="agenda" ${can('Commenter') ? 'data-reorder="1"' : ''}>${agenda.map((a, i) =>
              agendaRow(a, i, agenda.length))}</ol>`}
        ${can('Commenter') ? html`<button id="add-item">${t('meetings.addItem')}</button>` : ''}
      </section>
      <section class="card" aria-labelledby="decisions-title"><h2 id="decisions-title">${t('meetings.decisions')}</h2>
        ${decisions.length === 0 ? html`<p class="empty">${t('meetings.decisionsEmpty')}</p>`
          : decisions.map(decisionRow)}
        ${can('Editor') ? html`<button id="decide">${t('meetings.decide')}</button>` : ''}
      </section>
    </div>`;
}

function wireMeeting(page) {
  const { main, base, partnership, occurrence } = page;
  $$('[data-up]', main).forEach(b => b.addEventListener('click', () => reorder(page, b.dataset.up, -1)));
  $$('[data-down]', main).forEach(b => b.addEventListener('click', () => reorder(page, b.dataset.down, 1)));
  $$('[data-remove]', main).forEach(b => b.addEventListener('click', () => removeItem(page, b.dataset.remove)));
  wireAgendaOrder(page);
  $('#edit-meeting', main)?.addEventListener('click', () => editMeeting({ pid: page.pid, partnership,
    meeting: page.meeting, onSaved: () => {} }));
  $('#add-item', main)?.addEventListener('click', () => formDialog({
    title: t('meetings.addItem'),
    fields: [{ name: 'title', label: t('meetings.field.item'), required: true, maxlength: 300 },
      { name: 'minutes', label: t('meetings.field.minutes'), type: 'number', value: 10 },
      { name: 'ownerUserId', label: t('meetings.field.owner'), type: 'select', value: session.me.id,
        options: [{ value: '', label: t('meetings.noOwner') },
          ...partnership.members.map(m => ({ value: m.userId, label: m.displayName }))] }],
    onSubmit: async v => { await post(`${base}/agenda`, { ...v, minutes: v.minutes ?? 0, occurrence }); },
  }));
  $('#decide', main)?.addEventListener('click', () => decisionDialog(partnership, `${base}/decisions`, { occurrence }));
  $$('[data-revise]', main).forEach(b => b.addEventListener('click', () => {
    const d = page.decisions.find(x => x.id === b.dataset.revise);
    const url = `/api/partnerships/${page.pid}/decisions/${d.id}/revisions`;
    decisionDialog(partnership, url, { revision: d.revision }, d);
  }));
}

/** Moves an agenda item one place (step -1 up, +1 down); the focus stays with that item and the move is said. */
async function reorder(page, id, step) {
  await moveAgendaItem(page, id, page.agenda.findIndex(a => a.id === id) + step);
  // At the top or bottom the pressed button is now disabled: the other button of the same item takes the focus.
  const [same, other] = step < 0 ? ['up', 'down'] : ['down', 'up'];
  const pressed = $(`[data-${same}="${id}"]`, page.main);
  (pressed && !pressed.disabled ? pressed : $(`[data-${other}="${id}"]`, page.main))?.focus();
}

/** Removes an agenda item; the focus goes to the next item's remove button (or the add button once none is left). */
async function removeItem(page, id) {
  const at = page.agenda.findIndex(a => a.id === id);
  if (page.busy || at < 0) return;
  const { title } = page.agenda[at];
  page.busy = true;
  try {
    await del(`${page.base}/agenda/${id}`);
  } catch (err) {
    toast(err.message, 'error');
    return;
  } finally { page.busy = false; }
  page.agenda = page.agenda.filter(a => a.id !== id);
  page.draw();
  const next = page.agenda[Math.min(at, page.agenda.length - 1)];
  (next ? $(`[data-remove="${next.id}"]`, page.main) : $('#add-item', page.main))?.focus();
  announce(t('meetings.removed', { title }));
}

function agendaRow(a, i, count) {
  const owner = a.ownerName ? html` <span class="muted">· ${a.ownerName}</span>` : '';
  const tools = can('Commenter') ? html`
    <button data-up="${a.id}" aria-label="${t('meetings.up', { title: a.title })}" ${i === 0 ? 'disabled' : ''}>
      <span aria-hidden="true">↑</span></button>
    <button data-down="${a.id}" aria-label="${t('meetings.down', { title: a.title })}"
      ${i === count - 1 ? 'disabled' : ''}><span aria-hidden="true">↓</span></button>
    <button data-remove="${a.id}" aria-label="${t('meetings.remove', { title: a.title })}">
      <span aria-hidden="true">✕</span></button>` : '';
  const handle = can('Commenter') ? html`<span class="drag-handle" title="${t('plan.drag', { title: a.title })}"
    aria-hidden="true">⠿</span>` : '';
  return html`<li data-id="${a.id}" ${can('Commenter') ? html`tabindex="0" aria-describedby="order-hint"` : ''}>
    ${handle}<span class="grow">${a.title}${owner}</span>
    <span class="muted">${t('meetings.minutes', { n: a.minutes })}</span>${tools}</li>`;
}

function decisionRow(d) {
  const revision = d.revision > 1
    ? html`<span class="badge muted">${t('meetings.revision', { n: d.revision })}</span>` : '';
  const history = d.revisions.length < 2 ? '' : html`<details><summary>${t('meetings.history')}</summary><ol>
    ${d.revisions.map(r => html`<li>${r.text}
      <span class="muted">— ${r.changedByName}${r.reason ? `: ${r.reason}` : ''}</span></li>`)}</ol></details>`;
  return html`<div class="decision ${d.supersededById ? 'superseded' : ''}">
    <div class="text"><strong>${d.text}</strong> ${revision}
      ${d.supersededById ? html`<span class="badge muted">${t('meetings.superseded')}</span>` : ''}</div>
    ${d.why ? html`<div class="muted">${t('meetings.why')}: ${d.why}</div>` : ''}
    ${d.clause ? html`<div class="decision-clause">${clauseChip(session.partnership.id, d.clause)}</div>` : ''}
    ${can('Editor') && !d.supersededById ? html`<button data-revise="${d.id}">${t('meetings.revise')}</button>` : ''}
    ${history}
  </div>`;
}

// A revision offers the decision's clause as it is: left alone it is kept, picked anew it changes, "No clause" clears.
async function decisionDialog(partnership, url, extra, current) {
  const fields = [
    { name: 'text', label: t('meetings.field.decision'), type: 'textarea', value: current?.text, maxlength: 2000 },
    { name: 'why', label: t('meetings.why'), type: 'textarea', value: current?.why },
    { name: 'partyIds', label: t('meetings.field.parties'), type: 'select', value: '',
      options: [{ value: '', label: t('meetings.allParties') },
        ...partnership.parties.map(p => ({ value: p.id, label: p.name }))] },
  ];
  fields.push(await clauseField(partnership.id, current?.clause ?? null));
  if (current) fields.push({ name: 'reason', label: t('meetings.field.reason'), required: true, maxlength: 1000 });
  formDialog({
    title: current ? t('meetings.revise') : t('meetings.decide'), fields,
    onSubmit: async v => {
      const partyIds = v.partyIds ? [v.partyIds] : partnership.parties.map(p => p.id);
      const clause = clauseInput(v.clause, current?.clause ?? null);
      await post(url, { ...extra, ...v, partyIds, clause });
    },
  });
}
