// Goals & KPIs: shared goals with progress, KPIs with actual-vs-target charts, measurements from any party.
import { html, mount, $, $$, toast, selectorOf } from '../../core/dom.js';
import { t, addMessages, formatDate, formatNumber } from '../../core/i18n.js';
import { get, post, put, del } from '../../core/api.js';
import { session, openPartnership, can } from '../../core/session.js';
import { goalStatuses, goalLabel, today } from '../../core/labels.js';
import { partyName } from '../../core/people.js';
import { progressBar, goalBadge, kpiStatusLabel } from '../../core/goal-view.js';
import { versionedDialog } from '../../core/versioned.js';
import { kpiChart, chartSummary, loadCharts } from '../../core/charts.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';

addMessages({
  en: {
    'goals.title': 'Goals & KPIs', 'goals.newGoal': 'New goal', 'goals.newKpi': 'New KPI',
    'goals.none': 'No shared goals yet. Agree on a first one together.',
    'goals.kpis': 'Key performance indicators', 'goals.noKpis': 'No KPIs yet. Add one to measure a goal.',
    'goals.field.title': 'Goal', 'goals.field.description': 'Description',
    'goals.field.criteria': 'Success criteria (one per line)',
    'goals.field.owner': 'Owner organisation', 'goals.field.target': 'Target date', 'goals.field.status': 'Status',
    'goals.due': 'Target {date}', 'goals.editGoal': 'Edit goal',
    'goals.deleteGoal': 'Delete this goal? Its KPIs stay.', 'kpi.field.name': 'KPI', 'kpi.field.unit': 'Unit',
    'kpi.field.direction': 'Direction',
    'kpi.field.baseline': 'Baseline (optional)', 'kpi.field.target': 'Target', 'kpi.field.goal': 'Measures goal',
    'kpi.noGoal': 'No goal',
    'kpi.latest': 'Latest', 'kpi.target': 'Target', 'kpi.add': 'Add measurement', 'kpi.value': 'Value',
    'kpi.date': 'Date', 'kpi.note': 'Note',
    'kpi.history': 'History', 'kpi.by': 'by {name}', 'kpi.edit': 'Edit KPI',
    'kpi.deleteConfirm': 'Delete this KPI and its measurements?',
    'kpi.expected': 'Expected by now: {value}',
    'kpi.field.start': 'Start date (at the baseline)', 'kpi.field.targetDate': 'Target date (empty: the goal’s)',
    'kpi.field.milestones': 'Phased targets (optional), one per line: date and value, e.g. 2027-03-31 80',
    'kpi.badMilestone': 'Line {n} of the phased targets is not a date and a value (e.g. 2027-03-31 80).',
    'kpi.owner': 'Owned by {party}', 'goals.linked': '{kpis} KPIs · {done} of {total} action items done',
    'goals.seeItems': 'action items', 'goals.linkedKpis': '{kpis} KPIs',
  },
  id: {
    'goals.title': 'Tujuan & KPI', 'goals.newGoal': 'Tujuan baru', 'goals.newKpi': 'KPI baru',
    'goals.none': 'Belum ada tujuan bersama. Sepakati yang pertama bersama-sama.',
    'goals.kpis': 'Indikator kinerja utama', 'goals.noKpis': 'Belum ada KPI. Tambahkan untuk mengukur tujuan.',
    'goals.field.title': 'Tujuan', 'goals.field.description': 'Deskripsi',
    'goals.field.criteria': 'Kriteria keberhasilan (satu per baris)',
    'goals.field.owner': 'Organisasi pemilik', 'goals.field.target': 'Tanggal target', 'goals.field.status': 'Status',
    'goals.due': 'Target {date}', 'goals.editGoal': 'Ubah tujuan',
    'goals.deleteGoal': 'Hapus tujuan ini? KPI-nya tetap ada.', 'kpi.field.name': 'KPI', 'kpi.field.unit': 'Satuan',
    'kpi.field.direction': 'Arah',
    'kpi.field.baseline': 'Nilai awal (opsional)', 'kpi.field.target': 'Target', 'kpi.field.goal': 'Mengukur tujuan',
    'kpi.noGoal': 'Tanpa tujuan',
    'kpi.latest': 'Terbaru', 'kpi.target': 'Target', 'kpi.add': 'Catat nilai', 'kpi.value': 'Nilai',
    'kpi.date': 'Tanggal', 'kpi.note': 'Catatan',
    'kpi.history': 'Riwayat', 'kpi.by': 'oleh {name}', 'kpi.edit': 'Ubah KPI',
    'kpi.deleteConfirm': 'Hapus KPI ini beserta semua nilainya?',
    'kpi.expected': 'Seharusnya saat ini: {value}',
    'kpi.field.start': 'Tanggal mulai (saat nilai awal)',
    'kpi.field.targetDate': 'Tanggal target (kosong: ikut tujuan)',
    'kpi.field.milestones': 'Target bertahap (opsional), satu per baris: tanggal dan nilai, mis. 2027-03-31 80',
    'kpi.badMilestone': 'Baris {n} target bertahap belum berisi tanggal dan nilai (mis. 2027-03-31 80).',
    'kpi.owner': 'Dimiliki {party}', 'goals.linked': '{kpis} KPI · {done} dari {total} tugas selesai',
    'goals.seeItems': 'tugas', 'goals.linkedKpis': '{kpis} KPI',
  },
});

const withUnit = (value, unit) => `${formatNumber(value)} ${unit ?? ''}`.trim();

/** "2027-03-31 80" per line → [{ date, value }]; throws, naming the line, when one is not a date and a number. */
const milestonesText = list => (list ?? []).map(m => `${m.date} ${m.value}`).join('\n');

function readMilestones(text) {
  return (text ?? '').split('\n').map(l => l.trim()).filter(Boolean).map((line, i) => {
    const m = /^(\d{4}-\d{2}-\d{2})\s*[=:;]?\s*(-?\d+(?:[.,]\d+)?)$/.exec(line);
    const value = m && Number(m[2].replace(',', '.'));
    if (!m || !Number.isFinite(value)) throw new Error(t('kpi.badMilestone', { n: i + 1 }));
    return { date: m[1], value };
  });
}

export async function renderGoals({ pid }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  // The page's state, shared by its parts below.
  const page = {
    pid, main, board: null, items: [], charts: new Map(), editor: can('Editor'),
    partyOptions: partnership.parties.map(p => ({ value: p.id, label: p.name })),
    myParty: partnership.members.find(m => m.userId === session.me.id)?.partyId,
  };
  const stop = await follow(liveUpdates(page), async () => {
    [page.board, page.items] = await Promise.all([get(`/api/partnerships/${pid}/goals`),
      get(`/api/partnerships/${pid}/action-items`), loadCharts()]);
    draw(page);
  });
  return () => { stop(); page.charts.forEach(c => c.destroy()); };
}

function draw(page) {
  const { main, board, editor, charts } = page;
  charts.forEach(c => c.destroy());
  charts.clear();
  mount(main, html`
    <div class="page-head"><h1>${t('goals.title')}</h1>
      ${editor ? html`<button class="primary" id="new-goal">${t('goals.newGoal')}</button>
        <button id="new-kpi">${t('goals.newKpi')}</button>` : ''}</div>
    ${board.goals.length === 0 ? html`<p class="empty">${t('goals.none')}</p>`
      : html`<div class="goal-grid">${board.goals.map(g => goalCard(page, g))}</div>`}
    <h2 class="section">${t('goals.kpis')}</h2>
    ${board.kpis.length === 0 ? html`<p class="empty">${t('goals.noKpis')}</p>`
      : html`<div class="kpi-grid">${board.kpis.map(k => kpiCard(page, k))}</div>`}`);
  $('#new-goal', main)?.addEventListener('click', () => goalDialog(page, null));
  $('#new-kpi', main)?.addEventListener('click', () => kpiDialog(page, null));
  bind(page, main);
}

// Wires up buttons, forms and charts inside `root` (the page, or one card replaced live).
function bind(page, root) {
  const { pid, board, charts } = page;
  for (const canvas of $$('canvas[data-chart]', root)) {
    const kpi = board.kpis.find(k => k.id === canvas.dataset.chart);
    charts.get(kpi.id)?.destroy();
    charts.set(kpi.id, kpiChart(canvas, kpi));
    canvas.dataset.points = String(kpi.measurements.length);
  }
  $$('[data-edit-goal]', root).forEach(b => b.addEventListener('click',
    () => goalDialog(page, board.goals.find(g => g.id === b.dataset.editGoal))));
  $$('[data-edit-kpi]', root).forEach(b => b.addEventListener('click',
    () => kpiDialog(page, board.kpis.find(k => k.id === b.dataset.editKpi))));
  $$('form.measure', root).forEach(f => f.addEventListener('submit', async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(f));
    try {
      const kpi = await post(`/api/partnerships/${pid}/kpis/${f.dataset.kpi}/measurements`,
        { date: data.date, value: data.value === '' ? null : Number(data.value), note: data.note });
      upsertKpi(page, kpi);
      replaceCard(page, kpi.id, kpiCard(page, kpi));
    } catch (err) { toast(err.message, 'error'); }
  }));
}

function replaceCard(page, id, content) {
  const el = page.main.querySelector(`[data-kpi="${id}"], [data-goal="${id}"]`);
  if (!el) { draw(page); return; }
  const holder = document.createElement('div');
  mount(holder, content);
  const fresh = holder.firstElementChild;
  // Whoever was typing or had just added a value keeps their place in the card rather than the top of the page.
  const focused = el.contains(document.activeElement) ? selectorOf(document.activeElement) : null;
  el.replaceWith(fresh);
  bind(page, fresh);
  if (focused) fresh.querySelector(focused)?.focus();
}

function upsertKpi({ board }, kpi) {
  const i = board.kpis.findIndex(k => k.id === kpi.id);
  if (i < 0) board.kpis.push(kpi); else board.kpis[i] = kpi;
}

function upsertGoal({ board }, goal) {
  const i = board.goals.findIndex(g => g.id === goal.id);
  if (i < 0) board.goals.push(goal); else if (board.goals[i].version <= goal.version) board.goals[i] = goal;
}

function goalCard(page, g) {
  const criteria = g.successCriteria.split('\n').filter(Boolean);
  return html`<article class="card goal" data-goal="${g.id}">
    <div class="card-head"><h3 title="${g.title}">${g.title}</h3>${goalBadge(g)}</div>
    <p class="muted small">${partyName(g.ownerPartyId)}${g.targetDate
      ? html` · ${t('goals.due', { date: formatDate(g.targetDate) })}` : ''}</p>
    ${g.description ? html`<p>${g.description}</p>` : ''}
    ${criteria.length ? html`<ul class="criteria">${criteria.map(c => html`<li>${c}</li>`)}</ul>` : ''}
    <div class="progress-row">${progressBar(g.progress)}</div>
    ${linkedItems(page, g)}
    ${page.editor ? html`<button class="link" data-edit-goal="${g.id}">${t('common.edit')}</button>` : ''}
  </article>`;
}

function linkedItems({ pid, items, board }, g) {
  const mine = items.filter(i => i.goalId === g.id);
  const kpis = board.kpis.filter(k => k.goalId === g.id).length;
  if (mine.length === 0 && kpis === 0) return '';
  const done = mine.filter(i => i.status === 'Done').length;
  const text = mine.length ? t('goals.linked', { kpis, done, total: mine.length }) : t('goals.linkedKpis', { kpis });
  return html`<p class="muted small linked">${text} · <a href="/p/${pid}/actions">${t('goals.seeItems')}</a></p>`;
}

const numberOrDash = n => (n == null ? '—' : formatNumber(n));

function kpiCard({ editor }, k) {
  const last = k.measurements.slice(-5).reverse();
  return html`<article class="card kpi rag-${k.status}" data-kpi="${k.id}">
    <div class="card-head"><h3 title="${k.name}">${k.name}</h3>
      <span class="rag rag-${k.status}">${kpiStatusLabel(k)}</span></div>
    <p class="muted small">${t('kpi.owner', { party: partyName(k.ownerPartyId) })} · ${t(`dir.${k.direction}`)}</p>
    <div class="kpi-numbers"><div><small>${t('kpi.latest')}</small>
      <strong class="latest">${numberOrDash(k.latest)}</strong> <span>${k.unit}</span></div>
      <div><small>${t('kpi.target')}</small><strong>${numberOrDash(k.target)}</strong>
        <span>${k.unit}</span></div></div>
    ${k.expected != null
      ? html`<p class="small expected">${t('kpi.expected', { value: withUnit(k.expected, k.unit) })}</p>` : ''}
    <div class="chart-box"><canvas data-chart="${k.id}" data-plan="${(k.plan ?? []).length}"
      aria-label="${chartSummary(k)}" role="img"></canvas></div>
    ${editor ? html`<form class="measure" data-kpi="${k.id}" novalidate>
      <input name="date" type="date" value="${today()}" max="${today()}" required aria-label="${t('kpi.date')}">
      <input name="value" type="number" step="any" required placeholder="${t('kpi.value')}"
        aria-label="${t('kpi.value')}">
      <input name="note" maxlength="1000" placeholder="${t('kpi.note')}" aria-label="${t('kpi.note')}">
      <button class="primary" type="submit">${t('kpi.add')}</button></form>` : ''}
    ${last.length ? html`<details><summary>${t('kpi.history')}</summary><ul class="history">${last.map(m => html`
      <li><span>${formatDate(m.date)}</span> <strong>${numberOrDash(m.value)}</strong>
        ${m.note ? html`— ${m.note}` : ''}
        <small class="muted">${t('kpi.by', { name: m.enteredBy })}</small></li>`)}</ul></details>` : ''}
    ${editor ? html`<button class="link" data-edit-kpi="${k.id}">${t('common.edit')}</button>` : ''}
  </article>`;
}

function goalDialog(page, goal) {
  const { pid } = page;
  versionedDialog({
    entity: goal,
    event: 'goal.updated',
    title: goal ? t('goals.editGoal') : t('goals.newGoal'),
    fields: [
      { name: 'title', label: t('goals.field.title'), value: goal?.title, required: true, maxlength: 200 },
      { name: 'description', label: t('goals.field.description'), type: 'textarea', value: goal?.description },
      { name: 'successCriteria', label: t('goals.field.criteria'), type: 'textarea', value: goal?.successCriteria },
      { name: 'ownerPartyId', label: t('goals.field.owner'), type: 'select', value: goal?.ownerPartyId ?? page.myParty,
        options: page.partyOptions },
      { name: 'targetDate', label: t('goals.field.target'), type: 'date', value: goal?.targetDate },
      { name: 'status', label: t('goals.field.status'), type: 'select', value: goal?.status ?? 'NotStarted',
        options: goalStatuses.map(s => ({ value: s, label: goalLabel(s) })) },
    ],
    extra: goal ? { label: t('common.delete'), className: 'danger', onClick: async () => {
      if (!confirm(t('goals.deleteGoal'))) return false;
      await del(`/api/partnerships/${pid}/goals/${goal.id}?version=${goal.version}`);
      page.board.goals = page.board.goals.filter(g => g.id !== goal.id);
      draw(page);
      return true;
    } } : null,
    onConflict: current => { upsertGoal(page, current); draw(page); },
    save: async (values, version) => {
      const body = { ...values, description: values.description ?? '', successCriteria: values.successCriteria ?? '',
        version };
      const saved = goal ? await put(`/api/partnerships/${pid}/goals/${goal.id}`, body)
        : await post(`/api/partnerships/${pid}/goals`, body);
      upsertGoal(page, saved);
      draw(page);
      return saved;
    },
  });
}

function kpiFields(page, kpi) {
  return [
    { name: 'name', label: t('kpi.field.name'), value: kpi?.name, required: true, maxlength: 200 },
    { name: 'unit', label: t('kpi.field.unit'), value: kpi?.unit, maxlength: 40 },
    { name: 'direction', label: t('kpi.field.direction'), type: 'select', value: kpi?.direction ?? 'HigherIsBetter',
      options: ['HigherIsBetter', 'LowerIsBetter'].map(d => ({ value: d, label: t(`dir.${d}`) })) },
    { name: 'baseline', label: t('kpi.field.baseline'), type: 'number', step: 'any', value: kpi?.baseline },
    { name: 'target', label: t('kpi.field.target'), type: 'number', step: 'any', value: kpi?.target, required: true },
    { name: 'startDate', label: t('kpi.field.start'), type: 'date', value: kpi ? kpi.startDate : today() },
    { name: 'targetDate', label: t('kpi.field.targetDate'), type: 'date', value: kpi?.targetDate },
    { name: 'milestones', label: t('kpi.field.milestones'), type: 'textarea', rows: 2, maxlength: 2000,
      value: milestonesText(kpi?.milestones) },
    { name: 'ownerPartyId', label: t('goals.field.owner'), type: 'select', value: kpi?.ownerPartyId ?? page.myParty,
      options: page.partyOptions },
    { name: 'goalId', label: t('kpi.field.goal'), type: 'select', value: kpi?.goalId ?? '',
      options: [{ value: '', label: t('kpi.noGoal') },
        ...page.board.goals.map(g => ({ value: g.id, label: g.title }))] },
  ];
}

function kpiDialog(page, kpi) {
  const { pid } = page;
  versionedDialog({
    entity: kpi,
    event: 'kpi.updated',
    formOf: k => ({ ...k, milestones: milestonesText(k.milestones) }),
    title: kpi ? t('kpi.edit') : t('goals.newKpi'),
    fields: kpiFields(page, kpi),
    extra: kpi ? { label: t('common.delete'), className: 'danger', onClick: async () => {
      if (!confirm(t('kpi.deleteConfirm'))) return false;
      await del(`/api/partnerships/${pid}/kpis/${kpi.id}?version=${kpi.version}`);
      page.board.kpis = page.board.kpis.filter(k => k.id !== kpi.id);
      draw(page);
      return true;
    } } : null,
    onConflict: current => { upsertKpi(page, current); draw(page); },
    save: async (values, version) => {
      const body = { ...values, unit: values.unit ?? '', target: values.target ?? 0,
        milestones: readMilestones(values.milestones), version };
      const saved = kpi ? await put(`/api/partnerships/${pid}/kpis/${kpi.id}`, body)
        : await post(`/api/partnerships/${pid}/kpis`, body);
      upsertKpi(page, saved);
      draw(page);
      return saved;
    },
  });
}

/** The goals page's live handlers ({ kind: fn }) for `follow`. */
function liveUpdates(page) {
  const { pid, main } = page;
  return {
    'kpi.updated': kpi => {
      upsertKpi(page, kpi);
      // Only the changed card is redrawn, so a half-typed measurement elsewhere survives.
      if (main.querySelector(`[data-kpi="${kpi.id}"]`)) replaceCard(page, kpi.id, kpiCard(page, kpi)); else draw(page);
    },
    'kpi.deleted': kpi => { page.board.kpis = page.board.kpis.filter(k => k.id !== kpi.id); draw(page); },
    'goal.updated': goal => {
      upsertGoal(page, goal);
      if (!main.querySelector(`[data-goal="${goal.id}"]`)) { draw(page); return; }
      replaceCard(page, goal.id, goalCard(page, page.board.goals.find(g => g.id === goal.id)));
    },
    'goal.deleted': goal => { page.board.goals = page.board.goals.filter(g => g.id !== goal.id); draw(page); },
    'action.updated': item => {
      const before = page.items.find(i => i.id === item.id);
      page.items = [...page.items.filter(i => i.id !== item.id), item];
      for (const goal of page.board.goals.filter(g => g.id === before?.goalId || g.id === item.goalId)) {
        replaceCard(page, goal.id, goalCard(page, goal));
      }
    },
    '*resync': async () => {
      page.board = await get(`/api/partnerships/${pid}/goals`);
      page.items = await get(`/api/partnerships/${pid}/action-items`);
      draw(page);
    },
  };
}
