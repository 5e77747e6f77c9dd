// Facilitator mode: one meeting occurrence run live. The facilitator (or an owner) starts it and steps through the
// agenda; every attendee's screen follows the `meeting.run` pushes. The timer is the server's: each view carries the
// server's time, so the offset to this device's clock is known and the elapsed time is the same on every screen.
import { mount, $, $$, toast, keepFocus, announce } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { session, openPartnership, can } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { meetingMessages } from './meetings-i18n.js';
import { runMessages } from './run-i18n.js';
import { runView, hint, clock } from './run-view.js';
import { parseCapture } from './capture.js';
import { clauseList } from '../../core/clause-link.js';

addMessages(meetingMessages);
addMessages(runMessages);

/** 20261027T100000 → 2026-10-27T10:00:00 (the occurrence as the API's bodies name it). */
const occurrenceOf = key => (key ? key.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6') : null);

export async function renderRun({ pid, meetingId }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  const key = new URLSearchParams(location.search).get('occurrence') ?? '';
  const query = key ? `?occurrence=${key}` : '';
  const page = {
    pid, partnership, main, occurrence: occurrenceOf(key), busy: false, offset: 0,
    base: `/api/partnerships/${pid}/meetings/${meetingId}`, back: `/p/${pid}/meetings/${meetingId}${query}`,
  };
  const load = async () => {
    const sent = Date.now();
    const [meeting, run] = await Promise.all([get(page.base), get(`${page.base}/run${query}`)]);
    page.meeting = meeting;
    accept(page, run, (sent + Date.now()) / 2);
  };
  page.draw = () => keepFocus(main, () => {
    page.manages = can('Owner') || page.run.facilitatorUserId === session.me.id;
    page.canCapture = can('Editor');
    mount(main, runView(page));
    wire(page);
    tick(page);
    if (main.isConnected) document.title = `${page.meeting.title} · ${t('run.open')} · ${t('shell.brand')}`;
  });
  const stop = await follow({
    'meeting.run': run => {
      if (run.meetingId !== meetingId || (run.occurrence ?? null) !== page.occurrence) return;
      const was = page.run.currentItemId;
      accept(page, run, Date.now());
      page.draw();
      if (run.currentItemId && run.currentItemId !== was) sayCurrent(page);
    },
    'meeting.updated': m => { if (m.id === meetingId) { page.meeting = m; page.draw(); } },
    '*resync': async () => { await load(); page.draw(); },
  }, async () => {
    await load();
    // The capture bar's § names a clause of these; a partnership without agreements simply has none to name.
    page.clauses = can('Editor') ? await clauseList(pid).catch(() => []) : [];
    page.draw();
  });
  $('#capture', main)?.focus();
  const timer = setInterval(() => tick(page), 1000);
  const keys = e => shortcut(page, e);
  document.addEventListener('keydown', keys);
  return () => { clearInterval(timer); document.removeEventListener('keydown', keys); stop(); };
}

/** Takes a run view; `at` is this device's time when the server made it (for the clock offset). A push older
 * than what is shown (a slow response overtaken by a push) is ignored. */
function accept(page, run, at) {
  if (page.run && run.version < page.run.version) return;
  page.run = run;
  page.offset = Date.parse(run.serverNow) - at;
}

/** Updates the current item's timer (once a second, and after every redraw). */
function tick(page) {
  const elapsedEl = $('#run-elapsed', page.main);
  const { run } = page;
  const item = run.items.find(i => i.id === run.currentItemId);
  if (!elapsedEl || !item || !run.currentSince) return;
  const now = Date.now() + page.offset;
  const seconds = item.secondsSpent + Math.max(0, (now - Date.parse(run.currentSince)) / 1000);
  elapsedEl.textContent = clock(seconds);
  const over = item.minutes > 0 ? seconds - item.minutes * 60 : 0;
  const overEl = $('#run-over', page.main);
  $('#run-timer', page.main).classList.toggle('overtime', over > 0);
  overEl.hidden = over <= 0;
  if (over > 0) overEl.textContent = t('run.over', { time: clock(over) });
}

function sayCurrent(page) {
  const index = page.run.items.findIndex(i => i.id === page.run.currentItemId);
  if (index >= 0) announce(t('run.nowOn', { n: index + 1, title: page.run.items[index].title }));
}

function shortcut(page, e) {
  if (!e.altKey || !page.manages || page.run.state !== 'Running') return;
  if (e.key === 'ArrowRight') { e.preventDefault(); command(page, '/next'); }
  if (e.key === 'ArrowLeft') { e.preventDefault(); command(page, '/previous'); }
}

/** Sends a run command; the answer is drawn at once (the push that follows changes nothing more). */
async function command(page, path, body = {}) {
  if (page.busy) return null;
  page.busy = true;
  try {
    const sent = Date.now();
    const run = await post(`${page.base}/run${path}`, { occurrence: page.occurrence, ...body });
    const was = page.run.currentItemId;
    accept(page, run, (sent + Date.now()) / 2);
    page.draw();
    if (run.currentItemId !== was) sayCurrent(page);
    return run;
  } catch (err) {
    toast(err.message, 'error');
    return null;
  } finally { page.busy = false; }
}

function wire(page) {
  const { main } = page;
  $('#run-start', main)?.addEventListener('click', async () => {
    if (await command(page, '/start')) $('#capture', main)?.focus();
  });
  $('#run-next', main)?.addEventListener('click', () => command(page, '/next'));
  $('#run-previous', main)?.addEventListener('click', () => command(page, '/previous'));
  $('#run-end', main)?.addEventListener('click', () => endDialog(page));
  $$('[data-present]', main).forEach(b => b.addEventListener('click', () =>
    command(page, '/attendance', { userId: b.dataset.present, present: true })));
  $$('[data-absent]', main).forEach(b => b.addEventListener('click', () =>
    command(page, '/attendance', { userId: b.dataset.absent, present: false })));
  $('#handover-form', main)?.addEventListener('submit', async e => {
    e.preventDefault();
    const userId = $('#handover', main).value;
    const name = page.partnership.members.find(m => m.userId === userId)?.displayName;
    if (await command(page, '/facilitator', { userId })) toast(t('run.handed', { name }));
  });
  const input = $('#capture', main);
  if (!input) return;
  const showHint = () => {
    const parsed = parseCapture(input.value, page.partnership.members, new Date(), page.clauses);
    const el = $('#capture-hint', main);
    el.textContent = hint(parsed);
    el.classList.toggle('problem', !!parsed.problem || parsed.kind === 'unknown');
    input.setAttribute('aria-invalid', String(!!parsed.problem));
  };
  input.addEventListener('input', showHint);
  showHint();
  $('#capture-form', main).addEventListener('submit', e => {
    e.preventDefault();
    capture(page, input);
  });
}

/** Records what the capture line says against the current agenda item; the line empties once it is saved. */
async function capture(page, input) {
  const parsed = parseCapture(input.value, page.partnership.members, new Date(), page.clauses);
  if (parsed.problem || !['decision', 'action'].includes(parsed.kind)) {
    input.focus();
    return;
  }
  const clause = parsed.clause ? { agreementId: parsed.clause.agreementId, number: parsed.clause.number } : null;
  const body = parsed.kind === 'decision' ? { text: parsed.text, clause }
    : { title: parsed.title, ownerUserId: parsed.owner?.userId ?? null, dueDate: parsed.due, clause };
  const done = await command(page, parsed.kind === 'decision' ? '/decisions' : '/action-items', body);
  if (!done) return;
  const field = $('#capture', page.main);
  field.value = '';
  field.dispatchEvent(new Event('input'));
  field.focus();
  announce(t('run.recorded', { text: parsed.kind === 'decision' ? parsed.text : parsed.title }));
}

function endDialog(page) {
  const unreached = page.run.items.filter(i => i.outcome !== 'Reached' && i.id !== page.run.currentItemId);
  formDialog({
    title: t('run.endTitle'), submitLabel: t('run.end'),
    note: unreached.length ? t('run.endNote') : t('run.endAll'),
    fields: unreached.map(i => ({
      name: i.id, label: i.title, type: 'select', value: 'carry',
      options: [{ value: 'carry', label: t('run.carry') }, { value: 'drop', label: t('run.drop') }],
    })),
    onSubmit: async v => {
      const items = unreached.map(i => ({ agendaItemId: i.id, carry: v[i.id] !== 'drop' }));
      const run = await post(`${page.base}/run/end`, { occurrence: page.occurrence, items });
      accept(page, run, Date.now());
      page.draw();
    },
  });
}
